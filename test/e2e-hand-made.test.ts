// The plan packet's own How to Run, end to end: a worktree made by hand
// (`git worktree add ../wt HEAD`), `run` inside it, the full suite, with the
// sandbox required. Issue 8, item 1: no false alarm on files restored byte for
// byte; the main checkout comes out byte-identical.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunSummary } from '../src/types.js'
import { manifest } from './support/escape-run.js'
import { cliAsync, fixtureRepo, git, ledgerDir, type CliResult } from './support/repo.js'

describe("the plan packet's flow: the full suite in a worktree made by hand, containment required", () => {
  const { base, repo } = fixtureRepo()
  const wt = path.join(base, 'wt')
  let r: CliResult
  let before: Map<string, string>
  beforeAll(async () => {
    git(repo, 'worktree', 'add', '-q', wt, 'HEAD')
    before = manifest(repo, (rel) => /^\.git\/(worktrees|logs|objects)(\/|$)/.test(rel))
    r = await cliAsync(['run', '--containment', 'required'], { cwd: wt })
  }, 600_000)

  it('passes all 15 cases, contained, and exits 0', () => {
    expect(r.status, r.stderr).toBe(0)
    const summary = JSON.parse(readFileSync(path.join(ledgerDir(wt), 'RUN_0001', 'run_summary.json'), 'utf8')) as RunSummary
    expect(summary).toMatchObject({ total_cases: 15, passed: 15, failed: 0, skipped: 0, final_verdict: 'PASS' })
    expect(summary.containment).toMatch(/^bwrap/)
    expect(r.stderr).not.toMatch(/MODIFICATIONFAIL|changed your checkout/)
  })

  it('leaves the main checkout byte-identical and the worktree clean but for the ledger', () => {
    const after = manifest(repo, (rel) => /^\.git\/(worktrees|logs|objects)(\/|$)/.test(rel))
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k))
    expect(changed).toEqual([])
    const status = git(wt, 'status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter((l) => l && !/ (artifacts|logs)\//.test(l))
    expect(status).toEqual([])
  })
})
