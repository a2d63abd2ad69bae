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
