// The repository's own state in a snapshot: every file of the git dir (HEAD,
// refs, config, hooks, the stash, info/exclude), the object store listed by
// name, and the index by its listing. Files are read through the evidence
// reader (reader.ts).
import { createHash, randomUUID } from 'node:crypto'
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type BigIntStats, type Dirent } from 'node:fs'
import path from 'node:path'
import { toPosix } from '../fsutil.js'
import type { IndexState } from './gitindex.js'
import { decodePath, fsPath } from './paths.js'
import { contentSha256, readUntrustedFile } from './reader.js'
import type { RepoEntry } from './snapshot-types.js'

/** Files OpenCode itself keeps in .git (its project id); not the agent's doing. */
export const OPENCODE_OWN_STATE = new Set(['.git/opencode'])
const KEEP_CONTENT_LIMIT = 1 << 20
/** Past this, a git-dir file is compared by its identity and stat data (any write moves its ctime). */
const HASH_LIMIT = 64 << 20

/** One git-dir entry: sha256 of its bytes (a link's target, or `other:<mode>`) and mode; the bytes kept when small. Throws when unreadable. */
function repoEntryOf(abs: string | Buffer, s: BigIntStats): RepoEntry {
  // A file too big to keep is hashed in chunks (memory bounded), and past HASH_LIMIT by identity and stat data:
  // an agent's sparse file of gigabytes in the git dir must not be read whole.
  if (s.isFile() && s.size > BigInt(KEEP_CONTENT_LIMIT)) {
    const p = typeof abs === 'string' ? abs : decodePath(abs)
    const hash = createHash('sha256')
      .update(`large:${contentSha256(path.dirname(p), path.basename(p), HASH_LIMIT)}`)
      .update(`mode:${Number(s.mode)}`)
      .digest('hex')
    return { hash, content: undefined, mode: Number(s.mode) }
  }
  const data = s.isSymbolicLink()
    ? Buffer.from(`link:${decodePath(readlinkSync(abs, { encoding: 'buffer' }))}`)
    : s.isFile()
      ? readRepoFileAt(abs)
      : Buffer.from(`other:${Number(s.mode)}`)
  const hash = createHash('sha256')
    .update(data)
    .update(`mode:${Number(s.mode)}`)
    .digest('hex')
  return { hash, content: data.length <= KEEP_CONTENT_LIMIT ? data : undefined, mode: Number(s.mode) }
}

/** A file of the git dir (at most KEEP_CONTENT_LIMIT: repoEntryOf), through the evidence reader (reader.ts): never a FIFO or device swapped in after the lstat, never a link. */
function readRepoFileAt(abs: string | Buffer): Buffer {
  return readUntrustedFile(typeof abs === 'string' ? abs : decodePath(abs), KEEP_CONTENT_LIMIT + 1)
}

/** The object store's files by name (loose objects, packs): read without stat or content. */
function listObjects(dir: string | Buffer, prefix: string, out: Map<string, RepoEntry>): void {
  let ents: Dirent<Buffer>[]
  try {
    ents = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as unknown as Dirent<Buffer>[]
  } catch {
    return
  }
  for (const d of ents) {
    const rel = `${prefix}/${decodePath(d.name)}`
    const abs = Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from('/'), d.name])
    if (d.isDirectory()) listObjects(abs, rel, out)
    else out.set(rel, { hash: 'object', object: true })
  }
}

/** Every entry below `dir/prefix` but those `skip` names, into `out` by path relative to `dir`; the object store by name only. */
function walkRepoDir(dir: string, prefix: string, skip: (rel: string) => boolean, out: Map<string, RepoEntry>): void {
  let names: Buffer[]
  try {
    names = readdirSync(prefix ? fsPath(dir, prefix) : dir, { encoding: 'buffer' })
  } catch {
    return
  }
  for (const nb of names) {
    const rel = prefix ? `${prefix}/${decodePath(nb)}` : decodePath(nb)
    if (skip(rel)) continue
    const abs = fsPath(dir, rel)
    let s: BigIntStats
    try {
      s = lstatSync(abs, { bigint: true })
    } catch {
      continue
    }
    if (s.isDirectory()) {
      // Objects are content-addressed: their names say it all (and packs can be huge).
      if (rel === 'objects') {
        for (const n of readdirSafe(abs)) {
          const sub = `objects/${decodePath(n)}`
          if (sub === 'objects/info') walkRepoDir(dir, sub, skip, out)
          else listObjects(fsPath(dir, sub), sub, out)
        }
        continue
      }
      walkRepoDir(dir, rel, skip, out)
      continue
    }
    try {
      out.set(rel, repoEntryOf(abs, s))
    } catch {
      out.set(rel, { hash: `unreadable:${randomUUID()}` })
    }
  }
}

/** A folder's names as bytes; none when it cannot be read. */
function readdirSafe(abs: string | Buffer): Buffer[] {
  try {
    return readdirSync(abs, { encoding: 'buffer' })
  } catch {
    return []
  }
}

/**
 * Repository state, named as `.git/<path in the common dir>`; in a linked
 * worktree also its own `.git` file. Other worktrees' folders are left out
 * (a concurrent run must not look like our agent's doing). The index is
 * compared by its listing (entries, blob ids, stages, flags), not bytes.
 */
export function snapshotRepo(root: string, gitDir: string, commonDir: string, index: IndexState): Map<string, RepoEntry> {
  const out = new Map<string, RepoEntry>()
  const ownWorktree = gitDir !== commonDir ? toPosix(path.relative(commonDir, gitDir)) : undefined
  const skip = (rel: string): boolean => {
    if (rel === 'index' || rel === 'index.lock' || OPENCODE_OWN_STATE.has(`.git/${rel}`)) return true
    if (rel === 'worktrees' || rel.startsWith('worktrees/')) {
      if (!ownWorktree) return true
      return !(ownWorktree === rel || ownWorktree.startsWith(`${rel}/`) || rel.startsWith(`${ownWorktree}/`)) || rel === `${ownWorktree}/index`
    }
    return false
  }
  walkRepoDir(commonDir, '', skip, out)
  const renamed = new Map<string, RepoEntry>()
  for (const [rel, e] of out) renamed.set(`.git/${rel}`, e)
  const indexName = ownWorktree ? `.git/${ownWorktree}/index` : '.git/index'
  // Compared by its listing (computed only if the bytes differ): see compare.ts.
  renamed.set(indexName, { hash: 'index', content: index.bytes, mode: 0o100644, index })
  // A linked worktree's `.git` is a file naming its git dir: rewriting it redirects git.
  const gitfile = path.join(root, '.git')
  try {
    const s = lstatSync(gitfile, { bigint: true })
    if (!s.isDirectory()) renamed.set('.git', repoEntryOf(gitfile, s))
  } catch {
    // no .git at the top (GIT_DIR elsewhere): nothing to record
  }
  return renamed
}

/** The number of entries the index says it has (its header), to choose a walker. */
export function indexCount(gitDir: string): number {
  try {
    // Not followed, not blocked on (a FIFO in its place opens at once and is no file): the agent may have replaced it.
    const fd = openSync(path.join(gitDir, 'index'), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    try {
      if (!fstatSync(fd).isFile()) return 0
      const head = Buffer.alloc(12)
      return readSync(fd, head, 0, 12, 0) === 12 && head.toString('latin1', 0, 4) === 'DIRC' ? head.readUInt32BE(8) : 0
    } finally {
      closeSync(fd)
    }
  } catch {
    return 0
  }
}
