// Phase 3 of a run: the pool stopped and the run's leftovers removed (also
// when the run ends in an exception), then the ledger finished — runner
// setup, report, the sealed summary, its signature, verification — the run's
// worktree removed on PASS, every other checkout compared with how it was,
// the recording written and the temp folder removed.
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { writeRecording } from '../cases/recording.js'
import { removeCanary } from '../guard/canary.js'
import { compareSnapshots } from '../guard/compare.js'
import { compareFingerprints, takeFingerprint } from '../guard/fingerprint.js'
import { takeSnapshotAfter } from '../guard/snapshot.js'
import { writeRunnerSetup } from '../ledger/runner-setup.js'
import { sealRunSummary } from '../ledger/seal.js'
import { signSummary } from '../ledger/sign.js'
import { verifyRun } from '../ledger/verify.js'
import { health } from '../opencode/server.js'
import { sumUsage } from '../opencode/usage.js'
import { writeRunReport } from '../report/html/index.js'
import { closeRunCgroups } from '../sandbox/cgroup.js'
import { containmentLabel } from '../sandbox/mechanism.js'
import type { CaseSummary, RunSummary } from '../types.js'
import { runFacts } from './facts.js'
import type { SuiteOutcome } from './options.js'
import { stopPool, type SlotPool } from './pool.js'
import { attemptCallsDir } from './repeat.js'
import type { PreparedRun, ScheduleResult } from './run-state.js'
import { removeWorktree } from './worktree.js'

/** The run summary of `cases` (counts, verdict, tokens, stop reason); not yet sealed. */
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

/**
 * The run's end, whatever happened: the pool stopped (stopPool), the canaries
 * removed, the run's cgroups closed, and OpenCode's project id in <common git
 * dir>/opencode removed when this run created it (with the servers stopped,
 * so a run that ends in an exception leaves none either).
 */
export async function closeRun(run: PreparedRun, pool: SlotPool | undefined): Promise<void> {
  if (pool) await stopPool(run, pool)
  run.canaries.forEach(removeCanary)
  const cgroups = run.runCgroups.cgroups
  for (const d of cgroups ? closeRunCgroups(cgroups) : []) run.progress({ kind: 'note', line: `cgroup left (it still holds processes): ${d}` })
  if (!run.hadOpencodeState && existsSync(run.opencodeStateFile)) rmSync(run.opencodeStateFile)
}

/** The ledger finished: runner setup, report.html, the sealed summary, its signature; verified. Throws on a ledger that does not verify (unless a case's agent tampered with it). */
async function sealLedger(run: PreparedRun, pool: SlotPool, done: ScheduleResult): Promise<{ summary: RunSummary; problems: string[] }> {
  const { opts, runDir, runId, repoCommit } = run
  if (opts.runnerSetup) writeRunnerSetup(runDir, opts.runnerSetup)
  // report.html before the seal: its sidecar, and the ledger root, cover it like every other file.
  const facts = runFacts(run.model, opts.serverUrl ? (await health(opts.serverUrl, 5000, run.userPassword)).version : undefined, run.binary)
  const containment = containmentLabel(run.containment)
  const unsealed = { ...buildSummary(runId, repoCommit, done.summaries, done.stopReason), containment, ...facts }
  writeRunReport(runDir, unsealed, pool.secretsByLabel)
  const summary = sealRunSummary(runDir, { ...unsealed, ...run.share.field({ commit: repoCommit, ...facts }) })
  // Signed with the standard tool (SSHSIG, namespace opencode-dogfood): `ssh-keygen -Y verify` checks it without us.
  if (opts.signKey) signSummary(runDir, opts.signKey)
  const problems = verifyRun(runDir)
  // A case's agent that rewrote this run's evidence was caught (MODIFICATIONFAIL, FAIL): verify's findings are its traces, reported.
  const inLedger = (p: string) => p.startsWith(runDir + path.sep) || p.startsWith(run.agentCallsDir + path.sep)
  const tampered = done.summaries.some((c) => c.offending_paths?.some(inLedger))
  if (problems.length > 0 && !tampered) throw new Error(`harness bug: the ledger of ${runId} does not verify:\n${problems.join('\n')}`)
  return { summary, problems }
}

/** What remains changed in the tree the agent worked in (the checkout run in place, or the run's worktree) since prepare(): absolute paths. */
async function workChanges(run: PreparedRun): Promise<string[]> {
  const before = run.workBefore
  return compareSnapshots(before, await takeSnapshotAfter(before, { exclude: run.harnessPaths })).map((c) => `${c.kind} ${path.join(run.workDir, c.path)}`)
}

/** What changed in every other checkout since prepare() (fingerprints). */
async function protectedChanges(run: PreparedRun, pool: SlotPool | undefined): Promise<string[]> {
  const worktreesDir = path.join(run.commonDir, 'worktrees')
  const before = run.protectedBefore
  return (
    (await Promise.all(run.protectedCheckouts.map(async (p, i) => compareFingerprints(before[i], await takeFingerprint(p.dir, p.exclude, before[i])))))
      .flat()
      // The run's own worktrees are registered under <common dir>/worktrees/ (and unregistered when removed).
      .filter((c) => !((run.runWorktree || (pool?.more.length ?? 0) > 0) && c.path.startsWith(worktreesDir)))
      .map((c) => `${c.kind} ${c.path}`)
  )
}

/** Phase 3 (see the file's header), after closeRun: the outcome of the run. */
export async function finishRun(run: PreparedRun, pool: SlotPool, done: ScheduleResult): Promise<SuiteOutcome> {
  const { opts, runDir, runId, repoDir, runWorktree } = run
  const { summary, problems } = await sealLedger(run, pool, done)
  // Before the worktree goes: what changed in it outside every case is a change the run made (MODIFICATIONFAIL).
  const outside = await workChanges(run)
  let worktree: SuiteOutcome['worktree']
  if (runWorktree) {
    const r =
      summary.final_verdict === 'PASS' && outside.length === 0
        ? await removeWorktree(repoDir, runWorktree)
        : {
            removed: false,
            message: `worktree left for inspection at ${runWorktree} (${outside.length > 0 ? `it holds ${outside.length} change(s) no case made` : `verdict ${summary.final_verdict}`})`,
          }
    worktree = { path: runWorktree, ...r }
    run.progress({ kind: 'cleanup', message: r.message })
  }
  const changes = [...(await protectedChanges(run, pool)), ...outside]
  // The recording is written after the checkout comparison: a file the user asked for is not a change the run made.
  if (opts.recordFile)
    writeRecording(opts.recordFile, {
      cases: run.cases,
      runId,
      model: run.model,
      transcriptFile: (id) => path.join((opts.repeat ?? 1) > 1 ? attemptCallsDir(run.agentCallsDir, 1) : run.agentCallsDir, `${id}.json`),
      workDir: run.workDir,
      latencyBudgetMs: opts.latencyBudgetMs,
      secrets: [...pool.secretsByLabel.values()],
    })
  if (summary.final_verdict === 'PASS' && !pool.serverError) rmSync(run.tmp, { recursive: true })
  return { runId, runDir, summary, worktree, checkoutChanges: changes, containment: containmentLabel(run.containment), ledgerProblems: problems }
}
