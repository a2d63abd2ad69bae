// The T3 checks run code the agent wrote (its module imported, its tests run)
// after the check has looked at the tree. What that code writes must still be
// gated, recorded and restored: the tree is looked at again, last (run-case.ts).
// Found by a hostile probe: a module whose top-level code planted the next
// case's target file passed unseen, stayed in the worktree, and the next case
// passed with it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunSummary } from '../src/types.js'
import { cliAsync, fixtureRepo, ledgerDir, type CliResult } from './support/repo.js'

const SANDBOX = 'scripts/opencode_dogfood/sandbox'
const bash = (command: string) => ({ tool_calls: [{ name: 'bash', arguments: { command: `${command}; true`, description: 'write the module' } }] })

describe('code the agent wrote, run by a check after it looked at the tree', () => {
  const { base, repo } = fixtureRepo()
  let run: CliResult
  let runDir: string
  beforeAll(async () => {
    const target = `${SANDBOX}/generated/slugify.mjs`
    // Its top-level code writes a file of its own when the check imports it.
    const module = [
      "import { writeFileSync } from 'node:fs'",
      "writeFileSync(new URL('../planted.txt', import.meta.url), 'planted by the module\\n')",
      "export function slugify(s) { return s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') }",
    ].join('\n')
    const cases = [
      {
        id: 'T3C91',
        stage: 'T3',
        expected_outcome: 'SUCCESS',
        purpose: 'a module whose import writes a file',
        check: 'codegen',
        prevention: 'off',
        params: { target, expect_export: 'slugify' },
        prompt: `Create ${target} exporting slugify().`,
        turns: [
          bash(`mkdir -p ${SANDBOX}/generated && echo ${Buffer.from(`${module}\n`).toString('base64')} | base64 -d > ${target}`),
          { text: `Created ${target}.` },
        ],
      },
      {
        id: 'T3C92',
        stage: 'T3',
        expected_outcome: 'SUCCESS',
        purpose: 'the next case finds the tree as it was',
        check: 'agent',
        prevention: 'off',
        prompt: 'Say done.',
        turns: [{ text: 'done' }],
      },
    ]
    const file = path.join(base, 'cases.json')
    writeFileSync(file, JSON.stringify({ cases }, null, 2))
    run = await cliAsync(['run', '--stages', 'T3', '--cases-file', file, '--jobs', '1', '--worktree', path.join(base, 'wt')], { cwd: repo })
    runDir = path.join(ledgerDir(repo), 'RUN_0001')
  }, 600_000)

  it("what the module wrote on import is among the case's changes, and restored", () => {
    expect(existsSync(path.join(runDir, 'run_summary.json')), run.stderr).toBe(true)
    const ev = path.join(runDir, 'evidence', 'T3C91')
    expect(readFileSync(path.join(ev, 'guard_changes.txt'), 'utf8')).toContain(`${SANDBOX}/planted.txt`)
    expect(readFileSync(path.join(ev, 'restore.txt'), 'utf8')).toMatch(/planted\.txt/)
    expect(readFileSync(path.join(ev, 'restore.txt'), 'utf8')).toMatch(/verified: tree matches the before-snapshot/)
  })

  it('the next case starts from the tree as it was: nothing of the module is left, and both pass', () => {
    const summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
    const ours = summary.cases.filter((c) => c.case_id >= 'T3C9')
    expect(ours.map((c) => `${c.case_id} ${c.status}`)).toEqual(['T3C91 PASS', 'T3C92 PASS'])
    expect(existsSync(path.join(runDir, 'evidence', 'T3C92', 'guard_changes.txt'))).toBe(false)
  })
})
