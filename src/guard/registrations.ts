// Worktrees registered in the repository (issue 17): uncontained, an agent's
// `git worktree add ../x` makes a folder outside the case's worktree and an
// entry under <common dir>/worktrees/. The snapshot leaves other worktrees'
// entries out (a run's own --jobs slots come and go during a case), so the
// case reads the registrations itself, before and after, and undoes one the
// agent made: `git worktree remove` (never forced) when git accepts it, else
// its files go into the evidence, its folders (then empty) are removed, and
// the stale registration is pruned.
import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs'
import { DEFAULT_EVIDENCE_MAX_BYTES, describeInspection, readBeneath, readUntrustedFile } from './reader.js'
import path from 'node:path'
import { git } from '../git.js'
import { existsNoFollow } from '../fsutil.js'

/** Registration name (folder under <common dir>/worktrees/) → the worktree folder it names (undefined: unreadable). */
export type Registrations = Map<string, string | undefined>

/**
 * The worktrees registered in `commonDir`: each `worktrees/<name>/gitdir`
 * names `<worktree>/.git`. Never throws: a missing folder is no registration.
 */
export function readRegistrations(commonDir: string): Registrations {
  const out: Registrations = new Map()
  let names: string[] = []
  try {
    names = readdirSync(path.join(commonDir, 'worktrees'))
  } catch {
    return out
  }
  for (const name of names) {
    try {
      const gitfile = readUntrustedFile(path.join(commonDir, 'worktrees', name, 'gitdir'), 64 << 10)
        .toString('utf8')
        .trim()
      out.set(name, path.dirname(path.resolve(commonDir, 'worktrees', name, gitfile)))
    } catch {
      out.set(name, undefined)
    }
  }
  return out
}

/**
 * The harness's own registration of a --jobs slot: its worktree is exactly
 * `<o>/slot-<k>/wt` (k ≥ 1) for one of `ours`, it holds only what `git worktree
 * add --detach` writes, and its HEAD is detached (an object id, the null id
 * while git makes it). A
 * registration on a branch is never ours: it holds that branch for itself
 * (`git checkout` and `git branch -d` refuse it in every other checkout).
 */
/** The files `git worktree add --detach` leaves in a registration (`locked` and `index.lock` while it works). */
const SLOT_FILES = new Set(['HEAD', 'ORIG_HEAD', 'commondir', 'gitdir', 'index', 'index.lock', 'locked', 'logs'])

function isSlotRegistration(commonDir: string | undefined, name: string, worktree: string, ours: string[]): boolean {
  const slot = path.dirname(worktree)
  if (!commonDir || path.basename(worktree) !== 'wt' || !/^slot-[1-9][0-9]{0,3}$/.test(path.basename(slot))) return false
  if (!ours.some((o) => path.resolve(o) === path.dirname(slot))) return false
  // Only what `git worktree add --detach` writes: a rebase or bisect state (rebase-merge/head-name, BISECT_START)
  // would hold a branch of the user's as surely as a HEAD on it.
  const own = path.join(commonDir, 'worktrees', name)
  try {
    if (!readdirSync(own).every((n) => SLOT_FILES.has(n))) return false
    if (existsNoFollow(path.join(own, 'logs')) && !readdirSync(path.join(own, 'logs')).every((n) => n === 'HEAD')) return false
  } catch {
    return false
  }
  try {
    const head = readUntrustedFile(path.join(commonDir, 'worktrees', name, 'HEAD'), 4096)
      .toString('latin1')
      .trim()
    return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(head)
  } catch {
    return false
  }
}

/**
 * Registrations in `after` that `before` did not have, except the harness's
 * own --jobs slots made in one of `ours` (see isSlotRegistration; `commonDir`:
 * where their HEAD is read). Shape: `{ name, worktree }`.
 */
export function newRegistrations(
  before: Registrations,
  after: Registrations,
  ours: string[] = [],
  commonDir?: string,
): { name: string; worktree: string | undefined }[] {
  const out: { name: string; worktree: string | undefined }[] = []
  for (const [name, worktree] of after) {
    if (before.has(name) && before.get(name) === worktree) continue
    if (worktree && isSlotRegistration(commonDir, name, worktree, ours)) continue
    out.push({ name, worktree })
  }
  return out
}

/** Every file and symlink under `dir` (folders after their contents), for moving out one by one. */
function entriesUnder(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = []
  const dirs: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name)
      if (lstatSync(abs).isDirectory()) walk(abs)
      else files.push(abs)
    }
    dirs.push(d)
  }
  walk(dir)
  return { files, dirs }
}

/**
 * Undo one registration the agent made. `repoDir`: any checkout of the
 * repository; `keep(name, data)`: stores a file in the case's evidence.
 * Returns restore.txt-style lines (what was done, or why it stayed).
 * Never forces a removal and never removes a folder recursively.
 */
export async function undoRegistration(
  repoDir: string,
  commonDir: string,
  reg: { name: string; worktree: string | undefined },
  keep: (name: string, data: string | Buffer) => void,
): Promise<string[]> {
  const label = `.git/worktrees/${reg.name}`
  const lines: string[] = []
  if (reg.worktree && existsNoFollow(reg.worktree)) {
    const r = await git(repoDir, ['worktree', 'remove', '--', reg.worktree])
    if (r.exitCode === 0) return [`removed\t${JSON.stringify(label)}\tgit worktree remove ${reg.worktree}`]
    // Changed or untracked files (git refuses): the files go into the evidence, one by one.
    const { files, dirs } = entriesUnder(reg.worktree)
    files.forEach((abs, i) => {
      // Through the evidence reader: a link by its target, a FIFO or hard link by what it is, content bounded.
      const got = readBeneath(path.dirname(abs), path.basename(abs), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES })
      const name = `worktree_${reg.name.replace(/[^A-Za-z0-9_.-]/g, '_')}_${String(i + 1).padStart(3, '0')}${got.kind === 'symlink' ? '.link' : got.data ? '.bin' : '.txt'}`
      keep(name, got.data ?? `${describeInspection(got)}\n`)
      rmSync(abs)
      lines.push(`moved\t${JSON.stringify(abs)}\tevidence ${name}`)
    })
    for (const d of dirs) {
      try {
        rmdirSync(d)
      } catch (e) {
        lines.push(`unrestorable\t${JSON.stringify(d)}\t${(e as Error).message}`)
      }
    }
  }
  // The registration is stale now. `git worktree prune` removes every stale one:
  // run it only when no other registration is stale (the user's own stay as they are).
  const others = [...readRegistrations(commonDir)].filter(([n, w]) => n !== reg.name && !(w && existsNoFollow(w)))
  if (others.length > 0)
    return [...lines, `unrestorable\t${JSON.stringify(label)}\tother stale registrations (${others.map(([n]) => n).join(', ')}): not pruning`]
  const p = await git(repoDir, ['worktree', 'prune'])
  const gone = !existsNoFollow(path.join(commonDir, 'worktrees', reg.name))
  return [
    ...lines,
    gone ? `removed\t${JSON.stringify(label)}\tgit worktree prune` : `unrestorable\t${JSON.stringify(label)}\tgit worktree prune left it: ${p.stderr.trim()}`,
  ]
}
