// Walking the work tree: every file, symlink and other non-folder entry,
// tracked, untracked and ignored alike, symlinks never followed, the
// top-level .git left out. Two walkers give the same answer:
//  - GNU find, several at once over slices of the tree (one lstat per entry
//    in C, spread over the cores: about as fast as git's own status walk);
//  - Node's own readdir + lstat, the reference and the fallback (no GNU
//    find, or find reported any error, e.g. a file vanished mid-walk), and
//    the choice for small trees (a spawn costs more than it saves there).
// Names are bytes: see paths.ts for how a name that is not UTF-8 is kept.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, unlinkSync, type BigIntStats, type Dirent } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decodePath, decodeRange, fsPath } from './paths.js'

export type EntryType = 'file' | 'symlink' | 'other'

/**
 * An entry's stat data. Times are whole seconds and nanoseconds (plain
 * numbers: a snapshot of a big tree holds hundreds of thousands of them).
 */
export interface StatEntry {
  type: EntryType
  /** st_mode: type bits and permission bits. */
  mode: number
  size: number
  mtimeS: number
  mtimeN: number
  ctimeS: number
  ctimeN: number
  ino: number
}

export interface WalkResult {
  entries: Map<string, StatEntry>
  /** Every folder below the root (not the root itself, not .git). */
  dirs: Set<string>
  walker: 'find' | 'node'
  /** What a later walk of the same tree can reuse (find's raw output, record by record). */
  state?: FindState
}

/** One find run's output and its records (path, folder or not, end offset), by its arguments. */
interface FindRun {
  bytes: Buffer
  rels: string[]
  isDir: Uint8Array
  ends: Uint32Array
  /** The entry each record became (undefined for folders). */
  objs: (StatEntry | undefined)[]
}
export interface FindState {
  runs: Map<string, FindRun>
}

export type Walker = 'auto' | 'find' | 'node'

const NS = 1_000_000_000n

export function statEntry(s: BigIntStats): StatEntry {
  const type: EntryType = s.isFile() ? 'file' : s.isSymbolicLink() ? 'symlink' : 'other'
  return {
    type,
    mode: Number(s.mode),
    size: Number(s.size),
    mtimeS: Number(s.mtimeNs / NS),
    mtimeN: Number(s.mtimeNs % NS),
    ctimeS: Number(s.ctimeNs / NS),
    ctimeN: Number(s.ctimeNs % NS),
    ino: Number(s.ino),
  }
}

/** The reference walker: Node's readdir (names as bytes) and lstat. */
export function walkNode(root: string): WalkResult {
  const entries = new Map<string, StatEntry>()
  const dirs = new Set<string>()
  const stack: string[] = ['']
  while (stack.length > 0) {
    const rel = stack.pop()!
    let names: Buffer[]
    try {
      names = readdirSync(rel ? fsPath(root, rel) : root, { encoding: 'buffer' })
    } catch {
      continue
    }
    for (const nb of names) {
      const name = decodePath(nb)
      if (rel === '' && name === '.git') continue
      const childRel = rel ? `${rel}/${name}` : name
      let s: BigIntStats
      try {
        s = lstatSync(fsPath(root, childRel), { bigint: true })
      } catch {
        continue
      }
      if (s.isDirectory()) {
        dirs.add(childRel)
        stack.push(childRel)
      } else entries.set(childRel, statEntry(s))
    }
  }
  return { entries, dirs, walker: 'node' }
}

let gnuFind: boolean | undefined

/** GNU find is there (its -printf is what the fast walker needs); asked once per process. */
export function hasGnuFindSync(): boolean {
  if (gnuFind === undefined) {
    const r = spawnSync('find', ['--version'], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] })
    gnuFind = r.status === 0 && r.stdout.includes('GNU findutils')
  }
  return gnuFind
}

export async function hasGnuFind(): Promise<boolean> {
  return hasGnuFindSync()
}

const FIND_FORMAT = '%y %m %s %T@ %C@ %i %p\\0'
/** find's %y letter (as a byte) → st_mode type bits. */
const TYPE_BITS: Record<number, number> = { 0x66: 0o100000, 0x6c: 0o120000, 0x70: 0o010000, 0x73: 0o140000, 0x63: 0o020000, 0x62: 0o060000, 0x44: 0o150000 }

/**
 * Parse `find -printf FIND_FORMAT` output, byte by byte (no intermediate
 * strings: this runs once per entry of the tree); false on anything unexpected.
 */
interface RecordLog {
  rels: string[]
  isDir: number[]
  ends: number[]
  objs: (StatEntry | undefined)[]
  /** Offset of `buf` in the whole run's output. */
  base: number
}

function parseFind(buf: Buffer, entries: Map<string, StatEntry>, dirs: Set<string>, log?: RecordLog): boolean {
  const len = buf.length
  const text = buf.toString('latin1')
  let i = 0
  const t = [0, 0, 0, 0]
  while (i < len) {
    const y = buf[i]
    if (buf[i + 1] !== 0x20) return false
    let p = i + 2
    // %m: octal permission bits
    let perm = 0
    for (let c = buf[p]; c !== 0x20; c = buf[++p]) {
      if (c < 0x30 || c > 0x37) return false
      perm = perm * 8 + (c - 0x30)
    }
    p++
    // %s: size
    let size = 0
    for (let c = buf[p]; c !== 0x20; c = buf[++p]) {
      if (c < 0x30 || c > 0x39) return false
      size = size * 10 + (c - 0x30)
    }
    p++
    // %T@ and %C@: seconds, a dot, then (up to) nanoseconds and a trailing digit
    for (let k = 0; k < 4; k += 2) {
      let sec = 0
      let c = buf[p]
      if (c < 0x30 || c > 0x39) return false
      for (; c >= 0x30 && c <= 0x39; c = buf[++p]) sec = sec * 10 + (c - 0x30)
      let ns = 0
      let digits = 0
      if (c === 0x2e) {
        for (c = buf[++p]; c >= 0x30 && c <= 0x39; c = buf[++p]) {
          if (digits < 9) {
            ns = ns * 10 + (c - 0x30)
            digits++
          }
        }
      }
      if (c !== 0x20) return false
      for (; digits < 9; digits++) ns *= 10
      t[k] = sec
      t[k + 1] = ns
      p++
    }
    // %i: inode
    let ino = 0
    for (let c = buf[p]; c !== 0x20; c = buf[++p]) {
      if (c < 0x30 || c > 0x39) return false
      ino = ino * 10 + (c - 0x30)
    }
    p++
    const end = buf.indexOf(0, p)
    if (end < 0) return false
    i = end + 1
    // %p is the start point ("./name/…", or "." for the whole tree) and what follows it.
    if (end - p === 1 && buf[p] === 0x2e) {
      if (log) {
        log.rels.push('.')
        log.isDir.push(1)
        log.ends.push(log.base + i)
        log.objs.push(undefined)
      }
      continue
    }
    if (buf[p] !== 0x2e || buf[p + 1] !== 0x2f) return false
    const rel = decodeRange(buf, text, p + 2, end)
    if (y === 0x64) {
      if (log) {
        log.rels.push(rel)
        log.isDir.push(1)
        log.ends.push(log.base + i)
        log.objs.push(undefined)
      }
      dirs.add(rel)
      continue
    }
    const typeBits = TYPE_BITS[y]
    if (typeBits === undefined || !Number.isSafeInteger(size) || !Number.isSafeInteger(ino)) return false
    const e: StatEntry = {
      type: y === 0x66 ? 'file' : y === 0x6c ? 'symlink' : 'other',
      mode: typeBits | perm,
      size,
      mtimeS: t[0],
      mtimeN: t[1],
      ctimeS: t[2],
      ctimeN: t[3],
      ino,
    }
    entries.set(rel, e)
    if (log) {
      log.rels.push(rel)
      log.isDir.push(0)
      log.ends.push(log.base + i)
      log.objs.push(e)
    }
  }
  return true
}

/** Length of the common prefix of two buffers (binary search over native compares). */
function commonPrefix(a: Buffer, b: Buffer): number {
  let lo = 0
  let hi = Math.min(a.length, b.length)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (a.compare(b, 0, mid, 0, mid) === 0) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Length of the common suffix, at most `max`. */
function commonSuffix(a: Buffer, b: Buffer, max: number): number {
  let lo = 0
  let hi = Math.min(a.length, b.length, max)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (a.compare(b, b.length - mid, b.length, a.length - mid, a.length) === 0) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Run one find, then read its records: without an earlier run of the same
 * arguments all are parsed; with one, the output is compared byte for byte
 * first: records identical to the earlier run's (the common head and tail)
 * are that run's entries again, and only the differing middle is parsed.
 * Undefined if find failed or printed anything odd.
 */
function runFind(
  root: string,
  args: string[],
  entries: Map<string, StatEntry>,
  dirs: Set<string>,
  prev: FindRun | undefined,
): Promise<FindRun | undefined> {
  // find writes into a file that is unlinked before find starts: nothing else
  // can open it by name, and unlike a pipe it never makes find wait for us
  // (Node can do other work, e.g. read the index, while the finds walk).
  let fd: number
  try {
    const file = path.join(os.tmpdir(), `dogfood-guard-find-${process.pid}-${randomBytes(8).toString('hex')}`)
    fd = openSync(file, 'wx+', 0o600)
    unlinkSync(file)
  } catch {
    return Promise.resolve(undefined)
  }
  return new Promise((resolve) => {
    const c = spawn('find', args, { cwd: root, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, LC_ALL: 'C' } })
    let ok = true
    let done = false
    c.stderr!.on('data', () => (ok = false))
    c.on('error', () => {
      if (done) return
      done = true
      closeSync(fd)
      resolve(undefined)
    })
    c.on('close', (code) => {
      if (done) return
      done = true
      let bytes: Buffer
      try {
        const size = fstatSync(fd).size
        bytes = Buffer.allocUnsafe(size)
        if (readSync(fd, bytes, 0, size, 0) !== size) ok = false
      } catch {
        ok = false
        bytes = Buffer.alloc(0)
      } finally {
        closeSync(fd)
      }
      if (!ok || code !== 0) return resolve(undefined)
      if (prev) return resolve(reuse(bytes, prev, entries, dirs))
      const log: RecordLog = { rels: [], isDir: [], ends: [], objs: [], base: 0 }
      if (bytes.length > 0 && bytes[bytes.length - 1] !== 0) return resolve(undefined)
      if (!parseFind(bytes, entries, dirs, log)) return resolve(undefined)
      resolve({ bytes, rels: log.rels, isDir: Uint8Array.from(log.isDir), ends: Uint32Array.from(log.ends), objs: log.objs })
    })
  })
}

/** The records of `bytes` given an earlier run's: reuse the common head and tail, parse the middle. */
function reuse(bytes: Buffer, run: FindRun, entries: Map<string, StatEntry>, dirs: Set<string>): FindRun | undefined {
  const n = run.rels.length
  const take = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const e = run.objs[k]
      if (e) entries.set(run.rels[k], e)
      else if (run.rels[k] !== '.') dirs.add(run.rels[k])
    }
  }
  if (bytes.equals(run.bytes)) {
    take(0, n)
    return run
  }
  const startOf = (k: number) => (k === 0 ? 0 : run.ends[k - 1])
  const head = commonPrefix(run.bytes, bytes)
  // Whole records in the common head.
  let h = 0
  while (h < n && run.ends[h] <= head) h++
  const tail = commonSuffix(run.bytes, bytes, Math.min(run.bytes.length, bytes.length) - startOf(h))
  // Whole records in the common tail: those starting at or after len - tail.
  let t = n
  while (t > h && startOf(t - 1) >= run.bytes.length - tail) t--
  const midStart = startOf(h)
  const midEnd = bytes.length - (run.bytes.length - startOf(t))
  const log: RecordLog = { rels: [], isDir: [], ends: [], objs: [], base: midStart }
  take(0, h)
  if (midEnd > midStart && (bytes[midEnd - 1] !== 0 || !parseFind(bytes.subarray(midStart, midEnd), entries, dirs, log))) return undefined
  take(t, n)
  const shift = bytes.length - run.bytes.length
  const m = h + log.rels.length + (n - t)
  const out: FindRun = { bytes, rels: new Array<string>(m), isDir: new Uint8Array(m), ends: new Uint32Array(m), objs: new Array(m) }
  let j = 0
  const put = (rel: string, dir: number, end: number, obj: StatEntry | undefined) => {
    out.rels[j] = rel
    out.isDir[j] = dir
    out.ends[j] = end
    out.objs[j++] = obj
  }
  for (let k = 0; k < h; k++) put(run.rels[k], run.isDir[k], run.ends[k], run.objs[k])
  for (let k = 0; k < log.rels.length; k++) put(log.rels[k], log.isDir[k], log.ends[k], log.objs[k])
  for (let k = t; k < n; k++) put(run.rels[k], run.isDir[k], run.ends[k] + shift, run.objs[k])
  return out
}

const MAX_ARGS_BYTES = 64 * 1024
const SMALL_TREE_STARTS = 200

/**
 * The fast walker: start points are the top-level entries, with each
 * top-level folder split into its children, dealt out to one find per core.
 * Undefined when anything is off (then the caller walks with Node).
 */
export async function walkFind(root: string, prev?: FindState): Promise<WalkResult | undefined> {
  const entries = new Map<string, StatEntry>()
  const dirs = new Set<string>()
  const starts: string[] = []
  let top: Dirent<Buffer>[]
  try {
    top = readdirSync(root, { withFileTypes: true, encoding: 'buffer' }) as unknown as Dirent<Buffer>[]
  } catch {
    return undefined
  }
  let whole = false
  for (const d of top) {
    const name = decodePath(d.name)
    if (name === '.git') continue
    // A name that is not UTF-8 cannot be passed as an argument: one find for the whole tree.
    if (name !== d.name.toString('utf8')) {
      whole = true
      break
    }
    if (!d.isDirectory()) {
      starts.push(`./${name}`)
      continue
    }
    dirs.add(name)
    let children: Buffer[]
    try {
      children = readdirSync(fsPath(root, name), { encoding: 'buffer' })
    } catch {
      return undefined
    }
    const names = children.map((c) => c.toString('utf8'))
    if (children.some((c, k) => decodePath(c) !== names[k])) starts.push(`./${name}`)
    else for (const c of names) starts.push(`./${name}/${c}`)
  }
  const lanes: string[][][] = []
  if (whole) {
    entries.clear()
    dirs.clear()
    lanes.push([['.', '-path', './.git', '-prune', '-o']])
  } else {
    if (starts.length === 0) return { entries, dirs, walker: 'find' }
    // One find per core for a big tree; for a small one, one find (a spawn costs more than it saves).
    const k = starts.length < SMALL_TREE_STARTS ? 1 : Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4, starts.length))
    for (let l = 0; l < k; l++) lanes.push([])
    // Round-robin, then cut each lane into argument lists of bounded size.
    const per: string[][] = lanes.map(() => [])
    starts.forEach((s, n) => per[n % k].push(s))
    per.forEach((list, l) => {
      let chunk: string[] = []
      let bytes = 0
      for (const s of list) {
        if (bytes + s.length > MAX_ARGS_BYTES && chunk.length > 0) {
          lanes[l].push(chunk)
          chunk = []
          bytes = 0
        }
        chunk.push(s)
        bytes += Buffer.byteLength(s) + 1
      }
      if (chunk.length > 0) lanes[l].push(chunk)
    })
  }
  const state: FindState = { runs: new Map() }
  const results = await Promise.all(
    lanes.map(async (chunks) => {
      for (const chunk of chunks) {
        const args = ['-P', ...chunk, '-printf', FIND_FORMAT]
        const key = args.join('\0')
        const run = await runFind(root, args, entries, dirs, prev?.runs.get(key))
        if (!run) return false
        state.runs.set(key, run)
      }
      return true
    }),
  )
  if (results.includes(false)) return undefined
  dirs.delete('.')
  return { entries, dirs, walker: 'find', state }
}

/** Below this many entries (as far as known beforehand) Node's walk beats spawning finds. */
export const FIND_THRESHOLD = 3000

/**
 * Walk the tree. `prev`: an earlier find walk of the same tree; records
 * whose bytes are unchanged come back as that walk's very entry objects
 * (the caller must not modify those).
 */
export async function walk(root: string, walker: Walker = 'auto', sizeHint?: number, prev?: FindState): Promise<WalkResult> {
  if (walker === 'node' || (walker === 'auto' && sizeHint !== undefined && sizeHint < FIND_THRESHOLD)) return walkNode(root)
  // (Synchronously up to the finds' start: the caller can work while they walk.)
  if (hasGnuFindSync()) {
    const r = await walkFind(root, prev)
    if (r) return r
  }
  if (walker === 'find') throw new Error('walker "find" requested, but GNU find is not available or failed')
  return walkNode(root)
}
