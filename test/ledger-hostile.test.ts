// Hostile probe 10a: the commands that read a ledger after its run (verify,
// diff, report, merge) take it as hostile input — uncontained, the agent ran
// as the same user; a shard arrives as another job's artifact. Each finding,
// on real runs' ledgers: a FAIL run rewritten as PASS by dropping its failing
// cases from the summary verified against its published root; a link was
// followed (an outside file's bytes printed, /etc/shadow's first bytes in an
// error), a FIFO hung verify, diff and report; an attempt's evidence path and a
// case id led outside the ledger; a run id named the report's file elsewhere;
// `merge --out` wrote into an input shard; malformed summaries crashed with a
// stack trace. Every command is run with a time limit: a hang is a failure.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../src/fsutil.js'
import { LedgerShapeError, readLedgerFile, sha256LedgerFile, walkLedger } from '../src/ledger-files.js'
import type { RunSummary } from '../src/types.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'

const LIMIT_MS = 60_000

/** A copy of run folder `from` under a fresh folder of `base` (its name kept: RUN_XXXX). */
function copyRun(base: string, from: string, label: string): string {
  const to = path.join(base, label, path.basename(from))
  mkdirSync(path.dirname(to), { recursive: true })
  cpSync(from, to, { recursive: true })
  return to
}

function summaryOf(run: string): RunSummary {
  return JSON.parse(readFileSync(path.join(run, 'run_summary.json'), 'utf8')) as RunSummary
}

/** Rewrite the summary (and its sidecar, as a forger would). */
function rewriteSummary(run: string, edit: (s: RunSummary) => void): void {
  const s = summaryOf(run)
  edit(s)
  const text = JSON.stringify(s, null, 2) + '\n'
  writeFileSync(path.join(run, 'run_summary.json'), text)
  writeFileSync(path.join(run, 'run_summary.json.sha256'), `${sha256(text)} *run_summary.json\n`)
}

/** A file's bytes replaced by a FIFO. */
function fifoAt(file: string): void {
  rmSync(file, { force: true })
  execFileSync('mkfifo', [file])
}

describe('a ledger read after its run is hostile input', () => {
  const { base, repo } = fixtureRepo()
  let failRun = ''
  let shard1 = ''
  let shard2 = ''
  const outside = path.join(base, 'outside-secret.txt')

  beforeAll(() => {
    writeFileSync(outside, 'AWS_SECRET_ACCESS_KEY=outside-the-ledger\n')
    // A FAIL run (T2a's two cases pass; a case of the repository's, read-only, whose agent writes a file, fails), and the two shards of a set.
    const failing = {
      id: 'T2A91',
      stage: 'T2a',
      expected_outcome: 'SUCCESS',
      purpose: 'a read-only case whose agent writes',
      check: 'read_only',
      prevention: 'off',
      params: { read_path: 'scripts/opencode_dogfood/sandbox/fixtures/scratch_notes.md' },
      prompt: 'x',
      turns: [
        { tool_calls: [{ name: 'bash', arguments: { command: 'touch scripts/opencode_dogfood/sandbox/fixtures/new.txt', description: 'w' } }] },
        { text: 'ok' },
      ],
    }
    const casesFile = path.join(base, 'cases.json')
    writeFileSync(casesFile, JSON.stringify({ cases: [failing] }))
    const f = cli(['run', '--stages', 'T2a', '--cases-file', casesFile, '--worktree', path.join(base, 'wt0')], { cwd: repo })
    expect(f.status, f.stderr).toBe(1)
    for (const i of [1, 2]) {
      const r = cli(['run', '--stages', 'T1,T2a', '--shard', `${i}/2`, '--worktree', path.join(base, `wt${i}`)], { cwd: repo })
      expect(r.status, r.stderr).toBe(0)
    }
    ;[failRun, shard1, shard2] = readdirSync(ledgerDir(repo))
      .filter((n) => n.startsWith('RUN_'))
      .sort()
      .map((n) => path.join(ledgerDir(repo), n))
  }, 300_000)

  describe('verify', () => {
    it('a FAIL run whose failing cases were dropped from the summary (counts, verdict, tokens and sidecar made to fit) does not verify against its published root', () => {
      const root = summaryOf(failRun).ledger_root!
      const run = copyRun(base, failRun, 'drop')
      rewriteSummary(run, (s) => {
        s.cases = s.cases.filter((c) => c.status === 'PASS')
        s.total_cases = s.passed = s.cases.length
        s.failed = 0
        s.skipped = 0
        s.final_verdict = 'PASS'
        delete s.stop_reason
        delete s.tokens
        for (const c of s.cases) delete c.tokens
      })
      const r = cli(['verify', run, '--root', root], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/run_summary\.json: does not list T2A91, whose result or evidence the run folder holds/)
    })

    it('a case listed twice, and a summary that says the run was contained when its cases ran uncontained, do not verify', () => {
      const run = copyRun(base, failRun, 'twice')
      rewriteSummary(run, (s) => {
        s.cases.push(s.cases[0])
        s.total_cases += 1
        if (s.cases[0].status === 'PASS') s.passed += 1
        else if (s.cases[0].status === 'FAIL') s.failed += 1
        else s.skipped += 1
        s.containment = s.containment?.startsWith('none') ? 'bwrap (required)' : 'none (off): rewritten'
      })
      const r = cli(['verify', run], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/is listed twice/)
      // The summary's other facts are pinned by run_facts.json, which the root covers (probe 11).
      expect(r.stdout).toMatch(/run_summary\.json: .*containment.* not as run_facts\.json \(which the root covers\) records/)
      expect(r.stdout).toMatch(/run_summary\.json: containment .* but evidence\/T2A\d\d\/policy\.json records/)
    })

    it('a link in the place of evidence (to a file of the same bytes) or of a result (to a secret) is named, never followed', () => {
      const run = copyRun(base, shard1, 'links')
      const ev = path.join(run, 'evidence', 'T1C01', 'stdout.txt')
      const same = path.join(base, 'same-bytes.txt')
      cpSync(ev, same)
      rmSync(ev)
      symlinkSync(same, ev)
      const result = readdirSync(path.join(run, 'cases')).find((n) => n.endsWith('.result.json'))!
      rmSync(path.join(run, 'cases', result))
      symlinkSync(outside, path.join(run, 'cases', result))
      const r = cli(['verify', run], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/evidence\/T1C01\/stdout\.txt is not a regular file \(a link, FIFO or device has no place in a ledger\)/)
      expect(r.stdout + r.stderr).not.toContain('outside-the-ledger')
    })

    it("a FIFO in the place of evidence, and an attempt's evidence path leading to a FIFO outside the ledger, end verify at once, named", () => {
      const run = copyRun(base, shard1, 'fifo')
      fifoAt(path.join(run, 'evidence', 'T1C01', 'stderr.txt'))
      const outFifo = path.join(base, 'outside-fifo')
      if (!existsSync(outFifo)) execFileSync('mkfifo', [outFifo])
      const id = summaryOf(run).cases[0].case_id
      const att = path.join(run, 'attempts', id, '1', 'cases')
      mkdirSync(att, { recursive: true })
      const rel = path.relative(path.join(run, 'attempts', id, '1'), outFifo)
      writeFileSync(
        path.join(att, `${id}.result.json`),
        JSON.stringify({
          ...JSON.parse(readFileSync(path.join(run, 'cases', `${id}.result.json`), 'utf8')),
          evidence: [{ path: rel, sha256: 'a'.repeat(64) }],
        }),
      )
      rewriteSummary(run, (s) => {
        s.cases[0].attempts = { passed: 1, total: 1 } as never
      })
      const r = cli(['verify', run], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/evidence\/T1C01\/stderr\.txt is not a regular file/)
      expect(r.stdout).toContain(`evidence '${rel}' is missing`)
    })

    it('a file name that is not UTF-8 is named, in one line, by every reader (no stack trace)', () => {
      const run = copyRun(base, shard1, 'latin1')
      writeFileSync(Buffer.concat([Buffer.from(path.join(run, 'evidence', 'T1C01') + '/'), Buffer.from([0x62, 0x61, 0x64, 0xff])]), 'x')
      const v = cli(['verify', run], { timeoutMs: LIMIT_MS })
      expect(v.status).toBe(1)
      expect(v.stdout).toMatch(/evidence\/T1C01\/"bad.*" is a name that is not UTF-8/)
      for (const args of [
        ['diff', run, shard1],
        ['report', run, '--out', path.join(base, 'latin1.html')],
        ['compare', shard1, run],
      ]) {
        const r = cli(args, { timeoutMs: LIMIT_MS })
        expect(r.status, `${args[0]}: ${r.stderr}`).toBe(2)
        expect(r.stderr, args[0]).toMatch(/is a name that is not UTF-8/)
        expect(r.stderr, args[0]).not.toMatch(/\n\s+at /)
      }
    })

    it('a folder swapped for a link after the walk (a race with a process still running): every read is held to the file the walk found', () => {
      const run = copyRun(base, shard1, 'swap')
      const walk = walkLedger(run)
      const rel = 'evidence/T1C01/stdout.txt'
      expect(walk.ids.has(rel)).toBe(true)
      // The folder is moved away and a link to a copy with other bytes put in its place.
      const elsewhere = path.join(base, 'swap-elsewhere')
      cpSync(path.join(run, 'evidence', 'T1C01'), elsewhere, { recursive: true })
      writeFileSync(path.join(elsewhere, 'stdout.txt'), 'AWS_SECRET_ACCESS_KEY=outside-the-ledger\n')
      rmSync(path.join(run, 'evidence', 'T1C01'), { recursive: true })
      symlinkSync(elsewhere, path.join(run, 'evidence', 'T1C01'))
      const file = path.join(run, rel)
      expect(() => readLedgerFile(file, 1 << 20, walk.ids.get(rel))).toThrow(LedgerShapeError)
      expect(() => sha256LedgerFile(file, walk.ids.get(rel))).toThrow(/not the file the walk found there/)
      // Without the identity the read would have gone through the link: the check is what refuses it.
      expect(readLedgerFile(file, 1 << 20).toString()).toContain('outside-the-ledger')
    })
  })

  describe('diff', () => {
    it('a link in a run is refused (no outside byte printed); a FIFO is refused at once', () => {
      const a = copyRun(base, shard1, 'diff-link')
      const ev = path.join(a, 'evidence', 'T1C01', 'stdout.txt')
      rmSync(ev)
      symlinkSync(outside, ev)
      const r = cli(['diff', a, shard1], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/refused: evidence\/T1C01\/stdout\.txt is not a regular file/)
      expect(r.stdout + r.stderr).not.toContain('outside-the-ledger')
      const f = copyRun(base, shard1, 'diff-fifo')
      fifoAt(path.join(f, 'evidence', 'T1C01', 'stderr.txt'))
      expect(cli(['diff', f, shard1], { timeoutMs: LIMIT_MS }).status).toBe(2)
    })

    it('a case id that is a path, and a summary whose cases are not objects, are refused in one line (no stack trace)', () => {
      const a = copyRun(base, shard1, 'diff-id')
      rewriteSummary(a, (s) => {
        s.cases[0].case_id = '../../../secretdir'
      })
      const r = cli(['diff', a, shard1], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/"\.\.\/\.\.\/\.\.\/secretdir" is not a case id/)
      const n = copyRun(base, shard1, 'diff-null')
      writeFileSync(path.join(n, 'run_summary.json'), '{"cases":[null]}')
      const m = cli(['diff', n, shard1], { timeoutMs: LIMIT_MS })
      expect(m.status).toBe(2)
      expect(m.stderr).not.toMatch(/\n\s+at /)
    })
  })

  describe('report', () => {
    it('a run id that is a path names no file elsewhere; a link or a FIFO in the run refuses the report; a summary whose cases are not objects is refused in one line', () => {
      const cwd = path.join(base, 'report-cwd')
      mkdirSync(cwd, { recursive: true })
      const a = copyRun(base, shard1, 'report-id')
      rewriteSummary(a, (s) => {
        s.run_id = `../escaped/pwned`
      })
      const r = cli(['report', a], { cwd, timeoutMs: LIMIT_MS })
      expect(r.status, r.stderr).toBe(0)
      expect(existsSync(path.join(cwd, 'run.report.html'))).toBe(true)
      expect(existsSync(path.join(base, 'escaped'))).toBe(false)
      const l = copyRun(base, shard1, 'report-link')
      rmSync(path.join(l, 'evidence', 'T1C01'), { recursive: true })
      symlinkSync(path.dirname(outside), path.join(l, 'evidence', 'T1C01'))
      const rl = cli(['report', l, '--out', path.join(cwd, 'l.html')], { timeoutMs: LIMIT_MS })
      expect(rl.status).toBe(2)
      expect(rl.stderr).toMatch(/refused: evidence\/T1C01 is not a regular file/)
      const f = copyRun(base, shard1, 'report-fifo')
      fifoAt(path.join(f, 'evidence', 'T1C01', 'stdout.txt'))
      expect(cli(['report', f, '--out', path.join(cwd, 'f.html')], { timeoutMs: LIMIT_MS }).status).toBe(2)
      const n = copyRun(base, shard1, 'report-null')
      writeFileSync(path.join(n, 'run_summary.json'), '{"cases":[null]}')
      const rn = cli(['report', n, '--out', path.join(cwd, 'n.html')], { timeoutMs: LIMIT_MS })
      expect(rn.status).toBe(2)
      expect(rn.stderr).toMatch(/cases\[0\] is not a case entry/)
    })

    it('--out through a link to the run folder, into a folder not yet made, is refused (the ledger is never written to)', () => {
      const run = copyRun(base, shard1, 'report-out')
      const link = path.join(base, 'report-out-link')
      symlinkSync(run, link)
      const r = cli(['report', run, '--out', path.join(link, 'evidence', 'newsub', 'out.html')], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/is inside the ledger/)
      expect(existsSync(path.join(run, 'evidence', 'newsub'))).toBe(false)
    })
  })

  describe('merge', () => {
    it('--out inside an input shard is refused and the shard still verifies; --out a file is refused in one line', () => {
      const s1 = copyRun(base, shard1, 'merge-a')
      const s2 = copyRun(base, shard2, 'merge-b')
      const r = cli(['merge', s1, s2, '--out', s1], { timeoutMs: LIMIT_MS })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/--out .* is inside the shard/)
      expect(cli(['verify', s1], { timeoutMs: LIMIT_MS }).status).toBe(0)
      const file = path.join(base, 'merge-out-file')
      writeFileSync(file, 'x')
      const f = cli(['merge', s1, s2, '--out', file], { timeoutMs: LIMIT_MS })
      expect(f.status).toBe(2)
      expect(f.stderr).toMatch(/--out .* is a file; give a folder/)
    })
  })
})
