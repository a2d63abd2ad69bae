// Creating and removing the run's worktree. Removal is a plain
// `git worktree remove` (never forced): git refuses a worktree with changes,
// and then it stays, with a message saying where and why.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import { git } from '../git.js'

/**
 * `git worktree add --detach PATH HEAD`; resolves with the absolute path.
 * Throws InputError('--worktree') when PATH is a non-empty folder or git
 * refuses (git's words in the message). Worktrees are made one at a time in
 * this process: git picks the name of a worktree's admin folder
 * (<common dir>/worktrees/<basename>, a number added when it is taken) with
 * no lock, so two made at once (--jobs slots) can pick the same name and one
 * fails ("Preparing worktree …" and nothing more, seen with three slots).
 */
export function createWorktree(repoDir: string, worktreePath: string): Promise<string> {
  const made = creating.then(() => addWorktree(repoDir, worktreePath))
  creating = made.catch(() => undefined)
  return made
}
let creating: Promise<unknown> = Promise.resolve()

async function addWorktree(repoDir: string, worktreePath: string): Promise<string> {
  const target = path.resolve(worktreePath)
  if (existsSync(target) && readdirSync(target).length > 0) throw new InputError('--worktree', `${target} exists and is not empty; give a new path`)
  const r = await git(repoDir, ['worktree', 'add', '--detach', '--', target, 'HEAD'])
  if (r.exitCode !== 0) throw new InputError('--worktree', `git worktree add ${target} failed: ${r.stderr.trim()}`)
  return target
}

export async function removeWorktree(repoDir: string, worktreePath: string): Promise<{ removed: boolean; message: string }> {
  const r = await git(repoDir, ['worktree', 'remove', '--', worktreePath])
  if (r.exitCode === 0) return { removed: true, message: `worktree ${worktreePath} removed` }
  return { removed: false, message: `worktree left at ${worktreePath}: git refused to remove it (${r.stderr.trim().split('\n')[0]})` }
}
