// Content ids of the work tree's entries: git's blob id of the raw bytes
// (no filters), computed in-process through the evidence reader (reader.ts),
// and raw content stored into the object store so a restore can bring it back.
import { createHash, randomUUID } from 'node:crypto'
import { closeSync, existsSync, fstatSync, lstatSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { git } from '../git.js'
import { cQuote, decodePath, fsPath } from './paths.js'
import { BeneathReader, blobIdOf } from './reader.js'
import type { TreeEntry } from './snapshot-types.js'
import type { StatEntry } from './walk.js'

// (sameStat lives beside StatEntry, in walk-stat.ts; snapshot.ts re-exports it from here as before.)
export { sameStat } from './walk.js'

/** git's blob id of raw bytes (no filters), computed in-process. */
export function rawBlobId(data: Buffer, format: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(format).update(`blob ${data.length}\0`).update(data).digest('hex')
}

/** A symlink's id: `link:<target>` (never followed); unreadable never equals anything. */
function linkHash(root: string, rel: string): string {
  try {
    return `link:${decodePath(readlinkSync(fsPath(root, rel), { encoding: 'buffer' }))}`
  } catch {
    return `unreadable:${randomUUID()}`
  }
}

/**
 * A folder the walker records as an entry (one it may not list, or one
 * holding an entry it could not lstat: walk-stat.ts): its identity and times,
 * so a chmod to look inside, a write there and a chmod back is a change.
 */
function folderKey(root: string, rel: string, mode: number): string {
  try {
    const s = lstatSync(fsPath(root, rel), { bigint: true })
    return `other:${mode}:folder ${s.ino}:${s.mode}:${s.ctimeNs}:${s.mtimeNs}`
  } catch {
    return `other:${mode}:folder gone`
  }
}

/**
 * Hash one entry in-process, through the evidence reader (reader.ts: no link
 * followed, nothing but a regular file opened, read in bounded chunks).
 * Unreadable content never equals anything.
 */
export function hashEntry(root: string, rel: string, type: StatEntry['type'], mode: number, format: 'sha1' | 'sha256'): string {
  if (type === 'symlink') return linkHash(root, rel)
  if (type !== 'file') return (mode & 0o170000) === 0o040000 ? folderKey(root, rel, mode) : `other:${mode}`
  const r = new BeneathReader(root)
  try {
    const o = r.open(rel, { allowHardLinks: true })
    if (!('fd' in o)) return o.kind === 'file' ? `unreadable:${randomUUID()}` : o.kind === 'symlink' ? linkHash(root, rel) : `other:${o.mode}`
    try {
      return blobIdOf(o, format)
    } finally {
      closeSync(o.fd)
    }
  } catch {
    return `unreadable:${randomUUID()}`
  } finally {
    r.close()
  }
}

/** Files up to this size are hashed in-process first (to skip git when their object is already stored). */
const HASH_HERE_LIMIT = 8 << 20

/**
 * Raw content into the object store (so it can be restored); blob ids back.
 * A file whose loose object is already there (an earlier snapshot stored it)
 * costs no git process.
 */
export async function storeRaw(
  root: string,
  commonDir: string,
  rels: string[],
  entries: Map<string, TreeEntry>,
  format: 'sha1' | 'sha256',
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const toGit: string[] = []
  const reader = new BeneathReader(root)
  try {
    for (const rel of rels) {
      if (entries.get(rel)!.size > HASH_HERE_LIMIT) {
        toGit.push(rel)
        continue
      }
      const got = reader.inspect(rel, { maxBytes: HASH_HERE_LIMIT, allowHardLinks: true })
      if (!got.data) {
        // Grown past the limit since the walk: git hashes it; anything else (a link or FIFO swapped in) is unreadable.
        if (got.kind === 'file' && got.size > HASH_HERE_LIMIT) toGit.push(rel)
        else out.set(rel, `unreadable:${randomUUID()}`)
        continue
      }
      const id = rawBlobId(got.data, format)
      if (existsSync(path.join(commonDir, 'objects', id.slice(0, 2), id.slice(2)))) out.set(rel, id)
      else toGit.push(rel)
    }
    for (let i = 0; i < toGit.length; i += GIT_BATCH) {
      for (const [rel, id] of await storeThroughGit(root, reader, toGit.slice(i, i + GIT_BATCH), format)) out.set(rel, id)
    }
  } finally {
    reader.close()
  }
  return out
}

/** Files handed to one `git hash-object` (each holds a descriptor open until git has read it). */
const GIT_BATCH = 200

/**
 * Store files' raw bytes as blobs with `git hash-object -w --no-filters
 * --stdin-paths`, but never by their name: each file is opened by the reader
 * (no link followed, regular files only) and git reads it through
 * /proc/<our pid>/fd/N, the very file we opened (a name would let git follow
 * a link the agent swapped in, or block on a FIFO). Elsewhere than Linux the
 * name is given (reader.ts says what that leaves open). A file git could not
 * take is hashed here; it cannot be restored from the object store, and the
 * restore says so then.
 */
async function storeThroughGit(root: string, reader: BeneathReader, rels: string[], format: 'sha1' | 'sha256'): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const opened: { rel: string; fd?: number }[] = []
  try {
    for (const rel of rels) {
      const o = reader.open(rel, { allowHardLinks: true })
      if ('fd' in o) opened.push({ rel, fd: o.fd })
      else out.set(rel, `unreadable:${randomUUID()}`)
    }
    if (opened.length === 0) return out
    const viaFd = process.platform === 'linux'
    const input = Buffer.concat(opened.flatMap((o) => [viaFd ? cQuote(`/proc/${process.pid}/fd/${o.fd}`) : cQuote(path.join(root, o.rel)), Buffer.from('\n')]))
    const r = await git(root, ['hash-object', '-w', '--no-filters', '--stdin-paths'], { input })
    const ids = r.exitCode === 0 ? r.stdout.trim().split('\n') : []
    const hexLen = format === 'sha256' ? 64 : 40
    if (ids.length === opened.length && ids.every((id) => id.length === hexLen && /^[0-9a-f]+$/.test(id))) {
      for (const [i, o] of opened.entries()) out.set(o.rel, ids[i])
      return out
    }
    for (const o of opened) out.set(o.rel, blobIdOf({ fd: o.fd!, size: fstatSync(o.fd!).size }, format))
    return out
  } finally {
    for (const o of opened) if (o.fd !== undefined) closeSync(o.fd)
  }
}
