// Issue 11: --jobs. The cases of one stage run at once, each in its own
// worktree with its own contained server: the ledger is the one a serial run
// writes but for timings (`diff` finds nothing), and a safety violation still
// stops the run — the cases in flight are ended, restored and recorded.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseResult, RunSummary } from '../src/types.js'
import { processesUnder } from './support/processes.js'
import { cliAsync, fixtureRepo, git, ledgerDir, type CliResult } from './support/repo.js'

const ROOT = path.resolve('.')


describe('--jobs: the same ledger as a serial run, but for timings', () => {
  const { base, repo } = fixtureRepo()
  let serial: CliResult
  let parallel: CliResult
  beforeAll(async () => {
    serial = await cliAsync(['run', '--stages', 'T1,T2a,T2b', '--jobs', '1', '--containment', 'required', '--worktree', path.join(base, 'wt1')], { cwd: repo })
    parallel = await cliAsync(['run', '--stages', 'T1,T2a,T2b', '--jobs', '3', '--containment', 'required', '--worktree', path.join(base, 'wt3')], { cwd: repo })
  }, 900_000)

  it('both pass; the parallel run used its slots and removed their worktrees', () => {
    expect(serial.status, serial.stderr).toBe(0)
    expect(parallel.status, parallel.stderr).toBe(0)
    expect(parallel.stderr).toMatch(/slot 1: OpenCode server ready/)
    expect(parallel.stderr).toMatch(/slot 2: worktree .* removed/)
    expect(git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1)
  })

  it('diff RUN_0001 RUN_0002 finds no difference', async () => {
    const d = await cliAsync(['diff', path.join(ledgerDir(repo), 'RUN_0001'), path.join(ledgerDir(repo), 'RUN_0002')], { cwd: ROOT })
    expect(d.status, d.stdout + d.stderr).toBe(0)
  })
})

describe('--jobs: a safety violation stops a parallel stage', () => {
  const { base, repo } = fixtureRepo()
  const wt = path.join(base, 'wt')
  let r: CliResult
  let summary: RunSummary
  beforeAll(async () => {
    // The built-in T2b cases restated with slow turns (still in flight when T2B82 breaks a gate at once).
    const builtin = (JSON.parse(readFileSync('fixtures/cases.json', 'utf8')) as { cases: { id: string; turns: { delay_ms?: number }[] }[] }).cases
    const slow = builtin.filter((c) => c.id.startsWith('T2B')).map((c) => ({ ...c, turns: c.turns.map((t) => ({ ...t, delay_ms: 12_000 })) }))
    const bad = {
      id: 'T2B82',
      stage: 'T2b',
      expected_outcome: 'SUCCESS',
      purpose: 'deletes a fixture at once (GITCLEANFAIL, unexpected)',
      prevention: 'off',
      prompt: 'Edit the README.',
      turns: [{ tool_calls: [{ name: 'bash', arguments: { command: 'rm scripts/opencode_dogfood/sandbox/fixtures/policy.md', description: 'delete' } }] }, { text: 'done' }],
    }
    const file = path.join(base, 'cases.json')
    writeFileSync(file, JSON.stringify({ cases: [...slow, bad] }))
    r = await cliAsync(['run', '--stages', 'T2b', '--jobs', '4', '--containment', 'required', '--cases-file', file, '--worktree', wt], { cwd: repo })
    summary = JSON.parse(readFileSync(path.join(ledgerDir(repo), 'RUN_0001', 'run_summary.json'), 'utf8')) as RunSummary
  }, 600_000)

  it('the run fails on the safety stop', () => {
    expect(r.status, r.stderr).toBe(1)
    expect(summary.final_verdict).toBe('FAIL')
    expect(summary.stop_reason).toMatch(/T2B82/)
    const bad = summary.cases.find((c) => c.case_id === 'T2B82')!
    expect(bad).toMatchObject({ status: 'FAIL', failure_code: 'GITCLEANFAIL' })
  })

  it('the cases in flight were ended and recorded, each told why', () => {
    for (const id of ['T2B01', 'T2B02', 'T2B03']) {
      const res = JSON.parse(readFileSync(path.join(ledgerDir(repo), 'RUN_0001', 'cases', `${id}.result.json`), 'utf8')) as CaseResult
      expect(res.status, id).toBe('FAIL')
      expect(res.reason, id).toMatch(new RegExp(`T2B82.* during ${id}`))
    }
  })

  it('every worktree is back at HEAD (restored), the slots are gone, no process is left, the ledger verifies', async () => {
    const status = git(wt, 'status', '--porcelain', '--untracked-files=all')
    expect(status).toBe('')
    expect(git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(2) // the checkout and the kept run worktree
    expect(processesUnder(base)).toEqual([])
    const v = await cliAsync(['verify', path.join(ledgerDir(repo), 'RUN_0001')], { cwd: ROOT })
    expect(v.status, v.stdout).toBe(0)
  })
})
