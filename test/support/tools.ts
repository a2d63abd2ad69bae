// Tests that need a tool the machine may lack (bubblewrap, a browser,
// ssh-keygen) ask for it here. Where it is missing the test is skipped with
// one line naming the tool and its install command, and the run's last lines
// count the skips (test/global-setup.ts). With DOGFOOD_REQUIRE_TOOLS=1 (CI
// sets it) a missing tool is a failure instead: CI never skips.
import { appendFileSync } from 'node:fs'
import { inject } from 'vitest'
import { missingLine, type ToolName } from './tool-probe.js'

export type { ToolName }

/** Thrown at collection when a tool is missing and DOGFOOD_REQUIRE_TOOLS=1: the file fails, naming the tool. */
export class MissingToolError extends Error {
  override name = 'MissingToolError'
}

/**
 * Why `what` cannot run here (one line: the tools and their install
 * commands), or undefined when every tool works. A skip is printed and
 * logged for the run's summary; with DOGFOOD_REQUIRE_TOOLS=1 it throws
 * MissingToolError instead.
 */
export function requireTools(tools: ToolName[], what: string): string | undefined {
  const line = missingLine(tools, what)
  if (!line) return undefined
  if (process.env.DOGFOOD_REQUIRE_TOOLS === '1') throw new MissingToolError(`${line} — DOGFOOD_REQUIRE_TOOLS=1 turns this skip into a failure`)
  console.warn(`skipped: ${line}`)
  const log = inject('skipLog')
  if (log) appendFileSync(log, `${line}\n`)
  return line
}

declare module 'vitest' {
  export interface ProvidedContext {
    skipLog: string
  }
}
