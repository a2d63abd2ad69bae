// The Action's merge half (input `mode: merge`): no case runs. Every ledger
// artifact of this workflow run under artifact-name is downloaded; each is a
// shard (its run summary says of which set, which index of how many). Of a
// shard uploaded by several run attempts (a re-run of failed jobs) the latest
// is kept. Each set's shards are merged into one ledger (merge/, which
// verifies every shard and refuses a missing, duplicated, tampered or
// mismatched one with one line), and the merged ledger is verified again.
// Several sets (a matrix over models or OpenCode versions) are compared.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { compareRuns, type Comparison } from '../compare/table.js'
import { loadRunFigures } from '../compare/load.js'
import { MergeError } from '../errors.js'
import { readUntrustedFile } from '../guard/reader.js'
import { verifyRun } from '../ledger/verify.js'
import { mergeShards } from '../merge/build.js'
import type { RunSummary, ShardInfo } from '../types.js'
import { type DownloadedLedger, downloadLedgers, type ArtifactLister, latestAttempts } from './shard-artifacts.js'

/** One set, merged and verified. */
export interface MergedSet {
  setId: string
  /** The merged RUN_XXXX folder. */
  runDir: string
  summary: RunSummary
  /** The artifacts its shards came from, by shard index. */
  sources: string[]
}

/** What merge mode produced: one merged ledger per set, and a comparison when there are several. */
export interface MergeModeResult {
  sets: MergedSet[]
  comparison?: Comparison
}

/** The shard place and ledger root a downloaded ledger's summary names (bounded read of hostile input; merge verifies it in full). */
function shardOf(d: DownloadedLedger): { shard: ShardInfo; root: string } {
  let summary: { shard?: ShardInfo; ledger_root?: unknown }
  try {
    summary = JSON.parse(readUntrustedFile(path.join(d.runDir, 'run_summary.json'), 64 << 20).toString('utf8')) as typeof summary
  } catch (e) {
    throw new MergeError(`artifact ${d.name}: run_summary.json cannot be read: ${(e as Error).message}`)
  }
  const s = summary.shard
  if (!s || typeof s.set_id !== 'string' || !Number.isInteger(s.index))
    throw new MergeError(`artifact ${d.name} is not a shard (its run summary has no shard field): run its job with the input shard: I/N`)
  return { shard: s, root: typeof summary.ledger_root === 'string' ? summary.ledger_root : '' }
}

/**
 * merge-roots given: each shard kept (the latest attempt of each) must name one of `roots` as its ledger
 * root, each root once, and no root may be left over (its shard's artifact is missing, or it is another
 * run's). Merge then holds each shard to the root it named (mergeShards' own pinning, on the verified
 * summary). Throws MergeError with one line.
 */
function pinToPublished(kept: { name: string; root: string }[], roots: string[]): void {
  if (roots.length === 0) return
  const left = [...roots]
  for (const k of kept) {
    const at = left.indexOf(k.root)
    if (at < 0)
      throw new MergeError(
        `artifact ${k.name}: refused: its ledger root ${k.root || '(none)'} is not among merge-roots (the shard was rewritten after its job, or merge-roots lacks it)`,
      )
    left.splice(at, 1)
  }
  if (left.length > 0)
    throw new MergeError(
      `merge-roots names ${left.length} root(s) no downloaded shard has (${left.join(', ')}): a shard's artifact is missing, or a root is another run's`,
    )
}

/**
 * Download, group by set, keep each shard's latest attempt, merge and verify
 * each set into `outDir` (one RUN_XXXX per set). Throws MergeError with one
 * line when there is nothing to merge or a set cannot be merged.
 */
export async function mergeFromArtifacts(opts: {
  prefix: string
  runId: string
  workDir: string
  outDir: string
  /** merge-roots: the shards' published ledger roots ([] or absent: each shard verified on its own). */
  roots?: string[]
  client?: ArtifactLister
  log: (line: string) => void
}): Promise<MergeModeResult> {
  const downloads = await downloadLedgers({
    prefix: opts.prefix,
    runId: opts.runId,
    dest: path.join(opts.workDir, 'shards'),
    client: opts.client,
    log: opts.log,
  })
  if (downloads.length === 0)
    throw new MergeError(
      `no ledger artifact named ${opts.prefix}-${opts.runId || 'local'}-… in this workflow run: the shard jobs must upload theirs (upload-artifact: true) under the same artifact-name`,
    )
  const placed = downloads.map((d) => ({ ...d, ...shardOf(d) }))
  const latest = latestAttempts(placed, (p) => `${p.shard.set_id}#${p.shard.index}`)
  for (const p of placed)
    if (!latest.includes(p)) opts.log(`${p.name}: shard ${p.shard.index} of set ${p.shard.set_id} was run again later; this attempt (${p.attempt}) is left out`)
  // Before anything is merged: the shards kept are exactly the published ones.
  pinToPublished(latest, opts.roots ?? [])
  const setIds = [...new Set(latest.map((p) => p.shard.set_id))].sort()
  mkdirSync(opts.outDir, { recursive: true })
  const sets: MergedSet[] = []
  for (const setId of setIds) {
    const shards = latest.filter((p) => p.shard.set_id === setId).sort((a, b) => a.shard.index - b.shard.index)
    opts.log(`set ${setId}: merging ${shards.length} shard(s): ${shards.map((s) => s.name).join(', ')}`)
    const merged = mergeShards(
      shards.map((s) => s.runDir),
      opts.outDir,
      opts.roots?.length ? shards.map((s) => s.root) : [],
    )
    const problems = verifyRun(merged.runDir)
    if (problems.length > 0) throw new MergeError(`set ${setId}: the merged ledger ${merged.runDir} does not verify: ${problems[0]}`)
    sets.push({ setId, runDir: merged.runDir, summary: merged.summary, sources: shards.map((s) => s.name) })
  }
  const comparison =
    sets.length > 1
      ? compareRuns(
          sets.map((s) => loadRunFigures(s.runDir)),
          true,
        )
      : undefined
  return { sets, comparison }
}
