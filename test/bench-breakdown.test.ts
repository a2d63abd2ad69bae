// `npm run bench` prints where the suite's time went, from each case's own timed
// log (stdout.txt): before the prompt, the agent, after the answer, outside the
// case's log, and the run level. Checked here on a ledger made for it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { suiteBreakdown } from '../src/bench.js'

function ledger(logs: Record<string, string[]>): string {
  const run = mkdtempSync(path.join(os.tmpdir(), 'bench-breakdown-'))
  for (const [id, lines] of Object.entries(logs)) {
    mkdirSync(path.join(run, 'evidence', id), { recursive: true })
    writeFileSync(path.join(run, 'evidence', id, 'stdout.txt'), lines.map((l) => `${id} ${l}\n`).join(''))
  }
  return run
}

describe('bench: where the suite time went', () => {
  it("splits each case at its first prompt and its last answer; the agent is the transport's own time; the rest is named", () => {
    const run = ledger({
      T2A01: [
        '+0.21s: worktree check: isolated',
        '+0.26s: prompt → dogfood/scripted via sdk',
        '+1.34s: answer 146 chars in 1076 ms',
        '+1.43s: verdict: SUCCESS',
      ],
      // Two calls with the check's own work between them; the last one timed out (its own line, no answer).
      T3C02: [
        '+0.20s: prompt → dogfood/scripted via sdk',
        '+1.00s: role planner: answer 5 chars in 700 ms',
        '+1.10s: prompt → dogfood/scripted via sdk',
        '+4.40s: budget 3000 ms, elapsed 3100 ms, timed out: true',
        '+4.50s: verdict: FAIL TIMEOUTEXCEEDED',
      ],
      T1C03: ['+0.10s: worktree check: isolated', '+0.30s: verdict: FAIL (model not found)'],
    })
    const b = suiteBreakdown(
      run,
      [
        { case_id: 'T2A01', duration_ms: 1800 },
        { case_id: 'T1C03', duration_ms: 500 },
        { case_id: 'T3C02', duration_ms: 4600 },
      ],
      8000,
    )
    expect(b.beforePrompt).toBeCloseTo(260 + 300 + 200)
    expect(b.agent).toBeCloseTo(1076 + 700 + 3100)
    // T2A01: 1340 - 260 - 1076; T3C02: 4400 - 200 - 3800.
    expect(b.checkWork).toBeCloseTo(4 + 400)
    expect(b.afterAnswer).toBeCloseTo(90 + 100)
    expect(b.outsideLog).toBeCloseTo(1800 - 1430 + (500 - 300) + (4600 - 4500))
    expect(b.runLevel).toBe(8000 - 6900)
  })
})
