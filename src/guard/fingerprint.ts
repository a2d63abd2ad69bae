// A fingerprint of a checkout the run must never change (the user's own, when
// the cases run in a worktree): every file and symlink, tracked, untracked
// and ignored, and the repository's state (HEAD, refs, index listing, config,
// hooks, info/, stash). Nothing is hashed into the object store: taking a
// fingerprint writes nothing.
//
// Entries are compared by stat data (type, mode, size, mtime, ctime, inode):
// any write moves ctime, which no user-space call can set back. An entry that
// changed so close to the fingerprint that a later write could share its
// timestamps (the racy-git problem) is compared by content as well. The tree
// is walked as the guard walks it (GNU find for a big checkout, Node's walk
// for a small one); a later fingerprint is read against the earlier walk.
import { createHash } from 'node:crypto'
import { lstatSync, readdirSync, readlinkSync } from 'node:fs'
import { contentSha256, readUntrustedFile } from './reader.js'
import path from 'node:path'
import { git } from '../git.js'
import { fsPath } from './paths.js'
import { indexListing, readIndexState, type IndexState } from './gitindex.js'
import { forgedIndexStat } from './index-stat.js'
import { gitDirsOf } from './snapshot-config.js'
import { indexCount, sameStat } from './snapshot.js'
import { objectStoreChanges, objectStoreKeys, type ObjectStoreKeys } from './object-store.js'
import { FIND_THRESHOLD, prunedFolders, walk, walkSince, type FindState, type StatEntry } from './walk.js'

export interface FingerprintEntry extends StatEntry {
  /** sha256 of the content (or link target), for an entry that was racy when a fingerprint was taken. */
  content?: string
}

export interface Fingerprint {
  root: string
  tree: Map<string, FingerprintEntry>
  repo: Map<string, string>
  /** Start of the walk (ms since the epoch). */
  takenAt: number
  /** The last whole walk, when find made it: later fingerprints are read against it. */
  walkBase?: { state: FindState; tree: Map<string, StatEntry> }
  /** Paths whose stat data could not vouch for them (compared by content too). */
  racy: Set<string>
  /** The repository's common and own git dirs (asked of git once). */
  gitDirs?: { common: string; own: string }
  /** The index file's identity and stat data when its listing was taken. */
  indexKey?: string
  /** The object store by stat data (object-store.ts), and the bytes of an object id there (20: sha1, 32: sha256, 0: not known). */
  objects?: ObjectStoreKeys
  oidLen?: number
  /** The index as our parser read it (its stat data: index-stat.ts); undefined when git listed it. */
  index?: IndexState
  /** An index left to git (split, sparse, an unknown format): the paths git finds changed against it (`git diff --name-only`). */
  gitModified?: Set<string>
}

export interface FingerprintChange {
  /** Absolute path. */
  path: string
  kind: 'created' | 'modified' | 'deleted'
}

/** Parts of .git that change without the checkout changing (or are ours). */
const REPO_SKIP = new Set(['objects', 'worktrees', 'index', 'index.lock', 'opencode', 'logs', 'FETCH_HEAD', 'gc.log'])
/** Largest file a fingerprint reads for its content (bytes); a bigger one is compared by its stat data (an agent's sparse file of a petabyte must not be read). */
const CONTENT_MAX_BYTES = 64 << 20
/** Timestamps of a fine-grained file system tick every few ms; a coarse one keeps whole seconds. */
const RACY_FINE_MS = 100
const RACY_COARSE_MS = 2_100

/** The parts of a linked worktree's own git dir (`worktrees/<name>/`) that change without the checkout changing. */
// (Its logs/ are state: `git checkout -`, `@{-1}` and `HEAD@{n}` in that worktree read them.)
const OWN_DIR_SKIP = new Set(['index', 'index.lock'])
/** How long a fingerprint waits for an index.lock to go (a git at work holds one for milliseconds) before it counts as there. */
const LOCK_WAIT_MS = 1000

/**
 * What the checkout's `.git` is: a folder (by device and inode: a folder put
 * in its place, or a link to a copy, is another), a `.git` file (by its
 * content: where it points), a link (by its target), or missing.
 */
function gitEntryKey(root: string): string {
  const abs = path.join(root, '.git')
  try {
    const s = lstatSync(abs, { bigint: true })
    if (s.isDirectory()) return `dir:${s.dev}:${s.ino}`
    if (s.isSymbolicLink()) return `link:${readlinkSync(abs)}`
    if (s.isFile()) return `file:${contentSha256(root, '.git', CONTENT_MAX_BYTES)}`
    return `other:${s.mode}`
  } catch {
    return 'missing'
  }
}

function hashRepoDir(dir: string, prefix: string, out: Map<string, string>, skip: Set<string> = REPO_SKIP, key = '.git'): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name
    if (!prefix && skip.has(name)) continue
    const abs = path.join(dir, name)
    try {
      const s = lstatSync(abs)
      // A folder counts even empty: `.git/refs` after a gc, an empty `rebase-merge` (git then says a rebase is under way).
      if (s.isDirectory()) {
        out.set(`${key}/${rel}/`, 'folder')
        hashRepoDir(abs, rel, out, skip, key)
      } else
        out.set(
          `${key}/${rel}`,
          createHash('sha256')
            .update(s.isSymbolicLink() ? `link:${readlinkSync(abs)}` : contentSha256(dir, name, CONTENT_MAX_BYTES))
            .update(`mode:${s.mode}`)
            .digest('hex'),
        )
    } catch {
      // vanished while we looked: the next fingerprint will say so
    }
  }
}

/**
 * What the index's untracked cache hides from the user's `git status`: sha256
 * of the difference between git's answer as the user's config has it (the
 * cache used, core.untrackedCache's default "keep") and its answer without the
 * cache; undefined when both agree. A refresh by git agrees; an agent's cache
 * that leaves a folder's untracked file out does not (git status then says
 * "working tree clean" beside that file).
 */
async function untrackedCacheHides(root: string): Promise<string | undefined> {
  const args = ['status', '--porcelain=v1', '-z', '--untracked-files=normal', '--ignore-submodules=all']
  const [asUser, without] = await Promise.all([git(root, args), git(root, ['-c', 'core.untrackedCache=false', ...args])])
  if (asUser.exitCode === without.exitCode && asUser.stdout === without.stdout) return undefined
  return createHash('sha256').update(`${asUser.exitCode}\0${asUser.stdout}\0${without.exitCode}\0${without.stdout}`).digest('hex')
}

/** What is at a gitlink's path: a folder (by identity), something else, or nothing. Never followed. */
function gitlinkKind(root: string, rel: string): string {
  try {
    const s = lstatSync(fsPath(root, rel), { bigint: true })
    return s.isDirectory() ? `folder ${s.dev}:${s.ino}` : `other ${s.mode}`
  } catch {
    return 'missing'
  }
}

/** The paths git finds changed in the work tree against the index (`git diff --name-only -z`); a failed call is one entry saying so. */
async function modifiedByGit(root: string): Promise<Set<string>> {
  const r = await git(root, ['diff', '--name-only', '-z', '--ignore-submodules=all'])
  if (r.exitCode !== 0) return new Set([`\0git diff failed: ${r.exitCode}`])
  return new Set(r.stdout.split('\0').filter(Boolean))
}

/** True when `file` exists and is still there after LOCK_WAIT_MS (looked at every 100 ms; never followed or opened). */
async function lockStays(file: string): Promise<boolean> {
  for (let waited = 0; ; waited += 100) {
    try {
      lstatSync(file)
    } catch {
      return false
    }
    if (waited >= LOCK_WAIT_MS) return true
    await new Promise((r) => setTimeout(r, 100))
  }
}

function excluded(rel: string, exclude: string[]): boolean {
  return exclude.some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e))
}

function contentHash(root: string, rel: string, e: StatEntry): string {
  try {
    if (e.type === 'symlink')
      return createHash('sha256')
        .update('link:')
        .update(readlinkSync(fsPath(root, rel), { encoding: 'buffer' }))
        .digest('hex')
    if (e.type === 'file') return contentSha256(root, rel, CONTENT_MAX_BYTES)
    return `other:${e.mode}`
  } catch {
    return `unreadable:${Date.now()}:${Math.random()}`
  }
}

/** Changed at or after `edge` (seconds): a later write could leave its stat data as it is. */
function racyAt(e: StatEntry, edge: number): boolean {
  return e.ctimeS + e.ctimeN / 1e9 >= edge || e.mtimeS + e.mtimeN / 1e9 >= edge
}

/**
 * Fingerprint the checkout at `root`. `prev`: an earlier fingerprint of it;
 * its racy entries are hashed again (so the two can be compared by content),
 * and when find made its walk, this walk is read against that one.
 */
export async function takeFingerprint(root: string, exclude: string[] = [], prev?: Fingerprint): Promise<Fingerprint> {
  const takenAt = Date.now()
  const dirsRun = prev?.gitDirs ? Promise.resolve(prev.gitDirs) : gitDirsFor(root)
  let stat: Map<string, StatEntry>
  let walkBase = prev?.walkBase
  const delta = walkBase ? await walkSince(root, walkBase.state) : undefined
  if (walkBase && delta) {
    stat = new Map(walkBase.tree)
    for (const rel of delta.removed) stat.delete(rel)
    for (const [rel, e] of delta.changed) if (!excluded(rel, exclude)) stat.set(rel, e)
  } else {
    const own = (await dirsRun)?.own
    const w = await walk(root, 'auto', own ? indexCount(own) : FIND_THRESHOLD, prunedFolders(exclude))
    stat = w.entries
    for (const rel of [...stat.keys()]) if (excluded(rel, exclude)) stat.delete(rel)
    walkBase = w.state ? { state: w.state, tree: stat } : undefined
  }
  const tree = new Map<string, FingerprintEntry>(stat)
  const fine = tree.size === 0 || [...tree.values()].some((e) => e.ctimeN !== 0)
  const window = fine ? RACY_FINE_MS : RACY_COARSE_MS
  const edge = (takenAt - window) / 1000
  const racy = new Set<string>()
  for (const [rel, e] of tree) if (racyAt(e, edge)) racy.add(rel)
  for (const rel of prev?.racy ?? []) if (tree.has(rel)) racy.add(rel)
  for (const rel of racy) tree.set(rel, { ...tree.get(rel)!, content: contentHash(root, rel, tree.get(rel)!) })
  const repo = new Map<string, string>()
  const dirs = await dirsRun
  repo.set('.git (entry)', gitEntryKey(root))
  if (dirs) hashRepoDir(dirs.common, '', repo)
  // A linked worktree's own git dir (its HEAD, commondir, gitdir, config.worktree): the common dir's walk leaves worktrees/ out.
  if (dirs && path.resolve(dirs.own) !== path.resolve(dirs.common)) hashRepoDir(dirs.own, '', repo, OWN_DIR_SKIP, '.git (own)')
  // An index.lock left behind stops the user's every git that writes the index ("File exists").
  if (dirs && (await lockStays(path.join(dirs.own, 'index.lock')))) repo.set('.git/index.lock', 'present')
  // The index by its listing (git's own view: a stat-only rewrite is no change),
  // asked of git again only when the file moved since the earlier listing.
  const indexKey = dirs ? fileKey(path.join(dirs.own, 'index')) : undefined
  const LISTING = '.git/index (listing)'
  const prevListing = prev?.repo.get(LISTING)
  // (The config read once: the listing's parser and the object store's check both need the object format.)
  const format = dirs ? oidLenOf(dirs.common) : undefined
  let index: IndexState | undefined
  if (prevListing !== undefined && indexKey !== undefined && indexKey === prev?.indexKey && settledKey(indexKey, prev.takenAt - window)) {
    repo.set(LISTING, prevListing)
    index = prev.index
  } else {
    const listed = await indexListingOf(root, dirs, format)
    repo.set(LISTING, listed.listing)
    index = listed.index
  }
  // Submodule folders (gitlinks) hold no file of the checkout's when not checked out: their presence counts.
  for (const [rel, slot] of index?.entries ?? []) {
    if ((index!.mode[slot] & 0o170000) !== 0o160000) continue
    repo.set(`.git/index (gitlink ${rel})`, gitlinkKind(root, rel))
  }
  // An index left to git keeps its stat data from us: what git finds changed against it must not shrink unless the files did.
  const gitModified = dirs && !index ? await modifiedByGit(root) : undefined
  // An untracked cache that changed since the earlier fingerprint must not hide what git would otherwise list.
  if (prev && index?.untr !== undefined && index.untr !== prev.index?.untr) {
    // With an fsmonitor (its extension in the index), git takes the cache's folders on the monitor's word, which
    // no git of ours asks (the harness's git runs none): a changed cache then counts as it is.
    const hidden = index.fsmn !== undefined ? `changed beside an fsmonitor: ${index.untr}` : await untrackedCacheHides(root)
    if (hidden) repo.set('.git/index (untracked cache)', hidden)
  }
  const objects = dirs ? objectStoreKeys(dirs.common) : undefined
  const oidLen = dirs ? (format ?? 0) : undefined
  return { root, tree, repo, takenAt, walkBase, racy, gitDirs: dirs, indexKey, objects, oidLen, index, gitModified }
}

/** The checkout's common and own git dirs, read from its `.git` (git is asked only when that cannot say); undefined: not a repository. */
async function gitDirsFor(root: string): Promise<Fingerprint['gitDirs']> {
  try {
    const d = await gitDirsOf(root)
    return { common: d.commonDir, own: d.gitDir }
  } catch {
    return undefined
  }
}

/**
 * sha256 of the index's listing (entries, modes, blob ids, stages, flags,
 * and a cache-tree that disagrees with them): read by our own parser where
 * the repository's object format is known (sha1, or a config naming sha256)
 * and the index is one the parser knows; else git's `ls-files -s -v` and the
 * index's bytes (ls-files shows no cache-tree, so the bytes must count). The
 * same checkout gives the same answer. `oidLen`: oidLenOf the common dir.
 */
async function indexListingOf(root: string, dirs: Fingerprint['gitDirs'], oidLen: 20 | 32 | undefined): Promise<{ listing: string; index?: IndexState }> {
  if (dirs && oidLen !== undefined) {
    const index = await readIndexState(root, dirs.own, oidLen)
    return { listing: indexListing(index), index: index.parsed ? index : undefined }
  }
  const ix = await git(root, ['ls-files', '-z', '-s', '-v'])
  let bytes: Buffer | string
  try {
    bytes = dirs ? readUntrustedFile(path.join(dirs.own, 'index')) : 'no git dir'
  } catch (e) {
    bytes = `unreadable: ${(e as Error).message}`
  }
  return { listing: createHash('sha256').update(ix.stdout).update(`\0exit:${ix.exitCode}\0`).update(bytes).digest('hex') }
}

/**
 * The bytes of an object id in the repository whose common dir is given: 20
 * (sha1) when its config names no object format, 32 when it names sha256;
 * undefined when it names something else or cannot be read.
 */
function oidLenOf(commonDir: string): 20 | 32 | undefined {
  let config: string
  try {
    config = readUntrustedFile(path.join(commonDir, 'config')).toString('utf8')
  } catch {
    return undefined
  }
  const named = [...config.matchAll(/objectformat\s*=\s*"?([^\s"#;]*)/gi)].map((m) => m[1].toLowerCase())
  if (named.length === 0) return /objectformat/i.test(config) ? undefined : 20
  return named.every((n) => n === 'sha256') ? 32 : named.every((n) => n === 'sha1') ? 20 : undefined
}

/** A file's identity and stat data (undefined: missing). */
function fileKey(file: string): string | undefined {
  try {
    const s = lstatSync(file, { bigint: true })
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
  } catch {
    return undefined
  }
}

/** The key's ctime lies before `ms` (since the epoch): a later write would move it. */
function settledKey(key: string, ms: number): boolean {
  const ctimeNs = BigInt(key.split(':')[4])
  return Number(ctimeNs / 1_000_000n) < ms
}

/** Same entry: same stat data, and where either side was racy, the same content. */
function sameEntry(a: FingerprintEntry, b: FingerprintEntry): boolean {
  if (!sameStat(a, b)) return false
  if (a.content !== undefined || b.content !== undefined) return a.content === b.content
  return true
}

/**
 * The index changed in a way its listing does not show: stat data that now
 * vouches for a file git would otherwise have read (index-stat.ts), or, for an
 * index left to git, a path git found changed before and no longer does while
 * its file stayed as it was (a split or sparse index touched past a racy entry).
 */
function indexHides(a: Fingerprint, b: Fingerprint): boolean {
  if (a.gitModified && b.gitModified) {
    for (const rel of a.gitModified) {
      const [e, f] = [a.tree.get(rel), b.tree.get(rel)]
      if (!b.gitModified.has(rel) && e && f && sameEntry(e, f)) return true
    }
  }
  return !!a.index && !!b.index && forgedIndexStat(b.root, a.index, b.index, b.tree, b.oidLen ?? 0).length > 0
}

export function compareFingerprints(a: Fingerprint, b: Fingerprint): FingerprintChange[] {
  const out: FingerprintChange[] = []
  const abs = (rel: string) => path.join(a.root, rel)
  for (const [rel, e] of a.tree) {
    const f = b.tree.get(rel)
    if (!f) out.push({ path: abs(rel), kind: 'deleted' })
    else if (!sameEntry(e, f)) out.push({ path: abs(rel), kind: 'modified' })
  }
  for (const rel of b.tree.keys()) if (!a.tree.has(rel)) out.push({ path: abs(rel), kind: 'created' })
  for (const [rel, h] of a.repo) {
    const g = b.repo.get(rel)
    if (g === undefined) out.push({ path: abs(rel), kind: 'deleted' })
    else if (g !== h) out.push({ path: abs(rel), kind: 'modified' })
  }
  for (const rel of b.repo.keys()) if (!a.repo.has(rel)) out.push({ path: abs(rel), kind: 'created' })
  const listing = abs('.git/index (listing)')
  if (!out.some((c) => c.path === listing) && indexHides(a, b)) out.push({ path: listing, kind: 'modified' })
  if (a.objects && b.objects && a.gitDirs && a.oidLen === b.oidLen) {
    for (const c of objectStoreChanges(a.gitDirs.common, a.objects, b.objects, a.oidLen ?? 0)) out.push({ path: abs(`.git/${c.rel}`), kind: c.kind })
  } else if (a.objects !== b.objects) out.push({ path: abs('.git/objects'), kind: 'modified' })
  return out.sort((x, y) => (x.path < y.path ? -1 : 1))
}
