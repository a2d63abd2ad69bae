// Run ids: scan for RUN_* folders, take the highest suffix, add one. The folder
// is claimed with a non-recursive mkdir, which fails if another run took the
// same id first; the loser simply tries the next number.
import { lstatSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'

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
  if (n > MAX_RUN_NUMBER) throw new Error(`run number ${n} does not fit the seed's RUN_XXXX pattern (at most RUN_9999)`)
  return `RUN_${String(n).padStart(4, '0')}`
}

/**
 * Allocate and create the next run folder; safe against concurrent runs. A full ledger (RUN_9999 taken) is
 * an InputError naming `input` (the option that named the folder).
 */
export function allocateRun(ledgerDir: string, input = '--ledger-dir'): { runId: string; runDir: string } {
  mkdirSync(ledgerDir, { recursive: true })
  for (let attempt = 0; attempt < 1000; attempt++) {
    const next = highestRunNumber(ledgerDir) + 1
    if (next > MAX_RUN_NUMBER)
      throw new InputError(
        input,
        `${ledgerDir} already holds RUN_${MAX_RUN_NUMBER}: run ids end there (four digits, the plan packet's rule); give another folder`,
      )
    const runId = formatRunId(next)
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

/** The highest run number a ledger may hold (RUN_XXXX: four digits, the plan packet's rule). */
export const MAX_RUN_NUMBER = 9999

/**
 * Where a run writes, checked before it makes anything (a worktree included): each folder of `dir` below
 * `root` (the checkout) must be a real folder or not exist yet — a link there, committed by the repository
 * under test (`artifacts -> /elsewhere`, `logs/agent_calls/RUN_0002 -> ~/x`), would carry the ledger or the
 * transcripts out of the checkout, or into a folder the agent writes. A `dir` outside `root` is the user's
 * own choice (--ledger-dir) and is not looked at. Throws InputError naming `input` and the link.
 */
export function checkLedgerFolders(root: string, dir: string, input: string): void {
  const rel = path.relative(root, dir)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return
  let here = root
  for (const part of rel.split(path.sep)) {
    here = path.join(here, part)
    let isLink = false
    let isDir = false
    try {
      const st = lstatSync(here)
      isLink = st.isSymbolicLink()
      isDir = st.isDirectory()
    } catch {
      return // not there yet: the run makes it, a real folder
    }
    const shown = path.relative(root, here)
    if (isLink)
      throw new InputError(
        input,
        `${shown} is a symbolic link in the checkout: the run's ledger and transcripts go in real folders of the checkout (a link would carry them elsewhere); remove the link, or give --ledger-dir a folder outside the checkout`,
      )
    if (!isDir)
      throw new InputError(input, `${shown} is in the checkout but not a folder: the run's ledger and transcripts go there; move it away, or give --ledger-dir`)
  }
}

/**
 * Before a run makes anything: its ledger and transcripts folders are real folders of the checkout `root`
 * (checkLedgerFolders), the ledger has room for one more run (RUN_XXXX ends at RUN_9999), and no
 * transcripts folder of the next run id is there already (a repository can commit one). Throws InputError
 * naming `input`.
 */
export function checkLedgerHome(root: string, ledgerDir: string, agentCallsRoot: string, input: string): void {
  checkLedgerFolders(root, ledgerDir, input)
  checkLedgerFolders(root, agentCallsRoot, input)
  const highest = highestRunNumber(ledgerDir)
  if (highest >= MAX_RUN_NUMBER)
    throw new InputError(
      input,
      `${ledgerDir} already holds RUN_${highest}: run ids end at RUN_${MAX_RUN_NUMBER} (four digits, the plan packet's rule); move earlier runs elsewhere, or give --ledger-dir another folder`,
    )
  const next = path.join(agentCallsRoot, formatRunId(highest + 1))
  let there = true
  try {
    lstatSync(next)
  } catch {
    there = false
  }
  if (there) throw new InputError(input, `${next} exists already: the next run's transcripts need a folder of their own; move it away`)
}
