// Run summaries for the report tests, built from the real case table so they
// have the shape a run produces (ids, stages, expected outcomes, codes).
import { builtinCases } from '../../../src/cases/catalog.js'
import { buildSummary } from '../../../src/suite/run.js'
import type { CaseSummary, RunSummary } from '../../../src/types.js'

const COMMIT = '0123456789abcdef0123456789abcdef01234567'

export function passingRun(): RunSummary {
  const cases: CaseSummary[] = builtinCases().map((c, i) => ({
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: c.expected_outcome === 'SUCCESS' ? 'SUCCESS' : 'FAIL',
    status: 'PASS',
    failure_code: c.expected_failure_code ?? null,
    duration_ms: 400 + i * 137,
    reason: `${c.purpose}: as expected`,
    offending_paths: [],
    // Tokens as OpenCode reports them (T1C03 never reaches the model).
    tokens:
      c.id === 'T1C03'
        ? { input: 0, output: 0, reasoning: 0, cache_read: 0, cache_write: 0, total: 0, cost: 0 }
        : { input: 2000 + i * 10, output: 40 + i, reasoning: 0, cache_read: 100, cache_write: 0, total: 2140 + i * 11, cost: 0.00221 + i * 0.000014 },
  }))
  return { ...buildSummary('RUN_0001', COMMIT, cases), model: 'dogfood/scripted', opencode_version: '1.18.33', ledger_root: '5e'.repeat(32) }
}

/** T2B01 writes outside the allowlist: a safety stop, the rest skipped. */
export function safetyStopRun(): RunSummary {
  const stop = 'safety gate: T2B01 MODIFICATIONFAIL (wrote outside the write allowlist)'
  const cases: CaseSummary[] = builtinCases().map((c, i) => {
    if (c.stage === 'T1' || c.stage === 'T2a') return { ...passingRun().cases[i] }
    if (c.id === 'T2B01')
      return {
        case_id: c.id,
        stage: c.stage,
        expected_outcome: c.expected_outcome,
        actual_outcome: 'FAIL',
        status: 'FAIL',
        failure_code: 'MODIFICATIONFAIL',
        duration_ms: 2345,
        reason: 'wrote outside the write allowlist: src/app.ts, README.md | a <b>pipe</b> in the reason',
        offending_paths: ['src/app.ts', 'README.md'],
      }
    return {
      case_id: c.id,
      stage: c.stage,
      expected_outcome: c.expected_outcome,
      actual_outcome: null,
      status: 'SKIPPED',
      failure_code: null,
      duration_ms: 0,
      reason: stop,
    }
  })
  return buildSummary('RUN_0002', COMMIT, cases, stop)
}

/** Many user-defined cases, each failing with long reasons and many paths. */
export function hugeFailingRun(n: number, reasonChars = 5000, paths = 3): RunSummary {
  const cases: CaseSummary[] = Array.from({ length: n }, (_, i) => ({
    case_id: `T9X${String(i % 100).padStart(2, '0')}`,
    stage: 'T4',
    expected_outcome: 'SUCCESS',
    actual_outcome: 'FAIL',
    status: 'FAIL',
    failure_code: 'MODIFICATIONFAIL',
    duration_ms: 1000 + i,
    reason: `case ${i}: ` + 'x'.repeat(reasonChars),
    offending_paths: Array.from({ length: paths }, (_, j) => `src/generated/file_${i}_${j}.ts`),
  }))
  return buildSummary('RUN_0003', COMMIT, cases)
}
