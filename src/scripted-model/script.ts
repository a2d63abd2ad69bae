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
  /** Wait this long before the first byte (latency cases). */
  delay_ms?: number
}

/** The tag that routes a request to a case's script. It is put in the prompt. */
export function caseTag(caseId: string): string {
  return `[dogfood-case:${caseId}]`
}

const TAG_PATTERN = /\[dogfood-case:([A-Za-z0-9_-]+)\]/

export function findCaseTag(text: string): string | undefined {
  return TAG_PATTERN.exec(text)?.[1]
}
