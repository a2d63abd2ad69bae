// Canary files planted outside the worktree (in its parent folder) before
// the cases run: a write or deletion that escapes the worktree that way shows
// up as a changed or missing canary after a case. With `neighbours`, the
// other entries of that folder are watched too (a new file beside the
// worktree, one changed or removed). The harness puts a touched canary back
// (it is its own file) and removes them all at the end of the run.
import { randomBytes } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { DEFAULT_EVIDENCE_MAX_BYTES, describeInspection, readBeneath } from './reader.js'
import path from 'node:path'
import { sha256 } from '../fsutil.js'

export interface Canary {
  file: string
  content: string
  /** Watch the other entries of the canary's folder too. */
  neighbours?: boolean
}

export function plantCanary(dir: string, runId: string, neighbours = false): Canary {
  const file = path.join(dir, `.opencode-dogfood-canary-${runId}`)
  const content = `opencode-dogfood canary for ${runId}: a change to this file means a write escaped the worktree.\n${randomBytes(16).toString('hex')}\n`
  writeFileSync(file, content, { flag: 'wx' })
  return { file, content, neighbours }
}

/** An entry beside the canary: a folder by its name alone (its insides are not watched), anything else by its stat data. */
function neighbourKey(p: string): string | null {
  try {
    const s = lstatSync(p, { bigint: true })
    return s.isDirectory() ? 'folder' : `${s.mode}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
  } catch {
    return null
  }
}

/** file → sha256 of its content, or null when missing; with neighbours, each entry beside it → its key. */
export function canaryState(canaries: Canary[]): Map<string, string | null> {
  const out = new Map<string, string | null>()
  for (const c of canaries) {
    out.set(c.file, canaryHash(c.file))
    if (!c.neighbours) continue
    const dir = path.dirname(c.file)
    let names: string[] = []
    try {
      names = readdirSync(dir)
    } catch {
      // the folder went: the canary's own entry says so
    }
    for (const n of names) if (path.join(dir, n) !== c.file) out.set(path.join(dir, n), neighbourKey(path.join(dir, n)))
  }
  return out
}

/** What changed between two states (a case's before and after). */
export function compareCanaries(before: Map<string, string | null>, after: Map<string, string | null>): { path: string; kind: 'modified' | 'deleted' | 'created' }[] {
  const out: { path: string; kind: 'modified' | 'deleted' | 'created' }[] = []
  for (const [file, h] of before) {
    const a = after.get(file) ?? null
    if (a === h) continue
    out.push({ path: file, kind: a === null ? 'deleted' : h === null ? 'created' : 'modified' })
  }
  for (const [file, a] of after) if (!before.has(file) && a !== null) out.push({ path: file, kind: 'created' })
  return out
}

/** Put a touched canary back as planted. */
export function restoreCanary(c: Canary): void {
  // Never written through: whatever the agent left there (a link to a file elsewhere) is removed first, then a new file made.
  try {
    unlinkSync(c.file)
  } catch {
    // gone already
  }
  writeFileSync(c.file, c.content, { flag: 'wx' })
}

/**
 * A canary as the agent may have left it, through the evidence reader (a
 * link, FIFO or hard link swapped in is never followed or opened): the sha256
 * of its content, what it is instead, or null when it is gone.
 */
function canaryHash(file: string): string | null {
  const seen = readBeneath(path.dirname(file), path.basename(file), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES })
  if (seen.kind === 'missing') return null
  return seen.data ? sha256(seen.data) : `${describeInspection(seen)}`
}

/** Our own file; removed only if it is still the canary we planted. */
export function removeCanary(c: Canary): void {
  if (readBeneath(path.dirname(c.file), path.basename(c.file), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES }).data?.toString('utf8') === c.content) rmSync(c.file)
}
