// Restore (guard/restore.ts) writes and removes below the worktree only: a
// folder the agent (or a process it left running) swaps for a link to the
// user's checkout between the after-snapshot and the restore carries neither
// a removal nor a write there (beneath-write.ts: every folder opened with
// O_NOFOLLOW, the entry reached through its descriptor).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareSnapshots } from '../src/guard/compare.js'
import { restore } from '../src/guard/restore.js'
import { takeSnapshot, takeSnapshotAfter } from '../src/guard/snapshot.js'
import { repoMaker } from './support/git-repo.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-restore-links-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const repo = repoMaker(base)

describe('restore never works through a folder swapped for a link', () => {
  it("a created file's folder swapped for a link to the user's checkout: the user's file of that name stays", async () => {
    const wt = repo({ 'README.md': 'worktree\n' })
    const user = path.join(base, 'user-checkout')
    mkdirSync(user, { recursive: true })
    writeFileSync(path.join(user, 'README.md'), "the user's uncommitted work\n")
    const before = await takeSnapshot(wt)
    mkdirSync(path.join(wt, 'd'))
    writeFileSync(path.join(wt, 'd', 'README.md'), 'agent\n')
    const changes = compareSnapshots(before, await takeSnapshotAfter(before))
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toContain('created d/README.md')
    // A process the agent left: the folder becomes a link to the user's checkout.
    rmSync(path.join(wt, 'd'), { recursive: true })
    symlinkSync(user, path.join(wt, 'd'))
    const records = await restore(before, changes)
    expect(readFileSync(path.join(user, 'README.md'), 'utf8')).toBe("the user's uncommitted work\n")
    expect(records.find((r) => r.path === 'd/README.md')).toMatchObject({ action: 'unrestorable', detail: expect.stringMatching(/symlink/) })
  })

  it("a rewritten file's folder swapped for a link: nothing is written through it", async () => {
    const wt = repo({ 'sub/a.txt': 'a\n' })
    const outside = path.join(base, 'outside')
    mkdirSync(outside, { recursive: true })
    const before = await takeSnapshot(wt)
    writeFileSync(path.join(wt, 'sub', 'a.txt'), 'changed\n')
    const changes = compareSnapshots(before, await takeSnapshotAfter(before))
    rmSync(path.join(wt, 'sub'), { recursive: true })
    symlinkSync(outside, path.join(wt, 'sub'))
    const records = await restore(before, changes)
    expect(existsSync(path.join(outside, 'a.txt'))).toBe(false)
    expect(records.find((r) => r.path === 'sub/a.txt')).toMatchObject({ action: 'unrestorable' })
  })
})
