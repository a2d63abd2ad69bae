// The Action's two halves of a sharded set, as the runner runs them: the
// BUNDLED dist/index.js three times as the legs of a matrix (shard: I/3, each
// its own job backend id), each uploading its ledger through the real
// @actions/artifact to the results-service emulation over Azurite; then a
// re-run of one leg (run attempt 2: the same names but the attempt, no 409);
// then the merge half (mode: merge) in a job of its own: it downloads them,
// keeps shard 2's latest attempt, merges, verifies, uploads the merged ledger
// and posts one check run. A set with a shard missing is refused in one line.
import { mkdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeThrowawayRepo } from '../../src/demo.js'
import { verifyRun } from '../../src/ledger/verify.js'
import type { RunSummary } from '../../src/types.js'
import { startAzurite, type Azurite } from '../support/action/azurite.js'
import { startGitHubApi } from '../support/action/github-api.js'
import { node24 } from '../support/action/node24.js'
import { runtimeToken, startResultsService, type ResultsService } from '../support/action/results-service.js'
import { commands, runStep, type StepResult } from '../support/action/runner.js'

const OWNER = 'octo-org'
const REPO = 'octo-repo'
const TOKEN = 'ghs_shardMergeTokenNeverLogged0123456'

let azurite: Azurite
let results: ResultsService
const node = node24()

beforeAll(async () => {
  azurite = await startAzurite()
  results = await startResultsService(azurite)
})
afterAll(async () => {
  await results?.close()
  await azurite?.stop()
})

interface Job {
  repo: string
  runId: string
  attempt: string
  jobKey: string
  job: string
  inputs: Record<string, string>
  apiUrl: string
}

async function step(j: Job): Promise<StepResult> {
  const base = path.dirname(j.repo)
  const dir = path.join(base, `${j.job}-${j.jobKey}-${j.attempt}`)
  const runnerTemp = path.join(dir, 'runner-temp')
  mkdirSync(runnerTemp, { recursive: true })
  const env: Record<string, string> = {
    PATH: (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((d) => !d.includes('node_modules'))
      .join(path.delimiter),
    HOME: process.env.HOME ?? os.homedir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: j.repo,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_SHA: readFileSync(path.join(j.repo, '.git', 'refs', 'heads', 'main'), 'utf8').trim(),
    GITHUB_RUN_ID: j.runId,
    GITHUB_RUN_ATTEMPT: j.attempt,
    GITHUB_JOB: j.job,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: j.apiUrl,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${j.runId}`, j.jobKey),
    ACTIONS_RESULTS_URL: results.url,
  }
  return runStep({ node: node.bin, entry: 'dist/index.js', inputs: { 'github-token': TOKEN, ...j.inputs }, env, dir: path.join(dir, 'step') })
}

const summaryOf = (r: StepResult) => JSON.parse(readFileSync(path.join(r.outputs['ledger-path'], 'run_summary.json'), 'utf8')) as RunSummary

describe('the Action, sharded: a matrix of shard legs, a re-run, then mode: merge', () => {
  it('three legs and a re-run of leg 2 merge into one verified run; a set with a shard missing is refused in one line', async () => {
    const api = await startGitHubApi({ owner: OWNER, repo: REPO })
    try {
      const repo = await makeThrowawayRepo('opencode-dogfood-shard-action-')
      const common = { repo, runId: '7001', apiUrl: api.url }
      const shardInputs = (i: number) => ({ stages: 'T1', repeat: '2', shard: `${i}/3`, 'create-check': 'false' })
      const legs: StepResult[] = []
      for (const i of [1, 2, 3]) legs.push(await step({ ...common, attempt: '1', job: 'shard', jobKey: `leg-${i}`, inputs: shardInputs(i) }))
      for (const leg of legs) {
        expect(leg.exitCode, leg.stdout + leg.stderr).toBe(0)
        expect(leg.outputs['artifact-name']).toMatch(/^opencode-dogfood-7001-1-shard-shard-[123]of3-[0-9a-f]{8}$/)
      }
      expect(legs.map((l) => summaryOf(l).shard?.index)).toEqual([1, 2, 3])
      expect(new Set(legs.map((l) => summaryOf(l).shard?.set_id)).size).toBe(1)

      // "Re-run failed jobs": leg 2 again, attempt 2, a new job backend id; its name differs only in the attempt and the key.
      const rerun = await step({ ...common, attempt: '2', job: 'shard', jobKey: 'leg-2-attempt-2', inputs: shardInputs(2) })
      expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0)
      expect(rerun.outputs['artifact-name']).toMatch(/^opencode-dogfood-7001-2-shard-shard-2of3-/)
      expect(results.calls.filter((c) => c.status === 409)).toEqual([])

      // The merge job (attempt 2 of the workflow run, as after the re-run).
      const merge = await step({ ...common, attempt: '2', job: 'merge', jobKey: 'merge-job', inputs: { mode: 'merge' } })
      expect(merge.exitCode, merge.stdout + merge.stderr).toBe(0)
      expect(merge.stdout).toMatch(/shard 2 of set \S+ was run again later; this attempt \(1\) is left out/)
      const merged = summaryOf(merge)
      expect(merge.outputs).toMatchObject({ verdict: 'PASS', total: '3', passed: '3' })
      expect(merged.merged?.shards.map((s) => s.index)).toEqual([1, 2, 3])
      expect(merged.merged?.shards[1].run_id).toBe(summaryOf(rerun).run_id)
      expect(verifyRun(merge.outputs['ledger-path'], { root: merge.outputs['ledger-root'] })).toEqual([])
      expect(merge.outputs['artifact-name']).toMatch(/^opencode-dogfood-merged-7001-2-merge-[0-9a-f]{8}$/)
      expect(results.artifacts.find((a) => a.name === merge.outputs['artifact-name'])?.finalized).toBe(true)
      // One check run, for the whole set; one job summary.
      expect(api.checkRuns).toHaveLength(1)
      expect(api.checkRuns[0].conclusion).toBe('success')
      expect(api.calls.every((c) => c.problems.length === 0)).toBe(true)
      expect(merge.summary).toContain('## ✅ opencode-dogfood: PASS')
      expect(merge.summary).toContain(merge.outputs['ledger-root'])
      expect(merge.summary).toMatch(/Merged from 3 shards of set `[^`]+`: 1: RUN_\d+ \(root `[0-9a-f]{12}`\), 2: /)
      expect(legs[0].summary).toMatch(/Shard 1 of 3 of set `[^`]+`/)
      expect(commands(merge.stdout, 'error')).toEqual([])

      // merge-roots: the legs' published roots (leg 2's latest attempt) pin the shards; the merge passes.
      const published = [legs[0], rerun, legs[2]].map((l) => l.outputs['ledger-root'])
      const pinned = await step({
        ...common,
        attempt: '2',
        job: 'merge',
        jobKey: 'merge-pinned',
        inputs: { mode: 'merge', 'merge-roots': published.join('\n') },
      })
      expect(pinned.exitCode, pinned.stdout + pinned.stderr).toBe(0)
      expect(pinned.outputs.verdict).toBe('PASS')
      // Leg 2's earlier root in place of its latest: the shard merged is not the one published; refused before any merge.
      const wrong = [legs[0], legs[1], legs[2]].map((l) => l.outputs['ledger-root'])
      const unpinned = await step({ ...common, attempt: '2', job: 'merge', jobKey: 'merge-wrong', inputs: { mode: 'merge', 'merge-roots': wrong.join(' ') } })
      expect(unpinned.exitCode).not.toBe(0)
      const why = commands(unpinned.stdout, 'error')
      expect(why).toHaveLength(1)
      expect(why[0]).toMatch(
        new RegExp(`merge: artifact ${rerun.outputs['artifact-name']}: refused: its ledger root ${rerun.outputs['ledger-root']} is not among merge-roots`),
      )
      expect(unpinned.stdout).not.toMatch(/merging \d+ shard/)
      // A root given that no shard has (one too many): refused too.
      const extra = await step({
        ...common,
        attempt: '2',
        job: 'merge',
        jobKey: 'merge-extra',
        inputs: { mode: 'merge', 'merge-roots': [...published, legs[1].outputs['ledger-root']].join(',') },
      })
      expect(commands(extra.stdout, 'error')[0]).toMatch(/merge-roots names 1 root\(s\) no downloaded shard has/)

      // Another workflow run where leg 3 never uploaded: refused, one line naming what is missing; the check is closed.
      const other = { ...common, runId: '7002' }
      for (const i of [1, 2]) expect((await step({ ...other, attempt: '1', job: 'shard', jobKey: `b-leg-${i}`, inputs: shardInputs(i) })).exitCode).toBe(0)
      const refused = await step({ ...other, attempt: '1', job: 'merge', jobKey: 'b-merge', inputs: { mode: 'merge' } })
      expect(refused.exitCode).not.toBe(0)
      const errors = commands(refused.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/merge: .*(missing|shard 3)/)
      expect(api.checkRuns.at(-1)?.conclusion).toBe('failure')
    } finally {
      await api.close()
    }
  }, 900_000)
})
