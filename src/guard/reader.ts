// The one way the harness reads a path the agent could have touched (the
// worktree after a case, a checkout it could reach uncontained): never as the
// agent's deputy. Whatever the harness reads can end up in the ledger, which
// the workflow uploads; whatever it opens can block it. So:
//
//  - no link is followed, in the last component or in any folder above it:
//    each folder is opened on its own, relative to the one before, with
//    O_NOFOLLOW (on Linux through /proc/self/fd/N/name, which resolves the
//    name in the folder the descriptor holds: the effect of openat2's
//    RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS without a native addon), and a
//    `..` or empty component is refused outright;
//  - nothing but a regular file is ever opened: the entry is lstat'ed first
//    (a FIFO, socket or device is recorded by what it is and never opened),
//    opened non-blocking without a controlling terminal, and the descriptor's
//    fstat must show the same regular file (device and inode) the lstat saw;
//  - a file with more than one name (a hard link: uncontained, the agent can
//    link any file of the same file system into the tree) is recorded by its
//    link count, never by its content;
//  - every read is bounded: content up to `maxBytes`; past it, only the size
//    and a sha256 of the bytes up to the size fstat gave (read in chunks).
//
// Elsewhere than Linux (no /proc/self/fd) each folder above is lstat'ed and
// the file opened with O_NOFOLLOW; a folder swapped for a link between that
// check and the open is then not caught (documented in the README).
import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { decodePath, encodePath } from './paths.js'
import type { EntryKind, Inspection, OpenedFile, ReadOptions } from './reader-types.js'
export { DEFAULT_EVIDENCE_MAX_BYTES, MAX_EVIDENCE_LIMIT } from './reader-types.js'
export type { EntryKind, Inspection, OpenedFile, ReadOptions } from './reader-types.js'

const PROC_FD = process.platform === 'linux' && isDir('/proc/self/fd')
const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW
const FILE_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY
const CHUNK = 1 << 20
const MAX_OPEN_DIRS = 256

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

function kindOf(s: Stats): EntryKind {
  if (s.isFile()) return 'file'
  if (s.isSymbolicLink()) return 'symlink'
  if (s.isDirectory()) return 'directory'
  if (s.isFIFO()) return 'fifo'
  if (s.isSocket()) return 'socket'
  if (s.isCharacterDevice()) return 'char-device'
  if (s.isBlockDevice()) return 'block-device'
  return 'other'
}

const nothing = (kind: EntryKind, note: string): Inspection => ({ kind, size: 0, links: 0, mode: 0, note })

/**
 * Reads paths under one root folder (a worktree, a checkout) that the agent
 * may have changed. Folder descriptors are kept for the reader's life (many
 * files of one folder cost one open each); `close()` releases them.
 *
 * Paths are relative, `/`-separated, in the guard's string form (paths.ts:
 * a name that is not UTF-8 carries lone surrogates). Errors are never thrown
 * for what the tree holds: a missing entry, a link above, a refused open are
 * all an Inspection saying so.
 */
export class BeneathReader {
  private readonly dirs = new Map<string, number | null>()
  private closed = false

  /** `root` is the harness's own choice of folder; it is resolved once (it may itself be a link the user made). */
  constructor(readonly root: string) {}

  /** What `rel` is, and its content when it is a small regular file with one name. */
  inspect(rel: string, opts: ReadOptions): Inspection {
    const opened = this.open(rel, opts)
    if (!('fd' in opened)) return opened
    try {
      return readOpened(opened, opened.base, opts.maxBytes)
    } finally {
      closeSync(opened.fd)
    }
  }

  /** Release every folder descriptor (idempotent). */
  close(): void {
    this.dropFolders()
    this.closed = true
  }

  /** The path of `name` inside the folder `parts`: relative to its descriptor on Linux, else plain. */
  private childPath(dir: number | null, parts: string[], name: string): Buffer {
    const base = dir === null ? `${this.root}/${parts.map((p) => p + '/').join('')}`.replace(/\/+/g, '/') : `/proc/self/fd/${dir}/`
    return Buffer.concat([encodePath(base), encodePath(name)])
  }

  /** The folder `parts` below root: its descriptor (null elsewhere than Linux), or why it cannot be reached. */
  private folder(parts: string[]): number | null | string {
    const key = parts.join('/')
    const known = this.dirs.get(key)
    if (known !== undefined) return known
    let fd: number | null
    if (parts.length === 0) {
      try {
        fd = PROC_FD ? openSync(encodePath(this.root), constants.O_RDONLY | constants.O_DIRECTORY) : null
      } catch (e) {
        return `the folder ${this.root} cannot be opened (${(e as NodeJS.ErrnoException).code})`
      }
    } else {
      const parent = this.folder(parts.slice(0, -1))
      if (typeof parent === 'string') return parent
      const p = this.childPath(parent, parts.slice(0, -1), parts[parts.length - 1])
      try {
        if (parent === null) {
          if (!lstatSync(p).isDirectory()) return `not followed: '${key}' is not a folder (a link or a file)`
          fd = null
        } else fd = openSync(p, DIR_FLAGS)
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        if (code === 'ENOENT') return `'${key}' is gone`
        return `not followed: '${key}' is not a folder (${code === 'ELOOP' || code === 'ENOTDIR' ? 'a link or a file' : code})`
      }
    }
    // Deep or wide trees: keep at most MAX_OPEN_DIRS descriptors (a dropped one is opened again when needed).
    if (this.dirs.size >= MAX_OPEN_DIRS) this.dropFolders()
    this.dirs.set(key, fd)
    return fd
  }

  private dropFolders(): void {
    for (const fd of this.dirs.values()) if (typeof fd === 'number') closeSync(fd)
    this.dirs.clear()
  }

  /**
   * `rel` opened for reading when it is a regular file (no link followed, no
   * FIFO or device opened, the same inode as lstat saw); else what it is.
   * The caller closes the descriptor.
   */
  open(rel: string, opts: Omit<ReadOptions, 'maxBytes'>): (OpenedFile & { base: Inspection }) | Inspection {
    if (this.closed) throw new Error('BeneathReader: used after close()')
    const parts = rel.split('/')
    if (parts.some((p) => p === '' || p === '.' || p === '..')) return nothing('unreachable', `refused: '${rel}' is not a plain relative path`)
    const name = parts.pop()!
    const dir = this.folder(parts)
    if (typeof dir === 'string') return nothing('unreachable', dir)
    const p = this.childPath(dir, parts, name)
    let st: Stats
    try {
      st = lstatSync(p)
    } catch (e) {
      return nothing('missing', `gone (${(e as NodeJS.ErrnoException).code})`)
    }
    const base: Inspection = { kind: kindOf(st), size: st.size, links: st.nlink, mode: st.mode }
    if (opts.expect && (BigInt(opts.expect.dev) !== BigInt(st.dev) || BigInt(opts.expect.ino) !== BigInt(st.ino))) {
      return { ...base, note: 'not read: it is not the entry the walk saw (replaced since)' }
    }
    if (base.kind === 'symlink') {
      try {
        return { ...base, target: decodePath(readlinkSync(p, { encoding: 'buffer' })), note: 'a link: its target text, never followed' }
      } catch {
        return { ...base, note: 'a link whose target could not be read' }
      }
    }
    if (base.kind !== 'file') return { ...base, size: base.kind === 'directory' ? 0 : st.size, note: `a ${base.kind}: never opened` }
    if (st.nlink > 1 && !opts.allowHardLinks) return { ...base, note: `a file with ${st.nlink} names (a hard link): not read` }
    const opened = this.openChecked(p, st, base, opts.allowHardLinks === true)
    return 'fd' in opened ? { ...opened, base } : opened
  }

  private openChecked(p: Buffer, st: Stats, base: Inspection, allowHardLinks: boolean): OpenedFile | Inspection {
    let fd: number
    try {
      fd = openSync(p, FILE_FLAGS)
    } catch (e) {
      return { ...base, note: `not opened (${(e as NodeJS.ErrnoException).code})` }
    }
    try {
      const f = fstatSync(fd)
      if (!f.isFile() || f.ino !== st.ino || f.dev !== st.dev) throw new Replaced(kindOf(f), 'not read: replaced between lstat and open')
      if (f.nlink > 1 && !allowHardLinks) throw new Replaced('file', `a file with ${f.nlink} names (a hard link): not read`)
      return { fd, size: f.size }
    } catch (e) {
      closeSync(fd)
      if (e instanceof Replaced) return { ...base, kind: e.kind, note: e.message }
      return { ...base, note: `not read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }
    }
  }
}

/** An entry that turned out not to be the regular file lstat saw. */
class Replaced extends Error {
  override name = 'Replaced'
  constructor(
    readonly kind: EntryKind,
    message: string,
  ) {
    super(message)
  }
}

/** Content of an opened regular file, bounded by `maxBytes` (past it: size and sha256 only). */
function readOpened(o: OpenedFile, base: Inspection, maxBytes: number): Inspection {
  const { fd, size } = o
  try {
    if (size > maxBytes)
      return { ...base, size, sha256: hashPrefix(fd, size), note: `over the evidence limit (${size} > ${maxBytes} bytes): size and sha256 only` }
    // One byte more than fstat's size: a file still growing is seen to, and never read past the limit.
    const buf = Buffer.alloc(size + 1)
    let got = 0
    for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, got)
    if (got > size)
      return { ...base, size: got, sha256: hashPrefix(fd, size), note: `it grew while read (past ${size} bytes): size and sha256 of the first ${size} only` }
    const data = buf.subarray(0, got)
    return { ...base, size: got, data, sha256: createHash('sha256').update(data).digest('hex') }
  } catch (e) {
    return { ...base, note: `not read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }
  }
}

/**
 * git's blob id (`blob <size>\0` + bytes, sha1 or sha256) of an opened file,
 * read in 1 MiB chunks up to the size fstat gave: memory stays bounded
 * whatever the file's size.
 */
export function blobIdOf(o: OpenedFile, format: 'sha1' | 'sha256'): string {
  const h = createHash(format).update(`blob ${o.size}\0`)
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(o.size, 1)))
  let pos = 0
  while (pos < o.size) {
    const n = readSync(o.fd, buf, 0, Math.min(buf.length, o.size - pos), pos)
    if (n <= 0) break
    h.update(buf.subarray(0, n))
    pos += n
  }
  // A file that shrank while read: the id covers fewer bytes than its header says, so it matches nothing stored.
  return pos === o.size ? h.digest('hex') : `unreadable:shrank-while-read:${h.digest('hex')}`
}

/** sha256 of the first `size` bytes of an open file, read in 1 MiB chunks (memory stays bounded). */
function hashPrefix(fd: number, size: number): string {
  const h = createHash('sha256')
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)))
  for (let pos = 0; pos < size; ) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos)
    if (n <= 0) break
    h.update(buf.subarray(0, n))
    pos += n
  }
  return h.digest('hex')
}

/**
 * sha256 (hex) of a path's content when it is a regular file (read in chunks,
 * hard links included: only the hash leaves), else of what it is
 * (`link:<target>`, `<kind>:<mode>`); unreadable content never equals anything.
 * A file over `maxBytes` (default: no limit) is not read: its hash is of its
 * identity and stat data (inode, size, mtime, ctime in ns; any write moves
 * ctime), so a sparse file of a petabyte costs one fstat.
 * For fingerprints of trees the agent could reach, never for evidence.
 */
export function contentSha256(root: string, rel: string, maxBytes = Number.POSITIVE_INFINITY): string {
  const r = new BeneathReader(root)
  try {
    const o = r.open(rel, { allowHardLinks: true })
    if ('fd' in o) {
      try {
        if (o.size > maxBytes) {
          const st = fstatSync(o.fd, { bigint: true })
          return createHash('sha256').update(`large:${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`).digest('hex')
        }
        return hashPrefix(o.fd, o.size)
      } finally {
        closeSync(o.fd)
      }
    }
    if (o.kind === 'symlink')
      return createHash('sha256')
        .update(`link:${o.target ?? '?'}`)
        .digest('hex')
    if (o.kind === 'file' || o.kind === 'missing' || o.kind === 'unreachable') return `unreadable:${Date.now()}:${Math.random()}`
    return `${o.kind}:${o.mode}`
  } finally {
    r.close()
  }
}

/**
 * A pack's own check (Documentation/gitformat-pack.txt): the `algorithm` hash
 * of all its bytes but the trailer equals the trailer, and the trailer is
 * `expected` (hex: the name git gave the pack). Read in chunks through the
 * reader, hard links included; false for anything that is not a regular file
 * or is shorter than a trailer.
 */
export function packChecksumMatches(abs: string, algorithm: 'sha1' | 'sha256', expected: string): boolean {
  const r = new BeneathReader(path.dirname(abs))
  try {
    const o = r.open(path.basename(abs), { allowHardLinks: true })
    if (!('fd' in o)) return false
    try {
      const len = algorithm === 'sha1' ? 20 : 32
      if (o.size < len) return false
      const h = createHash(algorithm)
      const buf = Buffer.alloc(CHUNK)
      const body = o.size - len
      for (let pos = 0; pos < body; ) {
        const n = readSync(o.fd, buf, 0, Math.min(buf.length, body - pos), pos)
        if (n <= 0) return false
        h.update(buf.subarray(0, n))
        pos += n
      }
      const trailer = Buffer.alloc(len)
      if (readSync(o.fd, trailer, 0, len, body) !== len) return false
      return h.digest().equals(trailer) && trailer.toString('hex') === expected
    } finally {
      closeSync(o.fd)
    }
  } finally {
    r.close()
  }
}

/**
 * What `rel` is, without its content: kind, size and link count (a regular
 * file is opened and closed again, never read; nothing else is opened).
 */
export function lookAt(root: string, rel: string): Inspection {
  const r = new BeneathReader(root)
  try {
    const o = r.open(rel, { allowHardLinks: true })
    if (!('fd' in o)) return o
    try {
      const st = fstatSync(o.fd)
      return { kind: 'file', size: st.size, links: st.nlink, mode: st.mode, note: 'looked at, not read' }
    } finally {
      closeSync(o.fd)
    }
  } finally {
    r.close()
  }
}

/** A file of the repository's own (a git dir's config, index, `.git` file) that is not a regular file of its own: a link, a FIFO, gone. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError'
  constructor(
    readonly file: string,
    readonly seen: Inspection,
  ) {
    super(`${file}: ${describeInspection(seen)}`)
  }
}

/**
 * The bytes of one file the agent could have replaced (a git dir's config,
 * index, HEAD; a linked worktree's `.git` file): through the reader, its
 * folder taken as given and its name not followed, up to `maxBytes` (default
 * 256 MiB). Hard links are read (these are the repository's own files; the
 * bytes are parsed, not copied to evidence).
 * @throws NotRegularFileError when it is not a regular file (missing included) or over the limit
 */
export function readUntrustedFile(abs: string, maxBytes = 256 << 20): Buffer {
  const seen = readBeneath(path.dirname(abs), path.basename(abs), { maxBytes, allowHardLinks: true })
  if (!seen.data) throw new NotRegularFileError(abs, seen)
  return seen.data
}

/** One path, one read: a reader opened for it and closed again. */
export function readBeneath(root: string, rel: string, opts: ReadOptions): Inspection {
  const r = new BeneathReader(root)
  try {
    return r.inspect(rel, opts)
  } finally {
    r.close()
  }
}

/** The content as text when it was read whole, else undefined (the check then has no answer file to judge). */
export function textOf(i: Inspection): string | undefined {
  return i.data?.toString('utf8')
}

/**
 * One line for the evidence about an entry whose content was not taken:
 * what it is and why (`symlink → target`, `fifo`, `file, 3 names`, `file,
 * 314572800 bytes, sha256 …`).
 */
export function describeInspection(i: Inspection): string {
  if (i.kind === 'symlink') return `symlink to ${JSON.stringify(i.target ?? '?')} (not followed)`
  if (i.kind === 'file' && i.data) return `file, ${i.size} bytes, sha256 ${i.sha256}`
  if (i.kind === 'file') return `file, ${i.size} bytes, ${i.links} name(s)${i.sha256 ? `, sha256 ${i.sha256}` : ''}: ${i.note ?? 'not read'}`
  return `${i.kind}${i.note ? `: ${i.note}` : ''}`
}
