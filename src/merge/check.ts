// Does a list of verified shards make one whole set? Every shard must agree
// on commit, case set (hash, cases, repeat), OpenCode version, model, N and
// set id; each must hold exactly its share (suite/shard.ts: shardPlan); and
// every (case, attempt) pair of the set must be in exactly one shard. The
// first thing wrong is a MergeError: one line naming it.
import { realpathSync } from 'node:fs'
import { MergeError } from '../errors.js'
import { caseSetHash, runPairs, shardPlan } from '../suite/shard.js'
import type { LoadedShard } from './load.js'

/** Where one pair of the set is: its shard and the shard's own attempt number for it (1-based, in the shard's attempts/<ID>/). */
export interface PairHome {
  shard: LoadedShard
  local: number
}

/** A whole set, checked. */
export interface CheckedSet {
  set_id: string
  total: number
  case_set_hash: string
  repeat: number
  /** The selection, in suite order. */
  cases: string[]
  commit: string
  model?: string
  opencode_version?: string
  /** Shards by index, ascending. */
  shards: LoadedShard[]
  /** `ID#k` → where attempt k of case ID is. */
  homes: Map<string, PairHome>
}

const label = (s: LoadedShard) => `${s.arg} (shard ${s.shard.index}/${s.shard.total})`
const key = (id: string, k: number) => `${id}#${k}`

/** The first field two shards disagree on, as one line; undefined when they agree. */
function disagreement(a: LoadedShard, b: LoadedShard): string | undefined {
  const sa = a.summary
  const sb = b.summary
  if (sa.repo_commit !== sb.repo_commit) return `shards disagree on the commit: ${label(a)} is at ${sa.repo_commit}, ${label(b)} at ${sb.repo_commit}`
  if (a.shard.case_set_hash !== b.shard.case_set_hash || a.shard.repeat !== b.shard.repeat || a.shard.cases.join() !== b.shard.cases.join())
    return `shards disagree on the case set: ${label(a)} ran ${a.shard.cases.length} case(s) × ${a.shard.repeat} (hash ${a.shard.case_set_hash.slice(0, 12)}), ${label(b)} ${b.shard.cases.length} × ${b.shard.repeat} (hash ${b.shard.case_set_hash.slice(0, 12)})`
  if ((sa.opencode_version ?? '') !== (sb.opencode_version ?? ''))
    return `shards disagree on the OpenCode version: ${label(a)} ran ${sa.opencode_version ?? 'an unknown version'}, ${label(b)} ${sb.opencode_version ?? 'an unknown version'}`
  if ((sa.model ?? '') !== (sb.model ?? ''))
    return `shards disagree on the model: ${label(a)} ran ${sa.model ?? 'an unknown model'}, ${label(b)} ${sb.model ?? 'an unknown model'}`
  if (a.shard.total !== b.shard.total)
    return `shards disagree on N: ${a.arg} is shard ${a.shard.index} of ${a.shard.total}, ${b.arg} shard ${b.shard.index} of ${b.shard.total}`
  if (a.shard.set_id !== b.shard.set_id) return `shards of different sets: ${label(a)} is of set ${a.shard.set_id}, ${label(b)} of set ${b.shard.set_id}`
  return undefined
}

/**
 * Check that `shards` (loaded and verified, in the order given) are one
 * whole set. Returns the set; throws MergeError naming the first problem.
 */
export function checkSet(shards: LoadedShard[]): CheckedSet {
  if (shards.length === 0) throw new MergeError('give the shards: RUN_DIR... (the N ledgers of one set)')
  const seen = new Map<string, string>()
  for (const s of shards) {
    const real = realpathSync(s.dir)
    if (seen.has(real)) throw new MergeError(`${s.arg} is given twice (also as ${seen.get(real)})`)
    seen.set(real, s.arg)
  }
  const first = shards[0]
  for (const s of shards.slice(1)) {
    const d = disagreement(first, s)
    if (d) throw new MergeError(d)
  }
  const { cases, repeat, total } = first.shard
  if (caseSetHash(cases, repeat) !== first.shard.case_set_hash)
    throw new MergeError(`${label(first)}: its case_set_hash is not the hash of its cases and repeat count`)
  const all = runPairs(cases, repeat)
  const homes = new Map<string, PairHome>()
  for (const s of shards) {
    const mine = shardPlan(all, s.shard)
    const declared = Object.entries(s.shard.pairs).flatMap(([id, ks]) => ks.map((k) => key(id, k)))
    if (declared.join() !== mine.map((p) => key(p.caseId, p.attempt)).join())
      throw new MergeError(`${label(s)}: the pairs it ran are not its share of the set (${declared.length} declared, ${mine.length} in its share)`)
    const local = new Map<string, number>()
    for (const p of mine) {
      const k = key(p.caseId, p.attempt)
      const other = homes.get(k)
      if (other) throw new MergeError(`(${p.caseId}, attempt ${p.attempt}) is present twice: in ${label(other.shard)} and ${label(s)}`)
      const n = (local.get(p.caseId) ?? 0) + 1
      local.set(p.caseId, n)
      homes.set(k, { shard: s, local: n })
    }
  }
  const missing = all.filter((p) => !homes.has(key(p.caseId, p.attempt)))
  if (missing.length > 0) {
    const p = missing[0]
    const absent = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !shards.some((s) => s.shard.index === i))
    throw new MergeError(
      `(${p.caseId}, attempt ${p.attempt})${missing.length > 1 ? ` and ${missing.length - 1} more pair(s)` : ''} missing: shard(s) ${absent.map((i) => `${i}/${total}`).join(', ')} of set ${first.shard.set_id} not given`,
    )
  }
  return {
    set_id: first.shard.set_id,
    total,
    case_set_hash: first.shard.case_set_hash,
    repeat,
    cases,
    commit: first.summary.repo_commit,
    model: first.summary.model,
    opencode_version: first.summary.opencode_version,
    shards: [...shards].sort((a, b) => a.shard.index - b.shard.index),
    homes,
  }
}
