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
 * The reference walker: Node's readdir (names as bytes) and lstat. `prune`:
 * folders (relative, `/`-separated) listed but not entered (see
 * prunedFolders: a ledger folder of thousands of files inside the checkout
 * would otherwise be stat'd file by file, then dropped).
 */
export function walkNode(root: string, prune?: (rel: string) => boolean): WalkResult {
  const entries = new Map<string, StatEntry>()
  const dirs = new Set<string>()
  const stack: string[] = ['']
  while (stack.length > 0) {
    const rel = stack.pop()!
    let names: Buffer[]
    try {
      names = readdirSync(rel ? fsPath(root, rel) : root, { encoding: 'buffer' })
    } catch {
      continue
    }
    for (const nb of names) {
      const name = decodePath(nb)
      if (rel === '' && name === '.git') continue
      const childRel = rel ? `${rel}/${name}` : name
      let s: BigIntStats
      try {
        s = lstatSync(fsPath(root, childRel), { bigint: true })
      } catch {
        continue
      }
      if (s.isDirectory()) {
        dirs.add(childRel)
        if (!prune?.(childRel)) stack.push(childRel)
      } else entries.set(childRel, statEntry(s))
    }
  }
  return { entries, dirs, walker: 'node' }
}
