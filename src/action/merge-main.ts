// The Action's step in merge mode: it only orchestrates — check run, download
// and merge (merge-mode.ts), upload of each merged ledger, one job summary and
// one completed check run for every set, the outputs; the verdict (PASS only
// when every set passes) decides the step.
import { printable } from '../printable.js'
import path from 'node:path'
import * as core from '@actions/core'
import { renderMarkdown } from '../compare/render.js'
import { completionBodies, createBody, errorBody, setsCompletionBodies } from '../report/check-run.js'
import { renderJobSummary, type ArtifactInfo, type ReportContext } from '../report/summary.js'
import { artifactName, jobBackendId, uploadReported } from './artifact.js'
import { CheckRun, octokitChecks } from './checks.js'
import { runUrl, type RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'
import { mergeFromArtifacts, type MergedSet } from './merge-mode.js'
import { setOutputs } from './outputs.js'

async function uploadMerged(inputs: ActionInputs, ctx: RunContext, set: MergedSet, many: boolean): Promise<ArtifactInfo | undefined> {
  if (!inputs.uploadArtifact) return undefined
  const base = `${inputs.artifactName}-merged${many ? `-${set.setId}` : ''}`
  const name = artifactName(base, { runId: ctx.runId, runAttempt: ctx.runAttempt, job: ctx.job, jobBackendId: jobBackendId(process.env.ACTIONS_RUNTIME_TOKEN) })
  return uploadReported(set.runDir, name, inputs.retentionDays, runUrl(ctx), core)
}

function setReport(inputs: ActionInputs, set: MergedSet, artifact: ArtifactInfo | undefined, many: boolean): ReportContext {
  return {
    summary: set.summary,
    ledgerPath: set.runDir,
    model: set.summary.model ?? inputs.model,
    artifact,
    title: many ? `${inputs.checkName} · set ${set.setId}` : inputs.checkName,
  }
}

/**
 * Merge mode's step: never throws; a failure fails the step with one line and
 * closes the check run. `stateDir` is the Action's folder under RUNNER_TEMP.
 */
export async function mergeMain(inputs: ActionInputs, ctx: RunContext, stateDir: string, fail: (e: unknown) => void): Promise<void> {
  const check = inputs.createCheck ? new CheckRun(octokitChecks(inputs.githubToken, ctx.apiUrl, ctx.owner, ctx.repo), core.warning, ctx.fromFork) : undefined
  const outDir = inputs.ledgerDir ?? path.join(stateDir, 'merged')
  let result: Awaited<ReturnType<typeof mergeFromArtifacts>>
  try {
    await check?.start(
      createBody({ name: inputs.checkName, headSha: ctx.headSha, startedAt: new Date(), detailsUrl: runUrl(ctx), stages: 'merge of shard ledgers' }),
    )
    result = await mergeFromArtifacts({ prefix: inputs.artifactName, runId: ctx.runId, workDir: stateDir, outDir, roots: inputs.mergeRoots, log: core.info })
  } catch (e) {
    await check?.finish([errorBody((e as Error).message, new Date())])
    setOutputs(core.setOutput, { checkRun: check })
    return fail(e)
  }
  const many = result.sets.length > 1
  const reports: ReportContext[] = []
  for (const set of result.sets) reports.push(setReport(inputs, set, await uploadMerged(inputs, ctx, set, many), many))
  const compared = result.comparison ? renderMarkdown(result.comparison) : undefined
  const markdown = [...reports.map((r) => renderJobSummary(r)), ...(compared ? ['## Comparison of the sets', '', compared] : [])].join('\n\n')
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
  else core.info('no GITHUB_STEP_SUMMARY: job summary not written')
  await check?.finish(many ? setsCompletionBodies(reports, compared ?? '', new Date()) : completionBodies(reports[0], new Date()))
  const first = reports.find((r) => r.summary.final_verdict !== 'PASS') ?? reports[0]
  setOutputs(core.setOutput, {
    summary: first.summary,
    ledgerPath: first.ledgerPath,
    artifact: first.artifact?.error ? undefined : first.artifact,
    checkRun: check,
  })
  const failing = reports.filter((r) => r.summary.final_verdict !== 'PASS')
  if (failing.length > 0)
    return core.setFailed(
      printable(
        `merged: ${failing.length} of ${reports.length} set(s) FAIL — ${failing.map((r) => `${r.summary.run_id} (${r.summary.failed} failed)`).join(', ')}`,
      ),
    )
  const broken = reports.find((r) => r.artifact?.error)
  if (broken) core.setFailed(printable(`merged: verdict PASS, but ${broken.artifact!.name} could not be uploaded: ${broken.artifact!.error}`))
}
