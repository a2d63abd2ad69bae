// The ledger: sidecars that sha256sum -c accepts, verify() that finds every
// kind of problem, run ids allocated atomically across processes.
import { execFileSync, spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { sealEvidence, writeEvidence } from '../src/ledger/evidence.js'
import { writeCaseResult } from '../src/ledger/result.js'
import { allocateRun, formatRunId } from '../src/ledger/run-id.js'
import { writeSidecar } from '../src/ledger/sidecar.js'
import { verifyRun } from '../src/ledger/verify.js'
import { buildSummary } from '../src/suite/run.js'
import { sha256File, writeJsonAtomic } from '../src/fsutil.js'
import { sealRunSummary } from '../src/ledger/seal.js'
import type { CaseResult } from '../src/types.js'
import { SchemaError } from '../src/errors.js'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'dogfood-ledger-'))

function makeRun(): string {
  const ledger = tmp()
  const { runDir } = allocateRun(ledger)
  for (const name of ['stdout.txt', 'stderr.txt', 'git_status.txt', 'repo_commit.txt', 'worktree_check.txt', 'weird name (1).txt'])
    writeEvidence(runDir, 'T1C01', name, `content of ${name}\n`)
  const result: CaseResult = {
    schema_id: 'opencode_dogfood_case_result',
    schema_version: '1.0',
    case_id: 'T1C01',
    stage: 'T1',
    expected_outcome: 'SUCCESS',
    actual_outcome: 'SUCCESS',
    status: 'PASS',
    run_id: 'RUN_0001',
    duration_ms: 5,
    repo_commit: 'b'.repeat(40),
    evidence: sealEvidence(runDir, 'T1C01'),
  }
  const file = writeCaseResult(runDir, result)
  const summary = buildSummary('RUN_0001', 'b'.repeat(40), [
    {
      case_id: 'T1C01',
      stage: 'T1',
      expected_outcome: 'SUCCESS',
      actual_outcome: 'SUCCESS',
      status: 'PASS',
      failure_code: null,
      duration_ms: 5,
      result_sha256: sha256File(file),
    },
  ])
  sealRunSummary(runDir, summary)
  return runDir
}

describe('sidecars and verify', () => {
  it('a sound run verifies, and sha256sum -c accepts every sidecar in its folder', () => {
    const runDir = makeRun()
    expect(verifyRun(runDir)).toEqual([])
    for (const dir of [runDir, path.join(runDir, 'cases'), path.join(runDir, 'evidence', 'T1C01')]) {
      const sidecars = readdirSync(dir).filter((n) => n.endsWith('.sha256'))
      expect(sidecars.length).toBeGreaterThan(0)
      const out = execFileSync('sha256sum', ['-c', ...sidecars], { cwd: dir, encoding: 'utf8' })
      expect(out).not.toMatch(/FAILED/)
    }
    expect(readFileSync(path.join(runDir, 'run_summary.json.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64} \*run_summary\.json\n$/)
  })
  it('evidence entries are sorted by path, LC_ALL=C', () => {
    const runDir = makeRun()
    const r = JSON.parse(readFileSync(path.join(runDir, 'cases', 'T1C01.result.json'), 'utf8')) as CaseResult
    const paths = r.evidence.map((e) => e.path)
    expect(paths).toEqual(
      execFileSync('sort', { input: paths.join('\n') + '\n', env: { LC_ALL: 'C' }, encoding: 'utf8' })
        .trim()
        .split('\n'),
    )
  })
  it('finds a tampered evidence file', () => {
    const runDir = makeRun()
    appendFileSync(path.join(runDir, 'evidence', 'T1C01', 'stdout.txt'), 'tampered')
    const problems = verifyRun(runDir)
    expect(problems).toContain('evidence/T1C01/stdout.txt: sha256 does not match its sidecar')
    expect(problems.some((p) => /does not match its recorded sha256/.test(p))).toBe(true)
  })
  it('finds a missing sidecar, a missing evidence file and an unlisted one', () => {
    const runDir = makeRun()
    rmSync(path.join(runDir, 'evidence', 'T1C01', 'stderr.txt.sha256'))
    rmSync(path.join(runDir, 'evidence', 'T1C01', 'git_status.txt'))
    writeFileSync(path.join(runDir, 'evidence', 'T1C01', 'extra.txt'), 'x')
    writeSidecar(path.join(runDir, 'evidence', 'T1C01', 'extra.txt'))
    const problems = verifyRun(runDir).join('\n')
    expect(problems).toMatch(/stderr\.txt: no sidecar/)
    expect(problems).toMatch(/evidence 'evidence\/T1C01\/git_status\.txt' is missing/)
    expect(problems).toMatch(/evidence\/T1C01\/git_status\.txt: missing/)
    expect(problems).toMatch(/evidence file 'evidence\/T1C01\/extra\.txt' is not listed/)
  })
  it('finds counts that do not add up and a schema violation', () => {
    const runDir = makeRun()
    const file = path.join(runDir, 'run_summary.json')
    const s = JSON.parse(readFileSync(file, 'utf8'))
    s.skipped = 2
    s.final_verdict = 'MAYBE'
    writeJsonAtomic(file, s)
    writeSidecar(file)
    const problems = verifyRun(runDir).join('\n')
    expect(problems).toMatch(/passed 1 \+ failed 0 \+ skipped 2 != total_cases 1/)
    expect(problems).toMatch(/final_verdict must be equal to one of the allowed values/)
  })
  it('finds unsorted evidence', () => {
    const runDir = makeRun()
    const file = path.join(runDir, 'cases', 'T1C01.result.json')
    const r = JSON.parse(readFileSync(file, 'utf8'))
    r.evidence.reverse()
    writeJsonAtomic(file, r)
    writeSidecar(file)
    expect(verifyRun(runDir).join('\n')).toMatch(/evidence not sorted \(LC_ALL=C\)/)
  })
  it('refuses to write a result that fails its schema', () => {
    const runDir = makeRun()
    const bad = { schema_id: 'opencode_dogfood_case_result', case_id: 'nope' } as unknown as CaseResult
    expect(() => writeCaseResult(runDir, bad)).toThrow(SchemaError)
  })
  it('the CLI verify lists problems and exits 1', () => {
    const runDir = makeRun()
    appendFileSync(path.join(runDir, 'run_summary.json'), ' ')
    const r = (() => {
      try {
        return { status: 0, out: execFileSync(process.execPath, ['dist/cli.js', 'verify', runDir], { encoding: 'utf8' }) }
      } catch (e) {
        const err = e as { status: number; stdout: string }
        return { status: err.status, out: err.stdout }
      }
    })()
    expect(r.status).toBe(1)
    expect(r.out).toMatch(/problem: run_summary\.json: sha256 does not match its sidecar/)
  })
})

describe('run ids', () => {
  it('follow the seed: highest RUN_* + 1, zero-padded', () => {
    const ledger = tmp()
    mkdirSync(path.join(ledger, 'RUN_0007'))
    mkdirSync(path.join(ledger, 'RUN_0003'))
    mkdirSync(path.join(ledger, 'notes'))
    expect(allocateRun(ledger).runId).toBe('RUN_0008')
    expect(allocateRun(ledger).runId).toBe('RUN_0009')
    expect(formatRunId(12)).toBe('RUN_0012')
    expect(() => formatRunId(10000)).toThrow(/RUN_9999/)
  })
  it('are never shared by concurrent runs (8 processes × 25 allocations)', async () => {
    const dir = tmp()
    const script = path.join(dir, 'alloc.mjs')
    await build({
      stdin: {
        contents: `import { allocateRun } from ${JSON.stringify(path.resolve('src/ledger/run-id.ts'))}\nconst ids = []\nfor (let i = 0; i < 25; i++) ids.push(allocateRun(process.argv[2]).runId)\nconsole.log(ids.join(' '))`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    })
    const ledger = path.join(dir, 'ledger')
    const outputs = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<string>((resolve, reject) => {
            const p = spawn(process.execPath, [script, ledger])
            let out = ''
            p.stdout.on('data', (d) => (out += d))
            p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
          }),
      ),
    )
    const ids = outputs.flatMap((o) => o.trim().split(' '))
    expect(ids).toHaveLength(200)
    expect(new Set(ids).size).toBe(200)
    expect(readdirSync(ledger).sort()).toEqual(Array.from({ length: 200 }, (_, i) => formatRunId(i + 1)))
  })
})
