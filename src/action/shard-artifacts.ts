// The merge half's download: every shard ledger this workflow run uploaded,
// through the real @actions/artifact (list, then download by id with the
// digest it was uploaded with). A re-run of failed shard jobs uploads them
// again under its own attempt number (and a new job key), so the same shard
// can be here twice: `latestAttempts` keeps, per key the caller reads from
// the ledger (set id and shard index), only the highest attempt.
import { mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'

/** One shard ledger on disk after download. */
export interface DownloadedLedger {
  /** The artifact's name. */
  name: string
  /** Its run attempt, read from the name. */
  attempt: number
  /** The RUN_XXXX folder inside the download. */
  runDir: string
}

/** What the merge half needs from the artifact service (the toolkit's client; a test may give its own). */
export interface ArtifactLister {
  listArtifacts(): Promise<{ artifacts: { name: string; id: number; digest?: string }[] }>
  downloadArtifact(id: number, options: { path: string; expectedHash?: string }): Promise<{ downloadPath?: string; digestMismatch?: boolean }>
}

/** The part of a name after the prefix and run id: `<attempt>-<job>[-<leg>]`, or undefined when the name is not of this run and prefix. */
export function parseLedgerName(name: string, prefix: string, runId: string): { attempt: number; stem: string } | undefined {
  const head = `${prefix}-${runId || 'local'}-`
  if (!name.startsWith(head)) return undefined
  const m = /^([0-9]+)-(.+)$/.exec(name.slice(head.length))
  if (!m) return undefined
  return { attempt: Number(m[1]), stem: m[2] }
}

/** Of several items with the same key (one shard over re-runs), the one of the highest attempt; sorted by name. */
export function latestAttempts<T extends { name: string; attempt: number }>(items: T[], key: (item: T) => string): T[] {
  const best = new Map<string, T>()
  for (const item of items) {
    const k = key(item)
    const seen = best.get(k)
    if (!seen || item.attempt > seen.attempt) best.set(k, item)
  }
  return [...best.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** The one RUN_XXXX folder an artifact holds; throws naming the artifact when there is none or more than one. */
function runFolderOf(dir: string, name: string): string {
  const runs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^RUN_[0-9]{4,}$/.test(e.name))
  if (runs.length !== 1) throw new Error(`artifact ${name} holds ${runs.length} RUN_XXXX folders (one expected)`)
  return path.join(dir, runs[0].name)
}

/**
 * Download every ledger artifact of this run named `<prefix>-<runId>-<attempt>-…`
 * (but `exclude`, the merge's own output names) into `dest/<name>/`, every
 * attempt of each (the caller keeps the latest per shard). Throws on a digest mismatch (the bytes are
 * not what was uploaded) or an artifact without exactly one RUN_XXXX folder.
 */
export async function downloadLedgers(opts: {
  prefix: string
  runId: string
  dest: string
  exclude?: (name: string) => boolean
  client?: ArtifactLister
  log?: (line: string) => void
}): Promise<DownloadedLedger[]> {
  const client: ArtifactLister = opts.client ?? new DefaultArtifactClient()
  const listed = (await client.listArtifacts()).artifacts.filter((a) => !opts.exclude?.(a.name))
  const chosen = listed
    .map((a) => ({ ...a, attempt: parseLedgerName(a.name, opts.prefix, opts.runId)?.attempt }))
    .filter((a): a is typeof a & { attempt: number } => a.attempt !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
  const out: DownloadedLedger[] = []
  for (const a of chosen) {
    const dir = path.join(opts.dest, a.name)
    mkdirSync(dir, { recursive: true })
    const r = await client.downloadArtifact(a.id, { path: dir, expectedHash: a.digest })
    if (r.digestMismatch) throw new Error(`artifact ${a.name}: the downloaded bytes do not match the digest it was uploaded with (${a.digest})`)
    out.push({ name: a.name, attempt: a.attempt, runDir: runFolderOf(dir, a.name) })
    opts.log?.(`downloaded ${a.name} (attempt ${a.attempt})`)
  }
  return out
}
