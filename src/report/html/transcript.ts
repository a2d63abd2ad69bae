// transcript.json (one entry per agent call of the case: the PromptResult and
// the session's messages as OpenCode returned them) turned into what a reader
// follows: the prompt, the agent's steps in order (what it said, each tool
// call with its input, status and output), and its answer.

export interface ToolStep {
  kind: 'tool'
  tool: string
  status: string
  input: unknown
  output?: string
  error?: string
  /** Refused by OpenCode's permission rules (the same test as denied_tool_calls.json). */
  denied: boolean
  durationMs?: number
}

export interface TextStep {
  kind: 'text' | 'reasoning'
  text: string
}

export type Step = ToolStep | TextStep

export interface CallView {
  model: string
  sessionId?: string
  /** What was sent (the user messages' text), or undefined when the transcript holds none. */
  prompt?: string
  steps: Step[]
  answer: string
  durationMs?: number
  timedOut: boolean
  sessionStopped?: boolean
  error?: string
  httpStatus?: number
}

/** A failed tool call that OpenCode's permission layer refused. */
export function isDenied(status: string, error: string | undefined): boolean {
  return status === 'error' && /permission|denied|rule/i.test(error ?? '')
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

function toolStep(p: Json): ToolStep {
  const state = obj(p.state)
  const time = obj(state.time)
  const status = String(state.status ?? 'unknown')
  const error = str(state.error)
  const start = num(time.start)
  const end = num(time.end)
  return {
    kind: 'tool',
    tool: String(p.tool ?? 'unknown'),
    status,
    input: state.input,
    output: str(state.output),
    error,
    denied: isDenied(status, error),
    durationMs: start !== undefined && end !== undefined ? end - start : undefined,
  }
}

function callView(raw: unknown): CallView {
  const c = obj(raw)
  const messages = Array.isArray(c.messages) ? c.messages : []
  const prompts: string[] = []
  const steps: Step[] = []
  for (const m of messages) {
    const role = str(obj(obj(m).info).role)
    const parts = Array.isArray(obj(m).parts) ? (obj(m).parts as unknown[]) : []
    for (const part of parts) {
      const p = obj(part)
      if (role === 'user') {
        if (p.type === 'text' && typeof p.text === 'string' && !p.synthetic) prompts.push(p.text)
        continue
      }
      if (p.type === 'text' && typeof p.text === 'string') steps.push({ kind: 'text', text: p.text })
      else if (p.type === 'reasoning' && typeof p.text === 'string' && p.text.length > 0) steps.push({ kind: 'reasoning', text: p.text })
      else if (p.type === 'tool') steps.push(toolStep(p))
    }
  }
  // No messages (a transport that returned none): the flat tool list still tells what was called.
  if (messages.length === 0 && Array.isArray(c.tools)) {
    for (const t of c.tools) {
      const u = obj(t)
      const status = String(u.status ?? 'unknown')
      steps.push({
        kind: 'tool',
        tool: String(u.tool ?? 'unknown'),
        status,
        input: u.input,
        output: str(u.output),
        error: str(u.error),
        denied: isDenied(status, str(u.error)),
      })
    }
  }
  return {
    model: String(c.model ?? 'unknown'),
    sessionId: str(c.sessionId),
    prompt: prompts.length > 0 ? prompts.join('\n') : undefined,
    steps,
    answer: str(c.text) ?? '',
    durationMs: num(c.durationMs),
    timedOut: c.timedOut === true,
    sessionStopped: typeof c.sessionStopped === 'boolean' ? c.sessionStopped : undefined,
    error: str(c.error),
    httpStatus: num(c.httpStatus),
  }
}

/** The calls of a transcript.json text; a problem string when it cannot be read as one. */
export function parseTranscript(text: string): { calls: CallView[] } | { problem: string } {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { problem: `not valid JSON (${(e as Error).message})` }
  }
  if (!Array.isArray(doc)) return { problem: 'not a list of agent calls' }
  return { calls: doc.map(callView) }
}
