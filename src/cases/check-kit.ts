// What every check uses: its environment (CheckEnv), its outcome, and the
// small readings of the evidence and the agent's answers they share.
import { execFile, type ExecFileException } from 'node:child_process'
import { describeInspection, lookAt, readBeneath } from '../guard/reader.js'
import { contain } from '../sandbox/mechanism.js'
import type { FailureCode } from '../types.js'
import type { PromptResult, AgentTransport } from '../opencode/transport.js'
import type { GuardResult } from '../guard/guard.js'
import type { CaseContext } from './context.js'
import { providerFault } from '../opencode/provider-fault.js'

export interface Outcome {
  actual: 'SUCCESS' | 'FAIL'
  code?: FailureCode
  reason: string
}

export interface CheckEnv {
  ctx: CaseContext
  transport: AgentTransport
  /** Send the case's prompt (tagged for the scripted model) or the given text. */
  prompt(text?: string, opts?: { model?: string; budgetMs?: number }): Promise<PromptResult>
  /** Take the after-snapshot and gate it (once; later calls return the same). */
  guard(): Promise<GuardResult>
  evidence(name: string, data: string | Buffer): void
  log(line: string): void
  /** The values of the role and model keys: none may appear in an answer or the evidence. */
  keyValues: string[]
}

export const ok = (reason: string): Outcome => ({ actual: 'SUCCESS', reason })
export const fail = (code: FailureCode, reason: string): Outcome => ({ actual: 'FAIL', code, reason })

export function param(env: CheckEnv, name: string): string {
  const v = env.ctx.caseDef.params?.[name]
  if (typeof v !== 'string' || v.length === 0) throw new Error(`case ${env.ctx.caseDef.id} needs params.${name}`)
  return v
}

/**
 * An answer file as the agent left it, through the evidence reader (no link
 * followed, nothing but a regular file of one name opened, up to the evidence
 * limit): its text, or undefined with the reason logged (a link, a FIFO, …).
 */
export function readWork(env: CheckEnv, rel: string): string | undefined {
  const got = readBeneath(env.ctx.workDir, rel, { maxBytes: env.ctx.evidenceMaxBytes })
  if (got.data) return got.data.toString('utf8')
  if (got.kind !== 'missing') env.log(`${rel} not read: ${describeInspection(got)}`)
  return undefined
}

/**
 * The file a T3 check hands to node (compile, import, test run): it must be a
 * regular file of its own in the tree. A link (it would make node read, and
 * the evidence show, a file outside), a FIFO (node would wait on it), a hard
 * link or a missing file is the check's failure, named.
 */
export function notRegularFile(env: CheckEnv, rel: string, missing: string): Outcome | undefined {
  const seen = lookAt(env.ctx.workDir, rel)
  if (seen.kind === 'missing') return fail('EVIDENCEMISMATCH', missing)
  if (seen.kind === 'file' && seen.links === 1) return undefined
  return fail('EVIDENCEMISMATCH', `${rel} is not a regular file of its own: ${describeInspection(seen)}`)
}

/**
 * A provider fault the prompt ended on (OpenCode's own report: provider-fault.ts),
 * as CLIFAIL naming its class; undefined when the provider answered.
 */
export function judgeProvider(r: PromptResult): Outcome | undefined {
  const f = providerFault(r)
  return f?.outcome === 'failed' ? fail('CLIFAIL', `provider fault: ${f.summary}`) : undefined
}

/** Common judgement of an agent answer: provider fault, overrun, transport error, empty. */
export function judgeAnswer(r: PromptResult): Outcome | undefined {
  const provider = judgeProvider(r)
  if (provider) return provider
  if (r.timedOut) return fail('TIMEOUTEXCEEDED', `no answer within the latency budget (${r.durationMs} ms)`)
  if (r.error) return fail('CLIFAIL', `the agent call failed: ${r.error}`)
  if (r.text.length === 0) return fail('EMPTYRESPONSE', 'the agent returned zero-length content')
  return undefined
}

export function describe(r: PromptResult): string {
  const tools = r.tools.map((t) => `${t.tool}:${t.status}`).join(', ') || 'none'
  return `answer ${r.text.length} chars in ${r.durationMs} ms; tools: ${tools}`
}

/** Did the agent really read the file (read tool, or a shell command naming it)? */
export function readIt(r: PromptResult, rel: string): boolean {
  return r.tools.some((t) => {
    if (t.status !== 'completed') return false
    const input = (t.input ?? {}) as Record<string, unknown>
    if (t.tool === 'read')
      return String(input.filePath ?? '')
        .replace(/\\/g, '/')
        .endsWith(rel)
    if (t.tool === 'bash') return String(input.command ?? '').includes(rel)
    return false
  })
}

/**
 * Node on a file of the worktree (its own process, bounded), recorded as
 * evidence. The file is the agent's code: it runs as the agent's own
 * processes do, in the sandbox with the agent's environment (no key).
 */
export function runNode(env: CheckEnv, args: string[], evidenceName: string): Promise<{ ok: boolean; output: string }> {
  const cmd = contain(env.ctx.containment, env.ctx.policy, process.execPath, args)
  return new Promise((resolve) => {
    execFile(
      cmd.command,
      cmd.args,
      { cwd: env.ctx.workDir, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 << 20, env: { ...env.ctx.codeEnv, NODE_OPTIONS: '' } },
      (err, stdout, stderr) => {
        const e = err as (ExecFileException & { code?: number | string }) | null
        const status = e ? (e.signal ?? e.code ?? 'error') : 0
        const output = `$ node ${args.join(' ')}\nexit: ${status}\n--- stdout\n${stdout ?? ''}\n--- stderr\n${stderr ?? ''}`
        env.evidence(evidenceName, output)
        resolve({ ok: !e, output })
      },
    )
  })
}

/**
 * A test file run as itself: its node:test tests run in this one process and
 * set the exit status (`node --test` would start a second process per file).
 */
export const testRun = (file: string): string[] => ['--test-reporter=tap', file]

/** A case's check: what it asks the agent, and what the evidence must show. */
export type Check = (env: CheckEnv) => Promise<Outcome>
