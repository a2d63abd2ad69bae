// Phase 1, servers: the pool of slots the scheduler runs entries on. Slot 0
// is the run's own worktree with its server (ours, the caller's or the
// user's); slots 1… (--jobs, contained, beside a worktree only) start at the
// same moment as slot 0's server and join as they come up. Serial is a pool
// of one. Each slot keeps one case process started ahead of its turn (a
// spare): Node's start overlaps the case before it.
import os from 'node:os'
import type { CaseContext, CaseScope, SlotScope } from '../cases/context.js'
import { describeWarmUp } from '../opencode/warm-up.js'
import { CASE_PROCESS_VAR, SUITE_PID_VAR } from '../sandbox/processes.js'
import type { Backends } from './backends.js'
import { cancelCaseProcess, startCaseProcess, type CaseProcess } from './case-process.js'
import { registeredSecrets } from './containment.js'
import { binaryFolders } from './prepare.js'
import type { PreparedRun } from './run-state.js'
import { slotPaths, startSlot, startSlotServer, stopSlot, type Slot } from './slots.js'

/** The slots of a run and what every case process shares. */
export interface SlotPool {
  /** Slot 0: always there (its server may have failed to start: then serverError says why). */
  first: Slot
  /** Slots 1…, as they come up (a failed start rejects; its entries run on the other slots). */
  more: Promise<Slot>[]
  /** Every slot of `more` that came up (stopped at the end). */
  up: Slot[]
  /** Slot 0's servers, when the run started them or the caller brought them. */
  backends?: Backends
  /** Why slot 0's server could not start (the cases then find no server and record CLIFAIL). */
  serverError?: string
  /** Every case process's environment (the run's made-up keys, the process tag, the suite's pid). */
  caseEnv: Record<string, string>
  /** Every secret the ledger must not hold, label → value (server passwords added as slots come up). */
  secretsByLabel: Map<string, string>
  /** How long a case process waits for its context (then it ends by itself). */
  waitMs: number
  /** Each slot's case process started ahead of its turn, and when. */
  spares: Map<number, { proc: CaseProcess; since: number }>
  /** Numbers the case processes' files in the run's temp folder. */
  started: number
}

/** A slot's part of every case context. */
export function slotScope(run: PreparedRun, slot: Slot): SlotScope {
  return {
    serverUrl: slot.serverUrl,
    serverPassword: slot.serverPassword,
    workDir: slot.workDir,
    scriptedLog: slot.backends?.scriptedLog,
    harnessPaths: slot.index === 0 ? run.harnessPaths : [],
    policy: slot.agent.policy,
    network: slot.backends?.network,
    egressLog: slot.backends?.egressLog,
    netns: slot.backends?.netns,
    processTag: slot.agent.tag,
    codeEnv: slot.agent.codeEnv,
    canaries: slot.index === 0 ? run.canaries : [],
    configSha256: slot.backends?.configSha256,
  }
}

/** Slot 0's server: started (or the caller's, or the user's). A start that fails is evidence, not an exception. */
async function startFirstServer(run: PreparedRun): Promise<Pick<SlotPool, 'backends' | 'serverError'> & { serverUrl?: string }> {
  const { opts, progress } = run
  const serverUrl = opts.serverUrl ?? opts.backends?.url
  if (serverUrl || !run.serverInput) return { backends: opts.backends, serverUrl }
  const t0 = Date.now()
  try {
    const started = await startSlotServer(run.agent, run.workDir, run.tmp, run.serverInput)
    progress({ kind: 'server-start', url: started.url, ms: Date.now() - t0, warm: describeWarmUp(started.warmUp) })
    return { backends: started, serverUrl: started.url }
  } catch (e) {
    // Evidence, not an exception: T1C01 will find no server and record CLIFAIL.
    const serverError = (e as Error).message
    run.slotsGiveUp.abort(new Error('slot 0 could not start'))
    progress({ kind: 'stop', reason: `OpenCode server could not start: ${serverError}` })
    return { serverError, serverUrl: 'http://127.0.0.1:9' }
  }
}

/**
 * --jobs when it is not given: the number of cores (`cores`, default
 * os.availableParallelism()) with a real provider, where a case mostly waits
 * for the model (npm run bench:latency: serial 2.28× the ideal, --jobs 4
 * 1.11×); half of them, at least 1, in hermetic mode, where the scripted model
 * answers at once and a case is CPU work for its server and its process, and
 * every slot is one more OpenCode server to start and warm (measured on 2
 * cores: a second slot made `--stages T1` 3–5 s and `--stages T2b` 4–8 s
 * slower, the full suite no faster).
 */
export function defaultJobs(hermetic: boolean, cores = os.availableParallelism()): number {
  return hermetic ? Math.max(1, Math.floor(cores / 2)) : Math.max(1, cores)
}

/** Slots 1… for --jobs: only where a stage has two cases or more, and only contained (see SuiteOptions.jobs). `widest`: the most cases of one stage. */
function startMoreSlots(run: PreparedRun, widest: number, up: Slot[], secrets: { byLabel?: Map<string, string> }): Promise<Slot>[] {
  const { opts, progress, serverInput } = run
  if (!serverInput || opts.serverUrl || opts.backends) return []
  const jobs = opts.jobs ?? defaultJobs(serverInput.hermetic)
  const wanted = Math.min(jobs, widest) - 1
  if (wanted <= 0) return []
  const alone = !run.containment.active
    ? 'without containment (each parallel worktree needs a sandbox that hides the others)'
    : // Run in a checkout that is no worktree, T2b and later fail WORKTREE_REQUIRED there: a slot's worktree would change the verdict.
      !run.inWorktree
      ? "in a checkout that is not a worktree (a parallel slot's worktree would change what they find)"
      : undefined
  if (alone) {
    progress({ kind: 'note', line: `--jobs ${jobs}: cases run one at a time ${alone}` })
    return []
  }
  const dirs = Array.from({ length: wanted }, (_, k) => slotPaths(run.tmp, k + 1))
  return dirs.map((d, k) => {
    const others = [...run.protectedCheckouts.map((p) => p.dir), run.workDir, ...dirs.filter((_, j) => j !== k).map((x) => x.dir)]
    const p = startSlot({
      ...serverInput,
      index: k + 1,
      dir: d.dir,
      tmp: d.tmp,
      repoDir: run.repoDir,
      commonDir: run.commonDir,
      otherCheckouts: others,
      containment: run.containment,
      harnessDirs: run.harnessDirs,
      readable: binaryFolders(serverInput.binary),
      readAllow: opts.readAllow,
      credentials: run.credentials,
      keyNames: run.keyNames,
      envPass: opts.envPass ?? [],
      networkNamespace: opts.networkNamespace,
    })
    p.then(
      (s) => {
        up.push(s)
        // Before the slot's first case: whatever the agent prints of its server's environment is scrubbed.
        if (s.serverPassword) secrets.byLabel?.set(`OpenCode server password (slot ${s.index})`, s.serverPassword)
        progress({ kind: 'note', line: `slot ${s.index}: OpenCode server ready at ${s.serverUrl} (worktree ${s.workDir}; ${s.warm})` })
      },
      (e: Error) => progress({ kind: 'note', line: `slot ${k + 1} could not start (its cases run on the other slots): ${e.message}` }),
    )
    return p
  })
}

/**
 * Start the pool: slot 0's server and (--jobs, where a stage has `widest` ≥ 2
 * cases) slots 1… at the same moment; resolves once slot 0 is up or has
 * failed. Never throws for a server that does not start (see SlotPool).
 */
export async function startPool(run: PreparedRun, widest: number): Promise<SlotPool> {
  const up: Slot[] = []
  // Slots that come up before slot 0 register below; the others as they come up.
  const secrets: { byLabel?: Map<string, string> } = {}
  const firstStart = startFirstServer(run)
  const more = startMoreSlots(run, widest, up, secrets)
  const { backends, serverError, serverUrl } = await firstStart
  // Role keys (made up per run in hermetic mode) reach case processes only through env.
  // CASE_PROCESS_VAR: the reaper of a killed run waits for its case processes before it removes the run's leftovers;
  // SUITE_PID_VAR: the process a case process watches.
  const caseEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...run.keyEnv, [CASE_PROCESS_VAR]: run.agent.tag, [SUITE_PID_VAR]: String(process.pid) }).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  )
  const secretsByLabel = registeredSecrets(caseEnv, run.roles, run.keyNames, run.credentials)
  secrets.byLabel = secretsByLabel
  const password0 = backends?.password ?? run.userPassword
  if (password0) secretsByLabel.set('OpenCode server password (slot 0)', password0)
  // Slots that came up before slot 0 (the others register as they come up).
  for (const s of up) if (s.serverPassword) secretsByLabel.set(`OpenCode server password (slot ${s.index})`, s.serverPassword)
  const first: Slot = { index: 0, workDir: run.workDir, serverUrl: serverUrl!, serverPassword: password0, agent: run.agent, backends }
  return { first, more, up, backends, serverError, caseEnv, secretsByLabel, waitMs: run.opts.caseTimeoutMs + 60_000, spares: new Map(), started: 0 }
}

/**
 * A case process for `slot`: its spare when there is one young enough (it
 * waits for its context waitMs at most), else a new one. `ahead`: start the
 * slot's next spare now (there are entries left to run).
 */
export function takeCaseProcess(pool: SlotPool, run: PreparedRun, slot: Slot, ahead: boolean): CaseProcess {
  const start = () => startCaseProcess(run.tmp, pool.started++, pool.caseEnv, pool.waitMs)
  const spare = pool.spares.get(slot.index)
  pool.spares.delete(slot.index)
  let proc: CaseProcess
  if (spare && Date.now() - spare.since < pool.waitMs - 15_000) proc = spare.proc
  else {
    if (spare) cancelCaseProcess(spare.proc).catch(() => {})
    proc = start()
  }
  if (ahead) pool.spares.set(slot.index, { proc: start(), since: Date.now() })
  return proc
}

/**
 * The pool's end: spares cancelled, slots still starting waited for, every
 * server stopped at once (an interrupted run gives each 1 s, not 1 s one after
 * the other), the slots' worktrees removed. Servers the caller brought are the
 * caller's to stop.
 */
export async function stopPool(run: PreparedRun, pool: SlotPool): Promise<void> {
  await Promise.all([...pool.spares.values()].map((s) => cancelCaseProcess(s.proc)))
  pool.spares.clear()
  await Promise.allSettled(pool.more)
  const grace = run.opts.interrupt?.aborted ? 1000 : undefined
  await Promise.all([
    ...pool.up.map(async (s) => run.progress({ kind: 'note', line: await stopSlot(s, run.repoDir, grace) })),
    pool.backends && pool.backends !== run.opts.backends ? pool.backends.stop(grace) : undefined,
  ])
}

/** The context of one case on one slot: the run's part, the slot's, the case's. */
export function caseContext(run: PreparedRun, slot: Slot, own: CaseScope): CaseContext {
  return { ...run.runScope, ...slotScope(run, slot), ...own }
}
