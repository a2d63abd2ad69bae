// The reaper: the suite can be killed outright (SIGKILL, an OOM kill, a
// runner tearing the job down), and then nothing of its own runs again. A
// small detached process watches it and, once it is gone, ends what it
// started: the OpenCode server's process group and every process that carries
// the run's tag (sandbox/processes.ts). Under containment bubblewrap's
// --die-with-parent already takes the sandbox down; the reaper is the same
// guarantee without it. It ends by itself when the server's group is gone
// (the suite stopped the server the normal way).
//
// It also removes what the run left outside the worktree and the ledger and
// would otherwise leave for good (RunLeftovers): the canary beside the
// worktree, and the project id file OpenCode writes into the common git dir
// (`<common dir>/opencode`) when the run created it.
import { spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { readBeneath } from '../guard/reader.js'
import { alive } from '../proc.js'
import { CASE_PROCESS_VAR, findProcesses } from './processes.js'

/**
 * Files a run puts outside its worktree and ledger, for the reaper to remove
 * once the run is killed: each canary only while its content is still the
 * one planted; each `created` file (one that did not exist when the run
 * started: see suite/run.ts) if it exists.
 */
export interface RunLeftovers {
  canaries: { file: string; content: string }[]
  created: string[]
  /** The value of CASE_PROCESS_VAR that the run's case processes carry: they are waited for first. */
  caseTag?: string
}

/** How long the reaper waits for the killed run's case processes to finish their cases (they restore the tree and end within seconds). */
export const CASE_WAIT_MS = 60_000

/** Remove `l` (see RunLeftovers); what is gone already or no longer ours is skipped. Returns the paths removed. */
export function removeLeftovers(l: RunLeftovers): string[] {
  const removed: string[] = []
  const rm = (file: string): void => {
    try {
      rmSync(file)
      removed.push(file)
    } catch {
      // gone meanwhile
    }
  }
  for (const c of l.canaries) {
    try {
      // Through the evidence reader: a link or FIFO the agent put in its place is never followed or opened.
      if (readBeneath(path.dirname(c.file), path.basename(c.file), { maxBytes: 4096 }).data?.toString('utf8') === c.content) rm(c.file)
    } catch {
      // gone already
    }
  }
  for (const f of l.created) if (existsSync(f)) rm(f)
  return removed
}

/** How often the reaper looks at the suite (ms): children end within this plus a kill. */
export const REAPER_POLL_MS = 250

export interface ReaperOptions {
  /** The CLI bundle that has the `__reaper` command. */
  cli: string
  /** The suite's pid. */
  parent: number
  /** The OpenCode server's process group (its pid: it is started detached). */
  group: number
  /** The run's process tag. */
  tag: string
  /** What to remove once the suite is gone (none: nothing). */
  leftovers?: RunLeftovers
}

/**
 * Start the reaper, detached (its own session: a signal to the suite's group
 * does not reach it). Returns `dismiss()`: once the suite has stopped the
 * server itself, it ends the reaper at once, so that no process of the run
 * outlives it by a poll interval (the reaper would end by itself within
 * REAPER_POLL_MS). Dismissing twice, or a reaper that never started, is a no-op.
 */
export function startReaper(o: ReaperOptions): { dismiss(): void } {
  const child = spawn(
    process.execPath,
    [o.cli, '__reaper', String(o.parent), String(o.group), o.tag, JSON.stringify(o.leftovers ?? { canaries: [], created: [] })],
    { detached: true, stdio: 'ignore', cwd: '/' },
  ) // holds no folder of the user's
  child.on('error', () => {}) // best effort: without it, containment and the case watchdogs remain
  child.unref()
  return {
    dismiss() {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
      try {
        child.kill('SIGKILL') // it holds nothing: the suite has done its work
      } catch {
        // gone meanwhile
      }
    },
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The reaper's loop (`__reaper PARENT GROUP TAG LEFTOVERS_JSON`): returns when
 * the server's group is gone (the suite stopped it and cleans up itself), or
 * after ending it and every tagged process once the parent is gone (a pid
 * whose parent changed counts as gone: the kernel reparents orphans), and
 * then removing `leftovers` — after the server, so that it cannot write them again.
 */
export async function reap(parent: number, group: number, tag: string, leftovers: RunLeftovers = { canaries: [], created: [] }): Promise<void> {
  for (;;) {
    if (!groupAlive(group)) return
    if (!alive(parent)) break
    await new Promise((r) => setTimeout(r, REAPER_POLL_MS))
  }
  try {
    process.kill(-group, 'SIGKILL')
  } catch {
    // gone meanwhile
  }
  // Tagged processes that left the group (setsid): twice, for any forked in between.
  for (let round = 0; round < 2; round++) {
    for (const p of findProcesses(tag)) {
      try {
        process.kill(p.pid, 'SIGKILL')
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  } // An orphaned case process still ends its case (restores the tree, compares the canary): the canary goes after it, or the case would find it deleted and put it back.
  const until = Date.now() + CASE_WAIT_MS
  while (leftovers.caseTag && findProcesses(leftovers.caseTag, new Set(), CASE_PROCESS_VAR).length > 0 && Date.now() < until)
    await new Promise((r) => setTimeout(r, REAPER_POLL_MS))
  removeLeftovers(leftovers)
}
