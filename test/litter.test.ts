// Issue 17: a run killed outright (SIGKILL) leaves nothing outside its worktree and its ledger that breaks or
// changes the next run. Before: the canary `.opencode-dogfood-canary-RUN_0001` stayed beside the worktree and
// the next run in another worktree of that folder (its own RUN_0001) crashed with EEXIST; uncontained,
// OpenCode's project id file `.git/opencode` stayed in the user's checkout. Real runs through dist/cli.js.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { canaryContent, currentOwner, plantCanary, removeCanary, sweepStaleCanaries } from '../src/guard/canary.js'
import { processesUnder } from './support/processes.js'
import { until } from './support/wait.js'
import { CLI, cli, fixtureRepo, git } from './support/repo.js'

// `off`: OpenCode writes its project id into the common git dir (contained, that dir is read-only to it);
// `required`: the canary alone (bubblewrap must be installed).
describe.each(['off', 'required'] as const)('a run killed with SIGKILL mid-case (--containment %s)', (containment) => {
  it('leaves no canary and no .git/opencode, and the next run in the same folder succeeds', async () => {
    const { base, repo } = fixtureRepo()
    const wtA = path.join(base, 'wt_a')
    const wtB = path.join(base, 'wt_b')
    git(repo, 'worktree', 'add', '-q', '--detach', wtA, 'HEAD')
    git(repo, 'worktree', 'add', '-q', '--detach', wtB, 'HEAD')
    const entries = readdirSync(base).sort()
    expect(entries).toEqual(['repo', 'wt_a', 'wt_b'])

    const child = spawn(process.execPath, [CLI, 'run', '--stages', 'T1,T2a,T2b', '--containment', containment], { cwd: wtA, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    // The progress lines go to stderr, the verdict table to stdout.
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const exited = new Promise((r) => child.on('exit', r))
    // Mid-case: the second case has started (the server is up, OpenCode has written its project id by now).
    expect(await until(() => /\[2\/9\] \S+ \(T1\) …/.test(out), 240_000), out).toBe(true)
    if (containment === 'off')
      expect(existsSync(path.join(repo, '.git', 'opencode')), 'OpenCode wrote its project id (else this test proves nothing about it)').toBe(true)
    expect(readdirSync(base).filter((n) => n.startsWith('.opencode-dogfood-canary-'))).toHaveLength(1)
    child.kill('SIGKILL')
    await exited

    // Nothing of the killed run is left running, and (its reaper) nothing of it outside its worktree and ledger.
    expect(await until(() => processesUnder(base).length === 0, 30_000), processesUnder(base).join('\n')).toBe(true)
    expect(readdirSync(base).sort()).toEqual(entries)
    expect(existsSync(path.join(repo, '.git', 'opencode'))).toBe(false)

    // The next run in the same folder (its ledger's RUN_0001 too) works and leaves nothing either.
    const r = cli(['run', '--case', 'T2B03', '--containment', containment], { cwd: wtB })
    expect(r.status, r.stderr + r.stdout).toBe(0)
    expect(r.stderr).not.toMatch(/EEXIST|at .*\.js/)
    const ls = spawnSync('ls', ['-a', base], { encoding: 'utf8' }).stdout.trim().split('\n')
    expect(ls).toEqual(['.', '..', 'repo', 'wt_a', 'wt_b'])
    expect(existsSync(path.join(repo, '.git', 'opencode'))).toBe(false)
  }, 600_000)
})

describe('stale canaries (a run killed before its reaper could remove it)', () => {
  it('are removed by the next run only when planted by a process that is gone, and only when still ours', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-canary-'))
    // A process that has ended: its pid is free (or reused by a process started at another time).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const dead = { ...currentOwner(), pid: Number(gone.stdout), start: '1' }
    const stale = path.join(dir, '.opencode-dogfood-canary-RUN_0001-0a1b2c3d')
    writeFileSync(stale, canaryContent('RUN_0001', dead))
    // Same dead owner, but the file was changed: not provably ours, left alone.
    const changed = path.join(dir, '.opencode-dogfood-canary-RUN_0002-0a1b2c3d')
    writeFileSync(changed, canaryContent('RUN_0002', dead) + 'x')
    // A live run's (this process): left alone.
    const live = plantCanary(dir, 'RUN_0003')
    // Another host's: cannot be told, left alone.
    const other = path.join(dir, '.opencode-dogfood-canary-RUN_0004-0a1b2c3d')
    writeFileSync(other, canaryContent('RUN_0004', { ...dead, host: 'elsewhere.example' }))
    // Not a canary's name: never looked at.
    const mine = path.join(dir, '.opencode-dogfood-canary-notes')
    writeFileSync(mine, canaryContent('RUN_0005', dead))

    expect(sweepStaleCanaries(dir)).toEqual([stale])
    expect(readdirSync(dir).sort()).toEqual([path.basename(mine), path.basename(changed), path.basename(live.file), path.basename(other)].sort())
    // Two runs of one folder (each its own RUN_0003) get two canaries: unique names, created with O_EXCL.
    const second = plantCanary(dir, 'RUN_0003')
    expect(second.file).not.toBe(live.file)
    expect(readFileSync(second.file, 'utf8')).toMatch(
      new RegExp(`^opencode-dogfood canary for RUN_0003: .*\\nowner: host=\\S+ boot=\\S+ pid=${process.pid} start=\\S+\\n[0-9a-f]{32}\\n$`),
    )
    removeCanary(live)
    removeCanary(second)
  })
})
