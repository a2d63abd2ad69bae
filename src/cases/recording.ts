// Recordings (`--record FILE`): what the provider answered in a run — every
// model turn of every case, its text and its tool calls — written as a cases
// file (the `--cases-file` format), so that the scripted model replays the run
// offline: `run --cases-file FILE` with no key and no network.
//
// Recorded from OpenCode's own messages, not from a proxy in front of the
// provider: OpenCode keeps one assistant message per model request (one step:
// its text parts and its tool calls, with the arguments it ran them with),
// whatever the provider's wire format (Anthropic, OpenAI, Gemini, …), and a
// message never holds a key. A proxy would have to speak every provider's
// protocol, sit in the TLS path and see the key in every request header.
import { readUntrustedFile } from '../guard/reader.js'
import { writeFileAtomic } from '../fsutil.js'
import { redact } from '../secrets.js'
import type { PromptResult } from '../opencode/transport.js'
import type { Fault, Turn } from '../scripted-model/script.js'
import type { CaseDef } from './catalog.js'
import { classify, providerFault, type MessageError } from '../opencode/provider-fault.js'

interface PartLike {
  type?: string
  text?: string
  synthetic?: boolean
  tool?: string
  state?: { input?: unknown }
}
interface MessageLike {
  /** path: the folder the session worked in (cwd) and its project root, as OpenCode recorded them. */
  info?: { role?: string; error?: MessageError; path?: { cwd?: string; root?: string } }
  parts?: PartLike[]
}

/** `v` with every string's `workDir/` prefix (and a bare `workDir`) made relative: a model often names absolute paths. */
function relativeTo(v: unknown, workDir: string): unknown {
  if (typeof v === 'string')
    return v
      .split(workDir + '/')
      .join('')
      .split(workDir)
      .join('.')
  if (Array.isArray(v)) return v.map((x) => relativeTo(x, workDir))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, relativeTo(x, workDir)]))
  return v
}

/** The folders a message's paths may start with: the session's own (a case may run in a worktree of its own), then the run's. */
function roots(m: MessageLike, workDir?: string): string[] {
  const all = [m.info?.path?.cwd, m.info?.path?.root, workDir].filter((x): x is string => !!x && x !== '/')
  // Longest first, so that a folder inside another is made relative whole.
  return [...new Set(all)].sort((a, b) => b.length - a.length)
}

/** The scripted fault that makes OpenCode report the same class of provider fault. */
function faultFor(e: { name?: string; statusCode?: number; message: string; retryAfterMs?: number | null }): Fault | undefined {
  if (e.statusCode !== undefined && e.statusCode >= 400) {
    const f: Fault = { kind: 'http', status: e.statusCode }
    if (e.retryAfterMs) f.retry_after_s = Math.ceil(e.retryAfterMs / 1000)
    return f
  }
  const c = classify(e, true)
  if (!c) return undefined
  if (c.unreachable) return { kind: 'refused' }
  if (c.cls === 'broke_stream') return /JSON/i.test(e.message) ? { kind: 'malformed' } : { kind: 'cut' }
  if (c.cls === 'rate_limited') return { kind: 'http', status: 429 }
  if (c.cls === 'rejected_key') return { kind: 'http', status: 401 }
  return { kind: 'http', status: 503 }
}

/**
 * The turns of one prompt's session: one per assistant message (one model
 * request). Paths under the session's folder (or `workDir`) become relative. A message the provider failed on becomes a turn with the fault
 * that reproduces its class; one our abort cut short without a tool call in
 * it waits `abortedDelayMs` before answering, so the replay runs out of the
 * same budget again (a turn with a tool call replays the tool, which took the time).
 */
export function turnsOf(r: PromptResult, abortedDelayMs: number, workDir?: string): Turn[] {
  const assistants = (r.messages as MessageLike[]).filter((m) => m.info?.role === 'assistant')
  const fault = providerFault(r)
  return assistants.map((m, i) => {
    const turn: Turn = {}
    const text = (m.parts ?? [])
      .filter((p) => p.type === 'text' && !p.synthetic && typeof p.text === 'string')
      .map((p) => p.text)
      .join('')
    if (text) turn.text = text
    const calls = (m.parts ?? [])
      .filter((p) => p.type === 'tool' && p.tool)
      .map((p) => ({
        name: String(p.tool),
        arguments: roots(m, workDir).reduce<unknown>((v, root) => relativeTo(v, root), p.state?.input ?? {}) as Record<string, unknown>,
      }))
    if (calls.length) turn.tool_calls = calls
    const err = m.info?.error
    const last = i === assistants.length - 1
    if (err && err.name !== 'MessageAbortedError') {
      const f = faultFor({ name: err.name, statusCode: err.data?.statusCode, message: err.data?.message ?? '', retryAfterMs: fault?.retry_after_ms })
      if (f) turn.fault = f
    } else if (last && fault?.outcome === 'failed' && fault.source === 'session.status') {
      const f = faultFor({ message: fault.message })
      if (f) turn.fault = f
    } else if (last && (err?.name === 'MessageAbortedError' || r.timedOut) && !calls.length) {
      turn.delay_ms = abortedDelayMs
    }
    return turn
  })
}

/** One entry of a transcript file (logs/agent_calls/RUN_XXXX/<case>.json). */
type TranscriptEntry = PromptResult & { model: string }

/** The case as a cases-file entry: its definition, the recorded turns. */
function entry(c: CaseDef, turns: Turn[]): Record<string, unknown> {
  const { id, stage, expected_outcome, expected_failure_code, purpose, check, prevention, prompt, params } = c
  const e: Record<string, unknown> = { id, stage, expected_outcome }
  if (expected_failure_code) e.expected_failure_code = expected_failure_code
  Object.assign(e, { purpose, check, prevention, prompt })
  if (params) e.params = params
  e.turns = turns
  return e
}

export interface RecordingInput {
  /** The cases of the run, in run order (every selected case: skipped ones get no turns). */
  cases: CaseDef[]
  runId: string
  model: string
  /** Where the case processes left their transcripts (already redacted and scrubbed). */
  transcriptFile: (caseId: string) => string
  /** The tree the agent worked in: paths under it become relative, so the replay works in any worktree. */
  workDir: string
  /** The run's latency budget, ms (a case's params.latency_budget_ms wins). */
  latencyBudgetMs: number
  /** Every registered secret's value: redacted from the recording in every form. */
  secrets: string[]
}

/**
 * The recording as cases-file text: every case of the run restated with the
 * turns of its first prompt's session (a case that prompts several times —
 * T1C02's roles — is answered from the same script by each session).
 */
export function buildRecording(o: RecordingInput): string {
  const cases = o.cases.map((c) => {
    let transcript: TranscriptEntry[] = []
    try {
      // logs/agent_calls/ is a folder the agent may write: read it as the agent may have left it (no link, no FIFO).
      transcript = JSON.parse(readUntrustedFile(o.transcriptFile(c.id)).toString('utf8')) as TranscriptEntry[]
    } catch {
      // never prompted (T1C03, a skipped case): no turns
    }
    const budget = Number(c.params?.latency_budget_ms ?? o.latencyBudgetMs)
    const first = transcript.find((t) => Array.isArray(t.messages) && t.messages.length > 0)
    return entry(c, first ? turnsOf(first, Math.min(600_000, budget + 1000), o.workDir) : [])
  })
  const doc = {
    $comment: `Recorded by opencode-dogfood from ${o.runId} (model ${o.model}): the provider's answers, turn by turn. Replay offline with: opencode-dogfood run --cases-file THIS_FILE (same --latency-budget).`,
    cases,
  }
  return redact(JSON.stringify(doc, null, 2) + '\n', o.secrets)
}

/** Write the recording atomically to `file`. */
export function writeRecording(file: string, o: RecordingInput): void {
  writeFileAtomic(file, buildRecording(o))
}
