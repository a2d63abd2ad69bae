// The seed's isolation predicate (the checkout's git dir lies under
// <common git dir>/worktrees/), on real repositories: main checkout vs linked
// worktree, relative paths, symlinked folders, GIT_DIR / GIT_WORK_TREE and
// friends in the environment, not a repository, and look-alikes.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { checkWorktree, formatWorktreeCheck } from '../src/guard/worktree.js'

const ENV: NodeJS.ProcessEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' }
for (const v of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR']) delete ENV[v]
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' })

let base: string
let main: string
let wt: string
let oddWt: string
const LOCATION_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY']
const saved = Object.fromEntries(LOCATION_VARS.map((v) => [v, process.env[v]]))

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'dogfood-worktree-')))
  main = path.join(base, 'main')
  mkdirSync(main)
  git(main, 'init', '-q', '-b', 'main')
  writeFileSync(path.join(main, 'README.md'), 'x\n')
  mkdirSync(path.join(main, 'sub'))
  writeFileSync(path.join(main, 'sub', 'f.txt'), 'f\n')
  git(main, 'add', '-A')
  git(main, 'commit', '-q', '-m', 'init')
  wt = path.join(base, 'wt')
  git(main, 'worktree', 'add', '-q', '-b', 'wt', wt)
  oddWt = path.join(base, 'odd dir ünï\nline')
  git(main, 'worktree', 'add', '-q', '-b', 'odd', oddWt)
})
afterEach(() => {
  for (const v of LOCATION_VARS) {
    if (saved[v] === undefined) delete process.env[v]
    else process.env[v] = saved[v]
  }
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('worktree predicate', () => {
  it('main checkout: not a worktree (its git dir is the common dir)', async () => {
    const c = await checkWorktree(main)
    expect(c.is_worktree).toBe(false)
    expect(c.git_dir).toBe(path.join(main, '.git'))
    expect(c.common_dir).toBe(path.join(main, '.git'))
    expect(c.toplevel).toBe(main)
    expect(c.reason).toContain('does not lie under')
  })

  it('linked worktree: a worktree, git dir under <common>/worktrees/', async () => {
    const c = await checkWorktree(wt)
    expect(c.is_worktree).toBe(true)
    expect(c.git_dir).toBe(path.join(main, '.git', 'worktrees', 'wt'))
    expect(c.common_dir).toBe(path.join(main, '.git'))
    expect(c.toplevel).toBe(wt)
    expect(c.reason).toContain(`${path.join(main, '.git', 'worktrees')}/`)
  })

  it('a folder inside the worktree, and inside the main checkout', async () => {
    mkdirSync(path.join(wt, 'deep', 'er'), { recursive: true })
    expect((await checkWorktree(path.join(wt, 'deep', 'er'))).is_worktree).toBe(true)
    expect((await checkWorktree(path.join(main, 'sub'))).is_worktree).toBe(false)
  })

  it('relative paths resolve against the current folder', async () => {
    const relWt = path.relative(process.cwd(), wt)
    const relMain = path.relative(process.cwd(), main)
    expect(path.isAbsolute(relWt)).toBe(false)
    const c = await checkWorktree(relWt)
    expect(c.is_worktree).toBe(true)
    expect(c.directory).toBe(wt)
    expect((await checkWorktree(relMain)).is_worktree).toBe(false)
    expect((await checkWorktree(`${relWt}/../wt/./`)).is_worktree).toBe(true)
  })

  it('symlinked folders are followed to the real checkout', async () => {
    const toWt = path.join(base, 'link-to-wt')
    const toMain = path.join(base, 'link-to-main')
    symlinkSync(wt, toWt)
    symlinkSync(main, toMain)
    const c = await checkWorktree(toWt)
    expect(c.is_worktree).toBe(true)
    expect(c.directory).toBe(wt)
    const m = await checkWorktree(toMain)
    expect(m.is_worktree).toBe(false)
    expect(m.directory).toBe(main)
    // A symlinked parent folder too.
    const parentLink = path.join(base, 'link-to-base')
    symlinkSync(base, parentLink)
    expect((await checkWorktree(path.join(parentLink, 'wt'))).is_worktree).toBe(true)
    expect((await checkWorktree(path.join(parentLink, 'main'))).is_worktree).toBe(false)
  })

  it('GIT_DIR / GIT_WORK_TREE / GIT_COMMON_DIR in the environment cannot fake a worktree', async () => {
    process.env.GIT_DIR = path.join(main, '.git', 'worktrees', 'wt')
    process.env.GIT_WORK_TREE = wt
    process.env.GIT_COMMON_DIR = path.join(main, '.git')
    const m = await checkWorktree(main)
    expect(m.is_worktree).toBe(false)
    expect(m.git_dir).toBe(path.join(main, '.git'))
  })

  it('GIT_DIR / GIT_WORK_TREE / GIT_INDEX_FILE in the environment cannot hide a worktree', async () => {
    process.env.GIT_DIR = path.join(main, '.git')
    process.env.GIT_WORK_TREE = main
    process.env.GIT_INDEX_FILE = path.join(main, '.git', 'index')
    const c = await checkWorktree(wt)
    expect(c.is_worktree).toBe(true)
    expect(c.git_dir).toBe(path.join(main, '.git', 'worktrees', 'wt'))
  })

  it('GIT_DIR pointing at a worktree does not make a plain folder one', async () => {
    const plain = mkdtempSync(path.join(base, 'plain-'))
    process.env.GIT_DIR = path.join(main, '.git', 'worktrees', 'wt')
    process.env.GIT_WORK_TREE = plain
    const c = await checkWorktree(plain)
    expect(c.is_worktree).toBe(false)
    expect(c.git_dir).toBeNull()
    expect(c.reason).toMatch(/not a git repository/)
  })

  it('not a repository, and a folder that does not exist: not a worktree, no throw', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'dogfood-plain-'))
    try {
      const c = await checkWorktree(plain)
      expect(c.is_worktree).toBe(false)
      expect(c.toplevel).toBeNull()
      expect(c.reason).toMatch(/not a git repository/)
    } finally {
      rmSync(plain, { recursive: true })
    }
    const gone = await checkWorktree(path.join(base, 'no', 'such', 'folder'))
    expect(gone.is_worktree).toBe(false)
    expect(gone.reason).toMatch(/not a folder/)
    const file = path.join(base, 'a-file')
    writeFileSync(file, 'x')
    expect((await checkWorktree(file)).is_worktree).toBe(false)
  })

  it('a repository of its own inside a worktree is not the worktree', async () => {
    const nested = path.join(wt, 'nested')
    mkdirSync(nested)
    git(nested, 'init', '-q')
    const c = await checkWorktree(nested)
    expect(c.is_worktree).toBe(false)
    expect(c.git_dir).toBe(path.join(nested, '.git'))
  })

  it('a git dir that merely sits in a folder named worktrees is not a worktree', async () => {
    // `git init --separate-git-dir` into <other>/.git/worktrees/fake: its common dir is itself.
    const fake = path.join(base, 'fake')
    mkdirSync(fake)
    git(fake, 'init', '-q', '--separate-git-dir', path.join(main, '.git', 'worktrees', 'fake'))
    const c = await checkWorktree(fake)
    expect(c.git_dir).toBe(path.join(main, '.git', 'worktrees', 'fake'))
    expect(c.common_dir).toBe(c.git_dir)
    expect(c.is_worktree).toBe(false)
  })

  it('a worktree of a bare repository is a worktree', async () => {
    const bare = path.join(base, 'bare.git')
    git(base, 'clone', '-q', '--bare', main, bare)
    const bwt = path.join(base, 'bare-wt')
    git(bare, 'worktree', 'add', '-q', bwt, 'main')
    const c = await checkWorktree(bwt)
    expect(c.is_worktree).toBe(true)
    expect(c.common_dir).toBe(bare)
    expect((await checkWorktree(bare)).is_worktree).toBe(false)
  })

  it('a worktree whose path has spaces, non-ASCII and a newline', async () => {
    const c = await checkWorktree(oddWt)
    expect(c.is_worktree).toBe(true)
    expect(c.toplevel).toBe(oddWt)
    // git names the admin folder after the path, with the odd characters replaced.
    expect(c.git_dir!.startsWith(path.join(main, '.git', 'worktrees') + '/')).toBe(true)
    expect(c.directory).toBe(oddWt)
  })

  it('the evidence file states the predicate, the paths and the answer', async () => {
    const text = formatWorktreeCheck(await checkWorktree(wt))
    expect(text).toContain('predicate: git dir lies under <git common dir>/worktrees/')
    expect(text).toContain('is_worktree: true')
    expect(text).toContain(`git_dir: ${path.join(main, '.git', 'worktrees', 'wt')}`)
    expect(formatWorktreeCheck(await checkWorktree(main))).toContain('is_worktree: false')
  })
})
