// Issue 9: the ledger holds up against tampering. 1,000 random single-byte
// changes, and 100 consistent forgeries (a file rewritten with its sidecar and
// every list that vouches for it; a FAIL turned into a PASS with the summary
// adjusted, root and all): every one is caught when the published root is
// given; forgeries that leave the summary alone are caught without it.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, cpSync, rmSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha256File } from '../src/fsutil.js'
import { sealEvidence, writeEvidence } from '../src/ledger/evidence.js'
import { writeCaseResult } from '../src/ledger/result.js'
import { allocateRun } from '../src/ledger/run-id.js'
import { sealRunSummary } from '../src/ledger/seal.js'
import { verifyRun } from '../src/ledger/verify.js'
import { buildSummary } from '../src/suite/run.js'
import type { CaseResult, CaseSummary, RunSummary } from '../src/types.js'
import { forgeEvidence, forgePass, forgeSummary } from './support/forge.js'

/** Random single-byte changes: 300 in CI (the property's cost is two verifies each), 1,000 with DOGFOOD_LONG=1. */
const FLIPS = process.env.DOGFOOD_LONG === '1' ? 1000 : 300

const COMMIT = 'c'.repeat(40)

/** A run of four cases written by the ledger's own writers: two PASS, one FAIL, one SKIPPED. */
function makeRun(): { runDir: string; root: string } {
  const { runDir } = allocateRun(mkdtempSync(path.join(os.tmpdir(), 'dogfood-tamper-')))
  const specs: [string, CaseSummary['stage'], 'PASS' | 'FAIL'][] = [
    ['T1C01', 'T1', 'PASS'],
    ['T2A01', 'T2a', 'PASS'],
    ['T2B01', 'T2b', 'FAIL'],
  ]
  const entries: CaseSummary[] = []
  for (const [id, stage, status] of specs) {
    for (const name of ['stdout.txt', 'stderr.txt', 'git_status.txt', 'repo_commit.txt', 'worktree_check.txt', 'transcript.json'])
      writeEvidence(runDir, id, name, `${id} ${name}\n${'x'.repeat(40)}\n`)
    const r: CaseResult = {
      schema_id: 'opencode_dogfood_case_result',
      schema_version: '1.0',
      case_id: id,
      stage,
      expected_outcome: 'SUCCESS',
      actual_outcome: status === 'PASS' ? 'SUCCESS' : 'FAIL',
      status,
      ...(status === 'FAIL' ? { failure_code: 'MODIFICATIONFAIL' as const } : {}),
      run_id: 'RUN_0001',
      duration_ms: 1234,
      model_id: 'dogfood/scripted',
      transport: 'sdk',
      repo_commit: COMMIT,
      evidence: sealEvidence(runDir, id),
      reason: status === 'PASS' ? 'ok' : 'MODIFICATIONFAIL: modified "README.md"',
    }
    const file = writeCaseResult(runDir, r)
    entries.push({
      case_id: id,
      stage,
      expected_outcome: 'SUCCESS',
      actual_outcome: r.actual_outcome,
      status,
      failure_code: r.failure_code ?? null,
      duration_ms: 1234,
      reason: r.reason,
      result_sha256: sha256File(file),
    })
  }
  entries.push({
    case_id: 'T3C01',
    stage: 'T3',
    expected_outcome: 'SUCCESS',
    actual_outcome: null,
    status: 'SKIPPED',
    failure_code: null,
    duration_ms: 0,
    reason: 'stage gate',
  })
  const s = sealRunSummary(runDir, buildSummary('RUN_0001', COMMIT, entries, 'stage gate: T2b failed'))
  return { runDir, root: s.ledger_root! }
}

function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((n) => {
    const r = rel ? `${rel}/${n}` : n
    return statSync(path.join(dir, r)).isDirectory() ? files(dir, r) : [r]
  })
}

describe('tampering with a sealed ledger', () => {
  const { runDir, root } = makeRun()
  const all = files(runDir)

  it("the root is what the README's shell pipeline (find, sort, sha256sum) computes", () => {
    const pipeline = "find . -type f ! -path './run_summary.json*' -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum | cut -d' ' -f1"
    expect(execFileSync('sh', ['-c', pipeline], { cwd: runDir, encoding: 'utf8' }).trim()).toBe(root)
  })

  it('a sound run verifies, with and without its published root, and a wrong root is named', () => {
    expect(verifyRun(runDir)).toEqual([])
    expect(verifyRun(runDir, { root })).toEqual([])
    expect(verifyRun(runDir, { root: '0'.repeat(64) }).join('\n')).toMatch(/is not the published root/)
  })

  it(`${FLIPS.toLocaleString('en')} random single-byte changes to any file are all caught (with the root, and without it)`, () => {
    let n = 0
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.nat(1 << 20), fc.integer({ min: 1, max: 255 }), (fi, off, xor) => {
        const f = path.join(runDir, all[fi])
        const data = readFileSync(f)
        const i = off % data.length
        const orig = data[i]
        data[i] = orig ^ xor
        writeFileSync(f, data)
        try {
          n++
          return verifyRun(runDir, { root }).length > 0 && verifyRun(runDir).length > 0
        } finally {
          data[i] = orig
          writeFileSync(f, data)
        }
      }),
      { numRuns: FLIPS, seed: 9 },
    )
    expect(n).toBe(FLIPS)
    expect(verifyRun(runDir, { root })).toEqual([])
  })

  it('100 consistent forgeries, summary adjusted (root and all): every one caught given the published root', () => {
    const names = ['stdout.txt', 'stderr.txt', 'git_status.txt', 'transcript.json']
    for (let i = 0; i < 100; i++) {
      const copy = mkdtempSync(path.join(os.tmpdir(), 'dogfood-forgery-'))
      const dir = path.join(copy, 'RUN_0001')
      cpSync(runDir, dir, { recursive: true })
      if (i % 2 === 0) forgePass(dir, 'T2B01')
      else forgeEvidence(dir, ['T1C01', 'T2A01', 'T2B01'][i % 3], names[i % names.length], `forged ${i}\n`)
      forgeSummary(dir)
      // Consistent: without the published root, nothing inside the ledger tells.
      expect(verifyRun(dir), `forgery ${i}`).toEqual([])
      expect(verifyRun(dir, { root }).join('\n'), `forgery ${i}`).toMatch(/is not the published root/)
      if (i % 2 === 0) expect((JSON.parse(readFileSync(path.join(dir, 'run_summary.json'), 'utf8')) as RunSummary).final_verdict).toBe('FAIL') // T3C01 is still skipped
      rmSync(copy, { recursive: true })
    }
  })

  it('forgeries of one file (with its sidecar and result) that leave the summary alone are caught without the root', () => {
    for (let i = 0; i < 20; i++) {
      const copy = mkdtempSync(path.join(os.tmpdir(), 'dogfood-forgery-'))
      const dir = path.join(copy, 'RUN_0001')
      cpSync(runDir, dir, { recursive: true })
      if (i % 2 === 0) forgePass(dir, 'T2B01')
      else forgeEvidence(dir, 'T1C01', 'stdout.txt', `forged ${i}\n`)
      const problems = verifyRun(dir).join('\n')
      expect(problems, `forgery ${i}`).toMatch(/ledger_root .* but the run's files hash to/)
      expect(problems, `forgery ${i}`).toMatch(/sha256 is not the summary's result_sha256/)
      rmSync(copy, { recursive: true })
    }
  })

  it("the summary's entries are checked against each result: a rewritten duration is named", () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'dogfood-forgery-'))
    const dir = path.join(copy, 'RUN_0001')
    cpSync(runDir, dir, { recursive: true })
    const rf = path.join(dir, 'cases', 'T1C01.result.json')
    const r = JSON.parse(readFileSync(rf, 'utf8')) as CaseResult
    r.duration_ms = 1
    writeFileSync(rf, JSON.stringify(r))
    writeFileSync(rf + '.sha256', `${sha256File(rf)} *T1C01.result.json\n`)
    expect(verifyRun(dir).join('\n')).toMatch(/T1C01\.result\.json: duration_ms 1, summary says 1234/)
  })

  it('a file that is no part of a run folder is named', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'dogfood-forgery-'))
    const dir = path.join(copy, 'RUN_0001')
    cpSync(runDir, dir, { recursive: true })
    writeFileSync(path.join(dir, 'run_summary.json.bak'), '{}')
    expect(verifyRun(dir, { root }).join('\n')).toMatch(/run_summary\.json\.bak: not part of a run folder/)
  })
})
