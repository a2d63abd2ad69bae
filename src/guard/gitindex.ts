// git's index, read directly (format: Documentation/gitformat-index.txt,
// versions 2–4): its entries (path, mode, blob id, stage, the
// assume-unchanged / skip-worktree / intent-to-add flags) and the stat data
// git recorded when it last saw each file. The stat data lets a snapshot take
// a tracked file's blob id from the index without reading the file, under the
// same rule git itself uses (stat unchanged, not racily clean). A split or
// sparse index, or anything the parser does not know, is left to git
// (`ls-files`), and nothing is taken on trust then.
import { createHash } from 'node:crypto'
import { fsmonitorDirty } from './fsmonitor-ext.js'
import { statSync, type BigIntStats } from 'node:fs'
import { readUntrustedFile } from './reader.js'
import path from 'node:path'
import { gitRaw } from '../git.js'
import { decodePath, decodeRange } from './paths.js'
import { cacheTreeConsistent, type TreeEntry } from './cache-tree.js'
import type { StatEntry } from './walk.js'

export const F_ASSUME_VALID = 1
export const F_SKIP_WORKTREE = 2
export const F_INTENT_TO_ADD = 4
export const F_CONFLICT = 8

/**
 * The index, one slot per path (the stage-0 entry; a path with conflict
 * stages is marked F_CONFLICT): typed arrays, not objects, since a big
 * repository's index has hundreds of thousands of entries.
 */
export interface IndexState {
  /** Path → slot. */
  entries: Map<string, number>
  mode: Uint32Array
  flags: Uint8Array
  /** Six per slot, as git recorded them (32-bit): ctime s, ns, mtime s, ns, inode, size. */
  stat: Uint32Array
  oid: string[]
  /**
   * sha256 of the semantic listing: entries, modes, blob ids, stages, flags,
   * resolve-undo. Computed when first needed (indexListing): most snapshots
   * find the index's bytes unchanged and never need it.
   */
  listing?: string
  /** sha256 of the fsmonitor extension (`FSMN`) when there is one, and per slot 1 where it marks the entry valid (git then never looks at the file). */
  fsmn?: string
  fsmnValid?: Uint8Array
  /** sha256 of the untracked cache (the `UNTR` extension's bytes), when there is one: git trusts it to say which folders hold no untracked file. */
  untr?: string
  /** Bytes of an object id (20 for sha1, 32 for sha256). */
  oidLen?: number
  /** The index file's mtime: entries not older than it are racily clean. */
  mtimeS: number
  mtimeN: number
  /** Read by our own parser, so the stat data can be trusted as git's record. */
  parsed: boolean
  bytes?: Buffer
  /** The index file's identity and stat data when its bytes were read (undefined: it moved during the read). */
  fileKey?: string
  /** When the bytes were read (ms since the epoch). */
  readAt?: number
}

type Parsed = Omit<IndexState, 'mtimeS' | 'mtimeN' | 'bytes' | 'fileKey' | 'readAt'>

const fileKeyOf = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`

/**
 * The earlier read still stands: the file is the same one (inode) with the
 * same size, mtime and ctime, and it was last written well before that read,
 * so that a later write cannot share its timestamps (ctime cannot be set back).
 */
function unchangedSince(previous: IndexState | undefined, s: BigIntStats): boolean {
  if (!previous?.bytes || previous.fileKey === undefined || previous.readAt === undefined) return false
  if (previous.fileKey !== fileKeyOf(s)) return false
  const window = s.ctimeNs % 1_000_000_000n === 0n ? 2_100 : 100
  return Number(s.ctimeNs / 1_000_000n) < previous.readAt - window
}

function emptyState(listing: string | undefined, parsed: boolean, n = 0): Parsed {
  return { entries: new Map(), mode: new Uint32Array(n), flags: new Uint8Array(n), stat: new Uint32Array(n * 6), oid: new Array<string>(n), listing, parsed }
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

/** Parse the index bytes (with its listing, or without); undefined when the format is one we leave to git. */
export function parseIndex(buf: Buffer, oidLen: number, withListing = true): Parsed | undefined {
  if (buf.length < 12 + oidLen || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = buf.readUInt32BE(4)
  if (version < 2 || version > 4) return undefined
  const body = buf.length - oidLen
  // A corrupt index (bad checksum) is a change in itself; an all-zero trailer is index.skipHash.
  const trailer = buf.subarray(body)
  if (trailer.some((b) => b !== 0)) {
    const sum = createHash(oidLen === 32 ? 'sha256' : 'sha1')
      .update(buf.subarray(0, body))
      .digest()
    if (!sum.equals(trailer)) return undefined
  }
  const count = buf.readUInt32BE(8)
  // More entries than the body could hold (each takes 40 bytes of stat data, its id, its flags and a NUL at least):
  // not an index git writes, and no allocation sized by an agent's number.
  if (count > (body - 12) / (40 + oidLen + 3)) return undefined
  const st = emptyState(undefined, true, count)
  // Names as substrings of the whole buffer's text, blob ids of one hex string of them all
  // (one conversion each, not one per entry: a Buffer call costs microseconds).
  const text = buf.toString('latin1')
  const oidBytes = Buffer.allocUnsafe(count * oidLen)
  // The listing: per entry its mode, blob id, stage/assume-valid bits, skip-worktree/intent-to-add bits, path.
  const lst = withListing ? Buffer.allocUnsafe(buf.length + 16) : Buffer.alloc(0)
  let lp = 0
  let off = 12
  let prev: Buffer = Buffer.alloc(0)
  let prevKey = ''
  let slots = 0
  // The entries as the cache-tree check reads them (only for the listing).
  const treeEntries: TreeEntry[] = []
  // Where each entry starts: git's threaded read jumps to offsets the IEOT extension gives.
  const entryAt = new Array<number>(count)
  // Each entry's slot (the stages of a conflicted path share one): the fsmonitor bitmap counts entries.
  const ordinalSlot = new Int32Array(count)
  for (let n = 0; n < count; n++) {
    const start = off
    entryAt[n] = start
    if (off + 40 + oidLen + 2 > body) return undefined
    const mode = buf.readUInt32BE(off + 24)
    let p = off + 40 + oidLen
    const flags = buf.readUInt16BE(p)
    p += 2
    let ext = 0
    if (flags & 0x4000) {
      if (version < 3 || p + 2 > body) return undefined
      ext = buf.readUInt16BE(p)
      p += 2
    }
    let nameStart: number
    let nameEnd: number
    let nameBuf: Buffer | undefined
    if (version === 4) {
      const v = readVarint(buf, p)
      const nul = buf.indexOf(0, v.next)
      if (nul < 0 || nul >= body || v.value > prev.length) return undefined
      nameBuf = Buffer.concat([prev.subarray(0, prev.length - v.value), buf.subarray(v.next, nul)])
      prev = nameBuf
      nameStart = 0
      nameEnd = nameBuf.length
      off = nul + 1
    } else {
      const nul = buf.indexOf(0, p)
      if (nul < 0 || nul >= body) return undefined
      nameStart = p
      nameEnd = nul
      off = start + ((nul - start + 8) & ~7)
    }
    if ((mode & 0o170000) === 0o040000) return undefined // sparse-index folder entry
    const nameLen = nameEnd - nameStart
    // Git reads a name by the flags' 12-bit length (up to its NUL only at 0xFFF): a length that disagrees
    // with the NUL names another path for git than for us, so the index is left to git.
    if ((flags & 0xfff) !== Math.min(nameLen, 0xfff)) return undefined
    if (withListing && lp + 4 + oidLen + 4 + nameLen + 1 > lst.length) return undefined
    // Byte loops: Buffer#copy costs more than it saves for a few bytes.
    if (withListing) {
      for (let k = start + 24; k < start + 28; k++) lst[lp++] = buf[k]
      for (let k = start + 40, e = start + 40 + oidLen; k < e; k++) lst[lp++] = buf[k]
      const fl = flags & 0xb000
      const ex = ext & 0x6000
      lst[lp++] = fl >> 8
      lst[lp++] = fl & 0xff
      lst[lp++] = ex >> 8
      lst[lp++] = ex & 0xff
      const nb = nameBuf ?? buf
      for (let k = nameStart; k < nameEnd; k++) lst[lp++] = nb[k]
      lst[lp++] = 0
    }
    const key = nameBuf ? decodePath(nameBuf) : decodeRange(buf, text, nameStart, nameEnd)
    const stage = (flags >> 12) & 3
    if (withListing) {
      const raw = nameBuf ? nameBuf.toString('latin1') : text.slice(nameStart, nameEnd)
      treeEntries.push({ name: raw, mode, stage, ita: (ext & 0x2000) !== 0, oid: buf.subarray(start + 40, start + 40 + oidLen) })
    }
    // The index is sorted by path, then stage: a path's entries are adjacent,
    // so only the previous key can repeat (no map lookup per entry).
    if (key === prevKey) {
      if (stage === 0 || !(st.flags[slots - 1] & F_CONFLICT)) return undefined // not an index git writes
      ordinalSlot[n] = slots - 1
      continue
    }
    prevKey = key
    const slot = slots++
    ordinalSlot[n] = slot
    st.entries.set(key, slot)
    if (stage !== 0) {
      st.flags[slot] = F_CONFLICT
      continue
    }
    st.mode[slot] = mode
    st.flags[slot] = (flags & 0x8000 ? F_ASSUME_VALID : 0) | (ext & 0x4000 ? F_SKIP_WORKTREE : 0) | (ext & 0x2000 ? F_INTENT_TO_ADD : 0)
    for (let k = 0, o = slot * oidLen; k < oidLen; k++) oidBytes[o + k] = buf[start + 40 + k]
    const s6 = slot * 6
    st.stat[s6] = buf.readUInt32BE(start)
    st.stat[s6 + 1] = buf.readUInt32BE(start + 4)
    st.stat[s6 + 2] = buf.readUInt32BE(start + 8)
    st.stat[s6 + 3] = buf.readUInt32BE(start + 12)
    st.stat[s6 + 4] = buf.readUInt32BE(start + 20)
    st.stat[s6 + 5] = buf.readUInt32BE(start + 36)
  }
  // A path twice, not adjacent: not sorted as git writes it.
  if (st.entries.size !== slots) return undefined
  const hex = oidBytes.toString('hex', 0, slots * oidLen)
  for (let k = 0; k < slots; k++) if (!(st.flags[k] & F_CONFLICT)) st.oid[k] = hex.slice(k * 2 * oidLen, (k + 1) * 2 * oidLen)
  const h = createHash('sha256').update(lst.subarray(0, lp))
  // Extensions: caches are skipped, but for a cache-tree that disagrees with
  // the entries (git would commit it: cache-tree.ts); resolve-undo is state;
  // split index ('link') and sparse index ('sdir') are git's to read.
  const extStart = off
  let eoieAt = -1
  while (off + 8 <= body) {
    const sig = buf.toString('latin1', off, off + 4)
    const size = buf.readUInt32BE(off + 4)
    if (off + 8 + size > body) return undefined
    if (sig === 'link' || sig === 'sdir') return undefined
    // An extension git does not write, or an offset table that points elsewhere than this parse read, is
    // left to git (its bytes then count): git's threaded read (index.threads) takes the extensions from
    // EOIE's offset and the entries from IEOT's, so bytes we skip could be what git reads.
    if (!KNOWN_EXTENSIONS.has(sig) && sig[0] >= 'A' && sig[0] <= 'Z') return undefined
    if (sig === 'EOIE' && (size !== 4 + oidLen || buf.readUInt32BE(off + 8) !== extStart)) return undefined
    if (sig === 'EOIE') eoieAt = off
    if (sig === 'IEOT' && !ieotAgrees(buf.subarray(off + 8, off + 8 + size), entryAt)) return undefined
    if (sig === 'FSMN') {
      const dirty = fsmonitorDirty(buf.subarray(off + 8, off + 8 + size), count)
      if (!dirty) return undefined
      st.fsmn = createHash('sha256')
        .update(buf.subarray(off + 8, off + 8 + size))
        .digest('hex')
      st.fsmnValid = new Uint8Array(slots).fill(1)
      for (let n = 0; n < count; n++) if (dirty[n]) st.fsmnValid[ordinalSlot[n]] = 0
    }
    if (sig === 'UNTR')
      st.untr = createHash('sha256')
        .update(buf.subarray(off + 8, off + 8 + size))
        .digest('hex')
    if (sig === 'REUC') h.update('REUC').update(buf.subarray(off + 8, off + 8 + size))
    else if (sig === 'TREE' && withListing && !cacheTreeConsistent(buf.subarray(off + 8, off + 8 + size), treeEntries, oidLen)) {
      h.update('TREE').update(buf.subarray(off + 8, off + 8 + size))
    } else if (sig[0] < 'A' || sig[0] > 'Z') return undefined // a required extension we do not know
    off += 8 + size
  }
  if (off !== body) return undefined
  // Git looks for EOIE at a fixed place, the last bytes before the checksum, not where a sequential read meets it:
  // an EOIE-shaped tail inside another extension's payload would send git's threaded read (index.threads)
  // to bytes this parse skipped. Such a tail must be the EOIE this parse read; else git's to read.
  const tail = body - (8 + 4 + oidLen)
  if (tail >= extStart && buf.toString('latin1', tail, tail + 4) === 'EOIE' && buf.readUInt32BE(tail + 4) === 4 + oidLen && tail !== eoieAt) return undefined
  if (withListing) st.listing = h.digest('hex')
  return st
}

/** The optional extensions git writes: caches (TREE, UNTR, FSMN), resolve-undo, and the offset tables of its threaded read. */
const KNOWN_EXTENSIONS = new Set(['TREE', 'REUC', 'UNTR', 'FSMN', 'EOIE', 'IEOT'])

/** An IEOT extension (version 1, then offset and entry count per block) whose blocks start at the entries this parse read, in order, and cover them all. */
function ieotAgrees(data: Buffer, entryAt: readonly number[]): boolean {
  if (data.length < 4 || (data.length - 4) % 8 !== 0 || data.readUInt32BE(0) !== 1) return false
  let k = 0
  for (let p = 4; p < data.length; p += 8) {
    if (k >= entryAt.length || data.readUInt32BE(p) !== entryAt[k]) return false
    k += data.readUInt32BE(p + 4)
  }
  return k === entryAt.length
}

/** parseIndex without its listing; undefined (left to git) for anything it throws on. */
function parseQuietly(bytes: Buffer, oidLen: number): Parsed | undefined {
  try {
    return parseIndex(bytes, oidLen, false)
  } catch {
    return undefined
  }
}

const listings = new WeakMap<Buffer, string>()

/** The index's listing (see IndexState.listing), computed once per index content. */
export function indexListing(ix: IndexState): string {
  if (ix.listing !== undefined) return ix.listing
  const cached = listings.get(ix.bytes!)
  if (cached !== undefined) return cached
  const parsed = parseIndex(ix.bytes!, ix.oidLen ?? 20, true)
  // (It parsed when it was read: the same bytes parse again.)
  const listing = parsed?.listing ?? createHash('sha256').update('unparseable\0').update(ix.bytes!).digest('hex')
  listings.set(ix.bytes!, listing)
  return listing
}

/** Through git, for what the parser leaves to it: entries and flags, no stat data. */
async function listIndex(root: string): Promise<Parsed> {
  const r = await gitRaw(root, ['ls-files', '-z', '-s', '-v'])
  const recs = r.stdout
    .toString('latin1')
    .split('\0')
    .filter((x) => x.includes('\t'))
  const st = emptyState(createHash('sha256').update('ls-files\0').update(r.stdout).update(`\0exit:${r.exitCode}:${r.stderr}`).digest('hex'), false, recs.length)
  let slots = 0
  for (const rec of recs) {
    const tab = rec.indexOf('\t')
    const [tag, mode, oid, stage] = rec.slice(0, tab).split(' ')
    const key = decodePath(Buffer.from(rec.slice(tab + 1), 'latin1'))
    let slot = st.entries.get(key)
    if (slot === undefined) {
      slot = slots++
      st.entries.set(key, slot)
    }
    if (stage !== '0') {
      st.flags[slot] = F_CONFLICT
      continue
    }
    st.mode[slot] = parseInt(mode, 8)
    st.oid[slot] = oid
    st.flags[slot] = (tag === tag.toLowerCase() ? F_ASSUME_VALID : 0) | (tag.toUpperCase() === 'S' ? F_SKIP_WORKTREE : 0)
  }
  return st
}

/**
 * The index of the checkout whose git dir is given. `previous` (the index
 * state of an earlier snapshot): if the file's bytes are unchanged, its
 * parse is reused.
 */
export async function readIndexState(root: string, gitDir: string, oidLen: number, previous?: IndexState): Promise<IndexState> {
  const file = path.join(gitDir, 'index')
  let bytes: Buffer
  let mtimeS: number
  let mtimeN: number
  let fileKey: string | undefined
  const readAt = Date.now()
  try {
    const first = statSync(file, { bigint: true })
    // (Reading a big index costs more than its stat: skip it when the stat says nothing changed.)
    if (unchangedSince(previous, first)) return { ...previous! }
    bytes = readUntrustedFile(file)
    const s = statSync(file, { bigint: true })
    mtimeS = Number(s.mtimeNs / 1_000_000_000n)
    mtimeN = Number(s.mtimeNs % 1_000_000_000n)
    if (fileKeyOf(first) === fileKeyOf(s)) fileKey = fileKeyOf(s)
  } catch {
    // No index yet (a fresh repository): no entries.
    return { ...emptyState(createHash('sha256').update('no index').digest('hex'), true), mtimeS: 0, mtimeN: 0 }
  }
  // Same bytes as before: the earlier parse, and the earlier Buffer (so the listing is known to be the same).
  if (previous?.bytes?.equals(bytes)) return { ...previous, mtimeS, mtimeN, fileKey, readAt }
  const parsed = parseQuietly(bytes, oidLen)
  if (parsed) return { ...parsed, oidLen, mtimeS, mtimeN, bytes, fileKey, readAt }
  const listed = await listIndex(root)
  // The listing alone would miss a corrupt checksum or an unknown extension: the bytes decide then.
  return { ...listed, oidLen, listing: createHash('sha256').update(listed.listing!).update(bytes).digest('hex'), mtimeS, mtimeN, bytes, fileKey, readAt }
}

/**
 * Git's own test for "this file is as the index recorded it": same type and
 * executable bit, same size, inode, mtime and ctime (to the nanosecond), and
 * not racily clean (changed no earlier than the index was written).
 */
export function statMatches(ix: IndexState, slot: number, e: StatEntry): boolean {
  if (ix.flags[slot] !== 0) return false
  const mode = ix.mode[slot]
  if (mode !== 0o100644 && mode !== 0o100755) return false
  if ((e.mode & 0o170000) !== 0o100000) return false
  if ((mode === 0o100755) !== ((e.mode & 0o100) !== 0)) return false
  const s = ix.stat
  const o = slot * 6
  if (s[o + 5] !== e.size % 0x100000000 || s[o + 4] !== e.ino % 0x100000000) return false
  if (s[o] !== e.ctimeS % 0x100000000 || s[o + 1] !== e.ctimeN || s[o + 2] !== e.mtimeS % 0x100000000 || s[o + 3] !== e.mtimeN) return false
  const before = (aS: number, aN: number) => aS < ix.mtimeS || (aS === ix.mtimeS && aN < ix.mtimeN)
  return before(e.mtimeS, e.mtimeN) && before(e.ctimeS, e.ctimeN)
}
