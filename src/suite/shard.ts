// --shard I/N: a deterministic share of a run's (case, attempt) pairs, so that
// N jobs (a GitHub Actions matrix) run one set between them and `merge` puts
// it back together (merge/). Pure planning; the suite calls shareOf() once.
//
// The pairs of a run are its selected cases in suite order (stage by stage),
// each with attempts 1..R (--repeat R): (c1,1) (c1,2) … (c1,R) (c2,1) …. Shard
// I of N takes the pairs at positions I-1, I-1+N, I-1+2N, … (round robin): the
// shards are disjoint, together complete, each a subsequence of the run's
// order (so stage order holds inside each), their sizes differ by at most one,
// and cheap and costly stages are spread over all of them. A case whose
// attempts fall into several shards runs in each with those attempts only.
//
// What a shard's run summary says about its set (`shard`, an added field):
// set_id, index, total, case_set_hash, repeat, cases (the selection, in suite
// order) and pairs (case id → the global attempt numbers this shard ran).
// The case-set hash is sha256 over the sorted case ids and the repeat count;
// the set id, unless given (--shard-set), is derived from what every shard of
// one set shares: commit, case-set hash, model, OpenCode version and N — so
// a re-run of one shard job joins its set again.
import { createHash } from 'node:crypto'
import { InputError } from '../errors.js'
import type { ShardInfo } from '../types.js'

/** Which shard: 1 ≤ index ≤ total. */
export interface ShardSpec {
  index: number
  total: number
}

/** One (case, attempt) pair; attempts count from 1. */
export interface Pair {
  caseId: string
  attempt: number
}

/** The most shards one set may have. */
export const MAX_SHARDS = 1000
/** What a set id given by hand may hold (it goes into artifact names and file names). */
export const SET_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/

/** `--shard I/N` → {index, total}; InputError naming `name` unless 1 ≤ I ≤ N ≤ MAX_SHARDS. */
export function parseShard(raw: string, name = '--shard'): ShardSpec {
  const m = /^\s*([0-9]+)\s*\/\s*([0-9]+)\s*$/.exec(raw)
  if (!m) throw new InputError(name, `'${raw}' is not I/N (e.g. 2/3: the second of three shards)`)
  const index = Number(m[1])
  const total = Number(m[2])
  if (total < 1 || total > MAX_SHARDS) throw new InputError(name, `${total} shards is out of range; allowed 1..${MAX_SHARDS}`)
  if (index < 1 || index > total) throw new InputError(name, `shard ${index} of ${total} does not exist; allowed 1..${total}`)
  return { index, total }
}

/** `--shard-set ID`: letters, digits, `.`, `_`, `-`, at most 64. */
export function parseSetId(raw: string, name = '--shard-set'): string {
  if (!SET_ID_PATTERN.test(raw)) throw new InputError(name, `'${raw}' is not a set id; allowed: 1 to 64 of A-Z a-z 0-9 . _ -`)
  return raw
}

/** Every pair of a run: `caseIds` in suite order, each with attempts 1..repeat. */
export function runPairs(caseIds: readonly string[], repeat: number): Pair[] {
  return caseIds.flatMap((caseId) => Array.from({ length: repeat }, (_, k) => ({ caseId, attempt: k + 1 })))
}

/**
 * Shard `spec` of `pairs` (the run's pairs in suite order): the pairs at
 * positions index-1, index-1+total, …, in their order. Deterministic; the
 * shards of 1..total are disjoint and together are `pairs`.
 */
export function shardPlan(pairs: readonly Pair[], spec: ShardSpec): Pair[] {
  return pairs.filter((_, j) => j % spec.total === spec.index - 1)
}

/** sha256 (hex) over the sorted case ids and the repeat count: `ID\n…ID\nrepeat=R\n`. */
export function caseSetHash(caseIds: readonly string[], repeat: number): string {
  const text = [...caseIds].sort().join('\n') + `\nrepeat=${repeat}\n`
  return createHash('sha256').update(text).digest('hex')
}

/** The set id every shard of one set derives alike: 16 hex digits of sha256 over commit, case set, model, version and N. */
export function deriveSetId(f: { commit: string; caseSetHash: string; model: string; opencodeVersion?: string; total: number }): string {
  const text = ['opencode-dogfood shard set', f.commit, f.caseSetHash, f.model, f.opencodeVersion ?? '', String(f.total)].join('\n')
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** A run's share: the cases it runs (suite order kept), how many attempts each, and the summary's `shard` field. */
export interface Share<C extends { id: string }> {
  cases: C[]
  /** Attempts of `caseId` in this run (repeat, unsharded). */
  attempts: (caseId: string) => number
  /** The summary's added fields: `{shard}` for a shard, `{}` otherwise. */
  field: (f: { commit: string; model: string; opencode_version?: string }) => { shard?: ShardInfo }
}

/**
 * The share of `selected` (the run's cases in suite order) this run takes:
 * all of it without `shard`; else shard `shard` of its pairs. InputError
 * (`--shard`) when that shard gets no pair (more shards than pairs).
 */
export function shareOf<C extends { id: string }>(selected: C[], opts: { repeat?: number; shard?: ShardSpec; shardSet?: string }): Share<C> {
  const repeat = opts.repeat ?? 1
  const spec = opts.shard
  if (!spec) return { cases: selected, attempts: () => repeat, field: () => ({}) }
  const ids = selected.map((c) => c.id)
  const all = runPairs(ids, repeat)
  const mine = shardPlan(all, spec)
  if (mine.length === 0)
    throw new InputError(
      '--shard',
      `${spec.index}/${spec.total} has no (case, attempt) pair to run: the selection has ${all.length}; use at most ${all.length} shards`,
    )
  const pairs: Record<string, number[]> = {}
  for (const p of mine) pairs[p.caseId] = [...(pairs[p.caseId] ?? []), p.attempt]
  const hash = caseSetHash(ids, repeat)
  return {
    cases: selected.filter((c) => pairs[c.id]),
    attempts: (id) => pairs[id]?.length ?? 0,
    field: (f) => ({
      shard: {
        set_id: opts.shardSet ?? deriveSetId({ commit: f.commit, caseSetHash: hash, model: f.model, opencodeVersion: f.opencode_version, total: spec.total }),
        index: spec.index,
        total: spec.total,
        case_set_hash: hash,
        repeat,
        cases: ids,
        pairs,
      },
    }),
  }
}
