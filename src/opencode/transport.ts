// What a case needs from OpenCode, whichever way it is reached: the REST API
// through @opencode-ai/sdk (default), or `opencode run --format json` (cli).
import type { Transport } from '../types.js'

export interface ToolUse {
  tool: string
  status: string
  input: unknown
  output?: string
  error?: string
}

export interface PromptRequest {
  directory: string
  model: string
  agent: string
  text: string
  budgetMs: number
  /** Aborted when the run is interrupted (SIGINT/SIGTERM, or the suite is gone): the request and the session are aborted as on a budget overrun. */
  signal?: AbortSignal
  /** Tokens (usage.ts: the sum of every count) the session may use; past it the session is aborted (`overBudget`). Absent: no limit. */
  tokenBudget?: number
}

export interface PromptResult {
  sessionId?: string
  /** All assistant text of the session, joined. */
  text: string
  tools: ToolUse[]
  /** The budget ran out: the request and the session were aborted. */
  timedOut: boolean
  /** The session was confirmed idle after the abort. */
  sessionStopped?: boolean
  /** A transport or server error (HTTP status, message). */
  error?: string
  httpStatus?: number
  durationMs: number
  /** The session's messages as the server returned them (the transcript). */
  messages: unknown[]
  /**
   * Retry statuses OpenCode reported for the session while the harness waited
   * (GET /session/status, type retry), one per attempt: what a provider fault
   * looks like before OpenCode gives up (provider-fault.ts reads them).
   */
  retries?: { attempt: number; message: string; next: number; seen_at: number }[]
  /** The session's status when the harness stopped waiting: idle, busy or retry. */
  finalStatus?: string
  /** Why the harness stopped waiting before the budget ran out (a provider fault that retries cannot mend). */
  stoppedEarly?: string
  /** The run was interrupted while this request ran (the reason the signal carried): the session was aborted. */
  interrupted?: string
  /** The session went over its token budget (PromptRequest.tokenBudget): why it was aborted. */
  overBudget?: string
}

export interface Registry {
  /** providerID → model ids */
  providers: Record<string, string[]>
}

export interface AgentTransport {
  name: Transport
  health(): Promise<{ healthy: boolean; version?: string; error?: string }>
  registry(directory: string): Promise<Registry>
  prompt(req: PromptRequest): Promise<PromptResult>
}

export function toolUses(messages: unknown[]): ToolUse[] {
  const out: ToolUse[] = []
  for (const m of messages as { parts?: Record<string, unknown>[] }[]) {
    for (const p of m.parts ?? []) {
      if (p.type !== 'tool') continue
      const state = (p.state ?? {}) as Record<string, unknown>
      out.push({
        tool: String(p.tool),
        status: String(state.status),
        input: state.input,
        output: state.output as string | undefined,
        error: state.error as string | undefined,
      })
    }
  }
  return out
}

export function assistantText(messages: unknown[]): string {
  const texts: string[] = []
  for (const m of messages as { info?: { role?: string }; parts?: Record<string, unknown>[] }[]) {
    if (m.info?.role !== 'assistant') continue
    for (const p of m.parts ?? []) if (p.type === 'text' && typeof p.text === 'string') texts.push(p.text)
  }
  return texts.join('\n').trim()
}
