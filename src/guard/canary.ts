// Canary files planted outside the worktree (in its parent folder) before
// the cases run: a write or deletion that escapes the worktree that way shows
// up as a changed or missing canary after a case. Removed at the end of the run.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sha256 } from '../fsutil.js'

export interface Canary {
  file: string
  sha256: string
}

export function plantCanary(dir: string, runId: string): Canary {
  const file = path.join(dir, `.opencode-dogfood-canary-${runId}`)
  const content = `opencode-dogfood canary for ${runId}: a change to this file means a write escaped the worktree.\n${randomBytes(16).toString('hex')}\n`
  writeFileSync(file, content, { flag: 'wx' })
  return { file, sha256: sha256(content) }
}

export function checkCanaries(canaries: Canary[]): { path: string; kind: 'modified' | 'deleted' }[] {
  const out: { path: string; kind: 'modified' | 'deleted' }[] = []
  for (const c of canaries) {
    if (!existsSync(c.file)) out.push({ path: c.file, kind: 'deleted' })
    else if (sha256(readFileSync(c.file)) !== c.sha256) out.push({ path: c.file, kind: 'modified' })
  }
  return out
}

/** Our own file; removed only if it is still the canary we planted. */
export function removeCanary(c: Canary): void {
  if (existsSync(c.file) && sha256(readFileSync(c.file)) === c.sha256) rmSync(c.file)
}
