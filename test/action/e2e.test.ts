// What must show when issue 4 is done: the BUNDLED dist/index.js run as the
// runner runs it (INPUT_* env with action.yml's defaults, GITHUB_OUTPUT,
// GITHUB_STATE, GITHUB_STEP_SUMMARY, a pull_request event payload, the
// runtime token and results URL pointing at the results-service emulation over
// Azurite, GITHUB_API_URL at a local stand-in for the API), on Node 24, on a
// throwaway repository; then dist/post.js with the state the main step saved.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerFiles } from '../../src/action/artifact.js'
import { makeThrowawayRepo } from '../../src/demo.js'
import { verifyRun } from '../../src/ledger/verify.js'
import type { RunSummary } from '../../src/types.js'
import { startAzurite, type Azurite } from '../support/action/azurite.js'
import { startGitHubApi, type FakeGitHubApi } from '../support/action/github-api.js'
import { node24 } from '../support/action/node24.js'
import { runtimeToken, startResultsService, type ResultsService } from '../support/action/results-service.js'
import { actionYml, commands, runStep, type StepResult } from '../support/action/runner.js'
import { readZip } from '../support/action/zip.js'

const OWNER = 'octo-org'
const REPO = 'octo-repo'
const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const TOKEN = 'ghs_e2eTokenThatMustNeverBeLogged0123'

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

interface Scenario {
  name: string
  api: FakeGitHubApi
  fork?: boolean
  inputs: Record<string, string>
  runId: string
  /** Files outside the repository (a cases file). */
  prepare?: (base: string) => Record<string, string>
}

interface Ran {
  base: string
  repo: string
  runnerTemp: string
  mergeSha: string
  main: StepResult
  post: StepResult
  summary: RunSummary
}

async function runAction(s: Scenario): Promise<Ran> {
  const repo = await makeThrowawayRepo('opencode-dogfood-e2e-')
  const base = path.dirname(repo)
  const runnerTemp = path.join(base, 'runner-temp')
  mkdirSync(runnerTemp)
  const mergeSha = readFileSync(path.join(repo, '.git', 'refs', 'heads', 'main'), 'utf8').trim()
  const headRepo = s.fork ? `forker/${REPO}` : `${OWNER}/${REPO}`
  const event = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: HEAD_SHA, ref: 'feature', repo: { full_name: headRepo } },
      base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
    },
    repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } },
  }
  const eventPath = path.join(base, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event))
  const extraInputs = s.prepare?.(base) ?? {}
  const env: Record<string, string> = {
    // Not node_modules/.bin: the action finds opencode as a consumer's runner would.
    PATH: (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((d) => !d.includes('node_modules'))
      .join(path.delimiter),
    HOME: process.env.HOME ?? os.homedir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: mergeSha,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: s.runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'dogfood',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: s.api.url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${s.runId}`, `job-${s.runId}`),
    ACTIONS_RESULTS_URL: results.url,
  }
  const inputs = { 'github-token': TOKEN, ...extraInputs, ...s.inputs }
  const main = await runStep({ node: node.bin, entry: 'dist/index.js', inputs, env, dir: path.join(base, 'main') })
  const post = await runStep({ node: node.bin, entry: 'dist/post.js', inputs, env, dir: path.join(base, 'post'), state: main.state })
  const ledger = main.outputs['ledger-path']
  const summary = JSON.parse(readFileSync(path.join(ledger, 'run_summary.json'), 'utf8')) as RunSummary
  return { base, repo, runnerTemp, mergeSha, main, post, summary }
}

function expectArtifactMatchesLedger(r: Ran): void {
  const stored = results.artifacts.find((a) => a.name === r.main.outputs['artifact-name'])
  expect(stored, `artifact ${r.main.outputs['artifact-name']} in the emulated service`).toBeDefined()
  expect(stored!.finalized).toBe(true)
  expect(r.main.outputs['artifact-id']).toBe(stored!.id)
}

async function artifactZip(r: Ran): Promise<Map<string, Buffer>> {
  const stored = results.artifacts.find((a) => a.name === r.main.outputs['artifact-name'])!
  const blob = await results.download(stored)
  expect(r.main.outputs['artifact-digest']).toBe(`sha256:${createHash('sha256').update(blob).digest('hex')}`)
  return new Map(
    readZip(blob)
      .filter((e) => !e.name.endsWith('/'))
      .map((e) => [e.name, e.data]),
  )
}

async function expectZipIsLedger(r: Ran): Promise<void> {
  expectArtifactMatchesLedger(r)
  const ledger = r.main.outputs['ledger-path']
  const zip = await artifactZip(r)
  const files = ledgerFiles(ledger).map((f) => path.relative(path.dirname(ledger), f).split(path.sep).join('/'))
  expect([...zip.keys()].sort()).toEqual([...files].sort())
  for (const rel of files) expect(zip.get(rel)!.equals(readFileSync(path.join(path.dirname(ledger), rel))), rel).toBe(true)
}

function expectEveryOutput(r: Ran): void {
  const names = Object.keys(actionYml().outputs)
  for (const n of names) expect(Object.keys(r.main.outputs), `output ${n}`).toContain(n)
}

function expectTokenMasked(r: Ran): void {
  const lines = r.main.stdout.split('\n')
  const withToken = lines.map((l, i) => [l, i] as const).filter(([l]) => l.includes(TOKEN))
  expect(withToken.map(([l]) => l)).toEqual([`::add-mask::${TOKEN}`])
  // Registered before anything else was printed.
  const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'))
  expect(withToken[0][1]).toBeLessThan(firstOther)
  expect(r.main.stderr).not.toContain(TOKEN)
  expect(r.main.summary).not.toContain(TOKEN)
  for (const f of ledgerFiles(r.main.outputs['ledger-path'])) expect(readFileSync(f, 'utf8').includes(TOKEN), f).toBe(false)
}

describe(`the bundled action on ${node.version}`, () => {
  it('runs on the runtime action.yml names (node24) where npm ships it', () => {
    expect(actionYml().runs.using).toBe('node24')
    if (!process.env.DOGFOOD_TEST_NODE && process.platform === 'linux' && process.arch === 'x64') expect(node.version).toMatch(/^v24\./)
  })

  it('pull_request, all stages (defaults): PASS, worktree, ledger, artifact, summary, outputs, check run on the PR head', async () => {
    const api = await startGitHubApi({ owner: OWNER, repo: REPO })
    try {
      const r = await runAction({ name: 'pass', api, inputs: {}, runId: '5001' })
      expect(r.main.exitCode, r.main.stdout + r.main.stderr).toBe(0)

      // Outputs: every one, with the run's numbers.
      expectEveryOutput(r)
      expect(r.main.outputs).toMatchObject({ verdict: 'PASS', passed: '15', failed: '0', skipped: '0', total: '15', 'run-id': 'RUN_0001' })
      expect(r.summary.final_verdict).toBe('PASS')

      // The worktree: created under RUNNER_TEMP, the cases ran in it, removed after the PASS.
      const worktree = r.main.state.worktree
      expect(worktree.startsWith(r.runnerTemp)).toBe(true)
      const check = readFileSync(path.join(r.main.outputs['ledger-path'], 'evidence', 'T2B01', 'worktree_check.txt'), 'utf8')
      expect(check).toContain('is_worktree: true')
      expect(check).toContain(`directory: ${realpathSync(r.runnerTemp)}`)
      expect(r.main.stdout).toContain(`worktree ${worktree} removed`)

      // The ledger verifies against the root published outside it (output, job summary, check run), and the artifact holds exactly it.
      expect(r.main.outputs['ledger-root']).toMatch(/^[0-9a-f]{64}$/)
      expect(r.main.outputs['ledger-root']).toBe(r.summary.ledger_root)
      expect(r.main.summary).toContain(r.main.outputs['ledger-root'])
      expect(verifyRun(r.main.outputs['ledger-path'], { root: r.main.outputs['ledger-root'] })).toEqual([])
      await expectZipIsLedger(r)

      // The job summary: the verdict and the table of every case, with the artifact link.
      expect(r.main.summary).toContain('## ✅ opencode-dogfood: PASS')
      expect(r.main.summary).toContain('| case | stage | expected | actual | status | failure code | duration |')
      for (const c of r.summary.cases) expect(r.main.summary).toContain(`| ${c.case_id} | ${c.stage} | ${c.expected_outcome} |`)
      expect(r.main.summary).toContain(`https://github.com/${OWNER}/${REPO}/actions/runs/5001/artifacts/${r.main.outputs['artifact-id']}`)
      expect(r.main.summary).toContain(r.main.outputs['artifact-digest'])

      // The check run: in_progress → completed on the PR head (not the merge commit), schema-valid bodies.
      expect(api.checkRuns).toHaveLength(1)
      const run = api.checkRuns[0]
      expect(run.head_sha).toBe(HEAD_SHA)
      expect(run.head_sha).not.toBe(r.mergeSha)
      expect(run.history).toEqual(['in_progress', 'completed'])
      expect(run.conclusion).toBe('success')
      expect(api.calls.map((c) => [c.method, c.status, c.problems])).toEqual([
        ['POST', 201, []],
        ['PATCH', 200, []],
      ])
      expect(api.calls[0].authorization).toBe(`token ${TOKEN}`)
      expect(r.main.outputs['check-run-id']).toBe(String(run.id))
      expect(r.main.outputs['check-run-url']).toBe(`https://github.com/${OWNER}/${REPO}/runs/${run.id}`)

      expectTokenMasked(r)
      expect(commands(r.main.stdout, 'warning')).toEqual([])

      // The post step: the server's pid was recorded (through the wrapper) and it was stopped by the run itself.
      expect(readdirSync(path.join(r.main.state['state-dir'], 'pids')).some((f) => /^opencode-\d+\.pid$/.test(f))).toBe(true)
      expect(r.post.exitCode).toBe(0)
      expect(commands(r.post.stdout, 'warning')).toEqual([])
      expect(commands(r.post.stdout, 'error')).toEqual([])
    } finally {
      await api.close()
    }
  }, 600_000)

  it('fork pull request, token refused with 403: one warning; summary, artifact and a PASS step all the same', async () => {
    const api = await startGitHubApi({ owner: OWNER, repo: REPO, readOnly: true })
    try {
      const r = await runAction({ name: 'fork', api, fork: true, inputs: { stages: 'T1' }, runId: '5002' })
      expect(r.main.exitCode, r.main.stdout + r.main.stderr).toBe(0)
      const warnings = commands(r.main.stdout, 'warning')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/HTTP 403: Resource not accessible by integration.*fork.*job summary/)
      // One request only: after the 403 the action stops talking to the API.
      expect(api.calls).toHaveLength(1)
      expect(api.calls[0].problems).toEqual([])
      expect(api.calls[0].body.head_sha).toBe(HEAD_SHA)
      expect(r.main.outputs).toMatchObject({ verdict: 'PASS', total: '3', 'check-run-id': '', 'check-run-url': '' })
      expectEveryOutput(r)
      expect(r.main.summary).toContain('## ✅ opencode-dogfood: PASS')
      for (const c of r.summary.cases) expect(r.main.summary).toContain(`| ${c.case_id} | ${c.stage} |`)
      expect(verifyRun(r.main.outputs['ledger-path'])).toEqual([])
      await expectZipIsLedger(r)
      expect(r.post.exitCode).toBe(0)
    } finally {
      await api.close()
    }
  }, 600_000)

  it('a write outside the allowlist: FAIL fails the step, the check fails with an annotation on the path, the worktree is kept', async () => {
    const api = await startGitHubApi({ owner: OWNER, repo: REPO })
    try {
      const r = await runAction({
        name: 'fail',
        api,
        inputs: { case: 'T2B91', containment: 'off' },
        runId: '5003',
        prepare: (base) => {
          const file = path.join(base, 'cases.json')
          const write = { tool_calls: [{ name: 'write', arguments: { filePath: 'README.md', content: 'defaced\n' } }] }
          writeFileSync(
            file,
            JSON.stringify({
              cases: [
                {
                  id: 'T2B91',
                  stage: 'T2b',
                  expected_outcome: 'SUCCESS',
                  purpose: 'write outside the allowlist',
                  prevention: 'off',
                  prompt: 'Rewrite README.md.',
                  turns: [write, { text: 'done' }],
                },
              ],
            }),
          )
          return { 'cases-file': file }
        },
      })
      expect(r.main.exitCode).toBe(1)
      expect(commands(r.main.stdout, 'error').join('\n')).toMatch(/RUN_0001: verdict FAIL — 0 passed, 1 failed, 0 skipped/)
      expect(r.main.outputs).toMatchObject({ verdict: 'FAIL', failed: '1', total: '1' })
      expect(r.summary.cases[0]).toMatchObject({ case_id: 'T2B91', status: 'FAIL', failure_code: 'MODIFICATIONFAIL', offending_paths: ['README.md'] })

      const run = api.checkRuns[0]
      expect(run.head_sha).toBe(HEAD_SHA)
      expect(run.history).toEqual(['in_progress', 'completed'])
      expect(run.conclusion).toBe('failure')
      expect(run.annotations).toEqual([
        expect.objectContaining({ path: 'README.md', annotation_level: 'failure', title: 'opencode-dogfood T2B91 MODIFICATIONFAIL' }),
      ])
      for (const c of api.calls) expect(c.problems).toEqual([])

      expect(r.main.summary).toContain('## ❌ opencode-dogfood: FAIL')
      expect(r.main.summary).toMatch(/\| T2B91 \| T2b \| SUCCESS \| FAIL \| ❌ FAIL \| MODIFICATIONFAIL \|/)
      expect(r.main.summary).toContain('paths: `README.md`')
      expect(verifyRun(r.main.outputs['ledger-path'])).toEqual([])
      await expectZipIsLedger(r)

      // Kept for inspection (the seed's cleanup rule), reported by the post step.
      expect(commands(r.main.stdout, 'notice').join()).toContain('worktree left for inspection')
      expect(r.post.exitCode).toBe(0)
      expect(commands(r.post.stdout, 'notice').join()).toContain(`worktree kept for inspection at ${r.main.state.worktree} (verdict FAIL)`)
    } finally {
      await api.close()
    }
  }, 600_000)

  it('a bad input fails the step with one line naming it; no check run is created', async () => {
    const api = await startGitHubApi({ owner: OWNER, repo: REPO })
    try {
      const base = mkdtempSync(path.join(os.tmpdir(), 'opencode-dogfood-e2e-bad-'))
      const r = await runStep({
        node: node.bin,
        entry: 'dist/index.js',
        inputs: { stages: 'T1,T7', 'github-token': TOKEN },
        env: { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: base, RUNNER_TEMP: base, GITHUB_API_URL: api.url },
        dir: path.join(base, 'main'),
      })
      expect(r.exitCode).toBe(1)
      expect(commands(r.stdout, 'error')).toEqual(["stages: unknown stage 'T7'; allowed: T1, T2a, T2b, T3, T4"])
      expect(api.calls).toEqual([])
    } finally {
      await api.close()
    }
  })
})
