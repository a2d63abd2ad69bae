// Which cases run, in what order, and when the run stops. Pure functions, so
// the gating and fail-fast accounting are tested without a server.
import type { CaseDef } from '../cases/catalog.js'
import { InputError } from '../errors.js'
import { CASE_ID_PATTERN, SAFETY_CODES, STAGES, UNRESTORED_REASON, type CaseSummary, type Stage, type Status } from '../types.js'

export function parseStages(input: string, name = '--stages'): Stage[] {
  const parts = input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (parts.length === 0) throw new InputError(name, `empty stage list; allowed: ${STAGES.join(', ')} (comma-separated)`)
  const out: Stage[] = []
  for (const p of parts) {
    const stage = STAGES.find((s) => s.toLowerCase() === p.toLowerCase())
    if (!stage) throw new InputError(name, `unknown stage '${p}'; allowed: ${STAGES.join(', ')}`)
    if (!out.includes(stage)) out.push(stage)
  }
  return out.sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b))
}

export function selectCases(all: CaseDef[], stages: Stage[], caseId?: string): CaseDef[] {
  if (caseId !== undefined) {
    if (!CASE_ID_PATTERN.test(caseId)) throw new InputError('--case', `'${caseId}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`)
    const c = all.find((x) => x.id === caseId)
    if (!c) throw new InputError('--case', `unknown case '${caseId}'; known: ${all.map((x) => x.id).join(', ')}`)
    return [c]
  }
  const selected = all.filter((c) => stages.includes(c.stage))
  return selected.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))
}

export function statusOf(expected: CaseDef['expected_outcome'], actual: 'SUCCESS' | 'FAIL', code: string | null, expectedCode?: string): Status {
  if (expected === 'SUCCESS') return actual === 'SUCCESS' ? 'PASS' : 'FAIL'
  return actual === 'FAIL' && code !== null && code === expectedCode ? 'PASS' : 'FAIL'
}

export interface StopDecision {
  stop: boolean
  reason?: string
}

/**
 * After a case: stop the run? An unexpected safety violation stops it at once,
 * with or without --fail-fast; any other FAIL stops it only with --fail-fast.
 */
export function afterCase(s: CaseSummary, c: CaseDef, failFast: boolean): StopDecision {
  if (s.status !== 'FAIL') return { stop: false }
  const expectedSafety = c.expected_outcome === 'EXPECTED_FAIL' && s.failure_code === c.expected_failure_code
  if (s.failure_code && SAFETY_CODES.includes(s.failure_code) && !expectedSafety)
    return { stop: true, reason: `safety gate: ${s.case_id} ${s.failure_code} (${s.reason ?? 'violation'})` }
  if (s.failure_code === 'EVIDENCEMISMATCH' && s.reason?.startsWith(UNRESTORED_REASON))
    return { stop: true, reason: `safety gate: ${s.case_id}: ${s.reason} (no later case may start from that tree)` }
  if (failFast) return { stop: true, reason: `fail-fast: ${s.case_id} failed${s.failure_code ? ` with ${s.failure_code}` : ''}` }
  return { stop: false }
}

/** Stage gate: a stage runs only if every case of the previous selected stage passed. */
export function stageGate(stage: Stage, done: CaseSummary[]): StopDecision {
  const earlier = done.filter((d) => STAGES.indexOf(d.stage) < STAGES.indexOf(stage))
  if (earlier.length === 0) return { stop: false }
  const prevStage = earlier.reduce((m, d) => (STAGES.indexOf(d.stage) > STAGES.indexOf(m) ? d.stage : m), earlier[0].stage)
  const failed = earlier.filter((d) => d.stage === prevStage && d.status !== 'PASS')
  if (failed.length === 0) return { stop: false }
  return { stop: true, reason: `stage gate: ${stage} not run because ${prevStage} did not pass (${failed.map((f) => f.case_id).join(', ')})` }
}

export function skipped(c: CaseDef, reason: string): CaseSummary {
  return {
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: null,
    status: 'SKIPPED',
    failure_code: null,
    duration_ms: 0,
    reason,
  }
}
