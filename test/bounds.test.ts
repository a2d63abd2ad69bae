// Bounds (--case-limits), with real bwrap, real OpenCode and the scripted
// model playing the agent's shell commands: a fork bomb, a 1 GiB write,
// 100,000 files and a memory hog are each ended with their reason
// (TIMEOUTEXCEEDED, the bound, the measure, the limit), the worktree is
// restored, the next case runs and passes, and no process and no cgroup of
// the run is left.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseResult, RunSummary } from '../src/types.js'
import { NO_CGROUP_VAR } from '../src/sandbox/cgroup.js'
import { processesUnder } from './support/processes.js'
import { cliAsync, fixtureRepo } from './support/repo.js'

const SANDBOX = 'scripts/opencode_dogfood/sandbox'
const bash = (command: string) => ({ tool_calls: [{ name: 'bash', arguments: { command, description: 'bounds' } }] })

/** The runs' cgroup folders that exist now (v2, or v1's memory and pids hierarchies). */
/** Is the process `pid` gone? */
function dead(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return false
  } catch {
    return true
  }
}

/** The run cgroups (opencode-dogfood/run-<pid>-<runId>) whose run has ended: another suite on the machine may hold live ones. */
function endedRunCgroups(): string[] {
  return runCgroups().filter((d) => dead(Number(/run-(\d+)-/.exec(path.basename(d))?.[1] ?? 0)))
}

function runCgroups(): string[] {
  return ['/sys/fs/cgroup/opencode-dogfood', '/sys/fs/cgroup/memory/opencode-dogfood', '/sys/fs/cgroup/pids/opencode-dogfood'].flatMap((b) => {
    try {
      return readdirSync(b)
        .filter((n) => n.startsWith('run-'))
        .map((n) => path.join(b, n))
    } catch {
      return []
    }
  })
}

// The fork bomb goes last: without a cgroup the watchdog needs minutes to win the race against it (README, Bounds),
// and the 2-core machine crawls meanwhile; the case after it (T2B95) shows the run and the machine survive.
const BOUNDED = [
  { id: 'T2B91', limit: 'disk', purpose: 'a 1 GiB write', command: `dd if=/dev/zero of=${SANDBOX}/big.bin bs=1M count=1024 2>&1 | tail -1` },
  { id: 'T2B92', limit: 'files', purpose: '100,000 files', command: `mkdir -p ${SANDBOX}/many && cd ${SANDBOX}/many && seq 1 100000 | xargs touch` },
  { id: 'T2B93', limit: 'memory', purpose: 'a memory hog', command: `awk 'BEGIN { s = "x"; for (;;) s = s s }'` },
  { id: 'T2B94', limit: 'procs', purpose: 'a fork bomb', command: 'bomb() { bomb | bomb & }; bomb; sleep 30' },
]

const LONG = process.env.DOGFOOD_LONG === '1'

// With the cgroup where this host has a writable one, and with the watchdog alone (what a host without one gets).
// The watchdog alone needs minutes to end a fork bomb on a 2-core machine (README, Bounds): CI runs that one
// bound with the cgroup mode only (where the host has no cgroup, that mode is the watchdog too), DOGFOOD_LONG=1
// in both modes.
const MODES = [
  { label: 'cgroup where writable', env: {}, bounded: BOUNDED },
  { label: 'watchdog alone', env: { [NO_CGROUP_VAR]: '1' }, bounded: BOUNDED.filter((b) => LONG || b.limit !== 'procs') },
]

for (const mode of MODES)
  describe(`bounds (${mode.label}): each case ended with its reason, the run survives`, () => {
    let summary: RunSummary
    let results: Map<string, CaseResult>
    let runDir: string
    let base: string
    let stderr: string
    let cgroupsBefore: string[]
    beforeAll(async () => {
      const f = fixtureRepo()
      base = f.base
      const cases = [
        ...mode.bounded.map((b) => ({
          id: b.id,
          stage: 'T2b',
          expected_outcome: 'EXPECTED_FAIL',
          expected_failure_code: 'TIMEOUTEXCEEDED',
          purpose: b.purpose,
          prevention: 'off',
          prompt: `Bounds: ${b.purpose}.`,
          turns: [bash(b.command), { text: 'done' }],
        })),
        {
          id: 'T2B95',
          stage: 'T2b',
          expected_outcome: 'SUCCESS',
          purpose: 'a case after them runs as usual',
          prevention: 'off',
          prompt: 'Write a small file.',
          turns: [bash(`echo fine > ${SANDBOX}/after.txt`), { text: 'done' }],
        },
      ]
      const file = path.join(base, 'bounds.json')
      writeFileSync(file, JSON.stringify({ cases }, null, 2))
      cgroupsBefore = runCgroups()
      const wt = path.join(base, 'wt')
      const r = await cliAsync(
        [
          'run',
          '--stages',
          'T2b',
          '--cases-file',
          file,
          '--containment',
          'required',
          '--worktree',
          wt,
          '--case-limits',
          'disk=32M,files=500,procs=64,memory=768M',
        ],
        { cwd: f.repo, env: mode.env },
      )
      stderr = r.stderr
      runDir = path.join(f.repo, 'artifacts', 'ledger', 'opencode_dogfood', 'RUN_0001')
      if (!existsSync(path.join(runDir, 'run_summary.json'))) throw new Error(`no run summary; the CLI exited ${r.status}:\n${r.stderr}\n${r.stdout}`)
      summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
      results = new Map(cases.map((c) => [c.id, JSON.parse(readFileSync(path.join(runDir, 'cases', `${c.id}.result.json`), 'utf8')) as CaseResult]))
    }, 600_000)

    for (const b of mode.bounded) {
      it(`${b.purpose}: ended with TIMEOUTEXCEEDED naming ${b.limit}, the measure and the limit; its tree restored`, () => {
        const r = results.get(b.id)!
        expect(r.actual_outcome, stderr).toBe('FAIL')
        expect(r.failure_code, r.reason).toBe('TIMEOUTEXCEEDED')
        expect(r.reason).toMatch(new RegExp(`^case limit ${b.limit} exceeded: .*, the limit is `))
        expect(r.status).toBe('PASS')
        const restore = path.join(runDir, 'evidence', b.id, 'restore.txt')
        if (existsSync(restore)) expect(readFileSync(restore, 'utf8')).toContain('tree matches the before-snapshot')
        const policy = JSON.parse(readFileSync(path.join(runDir, 'evidence', b.id, 'policy.json'), 'utf8'))
        expect(policy.limits.case_limits).toBe('disk=32M,files=500,procs=64,memory=768M')
        const by = policy.limits.enforcement[b.limit].by
        if (mode.env[NO_CGROUP_VAR as keyof typeof mode.env] || b.limit === 'disk' || b.limit === 'files') expect(by).toBe('watchdog')
        else expect(by).toMatch(/^(cgroup v2|cgroup v1|watchdog)$/)
      })
    }

    it('the case after them runs and passes; the run passes', () => {
      expect(results.get('T2B95')!.status, results.get('T2B95')!.reason).toBe('PASS')
      expect(summary.final_verdict, JSON.stringify(summary.cases.map((c) => [c.case_id, c.status, c.reason]))).toBe('PASS')
    })

    it('no process of the run is left, and no cgroup of the run', async () => {
      await new Promise((r) => setTimeout(r, 1500))
      expect(processesUnder(base)).toEqual([])
      expect(endedRunCgroups().filter((d) => !cgroupsBefore.includes(d))).toEqual([])
    })
  })
