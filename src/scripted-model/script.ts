// The script format shared by the built-in cases (fixtures/cases.json) and
// user-defined cases (--cases-file): each case carries the turns the scripted
// model plays back, one turn per model request of that case's session.

export interface ToolCallStep {
  /** OpenCode tool name: write, edit, read, bash, glob, grep, list, ... */
  name: string
  arguments: Record<string, unknown>
}

export interface Turn {
  /** Assistant text streamed back. */
  text?: string
  /** Tool calls streamed back; OpenCode runs them and asks for the next turn. */
  tool_calls?: ToolCallStep[]
  /** Wait this long before the first byte, ms (a slow first byte; latency cases). */
  delay_ms?: number
  /** Stream the text word by word with this pause between words, ms (slow tokens). */
  token_delay_ms?: number
  /** What goes wrong with this turn's request instead of (or while) answering it. */
  fault?: Fault
}

/**
 * A provider fault the scripted model injects into one turn:
 * - `http`: the request is refused with HTTP `status` (401, 403, 429, 500, 529, …)
 *   and an error body in the provider's format; `retry_after_s` sets Retry-After.
 * - `cut`: the stream starts, sends the first half of the text, and the
 *   connection is closed mid-answer (no finish, no [DONE]).
 * - `malformed`: the stream sends an event whose data is not JSON.
 * - `refused` / `unresolvable`: the provider cannot be reached. The scripted
 *   model answers 307 to a closed port on 127.0.0.1 / to a name under
 *   `.invalid` (RFC 6761: never resolves), so OpenCode's own HTTP client meets
 *   a real connection refusal / a real resolution failure.
 * `times`: the fault hits the first N requests for this turn (OpenCode's
 * retries are requests too); later ones get the turn. Default: every request.
 */
export interface Fault {
  kind: 'http' | 'cut' | 'malformed' | 'refused' | 'unresolvable'
  status?: number
  retry_after_s?: number
  times?: number
}

export const FAULT_KINDS: readonly Fault['kind'][] = ['http', 'cut', 'malformed', 'refused', 'unresolvable']

/** The tag that routes a request to a case's script. It is put in the prompt. */
export function caseTag(caseId: string): string {
  return `[dogfood-case:${caseId}]`
}

const TAG_PATTERN = /\[dogfood-case:([A-Za-z0-9_-]+)\]/

export function findCaseTag(text: string): string | undefined {
  return TAG_PATTERN.exec(text)?.[1]
}
