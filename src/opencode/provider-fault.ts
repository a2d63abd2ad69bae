// Provider faults, recognised from what OpenCode itself reports: the error on
// an assistant message (session.error) and the session's retry status. A
// fault is named by class — the provider rejected the key, rate-limited the
// request, was unavailable (overloaded, failing or unreachable), or broke the
// stream — and never inferred from what the agent answered: a wrong answer is
// the agent's, an error OpenCode reports about the provider is the provider's.
//
// What OpenCode 1.18.33 reports (measured against the scripted model's faults):
// - HTTP 401/403: message error {name:'APIError', data:{statusCode, isRetryable:false, message}}, no retry.
// - HTTP 429, 500, 529: status {type:'retry', attempt, message, next} per retry (the message
//   is the provider's, without the status code). 429 with Retry-After: 1 s apart, five retries,
//   then message error APIError {statusCode:429, isRetryable:true, responseHeaders}; 500/529:
//   back-off of about 2, 5, 9, 17, 36 s.
// - connection refused / a name that does not resolve: retry status with message
//   'Cannot connect to API: Unable to connect…' / '…Was there a typo in the url or port?',
//   with the same back-off (the first retry within about 1 s).
// - a stream cut mid-answer: retry status 'Cannot connect to API: The socket connection was
//   closed unexpectedly…' or 'Connection reset by server'.
// - malformed SSE: message error {name:'UnknownError', data:{message:'JSON parsing failed: …'}}, no retry.
import type { PromptResult } from './transport.js'

/** The classes a provider fault is named by (stable: they appear in results and provider_error.json). */
export type ProviderFaultClass = 'rejected_key' | 'rate_limited' | 'unavailable' | 'broke_stream'

/** One line per class, as the result's reason starts. */
export const CLASS_TEXT: Record<ProviderFaultClass, string> = {
  rejected_key: 'the provider rejected the key',
  rate_limited: 'the provider rate-limited the request',
  unavailable: 'the provider was unavailable',
  broke_stream: 'the provider broke the stream',
}

/** A retry status of the session, as OpenCode reported it (GET /session/status), and when it was seen. */
export interface RetrySeen {
  attempt: number
  /** The error message OpenCode is retrying after (the provider's, or the HTTP client's). */
  message: string
  /** When OpenCode will try again, epoch ms. */
  next: number
  /** When the harness saw this status, epoch ms. */
  seen_at: number
}

/** The error OpenCode put on an assistant message (AssistantMessage.error of @opencode-ai/sdk). */
export interface MessageError {
  name?: string
  data?: { message?: string; statusCode?: number; isRetryable?: boolean; responseHeaders?: Record<string, string> }
}

/** One provider fault seen during one prompt: an entry of provider_error.json's `faults`. */
export interface ProviderFault {
  class: ProviderFaultClass
  /** failed: the prompt ended on it; recovered: OpenCode retried and the provider answered. */
  outcome: 'failed' | 'recovered'
  /** One line: the class, the status and who stopped the attempts. */
  summary: string
  /** HTTP status the provider answered with, when OpenCode reported one. */
  http_status: number | null
  /** The provider could not be reached at all (refused, unresolvable, …). */
  unreachable: boolean
  /** Retries OpenCode reported (session.status retry attempts). */
  retries: number
  /** The provider's Retry-After, ms (from the response headers OpenCode kept), else null. */
  retry_after_ms: number | null
  /** opencode: OpenCode gave up (or never retried); harness: the harness stopped waiting (see stop_reason). */
  stopped_by: 'opencode' | 'harness' | null
  stop_reason: string | null
  /** The message OpenCode reported, first 300 characters (evidence is redacted of secrets before sealing). */
  message: string
  /** Where it was read: the assistant message's error, or the session's retry status. */
  source: 'message.error' | 'session.status'
}

/** The shape of provider_error.json (schema_id opencode_dogfood_provider_error, version 1.0). */
export interface ProviderErrorFile {
  schema_id: 'opencode_dogfood_provider_error'
  schema_version: '1.0'
  /** The class of the fault that decided the case (the first failed one, else the first recovered one). */
  class: ProviderFaultClass
  outcome: 'failed' | 'recovered'
  summary: string
  /** Every fault of the case's prompts, in order. */
  faults: ProviderFault[]
}

const STREAM =
  /socket connection was closed unexpectedly|connection reset|ECONNRESET|premature close|other side closed|terminated|JSON parsing failed|Invalid JSON|unexpected end of (JSON|data|stream)/i
const UNREACHABLE =
  /Unable to connect|typo in the url|ECONNREFUSED|ConnectionRefused|ENOTFOUND|EAI_AGAIN|getaddrinfo|FailedToOpenSocket|EHOSTUNREACH|ENETUNREACH|network is unreachable|certificate/i
const RATE = /rate.?limit|too many requests|quota/i
const OVERLOAD = /overload|unavailable|internal server error|bad gateway|gateway time-?out|server error|capacity/i

/**
 * The class of an error OpenCode reported, from its HTTP status when there is
 * one, else from its message. Returns undefined when it is not a provider
 * fault (our own abort, the model's output cap, a request the provider found
 * malformed, anything not about reaching or hearing the provider).
 * `retrying`: the message comes from a retry status, so OpenCode judged it
 * transient; an unrecognised message then still names the provider unavailable.
 */
export function classify(
  e: { name?: string; statusCode?: number; message: string },
  retrying = false,
): { cls: ProviderFaultClass; unreachable: boolean } | undefined {
  if (e.name === 'MessageAbortedError' || e.name === 'MessageOutputLengthError') return undefined
  if (e.name === 'ProviderAuthError') return { cls: 'rejected_key', unreachable: false }
  const s = e.statusCode
  if (s === 401 || s === 403) return { cls: 'rejected_key', unreachable: false }
  if (s === 429) return { cls: 'rate_limited', unreachable: false }
  if (s !== undefined && (s >= 500 || s === 408)) return { cls: 'unavailable', unreachable: false }
  if (s !== undefined) return undefined
  if (STREAM.test(e.message)) return { cls: 'broke_stream', unreachable: false }
  if (UNREACHABLE.test(e.message)) return { cls: 'unavailable', unreachable: true }
  if (RATE.test(e.message)) return { cls: 'rate_limited', unreachable: false }
  if (OVERLOAD.test(e.message) || retrying) return { cls: 'unavailable', unreachable: false }
  return undefined
}

/**
 * Whether the harness keeps waiting while OpenCode retries. It stops at once
 * when the provider cannot be reached (nothing asked for a retry: the fault is
 * named within seconds, not after the budget) and when the next retry would
 * come after the deadline (epoch ms); otherwise OpenCode's retries run.
 */
export function retryDecision(r: Pick<RetrySeen, 'message' | 'next'>, deadline: number): { stop: false } | { stop: true; reason: string } {
  const c = classify({ message: r.message }, true)
  if (c?.unreachable) return { stop: true, reason: 'the provider cannot be reached: not waiting for retries' }
  if (r.next > deadline) return { stop: true, reason: `OpenCode's next retry would come ${Math.round((r.next - deadline) / 1000)} s after the latency budget` }
  return { stop: false }
}

function retryAfterMs(headers: Record<string, string> | undefined): number | null {
  const v = headers?.['retry-after'] ?? headers?.['Retry-After']
  if (v === undefined) return null
  if (/^[0-9]+(\.[0-9]+)?$/.test(v.trim())) return Math.round(Number(v) * 1000)
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now())
}

/** Whitespace runs (newlines included) as one space: a reason is one line. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** The last model request of the session got to its end: its message has a step-finish part (even with an empty answer). */
function providerAnswered(messages: unknown[]): boolean {
  const last = (messages as { info?: { role?: string }; parts?: { type?: string }[] }[]).filter((m) => m.info?.role === 'assistant').at(-1)
  return !!last?.parts?.some((p) => p.type === 'step-finish')
}

function lastAssistantError(messages: unknown[]): MessageError | undefined {
  const last = (messages as { info?: { role?: string; error?: MessageError } }[]).filter((m) => m.info?.role === 'assistant').at(-1)
  return last?.info?.error
}

/**
 * The provider fault of one prompt, if OpenCode reported one: from the last
 * assistant message's error, else from the retries it reported. `failed`
 * when the prompt ended on it (an error on the message, or the harness
 * stopped waiting / ran out of budget while OpenCode was retrying);
 * `recovered` when OpenCode retried and the session then went on.
 */
export function providerFault(r: PromptResult): ProviderFault | undefined {
  const retries = (r.retries ?? []).map((x) => ({ ...x, message: oneLine(x.message) }))
  const lastRetry = retries.at(-1)
  const err = lastAssistantError(r.messages)
  const errMessage = oneLine(err?.data?.message ?? '')
  const fromError = err ? classify({ name: err.name, statusCode: err.data?.statusCode, message: errMessage }) : undefined
  const base = { retries: retries.length, retry_after_ms: retryAfterMs(err?.data?.responseHeaders) }
  if (fromError && err) {
    const status = err.data?.statusCode ?? null
    return {
      class: fromError.cls,
      outcome: 'failed',
      summary: `${CLASS_TEXT[fromError.cls]}${status ? ` (HTTP ${status})` : ''}: ${errMessage.slice(0, 120)}${retries.length ? `; OpenCode gave up after ${retries.length} retries` : ''}`,
      http_status: status,
      unreachable: fromError.unreachable,
      ...base,
      stopped_by: 'opencode',
      stop_reason: retries.length ? `OpenCode gave up after ${retries.length} retries` : 'OpenCode does not retry this error',
      message: errMessage.slice(0, 300),
      source: 'message.error',
    }
  }
  if (!lastRetry) return undefined
  const c = classify({ message: lastRetry.message }, true)!
  // Ended while retrying: the harness stopped early, the budget ran out, or OpenCode gave up without an error (unreachable).
  const endedOnRetry = r.stoppedEarly !== undefined || (r.timedOut && r.finalStatus === 'retry') || (!r.timedOut && !providerAnswered(r.messages))
  const stopReason =
    r.stoppedEarly ?? (r.timedOut ? 'the latency budget ran out while OpenCode was retrying' : `OpenCode stopped after ${retries.length} retries`)
  const outcome = endedOnRetry ? 'failed' : 'recovered'
  return {
    class: c.cls,
    outcome,
    summary:
      outcome === 'failed'
        ? `${CLASS_TEXT[c.cls]}${c.unreachable ? ' (cannot be reached)' : ''}: ${lastRetry.message.slice(0, 120)}; ${stopReason}`
        : `${CLASS_TEXT[c.cls]} (${lastRetry.message.slice(0, 120)}); OpenCode retried ${retries.length} time(s) and the provider answered`,
    http_status: null,
    unreachable: c.unreachable,
    ...base,
    stopped_by: outcome === 'failed' ? (r.stoppedEarly !== undefined || r.timedOut ? 'harness' : 'opencode') : null,
    stop_reason: outcome === 'failed' ? stopReason : null,
    message: lastRetry.message.slice(0, 300),
    source: 'session.status',
  }
}

/** provider_error.json for a case's prompts, or undefined when none met a provider fault. */
export function providerErrorFile(results: PromptResult[]): ProviderErrorFile | undefined {
  const faults = results.map(providerFault).filter((f): f is ProviderFault => !!f)
  if (faults.length === 0) return undefined
  const decisive = faults.find((f) => f.outcome === 'failed') ?? faults[0]
  return {
    schema_id: 'opencode_dogfood_provider_error',
    schema_version: '1.0',
    class: decisive.class,
    outcome: decisive.outcome,
    summary: decisive.summary,
    faults,
  }
}
