// A case process: `node dist/cli.js __case CTX PIDFILE WAIT_MS`, started
// through @actions/exec (maybe ahead of its turn), handed its context, ended
// early when the run stops, and turned into a sealed, validated result.
import { readEgressLog, summaryDenied } from '../sandbox/egress-proxy.js'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as exec from '@actions/exec'
import type { CaseContext, CaseVerdict } from '../cases/context.js'
import { sha256File, writeJsonAtomic } from '../fsutil.js'
import { sealEvidence, writeEvidence } from '../ledger/evidence.js'
import { writeCaseResult } from '../ledger/result.js'
import { redact, scrubFile } from '../secrets.js'
import type { CaseResult, CaseSummary, FailureCode } from '../types.js'
import { statusOf } from './plan.js'
import { asUsage } from '../opencode/usage.js'

/** The CLI bundle that runs one case (dist/cli.js), found from this module. */
export function cliEntry(): string {
  if (process.env.OPENCODE_DOGFOOD_CLI) return process.env.OPENCODE_DOGFOOD_CLI
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'cli.js')
    if (existsSync(candidate)) return candidate
    const inDist = path.join(dir, 'dist', 'cli.js')
    if (existsSync(inDist)) return inDist
    dir = path.dirname(dir)
  }
  throw new Error('dist/cli.js not found: run `npm run bundle`')
}

/** A case process: started (maybe ahead of its turn), given its context when its turn comes. */
export interface CaseProcess {
  ctxFile: string
  pidFile: string
  done: Promise<{ exitCode: number; stdout: string; stderr: string; startError?: string }>
}

/**
 * Start a case process that waits for its context file. The suite starts the
 * next case's process while the current case runs, so that Node's start (a
 * good part of a case's own cost) overlaps it; the process does nothing until
 * its context arrives.
 */
export function startCaseProcess(tmp: string, slot: number, env: Record<string, string>, waitMs: number): CaseProcess {
  const ctxFile = path.join(tmp, `case-${slot}.context.json`)
  const pidFile = path.join(tmp, `case-${slot}.pid`)
  let stdout = ''
  let stderr = ''
  const done = exec
    .exec(process.execPath, [cliEntry(), '__case', ctxFile, pidFile, String(waitMs)], {
      env,
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (d: Buffer) => (stdout += d.toString('utf8')),
        stderr: (d: Buffer) => (stderr += d.toString('utf8')),
      },
    })
    .then(
      (exitCode) => ({ exitCode, stdout, stderr }),
      (e: Error) => ({ exitCode: -1, stdout, stderr, startError: e.message }),
    )
  return { ctxFile, pidFile, done }
}

/** How long an interrupted case has to end on its own (restore included) before it is killed: the run must stop within 5 s. */
const INTERRUPT_GRACE_MS = 3500

/**
 * Why a case or a run was stopped early, from the signal that stopped it: a
 * signal's name becomes `interrupted by SIGTERM`; any other reason (a safety
 * stop of a parallel stage) is taken as it is.
 */
export function interruptedBy(signal: AbortSignal): string {
  const r = String(signal.reason ?? 'a signal')
  return /^SIG[A-Z]+$/.test(r) ? `interrupted by ${r}` : r
}

/** The file beside a case's context that tells its process why it is being stopped (read on SIGTERM). */
export function stopFile(proc: { ctxFile: string }): string {
  return `${proc.ctxFile}.stop`
}

/** Send `sig` to a case process (its pid from its pid file); false when it is gone or not known. */
function signalCase(proc: CaseProcess, sig: NodeJS.Signals): boolean {
  try {
    process.kill(Number(readFileSync(proc.pidFile, 'utf8')), sig)
    return true
  } catch {
    return false
  }
}

/** A started case process that will not be needed: told to end, and waited for. */
export async function cancelCaseProcess(p: CaseProcess): Promise<void> {
  writeJsonAtomic(p.ctxFile, { cancel: true })
  await p.done
}

/** How a case process ended: what it printed, and whether the suite had to kill it (its backstop, or an interrupt it did not answer in time). */
interface CaseExit {
  exitCode: number
  stdout: string
  stderr: string
  durationMs: number
  killed: boolean
  killedOnInterrupt: boolean
}

/** Hand `ctx` to the case process and wait for it to end, killing it past its time or past the grace of an interrupt. */
async function awaitCase(ctx: CaseContext, proc: CaseProcess, interrupt?: AbortSignal): Promise<CaseExit> {
  const t0 = Date.now()
  writeJsonAtomic(proc.ctxFile, ctx)
  // @actions/exec has no timeout: the case bounds itself, and this backstop
  // ends a case process that does not (its pid comes from the pid file).
  let killed = false
  const backstop = setTimeout(() => {
    try {
      process.kill(Number(readFileSync(proc.pidFile, 'utf8')), 'SIGKILL')
      killed = true
    } catch {
      // already gone
    }
  }, ctx.caseTimeoutMs + 15_000)
  // Interrupted: the case process is told (SIGTERM: it aborts the request, restores, writes its verdict), and ended if it has not within the grace.
  let escalate: NodeJS.Timeout | undefined
  let killedOnInterrupt = false
  const onInterrupt = () => {
    writeFileSync(stopFile(proc), interruptedBy(interrupt!))
    signalCase(proc, 'SIGTERM')
    escalate = setTimeout(() => (killedOnInterrupt = signalCase(proc, 'SIGKILL')), INTERRUPT_GRACE_MS)
  }
  if (interrupt?.aborted) onInterrupt()
  else interrupt?.addEventListener('abort', onInterrupt, { once: true })
  const r = await proc.done
  clearTimeout(backstop)
  clearTimeout(escalate)
  interrupt?.removeEventListener('abort', onInterrupt)
  const stderr = r.startError ? `${r.stderr}\n[opencode-dogfood] could not start the case process: ${r.startError}\n` : r.stderr
  return { exitCode: r.exitCode, stdout: r.stdout, stderr, durationMs: Date.now() - t0, killed, killedOnInterrupt }
}

/** The verdict the case process wrote, or (unknown means FAIL, with a reason) a CLIFAIL saying why there is none. */
function verdictOf(ctx: CaseContext, exit: CaseExit, repoCommit: string, interrupt?: AbortSignal): { verdict: CaseVerdict; written?: CaseVerdict } {
  let written: CaseVerdict | undefined
  try {
    written = JSON.parse(readFileSync(ctx.verdictFile, 'utf8')) as CaseVerdict
  } catch {
    written = undefined
  }
  const verdict: CaseVerdict = written ?? {
    actual_outcome: 'FAIL',
    failure_code: 'CLIFAIL',
    reason: exit.killedOnInterrupt
      ? `${interruptedBy(interrupt!)} during ${ctx.caseDef.id}: the case process did not end within ${INTERRUPT_GRACE_MS} ms and was killed`
      : exit.killed
        ? `case process exceeded ${ctx.caseTimeoutMs} ms and was ended by the suite`
        : `case process exited ${exit.exitCode} without a verdict`,
    model_id: ctx.model,
    transport: ctx.transport,
    repo_commit: repoCommit,
    offending_paths: [],
  }
  return { verdict, written }
}

/**
 * Hand one case to its process and turn what it left into a sealed,
 * validated result: stdout/stderr (redacted with every value of
 * `secretsByLabel`), the evidence a dead process did not write, the case's
 * evidence scrubbed and sealed, cases/<ID>.result.json. Returns the summary entry.
 */
export async function execCase(
  ctx: CaseContext,
  proc: CaseProcess,
  secretsByLabel: Map<string, string>,
  repoCommit: string,
  interrupt?: AbortSignal,
): Promise<CaseSummary> {
  const secretList = [...secretsByLabel.values()]
  const c = ctx.caseDef
  const exit = await awaitCase(ctx, proc, interrupt)
  writeEvidence(ctx.runDir, c.id, 'stdout.txt', redact(exit.stdout, secretList))
  writeEvidence(ctx.runDir, c.id, 'stderr.txt', redact(exit.stderr, secretList))
  const { verdict, written } = verdictOf(ctx, exit, repoCommit, interrupt)
  for (const name of ['git_status.txt', 'repo_commit.txt', 'worktree_check.txt']) {
    if (!existsSync(path.join(ctx.runDir, 'evidence', c.id, name))) writeEvidence(ctx.runDir, c.id, name, `not captured: ${verdict.reason}\n`)
  }
  const status = statusOf(c.expected_outcome, verdict.actual_outcome, verdict.failure_code, c.expected_failure_code)
  const result: CaseResult = {
    schema_id: 'opencode_dogfood_case_result',
    schema_version: '1.0',
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: verdict.actual_outcome,
    status,
    failure_code: (verdict.failure_code as FailureCode | null) ?? (status === 'FAIL' ? 'EVIDENCEMISMATCH' : null),
    run_id: ctx.runId,
    duration_ms: exit.durationMs,
    model_id: verdict.model_id,
    transport: verdict.transport,
    repo_commit: /^[0-9a-f]{40}$/.test(verdict.repo_commit) ? verdict.repo_commit : repoCommit,
    evidence: scrubThenSeal(ctx, secretsByLabel, c.id),
    reason: verdict.reason,
  }
  if (result.failure_code === null && result.expected_outcome === 'SUCCESS') delete result.failure_code
  const resultFile = writeCaseResult(ctx.runDir, result)
  // The case process's figures, taken only in their exact shape (a process that died wrote none: no tokens are claimed).
  const tokens = asUsage(written?.tokens)
  return {
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: result.actual_outcome,
    status,
    failure_code: (result.failure_code ?? null) as FailureCode | null,
    duration_ms: exit.durationMs,
    reason: verdict.reason,
    offending_paths: verdict.offending_paths,
    result_sha256: sha256File(resultFile),
    ...(tokens ? { tokens } : {}),
    ...egressDenied(ctx.runDir, c.id),
  }
}

/** The case's refused egress attempts, from its egress.jsonl (a ledger file the harness wrote): for the summary and the reports. */
function egressDenied(runDir: string, caseId: string): { egress_denied?: string[] } {
  const denied = summaryDenied(readEgressLog(path.join(runDir, 'evidence', caseId, 'egress.jsonl')))
  return denied.length > 0 ? { egress_denied: denied } : {}
}

/** The case's evidence scrubbed (scrubCase), then sealed: its sidecars (sealEvidence's list of files). */
function scrubThenSeal(ctx: CaseContext, secretsByLabel: Map<string, string>, id: string): ReturnType<typeof sealEvidence> {
  scrubCase(ctx, secretsByLabel)
  return sealEvidence(ctx.runDir, id)
}

/**
 * Before a case's evidence is sealed: every file of it, and its transcript,
 * scanned for every registered secret in every form (secrets.ts); a hit is
 * redacted and listed in redactions.txt (which secret, which form, which
 * file: never the value).
 */
function scrubCase(ctx: CaseContext, secretsByLabel: Map<string, string>): void {
  const dir = path.join(ctx.runDir, 'evidence', ctx.caseDef.id)
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => !n.endsWith('.sha256'))
        .map((n) => path.join(dir, n))
    : []
  const transcript = path.join(ctx.agentCallsDir, `${ctx.caseDef.id}.json`)
  if (existsSync(transcript)) files.push(transcript)
  const lines: string[] = []
  for (const f of files)
    for (const r of scrubFile(f, secretsByLabel))
      lines.push(`${r.secret}\t${r.form}\t${r.count}\t${JSON.stringify(path.relative(ctx.runDir, f).split(path.sep).join('/'))}`)
  if (lines.length > 0) writeEvidence(ctx.runDir, ctx.caseDef.id, 'redactions.txt', lines.join('\n') + '\n')
}
