// Phase 2 of a run: the entries — (case, attempt) pairs, built in one place
// (planEntries) — run stage by stage over the pool of slots, behind the stage
// gates. One path for every run: serial is a pool of one; --repeat's attempts
// are entries of the same queue (a case's attempt k+1 is taken once attempt k
// has ended, so a case's attempts run one after the other); a stop (a safety
// violation, --fail-fast, a signal) ends the cases in flight — aborted,
// restored, recorded — and skips the rest.
import path from 'node:path'
import type { CaseDef } from '../cases/catalog.js'
import type { CaseScope } from '../cases/context.js'
import type { CaseSummary } from '../types.js'
import { execCase, interruptedBy } from './case-process.js'
import { afterCase, skipped, stageGate } from './plan.js'
import { caseContext, takeCaseProcess, type SlotPool } from './pool.js'
import { aggregateAttempts, attemptCallsDir, attemptDir } from './repeat.js'
import type { PreparedRun, ScheduleResult } from './run-state.js'
import type { LedgerExclusion } from '../guard/ledger-watch.js'
import { SIDECAR_EXT } from '../ledger/sidecar.js'
import type { Slot } from './slots.js'

/** One run of one case: `attempt` 0 is a case's only run; 1… are --repeat's attempts (each in its own small ledger, repeat.ts). */
export interface Entry {
  /** The case's position in the run's selection (progress counts by it). */
  index: number
  caseDef: CaseDef
  attempt: number
}

/**
 * Every entry of the run, in suite order: each selected case once, or, under
 * --repeat, its attempts 1…`attemptsOf(id)` (`repeat`, or a shard's share of them).
 */
export function planEntries(cases: CaseDef[], repeat: number, attemptsOf: (caseId: string) => number = () => repeat): Entry[] {
  return cases.flatMap((caseDef, index) =>
    repeat === 1 ? [{ index, caseDef, attempt: 0 }] : Array.from({ length: attemptsOf(caseDef.id) }, (_, k) => ({ index, caseDef, attempt: k + 1 })),
  )
}

/** Consecutive entries of the same stage. */
function stagesOf(entries: Entry[]): Entry[][] {
  const out: Entry[][] = []
  entries.forEach((e, i) => {
    if (i > 0 && entries[i - 1].caseDef.stage === e.caseDef.stage) out.at(-1)!.push(e)
    else out.push([e])
  })
  return out
}

/** The cases of some entries, once each, in order. */
function casesOf(entries: Entry[]): Entry[] {
  return entries.filter((e, i) => entries.findIndex((x) => x.index === e.index) === i)
}

/** The most cases one stage has (slots beyond it would have nothing to do). */
export function widestStage(entries: Entry[]): number {
  return Math.max(0, ...stagesOf(entries).map((s) => casesOf(s).length))
}

/** A file the harness writes, as LedgerExclusions: it, its sidecar, and writeFileAtomic's temp files of both (.NAME.PID.HEX.tmp). */
function writtenFile(file: string): LedgerExclusion[] {
  const dir = path.dirname(file)
  const name = path.basename(file)
  return [name, name + SIDECAR_EXT].flatMap((n): LedgerExclusion[] => [{ exact: path.join(dir, n) }, { temp: path.join(dir, `.${n}.`) }])
}

/** What a case running beside another writes in the ledger while that one's agent works (see LedgerExclusion). */
function neighbourWrites(run: PreparedRun, other: string): LedgerExclusion[] {
  const { runDir, agentCallsDir } = run
  // Its transcripts go into the run's folder, or an attempt's (--repeat).
  const calls = [agentCallsDir, ...Array.from({ length: run.opts.repeat ?? 1 }, (_, k) => attemptCallsDir(agentCallsDir, k + 1))]
  return [
    { below: path.join(runDir, 'evidence', other) },
    { below: path.join(runDir, 'attempts', other) },
    ...writtenFile(path.join(runDir, 'cases', `${other}.result.json`)),
    ...calls.flatMap((d) => writtenFile(path.join(d, `${other}.json`))),
    // The folders the harness makes when it first writes into them, whichever case gets there first.
    ...[path.join(runDir, 'cases'), path.join(runDir, 'evidence'), path.join(runDir, 'attempts'), path.join(agentCallsDir, 'attempts'), ...calls].map(
      (d): LedgerExclusion => ({ exact: d + path.sep }),
    ),
  ]
}

/** A case's part of its context: which case, which attempt, where it writes; `besides`: the cases running beside it (their ledger writes are not its agent's). */
function caseScope(run: PreparedRun, e: Entry, besides: string[]): CaseScope {
  const { runDir, agentCallsDir } = run
  const id = e.caseDef.id
  return {
    caseDef: e.caseDef,
    runDir: e.attempt > 0 ? attemptDir(runDir, id, e.attempt) : runDir,
    agentCallsDir: e.attempt > 0 ? attemptCallsDir(agentCallsDir, e.attempt) : agentCallsDir,
    evidenceExclude: besides.flatMap((other) => neighbourWrites(run, other)),
    verdictFile: path.join(run.tmp, e.attempt > 0 ? `${id}.attempt-${e.attempt}.verdict.json` : `${id}.verdict.json`),
  }
}

/** The scheduler's state over one run. */
interface Scheduler {
  run: PreparedRun
  pool: SlotPool
  /** Entries not yet taken, in the whole run (a slot starts its next case process ahead only while some are left). */
  left: number
}

/** One entry on one slot: its context handed to a case process, its result sealed. */
function runEntry(s: Scheduler, slot: Slot, e: Entry, stop: AbortSignal, besides: string[], parallel: boolean): Promise<CaseSummary> {
  const { run, pool } = s
  const c = e.caseDef
  if (e.attempt <= 1) run.progress({ kind: 'case-start', caseId: c.id, stage: c.stage, index: e.index + 1, total: run.cases.length })
  s.left--
  const ctx = caseContext(run, slot, caseScope(run, e, besides))
  // A slot running cases one after the other starts its next case process now (in a parallel stage the other slots would leave theirs unused).
  const proc = takeCaseProcess(pool, run, slot, s.left > 0 && !parallel)
  return slot.agent.duringCase(
    () => execCase(ctx, proc, pool.secretsByLabel, run.repoCommit, stop),
    (line) => run.progress({ kind: 'note', line }),
  )
}

/** After an entry: the case's summary when the case is done (its only run, or its last attempt, or a stop ended its series), else undefined. */
function endEntry(
  run: PreparedRun,
  e: Entry,
  got: CaseSummary,
  attempts: Map<number, CaseSummary[]>,
  queue: Entry[],
  stop: AbortSignal,
): CaseSummary | undefined {
  if (e.attempt === 0) return got
  const c = e.caseDef
  const done = [...(attempts.get(e.index) ?? []), got]
  attempts.set(e.index, done)
  const planned = done.length + queue.filter((x) => x.index === e.index).length
  run.progress({
    kind: 'note',
    line: `  ${c.id} attempt ${done.length}/${planned}: ${got.status}${got.failure_code ? ` ${got.failure_code}` : ''} — ${got.reason ?? ''}`,
  })
  // A stop, or a safety violation of the attempt, ends the series.
  const last = done.length === planned || stop.aborted || afterCase(got, c, false).stop
  if (!last) return undefined
  for (let k = queue.length - 1; k >= 0; k--) if (queue[k].index === e.index) queue.splice(k, 1)
  return aggregateAttempts(run.runDir, c.id, done)
}

/**
 * After a case: its progress line, and the reason the run stops now, if it does. An interrupt stops the
 * run when it cut something: entries not yet taken (`s.left`), or this case (an interrupted case is a
 * FAIL: it proved nothing). The last case run to its end interrupted nothing: the run is whole.
 */
function endCase(s: Scheduler, e: Entry, summary: CaseSummary): string | undefined {
  const { run } = s
  const { opts } = run
  run.progress({ kind: 'case-end', summary, index: e.index + 1, total: run.cases.length })
  if (opts.interrupt?.aborted && (s.left > 0 || summary.status !== 'PASS')) return `${interruptedBy(opts.interrupt)} during ${e.caseDef.id}`
  return afterCase(summary, e.caseDef, opts.failFast).reason
}

/**
 * One stage's entries over the pool: a queue, one worker per slot (slot 0 at
 * once, the others as they come up); an entry is taken when the attempt
 * before it (of its case) has ended. A stop aborts the cases in flight and
 * skips the rest. Summaries come back in suite order.
 */
async function runStage(s: Scheduler, stage: Entry[]): Promise<ScheduleResult> {
  const { run, pool } = s
  const cases = casesOf(stage)
  // Cases beside each other only when the stage runs on more than one slot.
  const parallel = cases.length > 1 && pool.more.length > 0
  const queue = [...stage]
  const attempts = new Map<number, CaseSummary[]>()
  const results = new Map<number, CaseSummary>()
  const stageStop = new AbortController()
  const stop = run.opts.interrupt ? AbortSignal.any([run.opts.interrupt, stageStop.signal]) : stageStop.signal
  let why: string | undefined
  const inFlight = new Set<number>()
  const take = (): Entry | undefined => {
    const k = queue.findIndex((e) => !inFlight.has(e.index))
    return k < 0 ? undefined : queue.splice(k, 1)[0]
  }
  const worker = async (slot: Slot): Promise<void> => {
    for (let e = stop.aborted ? undefined : take(); e; e = stop.aborted ? undefined : take()) {
      inFlight.add(e.index)
      const besides = parallel ? cases.filter((x) => x.index !== e!.index).map((x) => x.caseDef.id) : []
      const got = await runEntry(s, slot, e, stop, besides, parallel)
      inFlight.delete(e.index)
      const summary = endEntry(run, e, got, attempts, queue, stop)
      if (!summary) continue
      results.set(e.index, summary)
      const w = endCase(s, e, summary)
      if (w && !why) {
        why = w
        run.progress({ kind: 'stop', reason: w })
        stageStop.abort(w)
      }
    }
  }
  const running = new Set<Promise<void>>()
  const launch = (slot: Slot) => {
    const w: Promise<void> = worker(slot).finally(() => running.delete(w))
    running.add(w)
  }
  let over = false
  launch(pool.first)
  for (const more of pool.more)
    more.then(
      (slot) => !over && queue.length > 0 && !stop.aborted && launch(slot),
      () => {},
    )
  while (running.size > 0) await Promise.race(running)
  over = true
  return { summaries: cases.map((e) => results.get(e.index) ?? skipped(e.caseDef, why ?? 'not run')), stopReason: why }
}

/**
 * Phase 2 (see the file's header): every stage's entries, in order, each
 * stage behind its gate (the stage before passed, no stop so far). Returns
 * one summary per case of `entries` (SKIPPED with the reason for those not
 * run) and the stop reason.
 */
export async function scheduleRun(run: PreparedRun, pool: SlotPool, entries: Entry[]): Promise<ScheduleResult> {
  const s: Scheduler = { run, pool, left: entries.length }
  const summaries: CaseSummary[] = []
  let stopReason: string | undefined
  for (const stage of stagesOf(entries)) {
    const first = stage[0].caseDef
    const interrupt = run.opts.interrupt
    if (!stopReason && interrupt?.aborted) {
      stopReason = `${interruptedBy(interrupt)} before ${first.id}`
      run.progress({ kind: 'stop', reason: stopReason })
    }
    const gate = stopReason ? { stop: true, reason: stopReason } : stageGate(first.stage, summaries)
    if (gate.stop) {
      if (!stopReason && gate.reason) run.progress({ kind: 'stage-gate', stage: first.stage, reason: gate.reason })
      stopReason ??= gate.reason
      for (const e of casesOf(stage)) summaries.push(skipped(e.caseDef, gate.reason!))
      s.left -= stage.length
      continue
    }
    const r = await runStage(s, stage)
    summaries.push(...r.summaries)
    stopReason ??= r.stopReason
  }
  return { summaries, stopReason }
}
