// Canary files planted outside the worktree (in its parent folder) before
// the cases run: a write or deletion that escapes the worktree that way shows
// up as a changed or missing canary after a case. The harness puts a touched
// canary back (it is its own file) and removes them all at the end of the run.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sha256 } from '../fsutil.js'

export interface Canary {
  file: string
  content: string
}

export function plantCanary(dir: string, runId: string): Canary {
  const file = path.join(dir, `.opencode-dogfood-canary-${runId}`)
  const content = `opencode-dogfood canary for ${runId}: a change to this file means a write escaped the worktree.\n${randomBytes(16).toString('hex')}\n`
  writeFileSync(file, content, { flag: 'wx' })
  return { file, content }
}

/** file → sha256 of its content, or null when missing. */
export function canaryState(canaries: Canary[]): Map<string, string | null> {
  return new Map(canaries.map((c) => [c.file, existsSync(c.file) ? sha256(readFileSync(c.file)) : null]))
}

/** What changed between two states (a case's before and after). */
export function compareCanaries(before: Map<string, string | null>, after: Map<string, string | null>): { path: string; kind: 'modified' | 'deleted' | 'created' }[] {
  const out: { path: string; kind: 'modified' | 'deleted' | 'created' }[] = []
  for (const [file, h] of before) {
    const a = after.get(file) ?? null
    if (a === h) continue
    out.push({ path: file, kind: a === null ? 'deleted' : h === null ? 'created' : 'modified' })
  }
  return out
}

/** Put a touched canary back as planted. */
export function restoreCanary(c: Canary): void {
  writeFileSync(c.file, c.content)
}

/** Our own file; removed only if it is still the canary we planted. */
export function removeCanary(c: Canary): void {
  if (existsSync(c.file) && readFileSync(c.file, 'utf8') === c.content) rmSync(c.file)
}
