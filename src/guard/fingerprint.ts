// A fingerprint of a checkout the run must never change (the user's own, when
// the cases run in a worktree): every file and symlink, tracked, untracked
// and ignored (stat data: any write moves ctime, which no user-space call can
// set back), and the repository's state (HEAD, refs, index listing, config,
// hooks, info/, stash). Nothing is hashed into the object store: taking a
// fingerprint writes nothing.
import { createHash } from 'node:crypto'
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { git } from '../git.js'
import { sameStat, walkTree, type TreeEntry } from './snapshot.js'

export interface Fingerprint {
  root: string
  tree: Map<string, TreeEntry>
  repo: Map<string, string>
}

export interface FingerprintChange {
  /** Absolute path. */
  path: string
  kind: 'created' | 'modified' | 'deleted'
}

/** Parts of .git that change without the checkout changing (or are ours). */
const REPO_SKIP = new Set(['objects', 'worktrees', 'index', 'index.lock', 'opencode', 'logs', 'FETCH_HEAD', 'gc.log'])

function hashRepoDir(dir: string, prefix: string, out: Map<string, string>): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name
    if (!prefix && REPO_SKIP.has(name)) continue
    const abs = path.join(dir, name)
    try {
      const s = lstatSync(abs)
      if (s.isDirectory()) hashRepoDir(abs, rel, out)
      else out.set(`.git/${rel}`, createHash('sha256').update(s.isSymbolicLink() ? `link:${readlinkSync(abs)}` : readFileSync(abs)).update(`mode:${s.mode}`).digest('hex'))
    } catch {
      // vanished while we looked: the next fingerprint will say so
    }
  }
}

function excluded(rel: string, exclude: string[]): boolean {
  return exclude.some((e) => (e.endsWith('/') ? rel.startsWith(e) : rel === e))
}

export async function takeFingerprint(root: string, exclude: string[] = []): Promise<Fingerprint> {
  const tree = walkTree(root)
  for (const rel of [...tree.keys()]) if (excluded(rel, exclude)) tree.delete(rel)
  const repo = new Map<string, string>()
  const dirs = await git(root, ['rev-parse', '--path-format=absolute', '--git-common-dir'])
  if (dirs.exitCode === 0) hashRepoDir(dirs.stdout.trim(), '', repo)
  const index = await git(root, ['ls-files', '-z', '-s', '-v'])
  repo.set('.git/index (listing)', createHash('sha256').update(index.stdout).digest('hex'))
  return { root, tree, repo }
}

export function compareFingerprints(a: Fingerprint, b: Fingerprint): FingerprintChange[] {
  const out: FingerprintChange[] = []
  const abs = (rel: string) => path.join(a.root, rel)
  for (const [rel, e] of a.tree) {
    const f = b.tree.get(rel)
    if (!f) out.push({ path: abs(rel), kind: 'deleted' })
    else if (!sameStat(e, f)) out.push({ path: abs(rel), kind: 'modified' })
  }
  for (const rel of b.tree.keys()) if (!a.tree.has(rel)) out.push({ path: abs(rel), kind: 'created' })
  for (const [rel, h] of a.repo) {
    const g = b.repo.get(rel)
    if (g === undefined) out.push({ path: abs(rel), kind: 'deleted' })
    else if (g !== h) out.push({ path: abs(rel), kind: 'modified' })
  }
  for (const rel of b.repo.keys()) if (!a.repo.has(rel)) out.push({ path: abs(rel), kind: 'created' })
  return out.sort((x, y) => (x.path < y.path ? -1 : 1))
}
