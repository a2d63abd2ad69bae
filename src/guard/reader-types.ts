// What the reader (reader.ts) gives back and takes: an entry's kind, one read
// of one path, the read's options, the evidence size limits.
/** The evidence size limit's default: 1 MiB of content per file. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 1024 * 1024
/** The largest evidence size limit an option may set: 1 GiB. */
export const MAX_EVIDENCE_LIMIT = 1024 * 1024 * 1024

/** What an entry is, as lstat says (never what a link points at). */
export type EntryKind = 'file' | 'symlink' | 'directory' | 'fifo' | 'socket' | 'char-device' | 'block-device' | 'missing' | 'unreachable' | 'other'

/**
 * One read of one path. `data` is there only for a regular file with one
 * name and at most `maxBytes` bytes; `sha256` for every regular file with one
 * name (streamed past the limit). `note` says, in a few words, why the
 * content is not there.
 */
export interface Inspection {
  kind: EntryKind
  /** Bytes (regular file: as fstat gave it; symlink: the target's length). */
  size: number
  /** The link count (a regular file with more than one is a hard link). */
  links: number
  /** st_mode, or 0 when unknown. */
  mode: number
  /** A symlink's target text (never followed). */
  target?: string
  data?: Buffer
  /** sha256 (hex) of the content: of `data`, or of the first `size` bytes when over the limit. */
  sha256?: string
  /** Why there is no `data` (over the limit, a hard link, a FIFO, a folder above is a link, …). */
  note?: string
}

export interface ReadOptions {
  /** Content limit in bytes (>= 0); over it only size and hash are recorded. */
  maxBytes: number
  /** The entry the walk saw: a different device/inode at read time is recorded, not read. */
  expect?: { dev: number | bigint; ino: number | bigint }
  /**
   * Read a file with more than one name too. Only for the guard's own hashing
   * and restore store (the content goes into the repository's object store,
   * never into evidence); evidence never sets it.
   */
  allowHardLinks?: boolean
}

/** A regular file opened for reading: the caller closes `fd`. */
export interface OpenedFile {
  fd: number
  size: number
}
