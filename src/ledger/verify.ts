// `opencode-dogfood verify RUN_DIR`: everything an auditor would check, every
// problem listed (not just the first).
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { compareC, toPosix } from '../fsutil.js'
import { readLedgerFile, sha256LedgerFile, walkLedger } from '../ledger-files.js'
import type { CaseResult, RunSummary } from '../types.js'
import { isDeepStrictEqual } from 'node:util'
import { ledgerRoot, ROOT_PATTERN } from './root.js'
import { FACTS_FILE } from './seal.js'
import { schemaProblems } from './schemas.js'
import { parseSidecar, SIDECAR_EXT } from './sidecar.js'

/** Evidence every executed case must have (git_diff.txt only when something changed). */
export const REQUIRED_EVIDENCE = ['stdout.txt', 'stderr.txt', 'git_status.txt', 'repo_commit.txt', 'worktree_check.txt']

/**
 * The walk of the run being checked (verifyRun is synchronous: one at a time):
 * each read holds the opened file to the identity the walk found at its path,
 * so a folder swapped for a link after the walk reads nothing elsewhere.
 */
let walked: { dir: string; ids: Map<string, string> } | undefined

/** The walk's identity of the file at absolute path `file` (undefined outside a check). */
function idOf(file: string): string | undefined {
  return walked?.ids.get(toPosix(path.relative(walked.dir, file)))
}

/** sha256 of a walked file, held to its identity. */
function hashOf(file: string): string {
  return sha256LedgerFile(file, idOf(file))
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readLedgerFile(file, undefined, idOf(file)).toString('utf8'))
  } catch (e) {
    problems.push(`${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`)
    return undefined
  }
}

/**
 * --repeat: each attempt's own small ledger (attempts/<ID>/<k>/): its result
 * valid, its evidence matching, and the pass count the summary gives.
 */
function checkAttempts(runDir: string, id: string, attempts: { passed: number; total: number }, fileSet: Set<string>, problems: string[]): void {
  let passed = 0
  for (let k = 1; k <= attempts.total; k++) {
    const dir = path.join(runDir, 'attempts', id, String(k))
    const rel = `attempts/${id}/${k}/cases/${id}.result.json`
    const file = path.join(dir, 'cases', `${id}.result.json`)
    if (!fileSet.has(rel)) {
      problems.push(`${rel}: missing (the summary counts ${attempts.total} attempts)`)
      continue
    }
    const result = readJson(file, problems) as CaseResult | undefined
    if (!result) continue
    for (const p of schemaProblems('opencode_dogfood_case_result', result)) problems.push(`${rel}: ${p}`)
    if (result.status === 'PASS') passed++
    for (const e of Array.isArray(result.evidence) ? result.evidence : []) {
      // Only a file the walk found inside this attempt's folder is read: a path with `..`, or an absolute one, names nothing there.
      const inAttempt = `attempts/${id}/${k}/${String(e?.path)}`
      if (typeof e?.path !== 'string' || !fileSet.has(inAttempt) || path.posix.normalize(inAttempt) !== inAttempt)
        problems.push(`${rel}: evidence '${e?.path}' is missing`)
      else if (hashOf(path.join(dir, e.path)) !== e.sha256) problems.push(`${rel}: evidence '${e.path}' does not match its recorded sha256`)
    }
  }
  if (passed !== attempts.passed) problems.push(`run_summary.json: ${id} attempts.passed is ${attempts.passed}, ${passed} attempt results are PASS`)
}

/** A merged run: shards/<I>/run_summary.json for each listed shard (and nothing else under shards/), each with the listed run id and root. */
function checkShards(runDir: string, merged: NonNullable<RunSummary['merged']>, fileSet: Set<string>, problems: string[]): void {
  const listed = new Set<string>()
  for (const s of Array.isArray(merged.shards) ? merged.shards : []) {
    const rel = `shards/${s?.index}/run_summary.json`
    listed.add(`shards/${s?.index}/`)
    if (!fileSet.has(rel)) {
      problems.push(`${rel}: missing (the summary lists shard ${s?.index} of the merge)`)
      continue
    }
    const copy = readJson(path.join(runDir, rel), problems) as RunSummary | undefined
    if (copy && (copy.run_id !== s.run_id || copy.ledger_root !== s.ledger_root || copy.shard?.index !== s.index))
      problems.push(`${rel}: run ${copy.run_id} root ${copy.ledger_root}, the summary lists ${s.run_id} root ${s.ledger_root}`)
  }
  for (const f of fileSet) if (f.startsWith('shards/') && ![...listed].some((d) => f.startsWith(d))) problems.push(`${f}: not a shard the summary lists`)
}

/**
 * The summary lists each case once, and every case the folder holds a result,
 * evidence or attempts of (a case dropped from the summary, its FAIL with it,
 * while its files stay, was taken as a PASS run).
 */
function listedOnce(summary: RunSummary, fileSet: Set<string>, problems: string[]): void {
  const listed = new Set<string>()
  for (const c of summary.cases) {
    if (listed.has(c?.case_id)) problems.push(`run_summary.json: ${c?.case_id} is listed twice`)
    listed.add(c?.case_id)
  }
  const unlisted = new Set<string>()
  for (const f of fileSet) {
    const m = /^cases\/(.+)\.result\.json(\.sha256)?$/.exec(f) ?? /^(?:evidence|attempts)\/([^/]+)\//.exec(f)
    if (m && !listed.has(m[1])) unlisted.add(m[1])
  }
  for (const id of unlisted) problems.push(`run_summary.json: does not list ${id}, whose result or evidence the run folder holds`)
}

/**
 * run_facts.json (the summary as it was before its root was taken; the root
 * covers it: seal.ts) must be the summary but for ledger_root. A run of an
 * older version has none: with the published root, its absence is a changed root.
 */
function sameFacts(runDir: string, summary: RunSummary, fileSet: Set<string>, problems: string[]): void {
  if (!fileSet.has(FACTS_FILE)) return
  const facts = readJson(path.join(runDir, FACTS_FILE), problems)
  const { ledger_root: _, ...said } = summary
  if (facts !== undefined && !isDeepStrictEqual(facts, said)) {
    const keys = [...new Set([...Object.keys(said), ...Object.keys((facts as object) ?? {})])]
    const differ = keys.filter((k) => !isDeepStrictEqual((said as Record<string, unknown>)[k], (facts as Record<string, unknown>)?.[k]))
    problems.push(`run_summary.json: ${differ.join(', ') || 'its facts'} not as ${FACTS_FILE} (which the root covers) records: the summary was rewritten`)
  }
}

/** Each case's policy.json (which the root covers) records the containment it ran under: the summary (which it does not) must say the same. */
function sameContainment(runDir: string, summary: RunSummary, fileSet: Set<string>, problems: string[]): void {
  for (const c of summary.cases) {
    const rel = `evidence/${c?.case_id}/policy.json`
    if (!fileSet.has(rel)) continue
    const mode = (readJson(path.join(runDir, rel), problems) as { containment?: { mode?: unknown } } | undefined)?.containment?.mode
    if (typeof mode === 'string' && mode !== summary.containment)
      problems.push(`run_summary.json: containment ${JSON.stringify(summary.containment ?? null)}, but ${rel} records ${JSON.stringify(mode)}`)
  }
}

/** What may sit at the top of a run folder (anything else was put there by someone else). */
const TOP_LEVEL =
  /^(cases|evidence|attempts|shards|run_summary\.json(\.sig)?(\.sha256)?|run_facts\.json(\.sha256)?|report\.html(\.sha256)?|runner_setup\.json(\.sha256)?)$/

/** What a folder given to `verify` is. */
export type RunState = 'sealed' | 'incomplete' | 'not-a-run'

/**
 * Is `dir` a run folder, and did its run seal it? A run folder is named
 * RUN_XXXX and holds nothing but what a run writes (cases/, evidence/,
 * run_summary.json*, report.html*, runner_setup.json*; empty right after it is allocated); it is sealed when
 * run_summary.json exists (a run interrupted by SIGINT/SIGTERM seals one too,
 * with its stop_reason; one killed outright leaves none).
 */
export function runState(dir: string): RunState {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return 'not-a-run'
  const names = readdirSync(dir)
  // A run allocates its folder first: an empty RUN_XXXX is a run killed before its first case.
  if (!/^RUN_[0-9]{4}$/.test(path.basename(dir)) || !names.every((n) => TOP_LEVEL.test(n))) return 'not-a-run'
  return names.includes('run_summary.json') ? 'sealed' : 'incomplete'
}

export interface VerifyOptions {
  /** The ledger root published outside the ledger (stdout, job summary, check run): the summary must hold it. */
  root?: string
}

/**
 * Every problem with a run folder's ledger (empty when it verifies): sidecars,
 * schemas, counts, the summary's entries against each result file (status,
 * outcomes, code, duration, reason, result_sha256), the ledger root
 * recomputed (root.ts) and, when given, against the published one.
 */
export function verifyRun(runDir: string, opts: VerifyOptions = {}): string[] {
  const problems: string[] = []
  try {
    check(runDir, opts, problems)
  } catch (e) {
    // Damage the checks did not foresee is still damage: named, never a crash.
    problems.push(`${runDir}: could not be checked to the end: ${(e as Error).message}`)
  } finally {
    walked = undefined
  }
  return problems
}

function check(runDir: string, opts: VerifyOptions, problems: string[]): string[] {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) return [`${runDir}: not a directory`]
  // Nothing is followed or opened that is not a regular file inside the folder (a link, a FIFO, a device is a problem of its own).
  const walk = walkLedger(runDir)
  walked = { dir: runDir, ids: walk.ids }
  problems.push(...walk.problems)
  const fileSet = new Set(walk.files)
  for (const name of readdirSync(runDir)) if (!TOP_LEVEL.test(name)) problems.push(`${name}: not part of a run folder`)

  // 1. Every file has a sidecar that matches; every sidecar has its file.
  for (const r of walk.files) {
    const file = path.join(runDir, r)
    if (r.endsWith(SIDECAR_EXT)) {
      const target = r.slice(0, -SIDECAR_EXT.length)
      if (!fileSet.has(target)) problems.push(`${r}: sidecar without its file`)
      continue
    }
    if (!fileSet.has(r + SIDECAR_EXT)) {
      problems.push(`${r}: no sidecar`)
      continue
    }
    const side = parseSidecar(readLedgerFile(file + SIDECAR_EXT, 4096, idOf(file + SIDECAR_EXT)).toString('utf8'))
    if (!side) problems.push(`${r}${SIDECAR_EXT}: not in the format '<sha256> *<filename>'`)
    else if (side.fileName !== path.basename(file)) problems.push(`${r}${SIDECAR_EXT}: names '${side.fileName}', not '${path.basename(file)}'`)
    else if (side.hash !== hashOf(file)) problems.push(`${r}: sha256 does not match its sidecar`)
  }

  // 2. The summary: schema and arithmetic.
  const summaryFile = path.join(runDir, 'run_summary.json')
  if (!fileSet.has('run_summary.json')) {
    problems.push('run_summary.json: missing (or not a regular file)')
    return problems
  }
  const summary = readJson(summaryFile, problems) as RunSummary | undefined
  if (!summary) return problems
  for (const p of schemaProblems('opencode_dogfood_run_summary', summary)) problems.push(`run_summary.json: ${p}`)
  if (!Array.isArray(summary.cases)) return problems
  if (summary.run_id !== path.basename(runDir)) problems.push(`run_summary.json: run_id ${summary.run_id} does not match the folder ${path.basename(runDir)}`)
  if (summary.passed + summary.failed + summary.skipped !== summary.total_cases)
    problems.push(`run_summary.json: passed ${summary.passed} + failed ${summary.failed} + skipped ${summary.skipped} != total_cases ${summary.total_cases}`)
  if (summary.cases.length !== summary.total_cases)
    problems.push(`run_summary.json: ${summary.cases.length} cases listed, total_cases is ${summary.total_cases}`)
  const count = (s: string) => summary.cases.filter((c) => c.status === s).length
  if (count('PASS') !== summary.passed) problems.push(`run_summary.json: passed is ${summary.passed}, ${count('PASS')} cases have PASS`)
  if (count('FAIL') !== summary.failed) problems.push(`run_summary.json: failed is ${summary.failed}, ${count('FAIL')} cases have FAIL`)
  if (count('SKIPPED') !== summary.skipped) problems.push(`run_summary.json: skipped is ${summary.skipped}, ${count('SKIPPED')} cases are SKIPPED`)
  const verdict = summary.failed === 0 && summary.skipped === 0 && summary.total_cases > 0 ? 'PASS' : 'FAIL'
  if (summary.final_verdict !== verdict) problems.push(`run_summary.json: final_verdict ${summary.final_verdict}, the counts say ${verdict}`)

  // 2a. Tokens (an added field): the run's total is its cases' figures added up.
  if (summary.tokens && typeof summary.tokens === 'object') {
    const of = (c: unknown, k: string) =>
      c && typeof c === 'object' && typeof (c as Record<string, unknown>)[k] === 'number' ? (c as Record<string, number>)[k] : 0
    for (const k of ['input', 'output', 'reasoning', 'cache_read', 'cache_write', 'total', 'cost']) {
      const sum = summary.cases.reduce((n, c) => n + of(c?.tokens, k), 0)
      const said = of(summary.tokens, k)
      // Costs are rounded to 1e-10 dollars at each addition (opencode/usage.ts): a difference past 1e-8 is no rounding.
      if (k === 'cost' ? Math.abs(sum - said) > 1e-8 : sum !== said) problems.push(`run_summary.json: tokens.${k} is ${said}, the cases add up to ${sum}`)
    }
  }

  // 2b. The root: the summary's, recomputed from the files, and the published one.
  const recomputed = ledgerRoot(runDir)
  if (typeof summary.ledger_root !== 'string' || !ROOT_PATTERN.test(summary.ledger_root))
    problems.push('run_summary.json: no ledger_root (a run of an older version, or it was removed)')
  else if (summary.ledger_root !== recomputed)
    problems.push(`run_summary.json: ledger_root ${summary.ledger_root} but the run's files hash to ${recomputed}: a file changed after the run sealed it`)
  if (opts.root !== undefined && opts.root !== summary.ledger_root)
    problems.push(`run_summary.json: ledger_root ${summary.ledger_root ?? '(none)'} is not the published root ${opts.root}: the summary was rewritten`)

  // 2c. A merged run (merge/): each shard's sealed summary under shards/<I>/, with the run id and root the summary lists.
  if (summary.merged) checkShards(runDir, summary.merged, fileSet, problems)
  // 2d. The root does not cover the summary (it holds the root): what the summary says must follow from files the root covers.
  listedOnce(summary, fileSet, problems)
  sameFacts(runDir, summary, fileSet, problems)
  if (!summary.merged) sameContainment(runDir, summary, fileSet, problems)

  // 3. Every executed case: result JSON valid and consistent, evidence present and sorted.
  for (const c of summary.cases) {
    const resultRel = `cases/${c.case_id}.result.json`
    if (c.status === 'SKIPPED') {
      if (fileSet.has(resultRel)) problems.push(`${resultRel}: present for a case the summary lists as SKIPPED`)
      continue
    }
    if (!fileSet.has(resultRel)) {
      problems.push(`${resultRel}: missing for executed case ${c.case_id}`)
      continue
    }
    const result = readJson(path.join(runDir, resultRel), problems) as CaseResult | undefined
    if (!result) continue
    for (const p of schemaProblems('opencode_dogfood_case_result', result)) problems.push(`${resultRel}: ${p}`)
    if (c.result_sha256 !== hashOf(path.join(runDir, resultRel))) problems.push(`${resultRel}: sha256 is not the summary's result_sha256`)
    for (const k of ['stage', 'expected_outcome', 'actual_outcome', 'status', 'duration_ms', 'reason'] as const)
      if (result[k] !== c[k]) problems.push(`${resultRel}: ${k} ${JSON.stringify(result[k])}, summary says ${JSON.stringify(c[k])}`)
    if ((result.failure_code ?? null) !== c.failure_code)
      problems.push(`${resultRel}: failure_code ${JSON.stringify(result.failure_code ?? null)}, summary says ${JSON.stringify(c.failure_code)}`)
    if (result.run_id !== summary.run_id) problems.push(`${resultRel}: run_id ${result.run_id}, summary says ${summary.run_id}`)
    if (result.repo_commit !== summary.repo_commit) problems.push(`${resultRel}: repo_commit differs from the summary's`)
    const passExpected =
      (result.expected_outcome === 'SUCCESS' && result.actual_outcome === 'SUCCESS') ||
      (result.expected_outcome === 'EXPECTED_FAIL' && result.actual_outcome === 'FAIL' && !!result.failure_code)
    if (result.status === 'PASS' && !passExpected)
      problems.push(`${resultRel}: PASS contradicts expected ${result.expected_outcome} / actual ${result.actual_outcome}`)
    // A damaged entry is already a schema problem; the checks below look at the well-formed ones.
    const evidence = (Array.isArray(result.evidence) ? result.evidence : []).filter((e) => e && typeof e.path === 'string' && typeof e.sha256 === 'string')
    for (let i = 1; i < evidence.length; i++)
      if (compareC(evidence[i - 1].path, evidence[i].path) >= 0) problems.push(`${resultRel}: evidence not sorted (LC_ALL=C) at '${evidence[i].path}'`)
    for (const e of evidence) {
      if (!fileSet.has(e.path)) problems.push(`${resultRel}: evidence '${e.path}' is missing`)
      else if (hashOf(path.join(runDir, e.path)) !== e.sha256) problems.push(`${resultRel}: evidence '${e.path}' does not match its recorded sha256`)
    }
    const listed = new Set(evidence.map((e) => e.path))
    for (const f of fileSet) {
      if (f.startsWith(`evidence/${c.case_id}/`) && !f.endsWith(SIDECAR_EXT) && !listed.has(f))
        problems.push(`${resultRel}: evidence file '${f}' is not listed`)
    }
    for (const name of REQUIRED_EVIDENCE) if (!fileSet.has(`evidence/${c.case_id}/${name}`)) problems.push(`evidence/${c.case_id}/${name}: missing`)
    if (c.attempts) checkAttempts(runDir, c.case_id, c.attempts, fileSet, problems)
  }
  return problems
}
