// The index's cache-tree (its `TREE` extension, Documentation/gitformat-index.txt)
// checked against the index's own entries. Git trusts a valid cache-tree node:
// `git commit` writes the node's tree id as it is and `git status` skips the
// entries it covers, so a node pointing at another tree is a change the next
// commit takes while neither the entries nor `git status` show it. A cache-tree
// that agrees with the entries is only a cache and stays out of the listing;
// one that disagrees is state (gitindex.ts puts its bytes into the listing).
import { createHash } from 'node:crypto'

/** One index entry as the cache-tree sees it: its raw name (latin1, one char per byte), mode, stage and blob id. */
export interface TreeEntry {
  name: string
  mode: number
  stage: number
  /** Intent-to-add (`git add -N`): left out of trees. */
  ita: boolean
  oid: Buffer
}

/** A tree computed from entries: its id, or undefined when the entries make no tree (a conflict stage). */
interface Computed {
  oid: Buffer | undefined
  /** Entries under the folder, and those the tree covers (intent-to-add ones left out). */
  all: number
  kept: number
}

/** The first index in `entries` (sorted by name, bytewise) whose name is not below `key`. */
function lowerBound(entries: readonly TreeEntry[], key: string, lo = 0, hi = entries.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (entries[mid].name < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The range of entries under folder `prefix` ('' or 'a/b/'). */
function rangeOf(entries: readonly TreeEntry[], prefix: string): [number, number] {
  if (prefix === '') return [0, entries.length]
  const lo = lowerBound(entries, prefix)
  // Every name under 'a/b/' sorts below 'a/b0' ('0' follows '/').
  return [lo, lowerBound(entries, `${prefix.slice(0, -1)}0`, lo)]
}

/**
 * Git's tree for the entries in [lo, hi) under `prefix`, computed the way
 * cache-tree.c builds it: stage-0 entries by name (index order is tree order),
 * intent-to-add ones left out, a folder as `40000 name` with its own tree's id,
 * an empty folder left out. `memo` keeps each folder's result (prefix → tree).
 */
function computeTree(entries: readonly TreeEntry[], prefix: string, lo: number, hi: number, oidLen: number, memo: Map<string, Computed>): Computed {
  const known = memo.get(prefix)
  if (known) return known
  const parts: Buffer[] = []
  let kept = 0
  let ok = true
  for (let i = lo; i < hi; ) {
    const rest = entries[i].name.slice(prefix.length)
    const slash = rest.indexOf('/')
    if (slash < 0) {
      const e = entries[i++]
      if (e.stage !== 0) ok = false
      if (!ok || e.ita) continue
      kept++
      parts.push(Buffer.from(`${e.mode.toString(8)} ${rest}\0`, 'latin1'), e.oid)
      continue
    }
    const sub = `${prefix}${rest.slice(0, slash + 1)}`
    const end = lowerBound(entries, `${sub.slice(0, -1)}0`, i, hi)
    const t = computeTree(entries, sub, i, end, oidLen, memo)
    i = end
    if (!t.oid) ok = false
    if (!ok || t.kept === 0) continue
    kept += t.kept
    parts.push(Buffer.from(`40000 ${rest.slice(0, slash)}\0`, 'latin1'), t.oid!)
  }
  const out: Computed = { oid: undefined, all: hi - lo, kept }
  if (ok) {
    const body = Buffer.concat(parts)
    out.oid = createHash(oidLen === 32 ? 'sha256' : 'sha1')
      .update(`tree ${body.length}\0`)
      .update(body)
      .digest()
  }
  memo.set(prefix, out)
  return out
}

/**
 * True when every valid node of the cache-tree `ext` (the extension's bytes,
 * after its 8-byte header) names the tree its entries make, covers as many
 * entries as there are under its folder, and has no intent-to-add entry there; false for any node that does not, or
 * for bytes that do not parse as a cache-tree. `entries` are the index's
 * entries in index order (every stage), `oidLen` 20 (sha1) or 32 (sha256).
 * Invalidated nodes (entry count -1) claim nothing and are not checked.
 */
export function cacheTreeConsistent(ext: Buffer, entries: readonly TreeEntry[], oidLen: number): boolean {
  try {
    const memo = new Map<string, Computed>()
    const at = { p: 0 }
    return checkNode(ext, at, undefined, entries, oidLen, memo) && at.p === ext.length
  } catch {
    // (Nesting deeper than the stack: not a cache-tree git wrote.)
    return false
  }
}

/** One node at `at.p` and its subtrees; `parent` is the parent's folder ('' or 'a/'), undefined for the root. */
function checkNode(
  ext: Buffer,
  at: { p: number },
  parent: string | undefined,
  entries: readonly TreeEntry[],
  oidLen: number,
  memo: Map<string, Computed>,
): boolean {
  const nul = ext.indexOf(0, at.p)
  if (nul < 0) return false
  const name = ext.toString('latin1', at.p, nul)
  // The root has no name; a subtree has one, without a slash.
  if (parent === undefined ? name !== '' : name === '' || name.includes('/')) return false
  const nl = ext.indexOf(10, nul + 1)
  if (nl < 0) return false
  const m = /^(-1|\d{1,9}) (\d{1,9})$/.exec(ext.toString('latin1', nul + 1, nl))
  if (!m) return false
  at.p = nl + 1
  const here = parent === undefined ? '' : `${parent}${name}/`
  const count = Number(m[1])
  if (count >= 0) {
    if (at.p + oidLen > ext.length) return false
    const oid = ext.subarray(at.p, at.p + oidLen)
    at.p += oidLen
    const [lo, hi] = rangeOf(entries, here)
    const t = computeTree(entries, here, lo, hi, oidLen, memo)
    // Git invalidates every node whose folder holds an intent-to-add entry (cache-tree.c update_one): a valid
    // one over such an entry is not git's, and git's fast path would skip `count` entries, the i-t-a one among them.
    if (!t.oid?.equals(oid) || t.all !== t.kept || count !== t.all) return false
  }
  for (let n = Number(m[2]); n > 0; n--) if (!checkNode(ext, at, here, entries, oidLen, memo)) return false
  return true
}
