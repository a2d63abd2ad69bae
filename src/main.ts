// The Action's main step (dist/index.js). It only orchestrates: inputs and
// masking first, then the opencode binary, the check run, the suite (engine),
// the artifact, the job summary, the completed check, the outputs; the
// verdict decides the step.
import { mkdirSync, mkdtempSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { artifactName, jobBackendId, uploadReported } from './action/artifact.js'
import { CheckRun, octokitChecks } from './action/checks.js'
import { readRunContext, runUrl, type RunContext } from './action/context.js'
import { isEntry } from './action/entry.js'
import { asActionInputError, readActionInputs, type ActionInputs } from './action/inputs.js'
import { mergeMain } from './action/merge-main.js'
import { resolveActionBinary } from './action/opencode-binary.js'
import { setOutputs } from './action/outputs.js'
import { writePidLauncher } from './action/pids.js'
import { prepareContainment } from './action/containment.js'
import { maskSecrets } from './action/secrets.js'
import { maskSignKey, writeSignKeyFile } from './action/sign-key.js'
import { STATE } from './action/state.js'
import { progressLine } from './demo.js'
import { InputError, PreflightError } from './errors.js'
import { completionBodies, createBody, errorBody } from './report/check-run.js'
import { renderJobSummary, type ArtifactInfo } from './report/summary.js'
import { writeJunit } from './report/junit.js'
import { failedRunMessage, verdictTable } from './report/table.js'
import { printable } from './printable.js'
import type { SuiteOutcome } from './suite/options.js'
import { engineOptions } from './suite/inputs.js'
import { runSuite } from './suite/run.js'
import { interruptOnSignals } from './proc.js'

function failStep(e: unknown): void {
  // (Workflow commands escape only %, CR and LF: a message that may quote a name goes through printable;
  // a PreflightError's is printable line by line already, its newlines its list's.)
  if (e instanceof InputError) {
    core.setFailed(printable(asActionInputError(e).message))
    return
  }
  if (e instanceof PreflightError) {
    core.setFailed(e.message)
    return
  }
  const err = e as Error
  core.debug(err.stack ?? String(e))
  core.setFailed(printable(`${err.name ?? 'Error'}: ${err.message ?? String(e)}`))
}

/** A folder of the action's own under RUNNER_TEMP; the suite's temp files go there too. */
function prepareStateDir(ctx: RunContext): string {
  mkdirSync(ctx.runnerTemp, { recursive: true })
  const dir = mkdtempSync(path.join(ctx.runnerTemp, 'opencode-dogfood-'))
  mkdirSync(path.join(dir, 'tmp'), { recursive: true })
  // os.tmpdir() follows TMPDIR: the suite's per-run folder (case pid files) lands here.
  process.env.TMPDIR = path.join(dir, 'tmp')
  core.saveState(STATE.stateDir, dir)
  return dir
}

function defaultWorktree(ctx: RunContext, stateDir: string): string {
  return path.join(ctx.runnerTemp, `opencode-dogfood-worktree-${ctx.runId || 'local'}-${ctx.runAttempt}-${path.basename(stateDir).slice(-6)}`)
}

async function opencodeBinary(inputs: ActionInputs, ctx: RunContext, _stateDir: string): Promise<string | undefined> {
  // A server the user runs is driven over HTTP; only the CLI transport needs a binary then.
  if (inputs.serverUrl && inputs.transport === 'sdk') return undefined
  const bin = await resolveActionBinary({
    explicit: inputs.opencodePath,
    version: inputs.opencodeVersion,
    installRoot: ctx.runnerTemp,
    pathEnv: process.env.PATH,
    log: core.info,
  })
  core.info(`opencode: ${bin.path} (${bin.source})`)
  return bin.path
}

async function upload(inputs: ActionInputs, ctx: RunContext, runDir: string): Promise<ArtifactInfo | undefined> {
  if (!inputs.uploadArtifact) return undefined
  const name = artifactName(inputs.artifactName, {
    runId: ctx.runId,
    runAttempt: ctx.runAttempt,
    job: ctx.job,
    jobBackendId: jobBackendId(process.env.ACTIONS_RUNTIME_TOKEN),
    shard: inputs.shard,
  })
  return uploadReported(runDir, name, inputs.retentionDays, runUrl(ctx), core)
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('no GITHUB_STEP_SUMMARY: job summary not written')
    return
  }
  try {
    await core.summary.addRaw(markdown).write()
  } catch (e) {
    // The check run and the outputs still have to be written.
    core.warning(`job summary not written: ${(e as Error).message}`)
  }
}

async function main(): Promise<void> {
  // Secrets first: nothing may print before the runner knows what to mask.
  const masked = maskSecrets(core.setSecret, process.env)
  maskSignKey(core.getInput('sign-key'), core.setSecret)
  const ctx = readRunContext()
  let inputs: ActionInputs
  try {
    inputs = readActionInputs((name) => core.getInput(name), ctx.workspace)
  } catch (e) {
    return failStep(e)
  }
  maskSecrets(core.setSecret, process.env, inputs.roles, masked)

  const stateDir = prepareStateDir(ctx)
  // mode: merge runs no case: it joins the shard ledgers this workflow run uploaded.
  if (inputs.mode === 'merge') return mergeMain(inputs, ctx, stateDir, failStep)
  const signKey = inputs.signKey ? writeSignKeyFile(inputs.signKey, stateDir) : undefined
  const worktreePath = inputs.worktreePath ?? defaultWorktree(ctx, stateDir)
  core.saveState(STATE.repoDir, inputs.repoDir)
  core.saveState(STATE.worktree, worktreePath)

  const check = inputs.createCheck ? new CheckRun(octokitChecks(inputs.githubToken, ctx.apiUrl, ctx.owner, ctx.repo), core.warning, ctx.fromFork) : undefined
  let outcome: SuiteOutcome
  try {
    const opencodePath = await opencodeBinary(inputs, ctx, stateDir)
    await check?.start(
      createBody({
        name: inputs.checkName,
        headSha: ctx.headSha,
        startedAt: new Date(),
        detailsUrl: runUrl(ctx),
        stages: inputs.caseId ?? inputs.stages.join(','),
      }),
    )
    // The sandbox on this runner: bubblewrap installed and allowed here, or one line saying what is missing.
    const sandbox = prepareContainment({ mode: inputs.containment, serverUrl: inputs.serverUrl, env: process.env, log: core.info, warn: core.warning })
    outcome = await runSuite({
      ...engineOptions(inputs),
      worktreePath,
      signKey: signKey?.file,
      bwrapPath: sandbox.bwrapPath,
      runnerSetup: sandbox.record,
      opencodePath,
      launcher: process.platform === 'win32' ? undefined : writePidLauncher(stateDir),
      onProgress: (e) => {
        if (e.kind === 'run-start') core.saveState(STATE.runDir, e.runDir)
        core.info(progressLine(e).trimEnd())
      },
      // A cancelled job: the runner signals the step; the ledger is sealed as interrupted.
      interrupt: interruptOnSignals((line) => core.warning(line)).signal,
    })
  } catch (e) {
    // No verdict: close the check (never leave it spinning) and fail the step.
    const message = e instanceof InputError ? asActionInputError(e).message : (e as Error).message
    await check?.finish([errorBody(message, new Date())])
    setOutputs(core.setOutput, { checkRun: check })
    return failStep(e)
  } finally {
    signKey?.remove()
  }

  const summary = outcome.summary
  core.saveState(STATE.verdict, summary.final_verdict)
  core.info(verdictTable(summary).trimEnd())
  const junit = inputs.junitPath ? writeJunitFile(inputs.junitPath, summary) : undefined
  const artifact = await upload(inputs, ctx, outcome.runDir)
  const report = { summary, ledgerPath: outcome.runDir, model: inputs.model, artifact, title: inputs.checkName }
  await writeJobSummary(renderJobSummary(report))
  await check?.finish(completionBodies(report, new Date()))
  setOutputs(core.setOutput, {
    summary,
    ledgerPath: outcome.runDir,
    junitPath: junit?.error ? undefined : junit?.file,
    artifact: artifact?.error ? undefined : artifact,
    checkRun: check,
  })
  // (Workflow commands escape only %, CR and LF: every text that may quote what the agent named goes through printable.)
  if (outcome.worktree && !outcome.worktree.removed) core.notice(printable(outcome.worktree.message))

  // The run changed a checkout (the user's, another worktree, or its own outside every case): the step fails whatever the cases said.
  if (outcome.checkoutChanges.length > 0)
    return core.setFailed(
      printable(
        `${summary.run_id}: MODIFICATIONFAIL: the run changed a checkout outside every case: ${outcome.checkoutChanges.slice(0, 20).join(', ')}${outcome.checkoutChanges.length > 20 ? ` and ${outcome.checkoutChanges.length - 20} more` : ''}`,
      ),
    )
  if (summary.final_verdict !== 'PASS') return core.setFailed(failedRunMessage(summary))
  if (artifact?.error) return core.setFailed(printable(`${summary.run_id}: verdict PASS, but the ledger artifact could not be uploaded: ${artifact.error}`))
  if (junit?.error) return core.setFailed(printable(`${summary.run_id}: verdict PASS, but junit-path could not be written: ${junit.error}`))
}

/** junit-path: the run's JUnit XML; an error is reported (and fails the step at the end), the rest of the step goes on. */
function writeJunitFile(file: string, summary: SuiteOutcome['summary']): { file: string; error?: string } {
  try {
    writeJunit(file, summary)
    core.info(`junit: ${file}`)
    return { file }
  } catch (e) {
    core.error(`junit-path: could not write ${file}: ${(e as Error).message}`)
    return { file, error: (e as Error).message }
  }
}

/** Never throws: anything unexpected fails the step with one line (the stack goes to the debug log). */
export async function run(): Promise<void> {
  try {
    await main()
  } catch (e) {
    failStep(e)
  }
}

if (isEntry(import.meta.url)) await run()
