// The main job, end to end: the full 15-case hermetic suite against the real
// opencode binary, in a worktree, leaving a ledger that verifies.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultJobs } from '../src/suite/pool.js'
import type { CaseResult, RunSummary } from '../src/types.js'
import { cli, fixtureRepo, git, ledgerDir } from './support/repo.js'

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

/** Processes whose working directory lies under `dir`. */
function processesUnder(dir: string): string[] {
  const out: string[] = []
  for (const pid of readdirSync('/proc').filter((n) => /^[0-9]+$/.test(n))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) out.push(pid)
    } catch {
      // gone, or not ours to read
    }
  }
  return out
}

describe('the full hermetic suite', () => {
  const { base, repo } = fixtureRepo()
  const headBefore = git(repo, 'rev-parse', 'HEAD')
  const runDir = path.join(ledgerDir(repo), 'RUN_0001')
  let r: ReturnType<typeof cli>
  let summary: RunSummary
  // A git on PATH that logs every call the harness makes, to audit them afterwards.
  const shimDir = path.join(base, 'git-shim')
  const gitLog = path.join(base, 'git-calls.log')
  beforeAll(() => {
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
    mkdirSync(shimDir)
    writeFileSync(
      path.join(shimDir, 'git'),
      `#!/bin/sh\nif [ -n "$OPENCODE_DOGFOOD_GIT" ]; then printf '%s\\n' "$*" >> '${gitLog}'; fi\nexec '${realGit}' "$@"\n`,
    )
    chmodSync(path.join(shimDir, 'git'), 0o755)
    r = cli(['run', '--stages', 'T1,T2a,T2b,T3,T4', '--fail-fast', '--containment', 'required', '--worktree', path.join(base, 'dogfood_worktree')], {
      cwd: repo,
      env: { PATH: `${shimDir}:${process.env.PATH}` },
    })
    summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
  }, 600_000)
  const result = (id: string) => JSON.parse(readFileSync(path.join(runDir, 'cases', `${id}.result.json`), 'utf8')) as CaseResult
  const evidence = (id: string, name: string) => readFileSync(path.join(runDir, 'evidence', id, name), 'utf8')

  it('passes all 15 cases and exits 0', () => {
    expect(r.status, r.stderr).toBe(0)
    expect(summary).toMatchObject({ total_cases: 15, passed: 15, failed: 0, skipped: 0, final_verdict: 'PASS' })
    expect(r.stdout).toMatch(/RUN_0001: PASS — 15 passed, 0 failed, 0 skipped of 15/)
    // The whole suite passes inside the sandbox (containment required), and says so.
    expect(summary.containment).toMatch(/^bwrap/)
  })

  it('starts as many slots as the hermetic default allows (half the cores: none beside slot 0 on fewer than 4)', () => {
    const slots = defaultJobs(true)
    if (slots < 2) expect(r.stderr).not.toMatch(/slot 1: OpenCode server ready/)
    else expect(r.stderr).toMatch(/slot 1: OpenCode server ready/)
  })

  it('Verification Matrix P01–P04 pass; F02 MODELNOTFOUND, F03 GITCLEANFAIL, F04 TIMEOUTEXCEEDED expected', () => {
    for (const id of ['T1C01', 'T2A01', 'T2B01', 'T3C01'])
      expect(result(id), id).toMatchObject({ expected_outcome: 'SUCCESS', actual_outcome: 'SUCCESS', status: 'PASS' })
    for (const [id, code] of [
      ['T1C03', 'MODELNOTFOUND'],
      ['T2B03', 'GITCLEANFAIL'],
      ['T4E02', 'TIMEOUTEXCEEDED'],
    ])
      expect(result(id), id).toMatchObject({ expected_outcome: 'EXPECTED_FAIL', actual_outcome: 'FAIL', failure_code: code, status: 'PASS' })
  })

  it('leaves a ledger that verifies, with sidecars sha256sum -c accepts', () => {
    expect(cli(['verify', runDir]).status).toBe(0)
    const dirs = new Set(
      walk(runDir)
        .filter((f) => f.endsWith('.sha256'))
        .map((f) => path.dirname(f)),
    )
    expect(dirs.size).toBe(17) // run folder, cases/, and 15 evidence folders
    for (const dir of dirs) {
      const sidecars = readdirSync(dir).filter((n) => n.endsWith('.sha256'))
      execFileSync('sha256sum', ['--strict', '-c', ...sidecars], { cwd: dir })
    }
  })

  it('records the evidence set of every case', () => {
    for (const c of summary.cases) {
      const names = result(c.case_id).evidence.map((e) => path.basename(e.path))
      for (const required of ['stdout.txt', 'stderr.txt', 'git_status.txt', 'repo_commit.txt', 'worktree_check.txt'])
        expect(names, c.case_id).toContain(required)
      expect(evidence(c.case_id, 'repo_commit.txt').trim()).toBe(headBefore.trim())
      expect(result(c.case_id).transport).toBe('sdk')
    }
    expect(evidence('T2B01', 'worktree_check.txt')).toMatch(/is_worktree: true/)
    expect(evidence('T2B01', 'git_diff.txt')).toMatch(/M\tdocs\/zz_scratch\/opencode_dogfood_probe.md/)
    expect(evidence('T3C01', 'items.txt')).toMatch(/item_01\.mjs\t"scripts\/opencode_dogfood\/sandbox\/generated\/slugify\.mjs"/)
    expect(evidence('T3C01', 'item_01.mjs')).toMatch(/export function slugify/)
    expect(evidence('T3C02', 'test_before.txt')).toMatch(/exit: 1/)
    expect(evidence('T3C02', 'test_after.txt')).toMatch(/exit: 0/)
    expect(evidence('T2B03', 'guard_violations.txt')).toMatch(/GITCLEANFAIL\tdeleted\ttree\t"scripts\/opencode_dogfood\/sandbox\/fixtures\/sentinel.txt"/)
    expect(evidence('T2B03', 'restore.txt')).toMatch(/rewritten\t"scripts\/opencode_dogfood\/sandbox\/fixtures\/sentinel.txt"/)
    expect(readdirSync(path.join(runDir, 'evidence', 'T1C02')).filter((n) => /^role_.*\.json$/.test(n))).toHaveLength(3)
    expect(result('T1C03')).toMatchObject({ status: 'PASS', failure_code: 'MODELNOTFOUND' })
    expect(result('T4E02')).toMatchObject({ status: 'PASS', failure_code: 'TIMEOUTEXCEEDED' })
  })

  it('the network namespace counters raise no false alarm: no case of the built-in suite has an unrouted (or unknown) egress entry', () => {
    for (const c of summary.cases.filter((x) => x.status !== 'SKIPPED')) {
      const log = evidence(c.case_id, 'egress.jsonl')
      expect(log, c.case_id).not.toMatch(/"kind":"unrouted"/)
      expect(c.egress_denied, c.case_id).toBeUndefined()
    }
  })

  it('writes a transcript per agent case under logs/agent_calls/, and no key anywhere', () => {
    const calls = path.join(repo, 'logs', 'agent_calls', 'RUN_0001')
    expect(readdirSync(calls).sort()).toContain('T2B01.json')
    expect(readdirSync(calls)).not.toContain('T1C03.json') // MODELNOTFOUND is decided before any prompt
    for (const f of [...walk(runDir), ...walk(calls)])
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/dogfood-(planner|coder|reviewer)-[0-9a-f]{24}|dogfood-[0-9a-f]{24}/)
  })

  it('never changes the user checkout, removes its worktree after PASS, leaves no process behind', () => {
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(headBefore)
    expect(
      git(repo, 'status', '--porcelain', '--ignored', '--untracked-files=all')
        .split('\n')
        .filter((l) => l && !/ (artifacts|logs)\//.test(l)),
    ).toEqual([])
    expect(existsSync(path.join(base, 'dogfood_worktree'))).toBe(false)
    expect(git(repo, 'worktree', 'list', '--porcelain')).not.toMatch(/dogfood_worktree/)
    expect(existsSync(path.join(repo, '.git', 'opencode'))).toBe(false)
    expect(readdirSync(base).filter((n) => n.startsWith('.opencode-dogfood-canary'))).toEqual([])
    expect(processesUnder(base)).toEqual([])
  })

  it('never runs a forbidden git operation (every harness git call audited)', () => {
    const calls = readFileSync(gitLog, 'utf8').trim().split('\n')
    // The audit saw the whole run: every one of the 15 case processes records git status for its evidence.
    expect(calls.filter((c) => c.startsWith('status --porcelain')).length).toBeGreaterThanOrEqual(15)
    expect(calls).toContain(`worktree remove -- ${path.join(base, 'dogfood_worktree')}`)
    for (const call of calls) {
      expect(call).not.toMatch(/^clean\b/)
      expect(call).not.toMatch(/^reset\b.*--hard/)
      expect(call).not.toMatch(/^checkout\b.* -- \.$/)
      expect(call).not.toMatch(/--force\b|(^| )-f( |$)/)
    }
  })

  it('a second run takes the next run id', () => {
    const again = cli(['run', '--case', 'T1C01'], { cwd: repo })
    expect(again.status, again.stderr).toBe(0)
    expect(existsSync(path.join(ledgerDir(repo), 'RUN_0002', 'cases', 'T1C01.result.json'))).toBe(true)
  })
})

describe('the cli transport', () => {
  it('runs a case through `opencode run --format json` and records it', () => {
    const { repo } = fixtureRepo()
    const r = cli(['run', '--case', 'T2A01', '--transport', 'cli'], { cwd: repo })
    expect(r.status, r.stderr).toBe(0)
    const res = JSON.parse(readFileSync(path.join(ledgerDir(repo), 'RUN_0001', 'cases', 'T2A01.result.json'), 'utf8')) as CaseResult
    expect(res).toMatchObject({ status: 'PASS', transport: 'cli' })
  })
})
