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
  /** What a later walk of the same tree is read against (find's raw output, record by record). */
  state?: FindState
}

/** One lane's find output and its records (path, folder or not, end offset), by lane. */
interface FindRun {
  bytes: Buffer
  rels: string[]
  isDir: Uint8Array
  ends: Uint32Array
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

/** The records parsed, in order: path, folder or not, end offset in the buffer. */
interface RecordLog {
  rels: string[]
  isDir: number[]
  ends: number[]
}

/**
 * Parse `find -printf FIND_FORMAT` output, byte by byte (no intermediate
 * strings: this runs once per entry of the tree); false on anything unexpected.
 */
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
        log.ends.push(i)
      }
      continue
    }
    if (buf[p] !== 0x2e || buf[p + 1] !== 0x2f) return false
    const rel = decodeRange(buf, text, p + 2, end)
    if (y === 0x64) {
      if (log) {
        log.rels.push(rel)
        log.isDir.push(1)
        log.ends.push(i)
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
      log.ends.push(i)
    }
  }
  return true
}

/**
 * Run one find, its output written into a file that is unlinked before find
 * starts: nothing else can open it by name, and unlike a pipe it never makes
 * find wait for us (Node can do other work, e.g. read the index, while the
 * finds walk). The raw output; undefined if find failed or printed to stderr.
 */
function runFind(root: string, args: string[]): Promise<Buffer | undefined> {
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
      if (!ok || code !== 0 || (bytes.length > 0 && bytes[bytes.length - 1] !== 0)) return resolve(undefined)
      resolve(bytes)
    })
  })
}

/** All records of one find run's output, parsed. */
function parseRun(bytes: Buffer, entries: Map<string, StatEntry>, dirs: Set<string>): FindRun | undefined {
  const log: RecordLog = { rels: [], isDir: [], ends: [] }
  if (!parseFind(bytes, entries, dirs, log)) return undefined
  return { bytes, rels: log.rels, isDir: Uint8Array.from(log.isDir), ends: Uint32Array.from(log.ends) }
}

/** What changed since an earlier find walk of the same tree. */
export interface WalkDelta {
  /** Entries whose record is new or differs from the earlier walk's (a changed entry, a new one, or one that moved in find's order). */
  changed: Map<string, StatEntry>
  /** Entries of the earlier walk that are no longer there (as a non-folder). */
  removed: Set<string>
  /** Every folder below the root, as now. */
  dirs: Set<string>
}

/**
 * Read a run's output against the earlier run of the same arguments, record
 * by record: a record byte-identical to the earlier run's next record (type,
 * mode, size, mtime, ctime, inode, path) is that entry unchanged; anything
 * else is parsed, and the earlier records are re-synchronised by path. Marks
 * the earlier records seen unchanged in `seen`. False on anything odd.
 */
function diffRun(bytes: Buffer, run: FindRun, seen: Uint8Array, out: WalkDelta): boolean {
  const n = run.rels.length
  const old = run.bytes
  const startOf = (k: number) => (k === 0 ? 0 : run.ends[k - 1])
  const same = (k: number, pos: number): boolean => {
    const s = startOf(k)
    const e = run.ends[k]
    return pos + (e - s) <= bytes.length && bytes.compare(old, s, e, pos, pos + (e - s)) === 0
  }
  const keep = (k: number) => {
    seen[k] = 1
    if (run.isDir[k] && run.rels[k] !== '.') out.dirs.add(run.rels[k])
  }
  if (bytes.equals(old)) {
    for (let k = 0; k < n; k++) keep(k)
    return true
  }
  let byRel: Map<string, number> | undefined
  let pos = 0
  let k = 0
  while (pos < bytes.length) {
    if (k < n && same(k, pos)) {
      keep(k)
      pos += run.ends[k] - startOf(k)
      k++
      continue
    }
    // One record gone (a deletion): the next one matches.
    if (k + 1 < n && same(k + 1, pos)) {
      keep(k + 1)
      pos += run.ends[k + 1] - startOf(k + 1)
      k += 2
      continue
    }
    const end = bytes.indexOf(0, pos)
    if (end < 0) return false
    const log: RecordLog = { rels: [], isDir: [], ends: [] }
    if (!parseFind(bytes.subarray(pos, end + 1), out.changed, out.dirs, log) || log.rels.length !== 1) return false
    pos = end + 1
    const rel = log.rels[0]
    if (k < n && run.rels[k] === rel) {
      k++
      continue
    }
    // A new entry: what follows it is the earlier run's next record.
    if (k < n && same(k, pos)) continue
    if (!byRel) {
      byRel = new Map()
      for (let j = 0; j < n; j++) byRel.set(run.rels[j], j)
    }
    const at = byRel.get(rel)
    if (at !== undefined && at >= k) k = at + 1
  }
  return true
}

/** Plan the find runs over the tree: argument lists per lane. Undefined: walk with Node. */
function planFind(root: string, dirs: Set<string>): string[][][] | undefined {
  const starts: string[] = []
  let top: Dirent<Buffer>[]
  try {
    top = readdirSync(root, { withFileTypes: true, encoding: 'buffer' }) as unknown as Dirent<Buffer>[]
  } catch {
    return undefined
  }
  for (const d of top) {
    const name = decodePath(d.name)
    if (name === '.git') continue
    // A name that is not UTF-8 cannot be passed as an argument: one find for the whole tree.
    if (name !== d.name.toString('utf8')) {
      dirs.clear()
      return [[['.', '-path', './.git', '-prune', '-o']]]
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
  if (starts.length === 0) return []
  // One find per core for a big tree; for a small one, one find (a spawn costs more than it saves).
  const k = starts.length < SMALL_TREE_STARTS ? 1 : Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4, starts.length))
  const lanes: string[][][] = []
  for (let l = 0; l < k; l++) lanes.push([])
  // Each start point to a lane by a hash of its name (not by position: a new
  // start point must not move the others, so the next walk can be read
  // against this one lane by lane), then each lane cut into argument lists
  // of bounded size.
  const per: string[][] = lanes.map(() => [])
  for (const s of starts) per[k === 1 ? 0 : laneOf(s, k)].push(s)
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
  return lanes
}

const MAX_ARGS_BYTES = 64 * 1024
const SMALL_TREE_STARTS = 200

/** FNV-1a of the name, modulo the number of lanes. */
function laneOf(name: string, k: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193)
  return (h >>> 0) % k
}

/**
 * Run every planned find (lanes at once, a lane's lists one after another);
 * `each` reads one lane's whole output (its lists' outputs in order, which is
 * what one find over all its start points would print).
 */
async function runLanes(root: string, lanes: string[][][], each: (key: string, bytes: Buffer) => boolean): Promise<boolean> {
  const results = await Promise.all(
    lanes.map(async (chunks, l) => {
      const outputs: Buffer[] = []
      for (const chunk of chunks) {
        const bytes = await runFind(root, ['-P', ...chunk, '-printf', FIND_FORMAT])
        if (!bytes) return false
        outputs.push(bytes)
      }
      return each(`lane ${l} of ${lanes.length}`, outputs.length === 1 ? outputs[0] : Buffer.concat(outputs))
    }),
  )
  return !results.includes(false)
}

/**
 * The fast walker: start points are the top-level entries, with each
 * top-level folder split into its children, dealt out to one find per core.
 * Undefined when anything is off (then the caller walks with Node).
 */
export async function walkFind(root: string): Promise<WalkResult | undefined> {
  const entries = new Map<string, StatEntry>()
  const dirs = new Set<string>()
  const lanes = planFind(root, dirs)
  if (!lanes) return undefined
  const state: FindState = { runs: new Map() }
  const ok = await runLanes(root, lanes, (key, bytes) => {
    const run = parseRun(bytes, entries, dirs)
    if (run) state.runs.set(key, run)
    return run !== undefined
  })
  if (!ok) return undefined
  dirs.delete('.')
  return { entries, dirs, walker: 'find', state }
}

/**
 * Walk the tree again with find, reading it against an earlier find walk:
 * only what differs is parsed. Undefined when anything is off (then the
 * caller walks the whole tree).
 */
export async function walkSince(root: string, prev: FindState): Promise<WalkDelta | undefined> {
  if (!hasGnuFindSync()) return undefined
  const out: WalkDelta = { changed: new Map(), removed: new Set(), dirs: new Set() }
  const lanes = planFind(root, out.dirs)
  if (!lanes) return undefined
  const seen = new Map<FindRun, Uint8Array>()
  for (const run of prev.runs.values()) seen.set(run, new Uint8Array(run.rels.length))
  const ok = await runLanes(root, lanes, (key, bytes) => {
    const run = prev.runs.get(key)
    // No earlier run of this lane (the tree grew past the one-lane size): everything in it is new.
    if (!run) return parseFind(bytes, out.changed, out.dirs)
    return diffRun(bytes, run, seen.get(run)!, out)
  })
  if (!ok) return undefined
  for (const [run, marks] of seen) {
    for (let k = 0; k < marks.length; k++) {
      if (marks[k] || run.isDir[k]) continue
      const rel = run.rels[k]
      if (!out.changed.has(rel)) out.removed.add(rel)
    }
  }
  out.dirs.delete('.')
  return out
}

/** Below this many entries (as far as known beforehand) Node's walk beats spawning finds. */
export const FIND_THRESHOLD = 3000

/** Walk the whole tree. */
export async function walk(root: string, walker: Walker = 'auto', sizeHint?: number): Promise<WalkResult> {
  if (walker === 'node' || (walker === 'auto' && sizeHint !== undefined && sizeHint < FIND_THRESHOLD)) return walkNode(root)
  // (Synchronously up to the finds' start: the caller can work while they walk.)
  if (hasGnuFindSync()) {
    const r = await walkFind(root)
    if (r) return r
  }
  if (walker === 'find') throw new Error('walker "find" requested, but GNU find is not available or failed')
  return walkNode(root)
}
