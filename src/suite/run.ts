// The suite: a run in three phases. prepare (prepare.ts: inputs,
// containment, checkout, worktree, ledger) and the pool of slots (pool.ts:
// the servers); schedule (schedule.ts: every (case, attempt) entry, stage by
// stage behind the gates, over the slots); finish (finish.ts: the pool
// stopped, the ledger sealed, signed and verified, the checkouts compared).
import type { CaseDef } from '../cases/catalog.js'
import { closeRun, finishRun } from './finish.js'
import type { SuiteOptions, SuiteOutcome } from './options.js'
import { startPool, type SlotPool } from './pool.js'
import { prepareRun } from './prepare.js'
import type { ScheduleResult } from './run-state.js'
import { planEntries, scheduleRun, widestStage } from './schedule.js'

export { cliEntry } from './case-process.js'
export { buildSummary } from './finish.js'
export { DEFAULT_ROLES } from './prepare.js'

/**
 * Run the suite (see the file's header). Throws InputError or PreflightError
 * before anything is written; a server that cannot start is evidence (the
 * cases record CLIFAIL), not an exception.
 */
export async function runSuite(opts: SuiteOptions): Promise<SuiteOutcome> {
  const run = await prepareRun(opts)
  // Every (case, attempt) the run schedules, built in this one place: under --shard, only this shard's attempts of each case.
  const entries = planEntries(run.cases, opts.repeat ?? 1, run.share.attempts)
  let pool: SlotPool | undefined
  let done: ScheduleResult
  try {
    pool = await startPool(run, widestStage(entries))
    done = await scheduleRun(run, pool, entries)
  } finally {
    await closeRun(run, pool)
  }
  return finishRun(run, pool, done)
}

export type { CaseDef }
