// --case-limits: the parser (defaults, subsets, off, errors that name the
// option and what is allowed), the watchdog's walk, and the run's cgroups on
// the real cgroupfs: a leaf bounds what it holds, and the cgroups of a run
// killed outright are swept (its processes ended) by the next run.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diskUsage } from '../src/sandbox/budget-watch.js'
import { CaseCgroup, closeRunCgroups, openRunCgroups } from '../src/sandbox/cgroup.js'
import { DEFAULT_CASE_LIMITS, DEFAULT_CASE_LIMITS_TEXT, describeBreach, parseCaseLimits } from '../src/sandbox/limits.js'

describe('--case-limits', () => {
  it('defaults, subsets, units and off', () => {
    expect(DEFAULT_CASE_LIMITS_TEXT).toBe('disk=512M,files=20000,procs=512,memory=4G')
    expect(parseCaseLimits('')).toEqual(DEFAULT_CASE_LIMITS)
    expect(parseCaseLimits('disk=1G,procs=64')).toEqual({ ...DEFAULT_CASE_LIMITS, disk: 2 ** 30, procs: 64 })
    expect(parseCaseLimits('memory=512MiB,files=off')).toEqual({ ...DEFAULT_CASE_LIMITS, memory: 512 * 2 ** 20, files: null })
    expect(parseCaseLimits('off')).toEqual({ disk: null, files: null, procs: null, memory: null })
  })

  it('errors name the option and what is allowed', () => {
    expect(() => parseCaseLimits('cpu=2', 'case-limits')).toThrow(/case-limits.*'cpu' is not a limit.*disk, files, procs, memory/)
    expect(() => parseCaseLimits('procs=5M')).toThrow(/--case-limits.*procs=5M is not allowed/)
    expect(() => parseCaseLimits('disk')).toThrow(/--case-limits.*not NAME=VALUE/)
    expect(() => parseCaseLimits('memory=1M')).toThrow(/--case-limits.*below the least allowed \(64M\)/)
  })

  it('a breach reads as the bound, the measure and the limit', () => {
    expect(describeBreach({ limit: 'disk', measured: 60 * 2 ** 20, max: 32 * 2 ** 20, by: 'watchdog (lstat walk)' })).toMatch(
      /^case limit disk exceeded: bytes written 60 MiB, the limit is 32 MiB \(watchdog \(lstat walk\)\)/,
    )
  })
})

describe('the watchdog walk', () => {
  it('counts entries and allocated bytes, follows no link, stops at its bound', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-walk-'))
    mkdirSync(path.join(dir, 'a'))
    writeFileSync(path.join(dir, 'a', 'f'), Buffer.alloc(64 * 1024, 1))
    symlinkSync('/usr', path.join(dir, 'link'))
    const u = diskUsage([dir])
    expect(u.entries).toBe(3)
    expect(u.bytes).toBeGreaterThanOrEqual(64 * 1024)
    expect(u.bytes).toBeLessThan(1024 * 1024)
    expect(diskUsage([dir], 2)).toMatchObject({ entries: 2, truncated: true })
  })
})

describe('the run cgroups', () => {
  it('a leaf bounds its tasks; a dead run is swept with its processes', async () => {
    const dead = spawnSync('true').pid!
    const stale = openRunCgroups('RUN_TEST_STALE', dead)
    if (!stale.cgroups) {
      // No writable cgroup here: the reason says why (policy.json records it; the watchdog bounds both).
      expect(stale.reason).toMatch(/cgroup|not writable|no cgroups/)
      return
    }
    // A process of the "killed" run, left in its idle leaf.
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' })
    await new Promise((r) => sleeper.once('spawn', r))
    for (const d of stale.cgroups.runDirs) writeFileSync(path.join(d, 'idle', 'cgroup.procs'), String(sleeper.pid))
    const gone = new Promise((r) => sleeper.once('exit', r))

    const live = openRunCgroups('RUN_TEST_LIVE')
    expect(live.cgroups).toBeDefined()
    await gone
    for (const d of stale.cgroups.runDirs) expect(existsSync(d)).toBe(false)

    // A leaf: a shell moved in may start 4 more tasks, not 40.
    const sh = spawn('sh', ['-c', 'read x'], { stdio: ['pipe', 'ignore', 'ignore'] })
    await new Promise((r) => sh.once('spawn', r))
    const leaf = new CaseCgroup(live.cgroups!, 'case-TEST', [sh.pid!], 4, 256 * 2 ** 20)
    const pidsDir = live.cgroups!.runDirs[live.cgroups!.controllers.indexOf(live.cgroups!.kind === 'cgroup v2' ? 'both' : 'pids')]
    expect(Number(readFileSync(path.join(pidsDir, 'case-TEST', 'pids.max'), 'utf8'))).toBe(5)
    // The shell's own child, born in the leaf.
    const bomb = spawnSync('sh', ['-c', `echo $$ > ${path.join(pidsDir, 'case-TEST', 'cgroup.procs')}; for i in $(seq 1 40); do sleep 30 & done; wait`], {
      timeout: 5000,
      encoding: 'utf8',
    })
    expect(bomb.stderr).toMatch(/fork|Resource temporarily unavailable|Cannot/i)
    expect(leaf.sample().forksRefused).toBeGreaterThan(0)
    leaf.endOthers()
    expect(leaf.close()).toBeUndefined()
    sh.kill()
    expect(closeRunCgroups(live.cgroups!)).toEqual([])
    for (const d of live.cgroups!.runDirs) expect(existsSync(d)).toBe(false)
  })
})
