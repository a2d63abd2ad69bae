// The job summary against golden markdown files, and its 1 MiB bound.
// Regenerate the goldens after an intended change: UPDATE_GOLDEN=1 npx vitest run test/action/summary.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { JOB_SUMMARY_LIMIT, renderJobSummary, type ReportContext } from '../../src/report/summary.js'
import { hugeFailingRun, passingRun, safetyStopRun } from '../support/action/summaries.js'

function golden(name: string, actual: string): void {
  const file = path.resolve('test/golden', name)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 once and review it`).toBe(true)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const LEDGER = '/home/runner/work/app/app/artifacts/ledger/opencode_dogfood/RUN_0001'
const artifact = {
  name: 'opencode-dogfood-4242-1-dogfood-1a2b3c4d',
  id: 1001,
  digest: 'ab'.repeat(32),
  size: 48213,
  url: 'https://github.com/octo-org/octo-repo/actions/runs/4242/artifacts/1001',
}

describe('job summary', () => {
  it('PASS: verdict, counts, every case in the table, artifact link and digest', () => {
    const ctx: ReportContext = { summary: passingRun(), ledgerPath: LEDGER, model: 'dogfood/scripted', artifact }
    const md = renderJobSummary(ctx)
    golden('summary-pass.md', md)
    for (const c of ctx.summary.cases) expect(md).toContain(`| ${c.case_id} | ${c.stage} |`)
    expect(md).toContain('[opencode-dogfood-4242-1-dogfood-1a2b3c4d](https://github.com/octo-org/octo-repo/actions/runs/4242/artifacts/1001)')
    expect(md).toContain(`sha256:${'ab'.repeat(32)}`)
    expect(md).toContain('- report: `RUN_0001/report.html` in the artifact — unzip it and open the page')
  })

  it('FAIL: stop reason, skipped rows, reasons escaped, offending paths, upload failure shown', () => {
    const ctx: ReportContext = {
      summary: safetyStopRun(),
      ledgerPath: LEDGER.replace('0001', '0002'),
      model: 'anthropic/claude-sonnet-4-5',
      artifact: { name: 'opencode-dogfood-4242-1-dogfood', error: 'Failed to CreateArtifact: (403) Forbidden' },
    }
    const md = renderJobSummary(ctx)
    golden('summary-fail.md', md)
    expect(md).toContain('> **Stop reason:** safety gate: T2B01 MODIFICATIONFAIL')
    expect(md).toContain('\\| a &lt;b&gt;pipe&lt;/b&gt; in the reason')
    expect(md).not.toContain('<b>')
    // Each failing case points into the HTML report; skipped ones do not.
    expect(md).toContain('— paths: `src/app.ts`, `README.md` — details: `RUN_0002/report.html#case-T2B01`')
    expect(md.match(/report\.html#case-/g)).toHaveLength(1)
    expect(md).toContain('- report: `/home/runner/work/app/app/artifacts/ledger/opencode_dogfood/RUN_0002/report.html` in the workspace')
  })

  it('upload disabled is said so', () => {
    const md = renderJobSummary({ summary: passingRun(), ledgerPath: LEDGER, model: 'dogfood/scripted' })
    expect(md).toContain('- artifact: not uploaded (`upload-artifact: false`)')
  })

  it('over the limit: rows are left out whole and a note points at the artifact (small limit, golden)', () => {
    const md = renderJobSummary({ summary: hugeFailingRun(40, 80, 1), ledgerPath: LEDGER, model: 'dogfood/scripted', artifact }, 4000)
    golden('summary-overflow.md', md)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(4000)
    expect(md).toMatch(/> ⚠️ \d+ line\(s\) not shown: a job summary must stay under 1 MiB\. The full table is run_summary\.json in the ledger artifact\./)
    // The ledger section (artifact link and digest) survives the cut.
    expect(md).toContain(`sha256:${'ab'.repeat(32)}`)
    // Every row that is there is whole.
    for (const line of md.split('\n').filter((l) => l.startsWith('| T9X')))
      expect(line).toMatch(/^\| T9X\d\d \| T4 \| .* \| \d+\.\d s \| (—|\d+ tok · \$[0-9.e-]+) \|$/)
  })

  it('stays under GitHub 1 MiB on a huge run, and shows everything when it fits', () => {
    const huge = renderJobSummary({ summary: hugeFailingRun(5000), ledgerPath: LEDGER, model: 'dogfood/scripted', artifact })
    expect(Buffer.byteLength(huge)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT)
    expect(Buffer.byteLength(huge)).toBeGreaterThan(JOB_SUMMARY_LIMIT - 5000)
    expect(huge).toContain('line(s) not shown')
    const small = renderJobSummary({ summary: hugeFailingRun(50), ledgerPath: LEDGER, model: 'dogfood/scripted', artifact })
    expect(small).not.toContain('not shown')
    expect(small.split('\n').filter((l) => l.startsWith('| T9X'))).toHaveLength(50)
  })
})
