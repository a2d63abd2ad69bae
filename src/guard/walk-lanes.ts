// Running GNU find over the tree: is it there, one find's output into an
// unlinked file, the start points dealt out to lanes (one find per core), and
// the lanes run at once.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, fstatSync, openSync, readdirSync, readSync, unlinkSync, type Dirent } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decodePath, fsPath } from './paths.js'
import { FIND_FORMAT } from './walk-parse.js'

let gnuFind: boolean | undefined

/** GNU find is there (its -printf is what the fast walker needs); asked once per process. */
export function hasGnuFindSync(): boolean {
  if (gnuFind === undefined) {
    const r = spawnSync('find', ['--version'], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] })
    gnuFind = r.status === 0 && r.stdout.includes('GNU findutils')
  }
  return gnuFind
}

/** hasGnuFindSync, as a promise (for callers that await it). */
export async function hasGnuFind(): Promise<boolean> {
  return hasGnuFindSync()
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

/** Plan the find runs over the tree: argument lists per lane. Undefined: walk with Node. */
export function planFind(root: string, dirs: Set<string>): string[][][] | undefined {
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
export async function runLanes(root: string, lanes: string[][][], each: (key: string, bytes: Buffer) => boolean): Promise<boolean> {
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
