// Put the work tree back as the "before" snapshot had it, file by file, from
// git's object store and the snapshot's own copies of repository files. No
// forbidden operation is used: no clean, no hard reset, no checkout of the tree.
//
// Order: repository state first; then everything the agent created is
// removed (deepest first, with the folders that only it made); then every
// deleted, modified or retyped entry is written anew (a new inode: a hard
// link the agent made cannot carry the rewrite elsewhere), never through a
// symlink in its path.
import { createHash } from 'node:crypto'
import { gitRaw } from '../git.js'
import type { Change } from './compare.js'
import { encodePath } from './paths.js'
import type { Snapshot } from './snapshot.js'
import { entriesBeneath, existsBeneath, removeBeneath, rewriteInPlaceBeneath, symlinkBeneath, writeNewBeneath } from './beneath-write.js'

export interface RestoreRecord {
  path: string
  action: 'rewritten' | 'removed' | 'unrestorable'
  detail?: string
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/')
  return i < 0 ? '' : rel.slice(0, i)
}

/** Remove folders left empty by a removal, up to the first that existed before (or holds anything). */
function removeEmptyParents(before: Snapshot, rel: string): void {
  for (let dir = parentOf(rel); dir !== ''; dir = parentOf(dir)) {
    if (before.dirs.has(dir)) return
    try {
      if (entriesBeneath(before.root, dir).length > 0) return
      removeBeneath(before.root, dir)
    } catch {
      return
    }
  }
}

/** A repository path's base folder and its path inside it. */
function repoFile(s: Snapshot, rel: string): { base: string; rel: string } {
  if (rel === '.git') return { base: s.root, rel: '.git' }
  return { base: s.commonDir, rel: rel.slice('.git/'.length) }
}

/**
 * Blobs already read in this process, by repository and id: an object id
 * names one content, so the case's changes.diff and the restore that follows
 * it share one `cat-file` (a spawn costs ~10 ms here).
 */
const blobsRead = new Map<string, Buffer>()

/** A blob's id: git's hash (sha1, or sha256 for a 64-digit id) of its header and content. */
function blobIdOfData(data: Buffer, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${data.length}\0`)
    .update(data)
    .digest('hex')
}

/**
 * Blob contents for the given ids and their sizes (bytes, as the
 * before-snapshot saw the raw file), those not read before in one
 * `git cat-file --batch`. The object store is one the agent may have
 * written: a blob whose size or content does not match its id is left out
 * (so a loose object rewritten under its name is never restored), and git's
 * output is cut at the sizes asked for (a zlib bomb is never taken whole).
 * A missing id or a non-blob is left out too.
 */
export async function readBlobs(root: string, blobs: { id: string; size: number }[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  const sizes = new Map(blobs.map((b) => [b.id, b.size]))
  const key = (id: string) => `${root}\0${id}`
  for (const id of sizes.keys()) {
    const hit = blobsRead.get(key(id))
    if (hit) out.set(id, hit)
  }
  const wanted = [...sizes.keys()].filter((id) => !out.has(id))
  if (wanted.length === 0) return out
  // Each answer: "<id> blob <size>\n" + content + "\n" (or "<id> missing\n").
  const maxStdoutBytes = wanted.reduce((n, id) => n + sizes.get(id)! + id.length + 32, 0)
  const r = await gitRaw(root, ['cat-file', '--batch'], { input: wanted.join('\n') + '\n', maxStdoutBytes })
  const buf = r.stdout
  let p = 0
  for (const id of wanted) {
    const nl = buf.indexOf(0x0a, p)
    if (nl < 0) break
    const header = buf.toString('latin1', p, nl).split(' ')
    p = nl + 1
    if (header.length !== 3 || header[0] !== id) continue // "<id> missing"
    const size = Number(header[2])
    if (header[1] === 'blob' && size === sizes.get(id) && p + size <= buf.length) {
      const data = buf.subarray(p, p + size)
      if (blobIdOfData(data, id.length) === id) {
        out.set(id, data)
        blobsRead.set(key(id), data)
      }
    }
    // (A size other than asked for: what follows cannot be trusted to line up either.)
    if (size !== sizes.get(id)) break
    p += size + 1
  }
  return out
}

/**
 * `inPlace`: tree paths the sandbox mounts as single files (written back into
 * the same inode when they still are a plain file with one link).
 */
export async function restore(before: Snapshot, changes: Change[], inPlace: Set<string> = new Set()): Promise<RestoreRecord[]> {
  const records: RestoreRecord[] = []
  // Repository state first: the index decides what git thinks of the tree.
  // What the agent created goes first there too (deepest first), then the rest
  // is written back, never through a symlink the agent left in the way.
  const repo = changes.filter((x) => x.area === 'repo')
  const depth = (p: string) => p.split('/').length
  const ordered = [...repo.filter((x) => x.kind === 'created').sort((a, b) => depth(b.path) - depth(a.path)), ...repo.filter((x) => x.kind !== 'created')]
  for (const c of ordered) {
    const file = repoFile(before, c.path)
    const prev = before.repo.get(c.path)
    try {
      if (c.kind === 'created') {
        removeBeneath(file.base, file.rel)
        records.push({ path: c.path, action: 'removed' })
        continue
      }
      if (prev?.object) throw new Error('object-store files are listed, not kept')
      if (!prev?.content) throw new Error('no saved copy (larger than 1 MiB)')
      if (existsBeneath(file.base, file.rel)) removeBeneath(file.base, file.rel)
      if (((prev.mode ?? 0) & 0o170000) === 0o120000) symlinkBeneath(file.base, file.rel, encodePath(prev.content.toString('utf8').slice('link:'.length)))
      else writeNewBeneath(file.base, file.rel, prev.content, prev.mode ?? 0o644)
      records.push({ path: c.path, action: 'rewritten' })
    } catch (e) {
      records.push({ path: c.path, action: 'unrestorable', detail: (e as Error).message })
    }
  }

  const tree = changes.filter((x) => x.area === 'tree')
  // What the agent created goes first (deepest first), so nothing it made stands in the way.
  const created = tree.filter((x) => x.kind === 'created').sort((a, b) => b.path.split('/').length - a.path.split('/').length || (a.path < b.path ? 1 : -1))
  for (const c of created) {
    try {
      removeBeneath(before.root, c.path)
      removeEmptyParents(before, c.path)
      records.push({ path: c.path, action: 'removed' })
    } catch (e) {
      records.push({ path: c.path, action: 'unrestorable', detail: (e as Error).message })
    }
  }

  const rewrite = tree.filter((x) => x.kind !== 'created')
  const blobIds = rewrite.flatMap((c) => {
    const prev = before.tree.get(c.path)
    return prev?.type === 'file' && prev.hash ? [{ id: prev.hash, size: prev.size }] : []
  })
  const blobs = await readBlobs(before.root, blobIds)
  for (const c of rewrite) {
    const prev = before.tree.get(c.path)
    try {
      if (!prev?.hash) throw new Error('no recorded content')
      if (prev.type === 'other') throw new Error('not a file or symlink')
      let data: Buffer | undefined
      if (prev.type === 'file') {
        data = blobs.get(prev.hash)
        if (!data) throw new Error(`object ${prev.hash} not in the object store`)
      }
      if (prev.type === 'file' && inPlace.has(c.path) && rewriteInPlaceBeneath(before.root, c.path, data!, prev.mode)) {
        records.push({ path: c.path, action: 'rewritten', detail: `${prev.hash} (in place: mounted on its own in the sandbox)` })
        continue
      }
      if (existsBeneath(before.root, c.path)) removeBeneath(before.root, c.path)
      if (prev.type === 'symlink') {
        symlinkBeneath(before.root, c.path, encodePath(prev.hash.slice('link:'.length)))
        records.push({ path: c.path, action: 'rewritten', detail: 'symlink' })
        continue
      }
      writeNewBeneath(before.root, c.path, data!, prev.mode)
      records.push({ path: c.path, action: 'rewritten', detail: prev.hash })
    } catch (e) {
      records.push({ path: c.path, action: 'unrestorable', detail: (e as Error).message })
    }
  }
  return records
}

export function formatRestore(records: RestoreRecord[]): string {
  return records.map((r) => `${r.action}\t${JSON.stringify(r.path)}${r.detail ? `\t${r.detail}` : ''}`).join('\n') + (records.length ? '\n' : '')
}
