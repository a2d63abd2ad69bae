// `merge`: one RUN ledger from the N shards of a set. The merged run gets a
// fresh id in the output ledger folder (ledger/run-id.ts: never an existing
// folder) and holds what one unsharded run of the set would: for every case
// its result and evidence (with sidecars); under --repeat every attempt's own
// ledger, renumbered 1… in the set's attempt order, and the case's result
// made from them as the suite makes it (suite/repeat.ts: aggregateAttempts);
// report.html; each shard's sealed summary under shards/<I>/; and one run
// summary with per-case pass rates over all attempts, `merged` listing each
// shard's run id and ledger root, sealed with a new root over everything.
// Every result's run_id is the merged run's. Nothing is read but through the
// guard's reader (the shards are hostile input until verified, and after).
import { existsSync, mkdirSync, realpathSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { MergeError } from '../errors.js'
import { isInside, realPathOfNew, sha256, toPosix, writeFileAtomic } from '../fsutil.js'
import { readLedgerFile } from '../ledger-files.js'
import { allocateRun } from '../ledger/run-id.js'
import { sealRunSummary } from '../ledger/seal.js'
import { writeSidecar } from '../ledger/sidecar.js'
import { verifyRun } from '../ledger/verify.js'
import { asUsage } from '../opencode/usage.js'
import { writeRunReport } from '../report/html/index.js'
import { aggregateAttempts, attemptDir } from '../suite/repeat.js'
import { buildSummary } from '../suite/run.js'
import type { CaseResult, CaseSummary, RunSummary } from '../types.js'
import { type CheckedSet, checkSet, type PairHome } from './check.js'
import { type LoadedShard, loadShard, readShardJson } from './load.js'

/** What a merge made. */
export interface MergeOutcome {
  runId: string
  runDir: string
  summary: RunSummary
  set: CheckedSet
}

/** The identity shard `s`'s walk found for its file at absolute path `file`. */
function idIn(s: LoadedShard, file: string): string | undefined {
  return s.walk.ids.get(toPosix(path.relative(s.dir, file)))
}

/** Copy every file under `from` (a folder of verified shard `s`) to `to`, byte for byte: the files the shard's walk found, each held to its identity. */
function copyTree(s: LoadedShard, from: string, to: string): void {
  const prefix = `${toPosix(path.relative(s.dir, from))}/`
  for (const f of s.walk.files)
    if (f.startsWith(prefix))
      writeFileAtomic(path.join(to, f.slice(prefix.length)), readLedgerFile(path.join(s.dir, f), Number.MAX_SAFE_INTEGER, s.walk.ids.get(f)))
}

/** Copy a result file into the merged run with its run_id the merged run's (+ a new sidecar); returns its sha256. */
function copyResult(s: LoadedShard, from: string, to: string, runId: string): string {
  const r = readShardJson(from, s.arg, idIn(s, from)).data as CaseResult
  const text = JSON.stringify({ ...r, run_id: runId }, null, 2) + '\n'
  mkdirSync(path.dirname(to), { recursive: true })
  writeFileAtomic(to, text)
  writeSidecar(to)
  return sha256(text)
}

/** A shard's summary entry for `id`; MergeError when its summary does not list a case of its share. */
function entryOf(s: LoadedShard, id: string): CaseSummary {
  const e = s.summary.cases.find((c) => c.case_id === id)
  if (!e) throw new MergeError(`${s.arg}: its run_summary.json does not list ${id}, which its share holds`)
  return e
}

const tag = (s: LoadedShard) => `shard ${s.shard.index}/${s.shard.total}`

/** Was pair `h` run in its shard? (a skipped case, or attempts past a stop inside the series, were not.) */
function ran(h: PairHome, id: string, repeat: number): boolean {
  const e = entryOf(h.shard, id)
  if (e.status === 'SKIPPED') return false
  return repeat === 1 || h.local <= (e.attempts?.total ?? 0)
}

/** Case `id` of a set run once per case (--repeat 1): its shard's result and evidence, as they are. */
function plainCase(set: CheckedSet, id: string, runDir: string, runId: string): CaseSummary {
  const h = set.homes.get(`${id}#1`)!
  const e = entryOf(h.shard, id)
  if (e.status === 'SKIPPED') return { ...e, reason: `${tag(h.shard)}: ${e.reason ?? 'not run'}` }
  copyTree(h.shard, path.join(h.shard.dir, 'evidence', id), path.join(runDir, 'evidence', id))
  const sha = copyResult(h.shard, path.join(h.shard.dir, 'cases', `${id}.result.json`), path.join(runDir, 'cases', `${id}.result.json`), runId)
  return { ...e, result_sha256: sha }
}

/** The per-attempt summaries a shard kept for case `id`: its attempt results, and its tokens.json's per-attempt figures. */
function shardAttempts(s: LoadedShard, id: string): CaseSummary[] {
  const e = entryOf(s, id)
  const n = e.attempts?.total ?? 0
  const tokensFile = path.join(s.dir, 'evidence', id, 'tokens.json')
  let perAttempt: unknown[] = []
  try {
    const t = readShardJson(tokensFile, s.arg, idIn(s, tokensFile)).data as { attempts?: unknown }
    if (Array.isArray(t.attempts)) perAttempt = t.attempts
  } catch {
    // No tokens.json: no attempt of the case reported tokens.
  }
  const list = Array.from({ length: n }, (_, j) => {
    const f = path.join(attemptDir(s.dir, id, j + 1), 'cases', `${id}.result.json`)
    return readShardJson(f, s.arg, idIn(s, f)).data as CaseResult
  })
  const rep = Math.max(
    0,
    list.findIndex((r) => r.status !== 'PASS'),
  )
  return list.map((r, j) => {
    const tokens = asUsage(Object.fromEntries(Object.entries((perAttempt[j] ?? {}) as object).filter(([k]) => k !== 'attempt')))
    return {
      case_id: id,
      stage: r.stage,
      expected_outcome: r.expected_outcome,
      actual_outcome: r.actual_outcome,
      status: r.status,
      failure_code: r.failure_code ?? null,
      duration_ms: r.duration_ms,
      reason: r.reason,
      // The shard kept the paths of its representative attempt only (the one the merged case is made from, if any of its).
      ...(j === rep && e.offending_paths ? { offending_paths: e.offending_paths } : {}),
      ...(tokens ? { tokens } : {}),
    }
  })
}

/** Case `id` under --repeat: every attempt that ran, in the set's order, renumbered 1…, then aggregated as the suite does. */
function repeatedCase(set: CheckedSet, id: string, runDir: string, runId: string): CaseSummary {
  const homes = Array.from({ length: set.repeat }, (_, k) => set.homes.get(`${id}#${k + 1}`)!)
  const done = homes.filter((h) => ran(h, id, set.repeat))
  const missed = homes.map((h, k) => ({ h, k: k + 1 })).filter((x) => !ran(x.h, id, set.repeat))
  const why = (h: PairHome) => `${tag(h.shard)}: ${entryOf(h.shard, id).reason ?? h.shard.summary.stop_reason ?? 'not run'}`
  if (done.length === 0) {
    const e = entryOf(homes[0].shard, id)
    return {
      case_id: id,
      stage: e.stage,
      expected_outcome: e.expected_outcome,
      actual_outcome: null,
      status: 'SKIPPED',
      failure_code: null,
      duration_ms: 0,
      reason: why(homes[0]),
    }
  }
  const cache = new Map<LoadedShard, CaseSummary[]>()
  const summaries = done.map((h, j) => {
    if (!cache.has(h.shard)) cache.set(h.shard, shardAttempts(h.shard, id))
    const from = attemptDir(h.shard.dir, id, h.local)
    const to = attemptDir(runDir, id, j + 1)
    copyTree(h.shard, path.join(from, 'evidence'), path.join(to, 'evidence'))
    copyResult(h.shard, path.join(from, 'cases', `${id}.result.json`), path.join(to, 'cases', `${id}.result.json`), runId)
    return cache.get(h.shard)![h.local - 1]
  })
  const notRun = missed.length > 0 ? `attempt(s) ${missed.map((x) => x.k).join(', ')} of ${set.repeat} not run (${why(missed[0].h)})` : undefined
  return aggregateAttempts(runDir, id, summaries, notRun)
}

/** One line for what the shards say of their containment: the same label, or each shard's. */
function containmentOf(set: CheckedSet): string | undefined {
  const labels = set.shards.map((s) => s.summary.containment)
  if (labels.every((l) => l === labels[0])) return labels[0]
  return set.shards.map((s) => `${tag(s)}: ${s.summary.containment ?? 'unknown'}`).join('; ')
}

/** Each shard's sealed summary (and its signature, if any, with sidecars) under shards/<I>/. */
function keepShardSummaries(set: CheckedSet, runDir: string): void {
  for (const s of set.shards) {
    const to = path.join(runDir, 'shards', String(s.shard.index))
    mkdirSync(to, { recursive: true })
    for (const name of s.walk.files.filter((n) => n.startsWith('run_summary.json') && !n.includes('/')))
      writeFileAtomic(path.join(to, name), readLedgerFile(path.join(s.dir, name), Number.MAX_SAFE_INTEGER, s.walk.ids.get(name)))
  }
}

/**
 * With `roots` (the shards' ledger roots as their jobs published them: each
 * run prints it, the Action outputs it), each shard must be one of them, each
 * once: a shard rewritten consistently (files, sidecars, root) verifies on its
 * own, but not against the root published before. No roots: not checked.
 */
function pinRoots(shards: LoadedShard[], roots: string[]): void {
  if (roots.length === 0) return
  if (roots.length !== shards.length)
    throw new MergeError(`--root given ${roots.length} time(s) for ${shards.length} shard(s): give each shard's published root once`)
  const left = [...roots]
  for (const s of shards) {
    const at = left.indexOf(s.summary.ledger_root)
    if (at < 0)
      throw new MergeError(
        `${s.arg}: refused: its ledger root ${s.summary.ledger_root} is not among the published roots given with --root (the shard was rewritten after its run, or it is another run)`,
      )
    left.splice(at, 1)
  }
}

/** --out must be a folder (or not yet one) outside every shard: a shard stays as its run sealed it (a merge into it broke it). */
function checkOut(outDir: string, shards: LoadedShard[]): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new MergeError(`--out ${outDir} is a file; give a folder (the merged run becomes its next RUN_XXXX)`)
  const out = realPathOfNew(outDir)
  for (const s of shards)
    if (isInside(realpathSync(s.dir), out))
      throw new MergeError(`--out ${outDir} is inside the shard ${s.arg}, which stays as its run sealed it; give a folder outside every shard`)
}

/**
 * Merge the shard folders `args` into a new run in `outDir`. Every shard is
 * loaded and verified (against its published root when `roots` are given:
 * pinRoots), and the set checked, before anything is written.
 * Throws MergeError (one line) when refused; Error when the merged ledger
 * would not verify (a harness bug: its folder is removed again).
 */
export function mergeShards(args: string[], outDir: string, roots: string[] = []): MergeOutcome {
  const shards = args.map(loadShard)
  pinRoots(shards, roots)
  const set = checkSet(shards)
  checkOut(outDir, set.shards)
  const { runId, runDir } = allocateRun(path.resolve(outDir), '--out')
  try {
    const entries = set.cases.map((id) => (set.repeat === 1 ? plainCase(set, id, runDir, runId) : repeatedCase(set, id, runDir, runId)))
    keepShardSummaries(set, runDir)
    const stops = set.shards.filter((s) => s.summary.stop_reason).map((s) => `${tag(s)}: ${s.summary.stop_reason}`)
    const containment = containmentOf(set)
    const facts = {
      ...(containment ? { containment } : {}),
      ...(set.model ? { model: set.model } : {}),
      ...(set.opencode_version ? { opencode_version: set.opencode_version } : {}),
    }
    const base = { ...buildSummary(runId, set.commit, entries, stops.length > 0 ? stops.join('; ') : undefined), ...facts }
    writeRunReport(runDir, base, new Map())
    const merged = {
      set_id: set.set_id,
      total: set.total,
      case_set_hash: set.case_set_hash,
      repeat: set.repeat,
      shards: set.shards.map((s) => ({ index: s.shard.index, run_id: s.summary.run_id, ledger_root: s.summary.ledger_root })),
    }
    const summary = sealRunSummary(runDir, { ...base, merged })
    const problems = verifyRun(runDir)
    if (problems.length > 0) throw new Error(`harness bug: the merged ledger ${runId} does not verify:\n${problems.join('\n')}`)
    return { runId, runDir, summary, set }
  } catch (e) {
    // The folder is this merge's own (allocated above, never an existing one): a merge that did not finish leaves none.
    if (existsSync(runDir)) rmSync(runDir, { recursive: true })
    throw e
  }
}
