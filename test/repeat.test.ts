// Issue 11: --repeat N. Every attempt is a whole case in a fresh session, kept
// in its own small ledger; a case passes only when every attempt does, and
// its pass rate is in the summary, the table and the verdict.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseResult, RunSummary, TokenUsage } from '../src/types.js'
import { cliAsync, fixtureRepo, git, ledgerDir, type CliResult } from './support/repo.js'

describe('--repeat 3 with an agent that fails one attempt in three', () => {
  const { base, repo } = fixtureRepo()
  const wt = path.join(base, 'wt')
  let r: CliResult
  let summary: RunSummary
  const runDir = () => path.join(ledgerDir(repo), 'RUN_0001')
  beforeAll(async () => {
    // The agent counts its attempts in its own temp folder (it persists across sessions of one server) and skips the write on the second.
    const target = 'docs/zz_scratch/opencode_dogfood_probe.md'
    const cmd = `n=$(cat "$TMPDIR/attempts" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$TMPDIR/attempts"; if [ $n -ne 2 ]; then printf '# probe\\nrepeat-marker\\n' > ${target}; fi`
    const file = path.join(base, 'cases.json')
    writeFileSync(
      file,
      JSON.stringify({
        cases: [
          {
            id: 'T2B88',
            stage: 'T2b',
            expected_outcome: 'SUCCESS',
            purpose: 'write the probe doc (but not on the second attempt)',
            check: 'write',
            prevention: 'off',
            params: { target, expect_contains: 'repeat-marker' },
            prompt: 'Write the marker into the probe doc.',
            turns: [{ tool_calls: [{ name: 'bash', arguments: { command: cmd, description: 'write' } }] }, { text: 'done' }],
          },
        ],
      }),
    )
    r = await cliAsync(['run', '--case', 'T2B88', '--repeat', '3', '--jobs', '1', '--cases-file', file, '--worktree', wt], { cwd: repo })
    summary = JSON.parse(readFileSync(path.join(runDir(), 'run_summary.json'), 'utf8')) as RunSummary
  }, 600_000)

  it('the case fails with rate 2/3, in the summary and the table', () => {
    expect(r.status, r.stderr).toBe(1)
    const c = summary.cases[0]
    expect(c).toMatchObject({ case_id: 'T2B88', status: 'FAIL', attempts: { passed: 2, total: 3 } })
    expect(c.reason).toMatch(/^2\/3 attempts passed; attempt 2: /)
    expect(r.stdout).toMatch(/T2B88 .* FAIL 2\/3/)
  })

  it('each attempt has its own result and evidence; the case carries the failing attempt and attempts.json', () => {
    const statuses = [1, 2, 3].map(
      (k) => (JSON.parse(readFileSync(path.join(runDir(), 'attempts', 'T2B88', String(k), 'cases', 'T2B88.result.json'), 'utf8')) as CaseResult).status,
    )
    expect(statuses).toEqual(['PASS', 'FAIL', 'PASS'])
    const list = JSON.parse(readFileSync(path.join(runDir(), 'evidence', 'T2B88', 'attempts.json'), 'utf8')) as { attempt: number; status: string }[]
    expect(list.map((a) => a.status)).toEqual(['PASS', 'FAIL', 'PASS'])
    const res = JSON.parse(readFileSync(path.join(runDir(), 'cases', 'T2B88.result.json'), 'utf8')) as CaseResult
    expect(res.status).toBe('FAIL')
    // Three fresh sessions: three transcripts.
    for (const k of [1, 2, 3])
      expect(readFileSync(path.join(repo, 'logs', 'agent_calls', 'RUN_0001', 'attempts', String(k), 'T2B88.json'), 'utf8')).toContain('repeat-marker')
  })

  it('the ledger verifies (attempts included) and the worktree is back at HEAD', async () => {
    const v = await cliAsync(['verify', runDir()])
    expect(v.status, v.stdout).toBe(0)
    expect(git(wt, 'status', '--porcelain', '--untracked-files=all')).toBe('')
  })

  it("the case's tokens and cost are its attempts' added up; compare gives its pass rate over the attempts and their median latency", async () => {
    const c = summary.cases[0]
    const file = JSON.parse(readFileSync(path.join(runDir(), 'evidence', 'T2B88', 'tokens.json'), 'utf8')) as {
      total: TokenUsage
      attempts: (TokenUsage & { attempt: number })[]
    }
    expect(file.attempts.map((a) => a.attempt)).toEqual([1, 2, 3])
    for (const a of file.attempts) expect(a.total).toBeGreaterThan(0)
    for (const k of ['input', 'output', 'total'] as const) expect(file.attempts.reduce((n, a) => n + a[k], 0)).toBe(c.tokens![k])
    expect(file.total).toEqual(c.tokens)
    expect(summary.tokens).toEqual(c.tokens)
    const durations = (JSON.parse(readFileSync(path.join(runDir(), 'evidence', 'T2B88', 'attempts.json'), 'utf8')) as { duration_ms: number }[])
      .map((a) => a.duration_ms)
      .sort((a, b) => a - b)
    const cmp = await cliAsync(['compare', runDir(), runDir(), '--json'])
    expect(cmp.status, cmp.stderr).toBe(0)
    const cell = JSON.parse(cmp.stdout).rows[0].cells[0]
    expect(cell).toMatchObject({ status: 'FAIL', passed: 2, attempts: 3, median_ms: durations[1], tokens: c.tokens })
    expect(cell.pass_rate).toBeCloseTo(2 / 3, 9)
  })
})
