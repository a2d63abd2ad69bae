// Small process helpers shared by the CLI and the Action.

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
 * case processes' watchdogs take the children down). `say` gets one line each time.
 */
export function interruptOnSignals(say: (line: string) => void): AbortController {
  const c = new AbortController()
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (c.signal.aborted) {
        say(`${sig} again: ending now (the ledger of this run stays unsealed)`)
        process.exit(sig === 'SIGINT' ? 130 : 143)
      }
      say(`${sig}: stopping — ending the case in flight, restoring its tree, sealing the ledger (send it again to end at once)`)
      c.abort(sig)
    })
  }
  return c
}
