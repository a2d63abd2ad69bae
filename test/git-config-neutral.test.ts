// Issue 17, item 1: config an agent plants in the repository (uncontained, it
// can write the common dir's config, its hooks, .gitattributes, and a file the
// config includes) names programs; none of them may run in the harness's own
// git calls (snapshot, status and diff evidence, restore, worktree add/remove,
// fingerprints, layout). Each planted program appends its name to one marker
// file. A control shows that plain git, in the same repository, runs them.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GIT_ENV, gitIn, repoMaker } from './support/git-repo.js'
import { FIFO_POLL_MS, GIT_TIME_LIMIT_MS, git, gitEnv, mayRunFilters } from '../src/git.js'
import { compareSnapshots } from '../src/guard/compare.js'
import { takeFingerprint } from '../src/guard/fingerprint.js'
import { restore } from '../src/guard/restore.js'
import { takeSnapshot, takeSnapshotAfter } from '../src/guard/snapshot.js'
import { checkWorktree } from '../src/guard/worktree.js'
import { changesDiff } from '../src/cases/diff-evidence.js'
import { repoLayout } from '../src/suite/layout.js'
import { preflight } from '../src/suite/preflight.js'
import { createWorktree, removeWorktree } from '../src/suite/worktree.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-gitcfg-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

/** A shell command that appends `name` to the marker file (and, as a filter, passes its input through). */
const mark = (marker: string, name: string) => `echo ${name} >> '${marker}'; cat >/dev/null 2>&1 </dev/null; true`
const markFilter = (marker: string, name: string) => `echo ${name} >> '${marker}'; cat`

const HOOKS = ['post-checkout', 'reference-transaction', 'post-index-change', 'pre-auto-gc', 'pre-commit', 'post-commit', 'fsmonitor-watchman']

/**
 * Plant every program-running setting in the common dir's config (and, for
 * filters and diff drivers, .gitattributes in the work tree and
 * info/attributes), hooks in .git/hooks and in a hooksPath folder, and an
 * included config file that defines one more filter.
 */
function plant(repo: string, commonDir: string, worktree: string, marker: string): void {
  const cfg = (k: string, v: string) => execFileSync('git', ['config', '--file', path.join(commonDir, 'config'), k, v])
  cfg('core.fsmonitor', mark(marker, 'fsmonitor'))
  cfg('core.pager', mark(marker, 'pager'))
  cfg('pager.status', mark(marker, 'pager.status'))
  cfg('core.editor', mark(marker, 'editor'))
  cfg('sequence.editor', mark(marker, 'sequence.editor'))
  cfg('core.sshCommand', mark(marker, 'sshCommand'))
  cfg('core.askPass', mark(marker, 'askPass'))
  cfg('credential.helper', `!${mark(marker, 'credential.helper')}`)
  cfg('gpg.program', mark(marker, 'gpg.program'))
  cfg('log.showSignature', 'true')
  cfg('diff.external', mark(marker, 'diff.external'))
  cfg('diff.evil.command', mark(marker, 'diff.command'))
  cfg('diff.evil.textconv', markFilter(marker, 'textconv'))
  for (const f of ['evil', 'odd.name']) {
    cfg(`filter.${f}.clean`, markFilter(marker, `clean:${f}`))
    cfg(`filter.${f}.smudge`, markFilter(marker, `smudge:${f}`))
    cfg(`filter.${f}.required`, 'true')
  }
  // (Not required: it speaks no protocol, and a required filter that fails stops git before the others run.)
  cfg('filter.proc.process', mark(marker, 'process'))
  cfg('uploadpack.packObjectsHook', mark(marker, 'packObjectsHook'))
  cfg('core.untrackedCache', 'true')
  // An include the agent controls, defining a filter the attributes name.
  const inc = path.join(base, 'agent-include.cfg')
  writeFileSync(inc, `[filter "inc"]\n\tclean = ${markFilter(marker, 'clean:inc')}\n\tsmudge = ${markFilter(marker, 'smudge:inc')}\n`)
  cfg('include.path', inc)
  const hooksDir = path.join(base, 'agent-hooks')
  mkdirSync(hooksDir, { recursive: true })
  for (const dir of [path.join(commonDir, 'hooks'), hooksDir]) {
    for (const h of HOOKS) {
      writeFileSync(path.join(dir, h), `#!/bin/sh\necho hook:${h} >> '${marker}'\ncat >/dev/null 2>&1\nexit 0\n`)
      chmodSync(path.join(dir, h), 0o755)
    }
  }
  // info/attributes beats every .gitattributes; the work tree's names the rest.
  mkdirSync(path.join(commonDir, 'info'), { recursive: true })
  writeFileSync(path.join(commonDir, 'info', 'attributes'), '*.txt filter=evil diff=evil\n*.proc filter=proc\n*.dat filter=inc\n*.odd filter=odd.name\n')
  for (const dir of [repo, worktree]) writeFileSync(path.join(dir, '.gitattributes'), '* diff=evil\n*.txt filter=evil\n')
}

/** Move a file's mtime so git's stat test fails and it compares content (through the clean filter). */
function touch(file: string, when: number): void {
  utimesSync(file, when, when)
}

describe('the harness never runs a program named by config the agent can write', () => {
  let repo: string
  let wt: string
  let commonDir: string
  let marker: string

  beforeAll(async () => {
    repo = repoMaker(base)({
      'a.txt': 'alpha\n',
      'b.md': 'bravo\n',
      'c.dat': 'charlie\n',
      'd.odd': 'delta\n',
      'sub/e.txt': 'echo\n',
      'z.proc': 'zulu\n',
      'README.md': '# r\n',
    })
    commonDir = path.join(repo, '.git')
    wt = path.join(base, 'wt')
    gitIn(repo, 'worktree', 'add', '-q', '--detach', wt, 'HEAD')
    marker = path.join(base, 'marker.txt')
    plant(repo, commonDir, wt, marker)
  })

  it('control: plain git in this repository runs the planted programs (status: fsmonitor, clean filters; worktree add: smudge, hooks)', () => {
    // (GIT_ENV leaves out the user's global and system config, nothing more.)
    const env = { ...GIT_ENV, GIT_OPTIONAL_LOCKS: '0' }
    for (const f of ['a.txt', 'c.dat', 'd.odd', 'z.proc']) touch(path.join(wt, f), 1_000_000)
    spawnSync('git', ['status', '--porcelain'], { cwd: wt, env })
    // The planted fsmonitor answers "nothing changed", so git looked at no content: once more without it.
    spawnSync('git', ['-c', 'core.fsmonitor=false', 'status', '--porcelain'], { cwd: wt, env })
    spawnSync('git', ['diff'], { cwd: wt, env })
    spawnSync('git', ['worktree', 'add', '-q', '--detach', path.join(base, 'control-wt'), 'HEAD'], { cwd: repo, env })
    const seen = readFileSync(marker, 'utf8')
    for (const name of ['fsmonitor', 'clean:evil', 'clean:inc', 'clean:odd.name', 'process', 'smudge:evil', 'hook:reference-transaction'])
      expect(seen, name).toContain(name)
    rmSync(marker)
    spawnSync('git', ['worktree', 'remove', '--', path.join(base, 'control-wt')], {
      cwd: repo,
      env: { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.hooksPath', GIT_CONFIG_VALUE_0: '/dev/null' },
    })
    rmSync(marker, { force: true })
  })

  it("the harness's git calls (snapshot, status, diff, restore, fingerprint, layout, preflight, worktree add/remove) run none of them", async () => {
    rmSync(marker, { force: true })
    // Stat-dirty tracked files: git must compare their content (the clean filter's way in).
    for (const f of ['a.txt', 'b.md', 'c.dat', 'd.odd', 'sub/e.txt', 'z.proc']) touch(path.join(wt, f), 1_000_000)
    for (const f of ['a.txt', 'b.md']) touch(path.join(repo, f), 1_000_000)
    // Each step runs whatever the one before it did (an error is recorded, not thrown), so the marker shows every program that ran.
    const errors: string[] = []
    const step = async <T>(name: string, f: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await f()
      } catch (e) {
        errors.push(`${name}: ${(e as Error).message.split('\n')[0]}`)
        return undefined
      }
    }
    const fp = await step('fingerprint', () => takeFingerprint(repo))
    const before = await takeSnapshot(wt)
    // The agent's work: a modified tracked file, a new one, a deleted one.
    writeFileSync(path.join(wt, 'a.txt'), 'changed\n')
    writeFileSync(path.join(wt, 'new.txt'), 'new\n')
    rmSync(path.join(wt, 'b.md'))
    const after = await takeSnapshotAfter(before)
    const changes = compareSnapshots(before, after)
    expect(changes.map((c) => c.path).sort()).toEqual(['a.txt', 'b.md', 'new.txt'])
    await step('status', () => git(wt, ['status', '--porcelain']))
    await step('diff --name-status', () => git(wt, ['diff', '--name-status']))
    await step('diff', () => git(wt, ['diff']))
    await step('log -p', () => git(wt, ['log', '-1', '-p']))
    await step('changes.diff', () => changesDiff(before, after, changes))
    await step('preflight', () => preflight(wt, [], []))
    await step('worktree check', () => checkWorktree(wt))
    await step('layout', () => repoLayout(repo))
    if (fp) await step('fingerprint again', () => takeFingerprint(repo, [], fp))
    const records = await restore(before, changes)
    expect(records.filter((r) => r.action === 'unrestorable')).toEqual([])
    expect(compareSnapshots(before, await takeSnapshotAfter(before))).toEqual([])
    const made = await step('worktree add', () => createWorktree(repo, path.join(base, 'harness-wt')))
    if (made) {
      // Checked out without the smudge filter: the bytes as committed.
      expect(readFileSync(path.join(made, 'a.txt'), 'utf8')).toBe('alpha\n')
      touch(path.join(made, 'a.txt'), 1_000_000)
      const removed = await step('worktree remove', () => removeWorktree(repo, made))
      expect(removed?.message).toMatch(/removed/)
    }
    expect({ marker: existsSync(marker) ? readFileSync(marker, 'utf8') : '', errors }).toEqual({ marker: '', errors: [] })
  })
})

describe('a worktree the agent registered, removed by the harness (git worktree remove runs git status in it)', () => {
  it('runs no filter its own config (config.worktree) names', async () => {
    const repo = repoMaker(mkdtempSync(path.join(base, 'agent-reg-')))({ 'a.txt': 'alpha\n', 'README.md': '# r\n' })
    const agentWt = path.join(base, 'agent-registered-wt')
    gitIn(repo, 'worktree', 'add', '-q', '--detach', agentWt, 'HEAD')
    const marker = path.join(base, 'marker-config-worktree.txt')
    // The agent can write the git dir: per-worktree config on, a filter only that worktree's config names.
    gitIn(repo, 'config', 'extensions.worktreeConfig', 'true')
    gitIn(agentWt, 'config', '--worktree', 'filter.wtonly.clean', markFilter(marker, 'clean:wtonly'))
    mkdirSync(path.join(repo, '.git', 'info'), { recursive: true })
    writeFileSync(path.join(repo, '.git', 'info', 'attributes'), '*.txt filter=wtonly\n')
    touch(path.join(agentWt, 'a.txt'), 1_000_000)
    // Control: git itself runs it.
    spawnSync('git', ['status', '--porcelain'], { cwd: agentWt, env: { ...GIT_ENV, GIT_OPTIONAL_LOCKS: '0' } })
    expect(readFileSync(marker, 'utf8')).toContain('clean:wtonly')
    rmSync(marker)
    touch(path.join(agentWt, 'a.txt'), 2_000_000)
    const r = await git(repo, ['worktree', 'remove', '--', agentWt])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('')
  })
})

describe('the neutral config', () => {
  it('is command-line config (GIT_CONFIG_COUNT), appended after any the environment has, and wins over the repository config', () => {
    const env = gitEnv({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.name', GIT_CONFIG_VALUE_0: 'u' }, ['x'])
    const n = Number(env.GIT_CONFIG_COUNT)
    expect(env.GIT_CONFIG_KEY_0).toBe('user.name')
    const keys = Array.from({ length: n }, (_, i) => env[`GIT_CONFIG_KEY_${i}`])
    expect(keys).toContain('core.fsmonitor')
    expect(keys).toContain('core.hooksPath')
    expect(keys).toContain('filter.x.clean')
    expect(env.GIT_PAGER).toBe('cat')
    const repo = repoMaker(mkdtempSync(path.join(base, 'n-')))({ 'f.txt': 'f\n' })
    gitIn(repo, 'config', 'core.fsmonitor', 'echo nope')
    expect(execFileSync('git', ['config', 'core.fsmonitor'], { cwd: repo, env, encoding: 'utf8' }).trim()).toBe('false')
  })

  it('asks for filter names only for calls that may run a filter', () => {
    expect(mayRunFilters(['status', '--porcelain'])).toBe(true)
    expect(mayRunFilters(['worktree', 'add', '--detach', '--', '/x', 'HEAD'])).toBe(true)
    expect(mayRunFilters(['-c', 'user.name=x', 'commit', '-m', 'x'])).toBe(true)
    expect(mayRunFilters(['hash-object', '-w', '--stdin-paths'])).toBe(true)
    expect(mayRunFilters(['hash-object', '-w', '--no-filters', '--stdin-paths'])).toBe(false)
    expect(mayRunFilters(['cat-file', '--batch'])).toBe(false)
    expect(mayRunFilters(['ls-files', '-z', '-s', '-v'])).toBe(false)
    expect(mayRunFilters(['ls-files', '-m'])).toBe(true)
    expect(mayRunFilters(['worktree', 'list', '--porcelain'])).toBe(false)
    expect(mayRunFilters(['rev-parse', 'HEAD'])).toBe(false)
  })
})

describe("the harness's git calls have a time limit, and a FIFO does not hold them", () => {
  const fifoRepo = (): string => repoMaker(mkdtempSync(path.join(base, 'fifo-')))({ 'a.txt': 'a\n', 'sub/b.txt': 'b\n' })
  const fifoAt = (file: string): void => {
    rmSync(file, { force: true })
    execFileSync('mkfifo', [file])
  }
  const WAITED = /git waited on opening a FIFO .*: ended/

  it('a config the agent replaced by a FIFO (git would wait on its open for ever) ends the call at once, exit -1, saying why', async () => {
    const dir = fifoRepo()
    fifoAt(path.join(dir, '.git', 'config'))
    const r = await git(dir, ['status', '--porcelain'])
    expect(r.exitCode).toBe(-1)
    expect(r.stderr).toMatch(WAITED)
  })

  it('so does a config include naming a FIFO, and a .gitignore that is one (git status opens it)', async () => {
    const inc = fifoRepo()
    execFileSync('git', ['config', 'include.path', path.join(inc, '..', 'evil.inc')], { cwd: inc })
    fifoAt(path.join(inc, '..', 'evil.inc'))
    const a = await git(inc, ['rev-parse', 'HEAD'])
    expect([a.exitCode, a.stderr]).toEqual([-1, expect.stringMatching(WAITED)])
    const ign = fifoRepo()
    fifoAt(path.join(ign, 'sub', '.gitignore'))
    const b = await git(ign, ['status', '--porcelain'])
    expect([b.exitCode, b.stderr]).toEqual([-1, expect.stringMatching(WAITED)])
  })

  it("a FIFO in a submodule's submodule: the harness's status never enters it; one that enters submodules (as git worktree remove's does) is ended, and no git of it is left", async () => {
    const w = mkdtempSync(path.join(base, 'fifo-sub-'))
    const mk = (d: string) => {
      mkdirSync(d, { recursive: true })
      execFileSync('git', ['init', '-q', d])
      writeFileSync(path.join(d, 'f'), 'x\n')
      execFileSync('git', ['-C', d, 'add', 'f'])
      execFileSync('git', ['-C', d, '-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'init'])
    }
    const s1 = path.join(w, 's1')
    const s2 = path.join(s1, 's2')
    for (const d of [w, s1, s2]) mk(d)
    const head = (d: string) => execFileSync('git', ['-C', d, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    execFileSync('git', ['-C', s1, 'update-index', '--add', '--cacheinfo', `160000,${head(s2)},s2`])
    execFileSync('git', ['-C', w, 'update-index', '--add', '--cacheinfo', `160000,${head(s1)},s1`])
    fifoAt(path.join(s2, '.gitignore'))
    // The harness's calls never enter a submodule now (diff.ignoreSubmodules=all): the FIFO is not met.
    const plain = await git(w, ['status', '--porcelain'])
    expect([plain.exitCode, plain.stderr]).toEqual([0, ''])
    // A call that asks to (as git worktree remove does inside) enters s1 — not s2 (the neutral config reaches the
    // nested git too): a FIFO in s1 holds that git, and the call is ended.
    fifoAt(path.join(s1, '.gitignore'))
    const r = await git(w, ['status', '--porcelain', '--ignore-submodules=none'])
    expect([r.exitCode, r.stderr]).toEqual([-1, expect.stringMatching(WAITED)])
    const left = readdirSync('/proc').filter((p) => {
      try {
        return /^\d+$/.test(p) && readlinkSync(`/proc/${p}/cwd`).startsWith(w)
      } catch {
        return false
      }
    })
    expect(left).toEqual([])
  })

  it('a call past its limit is ended, exit -1, saying why; the default limit is far above any call of its own (10 minutes)', async () => {
    // git must still be running when the limit comes: a fast machine ran a plain status within 1 ms (CI stop 32).
    // A FIFO where git status reads holds it for ever; the FIFO's own end needs two looks, FIFO_POLL_MS apart.
    const dir = fifoRepo()
    fifoAt(path.join(dir, 'sub', '.gitignore'))
    expect(FIFO_POLL_MS * 2).toBeGreaterThan(100)
    const r = await git(dir, ['status', '--porcelain'], { timeLimitMs: 1 })
    expect(r.exitCode).toBe(-1)
    expect(r.stderr).toMatch(/git did not finish within 1 ms: ended/)
    expect(GIT_TIME_LIMIT_MS).toBe(600_000)
  })
})
