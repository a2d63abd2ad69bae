// Small process helpers shared by the CLI and the Action.
import { readFileSync } from 'node:fs'

/** The process exists (signal 0 only asks; EPERM means it exists but is not ours to signal). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * SIGINT/SIGTERM during a run: the first aborts the returned controller (its
 * reason: the signal's name) — the suite ends the case in flight, restores
 * its tree, stops every child and seals the ledger; a second ends the process
 * at once (exit 130/143: the sandbox's --die-with-parent, the reaper and the
 * case processes' watchdogs take the children down). `say` gets one line each
 * time. `ended` (optional) says the run has returned: a signal then finds its
 * ledger sealed and says so (the controller is still aborted; a second signal
 * still ends the process at once).
 */
export function interruptOnSignals(say: (line: string) => void, ended: () => boolean = () => false): AbortController {
  const c = new AbortController()
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (c.signal.aborted) {
        say(`${sig} again: ending now (the ledger of this run stays unsealed)`)
        process.exit(sig === 'SIGINT' ? 130 : 143)
      }
      say(
        ended()
          ? `${sig}: the run has already ended and its ledger is sealed — finishing its output (send it again to end at once)`
          : `${sig}: stopping — ending the case in flight, restoring its tree, sealing the ledger (send it again to end at once)`,
      )
      c.abort(sig)
    })
  }
  return c
}

/** The kernel's wait channels of a process blocked opening a FIFO that has no other end (Linux ≥ 5.x, older). */
const FIFO_WAIT_CHANNELS = new Set(['wait_for_partner', 'fifo_open'])

/** Most processes waitsOnFifo looks at below the one it is given. */
const FIFO_SCAN_MAX = 256

/**
 * Whether process `pid`, or any process below it, sleeps in the kernel
 * waiting for a FIFO's other end (a blocking open of a named pipe no one
 * writes: it would wait for ever; git starts git in each submodule, which
 * may be the one that waits). Read from /proc/<pid>/wchan and
 * /proc/<pid>/task/<pid>/children, at most FIFO_SCAN_MAX processes (Linux);
 * false where /proc cannot say (other systems, a process already gone).
 */
export function waitsOnFifo(pid: number): boolean {
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'latin1')
    } catch {
      return ''
    }
  }
  const queue = [pid]
  for (let i = 0; i < queue.length && i < FIFO_SCAN_MAX; i++) {
    const p = queue[i]
    if (FIFO_WAIT_CHANNELS.has(read(`/proc/${p}/wchan`))) return true
    for (const c of read(`/proc/${p}/task/${p}/children`).split(' ')) if (c) queue.push(Number(c))
  }
  return false
}
