// `opencode-dogfood diff`: two real hermetic runs of the same commit (T1 and
// T2a through the real CLI and OpenCode) show no difference; a copy of a run
// with one case's result and evidence changed shows exactly that case and those
// fields; a folder that is no run is one line and exit 2. The normalisation
// rules each get an example, and a real change is never normalised away.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunDiff } from '../src/ledger/diff.js'
import { normalizeEvidence, normalizeJson, normalizeText, NO_PROCESS_LINE, type RunContext } from '../src/ledger/normalize.js'
import { cli, fixtureRepo, git, ledgerDir } from './support/repo.js'

let repo: string
let runA: string
let runB: string
let scratch: string

function diffCli(...args: string[]) {
  return cli(['diff', ...args], { cwd: repo })
}

function editJson(file: string, edit: (v: Record<string, unknown>) => void): void {
  const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  edit(v)
  writeFileSync(file, JSON.stringify(v, null, 2) + '\n')
}

beforeAll(() => {
  repo = fixtureRepo().repo
  for (let i = 0; i < 2; i++) {
    const r = cli(['run', '--stages', 'T1,T2a', '--repo', repo], { cwd: repo })
    expect(r.status, r.stderr + r.stdout).toBe(0)
  }
  runA = path.join(ledgerDir(repo), 'RUN_0001')
  runB = path.join(ledgerDir(repo), 'RUN_0002')
  scratch = mkdtempSync(path.join(os.tmpdir(), 'dogfood-diff-'))
}, 900_000)

describe('opencode-dogfood diff on real runs', () => {
  it('two hermetic runs of the same commit show no difference (exit 0)', () => {
    const r = diffCli(runA, runB)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('no difference (6 case(s) compared')
    expect(r.status).toBe(0)
    const j = diffCli(runA, runB, '--json')
    expect(j.status).toBe(0)
    const d = JSON.parse(j.stdout) as RunDiff
    expect(d).toMatchObject({ same: true, run: [], cases: [], a: { run_id: 'RUN_0001' }, b: { run_id: 'RUN_0002' } })
    expect(d.unchanged).toEqual(['T1C01', 'T1C02', 'T1C03', 'T2A01', 'T2A02', 'T2A03'])
  })

  it('a run with one case changed shows exactly that case and those fields (exit 1)', () => {
    const changed = path.join(scratch, 'changed', 'RUN_0003')
    cpSync(runB, changed, { recursive: true })
    editJson(path.join(changed, 'cases', 'T2A02.result.json'), (v) => {
      v.status = 'FAIL'
      v.actual_outcome = 'FAIL'
      v.failure_code = 'MODIFICATIONFAIL'
    })
    writeFileSync(
      path.join(changed, 'evidence', 'T2A02', 'stdout.txt'),
      readFileSync(path.join(changed, 'evidence', 'T2A02', 'stdout.txt'), 'utf8') + 'T2A02 +9.99s: the agent wrote README.md\n',
    )
    const j = diffCli(runA, changed, '--json')
    expect(j.status, j.stderr).toBe(1)
    const d = JSON.parse(j.stdout) as RunDiff
    expect(d.same).toBe(false)
    expect(d.run).toEqual([])
    expect(d.cases).toEqual([
      {
        case_id: 'T2A02',
        fields: [
          { field: 'status', a: 'PASS', b: 'FAIL' },
          { field: 'failure_code', a: null, b: 'MODIFICATIONFAIL' },
          { field: 'actual_outcome', a: 'SUCCESS', b: 'FAIL' },
        ],
        evidence: [{ file: 'stdout.txt', change: 'differs', lines: { a: [], b: ['T2A02 +<t>s: the agent wrote README.md'] } }],
      },
    ])
    const t = diffCli(runA, changed)
    expect(t.status).toBe(1)
    expect(t.stdout).toContain('T2A02: status: PASS → FAIL\n')
    expect(t.stdout).toContain('T2A02: failure_code: – → MODIFICATIONFAIL\n')
    expect(t.stdout).toContain('T2A02: evidence stdout.txt differs\n    + T2A02 +<t>s: the agent wrote README.md\n')
    expect(t.stdout).toMatch(/4 difference\(s\); 1 case\(s\) differ, 5 the same\n$/)
  })

  it('a changed reason, a missing evidence file and a case in one run only are named', () => {
    const changed = path.join(scratch, 'fewer', 'RUN_0004')
    cpSync(runB, changed, { recursive: true })
    editJson(path.join(changed, 'cases', 'T1C01.result.json'), (v) => {
      v.reason = String(v.reason).replace('pong', 'ping')
    })
    rmSync(path.join(changed, 'evidence', 'T1C01', 'health.json'))
    rmSync(path.join(changed, 'cases', 'T2A03.result.json'))
    rmSync(path.join(changed, 'evidence', 'T2A03'), { recursive: true })
    editJson(path.join(changed, 'run_summary.json'), (v) => {
      v.cases = (v.cases as { case_id: string }[]).filter((c) => c.case_id !== 'T2A03')
      v.total_cases = 5
      v.passed = 5
    })
    const d = JSON.parse(diffCli(runA, changed, '--json').stdout) as RunDiff
    expect(d.run).toEqual([
      { field: 'total_cases', a: 6, b: 5 },
      { field: 'passed', a: 6, b: 5 },
    ])
    expect(d.cases.map((c) => c.case_id)).toEqual(['T1C01', 'T2A03'])
    expect(d.cases[0].fields).toEqual([{ field: 'reason', a: "server 1.18.33 healthy; answered 'pong'", b: "server 1.18.33 healthy; answered 'ping'" }])
    expect(d.cases[0].evidence).toEqual([{ file: 'health.json', change: 'only in A' }])
    expect(d.cases[1]).toEqual({ case_id: 'T2A03', only_in: 'A', fields: [], evidence: [] })
    const t = diffCli(runA, changed)
    expect(t.status).toBe(1)
    expect(t.stdout).toContain('T2A03: only in A\n')
    expect(t.stdout).toContain('T1C01: evidence health.json only in A\n')
  })

  it('a case skipped in one run shows its status, not its evidence file by file', () => {
    const skipped = path.join(scratch, 'skipped', 'RUN_0005')
    cpSync(runB, skipped, { recursive: true })
    rmSync(path.join(skipped, 'cases', 'T2A03.result.json'))
    rmSync(path.join(skipped, 'evidence', 'T2A03'), { recursive: true })
    editJson(path.join(skipped, 'run_summary.json'), (v) => {
      const c = (v.cases as Record<string, unknown>[]).find((x) => x.case_id === 'T2A03')!
      Object.assign(c, { status: 'SKIPPED', actual_outcome: null, reason: 'stopped: T2A02 failed' })
      v.passed = 5
      v.skipped = 1
      v.final_verdict = 'FAIL'
    })
    const d = JSON.parse(diffCli(runA, skipped, '--json').stdout) as RunDiff
    expect(d.cases).toEqual([
      {
        case_id: 'T2A03',
        fields: [
          { field: 'status', a: 'PASS', b: 'SKIPPED' },
          { field: 'actual_outcome', a: 'SUCCESS', b: null },
          { field: 'reason', a: expect.stringContaining('read docs/zz_scratch/opencode_dogfood_probe.md'), b: 'stopped: T2A02 failed' },
        ],
        evidence: [],
      },
    ])
    expect(d.run.map((f) => f.field)).toEqual(['final_verdict', 'passed', 'skipped'])
  })

  it('bad input: one line naming the input, exit 2, nothing on stdout', () => {
    for (const [args, re] of [
      [
        [runA, repo],
        new RegExp(
          `^opencode-dogfood: ${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a run folder \\(no run_summary.json and no cases/\\*.result.json\\)`,
        ),
      ],
      [[path.join(scratch, 'nope'), runA], /^opencode-dogfood: .*nope: no such folder; give a RUN_XXXX folder/],
      [[runA], /^opencode-dogfood: diff: give two run folders, RUN_A RUN_B \(got 1\)/],
      [[runA, runB, '--color'], /^opencode-dogfood: Unknown option '--color'/],
    ] as [string[], RegExp][]) {
      const r = diffCli(...args)
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(re)
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    }
  })
})

// Uncontained, OpenCode's snapshots of the worktree hold the ledger of the cases and runs before (contained, it is
// hidden from OpenCode): its snapshot ids in transcript.json differ between two runs of the same commit. Measured
// before the rule: 14 of 15 cases differed (the plan packet's flow, a worktree made by hand).
describe('two uncontained runs of one commit in one worktree', () => {
  let wt: string
  beforeAll(() => {
    const f = fixtureRepo()
    wt = path.join(f.base, 'wt')
    git(f.repo, 'worktree', 'add', '-q', '--detach', wt, 'HEAD')
    for (let i = 0; i < 2; i++) {
      const r = cli(['run', '--stages', 'T1,T2a', '--containment', 'off'], { cwd: wt })
      expect(r.status, r.stderr + r.stdout).toBe(0)
    }
  }, 900_000)

  it('show no difference (exit 0)', () => {
    const r = cli(['diff', path.join(ledgerDir(wt), 'RUN_0001'), path.join(ledgerDir(wt), 'RUN_0002')], { cwd: wt })
    expect(r.stdout).toContain('no difference (6 case(s) compared')
    expect(r.status).toBe(0)
  })
})

describe('normalisation rules (one example each)', () => {
  const commit = 'cc0ad0e18382e8147e4aa7836802f2ec2fe112c5'
  const ctx: RunContext = {
    runId: 'RUN_0007',
    commit,
    roots: [
      { path: '/home/u/proj', placeholder: '<repo>' },
      { path: '/tmp/x-AbC123/wt', placeholder: '<worktree>' },
    ],
  }
  const n = (s: string) => normalizeText(s, ctx)

  it('each volatile shape becomes its placeholder', () => {
    expect(n('/home/u/proj/docs/a.md and /tmp/x-AbC123/wt/b.md')).toBe('<repo>/docs/a.md and <worktree>/b.md')
    expect(n('state in /tmp/opencode-dogfood-RUN_0007-wL128c/opencode-state')).toBe('state in <tmp>/opencode-dogfood-RUN_####-*/opencode-state')
    expect(n('RUN_0007 and RUN_0001')).toBe('RUN_#### and RUN_####')
    expect(n('modified /x/.opencode-dogfood-canary-RUN_0007-0a1b2c3d')).toBe('modified /x/.opencode-dogfood-canary-RUN_####-<id>')
    expect(n(`HEAD ${commit}, short ${commit.slice(0, 7)}, other 0123456789abcdef0123456789abcdef01234567`)).toBe(
      'HEAD <commit>, short <commit>, other 0123456789abcdef0123456789abcdef01234567',
    )
    expect(n('at 2026-12-01T04:39:19.123Z, created 1796099496185')).toBe('at <date>, created <time>')
    expect(n('session ses_dd021133fffemEXQTQTuqlkzIi msg msg_22fdf58f9001j7ybbjEaIpqaEF')).toBe('session ses_<id> msg msg_<id>')
    expect(n('id 123e4567-e89b-12d3-a456-426614174000')).toBe('id <uuid>')
    expect(n('http://127.0.0.1:38735/global/health; opencode serve --port 4096')).toBe('http://127.0.0.1:<port>/global/health; opencode serve --port <port>')
    expect(n('ended pid 2973')).toBe('ended pid <pid>')
    expect(n('T1C01 +34.61s: answer 4 chars in 34173 ms; elapsed 3939 ms')).toBe('T1C01 +<t>s: answer 4 chars in <t>; elapsed <t>')
    expect(n('  duration_ms: 1.901012\n# duration_ms 78.5')).toBe('  duration_ms: <t>\n# duration_ms <t>')
  })

  it('settings and real content are left alone', () => {
    expect(n('budget 3000 ms, elapsed 3939 ms')).toBe('budget 3000 ms, elapsed <t>')
    expect(n('request exceeded its 3000 ms budget')).toBe('request exceeded its 3000 ms budget')
    expect(n("answered 'pong'")).not.toBe(n("answered 'ping'"))
    expect(n('deleted scripts/opencode_dogfood/sandbox/fixtures/sentinel.txt')).toBe('deleted scripts/opencode_dogfood/sandbox/fixtures/sentinel.txt')
  })

  it('JSON: time keys, per-run keys and hashes over volatile data', () => {
    const v = normalizeJson(
      {
        duration_ms: 12,
        durationMs: 4,
        budget_ms: 3000,
        time: { created: 1, start: 2, end: 3 },
        key_fingerprint: 'fd9cb9e482b1',
        server_config_sha256: 'd2b4',
        port: 4096,
        answer_chars: 5,
        path: '/home/u/proj/x',
      },
      ctx,
    )
    expect(v).toEqual({
      duration_ms: '<t>',
      durationMs: '<t>',
      budget_ms: 3000,
      time: { created: '<t>', start: '<t>', end: '<t>' },
      key_fingerprint: '<volatile>',
      server_config_sha256: '<volatile>',
      port: '<volatile>',
      answer_chars: 5,
      path: '<repo>/x',
    })
  })

  it("transcript.json: OpenCode's snapshot ids are per run; other hashes and a hash under another key stay", () => {
    const a = 'b3e2c1d0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4'
    const v = normalizeJson(
      {
        parts: [
          { type: 'step-start', snapshot: a },
          { type: 'patch', hash: a, files: ['/home/u/proj/x'] },
          { type: 'tool', hash: a },
          { type: 'snapshot', snapshot: 'not-an-id' },
        ],
        revert: { snapshot: a },
      },
      ctx,
    )
    expect(v).toEqual({
      parts: [
        { type: 'step-start', snapshot: '<snapshot>' },
        { type: 'patch', hash: '<snapshot>', files: ['<repo>/x'] },
        { type: 'tool', hash: a },
        { type: 'snapshot', snapshot: 'not-an-id' },
      ],
      revert: { snapshot: '<snapshot>' },
    })
  })

  it("processes.txt: OpenCode's own snapshot git calls and server are timing, an agent's process is not", () => {
    const own =
      '854\tended\t"git -c core.autocrlf=false --git-dir /tmp/s/opencode-state/data/opencode/snapshot/abc/def --work-tree /x diff --numstat a b -- ."\n1276\tended\t"/n/opencode-linux-x64/bin/opencode serve --hostname 127.0.0.1 --port 38735"\n'
    expect(normalizeEvidence('processes.txt', Buffer.from(own), ctx)).toBe(NO_PROCESS_LINE + '\n')
    expect(normalizeEvidence('processes.txt', Buffer.from(NO_PROCESS_LINE + '\n'), ctx)).toBe(NO_PROCESS_LINE + '\n')
    expect(normalizeEvidence('processes.txt', Buffer.from('31\tended\t"sleep 1000"\n' + own), ctx)).toBe('<pid>\tended\t"sleep 1000"\n')
    expect(
      normalizeEvidence(
        'stdout.txt',
        Buffer.from('T1C02 +1.2s: ended 1 process(es) the case left running: 2973 git --git-dir\nT1C02 +1.3s: verdict: SUCCESS\n'),
        ctx,
      ),
    ).toBe('T1C02 +<t>s: verdict: SUCCESS\n')
    expect(normalizeEvidence('item_01.bin', Buffer.from([0, 1, 2]), ctx)).toBeUndefined()
    expect(normalizeEvidence('processes.txt', Buffer.from('31\tended\t""\n'), ctx)).toBe(NO_PROCESS_LINE + '\n')
    expect(
      normalizeEvidence(
        'processes.txt',
        Buffer.from(
          '31\tended\t"git -c core.autocrlf=false -c core.longpaths=true -c core.symlinks=true -c core.quotepath=false --git-dir /w/.git check-ignore --stdin"\n',
        ),
        ctx,
      ),
    ).toBe(NO_PROCESS_LINE + '\n')
    expect(normalizeJson({ info: { summary: { diffs: [{ file: 'a' }] } } }, ctx)).toEqual({ info: { summary: { diffs: '<volatile>' } } })
    // --jobs: slot folders, worktree names, and the other checkouts a slot's sandbox hides.
    expect(n('/tmp/opencode-dogfood-RUN_0002-AbC123/slot-1/wt/README.md')).toBe('<worktree>/README.md')
    expect(n('/tmp/opencode-dogfood-RUN_0002-AbC123/slot-2/tmp/opencode-state')).toBe('<tmp>/opencode-dogfood-RUN_####-*/opencode-state')
    expect(n('git_dir: /x/.git/worktrees/wt3')).toBe('git_dir: /x/.git/worktrees/<name>')
    const policy = (others: string[]) => Buffer.from(JSON.stringify({ containment: { hidden: [...others, '/w (the worktree)'] } }))
    expect(normalizeEvidence('policy.json', policy(['/a (another checkout of the repository)', '/b (another checkout of the repository)']), ctx)).toBe(
      normalizeEvidence('policy.json', policy([]), ctx),
    )
  })

  it("git_status.txt: the harness's own ledger and transcript folders are not the agent's work", () => {
    expect(normalizeEvidence('git_status.txt', Buffer.from('?? artifacts/\n?? logs/\n'), ctx)).toBe('')
    expect(normalizeEvidence('git_status.txt', Buffer.from('?? logs/agent_calls/\n?? artifacts/ledger/opencode_dogfood/\n'), ctx)).toBe('')
    expect(normalizeEvidence('git_status.txt', Buffer.from('?? logs/\n?? logs/other/\n M README.md\n?? artifacts/x.txt\n'), ctx)).toBe(
      '?? logs/other/\n M README.md\n?? artifacts/x.txt\n',
    )
  })
})
