// The run's worktree: created from HEAD, removed only with a plain
// `git worktree remove`; when git refuses, it stays and the message says why.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { createWorktree, removeWorktree } from '../src/suite/worktree.js'
import { fixtureRepo, git } from './support/repo.js'

describe('run worktree', () => {
  it('is created detached at HEAD and removed when clean', async () => {
    const { base, repo } = fixtureRepo()
    const wt = await createWorktree(repo, path.join(base, 'wt'))
    expect(git(wt, 'rev-parse', 'HEAD')).toBe(git(repo, 'rev-parse', 'HEAD'))
    expect(git(wt, 'rev-parse', '--git-dir').trim()).toMatch(/\.git\/worktrees\/wt$/)
    const r = await removeWorktree(repo, wt)
    expect(r).toEqual({ removed: true, message: `worktree ${wt} removed` })
    expect(existsSync(wt)).toBe(false)
  })
  it('stays when git refuses (untracked file), with where and why', async () => {
    const { base, repo } = fixtureRepo()
    const wt = await createWorktree(repo, path.join(base, 'wt'))
    writeFileSync(path.join(wt, 'left-behind.txt'), 'x')
    const r = await removeWorktree(repo, wt)
    expect(r.removed).toBe(false)
    expect(r.message).toMatch(new RegExp(`worktree left at ${wt}: git refused to remove it \\(.*untracked`))
    expect(existsSync(path.join(wt, 'left-behind.txt'))).toBe(true)
  })
  it('refuses a path that exists and is not empty', async () => {
    const { base, repo } = fixtureRepo()
    mkdirSync(path.join(base, 'busy'))
    writeFileSync(path.join(base, 'busy', 'f'), 'x')
    await expect(createWorktree(repo, path.join(base, 'busy'))).rejects.toThrow(InputError)
    await expect(createWorktree(repo, path.join(base, 'busy'))).rejects.toThrow(/--worktree: .*busy exists and is not empty/)
  })
})
