// The repository around a run: its common git dir and every checkout of it
// (the main checkout and each worktree), so that the run can protect all of
// them but the one the agent works in.
import { existsSync } from 'node:fs'
import { realOrResolved } from '../fsutil.js'
import { git, gitOk, splitNul } from '../git.js'

export interface RepoLayout {
  /** The common git dir (absolute, real). */
  commonDir: string
  /** Every checkout of the repository (main and worktrees) that exists, real paths. */
  checkouts: string[]
}

/** `git worktree list --porcelain -z`: each record's `worktree PATH`, bare ones and missing ones left out. */
export async function repoLayout(dir: string): Promise<RepoLayout> {
  const commonDir = realOrResolved((await gitOk(dir, ['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim())
  const r = await git(dir, ['worktree', 'list', '--porcelain', '-z'])
  const checkouts: string[] = []
  let current: string | undefined
  let bare = false
  const flush = () => {
    if (current && !bare && existsSync(current)) checkouts.push(realOrResolved(current))
    current = undefined
    bare = false
  }
  for (const field of r.exitCode === 0 ? splitNul(r.stdout) : []) {
    if (field === '') flush()
    else if (field.startsWith('worktree ')) {
      flush()
      current = field.slice('worktree '.length)
    } else if (field === 'bare') bare = true
  }
  flush()
  if (checkouts.length === 0) checkouts.push(realOrResolved((await gitOk(dir, ['rev-parse', '--show-toplevel'])).trim()))
  return { commonDir, checkouts: [...new Set(checkouts)] }
}
