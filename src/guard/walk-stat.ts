// The walk's records: an entry's stat data (StatEntry), what a walk returns,
// and the reference walker (Node's readdir + lstat), which every other walker
// must agree with.
import { lstatSync, readdirSync, type BigIntStats } from 'node:fs'
import { decodePath, fsPath } from './paths.js'

export type EntryType = 'file' | 'symlink' | 'other'

/**
 * An entry's stat data. Times are whole seconds and nanoseconds (plain
 * numbers: a snapshot of a big tree holds hundreds of thousands of them).
 */
export interface StatEntry {
  type: EntryType
  /** st_mode: type bits and permission bits. */
  mode: number
  size: number
  mtimeS: number
  mtimeN: number
  ctimeS: number
  ctimeN: number
  ino: number
}

export interface WalkResult {
  entries: Map<string, StatEntry>
  /** Every folder below the root (not the root itself, not .git). */
  dirs: Set<string>
  walker: 'find' | 'node'
  /** What a later walk of the same tree is read against (find's raw output, record by record). */
  state?: FindState
}

/** One lane's find output and its records (path, folder or not, end offset), by lane. */
export interface FindRun {
  bytes: Buffer
  rels: string[]
  isDir: Uint8Array
  ends: Uint32Array
}
export interface FindState {
  runs: Map<string, FindRun>
}

/** Which walker: 'auto' picks find for big trees and Node for small ones. */
export type Walker = 'auto' | 'find' | 'node'

const NS = 1_000_000_000n

/** The stat data of an lstat (bigint times split into seconds and nanoseconds). */
export function statEntry(s: BigIntStats): StatEntry {
  const type: EntryType = s.isFile() ? 'file' : s.isSymbolicLink() ? 'symlink' : 'other'
  return {
    type,
    mode: Number(s.mode),
    size: Number(s.size),
    mtimeS: Number(s.mtimeNs / NS),
    mtimeN: Number(s.mtimeNs % NS),
    ctimeS: Number(s.ctimeNs / NS),
    ctimeN: Number(s.ctimeNs % NS),
    ino: Number(s.ino),
  }
}

/**
 * The folders below which every path is excluded by `exclude` (entries ending
 * in `/` exclude a prefix; others one path): such a folder is listed and not
 * entered. Undefined when no entry excludes a folder.
 */
export function prunedFolders(exclude: string[]): ((rel: string) => boolean) | undefined {
  const prefixes = exclude.filter((e) => e.endsWith('/'))
  if (prefixes.length === 0) return undefined
  return (rel) => prefixes.some((e) => `${rel}/`.startsWith(e))
}

/**
 * What an entry the walker could not read stands for: a folder it could not
 * list keeps its own stat data (as a non-folder entry: a chmod or a write
 * inside moves its times); an entry it could not lstat at all (a path past
 * PATH_MAX, a folder it may list but not search) is this fixed record. Either
 * way the entry is there, so a folder an agent made unreadable (`chmod 100`,
 * its files still opened by name) is a change, never a hole; and a folder
 * holding an entry it could not lstat is recorded by its own stat data too.
 * (A folder that was already unlistable before a case hides what is written
 * below it: a case whose tree could not be restored stops the run.)
 */
export const UNREADABLE: StatEntry = { type: 'other', mode: 0, size: 0, mtimeS: 0, mtimeN: 0, ctimeS: 0, ctimeN: 0, ino: 0 }

/** Same stat data (type, mode, size, mtime, ctime, inode): ctime moves on any write, chmod or new link, and cannot be set back. */
export function sameStat(a: StatEntry, b: StatEntry): boolean {
  return (
    a.type === b.type &&
    a.mode === b.mode &&
    a.size === b.size &&
    a.mtimeS === b.mtimeS &&
    a.mtimeN === b.mtimeN &&
    a.ctimeS === b.ctimeS &&
    a.ctimeN === b.ctimeN &&
    a.ino === b.ino
  )
}

/** An entry the walker could not look into: a folder recorded as an entry (one it may not list, or holding an entry it could not lstat), or UNREADABLE. */
export function unlistableEntry(e: StatEntry): boolean {
  return e.type === 'other' && ((e.mode & 0o170000) === 0o040000 || e.mode === 0)
}

/** Gone between the listing and the look (nothing to record), as against unreadable. */
function vanished(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'ENOENT'
}

/**
 * The reference walker: Node's readdir (names as bytes) and lstat. `prune`:
 * folders (relative, `/`-separated) listed but not entered (see
 * prunedFolders: a ledger folder of thousands of files inside the checkout
 * would otherwise be stat'd file by file, then dropped). `topGit`: a `.git`
 * at the top is walked too (left out by default: a work tree's repository is
 * the guard's other part). A folder it cannot list and an entry it cannot
 * lstat are entries of their own (see UNREADABLE); one that vanished is not.
 */
export function walkNode(root: string, prune?: (rel: string) => boolean, topGit = false): WalkResult {
  const entries = new Map<string, StatEntry>()
  const dirs = new Set<string>()
  const stack: { rel: string; stat?: BigIntStats }[] = [{ rel: '' }]
  while (stack.length > 0) {
    const { rel, stat } = stack.pop()!
    let names: Buffer[]
    try {
      names = readdirSync(rel ? fsPath(root, rel) : root, { encoding: 'buffer' })
    } catch (e) {
      // (The root unreadable: every entry under it is missing, which is a change of each.)
      if (stat && !vanished(e)) entries.set(rel, { ...statEntry(stat), type: 'other' })
      continue
    }
    for (const nb of names) {
      const name = decodePath(nb)
      if (rel === '' && name === '.git' && !topGit) continue
      const childRel = rel ? `${rel}/${name}` : name
      let s: BigIntStats
      try {
        s = lstatSync(fsPath(root, childRel), { bigint: true })
      } catch (e) {
        if (vanished(e)) continue
        entries.set(childRel, UNREADABLE)
        // Its folder counts by its own stat data too: a chmod to look inside, a write and a chmod back move its ctime.
        if (stat) entries.set(rel, { ...statEntry(stat), type: 'other' })
        continue
      }
      if (s.isDirectory()) {
        dirs.add(childRel)
        if (!prune?.(childRel)) stack.push({ rel: childRel, stat: s })
      } else entries.set(childRel, statEntry(s))
    }
  }
  return { entries, dirs, walker: 'node' }
}
