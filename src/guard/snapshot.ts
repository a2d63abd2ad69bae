// A snapshot of everything a case could change: every file and symlink of the
// work tree (tracked, untracked and ignored alike, found by our own walk, not
// by git status), and the repository's own state (HEAD, refs, index, stash,
// hooks, config, info/exclude, the object store's listing).
//
// Content is identified by git's blob id of the raw bytes on disk (no
// filters: a change git's filters would hide, e.g. line endings under
// `text`/autocrlf, is still a change). A tracked file takes its blob id from
// the index without being read only when git's own stat test vouches for it
// (stat data as the index recorded it, not racily clean, not assume-unchanged
// / skip-worktree / intent-to-add) and no attribute or config could make the
// index's blob differ from the raw bytes. Everything else is hashed, and
// untracked/ignored content is written into the object store so it can be
// restored. The "after" snapshot re-hashes every entry whose stat data
// (type, mode, size, mtime, ctime, inode) moved, and every entry that changed
// so close to the "before" walk that a later write could share its
// timestamps (the racy-git problem); ctime cannot be set back from user space.
//
// Cost: each snapshot walks the whole tree once (walk.ts: GNU find, one per
// core, or Node's lstat); the index is read by our own parser (gitindex.ts)
// while the finds run; no git status. The after-walk reuses, byte for byte,
// the before-walk's records that did not change. The object store is listed
// by name: it may grow (a new object cannot alter history), a deleted object
// is a deletion.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { readIndexState, statMatches, type IndexState } from './gitindex.js'
import { conversionFree, gitDirsOf, objectFormatOf, repoConfigCached } from './snapshot-config.js'
import { hashEntry, sameStat, storeRaw } from './snapshot-hash.js'
import { indexCount, snapshotRepo } from './snapshot-repo.js'
import { RACY_WINDOW_COARSE, RACY_WINDOW_FINE, type Snapshot, type SnapshotOptions, type TreeEntry } from './snapshot-types.js'
import { prunedFolders, walk, walkSince, type FindState, type StatEntry } from './walk.js'

export { resolveGitDirs } from './snapshot-config.js'
export { rawBlobId, sameStat } from './snapshot-hash.js'
export { indexCount, OPENCODE_OWN_STATE } from './snapshot-repo.js'
export type { EntryType, RepoEntry, Snapshot, SnapshotOptions, TreeEntry } from './snapshot-types.js'

/** A lap clock: each call adds the ms since the previous one to `opts.timings[phase]`. */
function timer(opts: SnapshotOptions): (phase: string) => void {
  let t = performance.now()
  return (phase) => {
    const now = performance.now()
    if (opts.timings) opts.timings[phase] = (opts.timings[phase] ?? 0) + (now - t)
    t = now
  }
}

/** `rel` is left out: equal to an exclude entry, or below one ending in `/`. */
function excluded(rel: string, exclude: string[]): boolean {
  return exclude.some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e))
}

interface Walked {
  tree: Map<string, TreeEntry>
  dirs: Set<string>
  takenAt: number
  racyWindow: number
  walker: 'find' | 'node'
  walkState?: FindState
  /** Some .gitattributes file is in the tree. */
  attributes: boolean
}

/** Walk the tree for a snapshot: the exclusions dropped, the racy window chosen from the timestamps' resolution. */
async function walkForSnapshot(root: string, opts: SnapshotOptions, sizeHint: number): Promise<Walked> {
  const exclude = opts.exclude ?? []
  const takenAt = Date.now()
  const w = await walk(root, opts.walker, sizeHint, prunedFolders(exclude))
  const tree = w.entries as Map<string, TreeEntry>
  let fine = false
  let attributes = false
  for (const [rel, e] of tree) {
    if (exclude.length > 0 && excluded(rel, exclude)) {
      tree.delete(rel)
      continue
    }
    if (!fine && e.ctimeN !== 0) fine = true
    if (rel.endsWith('.gitattributes') && (rel === '.gitattributes' || rel.endsWith('/.gitattributes'))) attributes = true
  }
  return {
    tree,
    dirs: w.dirs,
    takenAt,
    racyWindow: fine || tree.size === 0 ? RACY_WINDOW_FINE : RACY_WINDOW_COARSE,
    walker: w.walker,
    walkState: w.state,
    attributes,
  }
}

/** The "before" snapshot. */
export async function takeSnapshot(root: string, opts: SnapshotOptions = {}): Promise<Snapshot> {
  // git config runs while the tree is walked.
  const lap = timer(opts)
  const { gitDir, commonDir } = await gitDirsOf(root)
  const config = repoConfigCached(root, gitDir, commonDir)
  config.catch(() => {})
  const format = await objectFormatOf(commonDir, config)
  const oidLen = format === 'sha256' ? 32 : 20
  lap('before: dirs')
  // The finds start walking first; the index is read while they run.
  const walking = walkForSnapshot(root, opts, indexCount(gitDir))
  walking.catch(() => {})
  lap('before: walk start')
  const index = await readIndexState(root, gitDir, oidLen)
  lap('before: index')
  const w = await walking
  lap('before: walk')
  const cfg = await config
  lap('before: config')
  if (cfg.objectFormat !== format) throw new Error(`object format: config says ${cfg.objectFormat}, the repository ${format}`)
  const objectFormat = cfg.objectFormat
  const mayConvert =
    cfg.autocrlf || cfg.attributesFile || w.attributes || existsSync(path.join(commonDir, 'info', 'attributes')) || existsSync('/etc/gitattributes')
  const candidates: string[] = []
  const toStore: string[] = []
  for (const [rel, e] of w.tree) {
    const slot = index.entries.get(rel)
    e.tracked = slot !== undefined
    if (e.type !== 'file') e.hash = hashEntry(root, rel, e.type, e.mode, objectFormat)
    else if (index.parsed && slot !== undefined && statMatches(index, slot, e)) {
      if (mayConvert) candidates.push(rel)
      else e.hash = index.oid[slot]
    } else toStore.push(rel)
  }
  lap('before: vouch')
  if (candidates.length > 0) {
    const vouched = await conversionFree(root, cfg, candidates)
    for (const rel of candidates) {
      if (vouched.has(rel)) w.tree.get(rel)!.hash = index.oid[index.entries.get(rel)!]
      else toStore.push(rel)
    }
  }
  lap('before: attributes')
  for (const [rel, h] of await storeRaw(root, commonDir, toStore, w.tree, objectFormat)) w.tree.get(rel)!.hash = h
  lap('before: store')
  // The repository last: the objects just written are part of its "before".
  const repo = snapshotRepo(root, gitDir, commonDir, index)
  lap('before: repo')
  const edge = (w.takenAt - w.racyWindow) / 1000
  const racy: string[] = []
  for (const [rel, e] of w.tree) if (e.hash === undefined || !settledBy(e, edge)) racy.push(rel)
  lap('before: racy')
  const exclude = opts.exclude ?? []
  return {
    root,
    gitDir,
    commonDir,
    tree: w.tree,
    repo,
    dirs: w.dirs,
    takenAt: w.takenAt,
    racyWindow: w.racyWindow,
    index,
    objectFormat,
    walker: w.walker,
    walkState: w.walkState,
    exclude,
    racy,
  }
}

/** Last changed before `edge` (seconds): a later change shows in its stat data. */
function settledBy(e: StatEntry, edge: number): boolean {
  return e.ctimeS + e.ctimeN / 1e9 < edge && e.mtimeS + e.mtimeN / 1e9 < edge
}

/** Changed so close to the snapshot that a later write could leave its stat data as it was. */
function racyEdge(s: Snapshot): number {
  return (s.takenAt - s.racyWindow) / 1000
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The "after" snapshot. When the before-snapshot was walked by find, the
 * tree is walked again and read against that walk record by record: only
 * entries whose record differs (or that were racy) are looked at and
 * hashed, and the result says which paths those are, so the comparison
 * looks at them alone. Otherwise the whole tree is walked and every entry
 * whose stat moved (or was racy) is hashed again.
 */
export async function takeSnapshotAfter(before: Snapshot, opts: SnapshotOptions = {}): Promise<Snapshot> {
  const exclude = opts.exclude ?? []
  if (!before.walkState || opts.walker === 'node' || !sameList(exclude, before.exclude)) return afterWhole(before, opts)
  const root = before.root
  const lap = timer(opts)
  const takenAt = Date.now()
  const walking = walkSince(root, before.walkState)
  walking.catch(() => {})
  lap('after: walk start')
  const index = await readIndexState(root, before.gitDir, before.objectFormat === 'sha256' ? 32 : 20, before.index)
  lap('after: index')
  const d = await walking
  lap('after: walk')
  if (!d) {
    if (opts.walker === 'find') throw new Error('walker "find" requested, but GNU find is not available or failed')
    return afterWhole(before, opts, index)
  }
  const edge = racyEdge(before)
  const format = before.objectFormat
  // Path → its entry now (undefined: gone), for every path that may differ from the before-snapshot.
  const updates = new Map<string, TreeEntry | undefined>()
  for (const [rel, e] of d.changed) {
    if (exclude.length > 0 && excluded(rel, exclude)) continue
    const prev = before.tree.get(rel)
    if (prev?.hash !== undefined && sameStat(prev, e) && settledBy(prev, edge)) continue
    updates.set(rel, { ...e, tracked: index.entries.has(rel), hash: hashEntry(root, rel, e.type, e.mode, format) })
  }
  for (const rel of d.removed) if (before.tree.has(rel)) updates.set(rel, undefined)
  for (const rel of before.racy) {
    if (d.changed.has(rel) || d.removed.has(rel)) continue
    const prev = before.tree.get(rel)!
    const hash = hashEntry(root, rel, prev.type, prev.mode, format)
    if (hash !== prev.hash) updates.set(rel, { ...prev, hash })
  }
  let tree = before.tree
  if (updates.size > 0) {
    tree = new Map(before.tree)
    for (const [rel, e] of updates) {
      if (e) tree.set(rel, e)
      else tree.delete(rel)
    }
  }
  lap('after: hash')
  const after = afterSnapshot(before, index, { tree, dirs: d.dirs, takenAt, racyWindow: before.racyWindow, walker: 'find', exclude }, lap)
  return { ...after, since: { base: before, paths: new Set(updates.keys()) } }
}

/** An after-snapshot of `before`'s checkout from its walk: the repository's state is read last. */
function afterSnapshot(
  before: Snapshot,
  index: IndexState,
  walked: Pick<Snapshot, 'tree' | 'dirs' | 'takenAt' | 'racyWindow' | 'walker' | 'exclude'>,
  lap: (phase: string) => void,
): Snapshot {
  const repo = snapshotRepo(before.root, before.gitDir, before.commonDir, index)
  lap('after: repo')
  return {
    root: before.root,
    gitDir: before.gitDir,
    commonDir: before.commonDir,
    ...walked,
    repo,
    index,
    objectFormat: before.objectFormat,
    // Not kept: an after-snapshot is never read against.
    walkState: undefined,
    racy: [],
  }
}

/** The after-snapshot by a whole walk: entries whose stat moved (or were racy) are hashed again, in-process. */
async function afterWhole(before: Snapshot, opts: SnapshotOptions, indexRead?: IndexState): Promise<Snapshot> {
  const root = before.root
  const lap = timer(opts)
  const walking = walkForSnapshot(root, opts, before.tree.size)
  walking.catch(() => {})
  lap('after: walk start')
  const index = indexRead ?? (await readIndexState(root, before.gitDir, before.objectFormat === 'sha256' ? 32 : 20, before.index))
  lap('after: index')
  const w = await walking
  lap('after: walk')
  const edge = racyEdge(before)
  for (const [rel, e] of w.tree) {
    const prev = before.tree.get(rel)
    e.tracked = index.entries.has(rel)
    if (prev?.hash !== undefined && sameStat(prev, e) && settledBy(prev, edge)) e.hash = prev.hash
    else e.hash = hashEntry(root, rel, e.type, e.mode, before.objectFormat)
  }
  lap('after: hash')
  return afterSnapshot(
    before,
    index,
    { tree: w.tree, dirs: w.dirs, takenAt: w.takenAt, racyWindow: w.racyWindow, walker: w.walker, exclude: opts.exclude ?? [] },
    lap,
  )
}
