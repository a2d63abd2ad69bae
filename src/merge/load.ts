// A shard's RUN folder as `merge` reads it: hostile input, as in compare/. It
// is walked without following a link (only folders and regular files, within
// a size and count bound), verified (ledger/verify.ts), and its summary read
// once, bounded, checked against the sidecar verify vouched for and its
// schema; it must carry a `shard` field (suite/shard.ts). Any problem is a
// MergeError: one line naming the folder as the user gave it.
import { type LedgerWalk, readLedgerFile, walkLedger } from '../ledger-files.js'
import path from 'node:path'
import { MergeError } from '../errors.js'
import { sha256 } from '../fsutil.js'
import { schemaProblems } from '../ledger/schemas.js'
import { parseSidecar, SIDECAR_EXT } from '../ledger/sidecar.js'
import { runState, verifyRun } from '../ledger/verify.js'
import type { RunSummary, ShardInfo } from '../types.js'

/** Most bytes of one JSON file of a shard merge reads (the folder's own bounds: LEDGER_LIMITS, ledger-files.ts). */
export const SHARD_LIMITS = { jsonBytes: 64 * 1024 ** 2 }

/** One shard, verified. */
export interface LoadedShard {
  /** The folder as the user gave it. */
  arg: string
  /** Absolute. */
  dir: string
  summary: RunSummary & { shard: ShardInfo; ledger_root: string }
  shard: ShardInfo
  /** The shard's folder as walked when it was loaded: every file merge copies is one of these, held to its identity. */
  walk: LedgerWalk
}

/** Refuse `dir` unless it holds only folders and regular files, within the ledger bounds (ledger-files.ts); its walk (every later read is held to it). */
function checkShape(dir: string, arg: string): LedgerWalk {
  const walk = walkLedger(dir)
  if (walk.problems.length > 0) throw new MergeError(`${arg}: refused: ${walk.problems[0]}`)
  return walk
}

/**
 * A JSON file of a verified shard, read bounded without following a link
 * (given `id`, its `dev:ino` from the shard's walk: held to it). MergeError
 * naming the shard when it cannot be read as JSON.
 */
export function readShardJson(file: string, arg: string, id?: string): { data: unknown; bytes: Buffer } {
  try {
    const bytes = readLedgerFile(file, SHARD_LIMITS.jsonBytes, id)
    if (bytes.length >= SHARD_LIMITS.jsonBytes) throw new Error(`larger than ${SHARD_LIMITS.jsonBytes} bytes`)
    return { data: JSON.parse(bytes.toString('utf8')), bytes }
  } catch (e) {
    throw new MergeError(`${arg}: refused: ${path.basename(file)} cannot be read as JSON (${(e as Error).message.split('\n')[0]})`)
  }
}

/**
 * Load and verify one shard. Throws MergeError (one line) when it is no sealed
 * run folder, holds anything but folders and regular files, does not verify,
 * or is no shard (its summary has no `shard` field).
 */
export function loadShard(arg: string): LoadedShard {
  const dir = path.resolve(arg)
  const state = runState(dir)
  if (state === 'not-a-run') throw new MergeError(`${arg}: not a run folder (a RUN_XXXX folder of a ledger)`)
  if (state === 'incomplete') throw new MergeError(`${arg}: refused: no run_summary.json (the shard never sealed its ledger)`)
  const walk = checkShape(dir, arg)
  const problems = verifyRun(dir)
  if (problems.length > 0) throw new MergeError(`${arg}: refused: the shard does not verify (${problems.length} problem(s); first: ${problems[0]})`)
  const summaryFile = path.join(dir, 'run_summary.json')
  const { data, bytes } = readShardJson(summaryFile, arg, walk.ids.get('run_summary.json'))
  // The bytes read now are the bytes verify vouched for: nothing was swapped in between.
  const side = parseSidecar(readLedgerFile(summaryFile + SIDECAR_EXT, 4096, walk.ids.get(`run_summary.json${SIDECAR_EXT}`)).toString('utf8'))
  if (!side || side.hash !== sha256(bytes)) throw new MergeError(`${arg}: refused: run_summary.json changed while it was being read`)
  const schema = schemaProblems('opencode_dogfood_run_summary', data)
  if (schema.length > 0) throw new MergeError(`${arg}: refused: run_summary.json: ${schema[0]}`)
  const summary = data as LoadedShard['summary']
  if (!summary.shard) throw new MergeError(`${arg}: refused: not a shard (its run_summary.json has no shard field; run it with --shard I/N)`)
  return { arg, dir, summary, shard: summary.shard, walk }
}
