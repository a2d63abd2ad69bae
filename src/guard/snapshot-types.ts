// The shapes of a snapshot (snapshot.ts takes them): the work tree's entries
// with their content ids, the repository's own files, and the options.
import type { IndexState } from './gitindex.js'
import type { FindState, StatEntry, Walker } from './walk.js'

export type { EntryType } from './walk.js'

export interface TreeEntry extends StatEntry {
  /** git blob id of the raw content (file), `link:<target>` (symlink), `other:<mode>`. */
  hash?: string
  /** In the index. */
  tracked: boolean
}

export interface RepoEntry {
  /** sha256 of the bytes and mode (or of the semantic listing, for the index). */
  hash: string
  /** The bytes, kept for restore when small (always for the index). */
  content?: Buffer
  mode?: number
  /** An object-store file (loose object, pack): listed by name only; new ones are not changes. */
  object?: boolean
  /** The index: compared by its listing, not by `hash`. */
  index?: IndexState
}

export interface Snapshot {
  root: string
  gitDir: string
  commonDir: string
  tree: Map<string, TreeEntry>
  repo: Map<string, RepoEntry>
  /** Folders of the tree when the snapshot was taken (restore removes only folders that were not). */
  dirs: Set<string>
  /** Start of the walk (ms since the epoch). */
  takenAt: number
  /** Entries whose mtime or ctime is within this many ms of takenAt are re-hashed afterwards whatever their stat says. */
  racyWindow: number
  /** The index as read (reused by the next snapshot when its bytes have not changed). */
  index: IndexState
  /** Hash algorithm of the repository's object ids. */
  objectFormat: 'sha1' | 'sha256'
  /** Which walker produced the tree. */
  walker: 'find' | 'node'
  /** The find walker's own record (a "before" snapshot's): the after-walk is read against it. */
  walkState?: FindState
  /** The paths left out (the harness's own). */
  exclude: string[]
  /** Entries that changed so close to the walk that their stat data cannot vouch for them later: re-hashed by every after-snapshot. */
  racy: string[]
  /** An after-snapshot read against its before-snapshot: its tree differs from `base`'s at most at `paths`. */
  since?: { base: Snapshot; paths: Set<string> }
}

export interface SnapshotOptions {
  /** Paths (prefix with trailing /) the harness itself writes; left out. */
  exclude?: string[]
  /** Which tree walker to use; 'auto' (default) prefers GNU find and falls back to Node. */
  walker?: Walker
  /** Filled with the time (ms) each phase took, when given (for benchmarks). */
  timings?: Record<string, number>
}

/** Kernel timestamps are taken from a clock that ticks every 1–10 ms; some file systems keep whole seconds. */
export const RACY_WINDOW_FINE = 100
/** The racy window (ms) where timestamps are whole seconds. */
export const RACY_WINDOW_COARSE = 2_100
