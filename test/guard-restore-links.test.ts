// Restore (guard/restore.ts) writes and removes below the worktree only: a
// folder the agent (or a process it left running) swaps for a link to the
// user's checkout between the after-snapshot and the restore carries neither
// a removal nor a write there (beneath-write.ts: every folder opened with
// O_NOFOLLOW, the entry reached through its descriptor).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareSnapshots, type Change } from '../src/guard/compare.js'
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

  // A file mounted on its own in the sandbox is written back into its inode: the same rules hold there.
  const modified = (p: string): Change[] => [{ area: 'tree', kind: 'modified', path: p } as Change]

  it('an in-place rewrite whose folder became a link to a file outside: the outside file is not touched', async () => {
    const wt = repo({ 'sub/f': 'original\n' })
    const outside = path.join(base, 'outside-inplace')
    mkdirSync(outside, { recursive: true })
    writeFileSync(path.join(outside, 'f'), 'USER PRECIOUS DATA\n')
    const before = await takeSnapshot(wt)
    renameSync(path.join(wt, 'sub'), path.join(wt, 'sub.moved'))
    symlinkSync(outside, path.join(wt, 'sub'))
    const records = await restore(before, modified('sub/f'), new Set(['sub/f']))
    expect(readFileSync(path.join(outside, 'f'), 'utf8')).toBe('USER PRECIOUS DATA\n')
    expect(records.find((r) => r.path === 'sub/f')).toMatchObject({ action: 'unrestorable', detail: expect.stringMatching(/symlink/) })
  })

  it("an in-place rewrite of a FIFO put in the file's place never opens it (no wait for a reader); a new file is written", async () => {
    const wt = repo({ 'sub/f': 'original\n' })
    const before = await takeSnapshot(wt)
    rmSync(path.join(wt, 'sub', 'f'))
    execFileSync('mkfifo', [path.join(wt, 'sub', 'f')])
    // A reader that records whether a writer ever opened the FIFO (and unblocks one that waits, so no hang).
    const marker = path.join(base, 'fifo-opened')
    const fifo = path.join(wt, 'sub', 'f')
    const reader = spawn('sh', ['-c', `sleep 2; [ -p "${fifo}" ] && cat "${fifo}" >/dev/null && echo opened > "${marker}"`], { stdio: 'ignore' })
    const records = await restore(before, modified('sub/f'), new Set(['sub/f']))
    expect(records.find((r) => r.path === 'sub/f')).toMatchObject({ action: 'rewritten' })
    expect(lstatSync(path.join(wt, 'sub', 'f')).isFile()).toBe(true)
    expect(readFileSync(path.join(wt, 'sub', 'f'), 'utf8')).toBe('original\n')
    await new Promise((r) => setTimeout(r, 2500))
    expect(existsSync(marker)).toBe(false)
    reader.kill('SIGKILL')
  })
})
