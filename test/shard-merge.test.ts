// Issue 20: --shard I/N and `merge`. A hermetic set (T1 and T2a, --repeat 2:
// 12 (case, attempt) pairs) runs in 3 shards on one machine through the real
// CLI and OpenCode; merged, it is one verified run that `diff` finds equal to
// one unsharded run of the same commit. A missing shard, a duplicated shard, a
// shard of another commit and a tampered shard are each refused with one line.
// shardPlan itself: deterministic, disjoint, complete, in the run's order.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../src/fsutil.js'
import { sealRunSummary } from '../src/ledger/seal.js'
import { writeSidecar } from '../src/ledger/sidecar.js'
import { verifyRun } from '../src/ledger/verify.js'
import { caseSetHash, deriveSetId, parseShard, runPairs, shardPlan, shareOf } from '../src/suite/shard.js'
import type { CaseResult, RunSummary } from '../src/types.js'
import { cli, fixtureRepo, git, ledgerDir } from './support/repo.js'

describe('shardPlan', () => {
  const ids = ['T1C01', 'T1C02', 'T1C03', 'T2A01', 'T2A02', 'T2A03', 'T2B01', 'T3C01', 'T4E02']
  const key = (p: { caseId: string; attempt: number }) => `${p.caseId}#${p.attempt}`

  it('is deterministic, disjoint and complete, and keeps the run order inside each shard, for every N and repeat', () => {
    for (const repeat of [1, 2, 3, 5])
      for (let total = 1; total <= ids.length * repeat; total++) {
        const all = runPairs(ids, repeat)
        const shards = Array.from({ length: total }, (_, i) => shardPlan(all, { index: i + 1, total }))
        expect(shards.map((s) => s.map(key))).toEqual(Array.from({ length: total }, (_, i) => shardPlan(all, { index: i + 1, total }).map(key)))
        const flat = shards.flat().map(key)
        expect(new Set(flat).size, `repeat ${repeat}, N ${total}: disjoint`).toBe(flat.length)
        expect([...flat].sort(), `repeat ${repeat}, N ${total}: complete`).toEqual(all.map(key).sort())
        for (const s of shards) {
          const pos = s.map((p) => all.findIndex((q) => key(q) === key(p)))
          expect(pos, 'a subsequence of the run order (stage order kept)').toEqual([...pos].sort((a, b) => a - b))
          expect(s.length).toBeGreaterThanOrEqual(Math.floor(all.length / total))
          expect(s.length).toBeLessThanOrEqual(Math.ceil(all.length / total))
        }
      }
  })

  it('splits a case whose attempts fall into several shards; the case set hash ignores order; the set id follows what shards share', () => {
    const s1 = shareOf(
      ids.slice(0, 3).map((id) => ({ id })),
      { repeat: 2, shard: { index: 1, total: 3 } },
    )
    expect(s1.cases.map((c) => c.id)).toEqual(['T1C01', 'T1C02'])
    expect(s1.field({ commit: 'c'.repeat(40), model: 'dogfood/scripted', opencode_version: '1.18.33' }).shard?.pairs).toEqual({ T1C01: [1], T1C02: [2] })
    expect(caseSetHash(['T2A01', 'T1C01'], 2)).toBe(caseSetHash(['T1C01', 'T2A01'], 2))
    expect(caseSetHash(['T1C01'], 2)).not.toBe(caseSetHash(['T1C01'], 3))
    const f = { commit: 'a'.repeat(40), caseSetHash: caseSetHash(ids, 1), model: 'dogfood/scripted', opencodeVersion: '1.18.33', total: 3 }
    expect(deriveSetId(f)).toMatch(/^[0-9a-f]{16}$/)
    expect(deriveSetId(f)).toBe(deriveSetId({ ...f }))
    for (const change of [{ commit: 'b'.repeat(40) }, { model: 'x/y' }, { opencodeVersion: '1.18.34' }, { total: 4 }])
      expect(deriveSetId({ ...f, ...change })).not.toBe(deriveSetId(f))
  })

  it('refuses an I/N that is not one, and a shard with no pair to run', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 })
    expect(() => parseShard('0/3')).toThrow(/--shard: shard 0 of 3 does not exist/)
    expect(() => parseShard('4/3')).toThrow(/--shard: shard 4 of 3 does not exist/)
    expect(() => parseShard('2')).toThrow(/--shard: '2' is not I\/N/)
    expect(() => shareOf([{ id: 'T1C01' }], { repeat: 2, shard: { index: 3, total: 3 } })).toThrow(
      /--shard: 3\/3 has no \(case, attempt\) pair to run: the selection has 2; use at most 2 shards/,
    )
  })
})

/** A copy of the ledger `from` in `toParent`, edited by `edit` (summary and results) and sealed again: a consistent ledger that verifies. */
function resealedCopy(from: string, toParent: string, edit: (s: RunSummary, r: CaseResult) => void): string {
  const to = path.join(toParent, path.basename(from))
  cpSync(from, to, { recursive: true })
  const summary = JSON.parse(readFileSync(path.join(to, 'run_summary.json'), 'utf8')) as RunSummary
  const results = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? results(path.join(dir, e.name)) : e.name.endsWith('.result.json') ? [path.join(dir, e.name)] : [],
    )
  for (const file of results(to)) {
    const r = JSON.parse(readFileSync(file, 'utf8')) as CaseResult
    edit(summary, r)
    writeFileSync(file, JSON.stringify(r, null, 2) + '\n')
    writeSidecar(file)
    const entry = summary.cases.find((c) => path.relative(to, file) === path.join('cases', `${c.case_id}.result.json`))
    if (entry) entry.result_sha256 = sha256(readFileSync(file))
  }
  const { ledger_root: _, ...rest } = summary
  sealRunSummary(to, rest)
  return to
}

describe('3 shards of a hermetic set, merged, against one unsharded run', () => {
  let repo: string
  let ledger: string
  let scratch: string
  const shard = (i: number) => path.join(ledger, `RUN_000${i}`)
  const merged = () => path.join(ledger, 'RUN_0004')
  const unsharded = () => path.join(ledger, 'RUN_0005')
  const summaryOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'run_summary.json'), 'utf8')) as RunSummary
  const merge = (...dirs: string[]) => cli(['merge', ...dirs, '--out', ledger], { cwd: repo })
  const runSet = ['--stages', 'T1,T2a', '--repeat', '2', '--jobs', '1']

  beforeAll(() => {
    repo = fixtureRepo().repo
    ledger = ledgerDir(repo)
    scratch = mkdtempSync(path.join(os.tmpdir(), 'dogfood-shards-'))
    for (const i of [1, 2, 3]) {
      const r = cli(['run', ...runSet, '--shard', `${i}/3`], { cwd: repo })
      expect(r.status, r.stderr + r.stdout).toBe(0)
    }
    const m = merge(shard(1), shard(2), shard(3))
    expect(m.status, m.stderr + m.stdout).toBe(0)
    const u = cli(['run', ...runSet], { cwd: repo })
    expect(u.status, u.stderr + u.stdout).toBe(0)
  }, 1_200_000)

  it('each shard is a verified run that says which shard of which set it is; together they hold every pair once', () => {
    const head = git(repo, 'rev-parse', 'HEAD').trim()
    const infos = [1, 2, 3].map((i) => {
      const v = cli(['verify', shard(i)])
      expect(v.status, v.stdout).toBe(0)
      const s = summaryOf(shard(i))
      expect(s).toMatchObject({ repo_commit: head, model: 'dogfood/scripted', opencode_version: expect.stringMatching(/^1\.\d+\.\d+/) })
      expect(s.shard).toMatchObject({ index: i, total: 3, repeat: 2, cases: ['T1C01', 'T1C02', 'T1C03', 'T2A01', 'T2A02', 'T2A03'] })
      return s.shard!
    })
    expect(new Set(infos.map((x) => x.set_id)).size).toBe(1)
    expect(infos[0].case_set_hash).toBe(caseSetHash(infos[0].cases, 2))
    const pairs = infos.flatMap((x) => Object.entries(x.pairs).flatMap(([id, ks]) => ks.map((k) => `${id}#${k}`)))
    expect(pairs.sort()).toEqual(
      runPairs(infos[0].cases, 2)
        .map((p) => `${p.caseId}#${p.attempt}`)
        .sort(),
    )
    // Attempts split across shards: T1C01's two attempts ran in shards 1 and 2.
    expect(infos[0].pairs.T1C01).toEqual([1])
    expect(infos[1].pairs.T1C01).toEqual([2])
  })

  it('the merged run verifies, lists each shard with its root, and has every case at 2/2 with the shards’ tokens added up', () => {
    const v = cli(['verify', merged()])
    expect(v.status, v.stdout).toBe(0)
    const s = summaryOf(merged())
    expect(s).toMatchObject({ run_id: 'RUN_0004', final_verdict: 'PASS', total_cases: 6, passed: 6 })
    expect(s.merged?.shards).toEqual([1, 2, 3].map((i) => ({ index: i, run_id: `RUN_000${i}`, ledger_root: summaryOf(shard(i)).ledger_root })))
    for (const c of s.cases) expect(c.attempts, c.case_id).toEqual({ passed: 2, total: 2 })
    for (const i of [1, 2, 3])
      expect(readFileSync(path.join(merged(), 'shards', String(i), 'run_summary.json'))).toEqual(readFileSync(path.join(shard(i), 'run_summary.json')))
    const shardTokens = [1, 2, 3].map((i) => summaryOf(shard(i)).tokens!)
    expect(s.tokens!.total).toBeGreaterThan(0)
    expect(s.tokens!.total).toBe(shardTokens.reduce((n, t) => n + t.total, 0))
    expect(s.tokens!.cost).toBeCloseTo(
      shardTokens.reduce((n, t) => n + t.cost, 0),
      8,
    )
    for (const id of ['T1C01', 'T2A03']) {
      const r = JSON.parse(readFileSync(path.join(merged(), 'attempts', id, '2', 'cases', `${id}.result.json`), 'utf8')) as CaseResult
      expect(r.run_id).toBe('RUN_0004')
    }
  })

  it('diff of the unsharded run and the merged run: no difference beyond times and ids', () => {
    expect(summaryOf(unsharded()).final_verdict).toBe('PASS')
    const d = cli(['diff', unsharded(), merged()], { cwd: repo })
    expect(d.stdout).toContain('no difference (6 case(s) compared')
    expect(d.status, d.stdout).toBe(0)
  })

  const refused = (r: ReturnType<typeof cli>, pattern: RegExp) => {
    expect(r.status, r.stdout + r.stderr).toBe(2)
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1)
    expect(r.stderr.trim()).toMatch(pattern)
    expect(r.stdout).toBe('')
  }

  it('a missing shard is refused with one line, and no run folder is left', () => {
    const before = readdirSync(ledger).sort()
    refused(
      merge(shard(1), shard(3)),
      /^opencode-dogfood: merge: \(T1C01, attempt 2\) and 3 more pair\(s\) missing: shard\(s\) 2\/3 of set [0-9a-f]{16} not given$/,
    )
    expect(readdirSync(ledger).sort()).toEqual(before)
  })

  it('a duplicated shard (a copy of shard 1 in another folder, and the same folder twice) is refused with one line', () => {
    const copy = path.join(scratch, 'dup', 'RUN_0001')
    cpSync(shard(1), copy, { recursive: true })
    refused(
      merge(shard(1), shard(2), shard(3), copy),
      /^opencode-dogfood: merge: \(T1C01, attempt 1\) is present twice: in .*RUN_0001 \(shard 1\/3\) and .*dup\/RUN_0001 \(shard 1\/3\)$/,
    )
    refused(merge(shard(1), shard(2), shard(3), shard(2)), /merge: .*RUN_0002 is given twice/)
  })

  it('a shard of another commit (a consistent, verified ledger) is refused with one line', () => {
    const other = 'f'.repeat(40)
    const forged = resealedCopy(shard(3), path.join(scratch, 'other'), (s, r) => {
      s.repo_commit = other
      r.repo_commit = other
    })
    expect(verifyRun(forged)).toEqual([])
    refused(
      merge(shard(1), shard(2), forged),
      /^opencode-dogfood: merge: shards disagree on the commit: .*RUN_0001 \(shard 1\/3\) is at [0-9a-f]{40}, .*other\/RUN_0003 \(shard 3\/3\) at f{40}$/,
    )
  })

  it('a shard of a set with another N (a consistent, verified ledger) is refused with one line', () => {
    const four = path.join(scratch, 'four')
    const s = summaryOf(shard(3))
    cpSync(shard(3), path.join(four, 'RUN_0003'), { recursive: true })
    const { ledger_root: _, ...rest } = { ...s, shard: { ...s.shard!, total: 4 } }
    sealRunSummary(path.join(four, 'RUN_0003'), rest)
    expect(verifyRun(path.join(four, 'RUN_0003'))).toEqual([])
    refused(
      merge(shard(1), shard(2), path.join(four, 'RUN_0003')),
      /^opencode-dogfood: merge: shards disagree on N: .*RUN_0001 is shard 1 of 3, .*four\/RUN_0003 shard 3 of 4$/,
    )
  })

  it('with --root once per shard, a shard rewritten consistently after its run (it verifies on its own) is refused; the published roots merge', () => {
    const roots = [1, 2, 3].map((i) => summaryOf(shard(i)).ledger_root!)
    // The reason of every result rewritten, sidecars, summary and root sealed again: verify alone accepts it.
    const forged = resealedCopy(shard(2), path.join(scratch, 'pinned'), (s, r) => {
      r.reason = 'FORGED reason'
      for (const c of s.cases) if (c.case_id === r.case_id) c.reason = 'FORGED reason'
    })
    expect(verifyRun(forged)).toEqual([])
    const out = path.join(scratch, 'pinned-out')
    const pin = (...dirs: string[]) => cli(['merge', ...dirs, '--out', out, ...roots.flatMap((r) => ['--root', r])], { cwd: repo })
    refused(
      pin(shard(1), forged, shard(3)),
      /^opencode-dogfood: merge: .*pinned\/RUN_0002: refused: its ledger root [0-9a-f]{64} is not among the published roots given with --root/,
    )
    refused(
      cli(['merge', shard(1), shard(2), shard(3), '--out', out, '--root', roots[0]], { cwd: repo }),
      /^opencode-dogfood: merge: --root given 1 time\(s\) for 3 shard\(s\): give each shard's published root once$/,
    )
    refused(cli(['merge', shard(1), '--out', out, '--root', 'xyz'], { cwd: repo }), /^opencode-dogfood: --root: 'xyz' is not a ledger root/)
    const ok = pin(shard(3), shard(1), shard(2))
    expect(ok.status, ok.stderr).toBe(0)
  })

  it('a tampered shard is refused with one line naming it', () => {
    const t = path.join(scratch, 'tampered', 'RUN_0002')
    cpSync(shard(2), t, { recursive: true })
    writeFileSync(path.join(t, 'evidence', 'T1C01', 'stdout.txt'), 'all good\n')
    refused(
      merge(shard(1), t, shard(3)),
      /^opencode-dogfood: merge: .*tampered\/RUN_0002: refused: the shard does not verify \(\d+ problem\(s\); first: .*stdout\.txt/,
    )
  })

  it('attempts a shard never ran (a stop inside it) keep their case from passing in the merged run', () => {
    // Shard 3 as if fail-fast had stopped it before T2A03 (its attempt 2): the case's files gone, its entry SKIPPED, sealed again.
    const cut = path.join(scratch, 'stopped', 'RUN_0003')
    cpSync(shard(3), cut, { recursive: true })
    for (const p of ['cases/T2A03.result.json', 'cases/T2A03.result.json.sha256', 'evidence/T2A03', 'attempts/T2A03'])
      rmSync(path.join(cut, p), { recursive: true })
    const s = summaryOf(cut)
    const stop = 'fail-fast: T2A02 failed with EMPTYRESPONSE'
    s.cases = s.cases.map((c) =>
      c.case_id === 'T2A03'
        ? {
            case_id: c.case_id,
            stage: c.stage,
            expected_outcome: c.expected_outcome,
            actual_outcome: null,
            status: 'SKIPPED',
            failure_code: null,
            duration_ms: 0,
            reason: stop,
          }
        : c,
    )
    const { ledger_root: _, ...rest } = { ...s, passed: s.passed - 1, skipped: 1, final_verdict: 'FAIL' as const, stop_reason: stop, tokens: undefined }
    sealRunSummary(cut, rest)
    expect(verifyRun(cut)).toEqual([])
    const out = path.join(scratch, 'stopped-out')
    const m = cli(['merge', shard(1), shard(2), cut, '--out', out])
    expect(m.status, m.stderr).toBe(1)
    const merged3 = path.join(out, 'RUN_0001')
    expect(cli(['verify', merged3]).status).toBe(0)
    const t = summaryOf(merged3).cases.find((c) => c.case_id === 'T2A03')!
    expect(t).toMatchObject({ status: 'FAIL', actual_outcome: 'FAIL', failure_code: 'EVIDENCEMISMATCH', attempts: { passed: 1, total: 1 } })
    expect(t.reason).toBe(`1/1 attempts passed; attempt(s) 2 of 2 not run (shard 3/3: ${stop}); attempt 1: ${t.reason!.split('attempt 1: ')[1]}`)
    expect(summaryOf(merged3).stop_reason).toBe(`shard 3/3: ${stop}`)
  })

  it('a run that is no shard is refused, and --shard with no pair left stops before anything is written', () => {
    refused(merge(shard(1), unsharded()), /RUN_0005: refused: not a shard \(its run_summary.json has no shard field; run it with --shard I\/N\)/)
    const before = readdirSync(ledger).sort()
    refused(cli(['run', '--case', 'T1C01', '--shard', '2/2'], { cwd: repo }), /--shard: 2\/2 has no \(case, attempt\) pair to run/)
    expect(readdirSync(ledger).sort()).toEqual(before)
  })
})
