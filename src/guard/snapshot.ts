// A snapshot of everything a case could change: every file and symlink of the
// work tree (tracked, untracked and ignored alike, found by our own walk, not
// by git status), and the repository's own state (HEAD, refs, index, stash,
// hooks, config, info/exclude). git's view can be hidden (assume-unchanged,
// skip-worktree, ignore rules), so content is compared by hash wherever git
// does not vouch for it, and stat data (size, mtime, ctime, inode, mode)
// decides which files need hashing again afterwards.
import { createHash } from 'node:crypto'
import { lstatSync, readdirSync, readFileSync, readlinkSync, type BigIntStats } from 'node:fs'
import path from 'node:path'
import { git, gitOk, splitNul } from '../git.js'
import { toPosix } from '../fsutil.js'

export type EntryType = 'file' | 'symlink' | 'other'

export interface TreeEntry {
  type: EntryType
  mode: number
  size: bigint
  mtime: bigint
  ctime: bigint
  ino: bigint
  /** git blob id of the content (file), link target (symlink); filled on demand. */
  hash?: string
  /** In the index (tracked): hashed through git so its filters apply. */
  tracked: boolean
}

export interface RepoEntry {
  /** sha256 of the bytes (or of the semantic listing, for the index). */
  hash: string
  /** The bytes, kept for restore when small. */
  content?: Buffer
}

export interface Snapshot {
  root: string
  gitDir: string
  commonDir: string
  tree: Map<string, TreeEntry>
  repo: Map<string, RepoEntry>
}

/** Files OpenCode itself keeps in .git (its project id); not the agent's doing. */
export const OPENCODE_OWN_STATE = new Set(['.git/opencode'])
const KEEP_CONTENT_LIMIT = 1 << 20

function statOf(s: BigIntStats): Omit<TreeEntry, 'tracked'> {
  const type: EntryType = s.isFile() ? 'file' : s.isSymbolicLink() ? 'symlink' : 'other'
  return { type, mode: Number(s.mode), size: s.size, mtime: s.mtimeNs, ctime: s.ctimeNs, ino: s.ino }
}

export function sameStat(a: TreeEntry, b: TreeEntry): boolean {
  return a.type === b.type && a.mode === b.mode && a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino
}

/** Walk the work tree (not following symlinks), skipping the top-level .git. */
export function walkTree(root: string): Map<string, TreeEntry> {
  const out = new Map<string, TreeEntry>()
  const stack: string[] = ['']
  while (stack.length > 0) {
    const rel = stack.pop()!
    const abs = rel ? path.join(root, rel) : root
    let names: string[]
    try {
      names = readdirSync(abs)
    } catch {
      continue
    }
    for (const name of names) {
      if (rel === '' && name === '.git') continue
      const childRel = rel ? `${rel}/${name}` : name
      let s: BigIntStats
      try {
        s = lstatSync(path.join(root, childRel), { bigint: true })
      } catch {
        continue
      }
      if (s.isDirectory()) stack.push(childRel)
      else out.set(childRel, { ...statOf(s), tracked: false })
    }
  }
  return out
}

/** git's blob id of raw bytes (no filters), computed in-process. */
export function rawBlobId(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex')
}

function hashRaw(root: string, rel: string, e: TreeEntry): string {
  const abs = path.join(root, rel)
  try {
    if (e.type === 'symlink') return `link:${readlinkSync(abs)}`
    if (e.type === 'file') return rawBlobId(readFileSync(abs))
  } catch {
    return 'unreadable'
  }
  return `other:${e.mode}`
}

/** Hash tracked files through git (filters apply, as for the index's blob ids). */
async function hashTracked(root: string, rels: string[], write: boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (rels.length === 0) return out
  const args = ['hash-object', ...(write ? ['-w'] : []), '--stdin-paths']
  // --stdin-paths is newline-separated: names with a newline are hashed in-process.
  const plain = rels.filter((r) => !r.includes('\n'))
  const r = await git(root, args, { input: plain.join('\n') + '\n' })
  const ids = r.exitCode === 0 ? r.stdout.trim().split('\n') : []
  plain.forEach((rel, i) => out.set(rel, ids[i] ?? 'unhashable'))
  for (const rel of rels) if (!out.has(rel)) out.set(rel, rawBlobId(readFileSync(path.join(root, rel))))
  return out
}

/** Untracked/ignored content is written into the object store, so it can be restored. */
async function storeRaw(root: string, rels: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const plain = rels.filter((r) => !r.includes('\n'))
  if (plain.length > 0) {
    const r = await git(root, ['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: plain.join('\n') + '\n' })
    const ids = r.exitCode === 0 ? r.stdout.trim().split('\n') : []
    plain.forEach((rel, i) => out.set(rel, ids[i] ?? 'unhashable'))
  }
  for (const rel of rels) if (!out.has(rel)) out.set(rel, rawBlobId(readFileSync(path.join(root, rel))))
  return out
}

interface IndexEntry {
  tag: string
  mode: string
  blob: string
}

async function readIndex(root: string): Promise<{ listing: string; entries: Map<string, IndexEntry> }> {
  const listing = await gitOk(root, ['ls-files', '-z', '-s', '-v'])
  const entries = new Map<string, IndexEntry>()
  for (const rec of splitNul(listing)) {
    const tab = rec.indexOf('\t')
    const [tag, mode, blob] = rec.slice(0, tab).split(' ')
    entries.set(rec.slice(tab + 1), { tag, mode, blob })
  }
  return { listing, entries }
}

/** Paths git reports as changed in the tree (tracked ones git no longer vouches for). */
async function changedTracked(root: string): Promise<Set<string>> {
  const r = await gitOk(root, ['status', '--porcelain=v2', '-z', '--untracked-files=no', '--ignore-submodules=none'])
  const out = new Set<string>()
  const recs = splitNul(r)
  for (let i = 0; i < recs.length; i++) {
    const rec = recs[i]
    if (rec.startsWith('1 ')) out.add(rec.split(' ').slice(8).join(' '))
    else if (rec.startsWith('2 ')) {
      out.add(rec.split(' ').slice(9).join(' '))
      i++ // the rename's original path follows
    } else if (rec.startsWith('u ')) out.add(rec.split(' ').slice(10).join(' '))
  }
  return out
}

function walkRepoDir(dir: string, prefix: string, skip: (rel: string) => boolean, out: Map<string, RepoEntry>): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name
    if (skip(rel)) continue
    const abs = path.join(dir, name)
    let s: BigIntStats
    try {
      s = lstatSync(abs, { bigint: true })
    } catch {
      continue
    }
    if (s.isDirectory()) {
      walkRepoDir(abs, rel, skip, out)
      continue
    }
    const data = s.isSymbolicLink() ? Buffer.from(`link:${readlinkSync(abs)}`) : readFileSync(abs)
    const hash = createHash('sha256').update(data).update(`mode:${Number(s.mode)}`).digest('hex')
    out.set(rel, { hash, content: data.length <= KEEP_CONTENT_LIMIT ? data : undefined })
  }
}

/**
 * Repository state, named as `.git/<path in the common dir>`. Objects are
 * content-addressed and left out; other worktrees' folders too (a concurrent
 * run must not look like our agent's doing). The index is compared by its
 * listing (entries, blob ids, assume-unchanged/skip-worktree tags), not bytes.
 */
async function snapshotRepo(root: string, gitDir: string, commonDir: string): Promise<Map<string, RepoEntry>> {
  const out = new Map<string, RepoEntry>()
  const ownWorktree = gitDir !== commonDir ? toPosix(path.relative(commonDir, gitDir)) : undefined
  const skip = (rel: string): boolean => {
    if (rel === 'objects' || rel === 'index' || rel === 'index.lock' || OPENCODE_OWN_STATE.has(`.git/${rel}`)) return true
    if (rel === 'worktrees' || rel.startsWith('worktrees/')) {
      if (!ownWorktree) return true
      return !(ownWorktree === rel || ownWorktree.startsWith(`${rel}/`) || rel.startsWith(`${ownWorktree}/`)) || rel === `${ownWorktree}/index`
    }
    return false
  }
  walkRepoDir(commonDir, '', skip, out)
  const renamed = new Map<string, RepoEntry>()
  for (const [rel, e] of out) renamed.set(`.git/${rel}`, e)
  const { listing } = await readIndex(root)
  const indexName = ownWorktree ? `.git/${ownWorktree}/index` : '.git/index'
  let indexBytes: Buffer | undefined
  try {
    indexBytes = readFileSync(path.join(gitDir, 'index'))
  } catch {
    indexBytes = undefined
  }
  renamed.set(indexName, { hash: createHash('sha256').update(listing).digest('hex'), content: indexBytes })
  return renamed
}

export async function resolveGitDirs(root: string): Promise<{ gitDir: string; commonDir: string }> {
  const out = await gitOk(root, ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir'])
  const [gitDir, commonDir] = out.trim().split('\n')
  return { gitDir, commonDir }
}

export interface SnapshotOptions {
  /** Paths (prefix with trailing /) the harness itself writes; left out. */
  exclude?: string[]
}

function excluded(rel: string, exclude: string[]): boolean {
  return exclude.some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e))
}

/** The "before" snapshot: git vouches for clean tracked files; the rest is hashed now. */
export async function takeSnapshot(root: string, opts: SnapshotOptions = {}): Promise<Snapshot> {
  const { gitDir, commonDir } = await resolveGitDirs(root)
  const exclude = opts.exclude ?? []
  const tree = walkTree(root)
  for (const rel of [...tree.keys()]) if (excluded(rel, exclude)) tree.delete(rel)
  const [{ entries: index }, changed] = await Promise.all([readIndex(root), changedTracked(root)])
  const trackedToHash: string[] = []
  const untrackedToStore: string[] = []
  for (const [rel, e] of tree) {
    const ie = index.get(rel)
    e.tracked = !!ie
    if (e.type !== 'file') {
      e.hash = hashRaw(root, rel, e)
      continue
    }
    const vouched = ie && ie.tag === 'H' && !changed.has(rel) && ie.mode !== '160000'
    if (vouched) e.hash = ie.blob
    else if (ie) trackedToHash.push(rel)
    else untrackedToStore.push(rel)
  }
  const [t, u] = await Promise.all([hashTracked(root, trackedToHash, true), storeRaw(root, untrackedToStore)])
  for (const [rel, h] of [...t, ...u]) tree.get(rel)!.hash = h
  return { root, gitDir, commonDir, tree, repo: await snapshotRepo(root, gitDir, commonDir) }
}

/** The "after" snapshot: only files whose stat changed are hashed again. */
export async function takeSnapshotAfter(before: Snapshot, opts: SnapshotOptions = {}): Promise<Snapshot> {
  const root = before.root
  const exclude = opts.exclude ?? []
  const tree = walkTree(root)
  for (const rel of [...tree.keys()]) if (excluded(rel, exclude)) tree.delete(rel)
  const { entries: index } = await readIndex(root)
  const trackedToHash: string[] = []
  for (const [rel, e] of tree) {
    const prev = before.tree.get(rel)
    e.tracked = index.has(rel)
    if (prev && sameStat(prev, e) && prev.tracked === e.tracked) {
      e.hash = prev.hash
      continue
    }
    if (e.type === 'file' && e.tracked) trackedToHash.push(rel)
    else e.hash = hashRaw(root, rel, e)
  }
  for (const [rel, h] of await hashTracked(root, trackedToHash, false)) tree.get(rel)!.hash = h
  return { root, gitDir: before.gitDir, commonDir: before.commonDir, tree, repo: await snapshotRepo(root, before.gitDir, before.commonDir) }
}
