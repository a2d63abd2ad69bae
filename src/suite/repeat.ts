// --repeat N: one case, N attempts. Each attempt is a whole case — its own
// case process, a fresh OpenCode session, its tree restored after it — whose
// result and evidence form a small ledger of their own under
// RUN_XXXX/attempts/<ID>/<k>/ (cases/<ID>.result.json, evidence/<ID>/…,
// sidecars), its transcript under the transcripts folder's attempts/<k>/. The
// case itself then gets the plan packet's result: PASS only when every
// attempt passed; its outcome, code and evidence those of the first attempt
// that failed (else the first); attempts.json lists every attempt; the
// duration is their sum; the reason gives the pass rate.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { sha256File, toPosix } from '../fsutil.js'
import { sealEvidence, writeEvidence } from '../ledger/evidence.js'
import { writeCaseResult } from '../ledger/result.js'
import { SIDECAR_EXT } from '../ledger/sidecar.js'
import type { CaseResult, CaseSummary } from '../types.js'
import { sumUsage } from '../opencode/usage.js'

/** Where attempt `k` (1-based) of case `id` keeps its own ledger. */
export function attemptDir(runDir: string, id: string, k: number): string {
  return path.join(runDir, 'attempts', id, String(k))
}

/** The transcripts folder of attempt `k`. */
export function attemptCallsDir(agentCallsDir: string, k: number): string {
  return path.join(agentCallsDir, 'attempts', String(k))
}

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name)
    if (statSync(abs).isDirectory()) out.push(...filesUnder(abs))
    else if (!name.endsWith(SIDECAR_EXT)) out.push(abs)
  }
  return out
}

/**
 * The case-level result of `attempts` (their summaries, in order; each wrote
 * its result under attemptDir): the representative attempt's evidence is
 * copied into evidence/<ID>/, attempts.json added, everything sealed, and
 * cases/<ID>.result.json written. Returns the case's summary entry, with
 * `attempts: {passed, total}`. `notRun` (merge/): why some attempts of
 * the case were never run; the case then FAILs, the reason saying so.
 */
export function aggregateAttempts(runDir: string, id: string, attempts: CaseSummary[], notRun?: string): CaseSummary {
  const results = attempts.map((_, k) => JSON.parse(readFileSync(path.join(attemptDir(runDir, id, k + 1), 'cases', `${id}.result.json`), 'utf8')) as CaseResult)
  const passed = attempts.filter((a) => a.status === 'PASS').length
  const rep = Math.max(
    0,
    attempts.findIndex((a) => a.status !== 'PASS'),
  )
  const from = path.join(attemptDir(runDir, id, rep + 1), 'evidence', id)
  const to = path.join(runDir, 'evidence', id)
  mkdirSync(to, { recursive: true })
  for (const f of filesUnder(from)) {
    const dest = path.join(to, path.relative(from, f))
    mkdirSync(path.dirname(dest), { recursive: true })
    copyFileSync(f, dest)
  }
  writeEvidence(
    runDir,
    id,
    'attempts.json',
    JSON.stringify(
      attempts.map((a, k) => {
        const file = path.join(attemptDir(runDir, id, k + 1), 'cases', `${id}.result.json`)
        return {
          attempt: k + 1,
          status: a.status,
          actual_outcome: a.actual_outcome,
          failure_code: a.failure_code,
          duration_ms: a.duration_ms,
          reason: a.reason,
          result: toPosix(path.relative(runDir, file)),
          result_sha256: sha256File(file),
        }
      }),
      null,
      2,
    ) + '\n',
  )
  // Tokens: every attempt's, added up (the representative attempt's tokens.json is replaced by the case's).
  const counted = attempts.filter((a) => a.tokens)
  const tokens = counted.length > 0 ? sumUsage(counted.map((a) => a.tokens!)) : undefined
  if (tokens)
    writeEvidence(
      runDir,
      id,
      'tokens.json',
      JSON.stringify({ total: tokens, attempts: attempts.map((a, k) => ({ attempt: k + 1, ...(a.tokens ?? {}) })) }, null, 2) + '\n',
    )
  const r = results[rep]
  const total = attempts.length
  // merge: attempts of the set that no shard ran (a stop inside a shard) keep the case from passing.
  const status = passed === total && !notRun ? 'PASS' : 'FAIL'
  const rate = `${passed}/${total} attempts passed${notRun ? `; ${notRun}` : ''}`
  const reason = status === 'PASS' ? `${rate}; ${r.reason ?? ''}` : `${rate}; attempt ${rep + 1}: ${r.reason ?? ''}`
  const duration = attempts.reduce((s, a) => s + a.duration_ms, 0)
  const result: CaseResult = { ...r, status, duration_ms: duration, reason, evidence: sealEvidence(runDir, id) }
  if (status === 'FAIL' && !result.failure_code) result.failure_code = 'EVIDENCEMISMATCH'
  // merge: every attempt that ran passed, but not every attempt of the set ran: the attempts are not the evidence expected.
  if (notRun && passed === total) Object.assign(result, { actual_outcome: 'FAIL', failure_code: 'EVIDENCEMISMATCH' })
  const file = writeCaseResult(runDir, result)
  const a = attempts[rep]
  return {
    case_id: id,
    stage: a.stage,
    expected_outcome: a.expected_outcome,
    actual_outcome: result.actual_outcome,
    status,
    failure_code: result.failure_code ?? null,
    duration_ms: duration,
    reason,
    offending_paths: a.offending_paths,
    result_sha256: sha256File(file),
    attempts: { passed, total },
    ...(tokens ? { tokens } : {}),
  }
}
