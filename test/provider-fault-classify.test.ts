// The classification rules of provider-fault.ts against the very messages and
// errors OpenCode 1.18.33 reported in the measured runs (README: Provider faults).
import { describe, expect, it } from 'vitest'
import { classify, providerFault, retryDecision } from '../src/opencode/provider-fault.js'
import type { PromptResult } from '../src/opencode/transport.js'

const result = (over: Partial<PromptResult>): PromptResult => ({ text: '', tools: [], timedOut: false, durationMs: 1, messages: [], ...over })
const assistant = (error?: unknown, parts: unknown[] = []) => ({ info: { role: 'assistant', error }, parts })

describe('classify: what OpenCode reported → class', () => {
  it.each([
    [{ name: 'APIError', statusCode: 401, message: 'invalid x-api-key' }, 'rejected_key', false],
    [{ name: 'APIError', statusCode: 403, message: 'no permission' }, 'rejected_key', false],
    [{ name: 'ProviderAuthError', message: 'missing key' }, 'rejected_key', false],
    [{ name: 'APIError', statusCode: 429, message: 'whatever the provider says' }, 'rate_limited', false],
    [{ name: 'APIError', statusCode: 500, message: 'x' }, 'unavailable', false],
    [{ name: 'APIError', statusCode: 529, message: 'Overloaded' }, 'unavailable', false],
    [{ name: 'UnknownError', message: 'JSON parsing failed: Text: {"id":… Error message: JSON Parse error: Unexpected EOF' }, 'broke_stream', false],
    [{ message: 'Cannot connect to API: The socket connection was closed unexpectedly. For more information, pass `verbose: true`' }, 'broke_stream', false],
    [{ message: 'Connection reset by server' }, 'broke_stream', false],
    [{ message: 'Cannot connect to API: Unable to connect. Is the computer able to access the url?' }, 'unavailable', true],
    [{ message: 'Cannot connect to API: Was there a typo in the url or port?' }, 'unavailable', true],
    [{ message: 'Rate limit reached for requests' }, 'rate_limited', false],
  ])('%j → %s', (e, cls, unreachable) => {
    expect(classify(e, true)).toEqual({ cls, unreachable })
  })

  it.each([
    [{ name: 'MessageAbortedError', message: 'Aborted' }],
    [{ name: 'MessageOutputLengthError', message: '' }],
    [{ name: 'APIError', statusCode: 400, message: 'prompt is too long' }],
    [{ name: 'UnknownError', message: 'Model not found: dogfood/ghost' }],
  ])('not a provider fault: %j', (e) => {
    expect(classify(e)).toBeUndefined()
  })

  it('an unrecognised message is a provider fault only when OpenCode retries it', () => {
    expect(classify({ message: 'something odd' })).toBeUndefined()
    expect(classify({ message: 'something odd' }, true)).toEqual({ cls: 'unavailable', unreachable: false })
  })
})

describe('retryDecision', () => {
  const now = Date.now()
  it('stops at once for a provider that cannot be reached', () => {
    expect(
      retryDecision({ message: 'Cannot connect to API: Unable to connect. Is the computer able to access the url?', next: now + 1000 }, now + 60_000),
    ).toMatchObject({ stop: true })
  })
  it('waits for a retry that fits the budget, stops for one that does not', () => {
    expect(retryDecision({ message: 'rate limit exceeded', next: now + 1000 }, now + 5000)).toEqual({ stop: false })
    expect(retryDecision({ message: 'overloaded', next: now + 9000 }, now + 5000)).toMatchObject({
      stop: true,
      reason: expect.stringMatching(/after the latency budget/),
    })
  })
})

describe('providerFault: an answer is never a fault, a fault never an answer', () => {
  it('a completed answer with no error and no retry has no fault', () => {
    expect(providerFault(result({ text: 'wrong answer', messages: [assistant(undefined, [{ type: 'text', text: 'wrong answer' }])] }))).toBeUndefined()
  })
  it('retries that the provider then answered: recovered', () => {
    const f = providerFault(
      result({
        text: 'ok',
        retries: [{ attempt: 1, message: 'rate limit', next: 0, seen_at: 0 }],
        messages: [assistant(undefined, [{ type: 'step-start' }, { type: 'text', text: 'ok' }, { type: 'step-finish' }])],
      }),
    )
    expect(f).toMatchObject({ class: 'rate_limited', outcome: 'recovered', stopped_by: null })
  })
  it("retries, then an empty answer: the provider answered (EMPTYRESPONSE is the agent's), not a fault", () => {
    const f = providerFault(
      result({
        retries: [{ attempt: 1, message: 'overloaded', next: 0, seen_at: 0 }],
        messages: [assistant(undefined, [{ type: 'step-start' }, { type: 'step-finish' }])],
      }),
    )
    expect(f?.outcome).toBe('recovered')
  })
  it('retries, then the session ended with no answer and no error: failed', () => {
    const f = providerFault(
      result({
        retries: [{ attempt: 5, message: 'Connection reset by server', next: 0, seen_at: 0 }],
        messages: [assistant(undefined, [{ type: 'step-start' }, { type: 'text', text: '' }])],
      }),
    )
    expect(f).toMatchObject({ class: 'broke_stream', outcome: 'failed', stopped_by: 'opencode' })
  })
  it('the budget ran out while OpenCode was retrying: failed, stopped by the harness', () => {
    const f = providerFault(
      result({
        timedOut: true,
        finalStatus: 'retry',
        retries: [{ attempt: 3, message: 'internal server error', next: 0, seen_at: 0 }],
        messages: [assistant({ name: 'MessageAbortedError', data: { message: 'Aborted' } })],
      }),
    )
    expect(f).toMatchObject({
      class: 'unavailable',
      outcome: 'failed',
      stopped_by: 'harness',
      stop_reason: 'the latency budget ran out while OpenCode was retrying',
    })
  })
  it('an error on the message wins, with its status and Retry-After', () => {
    const err = { name: 'APIError', data: { message: 'slow down\nplease', statusCode: 429, isRetryable: true, responseHeaders: { 'retry-after': '2' } } }
    const f = providerFault(
      result({ retries: [1, 2, 3, 4, 5].map((attempt) => ({ attempt, message: 'slow down', next: 0, seen_at: 0 })), messages: [assistant(err)] }),
    )
    expect(f).toMatchObject({
      class: 'rate_limited',
      outcome: 'failed',
      http_status: 429,
      retries: 5,
      retry_after_ms: 2000,
      stopped_by: 'opencode',
      message: 'slow down please',
    })
  })
})
