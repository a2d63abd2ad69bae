// Reading GNU find's output (`-printf FIND_FORMAT`): every record parsed byte by
// byte, or, against an earlier run of the same find, only the records that
// differ from it.
import { decodeRange } from './paths.js'
import type { FindRun, StatEntry } from './walk-stat.js'

/** find's -printf format: type, permission bits, size, mtime, ctime, inode, path, NUL. */
export const FIND_FORMAT = '%y %m %s %T@ %C@ %i %p\\0'
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
export function parseFind(buf: Buffer, entries: Map<string, StatEntry>, dirs: Set<string>, log?: RecordLog): boolean {
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

/** All records of one find run's output, parsed. */
export function parseRun(bytes: Buffer, entries: Map<string, StatEntry>, dirs: Set<string>): FindRun | undefined {
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
export function diffRun(bytes: Buffer, run: FindRun, seen: Uint8Array, out: WalkDelta): boolean {
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
