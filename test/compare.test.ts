// Issue 20: tokens and cost, and `compare`. Two real hermetic runs of the same
// case set (T1 + T2a) — the second with one case scripted to fail (T2A02's
// agent answers without reading the file: EVIDENCEMISMATCH) — and a third of
// one case under a token budget. The scripted model reports usage and has a
// price, so OpenCode's own tokens and cost are non-zero offline.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunSummary, TokenUsage } from '../src/types.js'
import { cli, cliAsync, fixtureRepo, ledgerDir, type CliResult } from './support/repo.js'

const COUNTS = ['input', 'output', 'reasoning', 'cache_read', 'cache_write', 'total'] as const

describe('tokens and cost of a hermetic run, and compare across runs', () => {
  const { base, repo } = fixtureRepo()
  const run = (n: number) => path.join(ledgerDir(repo), `RUN_000${n}`)
  const summaryOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'run_summary.json'), 'utf8')) as RunSummary
  let first: CliResult
  let second: CliResult
  let budget: CliResult
  beforeAll(async () => {
    const all = JSON.parse(readFileSync(path.resolve('fixtures/cases.json'), 'utf8')) as { cases: { id: string; turns: unknown[] }[] }
    const same = path.join(base, 'cases-a.json')
    writeFileSync(same, JSON.stringify(all))
    // The same cases; T2A02's agent answers without reading the file it was asked about.
    const changed = path.join(base, 'cases-b.json')
    writeFileSync(
      changed,
      JSON.stringify({ cases: all.cases.map((c) => (c.id === 'T2A02' ? { ...c, turns: [{ text: 'The policy doc looks fine to me.' }] } : c)) }),
    )
    first = await cliAsync(['run', '--stages', 'T1,T2a', '--jobs', '1', '--cases-file', same, '--junit', path.join(base, 'junit.xml')], { cwd: repo })
    second = await cliAsync(['run', '--stages', 'T1,T2a', '--jobs', '1', '--cases-file', changed], { cwd: repo })
    budget = await cliAsync(['run', '--case', 'T2A01', '--cases-file', same, '--case-token-budget', '100'], { cwd: repo })
  }, 600_000)

  it('every case that called the model has non-zero tokens and cost, and they add up to the run total', () => {
    expect(first.status, first.stderr).toBe(0)
    const s = summaryOf(run(1))
    expect(s.model).toBe('dogfood/scripted')
    expect(s.opencode_version).toMatch(/^1\.\d+\.\d+$/)
    for (const c of s.cases) {
      expect(c.tokens, c.case_id).toBeDefined()
      // T1C03 asks for a model the registry does not have: it never reaches one.
      if (c.case_id === 'T1C03') expect(c.tokens!.total).toBe(0)
      else {
        expect(c.tokens!.input, c.case_id).toBeGreaterThan(0)
        expect(c.tokens!.output, c.case_id).toBeGreaterThan(0)
        expect(c.tokens!.cost, c.case_id).toBeGreaterThan(0)
      }
      // The case's evidence itemises the same figures, call by call.
      const file = JSON.parse(readFileSync(path.join(run(1), 'evidence', c.case_id, 'tokens.json'), 'utf8')) as { total: TokenUsage; calls: TokenUsage[] }
      expect(file.total).toEqual(c.tokens)
      for (const k of COUNTS) expect(file.calls.reduce((n, x) => n + x[k], 0)).toBe(c.tokens![k])
    }
    for (const k of COUNTS)
      expect(
        s.cases.reduce((n, c) => n + c.tokens![k], 0),
        k,
      ).toBe(s.tokens![k])
    expect(s.cases.reduce((n, c) => n + c.tokens!.cost, 0)).toBeCloseTo(s.tokens!.cost, 9)
    expect(s.tokens!.total).toBe(s.tokens!.input + s.tokens!.output + s.tokens!.reasoning + s.tokens!.cache_read + s.tokens!.cache_write)
    // T1C02 prompts three roles: three calls.
    expect((JSON.parse(readFileSync(path.join(run(1), 'evidence', 'T1C02', 'tokens.json'), 'utf8')) as { calls: unknown[] }).calls).toHaveLength(3)
  })

  it('the verdict table, JUnit properties and the HTML report show tokens and cost', () => {
    const s = summaryOf(run(1))
    expect(first.stdout).toMatch(/case\s+stage\s+expected\s+actual\s+status\s+code\s+ms\s+tokens\s+cost \$/)
    expect(first.stdout).toContain(`tokens: ${s.tokens!.total} (input ${s.tokens!.input}`)
    const t2a01 = s.cases.find((c) => c.case_id === 'T2A01')!
    expect(first.stdout).toMatch(new RegExp(`T2A01 .* ${t2a01.tokens!.total} +0\\.00`))
    const junit = readFileSync(path.join(base, 'junit.xml'), 'utf8')
    expect(junit).toContain(`<property name="tokens.total" value="${s.tokens!.total}"/>`)
    expect(junit).toContain(`<property name="T2A01.tokens.total" value="${t2a01.tokens!.total}"/>`)
    expect(junit).toContain(`<property name="opencode_version" value="${s.opencode_version}"/>`)
    const html = readFileSync(path.join(run(1), 'report.html'), 'utf8')
    expect(html).toContain('tokens and cost')
    expect(html).toContain(`total ${s.tokens!.total} ·`)
  })

  it('a case over --case-token-budget is ended, with its reason', () => {
    expect(budget.status, budget.stderr).toBe(1)
    const c = summaryOf(run(3)).cases[0]
    expect(c).toMatchObject({ case_id: 'T2A01', status: 'FAIL', failure_code: 'CLIFAIL' })
    expect(c.reason).toMatch(/^token budget exceeded: the session used \d+ tokens, the budget is 100 \(--case-token-budget\): the case was ended$/)
    const file = JSON.parse(readFileSync(path.join(run(3), 'evidence', 'T2A01', 'tokens.json'), 'utf8')) as {
      budget: number
      calls: { over_budget?: string }[]
    }
    expect(file.budget).toBe(100)
    expect(file.calls[0].over_budget).toMatch(/token budget exceeded/)
  })

  it('compare: exactly the changed case flips PASS→FAIL, and the exit status is 1', () => {
    expect(second.status).toBe(1)
    const r = cli(['compare', run(1), run(2)], { cwd: repo })
    expect(r.status, r.stderr).toBe(1)
    const rows = r.stdout.split('\n').filter((l) => /^T\d/.test(l))
    expect(rows).toHaveLength(6)
    expect(rows.filter((l) => /→/.test(l))).toEqual([expect.stringMatching(/^T2A02 +PASS 1\/1 · .* FAIL 0\/1 · .*#2 RUN_0002: PASS→FAIL$/)])
    expect(r.stdout).toMatch(/^#1 RUN_0001 \(baseline\): model dogfood\/scripted, OpenCode 1\.\d+\.\d+, /m)
    expect(r.stdout).toContain('worse than the baseline: T2A02 (exit 1)')
    // The other way round, the case got better: no gate.
    const back = cli(['compare', run(2), run(1)], { cwd: repo })
    expect(back.status, back.stderr).toBe(0)
    expect(back.stdout).toMatch(/^T2A02 .*#2 RUN_0001: FAIL→PASS$/m)
  })

  it('compare --json: columns, rows with cells and flips, the cases that got worse', () => {
    const r = cli(['compare', run(1), run(2), '--json'], { cwd: repo })
    expect(r.status).toBe(1)
    const j = JSON.parse(r.stdout)
    expect(j.schema_id).toBe('opencode_dogfood_compare')
    expect(j.columns.map((c: { run_id: string }) => c.run_id)).toEqual(['RUN_0001', 'RUN_0002'])
    expect(j.columns[0]).toMatchObject({ model: 'dogfood/scripted', opencode_version: expect.stringMatching(/^1\./), final_verdict: 'PASS' })
    expect(j.columns[0].tokens).toEqual(summaryOf(run(1)).tokens)
    expect(j.worse).toEqual(['T2A02'])
    expect(j.not_in_every_run).toEqual([])
    const row = j.rows.find((x: { case_id: string }) => x.case_id === 'T2A02')
    expect(row.flips).toEqual([{ run: 1, change: 'PASS→FAIL', worse: true }])
    expect(row.cells[0]).toMatchObject({ status: 'PASS', passed: 1, attempts: 1, pass_rate: 1 })
    expect(row.cells[1]).toMatchObject({ status: 'FAIL', passed: 0, attempts: 1, pass_rate: 0 })
    expect(row.cells[0].median_ms).toBeGreaterThan(0)
    expect(row.cells[0].tokens.total).toBeGreaterThan(0)
    expect(j.rows.filter((x: { flips: unknown[] }) => x.flips.length > 0).map((x: { case_id: string }) => x.case_id)).toEqual(['T2A02'])
  })

  it('compare --markdown FILE writes the table as Markdown', () => {
    const file = path.join(base, 'out', 'compare.md')
    const r = cli(['compare', run(1), run(2), '--markdown', file], { cwd: repo })
    expect(r.status).toBe(1)
    const md = readFileSync(file, 'utf8')
    expect(md).toMatch(/^## opencode-dogfood compare: ❌ worse than the baseline/)
    expect(md).toMatch(/^\| case \| #1 RUN_0001<br>dogfood\/scripted<br>OpenCode 1\.\d+\.\d+ \| #2 RUN_0002<br>/m)
    expect(md).toMatch(/^\| T2A02 \| PASS 1\/1 · .* \| FAIL 0\/1 · .* \| #2 RUN_0002: PASS→FAIL \|$/m)
    expect(md.split('\n').filter((l) => /^\| T\d/.test(l))).toHaveLength(6)
  })

  it('compare --html FILE writes the page: a row per case, the worse cell marked', () => {
    const file = path.join(base, 'out', 'compare.html')
    const r = cli(['compare', run(1), run(2), '--html', file], { cwd: repo })
    expect(r.status).toBe(1)
    const page = readFileSync(file, 'utf8')
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;;')
    expect(page.match(/<tr id="case-T/g)).toHaveLength(6)
    expect(page.match(/class="s-FAIL worse"/g)).toHaveLength(1)
    expect(page).toMatch(/<tr id="case-T2A02">.*<td class="s-FAIL worse">FAIL 0\/1 · /)
  })

  it('compare refuses runs of different case sets in one line (exit 2), unless --allow-different-cases', () => {
    const r = cli(['compare', run(1), run(3)], { cwd: repo })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^opencode-dogfood: compare: refused: .*RUN_0003 \(RUN_0003\) is not of the case set of .*RUN_0001 \(RUN_0001\): -T1C01 -T1C02 -T1C03 -T2A02 -T2A03/,
      ),
    ])
    const allowed = cli(['compare', run(1), run(3), '--allow-different-cases'], { cwd: repo })
    // T2A01 ran in both (and went over its token budget in the second); the others are absent there.
    expect(allowed.status).toBe(1)
    expect(allowed.stdout).toMatch(/^T2A01 .*#2 RUN_0003: PASS→FAIL$/m)
    expect(allowed.stdout).toContain('not in every run: ')
  })

  it('compare refuses a run whose ledger does not verify (one line, exit 2), and a link inside one', () => {
    const copies = mkdtempSync(path.join(os.tmpdir(), 'dogfood-compare-'))
    const tampered = path.join(copies, 'RUN_0001')
    cpSync(run(2), tampered, { recursive: true })
    // FAIL made PASS after the seal, without re-sealing.
    const result = path.join(tampered, 'cases', 'T2A02.result.json')
    writeFileSync(result, readFileSync(result, 'utf8').replace('"status": "FAIL"', '"status": "PASS"'))
    const r = cli(['compare', run(1), tampered], { cwd: repo })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^opencode-dogfood: compare: .*RUN_0001: refused: the ledger does not verify \(\d+ problem\(s\); first: .*T2A02\.result\.json/),
    ])
    expect(r.stdout).toBe('')
    // A link where a ledger file was: refused before anything is read through it.
    const linked = path.join(copies, 'RUN_0002')
    cpSync(run(1), linked, { recursive: true })
    const answer = path.join(linked, 'evidence', 'T2A01', 'answer.txt')
    rmSync(answer)
    symlinkSync('/etc/passwd', answer)
    const l = cli(['compare', run(1), linked], { cwd: repo })
    expect(l.status).toBe(2)
    expect(l.stderr).toMatch(/refused: evidence\/T2A01\/answer\.txt is not a regular file/)
    expect(existsSync(run(1))).toBe(true)
  })
})
