// `opencode-dogfood diff RUN_A RUN_B`: what changed between two runs, case by
// case — status, failure code, outcomes, reason, and every evidence file whose
// content differs once volatile data (times, ids, ports, temp paths, pids,
// dates; ./normalize.ts) is set aside. For comparing OpenCode versions,
// models or commits; two hermetic runs of the same commit show no difference.
//
// Shapes: diffRuns(dirA, dirB) → RunDiff (JSON-ready: run-level field changes,
// per-case field and evidence changes, cases present in one run only);
// renderDiff(RunDiff) → the text report.
// Errors: NotARunError (an InputError naming the folder) for a folder that is
// no run or holds a result that is not JSON.
// Sources: RUN_DIR/run_summary.json, cases/<ID>.result.json,
// evidence/<ID>/* (sidecars are not compared: they hash what is compared).
import { printable } from '../printable.js'
import { type LedgerWalk, LedgerShapeError, readLedgerFile, sha256LedgerFile, walkLedger } from '../ledger-files.js'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { structuredPatch } from 'diff'
import { InputError } from '../errors.js'
import { compareC, toPosix } from '../fsutil.js'
import { CASE_ID_PATTERN, type CaseResult, type CaseSummary, type RunSummary } from '../types.js'
import { normalizeEvidence, normalizeText, type RunContext } from './normalize.js'
import { SIDECAR_EXT } from './sidecar.js'

/** A folder given to diff is no run (or its ledger cannot be read). */
export class NotARunError extends InputError {
  override name = 'NotARunError'
}

export interface FieldChange {
  field: string
  a: string | number | null
  b: string | number | null
}

export interface EvidenceChange {
  /** Path under evidence/<case_id>/. */
  file: string
  change: 'differs' | 'only in A' | 'only in B'
  /** Up to MAX_LINES changed lines (normalised), A's side and B's side. */
  lines?: { a: string[]; b: string[] }
}

export interface CaseDiff {
  case_id: string
  /** Set when the case is in one run only. */
  only_in?: 'A' | 'B'
  fields: FieldChange[]
  evidence: EvidenceChange[]
}

export interface RunSide {
  dir: string
  run_id: string
  repo_commit: string | null
  final_verdict: string | null
}

export interface RunDiff {
  a: RunSide
  b: RunSide
  /** No difference at all. */
  same: boolean
  /** Run-level changes (commit, verdict, counts, stop reason, containment). */
  run: FieldChange[]
  /** Only the cases with a difference, in run order. */
  cases: CaseDiff[]
  /** Cases compared and found the same. */
  unchanged: string[]
}

/** Changed lines shown per evidence file. */
const MAX_LINES = 6

interface LoadedRun {
  side: RunSide
  summary?: RunSummary
  results: Map<string, CaseResult>
  /** Case ids in run order: the summary's, then any result it does not list. */
  caseIds: string[]
  ctx: RunContext
  /** The run folder as walked: its files and their identities (every read is held to them). */
  walk: LedgerWalk
}

function readJsonFile<T>(dirArg: string, file: string, id: string | undefined): T {
  try {
    return JSON.parse(readLedgerFile(file, undefined, id).toString('utf8')) as T
  } catch (e) {
    throw new NotARunError(dirArg, `${toPosix(path.relative(path.resolve(dirArg), file))} is not valid JSON (${(e as Error).message.split('\n')[0]})`)
  }
}

/** A case id as a run records it (a summary's or a result's), else NotARunError: it names folders (evidence/<ID>/), so `../x` must never pass. */
function caseIdOf(dirArg: string, where: string, v: unknown): string {
  if (typeof v === 'string' && CASE_ID_PATTERN.test(v)) return v
  throw new NotARunError(dirArg, `${where}: ${JSON.stringify(v)?.slice(0, 80)} is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`)
}

/** The roots a run worked in, from its worktree_check.txt files (toplevel and the common git dir). */
function learnRoots(runDir: string, caseIds: string[], walk: LedgerWalk): RunContext['roots'] {
  const roots = new Map<string, string>()
  for (const id of caseIds) {
    const rel = `evidence/${id}/worktree_check.txt`
    if (!walk.ids.has(rel)) continue
    const fields = Object.fromEntries(
      readLedgerFile(path.join(runDir, rel), 1 << 20, walk.ids.get(rel))
        .toString('utf8')
        .split('\n')
        .map((l) => /^([a-z_]+): (.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => [m[1], m[2]]),
    )
    const common = fields.common_dir as string | undefined
    const main = common && path.basename(common) === '.git' ? path.dirname(common) : undefined
    if (main && path.isAbsolute(main)) roots.set(main, '<repo>')
    const top = fields.toplevel as string | undefined
    if (top && path.isAbsolute(top) && !roots.has(top)) roots.set(top, '<worktree>')
  }
  return [...roots].map(([p, placeholder]) => ({ path: p, placeholder }))
}

function loadRun(dirArg: string): LoadedRun {
  const dir = path.resolve(dirArg)
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new NotARunError(dirArg, 'no such folder; give a RUN_XXXX folder of a ledger (e.g. artifacts/ledger/opencode_dogfood/RUN_0001)')
  // Hostile input: nothing in it is followed or opened but folders and regular files (ledger-files.ts).
  const walk = walkLedger(dir)
  if (walk.problems.length > 0) throw new NotARunError(dirArg, `refused: ${walk.problems[0]}`)
  // Every read is of a file the walk found, held to its identity (a folder swapped for a link later reads nothing).
  const read = <T>(rel: string): T => readJsonFile<T>(dirArg, path.join(dir, rel), walk.ids.get(rel))
  const summary = walk.ids.has('run_summary.json') ? read<RunSummary>('run_summary.json') : undefined
  const results = new Map<string, CaseResult>()
  for (const rel of walk.files.filter((f) => /^cases\/[^/]+\.result\.json$/.test(f)).sort(compareC)) {
    const r = read<CaseResult>(rel)
    results.set(caseIdOf(dirArg, rel, r && typeof r === 'object' ? r.case_id : r), r)
  }
  if (!summary && results.size === 0)
    throw new NotARunError(dirArg, 'not a run folder (no run_summary.json and no cases/*.result.json); give a RUN_XXXX folder of a ledger')
  if (summary && (typeof summary !== 'object' || !Array.isArray(summary.cases))) throw new NotARunError(dirArg, 'run_summary.json has no cases list')
  const listed = (summary?.cases ?? []).map((c, i) => caseIdOf(dirArg, `run_summary.json cases[${i}]`, c && typeof c === 'object' ? c.case_id : c))
  const caseIds = [...new Set([...listed, ...results.keys()])]
  const first = results.values().next().value as CaseResult | undefined
  const runId = summary?.run_id ?? first?.run_id ?? path.basename(dir)
  const commit = summary?.repo_commit ?? first?.repo_commit ?? ''
  return {
    side: { dir, run_id: runId, repo_commit: commit || null, final_verdict: summary?.final_verdict ?? null },
    summary,
    results,
    caseIds,
    ctx: { runId, commit, roots: learnRoots(dir, caseIds, walk) },
    walk,
  }
}

/** evidence/<caseId>/'s files (sidecars and temp files left out), from the walk: name inside the folder → path relative to the run. */
function evidenceFiles(run: LoadedRun, caseId: string): Map<string, string> {
  const prefix = `evidence/${caseId}/`
  const out = new Map<string, string>()
  for (const f of run.walk.files) if (f.startsWith(prefix) && !f.endsWith(SIDECAR_EXT) && !f.endsWith('.tmp')) out.set(f.slice(prefix.length), f)
  return out
}

/** Changed lines of two normalised texts (the first MAX_LINES of each side). */
function changedLines(a: string, b: string): { a: string[]; b: string[] } {
  const patch = structuredPatch('A', 'B', a, b, undefined, undefined, { context: 0 })
  const out = { a: [] as string[], b: [] as string[] }
  for (const h of patch.hunks)
    for (const l of h.lines) {
      if (l.startsWith('-') && out.a.length < MAX_LINES) out.a.push(l.slice(1))
      else if (l.startsWith('+') && out.b.length < MAX_LINES) out.b.push(l.slice(1))
    }
  return out
}

/** Most bytes of one evidence file read for a line diff (a larger one is compared by its hash). */
const DIFF_READ_MAX = 64 * 1024 ** 2

/** An evidence file's bytes, or undefined past DIFF_READ_MAX; LedgerShapeError when it is no regular file. */
function evidenceBytes(file: string, id: string | undefined): Buffer | undefined {
  try {
    return readLedgerFile(file, DIFF_READ_MAX, id)
  } catch (e) {
    if (e instanceof LedgerShapeError && /larger than/.test(e.message)) return undefined
    throw e
  }
}

function compareEvidence(a: LoadedRun, b: LoadedRun, caseId: string): EvidenceChange[] {
  const fa = evidenceFiles(a, caseId)
  const fb = evidenceFiles(b, caseId)
  const names = [...new Set([...fa.keys(), ...fb.keys()])].sort(compareC)
  const changes: EvidenceChange[] = []
  for (const name of names) {
    const pa = fa.get(name)
    const pb = fb.get(name)
    if (!pa || !pb) {
      changes.push({ file: name, change: pa ? 'only in A' : 'only in B' })
      continue
    }
    const [fileA, idA] = [path.join(a.side.dir, pa), a.walk.ids.get(pa)]
    const [fileB, idB] = [path.join(b.side.dir, pb), b.walk.ids.get(pb)]
    const da = evidenceBytes(fileA, idA)
    const db = evidenceBytes(fileB, idB)
    if (da === undefined || db === undefined) {
      // (Past the bound, compared by hash: no line diff of such a file.)
      if (sha256LedgerFile(fileA, idA) !== sha256LedgerFile(fileB, idB)) changes.push({ file: name, change: 'differs' })
      continue
    }
    const leaf = path.posix.basename(name)
    const na = normalizeEvidence(leaf, da, a.ctx)
    const nb = normalizeEvidence(leaf, db, b.ctx)
    if (na === undefined || nb === undefined) {
      if (!da.equals(db)) changes.push({ file: name, change: 'differs' })
    } else if (na !== nb) changes.push({ file: name, change: 'differs', lines: changedLines(na, nb) })
  }
  return changes
}

/** The fields compared per case, from the result (else the summary's entry). */
const CASE_FIELDS = ['status', 'failure_code', 'actual_outcome', 'expected_outcome', 'reason', 'stage', 'model_id', 'transport'] as const
/** Those a summary entry has (a case one run skipped has no result). */
const SUMMARY_FIELDS = CASE_FIELDS.slice(0, 6)

function caseView(run: LoadedRun, id: string): Record<string, unknown> {
  const fromSummary: CaseSummary | undefined = run.summary?.cases.find((c) => c.case_id === id)
  return { ...(fromSummary ?? {}), ...(run.results.get(id) ?? {}) }
}

function fieldValue(v: unknown, ctx: RunContext): string | number | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'number') return v
  return normalizeText(String(v), ctx)
}

function compareFields(names: readonly string[], va: Record<string, unknown>, vb: Record<string, unknown>, a: LoadedRun, b: LoadedRun): FieldChange[] {
  const out: FieldChange[] = []
  for (const f of names) {
    const x = fieldValue(va[f], a.ctx)
    const y = fieldValue(vb[f], b.ctx)
    if (x !== y) out.push({ field: f, a: x, b: y })
  }
  return out
}

/** Compare two run folders. Throws NotARunError naming the folder that is no run. */
export function diffRuns(dirA: string, dirB: string): RunDiff {
  const a = loadRun(dirA)
  const b = loadRun(dirB)
  const run: FieldChange[] = []
  if (a.side.repo_commit !== b.side.repo_commit) run.push({ field: 'repo_commit', a: a.side.repo_commit, b: b.side.repo_commit })
  if (a.summary || b.summary) {
    const sa = (a.summary ?? {}) as unknown as Record<string, unknown>
    const sb = (b.summary ?? {}) as unknown as Record<string, unknown>
    run.push(...compareFields(['final_verdict', 'total_cases', 'passed', 'failed', 'skipped', 'stop_reason', 'containment'], sa, sb, a, b))
  }
  const order = [...a.caseIds, ...b.caseIds.filter((id) => !a.caseIds.includes(id))]
  const cases: CaseDiff[] = []
  const unchanged: string[] = []
  for (const id of order) {
    const inA = a.caseIds.includes(id)
    const inB = b.caseIds.includes(id)
    if (!inA || !inB) {
      cases.push({ case_id: id, only_in: inA ? 'A' : 'B', fields: [], evidence: [] })
      continue
    }
    // A case one run did not execute (SKIPPED: no result) has only its summary entry: no model, transport
    // or evidence to compare; its status says what happened.
    const executed = a.results.has(id) && b.results.has(id)
    const fields = compareFields(executed ? CASE_FIELDS : SUMMARY_FIELDS, caseView(a, id), caseView(b, id), a, b)
    const evidence = executed ? compareEvidence(a, b, id) : []
    if (fields.length > 0 || evidence.length > 0) cases.push({ case_id: id, fields, evidence })
    else unchanged.push(id)
  }
  return { a: a.side, b: b.side, same: run.length === 0 && cases.length === 0, run, cases, unchanged }
}

function show(v: string | number | null): string {
  if (v === null) return '–'
  return printable(typeof v === 'number' ? String(v) : JSON.stringify(v).length > v.length + 2 || /\s/.test(v) ? JSON.stringify(v) : v)
}

/** The text report: one line per change, changed evidence lines indented under their file. */
export function renderDiff(d: RunDiff): string {
  // What the ledgers hold (names, reasons, evidence lines) is shown inert: printable.
  const p = printable
  const side = (label: string, s: RunSide) =>
    `${label}: ${p(s.run_id)}${s.final_verdict ? ` ${p(s.final_verdict)}` : ' (no run summary)'}${s.repo_commit ? ` at ${p(s.repo_commit.slice(0, 12))}` : ''} — ${p(s.dir)}\n`
  let out = side('A', d.a) + side('B', d.b)
  for (const f of d.run) out += `run: ${f.field}: ${show(f.a)} → ${show(f.b)}\n`
  for (const c of d.cases) {
    if (c.only_in) {
      out += `${p(c.case_id)}: only in ${c.only_in}\n`
      continue
    }
    for (const f of c.fields) out += `${p(c.case_id)}: ${f.field}: ${show(f.a)} → ${show(f.b)}\n`
    for (const e of c.evidence) {
      out += `${p(c.case_id)}: evidence ${p(e.file)} ${e.change}\n`
      for (const l of e.lines?.a ?? []) out += `    - ${p(l)}\n`
      for (const l of e.lines?.b ?? []) out += `    + ${p(l)}\n`
    }
  }
  const compared = d.cases.filter((c) => !c.only_in).length + d.unchanged.length
  if (d.same) out += `no difference (${compared} case(s) compared; times, ids, ports, temp paths and pids set aside)\n`
  else {
    const n = d.run.length + d.cases.reduce((s, c) => s + (c.only_in ? 1 : c.fields.length + c.evidence.length), 0)
    out += `${n} difference(s); ${d.cases.length} case(s) differ, ${d.unchanged.length} the same\n`
  }
  return out
}

/**
 * `opencode-dogfood diff RUN_A RUN_B [--json]`: prints the report (or the
 * RunDiff as JSON) and returns the exit status: 0 no difference, 1 differences.
 * Bad input (not two folders, a folder that is no run) throws InputError /
 * NotARunError, which the CLI turns into one line and exit 2.
 */
export function diffCommand(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true })
  if (positionals.length !== 2)
    throw new InputError(
      'diff',
      `give two run folders, RUN_A RUN_B (got ${positionals.length}), e.g. artifacts/ledger/opencode_dogfood/RUN_0001 artifacts/ledger/opencode_dogfood/RUN_0002`,
    )
  const d = diffRuns(positionals[0], positionals[1])
  write(values.json ? JSON.stringify(d, null, 2) + '\n' : renderDiff(d))
  return d.same ? 0 : 1
}
