// The suite: preflight, worktree, one OpenCode server, then every selected
// case as its own process through @actions/exec, stage by stage, with gates,
// fail-fast and safety stops; then the run summary, sealed and verified.
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadCases, type CaseDef } from '../cases/catalog.js'
import { plantCanary, removeCanary, type Canary } from '../guard/canary.js'
import { compareFingerprints, takeFingerprint } from '../guard/fingerprint.js'
import { compareSnapshots } from '../guard/compare.js'
import { takeSnapshot, takeSnapshotAfter } from '../guard/snapshot.js'
import { checkWorktree } from '../guard/worktree.js'
import { containmentLabel, resolveContainment } from '../sandbox/mechanism.js'
import { providerKeyNames } from '../sandbox/env.js'
import { startReaper } from '../sandbox/reaper.js'
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
import { resolveOpencodeBinary } from '../opencode/binary.js'
import { SCRIPTED_PROVIDER } from '../opencode/config.js'
import { health } from '../opencode/server.js'
import { startBackends, type Backends } from './backends.js'
import { cancelCaseProcess, cliEntry, execCase, interruptedBy, startCaseProcess, type CaseProcess } from './case-process.js'
export { cliEntry } from './case-process.js'
import { writeRecording } from '../cases/recording.js'
import type { CaseSummary, RunSummary } from '../types.js'
import { AGENT_CALLS_SUBDIR, BUILTIN_MODEL, LEDGER_SUBDIR, type Role, type SuiteOptions, type SuiteOutcome } from './options.js'
import { afterCase, selectCases, skipped, stageGate } from './plan.js'
import { preflight } from './preflight.js'
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
    if (m) throw new InputError(input, `git refuses ${m[1]}: detected dubious ownership (it belongs to another user); if you trust it: git config --global --add safe.directory ${m[1]}`)
    throw new InputError(input, `${dir} is not a git repository (or has no commit)${said ? `: ${said.trim().split('\n')[0]}` : ''}`)
  }
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteOutcome> {
  const progress = opts.onProgress ?? (() => {})
  const all = loadCases(opts.casesFile)
  const cases = selectCases(all, opts.stages, opts.caseId)
  // The sandbox first: `required` without one stops here, before anything is written.
  const containment = resolveContainment(
    opts.containment ?? 'auto',
    opts.serverUrl ? 'the OpenCode server is yours (--server-url): it was not started by us, so it cannot be contained' : opts.backends ? 'the servers were started by the caller' : undefined,
  )
  const repoDir = await toplevel(opts.repoDir, '--repo')
  await gitOk(repoDir, ['rev-parse', '--verify', 'HEAD']).catch(() => {
    throw new InputError('--repo', `${repoDir} has no commit yet`)
  })
  const ledgerDir = path.resolve(opts.ledgerDir ?? path.join(repoDir, LEDGER_SUBDIR))
  const model = opts.model
  const hermetic = model === BUILTIN_MODEL
  const roles = opts.roles ?? DEFAULT_ROLES(model)
  if (opts.serverUrl) {
    const h = await health(opts.serverUrl, 5000)
    if (!h.healthy) throw new InputError('--server-url', `${opts.serverUrl} does not answer GET /global/health (${h.error ?? 'healthy=false'})`)
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
  // Beside a worktree: a canary, and (uncontained, where the folder is not a shared temp folder) its neighbours.
  const parent = path.dirname(workDir)
  const sharedParent = [os.tmpdir(), '/tmp', '/var/tmp', '/'].map((d) => path.resolve(d)).includes(parent)
  const canaries: Canary[] = inWorktree ? [plantCanary(parent, runId, !containment.active && !sharedParent)] : []
  progress({ kind: 'run-start', runId, runDir, cases: cases.length })
  progress({ kind: 'containment', line: containmentLabel(containment) })

  let backends: Backends | undefined = opts.backends
  let serverUrl = opts.serverUrl ?? opts.backends?.url
  let serverError: string | undefined
  const summaries: CaseSummary[] = []
  let stopReason: string | undefined
  let childEnv: Record<string, string> = {}
  let secrets: string[] = []
  let registered = new Map<string, string>()
  let pending: CaseProcess | undefined
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
    credentials,
    keyNames,
    envPass: opts.envPass ?? [],
  })
  try {
    if (!serverUrl) {
      const t0 = Date.now()
      try {
        const launch = (command: string, args: string[]) => {
          const c = agent.wrap(command, args)
          return opts.launcher ? { command: opts.launcher, args: [c.command, ...c.args] } : c
        }
        backends = await startBackends({ model, hermetic, roles, writeAllowlist: opts.writeAllowlist, cases: all, binary: binary!, cwd: workDir, tmp, env: agent.serverEnv, wrap: launch, signal: opts.interrupt })
        serverUrl = backends.url
        progress({ kind: 'server-start', url: serverUrl, ms: Date.now() - t0 })
        // Killed outright, the suite runs no finally: the reaper ends the server and the agent's processes then.
        startReaper({ cli: cliEntry(), parent: process.pid, group: backends.pid, tag: agent.tag })
      } catch (e) {
        // Evidence, not an exception: T1C01 will find no server and record CLIFAIL.
        serverError = (e as Error).message
        serverUrl = 'http://127.0.0.1:9'
        progress({ kind: 'stop', reason: `OpenCode server could not start: ${serverError}` })
      }
    }
    // Role keys (made up per run in hermetic mode) reach case processes only through env.
    childEnv = Object.fromEntries(Object.entries({ ...process.env, ...backends?.keyEnv }).filter((e): e is [string, string] => typeof e[1] === 'string'))
    registered = registeredSecrets(childEnv, roles, keyNames, credentials)
    secrets = [...registered.values()]

    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]
      if (!stopReason && opts.interrupt?.aborted) {
        stopReason = `${interruptedBy(opts.interrupt)} before ${c.id}`
        progress({ kind: 'stop', reason: stopReason })
      }
      const gate = stopReason ? { stop: true, reason: stopReason } : stageGate(c.stage, summaries)
      if (gate.stop) {
        if (!stopReason && gate.reason) progress({ kind: 'stage-gate', stage: c.stage, reason: gate.reason })
        stopReason ??= gate.reason
        summaries.push(skipped(c, gate.reason!))
        continue
      }
      progress({ kind: 'case-start', caseId: c.id, stage: c.stage, index: i + 1, total: cases.length })
      const ctx: CaseContext = {
        runId,
        runDir,
        caseDef: c,
        serverUrl: serverUrl!,
        model,
        transport: opts.transport,
        workDir,
        writeAllowlist: opts.writeAllowlist,
        deletionAllowlist: opts.deletionAllowlist,
        latencyBudgetMs: opts.latencyBudgetMs,
        caseTimeoutMs: opts.caseTimeoutMs,
        agentCallsDir,
        roles,
        scriptedLog: backends?.scriptedLog,
        opencodeBinary: binary,
        launcher: opts.launcher,
        harnessPaths,
        // Under containment the other checkouts are out of reach: fingerprinted once a run, not per case.
        protectedCheckouts: containment.active ? [] : protectedDirs,
        containment,
        policy: agent.policy,
        processTag: agent.tag,
        codeEnv: agent.codeEnv,
        canaries,
        evidenceDirs: [ledgerDir, agentCallsRoot],
        configSha256: backends?.configSha256,
        verdictFile: path.join(tmp, `${c.id}.verdict.json`),
      }
      // A process waits at most this long for its context: the case before it, bounded by the backstop, and a margin.
      const waitMs = opts.caseTimeoutMs + 60_000
      const proc = pending ?? startCaseProcess(tmp, i, childEnv, waitMs)
      pending = undefined
      const running = execCase(ctx, proc, registered, repoCommit, opts.interrupt)
      // The next case's process starts now (it waits for its context), unless this is the last.
      if (i + 1 < cases.length) pending = startCaseProcess(tmp, i + 1, childEnv, waitMs)
      const summary = await running
      summaries.push(summary)
      progress({ kind: 'case-end', summary, index: i + 1, total: cases.length })
      const d = afterCase(summary, c, opts.failFast)
      if (opts.interrupt?.aborted) {
        stopReason = `${interruptedBy(opts.interrupt)} during ${c.id}`
        progress({ kind: 'stop', reason: stopReason })
      } else if (d.stop) {
        stopReason = d.reason
        progress({ kind: 'stop', reason: d.reason! })
      }
    }
  } finally {
    if (pending) await cancelCaseProcess(pending)
    // Servers the caller brought (opts.backends) are the caller's to stop.
    if (backends && backends !== opts.backends) await backends.stop(opts.interrupt?.aborted ? 1000 : undefined)
    canaries.forEach(removeCanary)
  }

  // report.html before the seal: its sidecar, and the ledger root, cover it like every other file.
  writeRunReport(runDir, { ...buildSummary(runId, repoCommit, summaries, stopReason), containment: containmentLabel(containment) }, registered)
  const summary = writeSummary(runDir, runId, repoCommit, summaries, stopReason, containmentLabel(containment))
  // Signed with the standard tool (SSHSIG, namespace opencode-dogfood): `ssh-keygen -Y verify` checks it without us.
  if (opts.signKey) signSummary(runDir, opts.signKey)
  const problems = verifyRun(runDir)
  // A case's agent that rewrote this run's evidence was caught (MODIFICATIONFAIL, FAIL): verify's findings are its traces, reported.
  const tampered = summaries.some((c) => c.offending_paths?.some((p) => p.startsWith(runDir + path.sep) || p.startsWith(agentCallsDir + path.sep)))
  if (problems.length > 0 && !tampered) throw new Error(`harness bug: the ledger of ${runId} does not verify:\n${problems.join('\n')}`)

  let worktree: SuiteOutcome['worktree']
  if (worktreePath) {
    const r = summary.final_verdict === 'PASS' ? await removeWorktree(repoDir, worktreePath) : { removed: false, message: `worktree left for inspection at ${worktreePath} (verdict ${summary.final_verdict})` }
    worktree = { path: worktreePath, ...r }
    progress({ kind: 'cleanup', message: r.message })
  }
  // OpenCode records a project id in <git dir>/opencode; one it created for this run goes again.
  if (!hadOpencodeState && existsSync(opencodeStateFile)) rmSync(opencodeStateFile)
  const worktreesDir = path.join(commonDir, 'worktrees')
  const protectedChanges = (
    await Promise.all(protectedDirs.map(async (p, i) => compareFingerprints(protectedBefore[i], await takeFingerprint(p.dir, p.exclude, protectedBefore[i]))))
  )
    .flat()
    // The run's own worktree is registered under <common dir>/worktrees/ (and unregistered when removed).
    .filter((c) => !(worktreePath && c.path.startsWith(worktreesDir)))
    .map((c) => `${c.kind} ${c.path}`)
  const inPlaceChanges = inPlaceBefore
    ? compareSnapshots(inPlaceBefore, await takeSnapshotAfter(inPlaceBefore, { exclude: harnessPaths })).map((c) => `${c.kind} ${path.join(workDir, c.path)}`)
    : []
  const checkoutChanges = [...protectedChanges, ...inPlaceChanges]
  // The recording is written after the checkout comparison: a file the user asked for is not a change the run made.
  if (opts.recordFile)
    writeRecording(opts.recordFile, { cases, runId, model, transcriptFile: (id) => path.join(agentCallsDir, `${id}.json`), workDir, latencyBudgetMs: opts.latencyBudgetMs, secrets })
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
  if (stopReason) summary.stop_reason = stopReason
  else if (summary.final_verdict === 'FAIL' && cases.length === 0) summary.stop_reason = 'no case selected'
  return summary
}

function writeSummary(runDir: string, runId: string, repoCommit: string, cases: CaseSummary[], stopReason: string | undefined, containment: string): RunSummary {
  return sealRunSummary(runDir, { ...buildSummary(runId, repoCommit, cases, stopReason), containment })
}

export type { CaseDef }
