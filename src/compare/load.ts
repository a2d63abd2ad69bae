// A run folder as `compare` reads it: hostile input. Before anything is
// parsed the folder is walked without following a link (only folders and
// regular files, within a size and count bound: verify reads every file
// whole), then verified (ledger/verify.ts); a run that does not verify is
// refused. The summary is then read once, bounded, checked against its
// sidecar (the bytes verified are the bytes compared) and its schema, and
// each repeated case's attempts.json (for its latencies) is read the same way.
import { type LedgerWalk, readLedgerFile, walkLedger } from '../ledger-files.js'
import path from 'node:path'
import { InputError } from '../errors.js'
import { sha256, toPosix } from '../fsutil.js'
import { schemaProblems } from '../ledger/schemas.js'
import { parseSidecar, SIDECAR_EXT } from '../ledger/sidecar.js'
import { runState, verifyRun } from '../ledger/verify.js'
import { asUsage } from '../opencode/usage.js'
import { CASE_ID_PATTERN, type CaseSummary, type RunSummary, type TokenUsage } from '../types.js'

/** Most bytes of a run's summary and of one attempts.json compare reads (the folder's own bounds: LEDGER_LIMITS, ledger-files.ts). */
export const RUN_LIMITS = { summaryBytes: 64 * 1024 ** 2, attemptsBytes: 4 * 1024 ** 2 }

/** One case of one run, as compare needs it. */
export interface CaseFigures {
  case_id: string
  status: CaseSummary['status']
  /** Attempts that passed, of how many (1 of 1 for a plain run; 0 of 0 when skipped). */
  passed: number
  attempts: number
  /** Each attempt's duration, ms (one entry for a plain run; none when skipped). */
  durations_ms: number[]
  tokens?: TokenUsage
}

/** One run, verified, as compare needs it. */
export interface RunFigures {
  /** The folder as the user gave it. */
  dir: string
  run_id: string
  repo_commit: string
  model: string
  opencode_version: string
  final_verdict: RunSummary['final_verdict']
  tokens?: TokenUsage
  cases: CaseFigures[]
}

/** A run folder and its walk. */
type Walked = LedgerWalk & { dir: string }

/** The identity `walk` found for the file at absolute path `file`. */
function idIn(walk: Walked, file: string): string | undefined {
  return walk.ids.get(toPosix(path.relative(walk.dir, file)))
}

/** Refuse `dir` unless it holds only folders and regular files, within the ledger bounds (ledger-files.ts); its walk (every later read is held to it). */
function checkShape(dir: string, arg: string): LedgerWalk {
  const walk = walkLedger(dir)
  if (walk.problems.length > 0) throw new InputError('compare', `${arg}: refused: ${walk.problems[0]}`)
  return walk
}

/** A JSON file of the run, read bounded, without following a link, held to the identity `walk` found (as merge reads); InputError naming the run when it cannot be. */
function readJson(walk: Walked, file: string, max: number, arg: string): { data: unknown; bytes: Buffer } {
  try {
    const bytes = readLedgerFile(file, max, idIn(walk, file))
    if (bytes.length >= max) throw new Error(`larger than ${max} bytes`)
    return { data: JSON.parse(bytes.toString('utf8')), bytes }
  } catch (e) {
    throw new InputError('compare', `${arg}: refused: ${path.basename(file)} cannot be read as JSON (${(e as Error).message.split('\n')[0]})`)
  }
}

/** The durations of a repeated case's attempts (attempts.json), each a whole number ≥ 0; InputError when the file is not in its shape. */
function attemptDurations(walk: Walked, c: CaseSummary, arg: string): number[] {
  const file = path.join(walk.dir, 'evidence', c.case_id, 'attempts.json')
  const { data } = readJson(walk, file, RUN_LIMITS.attemptsBytes, arg)
  const ok =
    Array.isArray(data) &&
    data.every(
      (a) => a && typeof a === 'object' && Number.isInteger((a as { duration_ms?: unknown }).duration_ms) && (a as { duration_ms: number }).duration_ms >= 0,
    )
  if (!ok || (data as unknown[]).length !== c.attempts?.total)
    throw new InputError('compare', `${arg}: refused: evidence/${c.case_id}/attempts.json does not list the ${c.attempts?.total} attempts the summary counts`)
  return (data as { duration_ms: number }[]).map((a) => a.duration_ms)
}

/** One case's figures from its summary entry (and attempts.json under --repeat). */
function caseFigures(walk: Walked, c: CaseSummary, arg: string): CaseFigures {
  const tokens = c.tokens ? asUsage(c.tokens) : undefined
  if (c.status === 'SKIPPED') return { case_id: c.case_id, status: c.status, passed: 0, attempts: 0, durations_ms: [], ...(tokens ? { tokens } : {}) }
  const durations = c.attempts ? attemptDurations(walk, c, arg) : [c.duration_ms]
  const passed = c.attempts ? c.attempts.passed : c.status === 'PASS' ? 1 : 0
  return { case_id: c.case_id, status: c.status, passed, attempts: durations.length, durations_ms: durations, ...(tokens ? { tokens } : {}) }
}

/**
 * Load one run for compare. Throws InputError (one line, naming `arg` as the
 * user gave it) when it is no sealed run folder, holds anything but folders
 * and regular files, is too large, does not verify, or its files are not in
 * their shape.
 */
export function loadRunFigures(arg: string): RunFigures {
  const runDir = path.resolve(arg)
  const state = runState(runDir)
  if (state === 'not-a-run') throw new InputError('compare', `${arg}: not a run folder (a RUN_XXXX folder of the ledger)`)
  if (state === 'incomplete') throw new InputError('compare', `${arg}: refused: no run_summary.json (the run never sealed its ledger)`)
  const walk = { dir: runDir, ...checkShape(runDir, arg) }
  const problems = verifyRun(runDir)
  if (problems.length > 0) throw new InputError('compare', `${arg}: refused: the ledger does not verify (${problems.length} problem(s); first: ${problems[0]})`)
  const summaryFile = path.join(runDir, 'run_summary.json')
  const { data, bytes } = readJson(walk, summaryFile, RUN_LIMITS.summaryBytes, arg)
  // The bytes read now are the bytes verify vouched for (the sidecar it checked): nothing was swapped in between.
  const side = parseSidecar(readLedgerFile(summaryFile + SIDECAR_EXT, 4096, idIn(walk, summaryFile + SIDECAR_EXT)).toString('utf8'))
  if (!side || side.hash !== sha256(bytes)) throw new InputError('compare', `${arg}: refused: run_summary.json changed while it was being read`)
  const schema = schemaProblems('opencode_dogfood_run_summary', data)
  if (schema.length > 0) throw new InputError('compare', `${arg}: refused: run_summary.json: ${schema[0]}`)
  const s = data as RunSummary
  if (!s.cases.every((c) => CASE_ID_PATTERN.test(c.case_id)))
    throw new InputError('compare', `${arg}: refused: a case id of run_summary.json is not of the contract's pattern`)
  const ids = s.cases.map((c) => c.case_id)
  if (new Set(ids).size !== ids.length) throw new InputError('compare', `${arg}: refused: run_summary.json lists a case twice`)
  const tokens = s.tokens ? asUsage(s.tokens) : undefined
  return {
    dir: arg,
    run_id: s.run_id,
    repo_commit: s.repo_commit,
    model: s.model ?? 'unknown',
    opencode_version: s.opencode_version ?? 'unknown',
    final_verdict: s.final_verdict,
    ...(tokens ? { tokens } : {}),
    cases: s.cases.map((c) => caseFigures(walk, c, arg)),
  }
}
