// The index's stat data as a claim about the work tree. Git trusts an entry
// whose recorded stat data matches the file (ie_match_stat) and never reads
// the file: stat data that an agent copied from a file the user changed makes
// that change invisible (`git status` clean, `git stash` "no local changes",
// and the next `git checkout` overwrites the work). A refresh by git writes
// stat data only for a file whose content it has just hashed to the entry's
// blob, so stat data that moved during a case is checked the same way: where
// it now matches the file, the file must hash to the entry's blob.
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
 * Would git, with any core.checkStat, take the file for the entry without
 * reading it: the same kind (file or symlink), size and mtime seconds (the
 * fields even `core.checkStat=minimal` compares, to 32 bits as the index keeps them).
 */
function mayVouch(ix: IndexState, slot: number, e: StatEntry): boolean {
  const kind = ix.mode[slot] & 0o170000
  if (!((kind === 0o100000 && e.type === 'file') || (kind === 0o120000 && e.type === 'symlink'))) return false
  const o = slot * 6
  return ix.stat[o + 5] === e.size % 0x100000000 && ix.stat[o + 2] === e.mtimeS % 0x100000000
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
 * Paths (relative to `root`) whose index entry got new stat data between
 * `before` and `after` that vouches for a work-tree file (`tree`: the
 * after-walk's stat data) whose content is not the entry's blob. `oidLen`:
 * 20 (sha1) or 32 (sha256). Entries with flags (conflict, intent-to-add,
 * assume-unchanged, skip-worktree) are left to the listing, which holds their
 * flags. Sorted.
 */
export function forgedIndexStat(root: string, before: IndexState, after: IndexState, tree: Map<string, StatEntry>, oidLen: number): string[] {
  if (!before.parsed || !after.parsed || (oidLen !== 20 && oidLen !== 32)) return []
  const format = oidLen === 32 ? 'sha256' : 'sha1'
  const out: string[] = []
  let budget = HASH_BUDGET_BYTES
  for (const [rel, slot] of after.entries) {
    const was = before.entries.get(rel)
    if (was === undefined || after.flags[slot] !== 0) continue
    if (sameRecordedStat(before, was, after, slot)) continue
    const e = tree.get(rel)
    if (!e || !mayVouch(after, slot, e)) continue
    if (e.size > budget) {
      out.push(rel)
      continue
    }
    budget -= e.size
    if (workBlobId(root, rel, e, format) !== after.oid[slot]) out.push(rel)
  }
  return out.sort()
}
