// A ledger folder as the commands that read one after its run (verify, diff,
// report, merge, compare) see it: hostile input (uncontained, the agent ran as
// the same user; a shard arrives as another job's artifact). Walked without
// following a link, only folders and regular files, within bounds; a file read
// through an open that refuses a link (O_NOFOLLOW), does not wait on a FIFO
// (O_NONBLOCK), checks the opened thing is a regular file (fstat), and reads no
// more than it may (JSON and sidecars bounded, hashes streamed).
import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs'
import path from 'node:path'

/** What a run folder may hold before it is read at all (a run of this tool holds far less). */
export const LEDGER_LIMITS = { files: 200_000, bytes: 4 * 1024 ** 3, jsonBytes: 64 * 1024 ** 2 }

/** A ledger entry that is neither a folder nor a regular file, or a ledger past LEDGER_LIMITS. */
export class LedgerShapeError extends Error {
  override name = 'LedgerShapeError'
}

/** The walk of a run folder: its regular files (paths relative to it, `/`-separated) and what has no place in a ledger. */
export interface LedgerWalk {
  files: string[]
  /** Each file's identity as the walk found it (`dev:ino`): a read holds the opened file to it (see readLedgerFile). */
  ids: Map<string, string>
  /** One line each: a link, FIFO, socket or device (by relative path), or the bounds passed. */
  problems: string[]
}

/**
 * Walk `dir` (a run folder) without following a link: folders are entered,
 * regular files listed, anything else (a link, a FIFO, a device, a socket) is
 * a problem; past LEDGER_LIMITS the walk stops with a problem. `dir` itself
 * must be a folder, not a link to one. Never throws for what it finds;
 * throws the fs error when a folder cannot be listed.
 */
export function walkLedger(dir: string): LedgerWalk {
  const files: string[] = []
  const ids = new Map<string, string>()
  const problems: string[] = []
  const top = lstatSync(dir)
  if (!top.isDirectory()) return { files, ids, problems: [`${dir}: not a folder (a link to one is not followed)`] }
  let bytes = 0
  const walk = (rel: string): boolean => {
    for (const raw of readdirSync(path.join(dir, rel), { encoding: 'buffer' })) {
      const name = raw.toString('utf8')
      // A run writes UTF-8 names only; another name has no string path to open it by (it would read as a missing file).
      if (!Buffer.from(name, 'utf8').equals(raw)) {
        problems.push(`${rel ? `${rel}/` : ''}${JSON.stringify(raw.toString('latin1'))} is a name that is not UTF-8 (a run writes none)`)
        continue
      }
      const r = rel ? `${rel}/${name}` : name
      const st = lstatSync(path.join(dir, r))
      if (st.isDirectory()) {
        if (!walk(r)) return false
        continue
      }
      if (!st.isFile()) {
        problems.push(`${r} is not a regular file (a link, FIFO or device has no place in a ledger)`)
        continue
      }
      files.push(r)
      ids.set(r, `${st.dev}:${st.ino}`)
      bytes += st.size
      if (files.length > LEDGER_LIMITS.files || bytes > LEDGER_LIMITS.bytes) {
        problems.push(`${dir}: more than ${LEDGER_LIMITS.files} files or ${LEDGER_LIMITS.bytes} bytes (not a ledger this tool wrote)`)
        return false
      }
    }
    return true
  }
  walk('')
  return { files, ids, problems }
}

/** walkLedger, but the first problem is thrown (LedgerShapeError, naming the folder as `arg`). */
export function checkLedgerShape(dir: string, arg: string): string[] {
  const w = walkLedger(dir)
  if (w.problems.length > 0) throw new LedgerShapeError(`${arg}: refused: ${w.problems[0]}`)
  return w.files
}

/** Open `file` for reading only if it is a regular file (no link followed, no wait on a FIFO) and, given `expect` (`dev:ino`), the one the walk found: a file descriptor the caller closes. Throws LedgerShapeError otherwise, or the fs error. */
export function openLedgerFile(file: string, expect?: string): number {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new LedgerShapeError(`${file}: a link (not followed)`)
    throw e
  }
  const st = fstatSync(fd)
  if (!st.isFile()) {
    closeSync(fd)
    throw new LedgerShapeError(`${file}: not a regular file`)
  }
  // O_NOFOLLOW guards the last name only: a folder above it swapped for a link after the walk opens a file
  // elsewhere. The walk's identity of the file tells.
  if (expect !== undefined && `${st.dev}:${st.ino}` !== expect) {
    closeSync(fd)
    throw new LedgerShapeError(`${file}: not the file the walk found there (a folder on its path was swapped after the walk)`)
  }
  return fd
}

/**
 * The bytes of regular file `file`, at most `max` of them: LedgerShapeError
 * when it is a link, a FIFO, a device or a socket, holds more than `max`
 * bytes (bytes, default LEDGER_LIMITS.jsonBytes), or, given `expect` (its
 * `dev:ino` from walkLedger), is not the file the walk found.
 */
export function readLedgerFile(file: string, max = LEDGER_LIMITS.jsonBytes, expect?: string): Buffer {
  const fd = openLedgerFile(file, expect)
  try {
    const chunks: Buffer[] = []
    let total = 0
    const buf = Buffer.alloc(Math.min(max + 1, 1 << 20))
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      total += n
      if (total > max) throw new LedgerShapeError(`${file}: larger than ${max} bytes`)
      chunks.push(Buffer.from(buf.subarray(0, n)))
    }
    return Buffer.concat(chunks)
  } finally {
    closeSync(fd)
  }
}

/** The sha256 (hex) of regular file `file`, read in 1 MiB pieces (its size costs no memory). LedgerShapeError as readLedgerFile. */
export function sha256LedgerFile(file: string, expect?: string): string {
  const fd = openLedgerFile(file, expect)
  try {
    const hash = createHash('sha256')
    const buf = Buffer.alloc(1 << 20)
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      hash.update(buf.subarray(0, n))
    }
    return hash.digest('hex')
  } finally {
    closeSync(fd)
  }
}
