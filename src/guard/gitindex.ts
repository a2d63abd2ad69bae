// git's index, read directly (format: Documentation/gitformat-index.txt,
// versions 2–4): its entries (path, mode, blob id, stage, the
// assume-unchanged / skip-worktree / intent-to-add flags) and the stat data
// git recorded when it last saw each file. The stat data lets a snapshot take
// a tracked file's blob id from the index without reading the file, under the
// same rule git itself uses (stat unchanged, not racily clean). A split or
// sparse index, or anything the parser does not know, is left to git
// (`ls-files`), and nothing is taken on trust then.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { git } from '../git.js'
import { decodePath } from './paths.js'

export interface IndexEntry {
  mode: number
  oid: string
  stage: number
  assumeValid: boolean
  skipWorktree: boolean
  intentToAdd: boolean
  ctimeS: number
  ctimeN: number
  mtimeS: number
  mtimeN: number
  ino: number
  size: number
}

export interface IndexState {
  /** Stage-0 entries by path; a path with conflict stages maps to 'conflict'. */
  entries: Map<string, IndexEntry | 'conflict'>
  /** sha256 of the semantic listing: entries, modes, blob ids, stages, flags, resolve-undo. */
  listing: string
  /** The index file's mtime (ns): entries not older than it are racily clean. */
  mtime: bigint
  /** Read by our own parser, so the stat data can be trusted as git's record. */
  parsed: boolean
  bytes?: Buffer
}

function readVarint(buf: Buffer, p: number): { value: number; next: number } {
  let c = buf[p++]
  let value = c & 127
  while (c & 128) {
    value += 1
    c = buf[p++]
    value = value * 128 + (c & 127)
  }
  return { value, next: p }
}

/** Parse the index bytes; undefined when the format is one we leave to git. */
export function parseIndex(buf: Buffer, oidLen: number): Omit<IndexState, 'mtime' | 'bytes'> | undefined {
  if (buf.length < 12 + oidLen || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = buf.readUInt32BE(4)
  if (version < 2 || version > 4) return undefined
  const body = buf.length - oidLen
  // A corrupt index (bad checksum) is a change in itself; an all-zero trailer is index.skipHash.
  const trailer = buf.subarray(body)
  if (trailer.some((b) => b !== 0)) {
    const sum = createHash(oidLen === 32 ? 'sha256' : 'sha1').update(buf.subarray(0, body)).digest()
    if (!sum.equals(trailer)) return undefined
  }
  const count = buf.readUInt32BE(8)
  const h = createHash('sha256')
  const entries = new Map<string, IndexEntry | 'conflict'>()
  const head = Buffer.alloc(4 + oidLen + 4)
  let off = 12
  let prev: Buffer = Buffer.alloc(0)
  for (let n = 0; n < count; n++) {
    const start = off
    const fixed = 40 + oidLen + 2
    if (off + fixed > body) return undefined
    const mode = buf.readUInt32BE(off + 24)
    const oid = buf.toString('hex', off + 40, off + 40 + oidLen)
    let p = off + 40 + oidLen
    const flags = buf.readUInt16BE(p)
    p += 2
    let ext = 0
    if (flags & 0x4000) {
      if (version < 3 || p + 2 > body) return undefined
      ext = buf.readUInt16BE(p)
      p += 2
    }
    let name: Buffer
    if (version === 4) {
      const v = readVarint(buf, p)
      const nul = buf.indexOf(0, v.next)
      if (nul < 0 || nul >= body || v.value > prev.length) return undefined
      name = Buffer.concat([prev.subarray(0, prev.length - v.value), buf.subarray(v.next, nul)])
      off = nul + 1
    } else {
      const nul = buf.indexOf(0, p)
      if (nul < 0 || nul >= body) return undefined
      name = buf.subarray(p, nul)
      off = start + ((nul - start + 8) & ~7)
    }
    prev = name
    if ((mode & 0o170000) === 0o040000) return undefined // sparse-index folder entry
    const stage = (flags >> 12) & 3
    head.writeUInt32BE(mode, 0)
    head.write(oid, 4, 'hex')
    head.writeUInt16BE(flags & 0xb000, 4 + oidLen)
    head.writeUInt16BE(ext & 0x6000, 6 + oidLen)
    h.update(head)
    h.update(name)
    h.update('\0')
    const key = decodePath(name)
    if (stage !== 0) {
      entries.set(key, 'conflict')
      continue
    }
    if (entries.get(key) === 'conflict') continue
    entries.set(key, {
      mode,
      oid,
      stage,
      assumeValid: (flags & 0x8000) !== 0,
      skipWorktree: (ext & 0x4000) !== 0,
      intentToAdd: (ext & 0x2000) !== 0,
      ctimeS: buf.readUInt32BE(start),
      ctimeN: buf.readUInt32BE(start + 4),
      mtimeS: buf.readUInt32BE(start + 8),
      mtimeN: buf.readUInt32BE(start + 12),
      ino: buf.readUInt32BE(start + 20),
      size: buf.readUInt32BE(start + 36),
    })
  }
  // Extensions: caches are skipped; resolve-undo is state; split index
  // ('link') and sparse index ('sdir') are git's to read.
  while (off + 8 <= body) {
    const sig = buf.toString('latin1', off, off + 4)
    const size = buf.readUInt32BE(off + 4)
    if (off + 8 + size > body) return undefined
    if (sig === 'link' || sig === 'sdir') return undefined
    if (sig === 'REUC') h.update('REUC').update(buf.subarray(off + 8, off + 8 + size))
    else if (sig[0] < 'A' || sig[0] > 'Z') return undefined // a required extension we do not know
    off += 8 + size
  }
  if (off !== body) return undefined
  return { entries, listing: h.digest('hex'), parsed: true }
}

/** Through git, for what the parser leaves to it: entries and flags, no stat data. */
async function listIndex(root: string): Promise<Omit<IndexState, 'mtime' | 'bytes'>> {
  const r = await git(root, ['ls-files', '-z', '-s', '-v'])
  const entries = new Map<string, IndexEntry | 'conflict'>()
  const h = createHash('sha256').update('ls-files\0').update(r.stdout).update(`\0exit:${r.exitCode}`)
  if (r.exitCode !== 0) h.update(r.stderr)
  for (const rec of r.stdout.split('\0')) {
    const tab = rec.indexOf('\t')
    if (tab < 0) continue
    const [tag, mode, oid, stage] = rec.slice(0, tab).split(' ')
    const key = rec.slice(tab + 1)
    if (stage !== '0') entries.set(key, 'conflict')
    else
      entries.set(key, {
        mode: parseInt(mode, 8),
        oid,
        stage: 0,
        assumeValid: tag === tag.toLowerCase(),
        skipWorktree: tag.toUpperCase() === 'S',
        intentToAdd: false,
        ctimeS: 0,
        ctimeN: 0,
        mtimeS: 0,
        mtimeN: 0,
        ino: 0,
        size: 0,
      })
  }
  return { entries, listing: h.digest('hex'), parsed: false }
}

export async function readIndexState(root: string, gitDir: string, oidLen: number): Promise<IndexState> {
  const file = path.join(gitDir, 'index')
  let bytes: Buffer
  let mtime: bigint
  try {
    bytes = readFileSync(file)
    mtime = statSync(file, { bigint: true }).mtimeNs
  } catch {
    // No index yet (a fresh repository): no entries.
    return { entries: new Map(), listing: createHash('sha256').update('no index').digest('hex'), mtime: 0n, parsed: true }
  }
  const parsed = parseIndex(bytes, oidLen)
  if (parsed) return { ...parsed, mtime, bytes }
  const listed = await listIndex(root)
  // The listing alone would miss a corrupt checksum or an unknown extension: the bytes decide then.
  return { ...listed, listing: createHash('sha256').update(listed.listing).update(bytes).digest('hex'), mtime, bytes }
}

/**
 * Git's own test for "this file is as the index recorded it": same type and
 * executable bit, same size, inode, mtime and ctime (to the nanosecond), and
 * not racily clean (changed no earlier than the index was written).
 */
export function statMatches(ie: IndexEntry, st: { mode: number; size: bigint; mtime: bigint; ctime: bigint; ino: bigint }, indexMtime: bigint): boolean {
  if (ie.assumeValid || ie.skipWorktree || ie.intentToAdd) return false
  if (ie.mode !== 0o100644 && ie.mode !== 0o100755) return false
  if ((st.mode & 0o170000) !== 0o100000) return false
  if ((ie.mode === 0o100755) !== ((st.mode & 0o100) !== 0)) return false
  if (ie.size !== Number(st.size & 0xffffffffn) || ie.ino !== Number(st.ino & 0xffffffffn)) return false
  const ms = st.mtime / 1_000_000_000n
  const cs = st.ctime / 1_000_000_000n
  if (ie.mtimeS !== Number(ms & 0xffffffffn) || ie.mtimeN !== Number(st.mtime % 1_000_000_000n)) return false
  if (ie.ctimeS !== Number(cs & 0xffffffffn) || ie.ctimeN !== Number(st.ctime % 1_000_000_000n)) return false
  return st.mtime < indexMtime && st.ctime < indexMtime
}
