// The oracle of the guard's property test: a model of a git checkout (work
// tree with inodes, so hard links share content; folders; the index; HEAD's
// tree; the repository files a scenario writes or git rewrites) and the file
// operations a scenario applies, each applied both to the model and to the
// real repository. The expected verdict is computed from the model alone,
// with its own path codec, blob ids and allowlist matching: nothing here
// calls the guard.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  rmdirSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

// ---------------------------------------------------------------- paths

/** Bytes → path string: UTF-8, with each undecodable byte as U+DC80–U+DCFF. */
export function bytesToPath(b: Buffer): string {
  let out = ''
  let i = 0
  while (i < b.length) {
    const c = b[i]
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    let ok = n > 0 && i + n <= b.length
    for (let k = 1; ok && k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) ok = false
    if (ok && n === 3) {
      const cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) ok = false
    }
    if (ok && n === 4) {
      const cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f)
      if (cp < 0x10000 || cp > 0x10ffff) ok = false
    }
    if (ok) {
      out += b.toString('utf8', i, i + n)
      i += n
    } else {
      out += String.fromCharCode(0xdc00 + c)
      i++
    }
  }
  return out
}

export function pathToBytes(s: string): Buffer {
  const parts: number[] = []
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i)
    if (u >= 0xdc80 && u <= 0xdcff && !(i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) parts.push(u - 0xdc00)
    else {
      const cp = s.codePointAt(i)!
      if (cp > 0xffff) i++
      parts.push(...Buffer.from(String.fromCodePoint(cp), 'utf8'))
    }
  }
  return Buffer.from(parts)
}

export function abs(root: string, rel: string): Buffer {
  return Buffer.concat([Buffer.from(root + '/'), pathToBytes(rel)])
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/')
  return i < 0 ? '' : rel.slice(0, i)
}

function ancestors(rel: string): string[] {
  const out: string[] = []
  for (let d = parentOf(rel); d !== ''; d = parentOf(d)) out.push(d)
  return out
}

export function blobId(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex')
}

// ---------------------------------------------------------------- model

export interface Inode {
  content: Buffer
  mode: number // permission bits
}
export type Node = { kind: 'file'; inode: Inode } | { kind: 'symlink'; target: string }
export interface IndexEnt {
  mode: string
  oid: string
  assume: boolean
  skip: boolean
}

export interface Fixture {
  base: string
  /** The checkout under test (the main checkout, or the linked worktree). */
  root: string
  commonDir: string
  /** Repository path prefix of this checkout's own git dir: '.git' or '.git/worktrees/<name>'. */
  ownGit: string
  worktree: boolean
  attrs: boolean
  branch: string
  /** Branches `git branch -D` may delete. */
  deletable: string[]
  planted: string[]
  plantedContent: Map<string, Buffer>
  tree: Map<string, Node>
  dirs: Set<string>
  index: Map<string, IndexEnt>
  head: Map<string, { mode: string; oid: string }>
  blobs: Map<string, Buffer>
  indexListing: string
}

export interface Model {
  fx: Fixture
  tree: Map<string, Node>
  dirs: Set<string>
  index: Map<string, IndexEnt>
  head: Map<string, { mode: string; oid: string }>
  blobs: Map<string, Buffer>
  branch: string
  branches: Set<string>
  tags: Set<string>
  /** Repository files written directly (or through a hard link): inode now, content at the start. */
  repoFiles: Map<string, { now: Inode | undefined; start: Buffer | undefined; startMode: number | undefined }>
  /** Repository files git rewrites: whether they exist now, existed at the start, and were rewritten. */
  gitFiles: Map<string, { exists: boolean; existed: boolean; touched: boolean }>
  /** Repository files git may or may not rewrite (ORIG_HEAD). */
  mayTouch: Set<string>
  deletedObjects: string[]
  /** Branches checked out somewhere (git refuses to delete them). */
  protectedBranches: Set<string>
  commits: number
  umask: number
}

export function cloneModel(fx: Fixture, umask: number): Model {
  const inodes = new Map<Inode, Inode>()
  const tree = new Map<string, Node>()
  for (const [p, n] of fx.tree) {
    if (n.kind === 'symlink') tree.set(p, { ...n })
    else {
      let i = inodes.get(n.inode)
      if (!i) {
        i = { content: n.inode.content, mode: n.inode.mode }
        inodes.set(n.inode, i)
      }
      tree.set(p, { kind: 'file', inode: i })
    }
  }
  return {
    fx,
    tree,
    dirs: new Set(fx.dirs),
    index: new Map([...fx.index].map(([p, e]) => [p, { ...e }])),
    head: new Map(fx.head),
    blobs: new Map(fx.blobs),
    branch: fx.branch,
    branches: new Set([fx.branch, ...fx.deletable, ...(fx.worktree ? ['main'] : [])]),
    tags: new Set(),
    repoFiles: new Map(),
    gitFiles: new Map(),
    mayTouch: new Set(),
    deletedObjects: [],
    protectedBranches: new Set([fx.branch, 'main']),
    commits: 0,
    umask,
  }
}

/** Is `rel` a folder in the model (explicitly, or because something lies below it)? */
function isDir(m: Model, rel: string): boolean {
  if (rel === '') return true
  if (m.dirs.has(rel)) return true
  return false
}

/**
 * Resolve a path as the kernel would for an operation: symlinks in folder
 * components always followed, the last one only if `followLast`. Undefined
 * if it leaves the tree, goes into .git, loops, or passes through a file or
 * a missing folder.
 */
export function resolve(m: Model, rel: string, followLast: boolean): string | undefined {
  let queue = rel.split('/')
  const cur: string[] = []
  let hops = 0
  while (queue.length > 0) {
    const comp = queue.shift()!
    if (comp === '' || comp === '.') continue
    if (comp === '..') {
      if (cur.length === 0) return undefined
      cur.pop()
      continue
    }
    const cand = [...cur, comp].join('/')
    if (cur.length === 0 && comp === '.git') return undefined
    const last = queue.length === 0
    const node = m.tree.get(cand)
    if (node?.kind === 'symlink' && (!last || followLast)) {
      if (++hops > 8 || node.target.startsWith('/')) return undefined
      queue = [...node.target.split('/'), ...queue]
      continue
    }
    if (!last && !isDir(m, cand)) return undefined
    cur.push(comp)
  }
  return cur.length === 0 ? undefined : cur.join('/')
}

/** mkdir -p of a literal folder path, as Node's recursive mkdir does it; the resolved folder, or undefined. */
function planMkdirs(m: Model, relDir: string): { resolved: string; create: string[] } | undefined {
  if (relDir === '') return { resolved: '', create: [] }
  const parts = relDir.split('/')
  let cur = ''
  const create: string[] = []
  const virt = new Set<string>()
  for (const part of parts) {
    const lit = cur ? `${cur}/${part}` : part
    if (cur === '' && part === '.git') return undefined
    const node = m.tree.get(lit)
    if (node?.kind === 'file') return undefined
    if (node?.kind === 'symlink') {
      const r = resolve(m, lit, true)
      if (r === undefined || !isDir(m, r)) return undefined
      cur = r
      continue
    }
    if (!isDir(m, lit) && !virt.has(lit)) {
      create.push(lit)
      virt.add(lit)
    }
    cur = lit
  }
  return { resolved: cur, create }
}

function umaskMode(m: Model, exec = false): number {
  return (exec ? 0o777 : 0o666) & ~m.umask
}

/** A repository file written directly: its model inode (initialised from the fixture on disk). */
function repoFile(m: Model, rel: string): { now: Inode | undefined; start: Buffer | undefined; startMode: number | undefined } {
  let f = m.repoFiles.get(rel)
  if (!f) {
    const file = rel === '.git' ? path.join(m.fx.root, '.git') : path.join(m.fx.commonDir, rel.slice('.git/'.length))
    let start: Buffer | undefined
    let startMode: number | undefined
    try {
      start = readFileSync(file)
      startMode = lstatSync(file).mode & 0o7777
    } catch {
      start = undefined
    }
    f = { now: start ? { content: start, mode: startMode! } : undefined, start, startMode }
    m.repoFiles.set(rel, f)
  }
  return f
}

function gitFile(m: Model, rel: string): { exists: boolean; existed: boolean; touched: boolean } {
  let f = m.gitFiles.get(rel)
  if (!f) {
    const file = rel === '.git' ? path.join(m.fx.root, '.git') : path.join(m.fx.commonDir, rel.slice('.git/'.length))
    const existed = existsSync(file)
    f = { exists: existed, existed, touched: false }
    m.gitFiles.set(rel, f)
  }
  return f
}

function touchGit(m: Model, rel: string, op: 'write' | 'delete'): void {
  const f = gitFile(m, rel)
  if (op === 'write') {
    f.exists = true
    f.touched = true
  } else {
    f.exists = false
  }
}

// ---------------------------------------------------------------- operations

export const NAMES = [
  'a',
  'b',
  'src',
  'docs',
  'sandbox',
  'build',
  'deep',
  'notes',
  'x.log',
  'y.txt',
  'z.md',
  'probe.md',
  '.gitignore',
  '.hidden',
  'with space',
  'new\nline',
  'quote"d',
  "it's",
  'ünï',
  '日本語',
  '😀',
  '-dash',
  '--x',
  '"lead',
  'back\\slash',
  'tab\there',
  '*',
  '?',
  '[x]',
  ' lead',
  'trail ',
  'dots..',
  '...',
  'a\u0301',
  'CAPS',
  'caps',
]
export const RAW_NAMES = [Buffer.from([0x72, 0xff, 0xfe]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80, 0x61]), Buffer.from([0x80])]
export const LINK_TARGETS = [
  'src',
  'src/main.ts',
  '../outside',
  '/tmp',
  'nowhere',
  'docs',
  '..',
  'sandbox',
  '.git/config',
  '.git/hooks',
  'deep/a',
  'link-to-src',
  'a/b',
  'missing/dir',
]
export const HOOKS = ['pre-commit', 'post-checkout', 'pre-push', 'commit-msg']
export const SAMPLES = ['pre-commit.sample', 'pre-push.sample', 'update.sample']
export const REF_NAMES = ['feat', 'fix-1', 'tmp', 'x/y', 'rel']
export const MODES = [0o600, 0o644, 0o755, 0o700, 0o444, 0o664, 0o640]

export type Where = { path: string } | { near: number; name: string }
export type Op =
  | { kind: 'write'; where: Where; content: Buffer }
  | { kind: 'modify'; pick: number; content: Buffer }
  | { kind: 'append'; pick: number; content: Buffer }
  | { kind: 'truncate'; pick: number; len: number }
  | { kind: 'writeSame'; pick: number }
  | { kind: 'sneaky'; pick: number; byte: number }
  | { kind: 'touch'; pick: number; secs: number }
  | { kind: 'revert'; pick: number; content: Buffer }
  | { kind: 'crlf'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'rename'; pick: number; to: Where }
  | { kind: 'chmod'; pick: number; mode: number }
  | { kind: 'symlink'; where: Where; target: string }
  | { kind: 'fileToLink'; pick: number; target: string }
  | { kind: 'linkToFile'; pick: number; content: Buffer }
  | { kind: 'hardlink'; pick: number; where: Where }
  | { kind: 'rawName'; near: number; name: number; content: Buffer }
  | { kind: 'config'; n: number }
  | { kind: 'hook'; name: number; content: Buffer }
  | { kind: 'deleteSample'; name: number }
  | { kind: 'exclude'; n: number }
  | { kind: 'writeRef'; name: number }
  | { kind: 'alternates' }
  | { kind: 'deleteObject'; pick: number }
  | { kind: 'gitfile' }
  | { kind: 'linkRepoFile'; where: Where; file: number }
  | { kind: 'switchHead' }
  | { kind: 'add'; pick: number }
  | { kind: 'assume'; pick: number; on: boolean }
  | { kind: 'skipWorktree'; pick: number; on: boolean }
  | { kind: 'commit' }
  | { kind: 'stash' }
  | { kind: 'branch'; name: number }
  | { kind: 'branchDelete'; pick: number }
  | { kind: 'tag'; name: number }
  | { kind: 'tagDelete'; pick: number }
  | { kind: 'refresh'; how: number }
  | { kind: 'hashObject'; content: Buffer }

export interface Env {
  /** Run git in the checkout; rejects on failure. */
  git(args: string[], opts?: { input?: Buffer }): Promise<Buffer>
  altDir: string
}

function sortedKeys<T>(m: Map<string, T>, filter?: (v: T, k: string) => boolean): string[] {
  return [...m.entries()]
    .filter(([k, v]) => !filter || filter(v, k))
    .map(([k]) => k)
    .sort()
}

function pickOf<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length]
}

function whereTo(m: Model, w: Where): string | undefined {
  if ('path' in w) return w.path
  const near = pickOf([...sortedKeys(m.tree), ...[...m.dirs].sort()], w.near)
  if (near === undefined) return w.name
  const dir = m.dirs.has(near) ? near : parentOf(near)
  return dir ? `${dir}/${w.name}` : w.name
}

/** Folder and file names of a path must all be usable as names. */
function validRel(rel: string): boolean {
  return rel.split('/').every((c) => c !== '' && c !== '.' && c !== '..') && rel.split('/')[0] !== '.git'
}

/** Where a write at literal `rel` lands: the tree path, or a repository path ('.git/…'). */
function writeTarget(m: Model, rel: string): { tree?: string; repo?: string } | undefined {
  if (!validRel(rel)) return undefined
  // The literal path's folder, then the last component followed if a symlink.
  const dirPlan = planMkdirs(m, parentOf(rel))
  if (!dirPlan) return undefined
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  const lit = dirPlan.resolved ? `${dirPlan.resolved}/${base}` : base
  const node = m.tree.get(lit)
  if (node?.kind === 'symlink') {
    // Through a symlink: into the tree, or (main checkout) into .git's config or hooks.
    const t = node.target
    const linkDir = parentOf(lit)
    const joined = path.posix.normalize(linkDir ? `${linkDir}/${t}` : t)
    if (!m.fx.worktree && (joined === '.git/config' || /^\.git\/hooks\/[^/]+$/.test(joined))) {
      if (dirPlan.create.length > 0) return undefined
      return { repo: joined }
    }
    const r = resolve(m, lit, true)
    if (r === undefined || isDir(m, r)) return undefined
    if (m.tree.get(r)?.kind !== 'file' && !isDir(m, parentOf(r))) return undefined
    if (dirPlan.create.length > 0 && !m.tree.has(r)) return undefined
    return { tree: r }
  }
  if (isDir(m, lit)) return undefined
  return { tree: lit }
}

function applyDirs(m: Model, rel: string): string | undefined {
  const plan = planMkdirs(m, parentOf(rel))
  if (!plan) return undefined
  for (const d of plan.create) m.dirs.add(d)
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  return plan.resolved ? `${plan.resolved}/${base}` : base
}

function setFile(m: Model, at: string, content: Buffer): void {
  const n = m.tree.get(at)
  if (n?.kind === 'file') n.inode.content = content
  else m.tree.set(at, { kind: 'file', inode: { content, mode: umaskMode(m) } })
}

/** Literal path of an existing file or symlink (the pick-th in sorted order). */
function existing(m: Model, pick: number, kind?: 'file' | 'symlink'): string | undefined {
  return pickOf(
    sortedKeys(m.tree, (n) => !kind || n.kind === kind),
    pick,
  )
}

/** The file a content operation on literal `rel` reaches (following symlinks). */
function fileAt(m: Model, rel: string): string | undefined {
  const r = resolve(m, rel, true)
  if (r === undefined) return undefined
  return m.tree.get(r)?.kind === 'file' ? r : undefined
}

const gitPathOk = (m: Model, rel: string): boolean =>
  !/[\udc80-\udcff]/.test(rel) &&
  ancestors(rel).every((a) => !m.tree.has(a)) &&
  [...m.index.keys()].every((k) => !k.startsWith(`${rel}/`) && !ancestors(rel).includes(k))

function worktreeMatchesIndex(m: Model, p: string, e: { mode: string; oid: string }): boolean {
  const n = m.tree.get(p)
  if (!n) return false
  if (n.kind === 'symlink') return e.mode === '120000' && e.oid === blobId(pathToBytes(n.target))
  const exec = (n.inode.mode & 0o100) !== 0
  return e.mode === (exec ? '100755' : '100644') && e.oid === indexBlob(m, p, n.inode.content)
}

/** git's blob of a file's content: `*.txt text` (attrs fixtures) turns CRLF into LF. */
function indexBlob(m: Model, p: string, content: Buffer): string {
  const data = m.fx.attrs && p.endsWith('.txt') ? Buffer.from(content.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') : content
  m.blobs.set(blobId(data), data)
  return blobId(data)
}

function removeEmptyDirsUp(m: Model, rel: string): void {
  for (let d = parentOf(rel); d !== ''; d = parentOf(d)) {
    const busy = [...m.tree.keys()].some((k) => k.startsWith(`${d}/`)) || [...m.dirs].some((k) => k.startsWith(`${d}/`))
    if (busy) return
    m.dirs.delete(d)
  }
}

/**
 * Apply one operation to the model and the real checkout. Returns a short
 * description, or undefined when the operation does not apply to the state
 * (nothing is done then). A real operation that fails where the model said
 * it applies throws: the model would be wrong.
 */
/** Operations that run git in the checkout. */
const RUNS_GIT = new Set<Op['kind']>([
  'writeRef',
  'gitfile',
  'switchHead',
  'add',
  'assume',
  'skipWorktree',
  'commit',
  'stash',
  'branch',
  'branchDelete',
  'tag',
  'tagDelete',
  'refresh',
  'hashObject',
])

/** git can still read the repository's config (a write through a hard link to .git/config may have broken it). */
function configReadable(m: Model): boolean {
  return spawnSync('git', ['config', '--file', path.join(m.fx.commonDir, 'config'), '--list'], { env: GIT_ENV, stdio: 'ignore' }).status === 0
}

export async function applyOp(m: Model, env: Env, op: Op): Promise<string | undefined> {
  const root = m.fx.root
  const A = (rel: string) => abs(root, rel)
  // git refuses to start in a repository whose config does not parse: such an operation does nothing.
  if (RUNS_GIT.has(op.kind) && !configReadable(m)) return undefined
  switch (op.kind) {
    case 'write':
    case 'rawName': {
      let rel: string | undefined
      if (op.kind === 'write') rel = whereTo(m, op.where)
      else {
        const near = pickOf([...m.dirs].sort(), op.near)
        const name = bytesToPath(RAW_NAMES[op.name % RAW_NAMES.length])
        rel = near ? `${near}/${name}` : name
      }
      if (rel === undefined) return undefined
      const t = writeTarget(m, rel)
      if (!t) return undefined
      if (t.repo) {
        const f = repoFile(m, t.repo)
        if (f.now) f.now.content = op.content
        else f.now = { content: op.content, mode: umaskMode(m) }
        writeFileSync(A(rel), op.content)
        return `write ${JSON.stringify(rel)} → ${t.repo}`
      }
      mkdirSync(parentOf(rel) ? A(parentOf(rel)) : root, { recursive: true })
      applyDirs(m, rel)
      setFile(m, t.tree!, op.content)
      writeFileSync(A(rel), op.content)
      return `write ${JSON.stringify(rel)} (${t.tree})`
    }
    case 'modify':
    case 'append':
    case 'truncate':
    case 'writeSame':
    case 'crlf':
    case 'revert':
    case 'sneaky':
    case 'touch': {
      const rel = existing(m, op.pick)
      if (rel === undefined) return undefined
      const at = fileAt(m, rel)
      if (at === undefined) return undefined
      const inode = (m.tree.get(at) as { kind: 'file'; inode: Inode }).inode
      const old = inode.content
      if (op.kind === 'modify') {
        inode.content = op.content
        writeFileSync(A(rel), op.content)
      } else if (op.kind === 'append') {
        inode.content = Buffer.concat([old, op.content])
        appendFileSync(A(rel), op.content)
      } else if (op.kind === 'truncate') {
        const len = op.len % (old.length + 3)
        inode.content = len <= old.length ? old.subarray(0, len) : Buffer.concat([old, Buffer.alloc(len - old.length)])
        truncateSync(A(rel), len)
      } else if (op.kind === 'writeSame') {
        writeFileSync(A(rel), old)
      } else if (op.kind === 'crlf') {
        inode.content = Buffer.from(old.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1')
        writeFileSync(A(rel), inode.content)
      } else if (op.kind === 'revert') {
        writeFileSync(A(rel), op.content)
        writeFileSync(A(rel), old)
      } else if (op.kind === 'sneaky') {
        // Same size, same mtime: only ctime and the bytes say it changed.
        if (old.length === 0) return undefined
        const st = lstatSync(A(at))
        const next = Buffer.from(old)
        next[op.byte % next.length] ^= 1 + (op.byte % 255)
        inode.content = next
        writeFileSync(A(rel), next)
        utimesSync(A(at), st.atime, st.mtime)
      } else {
        const t = new Date(Date.now() + op.secs * 1000)
        utimesSync(A(rel), t, t)
      }
      return `${op.kind} ${JSON.stringify(rel)}${at !== rel ? ` (${at})` : ''}`
    }
    case 'delete': {
      const rel = existing(m, op.pick)
      if (rel === undefined) return undefined
      m.tree.delete(rel)
      unlinkSync(A(rel))
      return `delete ${JSON.stringify(rel)}`
    }
    case 'rename': {
      const src = existing(m, op.pick)
      const dst = whereTo(m, op.to)
      if (src === undefined || dst === undefined || !validRel(dst)) return undefined
      const plan = planMkdirs(m, parentOf(dst))
      if (!plan) return undefined
      const base = dst.slice(dst.lastIndexOf('/') + 1)
      const dstAt = plan.resolved ? `${plan.resolved}/${base}` : base
      if (dstAt === src || dstAt.startsWith(`${src}/`)) return undefined
      if (isDir(m, dstAt) || plan.create.some((d) => d === src)) return undefined
      const sn = m.tree.get(src)!
      const dn = m.tree.get(dstAt)
      mkdirSync(parentOf(dst) ? A(parentOf(dst)) : root, { recursive: true })
      for (const d of plan.create) m.dirs.add(d)
      if (sn.kind === 'file' && dn?.kind === 'file' && dn.inode === sn.inode) {
        // Two names of one inode: rename(2) does nothing.
        renameSync(A(src), A(dst))
        return `rename ${JSON.stringify(src)} → same inode ${JSON.stringify(dstAt)} (no-op)`
      }
      m.tree.delete(src)
      m.tree.set(dstAt, sn)
      renameSync(A(src), A(dst))
      return `rename ${JSON.stringify(src)} → ${JSON.stringify(dstAt)}`
    }
    case 'chmod': {
      const rel = existing(m, op.pick)
      if (rel === undefined) return undefined
      const at = fileAt(m, rel)
      if (at === undefined) return undefined
      ;(m.tree.get(at) as { kind: 'file'; inode: Inode }).inode.mode = op.mode
      chmodSync(A(rel), op.mode)
      return `chmod ${op.mode.toString(8)} ${JSON.stringify(rel)}`
    }
    case 'symlink': {
      const rel = whereTo(m, op.where)
      if (rel === undefined || !validRel(rel)) return undefined
      const plan = planMkdirs(m, parentOf(rel))
      if (!plan) return undefined
      const base = rel.slice(rel.lastIndexOf('/') + 1)
      const at = plan.resolved ? `${plan.resolved}/${base}` : base
      if (m.tree.has(at) || isDir(m, at)) return undefined
      mkdirSync(parentOf(rel) ? A(parentOf(rel)) : root, { recursive: true })
      for (const d of plan.create) m.dirs.add(d)
      m.tree.set(at, { kind: 'symlink', target: op.target })
      symlinkSync(op.target, A(rel))
      return `symlink ${JSON.stringify(rel)} → ${op.target}`
    }
    case 'fileToLink': {
      const rel = existing(m, op.pick, 'file')
      if (rel === undefined) return undefined
      m.tree.set(rel, { kind: 'symlink', target: op.target })
      unlinkSync(A(rel))
      symlinkSync(op.target, A(rel))
      return `file→symlink ${JSON.stringify(rel)} → ${op.target}`
    }
    case 'linkToFile': {
      const rel = existing(m, op.pick, 'symlink')
      if (rel === undefined) return undefined
      m.tree.set(rel, { kind: 'file', inode: { content: op.content, mode: umaskMode(m) } })
      unlinkSync(A(rel))
      writeFileSync(A(rel), op.content)
      return `symlink→file ${JSON.stringify(rel)}`
    }
    case 'hardlink': {
      const src = existing(m, op.pick)
      const rel = whereTo(m, op.where)
      if (src === undefined || rel === undefined || !validRel(rel)) return undefined
      const plan = planMkdirs(m, parentOf(rel))
      if (!plan) return undefined
      const base = rel.slice(rel.lastIndexOf('/') + 1)
      const at = plan.resolved ? `${plan.resolved}/${base}` : base
      if (m.tree.has(at) || isDir(m, at)) return undefined
      mkdirSync(parentOf(rel) ? A(parentOf(rel)) : root, { recursive: true })
      for (const d of plan.create) m.dirs.add(d)
      const sn = m.tree.get(src)!
      m.tree.set(at, sn.kind === 'file' ? { kind: 'file', inode: sn.inode } : { ...sn })
      linkSync(A(src), A(rel))
      return `hardlink ${JSON.stringify(rel)} = ${JSON.stringify(src)}`
    }
    case 'linkRepoFile': {
      // A tree name for a repository file: writes through it land in .git.
      const repoRel = ['.git/config', '.git/info/exclude'][op.file % 2]
      const rel = whereTo(m, op.where)
      if (rel === undefined || !validRel(rel)) return undefined
      const plan = planMkdirs(m, parentOf(rel))
      if (!plan) return undefined
      const base = rel.slice(rel.lastIndexOf('/') + 1)
      const at = plan.resolved ? `${plan.resolved}/${base}` : base
      if (m.tree.has(at) || isDir(m, at)) return undefined
      const f = repoFile(m, repoRel)
      if (!f.now) return undefined
      mkdirSync(parentOf(rel) ? A(parentOf(rel)) : root, { recursive: true })
      for (const d of plan.create) m.dirs.add(d)
      m.tree.set(at, { kind: 'file', inode: f.now })
      linkSync(path.join(m.fx.commonDir, repoRel.slice(5)), A(rel))
      return `hardlink ${JSON.stringify(rel)} = ${repoRel}`
    }
    case 'config': {
      const f = repoFile(m, '.git/config')
      const line = `[dogfood]\n\tvalue = ${op.n}\n`
      f.now!.content = Buffer.concat([f.now!.content, Buffer.from(line)])
      appendFileSync(path.join(m.fx.commonDir, 'config'), line)
      return 'append .git/config'
    }
    case 'exclude': {
      const f = repoFile(m, '.git/info/exclude')
      const line = `*.tmp${op.n}\n`
      if (!f.now) return undefined
      f.now.content = Buffer.concat([f.now.content, Buffer.from(line)])
      appendFileSync(path.join(m.fx.commonDir, 'info', 'exclude'), line)
      return 'append .git/info/exclude'
    }
    case 'hook': {
      const name = HOOKS[op.name % HOOKS.length]
      const f = repoFile(m, `.git/hooks/${name}`)
      if (f.now) f.now.content = op.content
      else f.now = { content: op.content, mode: 0o644 & ~m.umask }
      // Not executable: git ignores it (and it is the write that counts).
      writeFileSync(path.join(m.fx.commonDir, 'hooks', name), op.content, { mode: 0o644 })
      return `write hook ${name}`
    }
    case 'deleteSample': {
      const name = SAMPLES[op.name % SAMPLES.length]
      const f = repoFile(m, `.git/hooks/${name}`)
      if (!f.now) return undefined
      f.now = undefined
      unlinkSync(path.join(m.fx.commonDir, 'hooks', name))
      return `delete hook ${name}`
    }
    case 'writeRef': {
      const name = `direct-${REF_NAMES[op.name % REF_NAMES.length].replace('/', '-')}`
      const f = repoFile(m, `.git/refs/heads/${name}`)
      const oid = Buffer.from((await env.git(['rev-parse', 'HEAD'])).toString().trim() + '\n')
      if (f.now) {
        f.now.content = oid
      } else f.now = { content: oid, mode: umaskMode(m) }
      writeFileSync(path.join(m.fx.commonDir, 'refs', 'heads', name), oid)
      return `write ref ${name}`
    }
    case 'alternates': {
      const f = repoFile(m, '.git/objects/info/alternates')
      const line = Buffer.from(`${env.altDir}\n`)
      if (f.now) f.now.content = line
      else f.now = { content: line, mode: umaskMode(m) }
      writeFileSync(path.join(m.fx.commonDir, 'objects', 'info', 'alternates'), line)
      return 'write objects/info/alternates'
    }
    case 'deleteObject': {
      const left = m.fx.planted.filter((o) => !m.deletedObjects.includes(o))
      const o = pickOf(left, op.pick)
      if (o === undefined) return undefined
      m.deletedObjects.push(o)
      rmSync(path.join(m.fx.commonDir, 'objects', o.slice(0, 2), o.slice(2)))
      return `delete object ${o}`
    }
    case 'gitfile': {
      if (!m.fx.worktree) return undefined
      const file = path.join(root, '.git')
      const f = repoFile(m, '.git')
      const now = f.now!.content.toString()
      // Same git dir, other spelling: git still follows it; the bytes changed (or changed back).
      const next = Buffer.from(now.endsWith('\n\n') ? now.trimEnd() + '\n' : now + '\n')
      f.now!.content = next
      writeFileSync(file, next)
      return 'rewrite the worktree .git file'
    }
    case 'switchHead': {
      if (m.fx.worktree) {
        // The main checkout's HEAD, from a linked worktree.
        const f = repoFile(m, '.git/HEAD')
        const next = Buffer.from('ref: refs/heads/keep\n')
        if (f.now!.content.equals(next) || !m.branches.has('keep')) return undefined
        f.now!.content = next
        m.protectedBranches.add('keep')
        writeFileSync(path.join(m.fx.commonDir, 'HEAD'), next)
        return 'main checkout HEAD → keep'
      }
      if (m.commits > 0 || m.branch !== 'main' || !m.branches.has('keep')) return undefined
      const f = repoFile(m, '.git/HEAD')
      f.now!.content = Buffer.from('ref: refs/heads/keep\n')
      writeFileSync(path.join(m.fx.commonDir, 'HEAD'), f.now!.content)
      m.branch = 'keep'
      m.protectedBranches.add('keep')
      return 'HEAD → keep'
    }
    case 'add': {
      const cands = [...new Set([...m.tree.keys(), ...m.index.keys()])].sort()
      const rel = pickOf(cands, op.pick)
      if (rel === undefined || !gitPathOk(m, rel)) return undefined
      const ie = m.index.get(rel)
      if (ie && (ie.assume || ie.skip)) return undefined
      const n = m.tree.get(rel)
      if (!n && !ie) return undefined
      if (n?.kind === 'file') {
        const exec = (n.inode.mode & 0o100) !== 0
        m.index.set(rel, { mode: exec ? '100755' : '100644', oid: indexBlob(m, rel, n.inode.content), assume: false, skip: false })
      } else if (n?.kind === 'symlink') {
        const data = pathToBytes(n.target)
        m.blobs.set(blobId(data), data)
        m.index.set(rel, { mode: '120000', oid: blobId(data), assume: false, skip: false })
      } else m.index.delete(rel)
      await env.git(['--literal-pathspecs', 'add', '-f', '--', rel])
      return `git add ${JSON.stringify(rel)}`
    }
    case 'assume':
    case 'skipWorktree': {
      const rel = pickOf(sortedKeys(m.index), op.pick)
      if (rel === undefined || /[\udc80-\udcff]/.test(rel)) return undefined
      const e = m.index.get(rel)!
      if (op.kind === 'assume') e.assume = op.on
      else e.skip = op.on
      const flag = op.kind === 'assume' ? (op.on ? '--assume-unchanged' : '--no-assume-unchanged') : op.on ? '--skip-worktree' : '--no-skip-worktree'
      await env.git(['update-index', flag, '--', rel])
      return `git update-index ${flag} ${JSON.stringify(rel)}`
    }
    case 'commit': {
      const msg = `commit ${++m.commits} of the scenario`
      m.head = new Map([...m.index].map(([p, e]) => [p, { mode: e.mode, oid: e.oid }]))
      const g = m.fx.ownGit
      touchGit(m, `.git/refs/heads/${m.branch}`, 'write')
      touchGit(m, `.git/logs/refs/heads/${m.branch}`, 'write')
      touchGit(m, `${g}/logs/HEAD`, 'write')
      touchGit(m, `${g}/COMMIT_EDITMSG`, 'write')
      await env.git(['commit', '-q', '--allow-empty', '--no-verify', '-m', msg])
      return 'git commit'
    }
    case 'stash': {
      const paths = new Set([...m.head.keys(), ...m.index.keys()])
      for (const p of paths) {
        if (isDir(m, p) || ancestors(p).some((a) => m.tree.has(a))) return undefined
      }
      // A file that differs from its blob only by line endings that `text` normalises is
      // clean or modified for git depending on the size its stat cache recorded: not modelled.
      if (m.fx.attrs) {
        for (const [p, e] of m.index) {
          const n = m.tree.get(p)
          if (n?.kind === 'file' && blobId(n.inode.content) !== e.oid && indexBlob(m, p, n.inode.content) === e.oid) return undefined
        }
      }
      // Hidden entries first made visible again (git stash's view of them is its own business).
      const flagged = sortedKeys(m.index, (e) => e.assume || e.skip)
      if (flagged.some((p) => /[\udc80-\udcff]/.test(p))) return undefined
      let prefix = ''
      if (flagged.length > 0) {
        for (const p of flagged) Object.assign(m.index.get(p)!, { assume: false, skip: false })
        // One flag per call: update-index applies only the first of --no-assume-unchanged / --no-skip-worktree.
        await env.git(['update-index', '--no-assume-unchanged', '--', ...flagged])
        await env.git(['update-index', '--no-skip-worktree', '--', ...flagged])
        prefix = `git update-index --no-assume-unchanged / --no-skip-worktree ${flagged.length} paths; `
      }
      const indexDiffers = m.index.size !== m.head.size || [...m.index].some(([p, e]) => m.head.get(p)?.oid !== e.oid || m.head.get(p)?.mode !== e.mode)
      const dirty = [...m.index].some(([p, e]) => !worktreeMatchesIndex(m, p, e))
      if (!indexDiffers && !dirty) {
        await env.git(['stash', 'push', '-q'])
        return `${prefix}git stash (nothing to save)`
      }
      for (const p of paths) {
        const h = m.head.get(p)
        const ie = m.index.get(p)
        if (!h) {
          if (m.tree.has(p)) {
            m.tree.delete(p)
            removeEmptyDirsUp(m, p)
          }
          continue
        }
        const same = ie && ie.oid === h.oid && ie.mode === h.mode && worktreeMatchesIndex(m, p, ie)
        if (same) continue
        for (const a of ancestors(p)) m.dirs.add(a)
        if (h.mode === '120000') m.tree.set(p, { kind: 'symlink', target: bytesToPath(m.blobs.get(h.oid)!) })
        else m.tree.set(p, { kind: 'file', inode: { content: m.blobs.get(h.oid)!, mode: umaskMode(m, h.mode === '100755') } })
      }
      m.index = new Map([...m.head].map(([p, e]) => [p, { ...e, assume: false, skip: false }]))
      touchGit(m, '.git/refs/stash', 'write')
      touchGit(m, '.git/logs/refs/stash', 'write')
      touchGit(m, `${m.fx.ownGit}/logs/HEAD`, 'write')
      m.mayTouch.add(`${m.fx.ownGit}/ORIG_HEAD`)
      await env.git(['stash', 'push', '-q'])
      return `${prefix}git stash`
    }
    case 'branch': {
      const name = REF_NAMES[op.name % REF_NAMES.length]
      if (m.branches.has(name) || [...m.branches].some((b) => b.startsWith(`${name}/`) || name.startsWith(`${b}/`))) return undefined
      m.branches.add(name)
      touchGit(m, `.git/refs/heads/${name}`, 'write')
      touchGit(m, `.git/logs/refs/heads/${name}`, 'write')
      await env.git(['branch', name])
      return `git branch ${name}`
    }
    case 'branchDelete': {
      const name = pickOf([...m.branches].filter((b) => !m.protectedBranches.has(b)).sort(), op.pick)
      if (name === undefined) return undefined
      m.branches.delete(name)
      touchGit(m, `.git/refs/heads/${name}`, 'delete')
      touchGit(m, `.git/logs/refs/heads/${name}`, 'delete')
      const pr = gitFile(m, '.git/packed-refs')
      if (!pr.exists) touchGit(m, '.git/packed-refs', 'write')
      await env.git(['branch', '-D', '-q', name])
      return `git branch -D ${name}`
    }
    case 'tag': {
      const name = `t-${REF_NAMES[op.name % REF_NAMES.length]}`
      if (m.tags.has(name) || [...m.tags].some((b) => b.startsWith(`${name}/`) || name.startsWith(`${b}/`))) return undefined
      m.tags.add(name)
      touchGit(m, `.git/refs/tags/${name}`, 'write')
      await env.git(['tag', name])
      return `git tag ${name}`
    }
    case 'tagDelete': {
      const name = pickOf([...m.tags].sort(), op.pick)
      if (name === undefined) return undefined
      m.tags.delete(name)
      touchGit(m, `.git/refs/tags/${name}`, 'delete')
      const pr = gitFile(m, '.git/packed-refs')
      if (!pr.exists) touchGit(m, '.git/packed-refs', 'write')
      await env.git(['tag', '-d', name])
      return `git tag -d ${name}`
    }
    case 'refresh': {
      // Rewrites the index's stat data (not its entries): not a change.
      if (op.how % 2 === 0) await env.git(['status', '--porcelain'])
      else {
        try {
          await env.git(['update-index', '-q', '--refresh'])
        } catch {
          // exit 1 when entries need updating: that is its answer
        }
      }
      return op.how % 2 === 0 ? 'git status' : 'git update-index --refresh'
    }
    case 'hashObject': {
      // A new object: the store may grow.
      await env.git(['hash-object', '-w', '--stdin'], { input: op.content })
      return 'git hash-object -w'
    }
  }
}

// ---------------------------------------------------------------- oracle

export interface Expected {
  /** `${area}\t${kind}\t${path}` lines the guard must report. */
  must: Set<string>
  /** Repository paths the guard may report (git may or may not rewrite them). */
  may: Set<string>
  /** Changes restore() cannot undo. */
  unrestorable: Set<string>
}

function nodeKey(n: Node | undefined): string | undefined {
  if (!n) return undefined
  return n.kind === 'symlink' ? `l:${n.target}` : `f:${blobId(n.inode.content)}`
}

export function expectedChanges(m: Model): Expected {
  const must = new Set<string>()
  const may = new Set<string>()
  const unrestorable = new Set<string>()
  const start = m.fx.tree
  for (const p of new Set([...start.keys(), ...m.tree.keys()])) {
    const a = start.get(p)
    const b = m.tree.get(p)
    let kind: string | undefined
    if (a && !b) kind = 'deleted'
    else if (!a && b) kind = 'created'
    else if (a && b) {
      if (a.kind !== b.kind) kind = 'type'
      else if (nodeKey(a) !== nodeKey(b)) kind = 'modified'
      else if (a.kind === 'file' && b.kind === 'file' && a.inode.mode !== b.inode.mode) kind = 'mode'
    }
    if (kind) must.add(`tree\t${kind}\t${p}`)
  }
  for (const [rel, f] of m.repoFiles) {
    const now = f.now
    if (f.start !== undefined && !now) must.add(`repo\tdeleted\t${rel}`)
    else if (f.start === undefined && now) must.add(`repo\tcreated\t${rel}`)
    else if (f.start !== undefined && now && (!f.start.equals(now.content) || f.startMode !== now.mode)) must.add(`repo\tmodified\t${rel}`)
  }
  for (const [rel, f] of m.gitFiles) {
    if (f.existed && !f.exists) must.add(`repo\tdeleted\t${rel}`)
    else if (!f.existed && f.exists) must.add(`repo\tcreated\t${rel}`)
    else if (f.existed && f.exists && f.touched) must.add(`repo\tmodified\t${rel}`)
  }
  for (const rel of m.mayTouch) if (!m.gitFiles.has(rel)) may.add(rel)
  const indexChanged =
    m.index.size !== m.fx.index.size ||
    [...m.index].some(([p, e]) => {
      const s = m.fx.index.get(p)
      return !s || s.mode !== e.mode || s.oid !== e.oid || s.assume !== e.assume || s.skip !== e.skip
    })
  if (indexChanged) must.add(`repo\tmodified\t${m.fx.ownGit}/index`)
  for (const o of m.deletedObjects) {
    const rel = `.git/objects/${o.slice(0, 2)}/${o.slice(2)}`
    must.add(`repo\tdeleted\t${rel}`)
    unrestorable.add(rel)
  }
  return { must, may, unrestorable }
}

export function allowed(p: string, list: string[]): boolean {
  return list.some((e) => (e.endsWith('/') ? p.startsWith(e) : p === e))
}

/** The gate, restated: deletions → GITCLEANFAIL unless deletion-allowed (tree only); the rest off the write allowlist → MODIFICATIONFAIL. */
export function expectedViolations(lines: Iterable<string>, write: string[], del: string[]): Set<string> {
  const out = new Set<string>()
  for (const line of lines) {
    const [area, kind, p] = line.split('\t')
    if (kind === 'deleted') {
      if (area === 'tree' && allowed(p, del)) continue
      out.add(`GITCLEANFAIL\t${line}`)
    } else if (!(area === 'tree' && allowed(p, write))) out.add(`MODIFICATIONFAIL\t${line}`)
  }
  return out
}

// ---------------------------------------------------------------- fixtures

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
}
delete (GIT_ENV as Record<string, unknown>).GIT_DIR
delete (GIT_ENV as Record<string, unknown>).GIT_WORK_TREE
delete (GIT_ENV as Record<string, unknown>).GIT_INDEX_FILE

// The scenarios' own git commands go through a small helper process: a fork
// of the big test process costs tens of milliseconds, of a small one a few.
const HELPER = `
const { spawn } = require('node:child_process')
const rl = require('node:readline').createInterface({ input: process.stdin })
rl.on('line', (line) => {
  const q = JSON.parse(line)
  const c = spawn('git', q.args, { cwd: q.cwd, env: q.env, stdio: [q.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] })
  const out = [], err = []
  c.stdout.on('data', (d) => out.push(d))
  c.stderr.on('data', (d) => err.push(d))
  c.on('error', (e) => process.stdout.write(JSON.stringify({ id: q.id, code: -1, out: '', err: String(e) }) + '\\n'))
  c.on('close', (code) => process.stdout.write(JSON.stringify({ id: q.id, code, out: Buffer.concat(out).toString('base64'), err: Buffer.concat(err).toString() }) + '\\n'))
  if (q.input) c.stdin.end(Buffer.from(q.input, 'base64'))
})
`
let helper: { send(q: object): void; pending: Map<number, (r: { code: number; out: string; err: string }) => void> } | undefined
let helperIds = 0

function gitHelper(): NonNullable<typeof helper> {
  if (helper) return helper
  const c = spawn(process.execPath, ['-e', HELPER], { stdio: ['pipe', 'pipe', 'inherit'] })
  c.unref()
  ;(c.stdin as unknown as { unref?: () => void }).unref?.()
  ;(c.stdout as unknown as { unref?: () => void }).unref?.()
  const pending = new Map<number, (r: { code: number; out: string; err: string }) => void>()
  let buf = ''
  c.stdout!.on('data', (d: Buffer) => {
    buf += d.toString()
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const r = JSON.parse(buf.slice(0, nl))
      buf = buf.slice(nl + 1)
      pending.get(r.id)?.(r)
      pending.delete(r.id)
    }
  })
  helper = { send: (q) => c.stdin!.write(JSON.stringify(q) + '\n'), pending }
  return helper
}

/** git in `cwd`, without blocking (scenarios run two at a time), through the helper process. */
export function gitAsync(cwd: string, args: string[], input?: Buffer): Promise<Buffer> {
  const h = gitHelper()
  const id = ++helperIds
  return new Promise((resolve, reject) => {
    h.pending.set(id, (r) => {
      if (r.code === 0) resolve(Buffer.from(r.out, 'base64'))
      else reject(new Error(`git ${args.join(' ')} (in ${cwd}) failed (${r.code}): ${r.err}`))
    })
    h.send({ id, cwd, args, env: GIT_ENV, input: input?.toString('base64') })
  })
}

export function gitIn(cwd: string, args: string[], input?: Buffer): Buffer {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, input, maxBuffer: 1 << 28 })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} (in ${cwd}) failed (${r.status}): ${r.stderr?.toString()}`)
  return r.stdout
}

/** Scan a checkout's tree independently of the guard. */
export function scanTree(root: string): { tree: Map<string, Node>; dirs: Set<string> } {
  const tree = new Map<string, Node>()
  const dirs = new Set<string>()
  const inodes = new Map<number, Inode>()
  const stack = ['']
  while (stack.length) {
    const rel = stack.pop()!
    for (const nb of readdirSync(rel ? abs(root, rel) : root, { encoding: 'buffer' })) {
      const name = bytesToPath(nb)
      if (!rel && name === '.git') continue
      const child = rel ? `${rel}/${name}` : name
      const st = lstatSync(abs(root, child))
      if (st.isDirectory()) {
        dirs.add(child)
        stack.push(child)
      } else if (st.isSymbolicLink()) tree.set(child, { kind: 'symlink', target: bytesToPath(readlinkSync(abs(root, child), { encoding: 'buffer' })) })
      else {
        let inode = inodes.get(st.ino)
        if (!inode) {
          inode = { content: readFileSync(abs(root, child)), mode: st.mode & 0o7777 }
          inodes.set(st.ino, inode)
        }
        tree.set(child, { kind: 'file', inode })
      }
    }
  }
  return { tree, dirs }
}

export function readIndexListing(root: string): { listing: string; index: Map<string, IndexEnt> } {
  return parseListing(gitIn(root, ['ls-files', '-z', '-s', '-v']))
}

export async function readIndexListingAsync(root: string): Promise<string> {
  return parseListing(await gitAsync(root, ['ls-files', '-z', '-s', '-v'])).listing
}

function parseListing(out: Buffer): { listing: string; index: Map<string, IndexEnt> } {
  const index = new Map<string, IndexEnt>()
  for (const rec of out.toString('latin1').split('\0')) {
    const tab = rec.indexOf('\t')
    if (tab < 0) continue
    const [tag, mode, oid] = rec.slice(0, tab).split(' ')
    index.set(bytesToPath(Buffer.from(rec.slice(tab + 1), 'latin1')), { mode, oid, assume: tag === tag.toLowerCase(), skip: tag.toUpperCase() === 'S' })
  }
  return { listing: out.toString('latin1'), index }
}

const TRACKED: [string, string | Buffer, number?][] = [
  ['README.md', '# fixture\n'],
  ['src/main.ts', 'export const main = 1\n'],
  ['src/util/helpers.ts', 'export function help() {}\n'],
  ['src/run.sh', '#!/bin/sh\necho run\n', 0o755],
  ['docs/probe.md', 'probe\n'],
  ['docs/guide.txt', 'line one\nline two\n'],
  ['sandbox/keep.txt', 'keep\n'],
  ['with space/file name.txt', 'spaced\n'],
  ['ünï/日本語.md', 'unicode\n'],
  ['-dash.txt', 'dash\n'],
  ['quote"d', 'quoted\n'],
  ['new\nline', 'newline\n'],
  ['deep/a/b/c/leaf.txt', 'leaf\n'],
  ['empty.txt', ''],
  ['private.txt', 'private\n'],
  ['dirty.txt', 'clean\n'],
  ['staged.txt', 'v1\n'],
  ['assumed.txt', 'assumed v1\n'],
  ['skipped.txt', 'skipped v1\n'],
  ['.gitignore', '*.log\nbuild/\n'],
]

let fixtureCount = 0

/** A fresh checkout in a new temp folder under `parent`. */
export function makeFixture(parent: string, worktree: boolean, attrs: boolean): Fixture {
  const base = path.join(parent, `fx-${++fixtureCount}`)
  const main = path.join(base, 'repo')
  mkdirSync(main, { recursive: true })
  gitIn(main, ['init', '-q', '-b', 'main'])
  gitIn(main, ['config', 'core.logAllRefUpdates', 'true'])
  gitIn(main, ['config', 'gc.auto', '0'])
  gitIn(main, ['config', 'advice.ignoredHook', 'false'])
  const put = (root: string, rel: string, data: string | Buffer, mode?: number) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), data)
    if (mode !== undefined) chmodSync(path.join(root, rel), mode)
  }
  for (const [rel, data, mode] of TRACKED) put(main, rel, data, mode)
  if (attrs) put(main, '.gitattributes', '*.txt text\n')
  symlinkSync('src', path.join(main, 'link-to-src'))
  symlinkSync('src/main.ts', path.join(main, 'link-to-main'))
  writeFileSync(Buffer.concat([Buffer.from(main + '/'), Buffer.from([0x72, 0x61, 0x77, 0xff, 0x2e, 0x62, 0x69, 0x6e])]), 'raw name\n')
  gitIn(main, ['add', '-f', '-A'])
  gitIn(main, ['commit', '-q', '-m', 'fixture'])
  gitIn(main, ['branch', 'keep'])
  let root = main
  let ownGit = '.git'
  let branch = 'main'
  if (worktree) {
    root = path.join(base, 'wt')
    branch = `wt-${fixtureCount}`
    gitIn(main, ['worktree', 'add', '-q', '-b', branch, root])
    ownGit = `.git/worktrees/${path.basename(root)}`
  }
  // The state a checkout is in when a case starts: dirty, staged, hidden, untracked, ignored.
  put(root, 'dirty.txt', 'dirty now\n')
  put(root, 'staged.txt', 'v2\n')
  gitIn(root, ['add', '--', 'staged.txt'])
  put(root, 'added.txt', 'added\n')
  gitIn(root, ['add', '--', 'added.txt'])
  gitIn(root, ['update-index', '--assume-unchanged', '--', 'assumed.txt'])
  put(root, 'assumed.txt', 'assumed v2 (hidden)\n')
  gitIn(root, ['update-index', '--skip-worktree', '--', 'skipped.txt'])
  put(root, 'skipped.txt', 'skipped v2 (hidden)\n')
  chmodSync(path.join(root, 'private.txt'), 0o600)
  put(root, 'untracked.md', 'untracked\n')
  put(root, 'notes/todo.txt', 'todo\n')
  symlinkSync('nowhere', path.join(root, 'dangling'))
  put(root, 'debug.log', 'ignored\n')
  put(root, 'build/out.js', 'ignored build\n')
  put(root, 'build/sub/x.bin', Buffer.from([0, 1, 2, 255]))
  writeFileSync(Buffer.concat([Buffer.from(root + '/notes/'), Buffer.from([0x6e, 0xc3, 0x28])]), 'not utf-8\n')
  const plantedContent = new Map<string, Buffer>()
  const planted = [0, 1].map((i) => {
    const junk = Buffer.from(`planted junk ${fixtureCount} ${i}\n`)
    const id = gitIn(main, ['hash-object', '-w', '--stdin'], junk).toString().trim()
    plantedContent.set(id, junk)
    return id
  })
  const commonDir = path.join(main, '.git')
  const { tree, dirs } = scanTree(root)
  const { listing, index } = readIndexListing(root)
  const head = new Map<string, { mode: string; oid: string }>()
  for (const rec of gitIn(root, ['ls-tree', '-r', '-z', 'HEAD']).toString('latin1').split('\0')) {
    const tab = rec.indexOf('\t')
    if (tab < 0) continue
    const [mode, , oid] = rec.slice(0, tab).split(' ')
    head.set(bytesToPath(Buffer.from(rec.slice(tab + 1), 'latin1')), { mode, oid })
  }
  const blobs = new Map<string, Buffer>()
  const ids = [...new Set([...[...head.values()].map((e) => e.oid), ...[...index.values()].map((e) => e.oid)])]
  const out = gitIn(root, ['cat-file', '--batch'], Buffer.from(ids.join('\n') + '\n'))
  let p = 0
  for (const id of ids) {
    const nl = out.indexOf(0x0a, p)
    const size = Number(out.toString('latin1', p, nl).split(' ')[2])
    blobs.set(id, out.subarray(nl + 1, nl + 1 + size))
    p = nl + 1 + size + 1
  }
  return {
    base,
    root,
    commonDir,
    ownGit,
    worktree,
    attrs,
    branch,
    deletable: ['keep'],
    planted,
    plantedContent,
    tree,
    dirs,
    index,
    head,
    blobs,
    indexListing: listing,
  }
}

/** Remove folders a scenario left empty that the fixture did not have (deepest first). */
export function removeStrayDirs(fx: Fixture): void {
  const { dirs } = scanTree(fx.root)
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    if (fx.dirs.has(d)) continue
    try {
      rmdirSync(abs(fx.root, d))
    } catch {
      // not empty: something is left that should not be; the caller's check says so
    }
  }
}

export function treeDiff(a: Map<string, Node>, b: Map<string, Node>): string[] {
  const out: string[] = []
  for (const p of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(p)
    const y = b.get(p)
    const kx = x && (x.kind === 'file' ? `${nodeKey(x)}:${x.inode.mode.toString(8)}` : nodeKey(x))
    const ky = y && (y.kind === 'file' ? `${nodeKey(y)}:${y.inode.mode.toString(8)}` : nodeKey(y))
    if (kx !== ky) out.push(`${JSON.stringify(p)}: ${kx} → ${ky}`)
  }
  return out
}

export { execFileSync }
