// Waiting on a condition in a test, bounded.

/** Poll `cond` every `everyMs` until it holds or `ms` have passed; its last value. */
export async function until(cond: () => boolean, ms: number, everyMs = 50): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (cond()) return true
    await new Promise((r) => setTimeout(r, everyMs))
  }
  return cond()
}
