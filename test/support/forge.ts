// A forger with write access to the ledger, for the tamper tests: it knows the
// format and rewrites files consistently (sidecars, evidence lists, the
// summary's entries, counts, verdict, result_sha256 and even ledger_root).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sha256 } from '../../src/fsutil.js'
import { ledgerRoot } from '../../src/ledger/root.js'
import type { CaseResult, RunSummary } from '../../src/types.js'

export const rewriteSidecar = (file: string) => writeFileSync(file + '.sha256', `${sha256(readFileSync(file))} *${path.basename(file)}\n`)

const readJson = <T>(f: string) => JSON.parse(readFileSync(f, 'utf8')) as T
const writeJson = (f: string, v: unknown) => writeFileSync(f, JSON.stringify(v, null, 2) + '\n')

/** Rewrite one evidence file of `caseId` and everything that vouches for it but the summary. Returns the file changed. */
export function forgeEvidence(runDir: string, caseId: string, name: string, content: string): void {
  const f = path.join(runDir, 'evidence', caseId, name)
  writeFileSync(f, content)
  rewriteSidecar(f)
  const rf = path.join(runDir, 'cases', `${caseId}.result.json`)
  const r = readJson<CaseResult>(rf)
  for (const e of r.evidence) if (e.path === `evidence/${caseId}/${name}`) Object.assign(e, { sha256: sha256(content), bytes: Buffer.byteLength(content) })
  writeJson(rf, r)
  rewriteSidecar(rf)
}

/** Turn a FAIL result into a PASS (result file and sidecar only). */
export function forgePass(runDir: string, caseId: string): void {
  const rf = path.join(runDir, 'cases', `${caseId}.result.json`)
  const r = readJson<CaseResult>(rf)
  r.status = 'PASS'
  r.actual_outcome = r.expected_outcome === 'SUCCESS' ? 'SUCCESS' : 'FAIL'
  if (r.expected_outcome === 'SUCCESS') delete r.failure_code
  r.reason = 'ok'
  writeJson(rf, r)
  rewriteSidecar(rf)
}

/** Make the summary agree with the (forged) results: entries, counts, verdict, result_sha256, ledger_root, sidecar. */
export function forgeSummary(runDir: string): void {
  const sf = path.join(runDir, 'run_summary.json')
  const s = readJson<RunSummary>(sf)
  for (const c of s.cases) {
    if (c.status === 'SKIPPED') continue
    const rf = path.join(runDir, 'cases', `${c.case_id}.result.json`)
    const r = readJson<CaseResult>(rf)
    Object.assign(c, {
      status: r.status,
      actual_outcome: r.actual_outcome,
      failure_code: r.failure_code ?? null,
      duration_ms: r.duration_ms,
      reason: r.reason,
      result_sha256: sha256(readFileSync(rf)),
    })
  }
  s.passed = s.cases.filter((c) => c.status === 'PASS').length
  s.failed = s.cases.filter((c) => c.status === 'FAIL').length
  s.skipped = s.cases.filter((c) => c.status === 'SKIPPED').length
  s.final_verdict = s.failed === 0 && s.skipped === 0 ? 'PASS' : 'FAIL'
  delete s.stop_reason
  // A forger who knows the format rewrites the summary's facts too (the root covers them: seal.ts), before the root.
  const { ledger_root: _, ...facts } = s
  const ff = path.join(runDir, 'run_facts.json')
  writeJson(ff, facts)
  rewriteSidecar(ff)
  s.ledger_root = ledgerRoot(runDir)
  writeJson(sf, s)
  rewriteSidecar(sf)
}
