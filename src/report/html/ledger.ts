// What the report is made of: the RUN folder as it lies on disk (the run
// summary, each case's result JSON and its evidence files), read defensively —
// a file that is missing or broken is shown as such, never a crash.
import { closeSync, existsSync, fstatSync, lstatSync, readSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../../errors.js'
import { compareC } from '../../fsutil.js'
import { type LedgerWalk, openLedgerFile, readLedgerFile, walkLedger } from '../../ledger-files.js'
import { SIDECAR_EXT } from '../../ledger/sidecar.js'
import { CASE_ID_PATTERN, type CaseResult, type CaseSummary, type RunSummary } from '../../types.js'

export interface EvidenceFile {
  /** Name inside evidence/<case_id>/, forward slashes. */
  name: string
  /** Path relative to the RUN folder. */
  rel: string
  abs: string
  bytes: number
  /** Its identity as the walk of the run found it (`dev:ino`): a read is held to it (ledger-files.ts). */
  id?: string
}

export interface CaseView {
  summary: CaseSummary
  result?: CaseResult
  /** Why the result JSON could not be read (an executed case whose result is missing or broken). */
  resultProblem?: string
  /** Evidence files by name. */
  evidence: Map<string, EvidenceFile>
}

export interface RunView {
  runDir: string
  summary: RunSummary & Record<string, unknown>
  cases: CaseView[]
}

export interface TextRead {
  text: string
  /** Size of the whole file. */
  bytes: number
  /** Only the first `max` bytes were read. */
  cut: boolean
  binary: boolean
}

/** The first `max` bytes of an evidence file as UTF-8 text (the rest is not read). LedgerShapeError when it is no regular file or not the walk's. */
export function readHead(f: Pick<EvidenceFile, 'abs' | 'id'>, max: number): TextRead {
  // (No link followed, no wait on a FIFO, the file the walk found: ledger-files.ts.)
  const fd = openLedgerFile(f.abs, f.id)
  const bytes = fstatSync(fd).size
  const n = Math.min(bytes, max)
  const buf = Buffer.alloc(n)
  try {
    let off = 0
    while (off < n) {
      const got = readSync(fd, buf, off, n - off, off)
      if (got === 0) break
      off += got
    }
  } finally {
    closeSync(fd)
  }
  const binary = buf.subarray(0, 8000).includes(0)
  return { text: binary ? '' : buf.toString('utf8'), bytes, cut: n < bytes, binary }
}

function listEvidence(runDir: string, caseId: string, walk: LedgerWalk): Map<string, EvidenceFile> {
  const out = new Map<string, EvidenceFile>()
  // A case id names a folder: only ids of the contract's pattern are looked up (no path from a summary leads elsewhere).
  if (!CASE_ID_PATTERN.test(caseId)) return out
  // The run's files as walked (no link entered); each read is held to the identity the walk found.
  const prefix = `evidence/${caseId}/`
  for (const rel of walk.files) {
    if (!rel.startsWith(prefix) || rel.endsWith(SIDECAR_EXT) || rel.endsWith('.tmp')) continue
    const abs = path.join(runDir, rel)
    const name = rel.slice(prefix.length)
    out.set(name, { name, rel, abs, bytes: lstatSync(abs).size, id: walk.ids.get(rel) })
  }
  return new Map([...out].sort((a, b) => compareC(a[0], b[0])))
}

function readResult(runDir: string, c: CaseSummary, walk: LedgerWalk): Pick<CaseView, 'result' | 'resultProblem'> {
  if (!c || typeof c !== 'object') return { resultProblem: `a case entry of the summary is ${JSON.stringify(c)}, not a case` }
  if (c.status === 'SKIPPED') return {}
  if (!CASE_ID_PATTERN.test(c.case_id)) return { resultProblem: `case id '${c.case_id}' does not match the case id pattern` }
  const file = path.join(runDir, 'cases', `${c.case_id}.result.json`)
  if (!existsSync(file)) return { resultProblem: `cases/${c.case_id}.result.json is missing` }
  try {
    return { result: JSON.parse(readLedgerFile(file, undefined, walk.ids.get(`cases/${c.case_id}.result.json`)).toString('utf8')) as CaseResult }
  } catch (e) {
    return { resultProblem: `cases/${c.case_id}.result.json is not valid JSON (${(e as Error).message})` }
  }
}

/**
 * Read a RUN folder. `summary` is the run summary when the caller holds it
 * (the run writes the report just before it seals run_summary.json);
 * otherwise run_summary.json is read. Throws InputError when the folder is
 * not a RUN folder.
 */
export function loadRun(runDir: string, summary?: RunSummary): RunView {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory())
    throw new InputError('RUN_DIR', `${runDir} is not a directory; give a RUN_XXXX folder of a ledger`)
  let s: RunSummary | undefined = summary
  const walk = walkLedger(runDir)
  if (!s) {
    const file = path.join(runDir, 'run_summary.json')
    if (!existsSync(file)) throw new InputError('RUN_DIR', `${runDir} has no run_summary.json; give a RUN_XXXX folder of a ledger`)
    // A ledger read after its run is hostile input: a link, FIFO or device anywhere in it refuses the report (ledger-files.ts).
    if (walk.problems.length > 0) throw new InputError('RUN_DIR', `${runDir}: refused: ${walk.problems[0]}`)
    try {
      s = JSON.parse(readLedgerFile(file, undefined, walk.ids.get('run_summary.json')).toString('utf8')) as RunSummary
    } catch (e) {
      throw new InputError('RUN_DIR', `${file} is not valid JSON (${(e as Error).message.split('\n')[0]})`)
    }
    if (!s || typeof s !== 'object' || !Array.isArray(s.cases)) throw new InputError('RUN_DIR', `${file} is not a run summary (no cases list)`)
    const bad = s.cases.findIndex((c) => !c || typeof c !== 'object' || typeof c.case_id !== 'string')
    if (bad >= 0) throw new InputError('RUN_DIR', `${file}: cases[${bad}] is not a case entry (an object with a case_id)`)
  }
  const cases = s.cases.map((c) => ({ summary: c, ...readResult(runDir, c, walk), evidence: listEvidence(runDir, c.case_id, walk) }))
  return { runDir, summary: s as RunSummary & Record<string, unknown>, cases }
}
