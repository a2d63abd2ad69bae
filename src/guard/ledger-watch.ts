// The evidence watch: the ledger and the transcripts are the harness's, even
// where the write allowlist names them (its entries for
// artifacts/ledger/opencode_dogfood/ and logs/agent_calls/ are for the
// harness). Before the agent's first turn the files under those folders are
// listed with their stat identity; after its last turn, any file changed,
// removed or added — of this run or an earlier one — is the agent's doing
// (the harness writes there only outside that window, but for its own
// evidence of the case, which it names). Under containment the folders are
// out of the agent's reach; the watch still runs, as a second line.
import { type BigIntStats, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { statEntry, walk, walkSince, type FindState, type StatEntry, type WalkDelta } from './walk.js'

/** One watched folder, as walked: its files' stat data by path (`/`-separated, relative), and how it was walked. */
interface WatchedFolder {
  entries: Map<string, StatEntry>
  /** find's walk, which a later look is read against (only what differs is parsed). */
  find?: FindState
  /** A later look read against `find`: what differs from `entries`. */
  delta?: WalkDelta
  /** A top-level `.git` (the guard's walkers leave one out, as a work tree's): its files by absolute path. */
  dotGit: Map<string, StatEntry>
}

/** The watched folders' files, by folder (see ledgerState). */
export type LedgerState = Map<string, WatchedFolder>

export interface LedgerChange {
  path: string
  kind: 'created' | 'modified' | 'deleted'
}

/** Entries one run folder holds, about (measured: 410 for the hermetic suite): the size hint that picks find's walk over Node's. */
const ENTRIES_PER_RUN = 400

/** Same stat data (ctime moves on any write, chmod or new link, and cannot be set back). */
function sameStat(a: StatEntry, b: StatEntry): boolean {
  return (
    a.type === b.type &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mode === b.mode &&
    a.mtimeS === b.mtimeS &&
    a.mtimeN === b.mtimeN &&
    a.ctimeS === b.ctimeS &&
    a.ctimeN === b.ctimeN
  )
}

/** The files of `<dir>/.git`, by Node, never followed. */
function walkDotGit(dir: string): Map<string, StatEntry> {
  const out = new Map<string, StatEntry>()
  const walkOne = (abs: string): void => {
    let s: BigIntStats
    try {
      s = lstatSync(abs, { bigint: true })
    } catch {
      return
    }
    if (!s.isDirectory()) {
      out.set(abs, statEntry(s))
      return
    }
    let names: string[] = []
    try {
      names = readdirSync(abs)
    } catch {
      // unreadable: its entries cannot be listed (the folder itself is no file)
    }
    for (const n of names) walkOne(path.join(abs, n))
  }
  walkOne(path.join(dir, '.git'))
  return out
}

/** The number of entries at the top of `dir` (a ledger root holds one folder per run); 0 when it is not there. */
function topCount(dir: string): number {
  try {
    return readdirSync(dir).length
  } catch {
    return 0
  }
}

/**
 * The state of every file under `dirs` (folders that do not exist are empty),
 * by the guard's walkers: Node's for a small ledger, GNU find's (one per core)
 * once it holds about FIND_THRESHOLD (walk.ts) entries. `prev`: an earlier state of the
 * same folders, as this function returned it without `prev`; a folder find
 * walked then is read against that walk (its output compared record by
 * record), so that with hundreds of earlier runs a case's second look costs
 * one find, a byte compare and what changed.
 */
export async function ledgerState(dirs: string[], prev?: LedgerState): Promise<LedgerState> {
  const out: LedgerState = new Map()
  for (const d of dirs) {
    const base = prev?.get(d)
    const delta = base?.find && !base.delta ? await walkSince(d, base.find) : undefined
    if (base && delta) out.set(d, { entries: base.entries, find: base.find, delta, dotGit: walkDotGit(d) })
    else {
      const w = await walk(d, 'auto', topCount(d) * ENTRIES_PER_RUN)
      out.set(d, { entries: w.entries, find: w.state, dotGit: walkDotGit(d) })
    }
  }
  return out
}

/** What changed in one watched folder, by relative path (`before` a whole walk, `after` a later look at it). */
function folderChanges(before: WatchedFolder | undefined, after: WatchedFolder): [string, LedgerChange['kind']][] {
  const was = before?.entries ?? new Map<string, StatEntry>()
  const out: [string, LedgerChange['kind']][] = []
  if (after.delta && before && after.find === before.find) {
    // Read against the earlier walk: only what differs from it.
    for (const rel of after.delta.removed) if (was.has(rel)) out.push([rel, 'deleted'])
    for (const [rel, e] of after.delta.changed) {
      const b = was.get(rel)
      if (!b) out.push([rel, 'created'])
      else if (!sameStat(b, e)) out.push([rel, 'modified'])
    }
    return out
  }
  for (const [rel, b] of was) {
    const a = after.entries.get(rel)
    if (!a) out.push([rel, 'deleted'])
    else if (!sameStat(a, b)) out.push([rel, 'modified'])
  }
  for (const rel of after.entries.keys()) if (!was.has(rel)) out.push([rel, 'created'])
  return out
}

/** What changed among a top-level `.git`'s files (absolute paths). */
function dotGitChanges(before: Map<string, StatEntry>, after: Map<string, StatEntry>): [string, LedgerChange['kind']][] {
  const out: [string, LedgerChange['kind']][] = []
  for (const [p, b] of before) {
    const a = after.get(p)
    if (!a) out.push([p, 'deleted'])
    else if (!sameStat(a, b)) out.push([p, 'modified'])
  }
  for (const p of after.keys()) if (!before.has(p)) out.push([p, 'created'])
  return out
}

/**
 * What changed between two states (`before` taken without `prev`, `after`
 * with `before` as its `prev`, or both whole), leaving out `ownWrites`
 * (absolute paths the harness itself wrote in the window). Sorted by path.
 */
export function compareLedger(before: LedgerState, after: LedgerState, ownWrites: Set<string>): LedgerChange[] {
  const out: LedgerChange[] = []
  for (const [d, a] of after) {
    const b = before.get(d)
    const found = [
      ...folderChanges(b, a).map(([rel, kind]): [string, LedgerChange['kind']] => [path.join(d, ...rel.split('/')), kind]),
      ...dotGitChanges(b?.dotGit ?? new Map(), a.dotGit),
    ]
    for (const [p, kind] of found) if (!ownWrites.has(p)) out.push({ path: p, kind })
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
}
