// Walking the work tree: every file, symlink and other non-folder entry,
// tracked, untracked and ignored alike, symlinks never followed, the
// top-level .git left out. Two walkers give the same answer:
//  - GNU find, several at once over slices of the tree (one lstat per entry
//    in C, spread over the cores: about as fast as git's own status walk);
//  - Node's own readdir + lstat, the reference and the fallback (no GNU
//    find, or find reported any error, e.g. a file vanished mid-walk).
import { spawn } from 'node:child_process'
import { lstatSync, readdirSync, type BigIntStats, type Dirent } from 'node:fs'
import os from 'node:os'
import { decodePath, fsPath } from './paths.js'

export type EntryType = 'file' | 'symlink' | 'other'

export interface StatEntry {
  type: EntryType
  /** st_mode: type bits and permission bits. */
  mode: number
  size: bigint
  mtime: bigint
  ctime: bigint
  ino: bigint
}

export interface WalkResult {
  entries: Map<string, StatEntry>
  /** Every folder below the root (not the root itself, not .git). */
  dirs: Set<string>
  walker: 'find' | 'node'
}

export type Walker = 'auto' | 'find' | 'node'

function statEntry(s: BigIntStats): StatEntry {
  const type: EntryType = s.isFile() ? 'file' : s.isSymbolicLink() ? 'symlink' : 'other'
  return { type, mode: Number(s.mode), size: s.size, mtime: s.mtimeNs, ctime: s.ctimeNs, ino: s.ino }
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

let findProbe: Promise<boolean> | undefined

/** GNU find is there (its -printf is what the fast walker needs). */
export function hasGnuFind(): Promise<boolean> {
  findProbe ??= new Promise((resolve) => {
    const c = spawn('find', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    c.stdout.on('data', (d: Buffer) => (out += d.toString('latin1')))
    c.on('error', () => resolve(false))
    c.on('close', (code) => resolve(code === 0 && out.includes('GNU findutils')))
  })
  return findProbe
}

const FIND_FORMAT = '%y %m %s %T@ %C@ %i %p\\0'
const TYPE_BITS: Record<string, number> = { f: 0o100000, l: 0o120000, p: 0o010000, s: 0o140000, c: 0o020000, b: 0o060000, D: 0o150000 }

const NS = 1_000_000_000n

/**
 * Parse `find -printf FIND_FORMAT` output, byte by byte (no intermediate
 * strings: this runs once per entry of the tree); false on anything unexpected.
 */
function parseFind(buf: Buffer, entries: Map<string, StatEntry>, dirs: Set<string>): boolean {
  const len = buf.length
  let i = 0
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
    const times: bigint[] = [0n, 0n]
    for (let t = 0; t < 2; t++) {
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
      times[t] = BigInt(sec) * NS + BigInt(ns)
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
    if (end - p === 1 && buf[p] === 0x2e) continue
    if (buf[p] !== 0x2e || buf[p + 1] !== 0x2f) return false
    const rel = decodePath(buf.subarray(p + 2, end))
    if (y === 0x64) {
      dirs.add(rel)
      continue
    }
    const typeBits = TYPE_BITS[String.fromCharCode(y)]
    if (typeBits === undefined || !Number.isSafeInteger(size) || !Number.isSafeInteger(ino)) return false
    entries.set(rel, {
      type: y === 0x66 ? 'file' : y === 0x6c ? 'symlink' : 'other',
      mode: typeBits | perm,
      size: BigInt(size),
      mtime: times[0],
      ctime: times[1],
      ino: BigInt(ino),
    })
  }
  return true
}

function runFind(root: string, args: string[]): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const c = spawn('find', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } })
    const out: Buffer[] = []
    let err = false
    c.stdout.on('data', (d: Buffer) => out.push(d))
    c.stderr.on('data', () => (err = true))
    c.on('error', () => resolve(undefined))
    c.on('close', (code) => resolve(code === 0 && !err ? Buffer.concat(out) : undefined))
  })
}

const MAX_ARGS_BYTES = 64 * 1024
const SMALL_TREE_STARTS = 200

/**
 * The fast walker: start points are the top-level entries, with each
 * top-level folder split into its children, dealt out to one find per core.
 * Undefined when anything is off (then the caller walks with Node).
 */
export async function walkFind(root: string): Promise<WalkResult | undefined> {
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
  const outputs = await Promise.all(
    lanes.map(async (chunks) => {
      const outs: Buffer[] = []
      for (const chunk of chunks) {
        const out = await runFind(root, ['-P', ...chunk, '-printf', FIND_FORMAT])
        if (!out) return undefined
        outs.push(out)
      }
      return outs
    }),
  )
  for (const outs of outputs) {
    if (!outs) return undefined
    for (const out of outs) if (!parseFind(out, entries, dirs)) return undefined
  }
  dirs.delete('.')
  return { entries, dirs, walker: 'find' }
}

/** Below this many entries (as far as known beforehand) Node's walk beats spawning finds. */
export const FIND_THRESHOLD = 3000

export async function walk(root: string, walker: Walker = 'auto', sizeHint?: number): Promise<WalkResult> {
  if (walker === 'node' || (walker === 'auto' && sizeHint !== undefined && sizeHint < FIND_THRESHOLD)) return walkNode(root)
  if (await hasGnuFind()) {
    const r = await walkFind(root)
    if (r) return r
  }
  if (walker === 'find') throw new Error('walker "find" requested, but GNU find is not available or failed')
  return walkNode(root)
}
