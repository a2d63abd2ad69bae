// Run ids: scan for RUN_* folders, take the highest suffix, add one. The folder
// is claimed with a non-recursive mkdir, which fails if another run took the
// same id first; the loser simply tries the next number.
import { mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'

const RUN_DIR = /^RUN_([0-9]{4,})$/

export function highestRunNumber(ledgerDir: string): number {
  let names: string[]
  try {
    names = readdirSync(ledgerDir)
  } catch {
    return 0
  }
  return names.reduce((max, n) => {
    const m = RUN_DIR.exec(n)
    return m ? Math.max(max, Number(m[1])) : max
  }, 0)
}

export function formatRunId(n: number): string {
  if (n > 9999) throw new Error(`run number ${n} does not fit the seed's RUN_XXXX pattern (at most RUN_9999)`)
  return `RUN_${String(n).padStart(4, '0')}`
}

/** Allocate and create the next run folder; safe against concurrent runs. */
export function allocateRun(ledgerDir: string): { runId: string; runDir: string } {
  mkdirSync(ledgerDir, { recursive: true })
  for (let attempt = 0; attempt < 1000; attempt++) {
    const runId = formatRunId(highestRunNumber(ledgerDir) + 1)
    const runDir = path.join(ledgerDir, runId)
    try {
      mkdirSync(runDir)
      return { runId, runDir }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
  throw new Error(`could not allocate a run id in ${ledgerDir}`)
}
