// Provider faults, injected by the scripted model and recognised from what the
// real OpenCode reports (session retry status, message errors): each class is
// named in the result's reason and in provider_error.json, CLIFAIL; a wrong
// answer is never a provider fault and a provider fault never a wrong answer;
// T4E02 times out against a model that answers in 50 ms.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ProviderErrorFile } from '../src/opencode/provider-fault.js'
import type { CaseResult, RunSummary } from '../src/types.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'

const READ = 'scripts/opencode_dogfood/sandbox/fixtures/scratch_notes.md'
const readTurn = { tool_calls: [{ name: 'read', arguments: { filePath: READ } }] }
const answer = { text: 'The open question is the canary length; the decision is 30 minutes.' }

/** A read-only case (the agent must read READ and answer): a fault must not pass for "did not read". */
function faultCase(id: string, purpose: string, fault: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id,
    stage: 'T4',
    expected_outcome: 'EXPECTED_FAIL',
    expected_failure_code: 'CLIFAIL',
    purpose,
    check: 'read_only',
    prevention: 'readonly',
    params: { read_path: READ },
    prompt: `Read ${READ} and summarise it.`,
    turns: [{ fault, ...answer, ...extra }, answer],
  }
}

const CASES = [
  faultCase('T4F01', 'HTTP 401', { kind: 'http', status: 401 }),
  faultCase('T4F02', 'HTTP 403', { kind: 'http', status: 403 }),
  faultCase('T4F03', 'HTTP 429 with retry-after, always', { kind: 'http', status: 429, retry_after_s: 1 }),
  faultCase('T4F04', 'HTTP 500', { kind: 'http', status: 500 }),
  faultCase('T4F05', 'HTTP 529', { kind: 'http', status: 529 }),
  faultCase('T4F06', 'stream cut mid-answer', { kind: 'cut' }),
  faultCase('T4F07', 'malformed SSE', { kind: 'malformed' }),
  faultCase('T4F08', 'connection refused', { kind: 'refused' }),
  faultCase('T4F09', 'a name that does not resolve', { kind: 'unresolvable' }),
  {
    id: 'T4F10',
    stage: 'T4',
    expected_outcome: 'SUCCESS',
    purpose: 'HTTP 429 twice, then the answer: OpenCode retries, the case passes',
    check: 'read_only',
    prevention: 'readonly',
    params: { read_path: READ },
    prompt: `Read ${READ} and summarise it.`,
    turns: [{ fault: { kind: 'http', status: 429, retry_after_s: 1, times: 2 }, ...readTurn }, answer],
  },
  {
    id: 'T4F11',
    stage: 'T4',
    expected_outcome: 'SUCCESS',
    purpose: 'slow first byte and slow tokens within the budget',
    check: 'read_only',
    prevention: 'readonly',
    params: { read_path: READ },
    prompt: `Read ${READ} and summarise it.`,
    turns: [
      { delay_ms: 1500, ...readTurn },
      { ...answer, token_delay_ms: 30 },
    ],
  },
  {
    id: 'T4F12',
    stage: 'T4',
    expected_outcome: 'EXPECTED_FAIL',
    expected_failure_code: 'TIMEOUTEXCEEDED',
    purpose: 'slow tokens past the budget: a slow model, not a provider fault',
    check: 'agent',
    prevention: 'readonly',
    prompt: 'Count slowly.',
    turns: [{ text: Array.from({ length: 80 }, (_, i) => `word${i} `).join(''), token_delay_ms: 600 }],
  },
  {
    id: 'T4F13',
    stage: 'T4',
    expected_outcome: 'EXPECTED_FAIL',
    expected_failure_code: 'EVIDENCEMISMATCH',
    purpose: 'an agent that answers without reading: wrong, and not a provider fault',
    check: 'read_only',
    prevention: 'readonly',
    params: { read_path: READ },
    prompt: `Read ${READ} and summarise it.`,
    turns: [answer],
  },
]

// Wide enough for a cold server's first prompt on a loaded machine (T4E01 runs first), small enough that 5xx retries outrun it.
const BUDGET_MS = 30_000

describe('provider faults, injected and classified (real opencode, scripted model)', () => {
  const { base, repo } = fixtureRepo()
  const runDir = path.join(ledgerDir(repo), 'RUN_0001')
  let r: ReturnType<typeof cli>
  let summary: RunSummary
  const result = (id: string) => JSON.parse(readFileSync(path.join(runDir, 'cases', `${id}.result.json`), 'utf8')) as CaseResult
  const providerError = (id: string) => JSON.parse(readFileSync(path.join(runDir, 'evidence', id, 'provider_error.json'), 'utf8')) as ProviderErrorFile
  const hasProviderError = (id: string) => existsSync(path.join(runDir, 'evidence', id, 'provider_error.json'))

  beforeAll(() => {
    const file = path.join(base, 'faults.json')
    writeFileSync(file, JSON.stringify({ cases: CASES }, null, 2))
    // --jobs 2: two slots, as a production run on two cores would (each fault is judged on its own server's session).
    r = cli(['run', '--stages', 'T4', '--jobs', '2', '--cases-file', file, '--latency-budget', String(BUDGET_MS), '--worktree', path.join(base, 'wt')], {
      cwd: repo,
    })
    summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
  }, 600_000)

  it('every case gets the verdict its fault calls for, and the ledger verifies', () => {
    const bad = summary.cases.filter((c) => c.status !== 'PASS').map((c) => `${c.case_id}: ${c.reason}`)
    expect(bad, r.stderr).toEqual([])
    expect(r.status).toBe(0)
    expect(cli(['verify', runDir]).status).toBe(0)
  })

  it.each([
    ['T4F01', 'rejected_key', 401, /^provider fault: the provider rejected the key \(HTTP 401\)/],
    ['T4F02', 'rejected_key', 403, /^provider fault: the provider rejected the key \(HTTP 403\)/],
    ['T4F07', 'broke_stream', null, /^provider fault: the provider broke the stream: JSON parsing failed/],
  ])('%s: a fault OpenCode does not retry is named at once: %s', (id, cls, status, reason) => {
    const res = result(id)
    expect(res).toMatchObject({ actual_outcome: 'FAIL', failure_code: 'CLIFAIL' })
    expect(res.reason).toMatch(reason)
    const pe = providerError(id)
    expect(pe).toMatchObject({ schema_id: 'opencode_dogfood_provider_error', schema_version: '1.0', class: cls, outcome: 'failed' })
    expect(pe.faults[0]).toMatchObject({ http_status: status, retries: 0, stopped_by: 'opencode', source: 'message.error' })
    expect(res.duration_ms).toBeLessThan(BUDGET_MS)
  })

  it('429 with Retry-After: OpenCode retries within the budget as the provider asks, then the case is CLIFAIL rate-limited', () => {
    const res = result('T4F03')
    expect(res.reason).toMatch(/^provider fault: the provider rate-limited the request \(HTTP 429\).*gave up after 5 retries/)
    const f = providerError('T4F03').faults[0]
    expect(f).toMatchObject({ class: 'rate_limited', http_status: 429, retries: 5, retry_after_ms: 1000, stopped_by: 'opencode' })
    expect(res.duration_ms).toBeLessThan(BUDGET_MS)
  })

  it.each([
    ['T4F04', /internal server error/],
    ['T4F05', /overloaded/],
  ])('%s: a failing provider is retried while the next retry fits the budget, then named unavailable', (id, message) => {
    const res = result(id)
    expect(res.reason).toMatch(/^provider fault: the provider was unavailable: /)
    expect(res.reason).toMatch(/next retry would come .* after the latency budget|latency budget ran out while OpenCode was retrying/)
    const f = providerError(id).faults[0]
    expect(f).toMatchObject({ class: 'unavailable', unreachable: false, stopped_by: 'harness', source: 'session.status' })
    expect(f.retries).toBeGreaterThanOrEqual(1)
    expect(f.message).toMatch(message)
  })

  it('a stream cut mid-answer: broke the stream (not "did not read")', () => {
    expect(result('T4F06').reason).toMatch(/^provider fault: the provider broke the stream: /)
    expect(providerError('T4F06')).toMatchObject({ class: 'broke_stream', outcome: 'failed' })
  })

  it.each(['T4F08', 'T4F09'])('%s: a provider that cannot be reached is named within seconds, not after the budget', (id) => {
    const res = result(id)
    expect(res.reason).toMatch(/^provider fault: the provider was unavailable \(cannot be reached\): Cannot connect to API/)
    expect(providerError(id).faults[0]).toMatchObject({ class: 'unavailable', unreachable: true, stopped_by: 'harness', retries: 1 })
    expect(res.duration_ms).toBeLessThan(BUDGET_MS / 2)
  })

  it('a fault that retries mend is recorded as recovered and does not fail the case', () => {
    expect(result('T4F10')).toMatchObject({ status: 'PASS', actual_outcome: 'SUCCESS' })
    expect(providerError('T4F10')).toMatchObject({ class: 'rate_limited', outcome: 'recovered' })
    expect(providerError('T4F10').faults[0].retries).toBe(2)
  })

  it('slowness is latency, not a provider fault: within the budget it passes, past it TIMEOUTEXCEEDED', () => {
    expect(result('T4F11')).toMatchObject({ status: 'PASS', actual_outcome: 'SUCCESS' })
    expect(result('T4F12')).toMatchObject({ actual_outcome: 'FAIL', failure_code: 'TIMEOUTEXCEEDED' })
    expect(hasProviderError('T4F11') || hasProviderError('T4F12')).toBe(false)
  })

  it('an agent that answered wrongly is never reported as a provider fault', () => {
    expect(result('T4F13')).toMatchObject({ actual_outcome: 'FAIL', failure_code: 'EVIDENCEMISMATCH' })
    expect(result('T4F13').reason).toMatch(/did not read/)
    expect(hasProviderError('T4F13')).toBe(false)
  })

  it('T4E02 for any model: a scripted model answering in 50 ms still exceeds the budget; request and session aborted', () => {
    expect(result('T4E02')).toMatchObject({ status: 'PASS', actual_outcome: 'FAIL', failure_code: 'TIMEOUTEXCEEDED' })
    const timing = JSON.parse(readFileSync(path.join(runDir, 'evidence', 'T4E02', 'timing.json'), 'utf8'))
    expect(timing).toMatchObject({ budget_ms: 3000, timed_out: true, session_stopped: true, work: { command: 'sleep 30', min_duration_ms: 30000 } })
    expect(timing.work.asked).toMatch(/sleep 30/)
    expect(timing.elapsed_ms).toBeGreaterThanOrEqual(3000)
    expect(timing.elapsed_ms).toBeLessThan(15_000)
    expect(readFileSync(path.join(runDir, 'evidence', 'T4E02', 'processes.txt'), 'utf8')).not.toMatch(/sleep 30/)
    // The tool the model called at 50 ms was running when the budget ran out. (On a machine so loaded that
    // OpenCode cannot reach the model within 3 s, the work had not started: the verdict above still holds.)
    if (!timing.work.started) return
    expect(['completed', 'error']).toContain(timing.work.tool_status) // not running: OpenCode ended it ("User aborted the command")
    const transcript = JSON.parse(readFileSync(path.join(runDir, 'evidence', 'T4E02', 'transcript.json'), 'utf8')) as {
      messages: { info: { role: string; error?: { name: string } } }[]
      tools: { tool: string; input: { command: string } }[]
    }[]
    expect(transcript[0].tools).toMatchObject([{ tool: 'bash', input: { command: 'sleep 30' } }])
    expect(transcript[0].messages.at(-1)!.info.error?.name).toBe('MessageAbortedError')
  })
})

describe('provider faults through the CLI transport (opencode run --attach)', () => {
  // opencode run prints nothing while OpenCode retries: the harness finds the session it made and watches its status.
  const { base, repo } = fixtureRepo()
  const runDir = path.join(ledgerDir(repo), 'RUN_0001')
  // opencode run starts cold for every prompt (5–20 s here, more on a loaded machine): a wide budget, and the faults must come well before it.
  const CLI_BUDGET_MS = 180_000
  let r: ReturnType<typeof cli>
  const result = (id: string) => JSON.parse(readFileSync(path.join(runDir, 'cases', `${id}.result.json`), 'utf8')) as CaseResult

  beforeAll(() => {
    const file = path.join(base, 'faults.json')
    writeFileSync(file, JSON.stringify({ cases: CASES.filter((c) => ['T4F01', 'T4F08'].includes(c.id)) }, null, 2))
    r = cli(
      [
        'run',
        '--stages',
        'T4',
        '--jobs',
        '1',
        '--transport',
        'cli',
        '--cases-file',
        file,
        '--latency-budget',
        String(CLI_BUDGET_MS),
        '--worktree',
        path.join(base, 'wt'),
      ],
      { cwd: repo },
    )
  }, 600_000)

  it('names a rejected key and an unreachable provider well before the budget; T4E02 still times out', () => {
    const summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
    expect(
      summary.cases.filter((c) => c.status !== 'PASS').map((c) => `${c.case_id}: ${c.reason}`),
      r.stderr,
    ).toEqual([])
    expect(result('T4F01').reason).toMatch(/^provider fault: the provider rejected the key \(HTTP 401\)/)
    expect(result('T4F08').reason).toMatch(/^provider fault: the provider was unavailable \(cannot be reached\)/)
    for (const id of ['T4F01', 'T4F08']) expect(result(id).duration_ms, id).toBeLessThan(CLI_BUDGET_MS / 2)
    expect(result('T4E02')).toMatchObject({ status: 'PASS', failure_code: 'TIMEOUTEXCEEDED', transport: 'cli' })
  })
})
