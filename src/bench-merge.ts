// `npm run bench -- --merge [--from RUN_DIR] [--shards 50] [--rounds 3]`: what
// `merge` costs. Shard ledgers are synthesized from a real run's ledger (the
// hermetic suite run here, or --from a verified run of --repeat 1): a set of
// its executed cases × R attempts is planned into N shards (suite/shard.ts),
// and each shard gets, for each of its pairs, a copy of the real case's
// result and evidence as that attempt's own ledger, aggregated and sealed as
// the suite does it (aggregateAttempts, sealRunSummary) — normal verified
// shard ledgers. Then `merge` of the N shards is timed at R, 2R and 4R
// attempts (1×, 2×, 4× the ledgers' size); prints the figures (target: 50
// shards < 5 s; time per MB flat when growth is linear).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { hermeticSuite, makeThrowawayRepo } from './demo.js'
import { resultPath } from './ledger/evidence.js'
import { writeCaseResult } from './ledger/result.js'
import { allocateRun } from './ledger/run-id.js'
import { sealRunSummary } from './ledger/seal.js'
import { verifyRun } from './ledger/verify.js'
import { mergeShards } from './merge/build.js'
import { aggregateAttempts, attemptDir } from './suite/repeat.js'
import { buildSummary, runSuite } from './suite/run.js'
import { caseSetHash, runPairs, shardPlan } from './suite/shard.js'
import type { CaseResult, CaseSummary, RunSummary } from './types.js'

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) {
      const s = sizeOf(p)
      files += s.files
      bytes += s.bytes
    } else {
      files++
      bytes += statSync(p).size
    }
  }
  return { files, bytes }
}

/** N shard ledgers under `dir` of the set (source's executed cases × `repeat`), each pair a copy of the source's case. */
function synthesize(source: string, dir: string, total: number, repeat: number): string[] {
  const src = JSON.parse(readFileSync(path.join(source, 'run_summary.json'), 'utf8')) as RunSummary
  const executed = src.cases.filter((c) => c.status !== 'SKIPPED')
  const ids = executed.map((c) => c.case_id)
  const all = runPairs(ids, repeat)
  const out: string[] = []
  for (let index = 1; index <= total; index++) {
    const { runId, runDir } = allocateRun(dir)
    const pairs: Record<string, number[]> = {}
    for (const p of shardPlan(all, { index, total })) pairs[p.caseId] = [...(pairs[p.caseId] ?? []), p.attempt]
    const entries: CaseSummary[] = executed
      .filter((c) => pairs[c.case_id])
      .map((c) => {
        const result = JSON.parse(readFileSync(resultPath(source, c.case_id), 'utf8')) as CaseResult
        const attempts = pairs[c.case_id].map((_, k) => {
          const at = attemptDir(runDir, c.case_id, k + 1)
          cpSync(path.join(source, 'evidence', c.case_id), path.join(at, 'evidence', c.case_id), { recursive: true })
          writeCaseResult(at, { ...result, run_id: runId })
          const entry: CaseSummary = { ...c }
          delete entry.attempts
          delete entry.result_sha256
          return entry
        })
        return aggregateAttempts(runDir, c.case_id, attempts)
      })
    const shard = { set_id: 'bench', index, total, case_set_hash: caseSetHash(ids, repeat), repeat, cases: ids, pairs }
    sealRunSummary(runDir, {
      ...buildSummary(runId, src.repo_commit, entries),
      ...(src.model ? { model: src.model } : {}),
      ...(src.opencode_version ? { opencode_version: src.opencode_version } : {}),
      shard,
    })
    out.push(runDir)
  }
  return out
}

/** Run the bench; prints one line per size and the growth. Returns the exit status. */
export async function runMergeBench(argv: string[]): Promise<number> {
  const arg = (name: string, dflt: number) => Number(argv[argv.indexOf(name) + 1] || dflt) || dflt
  const total = argv.includes('--shards') ? arg('--shards', 50) : 50
  const rounds = argv.includes('--rounds') ? arg('--rounds', 3) : 3
  let source = argv.includes('--from') ? path.resolve(argv[argv.indexOf('--from') + 1]) : undefined
  if (!source) {
    const repo = await makeThrowawayRepo('opencode-dogfood-bench-merge-')
    process.stdout.write('running the hermetic suite once for a real ledger…\n')
    source = (await runSuite({ ...hermeticSuite(repo, path.join(path.dirname(repo), 'wt')), jobs: 1 })).runDir
  }
  const problems = verifyRun(source)
  if (problems.length > 0) throw new Error(`bench --merge: ${source} does not verify: ${problems[0]}`)
  const cases = (JSON.parse(readFileSync(path.join(source, 'run_summary.json'), 'utf8')) as RunSummary).cases.filter((c) => c.status !== 'SKIPPED')
  if (cases.some((c) => c.attempts)) throw new Error(`bench --merge: ${source} is a run of --repeat N; give one of --repeat 1`)
  const base = Math.ceil(total / cases.length)
  const work = mkdtempSync(path.join(os.tmpdir(), 'opencode-dogfood-bench-merge-'))
  process.stdout.write(`source: ${source} (${cases.length} executed cases, ${(sizeOf(source).bytes / 1e6).toFixed(1)} MB); shards: ${total}; work: ${work}\n`)
  const rows: { scale: number; mb: number; ms: number }[] = []
  for (const scale of [1, 2, 4]) {
    const repeat = base * scale
    const shardsDir = path.join(work, `x${scale}`, 'shards')
    mkdirSync(shardsDir, { recursive: true })
    const shards = synthesize(source, shardsDir, total, repeat)
    const size = shards.map(sizeOf).reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }))
    const times: number[] = []
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint()
      const m = mergeShards(shards, path.join(work, `x${scale}`, 'merged'))
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
      if (m.summary.total_cases !== cases.length) throw new Error(`bench --merge: the merged run has ${m.summary.total_cases} cases`)
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
    const mb = size.bytes / 1e6
    rows.push({ scale, mb, ms })
    process.stdout.write(
      `${scale}×: ${total} shards, ${cases.length * repeat} pairs (${cases.length} cases × ${repeat}), ${size.files} files, ${mb.toFixed(1)} MB: merge ${Math.round(ms)} ms (median of ${rounds}; ${times.map((t) => Math.round(t)).join(', ')}), ${(ms / mb).toFixed(1)} ms/MB\n`,
    )
  }
  const [one] = rows
  process.stdout.write(
    `growth: ${rows.map((r) => `${r.scale}× size → ${(r.ms / one.ms).toFixed(2)}× time`).join('; ')} (linear: time ratio ≈ size ratio)\n` +
      `target: ${total} shards at 1× in ${Math.round(one.ms)} ms (< 5000 ms: ${one.ms < 5000 ? 'met' : 'NOT met'})\n`,
  )
  return one.ms < 5000 ? 0 : 1
}
