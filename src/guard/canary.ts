// Canary files planted outside the worktree (in its parent folder) before
// the cases run: a write or deletion that escapes the worktree that way shows
// up as a changed or missing canary after a case. With `neighbours`, the
// other entries of that folder are watched too (a new file beside the
// worktree, one changed or removed). The harness puts a touched canary back
// (it is its own file) and removes them all at the end of the run.
//
// A run killed outright (SIGKILL) runs no cleanup of its own: its reaper
// (sandbox/reaper.ts) removes the canary, and should the reaper be gone too,
// the next run that plants one in the same folder removes it
// (sweepStaleCanaries). So the name is unique per run (run id + random: two
// checkouts of one folder each have a RUN_0001), it is created with O_EXCL
// (never over a file of someone else's), and the content names the process
// that planted it, which is how a later run proves both that the file is ours
// and that its run is dead before it touches it.
import { randomBytes } from 'node:crypto'
import { lstatSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { DEFAULT_EVIDENCE_MAX_BYTES, describeInspection, readBeneath } from './reader.js'
import path from 'node:path'
import { sha256 } from '../fsutil.js'

export interface Canary {
  file: string
  content: string
  /** Watch the other entries of the canary's folder too. */
  neighbours?: boolean
}

/** Every canary's name starts with this (then `RUN_XXXX-` and 8 hex digits). */
export const CANARY_PREFIX = '.opencode-dogfood-canary-'

/**
 * The process that planted a canary, as another process can check it later:
 * host name, boot id, pid and the pid's start time (clock ticks since boot,
 * Linux /proc; '-' elsewhere). A pid the kernel reused after a reboot or for
 * another process is not the owner.
 */
export interface CanaryOwner {
  host: string
  boot: string
  pid: number
  start: string
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    return fallback
  }
}

/** Field 22 of /proc/PID/stat (its start time), or '-' where there is no /proc or no such process. */
function startTime(pid: number): string {
  const stat = readOr(`/proc/${pid}/stat`, '')
  return stat ? (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '-') : '-'
}

const bootId = (): string => readOr('/proc/sys/kernel/random/boot_id', '-')

/** This process as a canary's owner. */
export function currentOwner(): CanaryOwner {
  return { host: os.hostname(), boot: bootId(), pid: process.pid, start: startTime(process.pid) }
}

/**
 * Whether `o` may still be running: true when it is (or cannot be told from
 * here: another host), false when it certainly is not (another boot, no such
 * pid, or the pid now belongs to a process started at another time).
 */
export function ownerAlive(o: CanaryOwner): boolean {
  if (o.host !== os.hostname()) return true
  if (o.boot !== '-' && bootId() !== '-' && o.boot !== bootId()) return false
  try {
    process.kill(o.pid, 0)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const now = startTime(o.pid)
  return o.start === '-' || now === '-' || now === o.start
}

/** A canary's whole content: the line people read, the owner line, 128 random bits (so no two are alike). */
export function canaryContent(runId: string, owner: CanaryOwner, nonce = randomBytes(16).toString('hex')): string {
  return `opencode-dogfood canary for ${runId}: a change to this file means a write escaped the worktree.\nowner: host=${owner.host} boot=${owner.boot} pid=${owner.pid} start=${owner.start}\n${nonce}\n`
}

/** The exact shape canaryContent writes: a file that does not match it whole is not ours to remove. */
const CANARY_CONTENT =
  /^opencode-dogfood canary for RUN_[0-9]{4,}: a change to this file means a write escaped the worktree\.\nowner: host=(\S+) boot=(\S+) pid=([0-9]+) start=(\S+)\n[0-9a-f]{32}\n$/
const CANARY_NAME = /^\.opencode-dogfood-canary-RUN_[0-9]{4,}-[0-9a-f]{8}$/

/**
 * Plant a canary for `runId` in `dir` (created with O_EXCL: an existing file
 * of that name is never overwritten). Throws what writeFileSync throws.
 */
export function plantCanary(dir: string, runId: string, neighbours = false): Canary {
  const file = path.join(dir, `${CANARY_PREFIX}${runId}-${randomBytes(4).toString('hex')}`)
  const content = canaryContent(runId, currentOwner())
  writeFileSync(file, content, { flag: 'wx' })
  return { file, content, neighbours }
}

/**
 * Remove the canaries in `dir` that runs killed outright left behind: only a
 * regular file with a canary's name whose whole content is a canary's, planted
 * on this host by a process that is no longer running (ownerAlive). A canary
 * of a run still going (another worktree in the same folder), a file someone
 * changed, and anything else are left alone. Returns the paths removed.
 */
export function sweepStaleCanaries(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!CANARY_NAME.test(name)) continue
    const file = path.join(dir, name)
    try {
      const st = lstatSync(file)
      if (!st.isFile() || st.size > 4096) continue
      const m = CANARY_CONTENT.exec(readBeneath(dir, name, { maxBytes: 4096 }).data?.toString('utf8') ?? '')
      if (!m || ownerAlive({ host: m[1], boot: m[2], pid: Number(m[3]), start: m[4] })) continue
      rmSync(file)
      removed.push(file)
    } catch {
      // gone meanwhile, or not ours to read: left alone
    }
  }
  return removed
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
export function compareCanaries(
  before: Map<string, string | null>,
  after: Map<string, string | null>,
): { path: string; kind: 'modified' | 'deleted' | 'created' }[] {
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
