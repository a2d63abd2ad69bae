// The reaper: the suite can be killed outright (SIGKILL, an OOM kill, a
// runner tearing the job down), and then nothing of its own runs again. A
// small detached process watches it and, once it is gone, ends what it
// started: the OpenCode server's process group and every process that carries
// the run's tag (sandbox/processes.ts). Under containment bubblewrap's
// --die-with-parent already takes the sandbox down; the reaper is the same
// guarantee without it. It ends by itself when the server's group is gone
// (the suite stopped the server the normal way).
import { spawn } from 'node:child_process'
import { alive } from '../proc.js'
import { findProcesses } from './processes.js'

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
}

/** Start the reaper, detached (its own session: a signal to the suite's group does not reach it). */
export function startReaper(o: ReaperOptions): void {
  const child = spawn(process.execPath, [o.cli, '__reaper', String(o.parent), String(o.group), o.tag], { detached: true, stdio: 'ignore', cwd: '/' }) // holds no folder of the user's
  child.on('error', () => {}) // best effort: without it, containment and the case watchdogs remain
  child.unref()
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
 * The reaper's loop (`__reaper PARENT GROUP TAG`): returns when the server's
 * group is gone, or after ending it and every tagged process once the parent
 * is gone (a pid whose parent changed counts as gone: the kernel reparents
 * orphans).
 */
export async function reap(parent: number, group: number, tag: string): Promise<void> {
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
  }
}
