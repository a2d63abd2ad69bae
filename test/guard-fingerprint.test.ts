// The fingerprint of the user's checkout (issue 3: "the user's own checkout is
// never touched"): every kind of change found, by stat data, by content where
// the stat data cannot vouch (racy entries), and read against an earlier find
// walk for a big checkout with the same answer as a whole walk.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  renameSync,
  symlinkSync,
  chmodSync,
  closeSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { gitIn, repoMaker } from './support/git-repo.js'
import { compareFingerprints, takeFingerprint } from '../src/guard/fingerprint.js'
import { looseObjectMatches } from '../src/guard/object-store.js'
import { indexCount } from '../src/guard/snapshot.js'
import { statEntry } from '../src/guard/walk.js'

const git = gitIn
const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-fingerprint-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const repo = repoMaker(base)
const settle = () => new Promise((r) => setTimeout(r, 150))

const show = (dir: string, changes: ReturnType<typeof compareFingerprints>) => changes.map((c) => `${c.kind} ${path.relative(dir, c.path)}`)

describe('fingerprint of a checkout', () => {
  it('finds created, modified, deleted, mode and repository changes; nothing when nothing changed', async () => {
    const dir = repo({ 'a.txt': 'a\n', 'b.txt': 'b\n', 'd/c.txt': 'c\n' })
    writeFileSync(path.join(dir, '.gitignore'), 'build/\n')
    mkdirSync(path.join(dir, 'build'))
    writeFileSync(path.join(dir, 'build', 'ignored.js'), 'x\n')
    await settle()
    const fp = await takeFingerprint(dir)
    expect(fp.walkBase).toBeUndefined() // a small checkout: Node's walk
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    appendFileSync(path.join(dir, 'a.txt'), 'more\n')
    unlinkSync(path.join(dir, 'b.txt'))
    chmodSync(path.join(dir, 'd', 'c.txt'), 0o755)
    writeFileSync(path.join(dir, 'build', 'ignored.js'), 'y\n')
    writeFileSync(path.join(dir, 'new.txt'), 'n\n')
    git(dir, 'branch', 'side')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([
      'created .git/refs/heads/side',
      'modified a.txt',
      'deleted b.txt',
      'modified build/ignored.js',
      'modified d/c.txt',
      'created new.txt',
    ])
  })

  it('the index by its listing: a stat-only rewrite is no change, a staged file is', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    const same = await takeFingerprint(dir, [], fp)
    expect(same.repo.get('.git/index (listing)')).toBe(fp.repo.get('.git/index (listing)'))
    git(dir, 'update-index', '--index-version', '4') // rewrites the index file, same entries
    const rewritten = await takeFingerprint(dir, [], fp)
    expect(rewritten.indexKey).not.toBe(fp.indexKey) // git was asked for the listing again
    expect(show(dir, compareFingerprints(fp, rewritten))).toEqual([])
    writeFileSync(path.join(dir, 'b.txt'), 'b\n')
    git(dir, 'add', 'b.txt')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)', 'created b.txt'])
  })

  it('the index listing covers the flags (assume-unchanged, skip-worktree), in a sha1 and in a sha256 repository', async () => {
    for (const init of [[], ['--object-format=sha256']]) {
      const dir = repo({ 'a.txt': 'a\n', 'b.txt': 'b\n' }, init)
      await settle()
      const fp = await takeFingerprint(dir)
      git(dir, 'update-index', '--assume-unchanged', 'a.txt')
      const flagged = await takeFingerprint(dir, [], fp)
      expect(show(dir, compareFingerprints(fp, flagged))).toEqual(['modified .git/index (listing)'])
      git(dir, 'update-index', '--no-assume-unchanged', 'a.txt')
      expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
      git(dir, 'update-index', '--skip-worktree', 'b.txt')
      expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)'])
    }
  })

  it('an entry that changed within the racy window is compared by content, even when its stat data matches', async () => {
    const dir = repo({ 'a.txt': 'aaaa\n', 'b.txt': 'bbbb\n' })
    await settle()
    writeFileSync(path.join(dir, 'a.txt'), 'AAAA\n') // just now: racy
    const fp = await takeFingerprint(dir)
    expect(fp.racy.has('a.txt')).toBe(true)
    expect(fp.racy.has('b.txt')).toBe(false)
    // A same-size rewrite whose stat data (as a coarse-clock kernel could leave
    // it) equals what the first fingerprint saw: simulated by giving the
    // earlier entry the file's new stat data.
    writeFileSync(path.join(dir, 'a.txt'), 'zzzz\n')
    const now = statEntry(lstatSync(path.join(dir, 'a.txt'), { bigint: true }))
    fp.tree.set('a.txt', { ...now, content: fp.tree.get('a.txt')!.content })
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified a.txt'])
  })

  it('a big checkout is walked by find, and a later fingerprint read against that walk agrees with a whole walk', async () => {
    const files: Record<string, string> = {}
    for (let d = 0; d < 62; d++) for (let f = 0; f < 50; f++) files[`p${d}/f${f}.txt`] = `${d}/${f}\n`
    const dir = repo(files)
    await settle()
    const fp = await takeFingerprint(dir)
    expect(fp.walkBase).toBeDefined()
    expect(fp.tree.size).toBe(3100)
    appendFileSync(path.join(dir, 'p3', 'f7.txt'), 'more\n')
    unlinkSync(path.join(dir, 'p4', 'f0.txt'))
    writeFileSync(path.join(dir, 'p5', 'new.txt'), 'n\n')
    writeFileSync(path.join(dir, 'top.txt'), 't\n')
    rmSync(path.join(dir, 'p9'), { recursive: true })
    const since = await takeFingerprint(dir, [], fp)
    const got = show(dir, compareFingerprints(fp, since))
    expect(got.filter((x) => !x.startsWith('deleted p9/'))).toEqual(['modified p3/f7.txt', 'deleted p4/f0.txt', 'created p5/new.txt', 'created top.txt'])
    expect(got.filter((x) => x.startsWith('deleted p9/'))).toHaveLength(50)
    const whole = await takeFingerprint(dir)
    expect([...since.tree.keys()].sort()).toEqual([...whole.tree.keys()].sort())
    for (const [rel, e] of whole.tree) expect({ ...since.tree.get(rel), content: undefined }, rel).toEqual({ ...e, content: undefined })
  })

  it('excluded paths (the harness’s own) are left out, walked whole or read against an earlier walk', async () => {
    const files: Record<string, string> = {}
    for (let f = 0; f < 3100; f++) files[`p${f % 40}/f${f}.txt`] = `${f}\n`
    const dir = repo(files)
    await settle()
    const fp = await takeFingerprint(dir, ['ledger/'])
    mkdirSync(path.join(dir, 'ledger'))
    writeFileSync(path.join(dir, 'ledger', 'RUN_0001.json'), '{}\n')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, ['ledger/'], fp)))).toEqual([])
  })
})

/**
 * Rewrite a sha1 index's bytes with `edit` (in place, or returning new bytes), its checksum made good
 * again (what an agent with the checkout's .git can do).
 */
function rewriteIndex(dir: string, edit: (body: Buffer) => unknown): void {
  const file = path.join(dir, '.git', 'index')
  const bytes = readFileSync(file)
  const copy = Buffer.from(bytes.subarray(0, bytes.length - 20))
  const edited = edit(copy)
  const body = Buffer.isBuffer(edited) ? edited : copy
  writeFileSync(file, Buffer.concat([body, createHash('sha1').update(body).digest()]))
}

/** The offset of the flags of `name`'s entry in a v2 index body. */
function flagsAt(body: Buffer, name: string): number {
  let off = 12
  for (let n = body.readUInt32BE(8); n > 0; n--) {
    const nul = body.indexOf(0, off + 62)
    if (body.toString('latin1', off + 62, nul) === name) return off + 60
    off += (nul - off + 8) & ~7
  }
  throw new Error(`${name}: not in the index`)
}

describe('fingerprint of a checkout: what git keeps beside the index', () => {
  it("a linked worktree's own reflog is state (git checkout - reads it): an entry the agent appended is found", async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    const userwt = path.join(path.dirname(dir), `${path.basename(dir)}-userwt`)
    git(dir, 'worktree', 'add', '-q', '-b', 'topic', userwt)
    await settle()
    const fp = await takeFingerprint(userwt)
    const head = git(dir, 'rev-parse', 'HEAD').trim()
    const log = path.join(dir, '.git', 'worktrees', path.basename(userwt), 'logs', 'HEAD')
    appendFileSync(log, `${head} ${head} A <a@b> 1700000000 +0000\tcheckout: moving from ${head} to evil\n`)
    expect(show(userwt, compareFingerprints(fp, await takeFingerprint(userwt, [], fp)))).toEqual([
      `modified ${path.relative(userwt, path.join(userwt, '.git (own)/logs/HEAD'))}`,
    ])
  })

  it('folders count even empty (an empty rebase-merge makes git say a rebase is under way; refs/ emptied by a gc)', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    git(dir, 'gc', '-q')
    await settle()
    const fp = await takeFingerprint(dir)
    mkdirSync(path.join(dir, '.git', 'rebase-merge'))
    expect(git(dir, 'status')).toMatch(/rebas/)
    rmSync(path.join(dir, '.git', 'refs', 'tags'), { recursive: true })
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['created .git/rebase-merge', 'deleted .git/refs/tags'])
  })

  it("an uninitialised submodule's empty folder removed (the user's next commit -a removes the submodule): found", async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    const head = git(dir, 'rev-parse', 'HEAD').trim()
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${head},libsub`)
    mkdirSync(path.join(dir, 'libsub'))
    git(dir, 'commit', '-qm', 'submodule')
    await settle()
    const fp = await takeFingerprint(dir)
    rmdirSync(path.join(dir, 'libsub'))
    expect(git(dir, 'status', '--porcelain')).toBe(' D libsub\n')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (gitlink libsub)'])
  })

  it('a split index (left to git) touched past a racily clean entry: what git found changed may not shrink while the file stays', async () => {
    const dir = repo({ 'f.txt': 'aaaa\n' })
    git(dir, 'update-index', '--split-index')
    await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)))
    writeFileSync(path.join(dir, 'f.txt'), 'bbbb\n')
    git(dir, 'add', 'f.txt')
    writeFileSync(path.join(dir, 'f.txt'), 'user\n')
    const status = () => execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } })
    expect(status()).toBe('MM f.txt\n')
    const fp = await takeFingerprint(dir)
    expect(fp.index).toBeUndefined()
    await new Promise((r) => setTimeout(r, 1100))
    utimesSync(path.join(dir, '.git', 'index'), new Date(), new Date())
    expect(status()).toBe('M  f.txt\n')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)'])
  })

  it("an index.lock left behind (the user's next git that writes the index fails) is found; one a git holds for a moment is not", async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    const lock = path.join(dir, '.git', 'index.lock')
    writeFileSync(lock, '')
    setTimeout(() => rmSync(lock), 300)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    writeFileSync(lock, 'stale')
    expect(spawnSync('git', ['add', 'a.txt'], { cwd: dir, encoding: 'utf8' }).stderr).toMatch(/index\.lock': File exists/)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['created .git/index.lock'])
  })
})

describe('fingerprint of a checkout whose untracked cache (UNTR extension) the agent rewrote', () => {
  it('a cache that leaves an untracked file out hides it from git status: found; git refreshing the cache is not', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    writeFileSync(path.join(dir, 'notes.txt'), "the user's notes\n")
    // The user once ran git with the cache on: the index keeps it (core.untrackedCache's default is "keep").
    git(dir, '-c', 'core.untrackedCache=true', 'status')
    await settle()
    const fp = await takeFingerprint(dir)
    expect(fp.index?.untr).toBeDefined()
    // git refreshing it (a folder touched, the cache rewritten, the same answer) is no change.
    // (Older than the index git will write: not racy, so git trusts the folder's record.)
    utimesSync(dir, new Date(), new Date(Date.now() - 60_000))
    git(dir, '-c', 'core.untrackedCache=true', 'status')
    const refreshed = await takeFingerprint(dir, [], fp)
    expect(refreshed.index?.untr).not.toBe(fp.index?.untr)
    expect(show(dir, compareFingerprints(fp, refreshed))).toEqual([])
    // The root folder's record: 1 untracked entry, no subfolder, its name, then notes.txt; the agent's has none.
    rewriteIndex(dir, (body) => {
      const ext = extensionAt(body, 'UNTR')!
      const data = body.subarray(ext.at, ext.at + ext.size)
      const old = Buffer.from('\x01\x00\x00notes.txt\x00', 'latin1')
      const at = data.indexOf(old)
      if (at < 0) throw new Error('notes.txt: not in the untracked cache')
      const forged = Buffer.concat([data.subarray(0, at), Buffer.from('\x00\x00\x00', 'latin1'), data.subarray(at + old.length)])
      const size = Buffer.alloc(4)
      size.writeUInt32BE(forged.length)
      return Buffer.concat([body.subarray(0, ext.at - 4), size, forged, body.subarray(ext.at + ext.size)])
    })
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['created .git/index (untracked cache)'])
  })
})

describe("fingerprint of a checkout whose index's stat data the agent forged", () => {
  /** Copy the work file's stat data into its index entry (what git would write had it found the file unchanged). */
  const forgeStat = (dir: string, name: string) => {
    const s = lstatSync(path.join(dir, name), { bigint: true })
    rewriteIndex(dir, (body) => {
      const at = flagsAt(body, name) - 60
      const u32 = (v: bigint) => Number(v & 0xffffffffn)
      const fields = [s.ctimeNs / 1_000_000_000n, s.ctimeNs % 1_000_000_000n, s.mtimeNs / 1_000_000_000n, s.mtimeNs % 1_000_000_000n, s.dev, s.ino]
      for (const [k, v] of fields.entries()) body.writeUInt32BE(u32(v), at + 4 * k)
      body.writeUInt32BE(u32(s.uid), at + 28)
      body.writeUInt32BE(u32(s.gid), at + 32)
      body.writeUInt32BE(u32(s.size), at + 36)
    })
  }

  it('stat data copied from a file the user changed hides the change from git (and the next checkout overwrites it): found', async () => {
    const dir = repo({ 'a.txt': 'committed\n', 'b.txt': 'b\n' })
    writeFileSync(path.join(dir, 'a.txt'), 'USER UNCOMMITTED WORK\n')
    // (Older than the index git will see: not racily clean, so git trusts stat data that matches.)
    utimesSync(path.join(dir, 'a.txt'), new Date(), new Date(Date.now() - 60_000))
    await settle()
    expect(git(dir, 'status', '--porcelain')).toContain(' M a.txt')
    const fp = await takeFingerprint(dir)
    forgeStat(dir, 'a.txt')
    // git now trusts the forged stat data: the user's work is invisible to it.
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(git(dir, 'stash')).toMatch(/No local changes/)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)'])
  })

  it("the index file's time moved past a racily clean entry: git then trusts stale stat data (the user's change vanishes): found", async () => {
    const dir = repo({ F: 'hello 1\n', G: 'other\n' })
    // At the start of a second: the add and the user's next write share it, so the entry is racily clean.
    await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)))
    writeFileSync(path.join(dir, 'F'), 'hello 2\n')
    git(dir, 'add', 'F')
    writeFileSync(path.join(dir, 'F'), 'hello 3\n')
    // (A status that may write the index would smudge the racy entry: these only look.)
    const status = () => execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } })
    expect(status()).toBe('MM F\n')
    const fp = await takeFingerprint(dir)
    await new Promise((r) => setTimeout(r, 1100))
    utimesSync(path.join(dir, '.git', 'index'), new Date(), new Date())
    // A git built without USE_NSEC compares whole seconds: F's stale stat data now passes, "hello 3" is out of sight.
    expect(status()).toBe('M  F\n')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)'])
  })

  it('a symlink entry checked out as a file (core.symlinks=false) with forged stat data: found', async () => {
    const dir = repo({ target: 'data\n' })
    symlinkSync('target', path.join(dir, 'L'))
    git(dir, 'add', 'L')
    git(dir, 'commit', '-qm', 'link')
    git(dir, 'config', 'core.symlinks', 'false')
    rmSync(path.join(dir, 'L'))
    writeFileSync(path.join(dir, 'L'), 'CHANGED')
    utimesSync(path.join(dir, 'L'), new Date(), new Date(Date.now() - 60_000))
    await settle()
    expect(git(dir, 'status', '--porcelain')).toBe(' M L\n')
    const fp = await takeFingerprint(dir)
    forgeStat(dir, 'L')
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)'])
  })

  it("an fsmonitor extension forged to mark every entry valid (core.fsmonitor on) hides the user's change: found; git's own refresh of it is not", async () => {
    const dir = repo({ F: 'hello 1\n', G: 'other\n' })
    const hook = fsmonitorHook(dir)
    git(dir, 'config', 'core.fsmonitor', hook)
    git(dir, 'config', 'core.fsmonitorHookVersion', '1')
    git(dir, 'status', '--porcelain')
    writeFileSync(path.join(dir, 'F'), "the user's change, longer\n")
    await settle()
    expect(git(dir, 'status', '--porcelain')).toBe(' M F\n')
    const fp = await takeFingerprint(dir)
    expect(fp.index?.fsmn).toBeDefined()
    // git refreshing the extension (a new token, the same answer) is no change.
    git(dir, 'status', '--porcelain')
    const refreshed = await takeFingerprint(dir, [], fp)
    expect(show(dir, compareFingerprints(fp, refreshed))).toEqual([])
    // The agent's: version 1, a time 5 s ahead, an empty dirty bitmap (no entry dirty: every one valid).
    rewriteIndex(dir, (body) => {
      const ext = extensionAt(body, 'FSMN')!
      const data = Buffer.alloc(4 + 8 + 4 + 16 + 4)
      data.writeUInt32BE(1, 0)
      data.writeBigUInt64BE(BigInt(Date.now() + 5000) * 1_000_000n, 4)
      data.writeUInt32BE(20, 12)
      data.writeUInt32BE(0, 16) // bits
      data.writeUInt32BE(1, 20) // words
      const size = Buffer.alloc(4)
      size.writeUInt32BE(data.length)
      return Buffer.concat([body.subarray(0, ext.at - 4), size, data, body.subarray(ext.at + ext.size)])
    })
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(show(dir, compareFingerprints(refreshed, await takeFingerprint(dir, [], refreshed)))).toEqual(['modified .git/index (listing)'])
    // Beside an fsmonitor, git takes the untracked cache's folders on the monitor's word: a changed cache counts as it is.
    git(dir, 'config', 'core.untrackedCache', 'true')
    git(dir, 'status', '--porcelain')
    const withCache = await takeFingerprint(dir)
    expect(withCache.index?.untr).toBeDefined()
    writeFileSync(path.join(dir, 'notes.txt'), 'n\n')
    git(dir, 'status', '--porcelain')
    expect(show(dir, compareFingerprints(withCache, await takeFingerprint(dir, [], withCache)))).toEqual([
      'created .git/index (untracked cache)',
      'created notes.txt',
    ])
  })

  it('a new fsmonitor word for a file whose size and mtime the user kept (cp -p, rsync -t) but default git would re-read: found', async () => {
    const dir = repo({ F: 'hello 1\n', G: 'other\n' })
    const hook = fsmonitorHook(dir)
    const past = new Date(Date.now() - 120_000)
    utimesSync(path.join(dir, 'F'), past, past)
    git(dir, 'update-index', '--refresh')
    git(dir, 'config', 'core.fsmonitor', hook)
    git(dir, 'config', 'core.fsmonitorHookVersion', '1')
    git(dir, 'status', '--porcelain')
    // The user's edit, a second later: same size, its mtime put back (its ctime says it changed: default git re-reads it).
    await new Promise((r) => setTimeout(r, 1100))
    writeFileSync(path.join(dir, 'F'), 'HELLO 1\n')
    utimesSync(path.join(dir, 'F'), past, past)
    await settle()
    expect(git(dir, 'status', '--porcelain')).toBe(' M F\n')
    const fp = await takeFingerprint(dir)
    rewriteIndex(dir, (body) => {
      const ext = extensionAt(body, 'FSMN')!
      const data = Buffer.alloc(4 + 8 + 4 + 16 + 4)
      data.writeUInt32BE(1, 0)
      data.writeBigUInt64BE(BigInt(Date.now() + 5000) * 1_000_000n, 4)
      data.writeUInt32BE(20, 12)
      data.writeUInt32BE(1, 20)
      return Buffer.concat([body.subarray(0, ext.at - 4), be32(data.length), data, body.subarray(ext.at + ext.size)])
    })
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/index (listing)'])
  })

  it('git refreshing stat data for files whose content is their blob is no change (a touched file, a link)', async () => {
    const dir = repo({ 'a.txt': 'a\n', 'b.txt': 'b\n' })
    symlinkSync('a.txt', path.join(dir, 'l'))
    git(dir, 'add', 'l')
    git(dir, 'commit', '-qm', 'link')
    utimesSync(path.join(dir, 'a.txt'), new Date(), new Date(Date.now() - 60_000))
    await settle()
    const fp = await takeFingerprint(dir)
    git(dir, 'update-index', '--refresh')
    const after = await takeFingerprint(dir, [], fp)
    expect(after.index).toBeDefined()
    expect(show(dir, compareFingerprints(fp, after))).toEqual([])
    // Forged onto a link whose target is not its blob: found.
    rmSync(path.join(dir, 'l'))
    symlinkSync('b.txt', path.join(dir, 'l'))
    lutimesSync(path.join(dir, 'l'), new Date(), new Date(Date.now() - 60_000))
    await settle()
    const fp3 = await takeFingerprint(dir)
    forgeStat(dir, 'l')
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(show(dir, compareFingerprints(fp3, await takeFingerprint(dir, [], fp3)))).toEqual(['modified .git/index (listing)'])
  })
})

describe('fingerprint of a checkout whose index the agent rewrote (hostile bytes, valid checksum)', () => {
  it('a name-length field that disagrees with the name: git reads another path, and the listing says the index changed', async () => {
    const dir = repo({ 'README.md': 'r\n', 'b.txt': 'b\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    rewriteIndex(dir, (body) => {
      const at = flagsAt(body, 'README.md')
      body.writeUInt16BE((body.readUInt16BE(at) & 0xf000) | 6, at)
    })
    // git itself no longer sees README.md: it reads six bytes of name (git 2.39 may print
    // whatever memory follows them, so only the absence is certain).
    expect(git(dir, 'ls-files')).not.toContain('README.md')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
  })

  it('an entry count of 0xFFFFFFFF is no crash: the index is left to git, and it changed', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    rewriteIndex(dir, (body) => body.writeUInt32BE(0xffffffff, 8))
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
  })

  it('an index replaced by a FIFO is never opened for reading (no hang): indexCount says 0, the fingerprint says the index changed', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    unlinkSync(path.join(dir, '.git', 'index'))
    execFileSync('mkfifo', [path.join(dir, '.git', 'index')])
    expect(indexCount(path.join(dir, '.git'))).toBe(0)
    const changes = show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))
    expect(changes).toContain('modified .git/index (listing)')
  })
})

/** An honest fsmonitor hook (version 1) beside `dir`: every file changed since the time git gives it (from a second before: find's -newer is in seconds). */
function fsmonitorHook(dir: string): string {
  const hook = path.join(path.dirname(dir), `${path.basename(dir)}-fsmonitor.sh`)
  writeFileSync(
    hook,
    '#!/bin/bash\n[ "$1" = 1 ] || exit 1\ns=$(( $2 / 1000000000 - 1 ))\nfind . -path ./.git -prune -o -type f \\( -newermt "@$s" -o -newerct "@$s" \\) -printf \'%P\\0\'\n',
  )
  chmodSync(hook, 0o755)
  return hook
}

/** A big-endian uint32. */
function be32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/** The offset and size of extension `sig`'s data in a v2 index body (after the entries). */
function extensionAt(body: Buffer, sig: string): { at: number; size: number } | undefined {
  let off = 12
  for (let n = body.readUInt32BE(8); n > 0; n--) off += (body.indexOf(0, off + 62) - off + 8) & ~7
  for (; off + 8 <= body.length; off += 8 + body.readUInt32BE(off + 4)) {
    if (body.toString('latin1', off, off + 4) === sig) return { at: off + 8, size: body.readUInt32BE(off + 4) }
  }
  return undefined
}

/** Rewrite the index without its extension `sig`. */
function dropExtension(dir: string, sig: string): void {
  const file = path.join(dir, '.git', 'index')
  const bytes = readFileSync(file)
  const body = bytes.subarray(0, bytes.length - 20)
  const ext = extensionAt(body, sig)
  if (!ext) throw new Error(`${sig}: not in the index`)
  const rest = Buffer.concat([body.subarray(0, ext.at - 8), body.subarray(ext.at + ext.size)])
  writeFileSync(file, Buffer.concat([rest, createHash('sha1').update(rest).digest()]))
}

describe("fingerprint of a checkout whose index's cache-tree (TREE extension) the agent rewrote", () => {
  it('pointed at another tree: git status sees nothing and git would commit that tree; the listing says the index changed', async () => {
    const dir = repo({ 'README.md': 'r\n', 'd/a.txt': 'a\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    const evilBlob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'evil\n', encoding: 'utf8' }).trim()
    const sub = git(dir, 'rev-parse', 'HEAD:d').trim()
    const evil = execFileSync('git', ['mktree'], { cwd: dir, input: `100644 blob ${evilBlob}\tREADME.md\n040000 tree ${sub}\td\n`, encoding: 'utf8' }).trim()
    rewriteIndex(dir, (body) => {
      const ext = extensionAt(body, 'TREE')
      if (!ext) throw new Error('no cache-tree')
      // The root node: an empty name, "<entries> <subtrees>\n", then its tree id.
      const oidAt = body.indexOf(10, ext.at) + 1
      Buffer.from(evil, 'hex').copy(body, oidAt)
    })
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
    // What the attack is: git's own view is clean, and the next commit's tree would be the agent's.
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(git(dir, 'write-tree').trim()).toBe(evil)
  })

  it("a cache-tree hidden in another extension's payload behind an EOIE-shaped tail (git's threaded read goes there): found", async () => {
    const dir = repo({ 'a.txt': 'one\n', 'b.txt': 'two\n' })
    git(dir, 'config', 'index.threads', '2')
    writeFileSync(path.join(dir, 'a.txt'), 'USERWORK\n')
    git(dir, 'add', 'a.txt')
    await settle()
    const fp = await takeFingerprint(dir)
    const headTree = Buffer.from(git(dir, 'rev-parse', 'HEAD^{tree}').trim(), 'hex')
    rewriteIndex(dir, (body) => {
      let end = 12
      for (let n = body.readUInt32BE(8); n > 0; n--) end += (body.indexOf(0, end + 62) - end + 8) & ~7
      const entries = body.subarray(0, end)
      const treeData = Buffer.concat([Buffer.from('\x002 0\n', 'latin1'), headTree])
      const hidden = Buffer.concat([Buffer.from('TREE'), be32(treeData.length), treeData])
      const junk = Buffer.alloc(8, 1)
      const hiddenAt = end + 8 + junk.length
      const eoie = Buffer.concat([Buffer.from('EOIE'), be32(24), be32(hiddenAt), createHash('sha1').update(hidden.subarray(0, 8)).digest()])
      const payload = Buffer.concat([junk, hidden, eoie])
      return Buffer.concat([entries, Buffer.from('UNTR'), be32(payload.length), payload])
    })
    // git's threaded read takes the hidden cache-tree: the next commit would leave the staged work out.
    expect(git(dir, 'write-tree').trim()).toBe(headTree.toString('hex'))
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
  })

  it('in a sha256 repository too: a cache-tree pointed at another tree is found, git rebuilding it is not', async () => {
    const dir = repo({ 'README.md': 'r\n', 'd/a.txt': 'a\n' }, ['--object-format=sha256'])
    await settle()
    const fp = await takeFingerprint(dir)
    const file = path.join(dir, '.git', 'index')
    const rewrite = (edit: (body: Buffer) => Buffer) => {
      const bytes = readFileSync(file)
      const body = edit(Buffer.from(bytes.subarray(0, bytes.length - 32)))
      writeFileSync(file, Buffer.concat([body, createHash('sha256').update(body).digest()]))
    }
    // Dropped and rebuilt by git: a cache, no change.
    const original = readFileSync(file)
    rewrite((body) => {
      const at = body.indexOf('TREE', 12 + 2 * 74)
      return body.subarray(0, at)
    })
    git(dir, 'write-tree')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    writeFileSync(file, original)
    const evilBlob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'evil\n', encoding: 'utf8' }).trim()
    const sub = git(dir, 'rev-parse', 'HEAD:d').trim()
    const evil = execFileSync('git', ['mktree'], { cwd: dir, input: `100644 blob ${evilBlob}\tREADME.md\n040000 tree ${sub}\td\n`, encoding: 'utf8' }).trim()
    rewrite((body) => {
      const oidAt = body.indexOf(10, body.indexOf('TREE', 12 + 2 * 74) + 8) + 1
      Buffer.from(evil, 'hex').copy(body, oidAt)
      return body
    })
    expect(git(dir, 'write-tree').trim()).toBe(evil)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
  })

  it('a cache-tree that agrees with the entries is a cache: dropped, or rebuilt by git, nothing is reported (folders, an executable, a link)', async () => {
    const dir = repo({ 'README.md': 'r\n', 'd/a.txt': 'a\n', 'd/e/f.txt': 'f\n', 'd-x/g.txt': 'g\n', 'd.y': 'y\n' })
    writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n')
    chmodSync(path.join(dir, 'run.sh'), 0o755)
    symlinkSync('d/a.txt', path.join(dir, 'link'))
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'more')
    await settle()
    const fp = await takeFingerprint(dir)
    dropExtension(dir, 'TREE')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    git(dir, 'write-tree')
    expect(extensionAt(readFileSync(path.join(dir, '.git', 'index')), 'TREE')).toBeDefined()
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
  })

  it('a valid node over an intent-to-add entry (git always invalidates one) is found, though its tree is the committed one', async () => {
    const dir = repo({ t: 't\n', 'd/b': 'b\n', 'd/c': 'c\n' })
    writeFileSync(path.join(dir, 'd', 'a'), 'new\n')
    git(dir, 'add', '-N', 'd/a')
    await settle()
    const fp = await takeFingerprint(dir)
    const oid = (rev: string) => Buffer.from(git(dir, 'rev-parse', rev).trim(), 'hex')
    // Root: 3 entries (the i-t-a one not counted), 1 subtree, HEAD's tree; d: 2 entries, HEAD's d.
    const tree = Buffer.concat([Buffer.from('\x003 1\n', 'latin1'), oid('HEAD^{tree}'), Buffer.from('d\x002 0\n', 'latin1'), oid('HEAD:d')])
    rewriteIndex(dir, (body) => {
      const ext = extensionAt(body, 'TREE')
      const head = ext ? body.subarray(0, ext.at - 8) : body
      const tail = ext ? body.subarray(ext.at + ext.size) : Buffer.alloc(0)
      const size = Buffer.alloc(4)
      size.writeUInt32BE(tree.length)
      return Buffer.concat([head, Buffer.from('TREE'), size, tree, tail])
    })
    // git takes the node: a staged addition it never made shows up.
    expect(git(dir, 'status', '--porcelain')).toMatch(/^A {2}d\/c$/m)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
  })
})

describe('fingerprint of a checkout whose object store the agent rewrote (git never checks an object against its name on read)', () => {
  const objectFile = (dir: string, oid: string) => path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2))
  const hashObject = (dir: string, text: string, write: boolean) =>
    execFileSync('git', ['hash-object', ...(write ? ['-w'] : []), '--stdin'], { cwd: dir, input: text, encoding: 'utf8' }).trim()
  const overwrite = (file: string, data: Buffer) => {
    chmodSync(file, 0o644)
    writeFileSync(file, data)
  }

  it("a loose object rewritten under its name is found (git then serves the agent's bytes); the same object freshened is not", async () => {
    const dir = repo({ 'README.md': 'r\n' })
    const oid = git(dir, 'rev-parse', 'HEAD:README.md').trim()
    await settle()
    const fp = await takeFingerprint(dir)
    // What git does to an object it would write again: its mtime set, its bytes untouched.
    utimesSync(objectFile(dir, oid), new Date(), new Date())
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    const evil = hashObject(dir, 'evil\n', true)
    overwrite(objectFile(dir, oid), readFileSync(objectFile(dir, evil)))
    expect(git(dir, 'cat-file', '-p', oid)).toBe('evil\n')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([`modified .git/objects/${oid.slice(0, 2)}/${oid.slice(2)}`])
  })

  it('a loose object planted under the name of one the user will write is found; an object git wrote is not', async () => {
    const dir = repo({ 'README.md': 'r\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    hashObject(dir, 'the agent committed this\n', true)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    const future = hashObject(dir, 'the fix the user will commit\n', false)
    mkdirSync(path.dirname(objectFile(dir, future)), { recursive: true })
    writeFileSync(objectFile(dir, future), deflateSync(Buffer.from('blob 5\0evil\n')))
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([`created .git/objects/${future.slice(0, 2)}/${future.slice(2)}`])
  })

  it('a zlib bomb as a new loose object is inflated no further than its header declares, and all of them no further than a budget', async () => {
    const dir = repo({ 'README.md': 'r\n' })
    const file = path.join(dir, 'bomb')
    // Declares 5 bytes, inflates to 64 MiB and more: the check stops at 12 bytes (header and content).
    writeFileSync(file, deflateSync(Buffer.concat([Buffer.from('blob 5\0'), Buffer.alloc(64 << 20)])))
    const budget = { left: 1000 }
    expect(looseObjectMatches(file, '0'.repeat(40), 'sha1', budget)).toBe(false)
    expect(budget.left).toBe(1000 - 12)
    // A true object larger than what is left of the budget is not inflated: unchecked, so a change.
    const oid = hashObject(dir, 'x'.repeat(2000), true)
    expect(looseObjectMatches(objectFile(dir, oid), oid, 'sha1', budget)).toBe(false)
    expect(budget.left).toBe(988)
    expect(looseObjectMatches(objectFile(dir, oid), oid, 'sha1')).toBe(true)
  })

  it("the object store moved away (a rename moves no file's stat data) and a link left in its place is found", async () => {
    const dir = repo({ 'README.md': 'r\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    const away = path.join(path.dirname(dir), `${path.basename(dir)}-store`)
    renameSync(path.join(dir, '.git', 'objects'), away)
    symlinkSync(away, path.join(dir, '.git', 'objects'))
    expect(git(dir, 'cat-file', '-p', 'HEAD:README.md')).toBe('r\n') // git follows it
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/objects')
  })

  it('a pack freshened is no change; a pack rewritten in place, its index rewritten, or alternates added are found', async () => {
    const dir = repo({ 'README.md': 'r\n', 'd/a.txt': 'a\n' })
    git(dir, 'repack', '-adq')
    const packDir = path.join(dir, '.git', 'objects', 'pack')
    const packOf = (ext: string) => path.join(packDir, readdirSync(packDir).find((n) => n.endsWith(ext))!)
    await settle()
    const fp = await takeFingerprint(dir)
    utimesSync(packOf('.pack'), new Date(), new Date())
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    const pack = readFileSync(packOf('.pack'))
    pack[20] ^= 0xff
    overwrite(packOf('.pack'), pack)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([`modified ${path.relative(dir, packOf('.pack'))}`])
    pack[20] ^= 0xff
    overwrite(packOf('.pack'), pack)
    const idx = readFileSync(packOf('.idx'))
    overwrite(packOf('.idx'), idx)
    writeFileSync(path.join(dir, '.git', 'objects', 'info', 'alternates'), '/tmp/elsewhere/objects\n')
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([
      'created .git/objects/info/alternates',
      `modified ${path.relative(dir, packOf('.idx'))}`,
    ])
  })
})

describe("fingerprint of a checkout whose index hides extensions from a linear read (git's threaded read follows EOIE and IEOT)", () => {
  const threaded = ['-c', 'index.recordEndOfIndexEntries=true', '-c', 'index.recordOffsetTable=true', '-c', 'index.threads=4']
  const many = () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`d/f${i}`, `${i}\n`]))

  it('an index git wrote with EOIE and IEOT is read as any other: nothing reported', async () => {
    const dir = repo(many())
    await settle()
    const fp = await takeFingerprint(dir)
    // (A version change makes git write the index: with these settings, with both tables.)
    execFileSync('git', [...threaded, 'update-index', '--index-version', '3'], { cwd: dir })
    execFileSync('git', [...threaded, 'update-index', '--index-version', '2'], { cwd: dir })
    const bytes = readFileSync(path.join(dir, '.git', 'index'))
    expect([extensionAt(bytes, 'EOIE'), extensionAt(bytes, 'IEOT')].every(Boolean)).toBe(true)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
  })

  it('a cache-tree hidden in an extension git does not know, reachable through EOIE: the index changed', async () => {
    const dir = repo(many())
    const evil = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'evil\n', encoding: 'utf8' }).trim()
    await settle()
    const fp = await takeFingerprint(dir)
    rewriteIndex(dir, (body) => {
      let off = 12
      for (let n = body.readUInt32BE(8); n > 0; n--) off += (body.indexOf(0, off + 62) - off + 8) & ~7
      const payload = Buffer.concat([Buffer.from('\0-1 1\nd\0' + '29 0\n', 'latin1'), Buffer.from(evil, 'hex')])
      const hidden = Buffer.concat([Buffer.from('TREE'), be32(payload.length), payload])
      const zzzz = Buffer.concat([Buffer.from('ZZZZ'), u32(hidden.length), hidden])
      const eoie = Buffer.concat([Buffer.from('EOIE'), u32(24), u32(off + 8), createHash('sha1').update(hidden.subarray(0, 8)).digest()])
      return Buffer.concat([body.subarray(0, off), zzzz, eoie])
    })
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git/index (listing)')
  })
})

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

describe('fingerprint of a checkout whose object store gained a pack under a temporary-looking name', () => {
  it('objects/pack/tmp_evil.{idx,pack} is found: git loads any *.idx there, whatever its name', async () => {
    const dir = repo({ 'README.md': 'r\n' })
    const donor = repo({ 'README.md': 'evil\n' })
    git(donor, 'repack', '-adq')
    await settle()
    const fp = await takeFingerprint(dir)
    const from = path.join(donor, '.git', 'objects', 'pack')
    const to = path.join(dir, '.git', 'objects', 'pack')
    mkdirSync(to, { recursive: true })
    for (const n of readdirSync(from)) writeFileSync(path.join(to, n.replace(/^pack-[0-9a-f]+/, 'tmp_evil')), readFileSync(path.join(from, n)))
    const donorHead = git(donor, 'rev-parse', 'HEAD').trim()
    expect(git(dir, 'cat-file', '-t', donorHead).trim()).toBe('commit') // git reads from it
    // (A newer git also writes a .rev beside them: each file copied is found.)
    const copied = readdirSync(to).map((n) => `created .git/objects/pack/${n}`)
    expect(copied).toEqual(expect.arrayContaining(['created .git/objects/pack/tmp_evil.idx', 'created .git/objects/pack/tmp_evil.pack']))
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(copied.sort())
  })
})

describe('fingerprint of a checkout with a huge file the agent left', () => {
  it('a sparse file of 1 TiB in .git is compared by its stat data, not read; a write to it is still found', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    const huge = path.join(dir, '.git', 'info', 'huge')
    mkdirSync(path.dirname(huge), { recursive: true })
    writeFileSync(huge, '')
    truncateSync(huge, 2 ** 40)
    await settle()
    // (Read whole, this would take hours and the test would time out.)
    const fp = await takeFingerprint(dir)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual([])
    const fd = openSync(huge, 'r+')
    writeSync(fd, 'x', 0)
    closeSync(fd)
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toEqual(['modified .git/info/huge'])
  })
})

describe("fingerprint of a checkout whose .git the agent replaced or whose worktree's own git dir it changed", () => {
  it('.git swapped for a link to a copy of itself: the entry changed', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    await settle()
    const fp = await takeFingerprint(dir)
    execFileSync('cp', ['-a', path.join(dir, '.git'), path.join(dir, '..', 'copy.git')])
    renameSync(path.join(dir, '.git'), path.join(dir, '..', 'orig.git'))
    symlinkSync(path.join(dir, '..', 'copy.git'), path.join(dir, '.git'))
    expect(show(dir, compareFingerprints(fp, await takeFingerprint(dir, [], fp)))).toContain('modified .git (entry)')
  })

  it('a linked worktree as the checkout: nothing when nothing changed; its HEAD moved and its .git file rewritten are found', async () => {
    const main = repo({ 'a.txt': 'a\n' })
    git(main, 'commit', '-q', '--allow-empty', '-m', 'second')
    const lw = path.join(path.dirname(main), `${path.basename(main)}-lw`)
    git(main, 'worktree', 'add', '-q', '--detach', lw, 'HEAD')
    await settle()
    const fp = await takeFingerprint(lw)
    expect(show(lw, compareFingerprints(fp, await takeFingerprint(lw, [], fp)))).toEqual([])
    git(lw, 'update-ref', '--no-deref', 'HEAD', 'HEAD~1')
    expect(show(lw, compareFingerprints(fp, await takeFingerprint(lw, [], fp)))).toContain('modified .git (own)/HEAD')
    writeFileSync(path.join(lw, '.git'), `gitdir: ${path.join(path.dirname(main), 'elsewhere')}\n`)
    expect(show(lw, compareFingerprints(fp, await takeFingerprint(lw, [], fp)))).toContain('modified .git (entry)')
  })
})
