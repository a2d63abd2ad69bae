// A snapshot of everything a case could change: every file and symlink of the
// work tree (tracked, untracked and ignored alike, found by our own walk, not
// by git status), and the repository's own state (HEAD, refs, index, stash,
// hooks, config, info/exclude, the object store's listing).
//
// Content is identified by git's blob id of the raw bytes on disk (no
// filters: a change git's filters would hide, e.g. line endings under
// `text`/autocrlf, is still a change). A tracked file takes its blob id from
// the index without being read only when git's own stat test vouches for it
// (stat data as the index recorded it, not racily clean, not assume-unchanged
// / skip-worktree / intent-to-add) and no attribute or config could make the
// index's blob differ from the raw bytes. Everything else is hashed, and
// untracked/ignored content is written into the object store so it can be
// restored. The "after" snapshot re-hashes every entry whose stat data
// (type, mode, size, mtime, ctime, inode) moved, and every entry that changed
// so close to the "before" walk that a later write could share its
// timestamps (the racy-git problem); ctime cannot be set back from user space.
//
// Cost: each snapshot walks the whole tree once (walk.ts: GNU find, one per
// core, or Node's lstat); the index is read by our own parser (gitindex.ts)
// while the finds run; no git status. The after-walk reuses, byte for byte,
// the before-walk's records that did not change. The object store is listed
// by name: it may grow (a new object cannot alter history), a deleted object
// is a deletion.
import { randomUUID, createHash } from 'node:crypto'
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type BigIntStats, type Dirent } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { git, gitOk, gitRaw } from '../git.js'
import { toPosix } from '../fsutil.js'
import { readIndexState, statMatches, type IndexState } from './gitindex.js'
import { cQuote, decodePath, encodePath, fsPath } from './paths.js'
import { walk, walkSince, type FindState, type StatEntry, type Walker } from './walk.js'
import { BeneathReader, blobIdOf, readUntrustedFile } from './reader.js'

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

/** Files OpenCode itself keeps in .git (its project id); not the agent's doing. */
export const OPENCODE_OWN_STATE = new Set(['.git/opencode'])
const KEEP_CONTENT_LIMIT = 1 << 20
/** Kernel timestamps are taken from a clock that ticks every 1–10 ms; some file systems keep whole seconds. */
const RACY_WINDOW_FINE = 100
const RACY_WINDOW_COARSE = 2_100

export function sameStat(a: StatEntry, b: StatEntry): boolean {
  return (
    a.type === b.type &&
    a.mode === b.mode &&
    a.size === b.size &&
    a.mtimeS === b.mtimeS &&
    a.mtimeN === b.mtimeN &&
    a.ctimeS === b.ctimeS &&
    a.ctimeN === b.ctimeN &&
    a.ino === b.ino
  )
}

/** git's blob id of raw bytes (no filters), computed in-process. */
export function rawBlobId(data: Buffer, format: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(format).update(`blob ${data.length}\0`).update(data).digest('hex')
}

function linkHash(root: string, rel: string): string {
  try {
    return `link:${decodePath(readlinkSync(fsPath(root, rel), { encoding: 'buffer' }))}`
  } catch {
    return `unreadable:${randomUUID()}`
  }
}

/**
 * Hash one entry in-process, through the evidence reader (reader.ts: no link
 * followed, nothing but a regular file opened, read in bounded chunks).
 * Unreadable content never equals anything.
 */
function hashEntry(root: string, rel: string, type: StatEntry['type'], mode: number, format: 'sha1' | 'sha256'): string {
  if (type === 'symlink') return linkHash(root, rel)
  if (type !== 'file') return `other:${mode}`
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
async function storeRaw(
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

interface RepoConfig {
  autocrlf: boolean
  attributesFile: boolean
  objectFormat: 'sha1' | 'sha256'
}

/** The config a snapshot depends on: what can make a blob differ from the bytes on disk, and the hash. */
async function repoConfig(root: string): Promise<RepoConfig> {
  const r = await git(root, ['config', '-z', '--get-regexp', '^(core\\.(autocrlf|attributesfile)|extensions\\.objectformat)$'])
  if (r.exitCode > 1) throw new Error(`git config failed in ${root}: ${r.stderr.trim()}`)
  let autocrlf = false
  let attributesFile = false
  let objectFormat: 'sha1' | 'sha256' = 'sha1'
  for (const rec of r.stdout.split('\0')) {
    const nl = rec.indexOf('\n')
    const key = (nl < 0 ? rec : rec.slice(0, nl)).toLowerCase()
    const value = nl < 0 ? 'true' : rec.slice(nl + 1).toLowerCase()
    if (key === 'core.autocrlf') autocrlf = ['true', 'input', 'yes', 'on', '1'].includes(value)
    if (key === 'core.attributesfile') attributesFile = true
    if (key === 'extensions.objectformat') objectFormat = value === 'sha256' ? 'sha256' : 'sha1'
  }
  if (existsSync(xdgAttributes())) attributesFile = true
  return { autocrlf, attributesFile, objectFormat }
}

/** git's default attributes file ($XDG_CONFIG_HOME/git/attributes). */
function xdgAttributes(): string {
  const home = process.env.HOME ?? os.homedir()
  return path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'attributes')
}

const configCache = new Map<string, { key: string; at: number; cfg: RepoConfig }>()

/**
 * The files git reads config from (and the default attributes file), as a
 * key: their identity and stat data. Undefined (no caching) when config
 * could come from anywhere else: the environment, or an include.
 */
function configKey(gitDir: string, commonDir: string): { key: string; newest: number; mentions: boolean } | undefined {
  const env = process.env
  if (env.GIT_CONFIG_PARAMETERS || env.GIT_CONFIG_COUNT || env.GIT_CONFIG) return undefined
  const home = env.HOME ?? os.homedir()
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config')
  const files = [
    path.join(commonDir, 'config'),
    path.join(gitDir, 'config.worktree'),
    path.join(commonDir, 'config.worktree'),
    path.join(xdg, 'git', 'attributes'),
  ]
  if (env.GIT_CONFIG_GLOBAL !== undefined) files.push(env.GIT_CONFIG_GLOBAL)
  else files.push(path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config'))
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig')
  const parts: string[] = []
  let newest = 0
  let mentions = false
  for (const f of files) {
    let st: BigIntStats
    try {
      st = statSync(f, { bigint: true })
    } catch {
      parts.push(`${f}:-`)
      continue
    }
    // Not a regular file of its own (a user's dotfile link, or one the agent swapped in): git is asked instead.
    let text = ''
    try {
      text = st.isFile() ? readUntrustedFile(f).toString('latin1') : ''
    } catch {
      return undefined
    }
    if (/include/i.test(text)) return undefined
    if (/autocrlf|attributesfile|objectformat/i.test(text)) mentions = true
    parts.push(`${f}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`)
    newest = Math.max(newest, Number(st.ctimeNs / 1_000_000n), Number(st.mtimeNs / 1_000_000n))
  }
  return { key: parts.join('\0'), newest, mentions }
}

/**
 * repoConfig, remembered for the process while none of the config files has
 * changed (and none changed so recently that a change could hide in the
 * same timestamp): a process taking many snapshots asks git once.
 */
async function repoConfigCached(root: string, gitDir: string, commonDir: string): Promise<RepoConfig> {
  const k = configKey(gitDir, commonDir)
  // No config file (nor the environment) names any of the keys: git's defaults, without asking git.
  if (k && !k.mentions) return { autocrlf: false, attributesFile: existsSync(xdgAttributes()), objectFormat: 'sha1' }
  const hit = configCache.get(root)
  if (k && hit && hit.key === k.key && k.newest < hit.at - RACY_WINDOW_FINE) return hit.cfg
  const at = Date.now()
  const cfg = await repoConfig(root)
  if (k) configCache.set(root, { key: k.key, at, cfg })
  return cfg
}

/**
 * The object format, from the repository's own config file when it states
 * none (sha1, the default, needs no extension) or sha256; else from git.
 */
async function objectFormatOf(commonDir: string, config: Promise<RepoConfig>): Promise<'sha1' | 'sha256'> {
  try {
    const text = readUntrustedFile(path.join(commonDir, 'config')).toString('utf8')
    if (!/objectformat/i.test(text)) return 'sha1'
  } catch {
    // unreadable: ask git
  }
  return (await config).objectFormat
}

/**
 * The git dirs of a work tree's top folder, read from its `.git` (a folder,
 * or a file naming a linked worktree's git dir, whose `commondir` names the
 * repository's); anything else is asked of git.
 */
async function gitDirsOf(root: string): Promise<{ gitDir: string; commonDir: string }> {
  try {
    const dotGit = path.join(root, '.git')
    const s = lstatSync(dotGit)
    if (s.isDirectory() && existsSync(path.join(dotGit, 'HEAD'))) return { gitDir: dotGit, commonDir: dotGit }
    if (s.isFile()) {
      const m = /^gitdir: (.+?)\r?\n?$/.exec(readUntrustedFile(dotGit, 64 << 10).toString('utf8'))
      if (m) {
        const gitDir = path.resolve(root, m[1])
        let commonDir = gitDir
        try {
          commonDir = path.resolve(
            gitDir,
            readUntrustedFile(path.join(gitDir, 'commondir'), 64 << 10)
              .toString('utf8')
              .trim(),
          )
        } catch {
          // no commondir: the git dir is the repository's own
        }
        if (existsSync(path.join(gitDir, 'HEAD'))) return { gitDir, commonDir }
      }
    }
  } catch {
    // fall through to git
  }
  const r = await resolveGitDirs(root)
  return { gitDir: r.gitDir, commonDir: r.commonDir }
}

const CONVERSION_ATTRS = ['text', 'eol', 'crlf', 'ident', 'filter', 'working-tree-encoding']

/** Of the candidate paths (some attribute or config could apply), those whose index blob is their raw bytes. */
async function conversionFree(root: string, cfg: RepoConfig, candidates: string[]): Promise<Set<string>> {
  const input = Buffer.concat(candidates.flatMap((c) => [encodePath(c), Buffer.from([0])]))
  const r = await gitRaw(root, ['check-attr', '-z', '--stdin', ...CONVERSION_ATTRS], { input })
  if (r.exitCode !== 0) return new Set()
  const attrs = new Map<string, Map<string, string>>()
  const parts = r.stdout.toString('latin1').split('\0')
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const p = decodePath(Buffer.from(parts[i], 'latin1'))
    let m = attrs.get(p)
    if (!m) {
      m = new Map()
      attrs.set(p, m)
    }
    m.set(parts[i + 1], parts[i + 2])
  }
  const safe = new Set<string>()
  for (const c of candidates) {
    const m = attrs.get(c)
    if (!m) continue
    const v = (a: string) => m.get(a) ?? 'missing'
    const textOff = v('text') === 'unset' || (v('text') === 'unspecified' && v('crlf') === 'unset')
    const textFree = textOff || (v('text') === 'unspecified' && v('crlf') === 'unspecified' && !cfg.autocrlf)
    const rest =
      v('eol') === 'unspecified' &&
      ['unspecified', 'unset'].includes(v('ident')) &&
      ['unspecified', 'unset'].includes(v('filter')) &&
      v('working-tree-encoding') === 'unspecified'
    if (textFree && rest) safe.add(c)
  }
  return safe
}

function repoEntryOf(abs: string | Buffer, s: BigIntStats): RepoEntry {
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

/** A file of the git dir, through the evidence reader (reader.ts): never a FIFO or device swapped in after the lstat, never a link. */
function readRepoFileAt(abs: string | Buffer): Buffer {
  return readUntrustedFile(typeof abs === 'string' ? abs : decodePath(abs), Number.MAX_SAFE_INTEGER)
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
function snapshotRepo(root: string, gitDir: string, commonDir: string, index: IndexState): Map<string, RepoEntry> {
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

export async function resolveGitDirs(root: string): Promise<{ gitDir: string; commonDir: string; objectFormat: 'sha1' | 'sha256' }> {
  const out = await gitOk(root, ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir', '--show-object-format'])
  const [gitDir, commonDir, format] = out.trim().split('\n')
  return { gitDir, commonDir, objectFormat: format === 'sha256' ? 'sha256' : 'sha1' }
}

export interface SnapshotOptions {
  /** Paths (prefix with trailing /) the harness itself writes; left out. */
  exclude?: string[]
  /** Which tree walker to use; 'auto' (default) prefers GNU find and falls back to Node. */
  walker?: Walker
  /** Filled with the time (ms) each phase took, when given (for benchmarks). */
  timings?: Record<string, number>
}

function timer(opts: SnapshotOptions): (phase: string) => void {
  let t = performance.now()
  return (phase) => {
    const now = performance.now()
    if (opts.timings) opts.timings[phase] = (opts.timings[phase] ?? 0) + (now - t)
    t = now
  }
}

function excluded(rel: string, exclude: string[]): boolean {
  return exclude.some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e))
}

interface Walked {
  tree: Map<string, TreeEntry>
  dirs: Set<string>
  takenAt: number
  racyWindow: number
  walker: 'find' | 'node'
  walkState?: FindState
  /** Some .gitattributes file is in the tree. */
  attributes: boolean
}

async function walkForSnapshot(root: string, opts: SnapshotOptions, sizeHint: number): Promise<Walked> {
  const exclude = opts.exclude ?? []
  const takenAt = Date.now()
  const w = await walk(root, opts.walker, sizeHint)
  const tree = w.entries as Map<string, TreeEntry>
  let fine = false
  let attributes = false
  for (const [rel, e] of tree) {
    if (exclude.length > 0 && excluded(rel, exclude)) {
      tree.delete(rel)
      continue
    }
    if (!fine && e.ctimeN !== 0) fine = true
    if (rel.endsWith('.gitattributes') && (rel === '.gitattributes' || rel.endsWith('/.gitattributes'))) attributes = true
  }
  return {
    tree,
    dirs: w.dirs,
    takenAt,
    racyWindow: fine || tree.size === 0 ? RACY_WINDOW_FINE : RACY_WINDOW_COARSE,
    walker: w.walker,
    walkState: w.state,
    attributes,
  }
}

/** The "before" snapshot. */
export async function takeSnapshot(root: string, opts: SnapshotOptions = {}): Promise<Snapshot> {
  // git config runs while the tree is walked.
  const lap = timer(opts)
  const { gitDir, commonDir } = await gitDirsOf(root)
  const config = repoConfigCached(root, gitDir, commonDir)
  config.catch(() => {})
  const format = await objectFormatOf(commonDir, config)
  const oidLen = format === 'sha256' ? 32 : 20
  lap('before: dirs')
  // The finds start walking first; the index is read while they run.
  const walking = walkForSnapshot(root, opts, indexCount(gitDir))
  walking.catch(() => {})
  lap('before: walk start')
  const index = await readIndexState(root, gitDir, oidLen)
  lap('before: index')
  const w = await walking
  lap('before: walk')
  const cfg = await config
  lap('before: config')
  if (cfg.objectFormat !== format) throw new Error(`object format: config says ${cfg.objectFormat}, the repository ${format}`)
  const objectFormat = cfg.objectFormat
  const mayConvert =
    cfg.autocrlf || cfg.attributesFile || w.attributes || existsSync(path.join(commonDir, 'info', 'attributes')) || existsSync('/etc/gitattributes')
  const candidates: string[] = []
  const toStore: string[] = []
  for (const [rel, e] of w.tree) {
    const slot = index.entries.get(rel)
    e.tracked = slot !== undefined
    if (e.type !== 'file') e.hash = hashEntry(root, rel, e.type, e.mode, objectFormat)
    else if (index.parsed && slot !== undefined && statMatches(index, slot, e)) {
      if (mayConvert) candidates.push(rel)
      else e.hash = index.oid[slot]
    } else toStore.push(rel)
  }
  lap('before: vouch')
  if (candidates.length > 0) {
    const vouched = await conversionFree(root, cfg, candidates)
    for (const rel of candidates) {
      if (vouched.has(rel)) w.tree.get(rel)!.hash = index.oid[index.entries.get(rel)!]
      else toStore.push(rel)
    }
  }
  lap('before: attributes')
  for (const [rel, h] of await storeRaw(root, commonDir, toStore, w.tree, objectFormat)) w.tree.get(rel)!.hash = h
  lap('before: store')
  // The repository last: the objects just written are part of its "before".
  const repo = snapshotRepo(root, gitDir, commonDir, index)
  lap('before: repo')
  const edge = (w.takenAt - w.racyWindow) / 1000
  const racy: string[] = []
  for (const [rel, e] of w.tree) if (e.hash === undefined || !settledBy(e, edge)) racy.push(rel)
  lap('before: racy')
  const exclude = opts.exclude ?? []
  return {
    root,
    gitDir,
    commonDir,
    tree: w.tree,
    repo,
    dirs: w.dirs,
    takenAt: w.takenAt,
    racyWindow: w.racyWindow,
    index,
    objectFormat,
    walker: w.walker,
    walkState: w.walkState,
    exclude,
    racy,
  }
}

/** Last changed before `edge` (seconds): a later change shows in its stat data. */
function settledBy(e: StatEntry, edge: number): boolean {
  return e.ctimeS + e.ctimeN / 1e9 < edge && e.mtimeS + e.mtimeN / 1e9 < edge
}

/** The number of entries the index says it has (its header), to choose a walker. */
export function indexCount(gitDir: string): number {
  try {
    const fd = openSync(path.join(gitDir, 'index'), 'r')
    try {
      const head = Buffer.alloc(12)
      return readSync(fd, head, 0, 12, 0) === 12 && head.toString('latin1', 0, 4) === 'DIRC' ? head.readUInt32BE(8) : 0
    } finally {
      closeSync(fd)
    }
  } catch {
    return 0
  }
}

/** Changed so close to the snapshot that a later write could leave its stat data as it was. */
function racyEdge(s: Snapshot): number {
  return (s.takenAt - s.racyWindow) / 1000
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The "after" snapshot. When the before-snapshot was walked by find, the
 * tree is walked again and read against that walk record by record: only
 * entries whose record differs (or that were racy) are looked at and
 * hashed, and the result says which paths those are, so the comparison
 * looks at them alone. Otherwise the whole tree is walked and every entry
 * whose stat moved (or was racy) is hashed again.
 */
export async function takeSnapshotAfter(before: Snapshot, opts: SnapshotOptions = {}): Promise<Snapshot> {
  const exclude = opts.exclude ?? []
  if (!before.walkState || opts.walker === 'node' || !sameList(exclude, before.exclude)) return afterWhole(before, opts)
  const root = before.root
  const lap = timer(opts)
  const takenAt = Date.now()
  const walking = walkSince(root, before.walkState)
  walking.catch(() => {})
  lap('after: walk start')
  const index = await readIndexState(root, before.gitDir, before.objectFormat === 'sha256' ? 32 : 20, before.index)
  lap('after: index')
  const d = await walking
  lap('after: walk')
  if (!d) {
    if (opts.walker === 'find') throw new Error('walker "find" requested, but GNU find is not available or failed')
    return afterWhole(before, opts, index)
  }
  const edge = racyEdge(before)
  const format = before.objectFormat
  // Path → its entry now (undefined: gone), for every path that may differ from the before-snapshot.
  const updates = new Map<string, TreeEntry | undefined>()
  for (const [rel, e] of d.changed) {
    if (exclude.length > 0 && excluded(rel, exclude)) continue
    const prev = before.tree.get(rel)
    if (prev?.hash !== undefined && sameStat(prev, e) && settledBy(prev, edge)) continue
    updates.set(rel, { ...e, tracked: index.entries.has(rel), hash: hashEntry(root, rel, e.type, e.mode, format) })
  }
  for (const rel of d.removed) if (before.tree.has(rel)) updates.set(rel, undefined)
  for (const rel of before.racy) {
    if (d.changed.has(rel) || d.removed.has(rel)) continue
    const prev = before.tree.get(rel)!
    const hash = hashEntry(root, rel, prev.type, prev.mode, format)
    if (hash !== prev.hash) updates.set(rel, { ...prev, hash })
  }
  let tree = before.tree
  if (updates.size > 0) {
    tree = new Map(before.tree)
    for (const [rel, e] of updates) {
      if (e) tree.set(rel, e)
      else tree.delete(rel)
    }
  }
  lap('after: hash')
  const after = afterSnapshot(before, index, { tree, dirs: d.dirs, takenAt, racyWindow: before.racyWindow, walker: 'find', exclude }, lap)
  return { ...after, since: { base: before, paths: new Set(updates.keys()) } }
}

/** An after-snapshot of `before`'s checkout from its walk: the repository's state is read last. */
function afterSnapshot(
  before: Snapshot,
  index: IndexState,
  walked: Pick<Snapshot, 'tree' | 'dirs' | 'takenAt' | 'racyWindow' | 'walker' | 'exclude'>,
  lap: (phase: string) => void,
): Snapshot {
  const repo = snapshotRepo(before.root, before.gitDir, before.commonDir, index)
  lap('after: repo')
  return {
    root: before.root,
    gitDir: before.gitDir,
    commonDir: before.commonDir,
    ...walked,
    repo,
    index,
    objectFormat: before.objectFormat,
    // Not kept: an after-snapshot is never read against.
    walkState: undefined,
    racy: [],
  }
}

/** The after-snapshot by a whole walk: entries whose stat moved (or were racy) are hashed again, in-process. */
async function afterWhole(before: Snapshot, opts: SnapshotOptions, indexRead?: IndexState): Promise<Snapshot> {
  const root = before.root
  const lap = timer(opts)
  const walking = walkForSnapshot(root, opts, before.tree.size)
  walking.catch(() => {})
  lap('after: walk start')
  const index = indexRead ?? (await readIndexState(root, before.gitDir, before.objectFormat === 'sha256' ? 32 : 20, before.index))
  lap('after: index')
  const w = await walking
  lap('after: walk')
  const edge = racyEdge(before)
  for (const [rel, e] of w.tree) {
    const prev = before.tree.get(rel)
    e.tracked = index.entries.has(rel)
    if (prev?.hash !== undefined && sameStat(prev, e) && settledBy(prev, edge)) e.hash = prev.hash
    else e.hash = hashEntry(root, rel, e.type, e.mode, before.objectFormat)
  }
  lap('after: hash')
  return afterSnapshot(
    before,
    index,
    { tree: w.tree, dirs: w.dirs, takenAt: w.takenAt, racyWindow: w.racyWindow, walker: w.walker, exclude: opts.exclude ?? [] },
    lap,
  )
}
