// The parts of the snapshot the property test cannot reach by chance: the
// racy-timestamp rule (this kernel gives every write a fresh ctime; older ones
// do not), index formats other than the default (v4 path compression, a split
// index, sha256 object ids), the two tree walkers agreeing entry for entry,
// and the object store's listing.
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { GIT_ENV, gitIn, repoMaker } from './support/git-repo.js'
import { compareSnapshots } from '../src/guard/compare.js'
import { projectConfigRecord } from '../src/opencode/project-config.js'
import { F_ASSUME_VALID, indexListing, parseIndex, readIndexState } from '../src/guard/gitindex.js'
import { decodePath, encodePath } from '../src/guard/paths.js'
import { rawBlobId, takeSnapshot, takeSnapshotAfter, type TreeEntry } from '../src/guard/snapshot.js'
import { hasGnuFind, statEntry, walk, walkSince } from '../src/guard/walk.js'

const git = gitIn
const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-snapshot-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const repo = repoMaker(base)

const lines = (_dir: string, changes: ReturnType<typeof compareSnapshots>) => changes.map((c) => `${c.area} ${c.kind} ${c.path}`)

describe('racy timestamps', () => {
  it.each(['node', 'find'] as const)(
    'an entry that changed within the racy window is hashed again even when its stat data matches (walker %s)',
    async (walker) => {
      const dir = repo({ 'a.txt': 'aaaa\n' })
      const before = await takeSnapshot(dir, { walker })
      // A same-size rewrite whose stat data (as a coarse-clock kernel could
      // leave it) equals what the before-walk saw: simulated by giving the
      // before-entry the file's new stat data.
      writeFileSync(path.join(dir, 'a.txt'), 'bbbb\n')
      const now = statEntry(lstatSync(path.join(dir, 'a.txt'), { bigint: true }))
      const prev = before.tree.get('a.txt')!
      Object.assign(prev, now)
      // Its ctime lies within the window before the walk: not trusted.
      before.takenAt = (now.ctimeS + now.ctimeN / 1e9) * 1000 + 10
      expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['tree modified a.txt'])
    },
  )

  it.each(['node', 'find'] as const)('outside the window, matching stat data is trusted (which is why the window exists) (walker %s)', async (walker) => {
    const dir = repo({ 'a.txt': 'aaaa\n' })
    const before = await takeSnapshot(dir, { walker })
    writeFileSync(path.join(dir, 'a.txt'), 'bbbb\n')
    const now = statEntry(lstatSync(path.join(dir, 'a.txt'), { bigint: true }))
    Object.assign(before.tree.get('a.txt')!, now)
    before.takenAt = (now.ctimeS + now.ctimeN / 1e9) * 1000 + before.racyWindow + 1000
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual([])
  })

  it('a file the index recorded in the same instant it was written is not vouched for by the index', async () => {
    const dir = repo({ 'a.txt': 'one\n' })
    // Rewrite after the commit, then make the index claim the new stat data
    // with the old blob: only its racily-clean timestamp gives it away.
    writeFileSync(path.join(dir, 'a.txt'), 'two\n')
    const index = await readIndexState(dir, path.join(dir, '.git'), 20)
    const s = statEntry(lstatSync(path.join(dir, 'a.txt'), { bigint: true }))
    const slot = index.entries.get('a.txt')!
    index.stat.set([s.ctimeS, s.ctimeN, s.mtimeS, s.mtimeN, s.ino, s.size], slot * 6)
    index.mtimeS = s.mtimeS
    index.mtimeN = s.mtimeN
    const { statMatches } = await import('../src/guard/gitindex.js')
    expect(statMatches(index, slot, s)).toBe(false)
    index.mtimeS = s.mtimeS + 1
    expect(statMatches(index, slot, s)).toBe(true)
  })
})

describe("the repository's reflogs, seen from a linked worktree", () => {
  it("the common git dir's logs/HEAD and logs/refs/stash rewritten (git checkout - and git stash list read them) are changes", async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    writeFileSync(path.join(dir, 'a.txt'), 'stashed\n')
    gitIn(dir, 'stash', '-q')
    const wt = path.join(base, `${path.basename(dir)}-wt`)
    gitIn(dir, 'worktree', 'add', '-q', '--detach', wt)
    const before = await takeSnapshot(wt)
    appendFileSync(path.join(dir, '.git', 'logs', 'HEAD'), 'x\n')
    writeFileSync(path.join(dir, '.git', 'logs', 'refs', 'stash'), '')
    expect(lines(wt, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['repo modified .git/logs/HEAD', 'repo modified .git/logs/refs/stash'])
  })
})

describe('a big file in the git dir (uncontained, the agent can write there)', () => {
  it('is never read whole (a sparse 5 GiB file: past 64 MiB by identity and stat data), and a change to it is still found', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    const big = path.join(dir, '.git', 'info', 'big')
    writeFileSync(big, '')
    // (Read whole, it would not fit in one Buffer: the snapshot would fail.)
    truncateSync(big, 5 * 2 ** 30)
    const before = await takeSnapshot(dir)
    expect(before.repo.get('.git/info/big')?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(before.repo.get('.git/info/big')?.content).toBeUndefined()
    appendFileSync(big, 'x')
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['repo modified .git/info/big'])
  })
})

describe("the project config's record (policy.json)", () => {
  it("a .opencode that is a link is named, never followed (its target's names would leak)", () => {
    const dir = repo({ 'a.txt': 'a\n' })
    symlinkSync('/etc', path.join(dir, '.opencode'))
    expect(projectConfigRecord(dir).present).toEqual(['.opencode (a link: not followed)'])
    rmSync(path.join(dir, '.opencode'))
    mkdirSync(path.join(dir, '.opencode', 'agents'), { recursive: true })
    writeFileSync(path.join(dir, '.opencode', 'plugin.ts'), '')
    expect(projectConfigRecord(dir).present.sort()).toEqual(['.opencode/agents/', '.opencode/plugin.ts'])
  })
})

describe('index formats', () => {
  const files = { 'a.txt': 'a\n', 'dir/b.txt': 'b\n', 'dir/sub/c.txt': 'c\n', 'dir/sub/d.txt': 'd\n', 'ünï/e.txt': 'e\n' }

  async function checkAgainstGit(dir: string): Promise<void> {
    const listed = git(dir, 'ls-files', '-s', '-z')
      .split('\0')
      .filter(Boolean)
      .map((r) => {
        const [meta, p] = r.split('\t')
        return [p, meta.split(' ')[1]]
      })
    const index = await readIndexState(dir, path.join(dir, '.git'), 20)
    expect(index.parsed).toBe(true)
    expect([...index.entries.keys()].sort()).toEqual(listed.map(([p]) => p).sort())
    for (const [p, oid] of listed) expect(index.oid[index.entries.get(p)!]).toBe(oid)
    // Vouched files take the index's blob id, which is their raw blob id here.
    const before = await takeSnapshot(dir)
    for (const [p, oid] of listed) expect(before.tree.get(p)!.hash).toBe(oid)
    writeFileSync(path.join(dir, 'dir/sub/c.txt'), 'C\n')
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['tree modified dir/sub/c.txt'])
  }

  it('version 4 (prefix-compressed paths)', async () => {
    const dir = repo(files)
    git(dir, 'update-index', '--index-version', '4')
    await checkAgainstGit(dir)
  })

  it('version 3 (extended flags: skip-worktree) and its flags', async () => {
    const dir = repo(files)
    git(dir, 'update-index', '--skip-worktree', '--', 'a.txt')
    git(dir, 'update-index', '--assume-unchanged', '--', 'dir/b.txt')
    const index = await readIndexState(dir, path.join(dir, '.git'), 20)
    expect(index.flags[index.entries.get('a.txt')!]).toBe(2)
    expect(index.flags[index.entries.get('dir/b.txt')!]).toBe(1)
    // Hidden by the flags from git, seen by the guard.
    const before = await takeSnapshot(dir)
    writeFileSync(path.join(dir, 'a.txt'), 'A\n')
    writeFileSync(path.join(dir, 'dir/b.txt'), 'B\n')
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['tree modified a.txt', 'tree modified dir/b.txt'])
  })

  it('a flag change alone is a change of the index', async () => {
    const dir = repo(files)
    const before = await takeSnapshot(dir)
    git(dir, 'update-index', '--assume-unchanged', '--', 'a.txt')
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['repo modified .git/index'])
  })

  it('an index whose stat data did not move is not read again; one rewritten in place with its mtime set back is', async () => {
    const dir = repo(files)
    const file = path.join(dir, '.git', 'index')
    await new Promise((r) => setTimeout(r, 150)) // the index was written past the racy window
    const first = await readIndexState(dir, path.join(dir, '.git'), 20)
    const same = await readIndexState(dir, path.join(dir, '.git'), 20, first)
    expect(same.bytes).toBe(first.bytes)
    // Same size, same inode, mtime set back: only the ctime moved.
    const st = lstatSync(file)
    const bytes = readFileSync(file)
    const flags = 12 + 60 // first entry's flags (version 2, sha1)
    bytes[flags] |= 0x80 // assume-valid
    const sum = createHash('sha1')
      .update(bytes.subarray(0, bytes.length - 20))
      .digest()
    sum.copy(bytes, bytes.length - 20)
    const fd = openSync(file, 'r+')
    writeSync(fd, bytes, 0, bytes.length, 0)
    closeSync(fd)
    utimesSync(file, st.atime, st.mtime)
    expect(lstatSync(file).ino).toBe(st.ino)
    const again = await readIndexState(dir, path.join(dir, '.git'), 20, first)
    expect(again.bytes).not.toBe(first.bytes)
    expect(indexListing(again)).not.toBe(indexListing(first))
    expect(again.flags[again.entries.get('a.txt')!]).toBe(F_ASSUME_VALID)
  })

  it('a split index is left to git (and still compared)', async () => {
    const dir = repo(files)
    git(dir, 'update-index', '--split-index')
    const index = await readIndexState(dir, path.join(dir, '.git'), 20)
    expect(index.parsed).toBe(false)
    expect(index.entries.size).toBe(Object.keys(files).length)
    const before = await takeSnapshot(dir)
    writeFileSync(path.join(dir, 'new.txt'), 'n\n')
    git(dir, 'add', '--', 'new.txt')
    const changes = lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))
    expect(changes).toContain('tree created new.txt')
    expect(changes).toContain('repo modified .git/index')
  })

  it('a corrupt index (bad checksum) is not parsed, and differs', async () => {
    const dir = repo(files)
    const file = path.join(dir, '.git', 'index')
    const bytes = execFileSync('cat', [file])
    expect(parseIndex(bytes, 20)).toBeDefined()
    bytes[bytes.length - 1] ^= 0xff
    expect(parseIndex(bytes, 20)).toBeUndefined()
  })

  it('sha256 repositories: 64-hex blob ids, vouched and hashed alike', async () => {
    const dir = repo(files, ['--object-format=sha256'])
    const before = await takeSnapshot(dir)
    expect(before.objectFormat).toBe('sha256')
    const oid = git(dir, 'rev-parse', 'HEAD:a.txt').trim()
    expect(oid).toHaveLength(64)
    expect(before.tree.get('a.txt')!.hash).toBe(oid)
    writeFileSync(path.join(dir, 'u.txt'), 'untracked\n')
    writeFileSync(path.join(dir, 'a.txt'), 'a2\n')
    const after = await takeSnapshotAfter(before)
    expect(after.tree.get('a.txt')!.hash).toBe(rawBlobId(Buffer.from('a2\n'), 'sha256'))
    expect(lines(dir, compareSnapshots(before, after))).toEqual(['tree modified a.txt', 'tree created u.txt'])
  })
})

describe('line-ending conversion', () => {
  it('with core.autocrlf set (even after an earlier snapshot read the config) a tracked file is hashed as its bytes', async () => {
    const dir = repo({ 'a.txt': 'x\n' })
    await takeSnapshot(dir) // reads (and may remember) the config: autocrlf unset
    git(dir, 'config', 'core.autocrlf', 'true')
    writeFileSync(path.join(dir, 'a.txt'), 'x\r\n')
    git(dir, 'add', '--', 'a.txt') // the index: the LF blob, the CRLF file's stat data
    expect(git(dir, 'ls-files', '-s', 'a.txt').split(' ')[1]).toBe(rawBlobId(Buffer.from('x\n')))
    const before = await takeSnapshot(dir)
    expect(before.tree.get('a.txt')!.hash).toBe(rawBlobId(Buffer.from('x\r\n')))
    // A CRLF → LF rewrite is a change (git itself would call it clean).
    writeFileSync(path.join(dir, 'a.txt'), 'x\n')
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['tree modified a.txt'])
  })

  it('under a `text` attribute, a CRLF-only change is a change', async () => {
    const dir = repo({ '.gitattributes': '*.txt text\n', 'a.txt': 'one\ntwo\n' })
    const before = await takeSnapshot(dir)
    writeFileSync(path.join(dir, 'a.txt'), 'one\r\ntwo\r\n')
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual(['tree modified a.txt'])
  })
})

describe('walkers', () => {
  it('find and Node see the same entries, stat data included, for odd names and all entry types', async () => {
    if (!(await hasGnuFind())) throw new Error('GNU find is needed')
    const dir = repo({ 'a.txt': 'a\n' })
    const names = ['with space', 'new\nline', 'quote"d', '"lead', '-dash', 'ünï', 'back\\slash', 'tab\there', '*', '[x]']
    for (const nm of names) {
      mkdirSync(path.join(dir, nm, 'deeper'), { recursive: true })
      writeFileSync(path.join(dir, nm, 'deeper', nm), nm)
      writeFileSync(path.join(dir, nm, 'f'), nm)
    }
    writeFileSync(Buffer.concat([Buffer.from(dir + '/with space/'), Buffer.from([0xff, 0xfe])]), 'raw')
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0x72, 0xc3, 0x28])]), 'raw top')
    symlinkSync('nowhere', path.join(dir, 'dangling'))
    symlinkSync('with space', path.join(dir, 'dirlink'))
    chmodSync(path.join(dir, 'a.txt'), 0o751)
    mkdirSync(path.join(dir, 'empty', 'dir'), { recursive: true })
    const f = await walk(dir, 'find')
    const nd = await walk(dir, 'node')
    expect(f.walker).toBe('find')
    expect(nd.walker).toBe('node')
    expect([...f.entries.keys()].sort()).toEqual([...nd.entries.keys()].sort())
    for (const [k, e] of nd.entries) expect(f.entries.get(k), k).toEqual(e)
    expect([...f.dirs].sort()).toEqual([...nd.dirs].sort())
    expect(nd.entries.has(decodePath(Buffer.from([0x72, 0xc3, 0x28])))).toBe(true)
    expect(nd.dirs.has('empty/dir')).toBe(true)
    // A second find walk read against the first one: its changes applied to the first walk give what a fresh walk sees.
    unlinkSync(path.join(dir, 'with space', 'f'))
    writeFileSync(path.join(dir, 'new file'), 'x')
    appendFileSync(path.join(dir, '[x]', 'f'), 'more')
    mkdirSync(path.join(dir, 'fresh', 'dir'), { recursive: true })
    const delta = (await walkSince(dir, f.state!))!
    const fresh = await walk(dir, 'node')
    const again = new Map(f.entries)
    for (const k of delta.removed) again.delete(k)
    for (const [k, e] of delta.changed) again.set(k, e)
    expect([...again.keys()].sort()).toEqual([...fresh.entries.keys()].sort())
    for (const [k, e] of fresh.entries) expect(again.get(k), k).toEqual(e)
    expect([...delta.dirs].sort()).toEqual([...fresh.dirs].sort())
    expect([...delta.removed]).toEqual(['with space/f'])
    expect([...delta.changed.keys()].filter((k) => !f.entries.has(k) || f.entries.get(k)!.size !== fresh.entries.get(k)!.size).sort()).toEqual([
      '[x]/f',
      'new file',
    ])
  })

  it('an after-snapshot read against a find walk of several lanes agrees with a whole walk, change for change', async () => {
    if (!(await hasGnuFind())) throw new Error('GNU find is needed')
    // 260 top-level folders of 2 files each: enough start points for one find per core.
    const files: Record<string, string> = { 'top.txt': 'top\n' }
    for (let d = 0; d < 260; d++) for (let f = 0; f < 2; f++) files[`d${d}/f${f}.txt`] = `${d}.${f}\n`
    const dir = repo(files)
    writeFileSync(path.join(dir, 'd7', 'untracked.txt'), 'u\n')
    await new Promise((r) => setTimeout(r, 150)) // past the racy window
    const before = await takeSnapshot(dir, { walker: 'find' })
    expect(before.walkState!.runs.size).toBeGreaterThan(os.availableParallelism() > 1 ? 1 : 0)
    appendFileSync(path.join(dir, 'd3', 'f0.txt'), 'more\n')
    unlinkSync(path.join(dir, 'd4', 'f1.txt'))
    writeFileSync(path.join(dir, 'new-top.txt'), 'n\n') // a new start point
    writeFileSync(path.join(dir, 'd5', 'new.txt'), 'n\n') // a new start point inside a top-level folder
    mkdirSync(path.join(dir, 'dnew', 'deep'), { recursive: true })
    writeFileSync(path.join(dir, 'dnew', 'deep', 'x'), 'x')
    rmSync(path.join(dir, 'd9'), { recursive: true })
    renameSync(path.join(dir, 'd10', 'f0.txt'), path.join(dir, 'd11', 'moved.txt'))
    chmodSync(path.join(dir, 'd12', 'f1.txt'), 0o755)
    unlinkSync(path.join(dir, 'd13', 'f0.txt'))
    symlinkSync('f1.txt', path.join(dir, 'd13', 'f0.txt'))
    writeFileSync(path.join(dir, 'd7', 'untracked.txt'), 'U\n')
    const since = await takeSnapshotAfter(before)
    expect(since.since?.base).toBe(before)
    const whole = await takeSnapshotAfter(before, { walker: 'node' })
    expect(whole.since).toBeUndefined()
    const got = lines(dir, compareSnapshots(before, since))
    expect(got).toEqual(lines(dir, compareSnapshots(before, whole)))
    expect(got).toEqual([
      'tree deleted d10/f0.txt',
      'tree created d11/moved.txt',
      'tree mode d12/f1.txt',
      'tree type d13/f0.txt',
      'tree modified d3/f0.txt',
      'tree deleted d4/f1.txt',
      'tree created d5/new.txt',
      'tree modified d7/untracked.txt',
      'tree deleted d9/f0.txt',
      'tree deleted d9/f1.txt',
      'tree created dnew/deep/x',
      'tree created new-top.txt',
    ])
    expect([...since.dirs].sort()).toEqual([...whole.dirs].sort())
    // Nothing changed since: the tree is the before-snapshot's own, and no path is looked at.
    await new Promise((r) => setTimeout(r, 150))
    const again = await takeSnapshot(dir, { walker: 'find' })
    const still = await takeSnapshotAfter(again)
    expect(still.tree).toBe(again.tree)
    expect(still.since?.paths.size).toBe(0)
    expect(compareSnapshots(again, still)).toEqual([])
    rmSync(dir, { recursive: true })
  })

  it('paths that are not UTF-8 round-trip and never collide', () => {
    const raw = [Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('ü'), Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0x80])]
    const seen = new Set<string>()
    for (const b of raw) {
      const p = decodePath(b)
      expect(encodePath(p).equals(b)).toBe(true)
      expect(seen.has(p)).toBe(false)
      seen.add(p)
    }
    expect(decodePath(Buffer.from([0xff]))).not.toBe(decodePath(Buffer.from([0xfe])))
    expect(decodePath(Buffer.from([0xff]))).not.toBe('\ufffd')
  })
})

describe('repository state', () => {
  it('objects: new ones are not changes; a deleted one is a deletion', async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    const junk = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'junk\n', env: GIT_ENV }).toString().trim()
    const before = await takeSnapshot(dir)
    execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'more junk\n', env: GIT_ENV })
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual([])
    unlinkSync(path.join(dir, '.git', 'objects', junk.slice(0, 2), junk.slice(2)))
    expect(lines(dir, compareSnapshots(before, await takeSnapshotAfter(before)))).toEqual([`repo deleted .git/objects/${junk.slice(0, 2)}/${junk.slice(2)}`])
  })

  it("a linked worktree's .git file is repository state", async () => {
    const dir = repo({ 'a.txt': 'a\n' })
    const wt = `${dir}-wt`
    git(dir, 'worktree', 'add', '-q', '-b', `w-${path.basename(dir)}`, wt)
    const before = await takeSnapshot(wt)
    expect(before.repo.has('.git')).toBe(true)
    writeFileSync(path.join(wt, '.git'), `gitdir: ${path.join(dir, '.git')}\n`)
    const changes = lines(wt, compareSnapshots(before, await takeSnapshotAfter(before)))
    expect(changes).toContain('repo modified .git')
  })

  it('an untracked file whose name starts with a quote is hashed as itself', async () => {
    const dir = repo({ a: 'same\n' })
    writeFileSync(path.join(dir, '"a"'), 'other\n')
    const before = await takeSnapshot(dir)
    expect(before.tree.get('"a"')!.hash).toBe(rawBlobId(Buffer.from('other\n')))
    const entry: TreeEntry = before.tree.get('"a"')!
    expect(entry.tracked).toBe(false)
  })
})
