// Walking the work tree: every file, symlink and other non-folder entry,
// tracked, untracked and ignored alike, symlinks never followed, the
// top-level .git left out. Two walkers give the same answer:
//  - GNU find, several at once over slices of the tree (one lstat per entry
//    in C, spread over the cores: about as fast as git's own status walk);
//  - Node's own readdir + lstat, the reference and the fallback (no GNU
//    find, or find reported any error, e.g. a file vanished mid-walk), and
//    the choice for small trees (a spawn costs more than it saves there).
// Names are bytes: see paths.ts for how a name that is not UTF-8 is kept.
//
// The records and the Node walker are in walk-stat.ts, find's output is read
// in walk-parse.ts, the finds are planned and run in walk-lanes.ts.
import { diffRun, parseFind, parseRun, type WalkDelta } from './walk-parse.js'
import { hasGnuFindSync, planFind, runLanes } from './walk-lanes.js'
import { walkNode, type FindRun, type FindState, type StatEntry, type WalkResult, type Walker } from './walk-stat.js'

export { hasGnuFind, hasGnuFindSync } from './walk-lanes.js'
export type { WalkDelta } from './walk-parse.js'
export { prunedFolders, sameStat, statEntry, UNREADABLE, unlistableEntry, walkNode } from './walk-stat.js'
export type { EntryType, FindState, StatEntry, Walker, WalkResult } from './walk-stat.js'

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

/**
 * Walk the whole tree. `prune`: folders Node's walker lists and does not
 * enter (see walkNode); find's walk enters them (its caller drops what it
 * excludes), so a caller must not rely on their contents being absent.
 */
export async function walk(root: string, walker: Walker = 'auto', sizeHint?: number, prune?: (rel: string) => boolean): Promise<WalkResult> {
  if (walker === 'node' || (walker === 'auto' && sizeHint !== undefined && sizeHint < FIND_THRESHOLD)) return walkNode(root, prune)
  // (Synchronously up to the finds' start: the caller can work while they walk.)
  if (hasGnuFindSync()) {
    const r = await walkFind(root)
    if (r) return r
  }
  if (walker === 'find') throw new Error('walker "find" requested, but GNU find is not available or failed')
  return walkNode(root, prune)
}
