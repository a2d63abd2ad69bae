// Hostile probe B (session 7): the repository under test decides what its checkout holds, links included.
// A committed `artifacts -> /elsewhere` or `logs -> /elsewhere` carried the run's ledger and transcripts out
// of the checkout (mkdir -p follows links), `logs/agent_calls/RUN_0002 -> /x` put transcripts into any
// existing folder, and a committed RUN_9999 crashed the run with a stack after its worktree was made. Each is
// now refused in one line (exit 2) before the run makes anything: no worktree, nothing written outside.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, fixtureRepo, git } from './support/repo.js'

function attempt(plant: (repo: string, outside: string) => void): { status: number; stderr: string; outside: string[]; worktrees: number; wt: boolean } {
  const { base, repo } = fixtureRepo()
  const outside = mkdtempSync(path.join(os.tmpdir(), 'dogfood-ledger-outside-'))
  plant(repo, outside)
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'hostile layout')
  const wt = path.join(base, 'wt')
  const r = cli(['run', '--case', 'T1C01', '--worktree', wt], { cwd: repo })
  return {
    status: r.status,
    stderr: r.stderr,
    outside: readdirSync(outside, { recursive: true }) as string[],
    worktrees: git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)?.length ?? 0,
    wt: existsSync(wt),
  }
}

const oneLine = (r: { status: number; stderr: string }, pattern: RegExp) => {
  expect(r.status, r.stderr).toBe(2)
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1)
  expect(r.stderr).toMatch(pattern)
}

describe('a ledger or transcripts folder the repository made a link', () => {
  it('artifacts -> a folder outside: refused in one line; nothing written there; no worktree made', () => {
    const r = attempt((repo, outside) => symlinkSync(outside, path.join(repo, 'artifacts')))
    oneLine(r, /--ledger-dir: artifacts is a symbolic link in the checkout/)
    expect(r.outside).toEqual([])
    expect([r.worktrees, r.wt]).toEqual([1, false])
  })

  it('logs -> a folder outside: the same, for the transcripts', () => {
    const r = attempt((repo, outside) => symlinkSync(outside, path.join(repo, 'logs')))
    oneLine(r, /--ledger-dir: logs is a symbolic link in the checkout/)
    expect(r.outside).toEqual([])
    expect([r.worktrees, r.wt]).toEqual([1, false])
  })

  it("logs/agent_calls/<the next run id> -> an existing folder: refused; the folder's contents untouched", () => {
    const r = attempt((repo, outside) => {
      writeFileSync(path.join(outside, 'keep.txt'), 'x')
      mkdirSync(path.join(repo, 'logs', 'agent_calls'), { recursive: true })
      symlinkSync(outside, path.join(repo, 'logs', 'agent_calls', 'RUN_0001'))
    })
    oneLine(r, /RUN_0001 exists already: the next run's transcripts need a folder of their own/)
    expect(r.outside).toEqual(['keep.txt'])
    expect([r.worktrees, r.wt]).toEqual([1, false])
  })

  it('a committed RUN_9999: the ledger is full, said in one line (no stack), before any worktree', () => {
    const r = attempt((repo) => {
      const d = path.join(repo, 'artifacts', 'ledger', 'opencode_dogfood', 'RUN_9999')
      mkdirSync(d, { recursive: true })
      writeFileSync(path.join(d, 'x'), 'x')
    })
    oneLine(r, /already holds RUN_9999: run ids end at RUN_9999/)
    expect([r.worktrees, r.wt]).toEqual([1, false])
  })
})
