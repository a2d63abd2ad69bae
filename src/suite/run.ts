// The suite: preflight, worktree, one OpenCode server, then every selected
// case as its own process through @actions/exec, stage by stage, with gates,
// fail-fast and safety stops; then the run summary, sealed and verified.
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadCases, type CaseDef } from '../cases/catalog.js'
import { plantCanary, removeCanary, sweepStaleCanaries, type Canary } from '../guard/canary.js'
import { compareFingerprints, takeFingerprint } from '../guard/fingerprint.js'
import { compareSnapshots } from '../guard/compare.js'
import { takeSnapshot, takeSnapshotAfter } from '../guard/snapshot.js'
import { checkWorktree } from '../guard/worktree.js'
import { DEFAULT_EVIDENCE_MAX_BYTES } from '../guard/reader.js'
import { containmentLabel, resolveContainment } from '../sandbox/mechanism.js'
import { openNetwork } from '../sandbox/network-policy.js'
import { closeRunCgroups, openRunCgroups } from '../sandbox/cgroup.js'
import { DEFAULT_CASE_LIMITS } from '../sandbox/limits.js'
import { providerKeyNames } from '../sandbox/env.js'
import { CASE_PROCESS_VAR, SUITE_PID_VAR } from '../sandbox/processes.js'
import { checkCredentials, prepareAgentSide, registeredSecrets } from './containment.js'
import { repoLayout } from './layout.js'
import type { CaseContext } from '../cases/context.js'
import { GitError, InputError, PreflightError } from '../errors.js'
import { toPosix } from '../fsutil.js'
import { gitOk } from '../git.js'
import { sealRunSummary } from '../ledger/seal.js'
import { signSummary } from '../ledger/sign.js'
import { allocateRun } from '../ledger/run-id.js'
import { verifyRun } from '../ledger/verify.js'
import { writeRunReport } from '../report/html/index.js'
import { writeRunnerSetup } from '../ledger/runner-setup.js'
import { checkOpencodeVersion, resolveOpencodeBinary } from '../opencode/binary.js'
import { SCRIPTED_PROVIDER } from '../opencode/config.js'
import { health, SERVER_PASSWORD_ENV } from '../opencode/server.js'
import { describeWarmUp } from '../opencode/warm-up.js'
import { hermeticKeys, type Backends } from './backends.js'
import { runFacts, type RunFacts } from './facts.js'
import { sumUsage } from '../opencode/usage.js'
import { cancelCaseProcess, execCase, interruptedBy, startCaseProcess, type CaseProcess } from './case-process.js'
export { cliEntry } from './case-process.js'
import { writeRecording } from '../cases/recording.js'
import type { CaseSummary, RunSummary } from '../types.js'
import { AGENT_CALLS_SUBDIR, LEDGER_SUBDIR } from '../ledger/layout.js'
import { BUILTIN_MODEL, type Role, type SuiteOptions, type SuiteOutcome } from './options.js'
import { afterCase, selectCases, skipped, stageGate } from './plan.js'
import { preflight } from './preflight.js'
import { shareOf } from './shard.js'
import { aggregateAttempts, attemptCallsDir, attemptDir } from './repeat.js'
import { slotPaths, startSlot, startSlotServer, stopSlot, type Slot, type SlotServerInput } from './slots.js'
import { createWorktree, removeWorktree } from './worktree.js'

export const DEFAULT_ROLES = (model: string): Role[] =>
  model === BUILTIN_MODEL
    ? ['planner', 'coder', 'reviewer'].map((name) => ({ name, model: `${SCRIPTED_PROVIDER}-${name}/scripted`, key_env: `DOGFOOD_${name.toUpperCase()}_KEY` }))
    : []

function relInside(root: string, target: string): string | undefined {
  const rel = path.relative(root, target)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return toPosix(rel) + '/'
}

async function toplevel(dir: string, input: string): Promise<string> {
  if (!existsSync(dir)) throw new InputError(input, `${dir} does not exist`)
  try {
    return realpathSync((await gitOk(dir, ['rev-parse', '--show-toplevel'])).trim())
  } catch (e) {
    // Container jobs check out as one user and run as another: git refuses the repository. Say what git says.
    const said = e instanceof GitError ? e.stderr : ''
    const m = /detected dubious ownership in repository at '([^']+)'/.exec(said)
    if (m)
      throw new InputError(
        input,
        `git refuses ${m[1]}: detected dubious ownership (it belongs to another user); if you trust it: git config --global --add safe.directory ${m[1]}`,
      )
    throw new InputError(input, `${dir} is not a git repository (or has no commit)${said ? `: ${said.trim().split('\n')[0]}` : ''}`)
  }
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteOutcome> {
  const progress = opts.onProgress ?? (() => {})
  const all = loadCases(opts.casesFile)
  // --shard I/N: this run's share of the (case, attempt) pairs (shard.ts); the whole selection otherwise.
  const share = shareOf(selectCases(all, opts.stages, opts.caseId), opts)
  const cases = share.cases
  // The sandbox first: `required` without one stops here, before anything is written.
  const containment = resolveContainment(
    opts.containment ?? 'auto',
    opts.serverUrl
      ? 'the OpenCode server is yours (--server-url): it was not started by us, so it cannot be contained'
      : opts.backends
        ? 'the servers were started by the caller'
        : undefined,
    opts.bwrapPath,
  )
  const repoDir = await toplevel(opts.repoDir, '--repo')
  await gitOk(repoDir, ['rev-parse', '--verify', 'HEAD']).catch(() => {
    throw new InputError('--repo', `${repoDir} has no commit yet`)
  })
  const ledgerDir = path.resolve(opts.ledgerDir ?? path.join(repoDir, LEDGER_SUBDIR))
  const model = opts.model
  const hermetic = model === BUILTIN_MODEL
  const roles = opts.roles ?? DEFAULT_ROLES(model)
  // A server of the user's: its password, if it has one, where OpenCode's own client reads it.
  const userPassword = opts.serverUrl ? process.env[SERVER_PASSWORD_ENV] || undefined : undefined
  if (opts.serverUrl) {
    const h = await health(opts.serverUrl, 5000, userPassword)
    if (!h.healthy) throw new InputError('--server-url', `${opts.serverUrl} does not answer GET /global/health (${h.error ?? 'healthy=false'})`)
    // A server of the user's is checked like a binary of ours (it reports its version in the health answer).
    if (h.version) checkOpencodeVersion(h.version, opts.serverUrl, '--server-url')
  }
  const binary = (opts.serverUrl || opts.backends) && opts.transport === 'sdk' ? undefined : resolveOpencodeBinary(opts.opencodePath)

  // Transcripts go to logs/agent_calls/ of the checkout, or beside a custom ledger.
  const agentCallsRoot = opts.ledgerDir ? path.join(ledgerDir, 'agent_calls') : path.join(repoDir, AGENT_CALLS_SUBDIR)
  const harnessIn = (root: string): string[] => [relInside(root, ledgerDir), relInside(root, agentCallsRoot)].filter((x): x is string => !!x)
  // Preflight on the checkout the cases will see (the worktree is created from HEAD).
  const failures = await preflight(repoDir, cases, harnessIn(repoDir))
  if (failures.length > 0) throw new PreflightError(failures)
  // Credentials the agent's git would read: hidden from it under containment, else the run stops here.
  const credentials = await checkCredentials(repoDir, containment)

  let workDir = repoDir
  let worktreePath: string | undefined
  if (opts.worktreePath) {
    worktreePath = await createWorktree(repoDir, opts.worktreePath)
    workDir = realpathSync(worktreePath)
  }
  // Every checkout of the repository but the one the agent works in must come
  // out of the run as it went in: the user's, the main one, other worktrees.
  const layout = await repoLayout(repoDir)
  const commonDir = layout.commonDir
  const protectedDirs = layout.checkouts.filter((d) => d !== workDir).map((dir) => ({ dir, exclude: harnessIn(dir) }))
  const protectedBefore = await Promise.all(protectedDirs.map((p) => takeFingerprint(p.dir, p.exclude)))
  const opencodeStateFile = path.join(commonDir, 'opencode')
  const hadOpencodeState = existsSync(opencodeStateFile)
  const inWorktree = (await checkWorktree(workDir)).is_worktree
  const repoCommit = (await gitOk(workDir, ['rev-parse', 'HEAD'])).trim()
  const { runId, runDir } = allocateRun(ledgerDir)
  const agentCallsDir = path.join(agentCallsRoot, runId)
  const harnessPaths = harnessIn(workDir)
  // The tree the agent works in, when it is the checkout the run started in:
  // only what remains after the cases' restores counts (content, not stat data).
  const inPlaceBefore = worktreePath ? undefined : await takeSnapshot(workDir, { exclude: harnessPaths })
  const tmp = mkdtempSync(path.join(os.tmpdir(), `opencode-dogfood-${runId}-`))
  const limits = opts.caseLimits ?? DEFAULT_CASE_LIMITS
  const cg = limits.procs !== null || limits.memory !== null ? openRunCgroups(runId) : { reason: 'processes and memory are not bounded (--case-limits)' }
  // Beside a worktree: a canary, and (uncontained, where the folder is not a shared temp folder) its neighbours.
  const parent = path.dirname(workDir)
  const sharedParent = [os.tmpdir(), '/tmp', '/var/tmp', '/'].map((d) => path.resolve(d)).includes(parent)
  // Canaries of runs killed outright there (their reaper gone too) are removed first: they would be litter, and neighbours of this run's.
  const stale = inWorktree ? sweepStaleCanaries(parent) : []
  const canaries: Canary[] = inWorktree ? [plantCanary(parent, runId, !containment.active && !sharedParent)] : []
  progress({ kind: 'run-start', runId, runDir, cases: cases.length })
  if (stale.length > 0)
    progress({
      kind: 'note',
      line: `removed ${stale.length} canary file(s) of killed runs beside the worktree: ${stale.map((f) => path.basename(f)).join(', ')}`,
    })
  progress({ kind: 'containment', line: containmentLabel(containment) })
  // Without the sandbox there is no network namespace either: say what that means.
  if (!containment.active) progress({ kind: 'note', line: `network: ${openNetwork(containment.reason).summary}` })

  let backends: Backends | undefined = opts.backends
  let serverUrl = opts.serverUrl ?? opts.backends?.url
  let serverError: string | undefined
  const summaries: CaseSummary[] = []
  let stopReason: string | undefined
  let childEnv: Record<string, string> = {}
  let registered = new Map<string, string>()
  let pending: CaseProcess | undefined
  const jobs = opts.jobs ?? os.availableParallelism()
  const repeat = opts.repeat ?? 1
  const slots: Slot[] = []
  let slotStarts: Promise<Slot>[] = []
  const keyNames = [...(hermetic ? [] : providerKeyNames(model)), ...roles.map((r) => r.key_env)]
  const agent = await prepareAgentSide({
    containment,
    workDir,
    commonDir,
    otherCheckouts: protectedDirs.map((p) => p.dir),
    writeAllowlist: opts.writeAllowlist,
    harnessPaths,
    harnessDirs: [ledgerDir, agentCallsRoot, tmp],
    tmp,
    readable: binary ? binaryFolders(binary) : [],
    readAllow: opts.readAllow,
    credentials,
    keyNames,
    envPass: opts.envPass ?? [],
    networkNamespace: opts.networkNamespace,
  })
  // Made before any server starts, so every slot's server and every case process share them.
  const keyEnv = opts.backends?.keyEnv ?? (hermetic && !opts.serverUrl ? hermeticKeys(roles) : {})
  // Aborted with the run, or when slot 0's server cannot start (the other slots are then of no use).
  const slotsGiveUp = new AbortController()
  const serverInput: SlotServerInput | undefined = binary
    ? {
        model,
        hermetic,
        roles,
        writeAllowlist: opts.writeAllowlist,
        cases: all,
        binary,
        keyEnv,
        launcher: opts.launcher,
        egressAllow: opts.egressAllow,
        signal: opts.interrupt ? AbortSignal.any([opts.interrupt, slotsGiveUp.signal]) : slotsGiveUp.signal,
        // Killed outright, the run's reaper removes these (this run's own files outside the worktree and the ledger).
        leftovers: {
          canaries: canaries.map((c) => ({ file: c.file, content: c.content })),
          created: hadOpencodeState ? [] : [opencodeStateFile],
          caseTag: agent.tag,
        },
      }
    : undefined
  try {
    // --jobs: the other slots (worktree + contained server each) start at the same moment as slot 0's server.
    const start0 = !serverUrl && serverInput ? startSlotServer(agent, workDir, tmp, serverInput) : undefined
    const extra = startExtraSlots()
    slotStarts = extra
    if (start0) {
      const t0 = Date.now()
      try {
        const started = await start0
        backends = started
        serverUrl = started.url
        progress({ kind: 'server-start', url: serverUrl, ms: Date.now() - t0, warm: describeWarmUp(started.warmUp) })
      } catch (e) {
        // Evidence, not an exception: T1C01 will find no server and record CLIFAIL.
        serverError = (e as Error).message
        serverUrl = 'http://127.0.0.1:9'
        slotsGiveUp.abort(new Error('slot 0 could not start'))
        progress({ kind: 'stop', reason: `OpenCode server could not start: ${serverError}` })
      }
    }
    // Role keys (made up per run in hermetic mode) reach case processes only through env.
    // CASE_PROCESS_VAR: the reaper of a killed run waits for its case processes before it removes the run's leftovers;
    // SUITE_PID_VAR: the process a case process watches.
    childEnv = Object.fromEntries(
      Object.entries({ ...process.env, ...keyEnv, [CASE_PROCESS_VAR]: agent.tag, [SUITE_PID_VAR]: String(process.pid) }).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    )
    registered = registeredSecrets(childEnv, roles, keyNames, credentials)
    const password0 = backends?.password ?? userPassword
    if (password0) registered.set('OpenCode server password (slot 0)', password0)
    // Slots that came up before slot 0 (the others register as they come up).
    for (const s of slots) if (s.serverPassword) registered.set(`OpenCode server password (slot ${s.index})`, s.serverPassword)

    const slot0: Slot = { index: 0, workDir, serverUrl: serverUrl!, serverPassword: password0, agent, backends }
    const waitMs = opts.caseTimeoutMs + 60_000
    /** One case on one slot; `besides`: the ids of cases running at the same time (their ledger writes are not this case's agent's). */
    /** One attempt of a case on one slot (`attempt` > 0: --repeat, in its own small ledger; see repeat.ts). */
    const runOn = (i: number, slot: Slot, proc: CaseProcess, stop: AbortSignal | undefined, besides: string[], attempt = 0): Promise<CaseSummary> => {
      const c = cases[i]
      if (attempt <= 1) progress({ kind: 'case-start', caseId: c.id, stage: c.stage, index: i + 1, total: cases.length })
      const ctx: CaseContext = {
        runId,
        runDir: attempt > 0 ? attemptDir(runDir, c.id, attempt) : runDir,
        caseDef: c,
        serverUrl: slot.serverUrl,
        serverPassword: slot.serverPassword,
        model,
        transport: opts.transport,
        workDir: slot.workDir,
        writeAllowlist: opts.writeAllowlist,
        deletionAllowlist: opts.deletionAllowlist,
        latencyBudgetMs: opts.latencyBudgetMs,
        caseTokenBudget: opts.caseTokenBudget,
        evidenceMaxBytes: opts.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES,
        ...{ limits, cgroups: cg.cgroups, cgroupReason: cg.reason },
        caseTimeoutMs: opts.caseTimeoutMs,
        agentCallsDir: attempt > 0 ? attemptCallsDir(agentCallsDir, attempt) : agentCallsDir,
        roles,
        scriptedLog: slot.backends?.scriptedLog,
        opencodeBinary: binary,
        launcher: opts.launcher,
        harnessPaths: slot.index === 0 ? harnessPaths : [],
        // Under containment the other checkouts are out of reach: fingerprinted once a run, not per case.
        protectedCheckouts: containment.active ? [] : protectedDirs,
        containment,
        policy: slot.agent.policy,
        network: slot.backends?.network,
        egressLog: slot.backends?.egressLog,
        netns: slot.backends?.netns,
        processTag: slot.agent.tag,
        codeEnv: slot.agent.codeEnv,
        canaries: slot.index === 0 ? canaries : [],
        evidenceDirs: [ledgerDir, agentCallsRoot],
        evidenceExclude: besides.flatMap((id) => [
          path.join(runDir, 'evidence', id) + path.sep,
          path.join(runDir, 'cases', `${id}.result.json`),
          // writeFileAtomic's temp files beside them (.NAME.PID.HEX.tmp)
          path.join(runDir, 'cases', `.${id}.result.json.`),
          path.join(agentCallsDir, `${id}.json`),
          path.join(agentCallsDir, `.${id}.json.`),
          path.join(runDir, 'attempts', id) + path.sep,
          path.join(agentCallsDir, 'attempts') + path.sep,
        ]),
        configSha256: slot.backends?.configSha256,
        verdictFile: path.join(tmp, attempt > 0 ? `${c.id}.attempt-${attempt}.verdict.json` : `${c.id}.verdict.json`),
      }
      return slot.agent.duringCase(
        () => execCase(ctx, proc, registered, repoCommit, stop),
        (line) => progress({ kind: 'note', line }),
      )
    }
    /** A case, --repeat times: every attempt in a fresh session and process, its tree restored; a stop ends the series. */
    const runCaseOn = async (i: number, slot: Slot, proc: CaseProcess, stop: AbortSignal | undefined, besides: string[]): Promise<CaseSummary> => {
      if (repeat === 1) return runOn(i, slot, proc, stop, besides)
      const attempts: CaseSummary[] = []
      for (let k = 1; k <= share.attempts(cases[i].id); k++) {
        // Attempt k ≥ 2 gets its own context file: (i + 1) * 1000 + k is never a case index (i * 1000 + k was: case 0's attempt 2 ran again in case 2's pre-started process).
        const a = await runOn(i, slot, k === 1 ? proc : startCaseProcess(tmp, (i + 1) * 1000 + k, childEnv, waitMs), stop, besides, k)
        attempts.push(a)
        progress({
          kind: 'note',
          line: `  ${cases[i].id} attempt ${k}/${repeat}: ${a.status}${a.failure_code ? ` ${a.failure_code}` : ''} — ${a.reason ?? ''}`,
        })
        if (stop?.aborted || afterCase(a, cases[i], false).stop) break
      }
      return aggregateAttempts(runDir, cases[i].id, attempts)
    }
    const ended = (i: number, summary: CaseSummary): string | undefined => {
      progress({ kind: 'case-end', summary, index: i + 1, total: cases.length })
      if (opts.interrupt?.aborted) return `${interruptedBy(opts.interrupt)} during ${cases[i].id}`
      return afterCase(summary, cases[i], opts.failFast).reason
    }

    for (const batch of stageBatches(cases)) {
      const first = cases[batch[0]]
      if (!stopReason && opts.interrupt?.aborted) {
        stopReason = `${interruptedBy(opts.interrupt)} before ${first.id}`
        progress({ kind: 'stop', reason: stopReason })
      }
      const gate = stopReason ? { stop: true, reason: stopReason } : stageGate(first.stage, summaries)
      if (gate.stop) {
        if (!stopReason && gate.reason) progress({ kind: 'stage-gate', stage: first.stage, reason: gate.reason })
        stopReason ??= gate.reason
        for (const i of batch) summaries.push(skipped(cases[i], gate.reason!))
        continue
      }
      if (batch.length > 1 && extra.length > 0) {
        const r = await runParallel(batch)
        summaries.push(...r.summaries)
        stopReason ??= r.stopReason
        continue
      }
      for (const i of batch) {
        if (stopReason) {
          summaries.push(skipped(cases[i], stopReason))
          continue
        }
        const proc = pending ?? startCaseProcess(tmp, i, childEnv, waitMs)
        pending = undefined
        const running = runCaseOn(i, slot0, proc, opts.interrupt, [])
        // The next case's process starts now (it waits for its context), unless this is the last.
        if (i + 1 < cases.length) pending = startCaseProcess(tmp, i + 1, childEnv, waitMs)
        const summary = await running
        summaries.push(summary)
        const why = ended(i, summary)
        if (why) {
          stopReason = why
          progress({ kind: 'stop', reason: why })
        }
      }
    }

    /**
     * One stage's cases at once: a queue, one worker per slot (slot 0 at
     * once, the others as their servers come up). A stop (a safety violation,
     * --fail-fast, a signal) ends the cases in flight — aborted, restored,
     * recorded — and skips the rest of the queue. Entries come back in
     * catalogue order.
     */
    async function runParallel(batch: number[]): Promise<{ summaries: CaseSummary[]; stopReason?: string }> {
      if (pending) await cancelCaseProcess(pending)
      pending = undefined
      const queue = [...batch]
      const results = new Map<number, CaseSummary>()
      const stage = new AbortController()
      const stop = opts.interrupt ? AbortSignal.any([opts.interrupt, stage.signal]) : stage.signal
      let why: string | undefined
      const worker = async (slot: Slot): Promise<void> => {
        while (queue.length > 0 && !stop.aborted) {
          const i = queue.shift()!
          const summary = await runCaseOn(
            i,
            slot,
            startCaseProcess(tmp, i, childEnv, waitMs),
            stop,
            batch.filter((j) => j !== i).map((j) => cases[j].id),
          )
          results.set(i, summary)
          const w = ended(i, summary)
          if (w && !why) {
            why = w
            progress({ kind: 'stop', reason: w })
            stage.abort(w)
          }
        }
      }
      const running = new Set<Promise<void>>()
      const launch = (slot: Slot) => {
        const w: Promise<void> = worker(slot).finally(() => running.delete(w))
        running.add(w)
      }
      let done = false
      launch(slot0)
      for (const e of extra)
        e.then(
          (slot) => !done && queue.length > 0 && !stop.aborted && launch(slot),
          () => {},
        )
      while (running.size > 0) await Promise.race(running)
      done = true
      return { summaries: batch.map((i) => results.get(i) ?? skipped(cases[i], why ?? 'not run')), stopReason: why }
    }

    /** Slots 1… for --jobs: only where a stage has two cases or more, and only contained (see SuiteOptions.jobs). */
    function startExtraSlots(): Promise<Slot>[] {
      const widest = Math.max(0, ...stageBatches(cases).map((b) => b.length))
      const wanted = Math.min(jobs, widest) - 1
      if (wanted <= 0 || !serverInput || opts.serverUrl || opts.backends) return []
      if (!containment.active) {
        progress({
          kind: 'note',
          line: `--jobs ${jobs}: cases run one at a time without containment (each parallel worktree needs a sandbox that hides the others)`,
        })
        return []
      }
      // Run in a checkout that is no worktree, T2b and later fail WORKTREE_REQUIRED there: a slot's worktree would change the verdict.
      if (!inWorktree) {
        progress({
          kind: 'note',
          line: `--jobs ${jobs}: cases run one at a time in a checkout that is not a worktree (a parallel slot's worktree would change what they find)`,
        })
        return []
      }
      const dirs = Array.from({ length: wanted }, (_, k) => slotPaths(tmp, k + 1))
      return dirs.map((d, k) => {
        const others = [...protectedDirs.map((p) => p.dir), workDir, ...dirs.filter((_, j) => j !== k).map((x) => x.dir)]
        const p = startSlot({
          ...serverInput,
          index: k + 1,
          dir: d.dir,
          tmp: d.tmp,
          repoDir,
          commonDir,
          otherCheckouts: others,
          containment,
          harnessDirs: [ledgerDir, agentCallsRoot, tmp],
          readable: binaryFolders(binary!),
          readAllow: opts.readAllow,
          credentials,
          keyNames,
          envPass: opts.envPass ?? [],
          networkNamespace: opts.networkNamespace,
        })
        p.then(
          (s) => {
            slots.push(s)
            // Before the slot's first case: whatever the agent prints of its server's environment is scrubbed.
            if (s.serverPassword) registered.set(`OpenCode server password (slot ${s.index})`, s.serverPassword)
            progress({ kind: 'note', line: `slot ${s.index}: OpenCode server ready at ${s.serverUrl} (worktree ${s.workDir}; ${s.warm})` })
          },
          (e: Error) => progress({ kind: 'note', line: `slot ${k + 1} could not start (its cases run on the other slots): ${e.message}` }),
        )
        return p
      })
    }
  } finally {
    if (pending) await cancelCaseProcess(pending)
    // The parallel slots: their servers stopped, their worktrees removed (a slot that is still starting is waited for).
    await Promise.allSettled(slotStarts)
    // All servers stop at once: an interrupted run gives each 1 s, not 1 s one after the other.
    const grace = opts.interrupt?.aborted ? 1000 : undefined
    await Promise.all([
      ...slots.map(async (s) => progress({ kind: 'note', line: await stopSlot(s, repoDir, grace) })),
      // Servers the caller brought (opts.backends) are the caller's to stop.
      backends && backends !== opts.backends ? backends.stop(grace) : undefined,
    ])
    canaries.forEach(removeCanary)
    for (const d of cg.cgroups ? closeRunCgroups(cg.cgroups) : []) progress({ kind: 'note', line: `cgroup left (it still holds processes): ${d}` })
    // OpenCode records a project id in <common git dir>/opencode; one it created for this run goes again,
    // here (with the servers stopped) so that a run that ends in an exception leaves none either.
    if (!hadOpencodeState && existsSync(opencodeStateFile)) rmSync(opencodeStateFile)
  }

  if (opts.runnerSetup) writeRunnerSetup(runDir, opts.runnerSetup)
  // report.html before the seal: its sidecar, and the ledger root, cover it like every other file.
  const facts = runFacts(model, opts.serverUrl ? (await health(opts.serverUrl, 5000, userPassword)).version : undefined, binary)
  writeRunReport(runDir, { ...buildSummary(runId, repoCommit, summaries, stopReason), containment: containmentLabel(containment), ...facts }, registered)
  const summary = writeSummary(runDir, runId, repoCommit, summaries, stopReason, containmentLabel(containment), {
    ...facts,
    ...share.field({ commit: repoCommit, ...facts }),
  })
  // Signed with the standard tool (SSHSIG, namespace opencode-dogfood): `ssh-keygen -Y verify` checks it without us.
  if (opts.signKey) signSummary(runDir, opts.signKey)
  const problems = verifyRun(runDir)
  // A case's agent that rewrote this run's evidence was caught (MODIFICATIONFAIL, FAIL): verify's findings are its traces, reported.
  const tampered = summaries.some((c) => c.offending_paths?.some((p) => p.startsWith(runDir + path.sep) || p.startsWith(agentCallsDir + path.sep)))
  if (problems.length > 0 && !tampered) throw new Error(`harness bug: the ledger of ${runId} does not verify:\n${problems.join('\n')}`)

  let worktree: SuiteOutcome['worktree']
  if (worktreePath) {
    const r =
      summary.final_verdict === 'PASS'
        ? await removeWorktree(repoDir, worktreePath)
        : { removed: false, message: `worktree left for inspection at ${worktreePath} (verdict ${summary.final_verdict})` }
    worktree = { path: worktreePath, ...r }
    progress({ kind: 'cleanup', message: r.message })
  }
  const worktreesDir = path.join(commonDir, 'worktrees')
  const protectedChanges = (
    await Promise.all(protectedDirs.map(async (p, i) => compareFingerprints(protectedBefore[i], await takeFingerprint(p.dir, p.exclude, protectedBefore[i]))))
  )
    .flat()
    // The run's own worktree is registered under <common dir>/worktrees/ (and unregistered when removed).
    .filter((c) => !((worktreePath || slotStarts.length > 0) && c.path.startsWith(worktreesDir)))
    .map((c) => `${c.kind} ${c.path}`)
  const inPlaceChanges = inPlaceBefore
    ? compareSnapshots(inPlaceBefore, await takeSnapshotAfter(inPlaceBefore, { exclude: harnessPaths })).map((c) => `${c.kind} ${path.join(workDir, c.path)}`)
    : []
  const checkoutChanges = [...protectedChanges, ...inPlaceChanges]
  // The recording is written after the checkout comparison: a file the user asked for is not a change the run made.
  if (opts.recordFile)
    writeRecording(opts.recordFile, {
      cases,
      runId,
      model,
      transcriptFile: (id) => path.join(repeat > 1 ? attemptCallsDir(agentCallsDir, 1) : agentCallsDir, `${id}.json`),
      workDir,
      latencyBudgetMs: opts.latencyBudgetMs,
      secrets: [...registered.values()],
    })
  if (summary.final_verdict === 'PASS' && !serverError) rmSync(tmp, { recursive: true })
  return { runId, runDir, summary, worktree, checkoutChanges, containment: containmentLabel(containment), ledgerProblems: problems }
}

/**
 * What the opencode binary needs to read inside the sandbox: its folder, and
 * for an npm install (node_modules/.bin/opencode is a Node launcher that finds
 * the platform package beside it) the whole node_modules folder it lies in.
 */
function binaryFolders(binary: string): string[] {
  const real = realpathSync(binary)
  const out = [path.dirname(real)]
  const i = real.lastIndexOf(`${path.sep}node_modules${path.sep}`)
  if (i >= 0) out.push(real.slice(0, i + '/node_modules'.length))
  return out
}

/** Consecutive cases of the same stage, as lists of indices (the suite's order is stage by stage). */
export function stageBatches(cases: { stage: string }[]): number[][] {
  const out: number[][] = []
  cases.forEach((c, i) => {
    if (i > 0 && cases[i - 1].stage === c.stage) out.at(-1)!.push(i)
    else out.push([i])
  })
  return out
}

export function buildSummary(runId: string, repoCommit: string, cases: CaseSummary[], stopReason?: string): RunSummary {
  const count = (s: string) => cases.filter((c) => c.status === s).length
  const passed = count('PASS')
  const failed = count('FAIL')
  const skippedN = count('SKIPPED')
  const summary: RunSummary = {
    schema_id: 'opencode_dogfood_run_summary',
    schema_version: '1.0',
    run_id: runId,
    repo_commit: repoCommit,
    total_cases: cases.length,
    passed,
    failed,
    skipped: skippedN,
    final_verdict: failed === 0 && skippedN === 0 && cases.length > 0 ? 'PASS' : 'FAIL',
    cases,
  }
  // Tokens and cost: the cases' figures added up (an added field; a run whose cases report none has none).
  const counted = cases.filter((c) => c.tokens)
  if (counted.length > 0) summary.tokens = sumUsage(counted.map((c) => c.tokens!))
  if (stopReason) summary.stop_reason = stopReason
  else if (summary.final_verdict === 'FAIL' && cases.length === 0) summary.stop_reason = 'no case selected'
  return summary
}

function writeSummary(
  runDir: string,
  runId: string,
  repoCommit: string,
  cases: CaseSummary[],
  stopReason: string | undefined,
  containment: string,
  facts: RunFacts & Pick<RunSummary, 'shard'>,
): RunSummary {
  return sealRunSummary(runDir, { ...buildSummary(runId, repoCommit, cases, stopReason), containment, ...facts })
}

export type { CaseDef }
