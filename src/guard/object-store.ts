// The object store of a checkout the run must never change, by stat data.
// Git never rewrites an object file: a new object is a new file, and an
// existing one is at most "freshened" (its mtime set, its content untouched).
// Git does not check an object against its name when it reads it, so an
// object rewritten under its name, or planted under the name of one the user
// will write later, is what the user's next checkout or commit takes. Hence:
// a loose object whose stat data moved, and every new one, must still inflate
// to what its name says; a pack whose inode and size stayed (a freshen) must
// still hash to its name; any other change below objects/ (a pack's index,
// a new pack, alternates, the commit-graph) is a change.
import { lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { constants as zlibConstants, inflateSync } from 'node:zlib'
import { packChecksumMatches, readUntrustedFile } from './reader.js'

/** `objects/<path>` → what it is: `file:<ino>:<size>:<mtimeNs>:<ctimeNs>`, or `other:<mode>` (a link, a FIFO…). */
export type ObjectStoreKeys = Map<string, string>

export interface ObjectStoreChange {
  /** Relative to the common git dir (`objects/ab/cdef…`). */
  rel: string
  kind: 'created' | 'modified' | 'deleted'
}

/** Largest loose object read back (compressed bytes), and the most it may inflate to: past either, it is a change (unknown is a change). */
const LOOSE_MAX_BYTES = 64 << 20
const LOOSE_MAX_INFLATED = 512 << 20
/** The most bytes one comparison inflates in all (zlib bombs the agent wrote cost at most this); objects past it are changes, unchecked. */
const INFLATE_BUDGET = 1 << 30

/**
 * Every entry below `<commonDir>/objects`, by stat data, read without content;
 * each folder by its identity (`dir:<dev>:<ino>`: a folder moved away and
 * another, or a link, put in its place keeps every file's stat data), the
 * root `objects` too. Links are recorded, never followed.
 */
export function objectStoreKeys(commonDir: string): ObjectStoreKeys {
  const out: ObjectStoreKeys = new Map()
  const root = path.join(commonDir, 'objects')
  try {
    const s = lstatSync(root, { bigint: true })
    out.set('objects', s.isDirectory() ? `dir:${s.dev}:${s.ino}` : `other:${s.mode}`)
    if (!s.isDirectory()) return out
  } catch {
    return out
  }
  const walk = (abs: string, rel: string): void => {
    let names: string[]
    try {
      names = readdirSync(abs)
    } catch {
      return
    }
    for (const name of names) {
      const a = path.join(abs, name)
      const r = `${rel}/${name}`
      try {
        const s = lstatSync(a, { bigint: true })
        if (s.isDirectory()) {
          out.set(r, `dir:${s.dev}:${s.ino}`)
          walk(a, r)
        } else out.set(r, s.isFile() ? `file:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : `other:${s.mode}`)
      } catch {
        // vanished while we looked: the next look says so
      }
    }
  }
  walk(root, 'objects')
  return out
}

/**
 * A temporary file of git's that git never reads objects from: a loose object
 * on its way in, a push's quarantine folder. (Not objects/pack/tmp_*: git
 * loads any `*.idx` there, whatever its name.)
 */
const TEMPORARY = /^objects\/([0-9a-f]{2}\/tmp_obj_[^/]*|incoming-.*)$/

/**
 * What changed in the object store between `a` and `b` (objectStoreKeys of
 * the same common git dir, earlier and later), loose objects and freshened
 * packs checked by content (see the file's header). `oidLen`: 20 (sha1) or
 * 32 (sha256) bytes; any other (a format we do not know): every change counts. Sorted by path.
 */
export function objectStoreChanges(commonDir: string, a: ObjectStoreKeys, b: ObjectStoreKeys, oidLen: number): ObjectStoreChange[] {
  const hexLen = oidLen * 2
  // An object format we do not know (oidLen neither 20 nor 32): nothing is checked by content, every change counts.
  const known = oidLen === 20 || oidLen === 32
  const loose = known ? new RegExp(`^objects/([0-9a-f]{2})/([0-9a-f]{${hexLen - 2}})$`) : /(?!)/
  const pack = known ? new RegExp(`^objects/pack/pack-([0-9a-f]{${hexLen}})\\.pack$`) : /(?!)/
  const algorithm = oidLen === 32 ? 'sha256' : 'sha1'
  const abs = (rel: string) => path.join(commonDir, rel)
  const out: ObjectStoreChange[] = []
  const budget = { left: INFLATE_BUDGET }
  for (const [rel, ka] of a) {
    const kb = b.get(rel)
    if (kb === ka) continue
    if (kb === undefined) {
      if (!TEMPORARY.test(rel)) out.push({ rel, kind: 'deleted' })
      continue
    }
    const l = loose.exec(rel)
    if (l && kb.startsWith('file:')) {
      if (!looseObjectMatches(abs(rel), l[1] + l[2], algorithm, budget)) out.push({ rel, kind: 'modified' })
      continue
    }
    const p = pack.exec(rel)
    if (p && sameFileAndSize(ka, kb)) {
      if (!packChecksumMatches(abs(rel), algorithm, p[1])) out.push({ rel, kind: 'modified' })
      continue
    }
    out.push({ rel, kind: 'modified' })
  }
  for (const [rel, kb] of b) {
    // (A new folder holds nothing by itself: a new fan-out folder is the agent's new object's; its files count.)
    if (a.has(rel) || TEMPORARY.test(rel) || kb.startsWith('dir:')) continue
    const l = loose.exec(rel)
    // A new loose object is the agent's work (a commit in its worktree) when it is what its name says.
    if (l && kb.startsWith('file:') && looseObjectMatches(abs(rel), l[1] + l[2], algorithm, budget)) continue
    out.push({ rel, kind: 'created' })
  }
  return out.sort((x, y) => (x.rel < y.rel ? -1 : 1))
}

/** Two keys of one regular file with the same inode and size (only its times moved). */
function sameFileAndSize(ka: string, kb: string): boolean {
  const [ta, inoA, sizeA] = ka.split(':')
  const [tb, inoB, sizeB] = kb.split(':')
  return ta === 'file' && tb === 'file' && inoA === inoB && sizeA === sizeB
}

/**
 * A loose object (zlib of `<type> <size>\0<content>`) whose bytes hash to
 * `oid`, its header well formed; false when it cannot be read, is over the
 * limits, does not inflate, or would take more than `budget.left` bytes
 * (taken from it). The header is read first, from a partial inflate: the
 * whole is then inflated to no more than it declares, so a zlib bomb
 * declaring a small size stops there.
 */
export function looseObjectMatches(file: string, oid: string, algorithm: 'sha1' | 'sha256', budget = { left: INFLATE_BUDGET }): boolean {
  try {
    const data = readUntrustedFile(file, LOOSE_MAX_BYTES)
    const head = inflateSync(data.subarray(0, 64), { finishFlush: zlibConstants.Z_SYNC_FLUSH })
    const nul = head.indexOf(0)
    const m = nul < 0 ? null : /^(blob|tree|commit|tag) (0|[1-9]\d{0,11})$/.exec(head.toString('latin1', 0, nul))
    if (!m) return false
    const total = nul + 1 + Number(m[2])
    if (total > LOOSE_MAX_INFLATED || total > budget.left) return false
    budget.left -= total
    const whole = inflateSync(data, { maxOutputLength: Math.max(total, 1) })
    return whole.length === total && createHash(algorithm).update(whole).digest('hex') === oid
  } catch {
    return false
  }
}
