// The check run: bodies built by src/report/check-run.ts, sent by
// src/action/checks.ts to a local stand-in for the API, every body validated
// against GitHub's own request schemas (extracted from @octokit/openapi).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckRun, octokitChecks } from '../../src/action/checks.js'
import { checkSha } from '../../src/action/context.js'
import { annotationsFor, CHECK_TEXT_LIMIT, completionBodies, createBody, errorBody, setsCompletionBodies } from '../../src/report/check-run.js'
import type { ReportContext } from '../../src/report/summary.js'
import { problems, validateCreate, validateUpdate } from '../support/action/check-schemas.js'
import { startGitHubApi, type FakeGitHubApi } from '../support/action/github-api.js'
import { hugeFailingRun, passingRun, safetyStopRun } from '../support/action/summaries.js'

const SHA = 'f'.repeat(40)
const ctxOf = (summary = passingRun()): ReportContext => ({
  summary,
  ledgerPath: '/w/artifacts/ledger/opencode_dogfood/RUN_0001',
  model: 'dogfood/scripted',
  artifact: { name: 'a', id: 1, digest: 'c'.repeat(64) },
})
const start = () =>
  createBody({
    name: 'opencode-dogfood',
    headSha: SHA,
    startedAt: new Date('2026-01-17T11:40:00Z'),
    detailsUrl: 'https://github.com/o/r/actions/runs/1',
    stages: 'T1,T2a',
  })

let api: FakeGitHubApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

describe('check run bodies', () => {
  it('the schemas catch what GitHub would refuse (the validator is not a rubber stamp)', () => {
    expect(problems(validateUpdate, { status: 'completed' })).not.toEqual([])
    const tooMany = {
      output: {
        summary: 's',
        annotations: Array.from({ length: 51 }, () => ({ path: 'a', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm' })),
      },
    }
    expect(problems(validateUpdate, tooMany).join()).toMatch(/must NOT have more than 50 items/)
    expect(problems(validateCreate, { name: 'x' }).join()).toMatch(/head_sha/)
    expect(problems(validateUpdate, { output: { summary: 'x'.repeat(65_536) } }).join()).toMatch(/65535/)
  })

  it('create: in_progress on the given sha, schema-valid', () => {
    const body = start()
    expect(problems(validateCreate, body)).toEqual([])
    expect(body).toMatchObject({ status: 'in_progress', head_sha: SHA, name: 'opencode-dogfood' })
  })

  it('PASS completes with success in one request', () => {
    const bodies = completionBodies(ctxOf(), new Date('2026-01-17T11:45:00Z'))
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({ status: 'completed', conclusion: 'success', external_id: 'RUN_0001' })
    expect(bodies[0].output.text).toContain('| T4E02 | T4 | EXPECTED_FAIL | FAIL | ✅ PASS | TIMEOUTEXCEEDED |')
    expect(problems(validateUpdate, bodies[0])).toEqual([])
  })

  it('FAIL annotates each offending path of a failed case', () => {
    const a = annotationsFor(safetyStopRun().cases)
    expect(a.map((x) => x.path)).toEqual(['src/app.ts', 'README.md'])
    expect(a[0]).toMatchObject({ annotation_level: 'failure', start_line: 1, end_line: 1, title: 'opencode-dogfood T2B01 MODIFICATIONFAIL' })
    const [body] = completionBodies(ctxOf(safetyStopRun()), new Date())
    expect(body.conclusion).toBe('failure')
    expect(problems(validateUpdate, body)).toEqual([])
  })

  it('FAIL output against its golden file (title, summary, text)', () => {
    const [body] = completionBodies(ctxOf(safetyStopRun()), new Date())
    const actual = `# title\n\n${body.output.title}\n\n# summary\n\n${body.output.summary}\n# text\n\n${body.output.text}`
    const file = path.resolve('test/golden/check-run-fail.md')
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
    expect(existsSync(file), 'check-run-fail.md is missing: run with UPDATE_GOLDEN=1 once and review it').toBe(true)
    expect(actual).toBe(readFileSync(file, 'utf8'))
  })

  it('120 annotations go 50 + 50 + 20; only the last request completes the run', () => {
    const bodies = completionBodies(ctxOf(hugeFailingRun(40, 100, 3)), new Date())
    expect(bodies.map((b) => b.output.annotations?.length)).toEqual([50, 50, 20])
    expect(bodies.map((b) => b.status)).toEqual([undefined, undefined, 'completed'])
    for (const b of bodies) expect(problems(validateUpdate, b)).toEqual([])
  })

  it('merge mode, several sets: one check; failure when any set fails; the failing sets annotated; the comparison as text', () => {
    const passing = { ...ctxOf(), title: 'opencode-dogfood · set a' }
    const failing = { ...ctxOf(safetyStopRun()), title: 'opencode-dogfood · set b' }
    const bodies = setsCompletionBodies([passing, failing], '## compare table', new Date())
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: `${passing.summary.run_id},${failing.summary.run_id}` })
    expect(bodies[0].output.title).toBe('FAIL: 2 sets, 1 failing')
    expect(bodies[0].output.summary).toContain('set a: PASS')
    expect(bodies[0].output.summary).toContain('set b: FAIL')
    expect(bodies[0].output.text).toBe('## compare table')
    expect(bodies[0].output.annotations?.map((a) => a.path)).toEqual(['src/app.ts', 'README.md'])
    expect(problems(validateUpdate, bodies[0])).toEqual([])
    const allPass = setsCompletionBodies([passing, { ...passing, title: 'x' }], '', new Date())
    expect(allPass.at(-1)?.conclusion).toBe('success')
  })

  it('output summary and text stay within 65,535 characters on a huge run', () => {
    const bodies = completionBodies(ctxOf(hugeFailingRun(3000)), new Date())
    const last = bodies.at(-1)!
    expect([...last.output.text!].length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT)
    expect([...last.output.text!].length).toBeGreaterThan(CHECK_TEXT_LIMIT - 6000)
    expect(last.output.text).toContain('not shown: check run text is limited to 65,535 characters')
    for (const b of bodies) expect(problems(validateUpdate, b)).toEqual([])
  })

  it('a suite that could not run closes the check with failure', () => {
    const body = errorBody('case: unknown case T9Z99', new Date())
    expect(body).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(problems(validateUpdate, body)).toEqual([])
  })

  it('the commit is the PR head on pull_request events, GITHUB_SHA otherwise', () => {
    const payload = { pull_request: { head: { sha: 'h'.repeat(40) } } }
    expect(checkSha('pull_request', payload, 'm'.repeat(40))).toBe('h'.repeat(40))
    expect(checkSha('pull_request_target', payload, 'm'.repeat(40))).toBe('h'.repeat(40))
    expect(checkSha('push', payload, 'm'.repeat(40))).toBe('m'.repeat(40))
    expect(checkSha('pull_request', {}, 'm'.repeat(40))).toBe('m'.repeat(40))
  })
})

describe('check run over HTTP', () => {
  it('in_progress → (annotations) → completed, every body accepted by the schemas', async () => {
    api = await startGitHubApi()
    const warnings: string[] = []
    const check = new CheckRun(octokitChecks('ghs_test_token_123', api.url, 'octo-org', 'octo-repo'), (m) => warnings.push(m))
    await check.start(start())
    expect(check.id).toBe(api.checkRuns[0].id)
    expect(check.url).toBe(`https://github.com/octo-org/octo-repo/runs/${check.id}`)
    await check.finish(completionBodies(ctxOf(hugeFailingRun(40, 100, 3)), new Date()))
    expect(warnings).toEqual([])
    const run = api.checkRuns[0]
    expect(run.history).toEqual(['in_progress', 'in_progress', 'in_progress', 'completed'])
    expect(run.conclusion).toBe('failure')
    expect(run.annotations).toHaveLength(120)
    expect(api.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 201', 'PATCH 200', 'PATCH 200', 'PATCH 200'])
    for (const c of api.calls) expect(c.problems).toEqual([])
    expect(api.calls[0].authorization).toBe('token ghs_test_token_123')
  })

  it('a read-only token (403) gives one warning and no further requests', async () => {
    api = await startGitHubApi({ readOnly: true })
    const warnings: string[] = []
    const check = new CheckRun(octokitChecks('ghs_fork_token_456', api.url, 'octo-org', 'octo-repo'), (m) => warnings.push(m), true)
    await check.start(start())
    await check.finish(completionBodies(ctxOf(), new Date()))
    expect(check.id).toBeUndefined()
    expect(check.active).toBe(false)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/HTTP 403: Resource not accessible by integration.*fork.*job summary/)
    expect(api.calls).toHaveLength(1)
    expect(api.calls[0].problems).toEqual([])
  })
})
