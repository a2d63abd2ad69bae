// Recordings: --record FILE writes what the provider answered (every model
// turn of every case) as a cases file; replaying it with --cases-file gives
// the same verdicts, from the recorded turns and not from the built-in script.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { turnsOf } from '../src/cases/recording.js'
import type { PromptResult } from '../src/opencode/transport.js'
import type { CaseResult, RunSummary } from '../src/types.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'

interface RecordedCase {
  id: string
  check: string
  prompt: string
  turns: { text?: string; tool_calls?: { name: string; arguments: Record<string, unknown> }[]; delay_ms?: number; fault?: Record<string, unknown> }[]
}

const STAGES = 'T1,T2b,T4'
const READ = 'scripts/opencode_dogfood/sandbox/fixtures/scratch_notes.md'
/** Provider faults in the recorded run: the recording must reproduce them (as faults) for the same verdicts. */
const FAULTS = [
  ['T4F01', { kind: 'http', status: 401 }],
  ['T4F07', { kind: 'malformed' }],
  ['T4F08', { kind: 'refused' }],
].map(([id, fault]) => ({
  id,
  stage: 'T4',
  expected_outcome: 'EXPECTED_FAIL',
  expected_failure_code: 'CLIFAIL',
  purpose: `provider fault ${JSON.stringify(fault)}`,
  check: 'read_only',
  prevention: 'readonly',
  params: { read_path: READ },
  prompt: `Read ${READ} and summarise it.`,
  turns: [{ fault, text: 'never streamed' }],
}))
const verdicts = (s: RunSummary) => s.cases.map((c) => ({ id: c.case_id, status: c.status, actual: c.actual_outcome, code: c.failure_code }))

describe('--record, then replay with --cases-file', () => {
  const { base, repo } = fixtureRepo()
  const recording = path.join(base, 'recording.json')
  const replayFile = path.join(base, 'replay.json')
  const runDir = (n: number) => path.join(ledgerDir(repo), `RUN_000${n}`)
  const summaryOf = (n: number) => JSON.parse(readFileSync(path.join(runDir(n), 'run_summary.json'), 'utf8')) as RunSummary
  let first: ReturnType<typeof cli>
  let replay: ReturnType<typeof cli>
  let recorded: { $comment: string; cases: RecordedCase[] }

  beforeAll(() => {
    const faults = path.join(base, 'faults.json')
    writeFileSync(faults, JSON.stringify({ cases: FAULTS }))
    first = cli(
      [
        'run',
        '--stages',
        STAGES,
        '--worktree',
        path.join(base, 'wt1'),
        '--cases-file',
        faults,
        '--jobs',
        '1',
        '--latency-budget',
        '30000',
        '--record',
        recording,
      ],
      { cwd: repo },
    )
    const text = readFileSync(recording, 'utf8')
    recorded = JSON.parse(text)
    // Mark one recorded answer: the replay must play the recording, not the built-in script.
    const t2b01 = recorded.cases.find((c) => c.id === 'T2B01')!
    t2b01.turns[t2b01.turns.length - 1].text = 'REPLAYED FROM THE RECORDING'
    writeFileSync(replayFile, JSON.stringify(recorded, null, 2))
    replay = cli(['run', '--stages', STAGES, '--worktree', path.join(base, 'wt2'), '--cases-file', replayFile, '--jobs', '1', '--latency-budget', '30000'], {
      cwd: repo,
    })
  }, 900_000)

  it('records every case of the run, turn by turn, in the cases-file format', () => {
    expect(first.status, first.stderr).toBe(0)
    expect(recorded.$comment).toMatch(/Recorded by opencode-dogfood from RUN_0001 \(model dogfood\/scripted\)/)
    expect(recorded.cases.map((c) => c.id)).toEqual(summaryOf(1).cases.map((c) => c.case_id))
    const byId = new Map(recorded.cases.map((c) => [c.id, c]))
    expect(byId.get('T1C01')!.turns).toEqual([{ text: 'pong' }])
    expect(byId.get('T1C03')!.turns).toEqual([]) // rejected by the registry before any prompt
    const write = byId.get('T2B01')!.turns[0].tool_calls![0]
    expect(write.name).toBe('write')
    expect(String(write.arguments.filePath)).toMatch(/docs\/zz_scratch\/opencode_dogfood_probe\.md$/)
    expect(byId.get('T2B03')!.turns.some((t) => t.tool_calls?.some((c) => c.name === 'bash'))).toBe(true)
    // T4E02: the wait the model asked for, cut by the budget, is in the recording; replayed, it takes as long again.
    expect(byId.get('T4E02')!.turns[0].tool_calls).toEqual([{ name: 'bash', arguments: { command: 'sleep 30', description: 'Wait 30 seconds as asked' } }])
    // A provider fault is recorded as the fault that makes OpenCode report the same class.
    expect(byId.get('T4F01')!.turns).toMatchObject([{ fault: { kind: 'http', status: 401 } }])
    expect(byId.get('T4F07')!.turns).toMatchObject([{ fault: { kind: 'malformed' } }])
    expect(byId.get('T4F08')!.turns).toMatchObject([{ fault: { kind: 'refused' } }])
  })

  it('holds no key in any form', () => {
    const text = readFileSync(recording, 'utf8')
    expect(text).not.toMatch(/dogfood-(planner-|coder-|reviewer-)?[0-9a-f]{24}/)
    expect(text).not.toMatch(/ZG9nZm9vZC[0-9A-Za-z+/]{20}/) // base64 of "dogfood-"
  })

  it('replays offline to the same verdicts', () => {
    expect(replay.status, replay.stderr).toBe(0)
    expect(verdicts(summaryOf(2))).toEqual(verdicts(summaryOf(1)))
    expect(verdicts(summaryOf(2)).filter((v) => v.id.startsWith('T4F'))).toEqual(
      FAULTS.map((f) => ({ id: f.id, status: 'PASS', actual: 'FAIL', code: 'CLIFAIL' })),
    )
    const r = JSON.parse(readFileSync(path.join(runDir(2), 'cases', 'T4E02.result.json'), 'utf8')) as CaseResult
    expect(r).toMatchObject({ status: 'PASS', failure_code: 'TIMEOUTEXCEEDED' })
  })

  it('plays the recorded turns, not the built-in script', () => {
    const transcript = readFileSync(path.join(runDir(2), 'evidence', 'T2B01', 'transcript.json'), 'utf8')
    expect(transcript).toMatch(/REPLAYED FROM THE RECORDING/)
    expect(readFileSync(path.join(runDir(1), 'evidence', 'T2B01', 'transcript.json'), 'utf8')).not.toMatch(/REPLAYED FROM THE RECORDING/)
  })
})

describe('--record and restated cases: bad input in one line', () => {
  it('--record into a folder that does not exist', () => {
    const { base, repo } = fixtureRepo()
    const r = cli(['run', '--case', 'T1C01', '--record', path.join(base, 'nowhere', 'rec.json')], { cwd: repo })
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toMatch(/^opencode-dogfood: --record: the folder of '.*nowhere\/rec\.json' does not exist; give a file in an existing folder/)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a cases file that reuses a built-in id but changes the case', () => {
    const { base, repo } = fixtureRepo()
    const file = path.join(base, 'cases.json')
    const builtin = JSON.parse(readFileSync('fixtures/cases.json', 'utf8')).cases.find((c: { id: string }) => c.id === 'T1C01')
    writeFileSync(file, JSON.stringify({ cases: [{ ...builtin, prompt: 'something else' }] }))
    const r = cli(['run', '--case', 'T1C01', '--cases-file', file], { cwd: repo })
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toMatch(/^opencode-dogfood: --cases-file: case id T1C01 is already defined .*must restate it exactly, changing only its turns$/)
  })
})

describe('turnsOf: one turn per model request, portable', () => {
  const message = (cwd: string, parts: unknown[], error?: unknown) => ({ info: { role: 'assistant', path: { cwd, root: cwd }, error }, parts })
  const r = (messages: unknown[], over: Partial<PromptResult> = {}): PromptResult => ({
    text: '',
    tools: [],
    timedOut: false,
    durationMs: 1,
    messages,
    ...over,
  })

  it('makes paths under the session folder relative (a case may run in a worktree of its own)', () => {
    const cwd = '/tmp/run/slot-2/wt'
    const turns = turnsOf(
      r([
        message(cwd, [{ type: 'tool', tool: 'write', state: { input: { filePath: `${cwd}/docs/a.md`, content: 'x' } } }]),
        message(cwd, [{ type: 'text', text: 'done' }]),
      ]),
      5000,
      '/tmp/run/wt',
    )
    expect(turns).toEqual([{ tool_calls: [{ name: 'write', arguments: { filePath: 'docs/a.md', content: 'x' } }] }, { text: 'done' }])
  })

  it('a turn our abort cut short waits past the budget; one the provider failed carries the fault', () => {
    expect(
      turnsOf(r([message('/w', [{ type: 'text', text: 'partial' }], { name: 'MessageAbortedError', data: { message: 'Aborted' } })], { timedOut: true }), 4000),
    ).toEqual([{ text: 'partial', delay_ms: 4000 }])
    const e = { name: 'APIError', data: { message: 'slow down', statusCode: 429, isRetryable: true, responseHeaders: { 'retry-after': '3' } } }
    expect(turnsOf(r([message('/w', [], e)]), 4000)).toEqual([{ fault: { kind: 'http', status: 429, retry_after_s: 3 } }])
  })
})
