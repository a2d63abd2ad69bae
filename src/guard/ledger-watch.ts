// The evidence watch: the ledger and the transcripts are the harness's, even
// where the write allowlist names them (its entries for
// artifacts/ledger/opencode_dogfood/ and logs/agent_calls/ are for the
// harness). Before the agent's first turn the files under those folders are
// listed with their stat identity; after its last turn, any file changed,
// removed or added — of this run or an earlier one — is the agent's doing
// (the harness writes there only outside that window, but for its own
// evidence of the case, which it names and whose stat data it keeps: a later
// change to one of those is the agent's too). Folders count by presence, and
// each watched folder by its identity and real path (one swapped for a link
// to a copy elsewhere is a change). Under containment the folders are out of
// the agent's reach; the watch still runs, as a second line.
import { type BigIntStats, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { realpathSync } from 'node:fs'
import { sameStat, statEntry, UNREADABLE, unlistableEntry, walk, walkNode, walkSince, type FindState, type StatEntry, type WalkDelta } from './walk.js'

/** One watched folder, as walked: its files' stat data by path (`/`-separated, relative), and how it was walked. */
interface WatchedFolder {
  /** The folder itself: `dev:ino:mode realpath`, or `missing`. */
  identity: string
  entries: Map<string, StatEntry>
  /** Every folder below it (relative), as walked. */
  dirs: Set<string>
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

/** The files of `<dir>/.git` by absolute path (its folder's own stat data too), by Node's walker, never followed. */
function walkDotGit(dir: string): Map<string, StatEntry> {
  const top = path.join(dir, '.git')
  const out = new Map<string, StatEntry>()
  let s: BigIntStats
  try {
    s = lstatSync(top, { bigint: true })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') out.set(top, UNREADABLE)
    return out
  }
  if (!s.isDirectory()) return out.set(top, statEntry(s))
  out.set(top, { ...statEntry(s), type: 'other' })
  for (const [rel, e] of walkNode(top, undefined, true).entries) out.set(path.join(top, ...rel.split('/')), e)
  return out
}

/** A watched folder's identity: its lstat (dev, inode, mode) and real path; `missing` when it is not there. */
function identityOf(dir: string): string {
  try {
    const s = lstatSync(dir, { bigint: true })
    return `${s.dev}:${s.ino}:${s.mode} ${realpathSync(dir)}`
  } catch {
    return 'missing'
  }
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
    const identity = identityOf(d)
    if (base && delta) out.set(d, { identity, entries: base.entries, dirs: delta.dirs, find: base.find, delta, dotGit: walkDotGit(d) })
    else {
      const w = await walk(d, 'auto', topCount(d) * ENTRIES_PER_RUN)
      out.set(d, { identity, entries: w.entries, dirs: w.dirs, find: w.state, dotGit: walkDotGit(d) })
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
    return [...out, ...folderSetChanges(before.dirs, after.dirs)]
  }
  return [...folderSetChanges(before?.dirs ?? new Set(), after.dirs), ...mapChanges(was, after.entries)]
}

/** What changed between two whole listings of stat data (by whatever key: a relative or an absolute path). */
function mapChanges(before: Map<string, StatEntry>, after: Map<string, StatEntry>): [string, LedgerChange['kind']][] {
  const out: [string, LedgerChange['kind']][] = []
  for (const [p, b] of before) {
    const a = after.get(p)
    if (!a) out.push([p, 'deleted'])
    else if (!sameStat(a, b)) out.push([p, 'modified'])
  }
  for (const p of after.keys()) if (!before.has(p)) out.push([p, 'created'])
  return out
}

/** Folders made or removed (`rel/`: an empty one counts too, e.g. a planted `RUN_0099/`). */
function folderSetChanges(before: Set<string>, after: Set<string>): [string, LedgerChange['kind']][] {
  const out: [string, LedgerChange['kind']][] = []
  for (const d of before) if (!after.has(d)) out.push([`${d}/`, 'deleted'])
  for (const d of after) if (!before.has(d)) out.push([`${d}/`, 'created'])
  return out
}

/**
 * The harness's own writes in the window: absolute path → the file's stat
 * data right after the harness wrote it (undefined: it could not be read).
 * Such a file is no change as long as it is still what the harness left.
 */
export type OwnWrites = Map<string, StatEntry | undefined>

/** The stat data of a file the harness just wrote, for OwnWrites (undefined when it cannot be read). */
export function ownWriteStat(file: string): StatEntry | undefined {
  try {
    return statEntry(lstatSync(file, { bigint: true }))
  } catch {
    return undefined
  }
}

/** What the after-look found at `abs`: nothing when no watched folder holds that path (`inside` false), else its stat data (undefined: gone). */
function foundAt(after: LedgerState, abs: string): { inside: boolean; stat?: StatEntry } {
  for (const [d, f] of after) {
    const rel = path.relative(d, abs)
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue
    const key = rel.split(path.sep).join('/')
    if (f.delta?.changed.has(key)) return { inside: true, stat: f.delta.changed.get(key) }
    if (f.delta?.removed.has(key)) return { inside: true }
    return { inside: true, stat: f.entries.get(key) ?? f.dotGit.get(abs) }
  }
  return { inside: false }
}

/**
 * What changed between two states (`before` taken without `prev`, `after`
 * with `before` as its `prev`, or both whole). A file the harness wrote in the
 * window (`ownWrites`) counts only when it is no longer as the harness left
 * it. Sorted by path.
 */
export function compareLedger(before: LedgerState, after: LedgerState, ownWrites: OwnWrites): LedgerChange[] {
  const out: LedgerChange[] = []
  for (const [d, a] of after) {
    const b = before.get(d)
    // The folder itself moved away (a link to a copy elsewhere left in its place, or an ancestor swapped).
    if (b && b.identity !== 'missing' && a.identity !== b.identity) out.push({ path: d, kind: 'modified' })
    const found = [
      ...folderChanges(b, a).map(([rel, kind]): [string, LedgerChange['kind']] => [path.join(d, ...rel.split('/')) + (rel.endsWith('/') ? '/' : ''), kind]),
      ...mapChanges(b?.dotGit ?? new Map(), a.dotGit),
    ]
    for (const [p, kind] of found) if (!ownWrites.has(p)) out.push({ path: p, kind })
  }
  for (const [p, left] of ownWrites) {
    const { inside, stat: now } = foundAt(after, p)
    // (A write outside the watched folders is not the watch's; one the harness could not stat right after is not checked.)
    if (!inside || !left) continue
    if (!now) out.push({ path: p, kind: 'deleted' })
    else if (!sameStat(left, now)) out.push({ path: p, kind: 'modified' })
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
}

/**
 * A ledger path that cases running beside this one write (their changes are
 * not this case's agent's): `below` a folder (the folder itself and all in
 * it), one `exact` path (a file, or a folder as `…/`), or a writeFileAtomic
 * `temp` file beside a file (`<temp><pid>.<8 hex>.tmp`, temp ending in `.`).
 */
export type LedgerExclusion = { below: string } | { exact: string } | { temp: string }

const TEMP_TAIL = /^[0-9]+\.[0-9a-f]{8}\.tmp$/

/** Whether a change at `p` (a folder's ends in `/`) is one that `x` leaves out. */
export function excludedBy(p: string, x: LedgerExclusion): boolean {
  if ('below' in x) return p.startsWith(x.below.endsWith(path.sep) ? x.below : x.below + path.sep)
  if ('exact' in x) return p === x.exact
  return p.startsWith(x.temp) && TEMP_TAIL.test(p.slice(x.temp.length))
}

/**
 * Entries the walkers could not look into (absolute paths): folders the
 * harness's user may not list, and entries it could not lstat (walk-stat.ts
 * UNREADABLE). What is written below such a folder is not seen, so a ledger
 * that holds one is refused before a run (suite/prepare.ts).
 */
export function unlistable(state: LedgerState): string[] {
  const out: string[] = []
  for (const [d, f] of state) for (const [rel, e] of f.entries) if (unlistableEntry(e)) out.push(path.join(d, ...rel.split('/')))
  return out.sort()
}
