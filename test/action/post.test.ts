// The post step (dist/post.js, run as the runner runs it, with the main
// step's state): it stops an opencode server and a case process the run left
// alive — and nothing else — and reports a worktree left behind.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writePidLauncher } from '../../src/action/pids.js'
import { node24 } from '../support/action/node24.js'
import { commands, runStep } from '../support/action/runner.js'

const started: ChildProcess[] = []
afterAll(() => {
  for (const c of started) {
    try {
      process.kill(-c.pid!, 'SIGKILL')
    } catch {
      // gone
    }
  }
})

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('post step', () => {
  const node = node24().bin
  const dir = mkdtempSync(path.join(os.tmpdir(), 'post-test-'))

  it('stops the leftover server and case process, spares an unrelated pid, reports the worktree', async () => {
    const stateDir = path.join(dir, 'state')
    // A stand-in for the opencode binary that never exits, started through the action's launcher.
    const fake = path.join(dir, 'fake', 'opencode')
    mkdirSync(path.dirname(fake), { recursive: true })
    writeFileSync(fake, '#!/bin/sh\nsleep 300\n')
    chmodSync(fake, 0o755)
    const launcher = writePidLauncher(stateDir)
    const server = spawn(launcher, [fake, 'serve', '--port', '0'], { detached: true, stdio: 'ignore' })
    started.push(server)
    await waitFor(() => commandHas(server.pid!, 'opencode'))
    // A case process (as the suite starts it: `node dist/cli.js __case CTX PIDFILE`).
    const runTmp = path.join(stateDir, 'tmp', 'opencode-dogfood-RUN_0001-abc')
    mkdirSync(runTmp, { recursive: true })
    const caseProc = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300000)', '__case'], { detached: true, stdio: 'ignore' })
    started.push(caseProc)
    writeFileSync(path.join(runTmp, 'T1C01.pid'), String(caseProc.pid))
    // A pid file whose pid now belongs to something else: must be left alone.
    const other = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' })
    started.push(other)
    writeFileSync(path.join(runTmp, 'T1C02.pid'), String(other.pid))
    const worktree = path.join(dir, 'worktree')
    mkdirSync(worktree)

    const r = await runStep({
      node,
      entry: 'dist/post.js',
      env: { PATH: process.env.PATH! },
      dir: path.join(dir, 'step1'),
      state: { 'state-dir': stateDir, worktree, 'repo-dir': '/repo' },
    })
    expect(r.exitCode).toBe(0)
    const warnings = commands(r.stdout, 'warning')
    expect(warnings.filter((w) => w.includes('stopped a process the run left behind'))).toHaveLength(2)
    expect(warnings.some((w) => w.includes(`pid ${server.pid}`))).toBe(true)
    expect(warnings.some((w) => w.includes(`pid ${caseProc.pid}`))).toBe(true)
    expect(warnings.some((w) => w.includes(`worktree left behind at ${worktree}: the main step ended without a verdict`))).toBe(true)
    await waitFor(() => !alive(server.pid!) && !alive(caseProc.pid!))
    expect(alive(other.pid!)).toBe(true)
  })

  it('a FAIL verdict keeps the worktree: a notice, not a warning', async () => {
    const worktree = path.join(dir, 'worktree-fail')
    mkdirSync(worktree)
    const r = await runStep({
      node,
      entry: 'dist/post.js',
      env: { PATH: process.env.PATH! },
      dir: path.join(dir, 'step2'),
      state: { 'state-dir': path.join(dir, 'empty'), worktree, verdict: 'FAIL', 'repo-dir': '/repo' },
    })
    expect(r.exitCode).toBe(0)
    expect(commands(r.stdout, 'notice').join()).toContain(
      `worktree kept for inspection at ${worktree} (verdict FAIL). Remove it with: git -C /repo worktree remove ${worktree}`,
    )
    expect(commands(r.stdout, 'warning')).toEqual([])
  })

  it('a main step killed before it sealed its ledger: the incomplete RUN folder is named as an error', async () => {
    const runDir = path.join(dir, 'ledger', 'RUN_0003')
    mkdirSync(path.join(runDir, 'evidence', 'T1C01'), { recursive: true })
    const r = await runStep({
      node,
      entry: 'dist/post.js',
      env: { PATH: process.env.PATH! },
      dir: path.join(dir, 'step4'),
      state: { 'state-dir': path.join(dir, 'empty'), 'run-dir': runDir },
    })
    expect(r.exitCode).toBe(0)
    expect(commands(r.stdout, 'error').join()).toContain(`post: ${runDir} is incomplete: no run_summary.json`)
  })

  it('with no state (main stopped at its inputs) there is nothing to do', async () => {
    const r = await runStep({ node, entry: 'dist/post.js', env: { PATH: process.env.PATH! }, dir: path.join(dir, 'step3') })
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('post: nothing to clean up')
  })
})

function commandHas(pid: number, text: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)
  } catch {
    return false
  }
}
