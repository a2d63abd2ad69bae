// Issue 17, item 2: a worktree an agent registers from the case's worktree
// (`git worktree add ../x`) is found and undone without --force: removed by
// git when clean, else its files kept as evidence and the registration pruned.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gitIn, repoMaker } from './support/git-repo.js'
import { newRegistrations, readRegistrations, undoRegistration } from '../src/guard/registrations.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-reg-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

function setup(tag: string): { repo: string; wt: string; common: string } {
  const repo = repoMaker(mkdtempSync(path.join(base, `${tag}-`)))({ 'a.txt': 'a\n' })
  const wt = path.join(path.dirname(repo), 'wt')
  gitIn(repo, 'worktree', 'add', '-q', '--detach', wt, 'HEAD')
  return { repo, wt, common: path.join(repo, '.git') }
}

describe('worktree registrations', () => {
  it('a clean worktree the agent added is found and removed by git worktree remove; the list is as before', async () => {
    const { repo, wt, common } = setup('clean')
    const listBefore = gitIn(repo, 'worktree', 'list', '--porcelain')
    const before = readRegistrations(common)
    gitIn(wt, 'worktree', 'add', '-q', '--detach', '../x')
    const found = newRegistrations(before, readRegistrations(common))
    expect(found).toEqual([{ name: 'x', worktree: path.join(path.dirname(repo), 'x') }])
    const kept: string[] = []
    const lines = await undoRegistration(wt, common, found[0], (n) => kept.push(n))
    expect(lines.join('\n')).toMatch(/^removed\t".git\/worktrees\/x"\tgit worktree remove/)
    expect(kept).toEqual([])
    expect(existsSync(path.join(path.dirname(repo), 'x'))).toBe(false)
    expect(gitIn(repo, 'worktree', 'list', '--porcelain')).toBe(listBefore)
  })

  it('a worktree with changes: its files go into the evidence, its folder is removed, its registration pruned', async () => {
    const { repo, wt, common } = setup('dirty')
    const listBefore = gitIn(repo, 'worktree', 'list', '--porcelain')
    const before = readRegistrations(common)
    gitIn(wt, 'worktree', 'add', '-q', '--detach', '../y')
    const y = path.join(path.dirname(repo), 'y')
    writeFileSync(path.join(y, 'a.txt'), 'changed\n')
    writeFileSync(path.join(y, 'new.txt'), 'new\n')
    const found = newRegistrations(before, readRegistrations(common))
    const kept = new Map<string, string>()
    const lines = await undoRegistration(wt, common, found[0], (n, d) => kept.set(n, d.toString()))
    expect(lines.at(-1)).toMatch(/^removed\t".git\/worktrees\/y"\tgit worktree prune/)
    expect([...kept.values()]).toContain('new\n')
    expect([...kept.values()]).toContain('changed\n')
    expect(existsSync(y)).toBe(false)
    expect(gitIn(repo, 'worktree', 'list', '--porcelain')).toBe(listBefore)
  })

  it("the run's own slot worktrees (under a folder given as ours) are not the agent's", () => {
    const { repo, wt, common } = setup('ours')
    const before = readRegistrations(common)
    const slots = path.join(path.dirname(repo), 'run-tmp')
    gitIn(wt, 'worktree', 'add', '-q', '--detach', path.join(slots, 'slot-1', 'wt'))
    expect(newRegistrations(before, readRegistrations(common), [slots], common)).toEqual([])
    expect(newRegistrations(before, readRegistrations(common))).toHaveLength(1)
    expect(readFileSync(path.join(slots, 'slot-1', 'wt', 'a.txt'), 'utf8')).toBe('a\n')
  })

  it("a registration the agent planted under the run's folder is the agent's: on a branch (which it then holds), or not a slot's path", () => {
    const { repo, common } = setup('planted')
    gitIn(repo, 'branch', 'feature')
    const before = readRegistrations(common)
    const slots = path.join(path.dirname(repo), 'run-tmp')
    // By hand, as an agent writes it: no worktree folder needed, and the user's branch is held.
    const plant = (name: string, worktree: string, head: string) => {
      mkdirSync(path.join(common, 'worktrees', name), { recursive: true })
      writeFileSync(path.join(common, 'worktrees', name, 'HEAD'), head)
      writeFileSync(path.join(common, 'worktrees', name, 'commondir'), '../..\n')
      writeFileSync(path.join(common, 'worktrees', name, 'gitdir'), `${path.join(worktree, '.git')}\n`)
    }
    plant('slot9', path.join(slots, 'slot-9', 'wt'), 'ref: refs/heads/feature\n')
    expect(spawnSync('git', ['checkout', 'feature'], { cwd: repo, encoding: 'utf8' }).stderr).toMatch(/already (checked out|used by worktree)/)
    plant('deep', path.join(slots, 'slot-1', 'wt', 'x'), `${gitIn(repo, 'rev-parse', 'HEAD').trim()}\n`)
    plant('other', path.join(slots, 'elsewhere'), `${gitIn(repo, 'rev-parse', 'HEAD').trim()}\n`)
    // A slot's path and a detached HEAD, but a rebase state that holds the user's branch.
    plant('rebasing', path.join(slots, 'slot-7', 'wt'), `${gitIn(repo, 'rev-parse', 'HEAD').trim()}\n`)
    mkdirSync(path.join(common, 'worktrees', 'rebasing', 'rebase-merge'))
    writeFileSync(path.join(common, 'worktrees', 'rebasing', 'rebase-merge', 'head-name'), 'refs/heads/feature\n')
    writeFileSync(path.join(common, 'worktrees', 'rebasing', 'rebase-merge', 'onto'), `${gitIn(repo, 'rev-parse', 'HEAD').trim()}\n`)
    const found = newRegistrations(before, readRegistrations(common), [slots], common).map((r) => r.name)
    expect(found.sort()).toEqual(['deep', 'other', 'rebasing', 'slot9'])
  })
})
