// Bad input gets one clear line naming the input and what is allowed, exit 2,
// and nothing in the ledger (the run never started).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, fixtureRepo, git, ledgerDir } from './support/repo.js'

const { base, repo } = fixtureRepo()

function expectRejected(args: string[], input: RegExp, allowed: RegExp, cwd = repo): void {
  const r = cli(args, { cwd })
  expect(r.status, r.stderr).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(input)
  expect(lines[0]).toMatch(allowed)
  expect(existsSync(ledgerDir(repo))).toBe(false)
}

describe('bad input', () => {
  it('unknown case id', () => expectRejected(['run', '--case', 'T9Z99'], /--case/, /known: T1C01, T1C02/))
  it('malformed case id', () => expectRejected(['run', '--case', 'ping'], /--case/, /pattern T\[0-9\]/))
  it('unknown stage', () => expectRejected(['run', '--stages', 'T1,T5'], /--stages/, /allowed: T1, T2a, T2b, T3, T4/))
  it('empty stage list', () => expectRejected(['run', '--stages', ' , '], /--stages/, /empty stage list/))
  it('unknown transport', () => expectRejected(['run', '--transport', 'grpc'], /--transport/, /allowed: sdk, cli/))
  it('model without a provider', () => expectRejected(['run', '--model', 'gpt'], /--model/, /provider\/model/))
  it('roles in the wrong form', () => expectRejected(['run', '--roles', 'planner'], /--roles/, /name=provider\/model:KEY_ENV/))
  it('allowlist entry that leaves the tree', () => expectRejected(['run', '--write-allowlist', '../outside/'], /--write-allowlist/, /inside the repository/))
  it('allowlist entry inside .git', () => expectRejected(['run', '--write-allowlist', '.git/hooks/'], /--write-allowlist/, /\.git/))
  it('timeout that is not a number', () => expectRejected(['run', '--timeout', 'soon'], /--timeout/, /whole number of seconds/))
  it('evidence limit that is not a whole number of bytes', () =>
    expectRejected(['run', '--evidence-max-bytes', '1MB'], /--evidence-max-bytes/, /whole number of bytes/))
  it('unknown option', () => expectRejected(['run', '--stage', 'T1'], /--stage/, /--help/))
  it('unknown command', () => expectRejected(['launch'], /command/, /allowed: run, verify, report, diff, compare, merge, init, demo, bench/))
  it('demo takes no arguments', () => expectRejected(['demo', '--fast'], /demo/, /takes no arguments, got '--fast'/))
  it('COMMAND --help is the usage for every command, and does nothing else (init --help scaffolds nothing)', () => {
    for (const cmd of ['run', 'verify', 'report', 'diff', 'compare', 'merge', 'init', 'demo', 'bench']) {
      for (const flag of ['--help', '-h']) {
        const r = cli([cmd, flag], { cwd: base })
        expect(r.status, `${cmd} ${flag}: ${r.stderr}`).toBe(0)
        expect(r.stdout, `${cmd} ${flag}`).toMatch(/^opencode-dogfood — validate the OpenCode coding agent/)
        expect(r.stderr, `${cmd} ${flag}`).toBe('')
      }
    }
    expect(existsSync(path.join(base, '--help'))).toBe(false)
    expect(existsSync(path.join(base, 'scripts'))).toBe(false)
  })
  it('cases file that is not JSON', () => {
    const f = path.join(base, 'bad.json')
    writeFileSync(f, '{ not json')
    expectRejected(['run', '--cases-file', f], /--cases-file/, /not valid JSON/)
  })
  it('cases file that does not match the format', () => {
    const f = path.join(base, 'bad-shape.json')
    writeFileSync(f, JSON.stringify({ cases: [{ id: 'T3X01', stage: 'T9', expected_outcome: 'SUCCESS', purpose: 'p', prompt: 'x' }] }))
    expectRejected(['run', '--cases-file', f], /--cases-file/, /cases file format.*stage/)
  })
  it('cases file that redefines a built-in case', () => {
    const f = path.join(base, 'dup.json')
    writeFileSync(f, JSON.stringify({ cases: [{ id: 'T1C01', stage: 'T1', expected_outcome: 'SUCCESS', purpose: 'p', prompt: 'x' }] }))
    expectRejected(['run', '--cases-file', f], /--cases-file/, /T1C01 is already defined/)
  })
  it('missing cases file', () => expectRejected(['run', '--cases-file', path.join(base, 'nope.json')], /--cases-file/, /cannot read/))
  it('a path that is not a git repository', () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'dogfood-plain-'))
    const r = cli(['run', '--stages', 'T1'], { cwd: plain })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/--repo: .* is not a git repository/)
    expect(existsSync(path.join(plain, 'artifacts'))).toBe(false)
  })
  it('a server URL that does not answer', () =>
    expectRejected(['run', '--stages', 'T1', '--server-url', 'http://127.0.0.1:9'], /--server-url/, /does not answer GET \/global\/health/))
  it('a server URL that is not a URL', () => expectRejected(['run', '--server-url', 'localhost'], /--server-url/, /http\(s\) URL/))
  it('verify without a run dir', () => expectRejected(['verify'], /verify/, /RUN_DIR/))
})

describe('help', () => {
  it('lists every run option', () => {
    const r = cli(['--help'])
    expect(r.status).toBe(0)
    for (const opt of [
      '--stages',
      '--case',
      '--fail-fast',
      '--model',
      '--server-url',
      '--worktree',
      '--ledger-dir',
      '--cases-file',
      '--transport',
      '--write-allowlist',
      '--deletion-allowlist',
    ])
      expect(r.stdout).toContain(opt)
  })
})

describe('a ledger the watch cannot see into', () => {
  it('is refused before the run, naming --ledger-dir and the folder (a path past PATH_MAX: Node cannot lstat it)', () => {
    const { repo: r3 } = fixtureRepo()
    const ledger = path.join(base, 'ledger-blind')
    mkdirSync(path.join(ledger, 'RUN_0001'), { recursive: true })
    const n = 'd'.repeat(200)
    execFileSync('bash', ['-c', `cd RUN_0001 && for i in $(seq 25); do mkdir ${n} && cd ${n}; done && echo x > f`], { cwd: ledger })
    const r = cli(['run', '--stages', 'T1', '--ledger-dir', ledger], { cwd: r3 })
    expect(r.status, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/--ledger-dir.*RUN_0001\/d+.*cannot be listed or looked at by this user/)
    expect(existsSync(path.join(ledger, 'RUN_0002'))).toBe(false)
    execFileSync('rm', ['-rf', ledger])
  })
})

describe('entry checklist', () => {
  it('names each failing item and runs nothing', () => {
    const { repo: r2 } = fixtureRepo()
    writeFileSync(path.join(r2, 'dirty.txt'), 'x')
    const r = cli(['run', '--stages', 'T1'], { cwd: r2 })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/working tree not clean.*dirty\.txt/)
    expect(existsSync(ledgerDir(r2))).toBe(false)
  })
  it('names missing fixtures', () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), 'dogfood-nofix-'))
    git(bare, 'init', '-q', '-b', 'main')
    writeFileSync(path.join(bare, 'README.md'), 'x\n')
    git(bare, 'add', '-A')
    git(bare, 'commit', '-q', '-m', 'bare')
    const r = cli(['run', '--stages', 'T1'], { cwd: bare })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/scratch target missing: docs\/zz_scratch\/opencode_dogfood_probe\.md/)
    expect(r.stderr).toMatch(/sandbox fixtures missing: scripts\/opencode_dogfood\/sandbox\/fixtures\//)
    // A list, one failure a line (not one line with its newlines shown as \n).
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'opencode-dogfood: suite entry checklist failed:',
      "  - scratch target missing: docs/zz_scratch/opencode_dogfood_probe.md (run 'opencode-dogfood init')",
      "  - sandbox fixtures missing: scripts/opencode_dogfood/sandbox/fixtures/ (run 'opencode-dogfood init')",
    ])
    expect(existsSync(ledgerDir(bare))).toBe(false)
  })
  it('a name from the repository in a failure is shown inert: no line of its own, no escape', () => {
    const { repo: r3 } = fixtureRepo()
    writeFileSync(path.join(r3, 'evil\u001b[31m\n::error::forged.txt'), 'x')
    const r = cli(['run', '--stages', 'T1'], { cwd: r3 })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/working tree not clean/)
    expect(r.stderr).not.toMatch(/\u001b/)
    expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([])
  })
})

describe('bad input is one line, exit 2, nothing written (issue 9, item 4)', () => {
  const oneLine = (r: { status: number; stderr: string; stdout: string }) => {
    expect(r.status, r.stderr).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }
  it('--worktree naming an existing file', () => {
    const { repo } = fixtureRepo()
    const file = path.join(path.dirname(repo), 'a-file')
    writeFileSync(file, 'x')
    const r = cli(['run', '--case', 'T1C01', '--worktree', file], { cwd: repo })
    oneLine(r)
    expect(r.stderr).toContain(`--worktree: ${file} is a file`)
    expect(existsSync(ledgerDir(repo))).toBe(false)
  })
  it('verify on a folder that is no run, and on a run that never sealed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-notrun-'))
    writeFileSync(path.join(dir, 'x.txt'), 'x')
    const r = cli(['verify', dir])
    oneLine(r)
    expect(r.stderr).toContain(`${dir} is not a run folder`)
    const run = path.join(dir, 'RUN_0007')
    mkdirSync(path.join(run, 'evidence', 'T1C01'), { recursive: true })
    const inc = cli(['verify', run])
    expect(inc.status).toBe(1)
    expect(inc.stdout.trim().split('\n')).toEqual([
      `${run}: incomplete: no run_summary.json — the run was killed before it sealed its ledger (or it is still running)`,
    ])
  })
  it('verify --root that is not a root', () => {
    const r = cli(['verify', '/tmp', '--root', 'abc'])
    oneLine(r)
    expect(r.stderr).toContain("--root: 'abc' is not a ledger root")
  })
  it('--case with --stages', () => {
    const { repo } = fixtureRepo()
    const r = cli(['run', '--case', 'T1C01', '--stages', 'T2a'], { cwd: repo })
    oneLine(r)
    expect(r.stderr).toContain('--case T1C01 and --stages T2a cannot be combined')
    expect(existsSync(ledgerDir(repo))).toBe(false)
  })
  it('--timeout -5 (and --latency-budget -1) name the option and what is allowed', () => {
    const { repo } = fixtureRepo()
    const r = cli(['run', '--case', 'T1C01', '--timeout', '-5'], { cwd: repo })
    oneLine(r)
    expect(r.stderr).toContain("--timeout: '-5' is not a whole number of seconds")
    const b = cli(['run', '--case', 'T1C01', '--latency-budget', '-1'], { cwd: repo })
    oneLine(b)
    expect(b.stderr).toContain("--latency-budget: '-1' is not a whole number of milliseconds")
    expect(existsSync(ledgerDir(repo))).toBe(false)
  })
  // Needs a repository owned by another user: CI runs as root.
  it.skipIf(process.getuid?.() !== 0)('a repository git refuses for dubious ownership: what git says, and the safe.directory fix', () => {
    const { repo } = fixtureRepo()
    execFileSync('chown', ['-R', '65534:65534', repo])
    const r = cli(['run', '--case', 'T1C01'], { cwd: repo, env: { GIT_CONFIG_GLOBAL: '/dev/null' } })
    oneLine(r)
    expect(r.stderr).toContain('detected dubious ownership')
    expect(r.stderr).toContain(`git config --global --add safe.directory ${realpathSync(repo)}`)
    expect(existsSync(ledgerDir(repo))).toBe(false)
  })
})
