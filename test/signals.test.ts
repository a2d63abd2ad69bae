// Issue 9: a run interrupted at a random moment. SIGINT/SIGTERM: the CLI ends
// within 5 s with the ledger sealed (stop_reason "interrupted by …", verify
// accepts it and says so); SIGKILL: every child (server, case processes, the
// agent's) is gone within 5 s and verify calls the run incomplete. Either way
// no process is left, the user's checkout is unchanged, and a normal run works
// afterwards. CI: 4 moments (both flows, each signal, two late in the run); DOGFOOD_LONG=1: 30.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunSummary } from '../src/types.js'
import { manifest } from './support/escape-run.js'
import { processesUnder } from './support/processes.js'
import { until } from './support/wait.js'
import { CLI, cli, fixtureRepo, git, ledgerDir } from './support/repo.js'

const LONG = process.env.DOGFOOD_LONG === '1'
const TRIALS = LONG ? 30 : 4
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const

/** A small deterministic PRNG (mulberry32): the moments are random but the same on every machine. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HARNESS = (rel: string) => /^(artifacts|logs)(\/|$)|^\.git\/(worktrees|logs|objects)(\/|$)/.test(rel)

describe(`a run interrupted at a random moment (${TRIALS} moments)`, () => {
  const { base, repo } = fixtureRepo()
  const before = manifest(repo, HARNESS)
  const random = prng(9)
  const trials = Array.from({ length: TRIALS }, (_, i) => ({ i, sig: SIGNALS[i % 3], delayMs: 500 + Math.floor(random() * 14_000), inPlace: i % 2 === 1 }))

  for (const t of trials) {
    it(`#${t.i + 1}: ${t.sig} after ${t.delayMs} ms (${t.inPlace ? 'in place' : '--worktree'})`, async () => {
      const runs = existsSync(ledgerDir(repo)) ? readdirSync(ledgerDir(repo)).filter((n) => n.startsWith('RUN_')).length : 0
      const args = ['run', '--stages', 'T1,T2a,T2b', ...(t.inPlace ? [] : ['--worktree', path.join(base, `wt_${t.i}`)])]
      // In place, a worktree made by hand holds the run: the plan packet's own flow.
      let cwd = repo
      if (t.inPlace) {
        cwd = path.join(base, `hand_${t.i}`)
        git(repo, 'worktree', 'add', '-q', '--detach', cwd, 'HEAD')
      }
      const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.stdout.resume()
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
      let done = false
      void exited.then(() => (done = true))
      await new Promise((r) => setTimeout(r, t.delayMs))
      let finishedFirst = done
      const t0 = Date.now()
      if (!finishedFirst) child.kill(t.sig)
      const code = await exited
      const stopMs = Date.now() - t0
      const runDir = path.join(ledgerDir(cwd), `RUN_${String((t.inPlace ? 0 : runs) + 1).padStart(4, '0')}`)

      const summaryFile = path.join(runDir, 'run_summary.json')
      const s = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary) : undefined
      const interrupted = s?.stop_reason?.startsWith('interrupted by') === true
      // Killed outright after it had sealed its summary: the run had ended.
      if (t.sig === 'SIGKILL' && s) finishedFirst = true
      if (t.sig !== 'SIGKILL' && !finishedFirst) {
        expect(stopMs, stderr).toBeLessThan(5000)
        if (s && !interrupted) {
          // The signal interrupted nothing: it came after the last case had ended (while the run made its own last
          // checks, or wrote its output). Then every case but the last had ended before it was sent — one handled
          // during a case ends the run as interrupted — and the exit status is the verdict's, as the ledger says.
          const ends = s.cases.map((c) => statSync(path.join(runDir, 'cases', `${c.case_id}.result.json`)).mtimeMs).sort((a, b) => a - b)
          expect(
            ends.slice(0, -1).filter((m) => m >= t0),
            stderr,
          ).toEqual([])
          expect(s.final_verdict).toBe('PASS')
          expect(code, stderr).toBe(0)
          finishedFirst = true
        } else expect(code, stderr).toBe(t.sig === 'SIGINT' ? 130 : 143)
      }
      // No process left within 5 s of the signal (killed outright: the reaper and the case watchdogs).
      const left = await until(() => processesUnder(base).length === 0, 5000)
      expect(left, processesUnder(base).join('\n')).toBe(true)

      // The ledger: sealed and interrupted, or (SIGKILL) incomplete — and verify says which.
      const v = cli(['verify', runDir])
      if (s) {
        expect(v.status, v.stdout).toBe(0)
        if (!finishedFirst) {
          expect(s.final_verdict).toBe('FAIL')
          expect(s.stop_reason).toMatch(new RegExp(`^interrupted by ${t.sig} (during|before) T[0-9]`))
          expect(v.stdout).toContain('the run was interrupted')
          expect(s.skipped + s.failed).toBeGreaterThan(0)
        }
      } else if (existsSync(runDir)) {
        expect(t.sig).toBe('SIGKILL')
        expect(v.status).toBe(1)
        expect(v.stdout).toContain('incomplete: no run_summary.json')
      }

      // The user's checkout is as it was (its ledger aside); a hand-made worktree is back at HEAD but for the ledger.
      const after = manifest(repo, HARNESS)
      expect([...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k))).toEqual([])
      if (t.inPlace && t.sig !== 'SIGKILL') {
        const status = git(cwd, 'status', '--porcelain', '--untracked-files=all')
          .split('\n')
          .filter((l) => l && !/ (artifacts|logs)\//.test(l))
        expect(status).toEqual([])
      }
    }, 120_000)
  }

  it("a signal as the last case has ended cuts nothing: the run is whole, its exit status the verdict's, and the CLI says so", async () => {
    const runs = existsSync(ledgerDir(repo)) ? readdirSync(ledgerDir(repo)).filter((n) => n.startsWith('RUN_')).length : 0
    const child = spawn(process.execPath, [CLI, 'run', '--case', 'T1C01', '--worktree', path.join(base, 'wt_last')], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stdout.resume()
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    // The case's end line (progress goes to stderr): the run is in its own last checks (the ledger root, the seal).
    await new Promise<void>((r) =>
      child.stderr.on('data', (d) => {
        stderr += d
        if (/\[1\/1\] T1C01 PASS/.test(stderr)) r()
      }),
    )
    child.kill('SIGTERM')
    const code = await exited
    const s = JSON.parse(readFileSync(path.join(ledgerDir(repo), `RUN_${String(runs + 1).padStart(4, '0')}`, 'run_summary.json'), 'utf8')) as RunSummary
    expect(s.stop_reason ?? null, stderr).toBeNull()
    expect(s.final_verdict).toBe('PASS')
    expect(code, stderr).toBe(0)
    expect(stderr).toMatch(/SIGTERM (cut nothing: the last case had run to its end|: the run has already ended)/)
  }, 120_000)

  it('a normal run works afterwards', async () => {
    const r = cli(['run', '--case', 'T1C01'], { cwd: repo })
    expect(r.status, r.stderr).toBe(0)
    // The server's reaper ends a moment after the server (it polls): nothing is left within 5 s.
    expect(await until(() => processesUnder(base).length === 0, 5000), processesUnder(base).join('\n')).toBe(true)
  }, 120_000)
})
