// The index's stat data as a claim about the work tree. Git trusts an entry
// whose recorded stat data matches the file (ie_match_stat) and that is not
// racily clean (its mtime older than the index file's, compared in whole
// seconds by a git built without USE_NSEC), and never reads the file: stat
// data an agent copied from a file the user changed, or an index file whose
// mtime it moved past a racily clean entry, makes that change invisible (`git
// status` clean, `git stash` "no local changes", and the next `git checkout`
// overwrites the work). Git itself only ever makes an entry trusted after
// hashing the file to its blob (a refresh), and smudges a racily clean entry
// whose file differs when it writes the index. So every entry git trusts after
// a case and did not trust before is checked the same way: the file must hash
// to the entry's blob. With core.fsmonitor on, git also takes an entry the
// index's fsmonitor extension marks valid without looking at the file at all
// (fsmonitor-ext.ts): such an entry newly marked is checked too (a file gone
// then counts as well).
import { readlinkSync } from 'node:fs'
import type { IndexState } from './gitindex.js'
import { fsPath } from './paths.js'
import { hashEntry, rawBlobId } from './snapshot-hash.js'
import type { StatEntry } from './walk.js'

/** Most bytes one comparison hashes (a file over what is left counts as forged, unchecked): an agent's huge files must not stall the guard. */
const HASH_BUDGET_BYTES = 1 << 30

/** The six stat fields the parser keeps (ctime s, ns, mtime s, ns, inode, size) are the same for both slots. */
function sameRecordedStat(a: IndexState, sa: number, b: IndexState, sb: number): boolean {
  for (let k = 0; k < 6; k++) if (a.stat[sa * 6 + k] !== b.stat[sb * 6 + k]) return false
  return true
}

/**
 * Could git, with any core.checkStat and either build, take the file for the
 * entry without reading it: the same kind (a file; a symlink entry, or a file
 * holding its target where core.symlinks is false), size and mtime seconds
 * (the fields even `core.checkStat=minimal` compares, to 32 bits as the index
 * keeps them), and not racily clean against the index file's mtime. Racy is
 * read the way that trusts more: `wide` (after a case: every entry git might
 * trust is checked) compares to the nanosecond, as a git built with USE_NSEC
 * does; otherwise (before: only what every git trusted counts as trusted) in
 * whole seconds, as one built without it does.
 */
function trusted(ix: IndexState, slot: number, e: StatEntry, wide: boolean): boolean {
  const kind = ix.mode[slot] & 0o170000
  if (!((kind === 0o100000 && e.type === 'file') || (kind === 0o120000 && (e.type === 'symlink' || e.type === 'file')))) return false
  const o = slot * 6
  if (ix.stat[o + 5] !== e.size % 0x100000000 || ix.stat[o + 2] !== e.mtimeS % 0x100000000) return false
  if (ix.mtimeS === 0) return true
  const [s, n, is] = [ix.stat[o + 2], ix.stat[o + 3], ix.mtimeS % 0x100000000]
  return s < is || (wide && s === is && n < ix.mtimeN)
}

/** Default git's own test (core.checkStat=default): every field the index keeps equal to the file's, and not racily clean (seconds). */
function exactlyTrusted(ix: IndexState, slot: number, e: StatEntry): boolean {
  if (!trusted(ix, slot, e, false)) return false
  const o = slot * 6
  const s = ix.stat
  return s[o] === e.ctimeS % 0x100000000 && s[o + 1] === e.ctimeN && s[o + 3] === e.mtimeN && s[o + 4] === e.ino % 0x100000000
}

/** The entry's blob id computed from the work tree (a symlink: its target, never followed); unreadable never equals an id. */
function workBlobId(root: string, rel: string, e: StatEntry, format: 'sha1' | 'sha256'): string {
  if (e.type === 'file') return hashEntry(root, rel, 'file', e.mode, format)
  try {
    return rawBlobId(readlinkSync(fsPath(root, rel), { encoding: 'buffer' }), format)
  } catch {
    return 'unreadable'
  }
}

/**
 * Paths (relative to `root`) of the index entries git trusts after a case
 * (see trusted; `tree`: the after-walk's stat data) that it did not trust
 * before — new stat data, the index file's mtime moved past a racily clean
 * entry, or a new fsmonitor extension that marks it valid — and whose work
 * file is not the entry's blob (or, for one the fsmonitor vouches for, is gone). `oidLen`: 20 (sha1) or
 * 32 (sha256). Entries with flags (conflict, intent-to-add, assume-unchanged,
 * skip-worktree) are left to the listing, which holds their flags. Sorted.
 */
export function forgedIndexStat(root: string, before: IndexState, after: IndexState, tree: Map<string, StatEntry>, oidLen: number): string[] {
  if (!before.parsed || !after.parsed || (oidLen !== 20 && oidLen !== 32)) return []
  const format = oidLen === 32 ? 'sha256' : 'sha1'
  const out: string[] = []
  let budget = HASH_BUDGET_BYTES
  // The same index file time: git decides as it did before for every entry whose stat data stayed.
  const sameTime = before.mtimeS === after.mtimeS && before.mtimeN === after.mtimeN
  for (const [rel, slot] of after.entries) {
    const was = before.entries.get(rel)
    if (was === undefined || after.flags[slot] !== 0) continue
    const e = tree.get(rel)
    const stayed = before.flags[was] === 0 && sameRecordedStat(before, was, after, slot)
    // Taken as unchanged on the fsmonitor's word (core.fsmonitor on), git never looks at the file: a new word
    // (a bit or a token) stands only for a file whose stat data default git would have trusted as well.
    const newWord = after.fsmnValid?.[slot] === 1 && !(before.fsmnValid?.[was] === 1 && before.fsmn === after.fsmn)
    if (newWord && !(e && exactlyTrusted(after, slot, e))) {
      if (!e) {
        out.push(rel)
        continue
      }
    } else if (e && trusted(after, slot, e, true)) {
      if (stayed && (sameTime || trusted(before, was, e, false))) continue
    } else continue
    if (e.size > budget) {
      out.push(rel)
      continue
    }
    budget -= e.size
    if (workBlobId(root, rel, e, format) !== after.oid[slot]) out.push(rel)
  }
  return out.sort()
}
