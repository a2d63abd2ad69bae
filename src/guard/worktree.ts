// The seed's isolation predicate: the checkout's git dir lies under
// <common git dir>/worktrees/. Paths are resolved to real paths first, so
// relative paths, symlinked folders and GIT_DIR/GIT_WORK_TREE in the
// environment (stripped by the git wrapper) cannot fake or hide a worktree.
import { statSync } from 'node:fs'
import path from 'node:path'
import { realOrResolved } from '../fsutil.js'
import { git } from '../git.js'

export interface WorktreeCheck {
  directory: string
  toplevel: string | null
  git_dir: string | null
  common_dir: string | null
  is_worktree: boolean
  reason: string
}

export async function checkWorktree(directory: string): Promise<WorktreeCheck> {
  const dir = realOrResolved(directory)
  let isDir = false
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    isDir = false
  }
  if (!isDir) return { directory: dir, toplevel: null, git_dir: null, common_dir: null, is_worktree: false, reason: `not a folder: ${dir}` }
  const r = await git(dir, ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'])
  if (r.exitCode !== 0) {
    return { directory: dir, toplevel: null, git_dir: null, common_dir: null, is_worktree: false, reason: `not a git repository: ${r.stderr.trim()}` }
  }
  let lines = r.stdout.replace(/\n$/, '').split('\n')
  if (lines.length !== 3) {
    // A path with a newline in it: ask for one at a time.
    lines = []
    for (const flag of ['--show-toplevel', '--git-dir', '--git-common-dir'])
      lines.push((await git(dir, ['rev-parse', '--path-format=absolute', flag])).stdout.replace(/\n$/, ''))
  }
  const [toplevel, gitDir, commonDir] = lines.map((l) => realOrResolved(l))
  const worktrees = path.join(commonDir, 'worktrees') + path.sep
  const isWorktree = gitDir.startsWith(worktrees) && gitDir !== commonDir
  return {
    directory: dir,
    toplevel,
    git_dir: gitDir,
    common_dir: commonDir,
    is_worktree: isWorktree,
    reason: isWorktree ? `git dir lies under ${worktrees}` : `git dir ${gitDir} does not lie under ${worktrees}`,
  }
}

export function formatWorktreeCheck(c: WorktreeCheck): string {
  return [
    'predicate: git dir lies under <git common dir>/worktrees/',
    `directory: ${c.directory}`,
    `toplevel: ${c.toplevel ?? '-'}`,
    `git_dir: ${c.git_dir ?? '-'}`,
    `common_dir: ${c.common_dir ?? '-'}`,
    `is_worktree: ${c.is_worktree}`,
    `reason: ${c.reason}`,
    '',
  ].join('\n')
}
