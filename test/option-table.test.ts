// The option table is the one declaration of every run option: the CLI's
// parser and --help, the Action's inputs, action.yml and the README's table
// must all say what it says. DOGFOOD_WRITE_DOCS=1 (npm run docs) rewrites the
// README table and action.yml's defaults and descriptions from it instead.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isMap, isScalar, parseDocument, Scalar } from 'yaml'
import { ACTION_INPUTS } from '../src/action/inputs.js'
import { README_END, README_START, runOptionsHelp, runOptionsReadme } from '../src/suite/option-docs.js'
import { OPENCODE_PINNED, OPTION_TABLE } from '../src/suite/option-table.js'
import { RUN_OPTIONS } from '../src/suite/inputs.js'

const WRITE = process.env.DOGFOOD_WRITE_DOCS === '1'
const norm = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the option table', () => {
  it('declares each flag and each input once', () => {
    const flags = OPTION_TABLE.filter((o) => o.flag).map((o) => o.flag)
    const inputs = OPTION_TABLE.filter((o) => o.input).map((o) => o.input)
    const keys = OPTION_TABLE.map((o) => o.key)
    expect(new Set(flags).size).toBe(flags.length)
    expect(new Set(inputs).size).toBe(inputs.length)
    expect(new Set(keys).size).toBe(keys.length)
    for (const o of OPTION_TABLE) {
      if (o.flag) expect(o.help, o.flag).toBeTruthy()
      if (o.input) expect(o.action, o.input).toBeTruthy()
    }
  })

  it('the CLI parses exactly the flags of the table, and --help lists each', () => {
    expect(Object.keys(RUN_OPTIONS)).toEqual(OPTION_TABLE.filter((o) => o.flag).map((o) => o.flag))
    const help = runOptionsHelp()
    for (const o of OPTION_TABLE.filter((x) => x.flag)) expect(help).toContain(`--${o.flag}`)
  })

  it("the README's run options table is the table's", () => {
    const readme = readFileSync('README.md', 'utf8')
    const a = readme.indexOf(README_START)
    const b = readme.indexOf(README_END)
    expect(a, 'README.md has the run-options markers').toBeGreaterThan(0)
    const head = readme.slice(a, b).split('\n').slice(0, 2).join('\n')
    const want = `${head}\n${runOptionsReadme()}`
    if (WRITE) writeFileSync('README.md', readme.slice(0, a) + want + readme.slice(b))
    else expect(readme.slice(a, b), 'run `npm run docs`').toBe(want)
  })

  it('action.yml has the inputs of the table, in its order, with its defaults and descriptions', () => {
    const doc = parseDocument(readFileSync('action.yml', 'utf8'))
    const inputs = doc.get('inputs')
    if (!isMap(inputs)) throw new Error('action.yml has no inputs map')
    expect(inputs.items.map((p) => String((p.key as Scalar).value))).toEqual([...ACTION_INPUTS])
    for (const o of OPTION_TABLE.filter((x) => x.input)) {
      const wantDefault = o.actionDefault ?? o.default ?? ''
      const wantText = o.action!
      if (WRITE) {
        const d = new Scalar(wantText)
        d.type = wantText.length > 80 ? 'BLOCK_FOLDED' : 'PLAIN'
        doc.setIn(['inputs', o.input!, 'description'], d)
        doc.setIn(['inputs', o.input!, 'default'], wantDefault)
        continue
      }
      const desc = doc.getIn(['inputs', o.input!, 'description'])
      expect(norm(String(isScalar(desc) ? desc.value : desc)), `${o.input}: description`).toBe(norm(wantText))
      expect(String(doc.getIn(['inputs', o.input!, 'default']) ?? ''), `${o.input}: default`).toBe(wantDefault)
    }
    if (WRITE) writeFileSync('action.yml', doc.toString({ lineWidth: 100 }))
  })

  it('opencode-version defaults to the opencode-ai version the tests run', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> }
    expect(OPENCODE_PINNED).toBe(lock.packages['node_modules/opencode-ai'].version)
  })
})
