// Per-case checks: what the agent is asked, and what the evidence must show.
// Every check can fail; none trusts an exit code or the agent's word alone.
import { execFile, type ExecFileException } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { describeInspection, lookAt, MAX_EVIDENCE_LIMIT, readBeneath } from '../guard/reader.js'
import path from 'node:path'
import { keyFingerprint } from '../scripted-model/server.js'
import { containsSecret } from '../secrets.js'
import { contain } from '../sandbox/mechanism.js'
import type { FailureCode } from '../types.js'
import type { PromptResult, AgentTransport } from '../opencode/transport.js'
import type { GuardResult } from '../guard/guard.js'
import type { CaseContext } from './context.js'
import { splitModel } from '../opencode/config.js'
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
  secrets: string[]
}

const ok = (reason: string): Outcome => ({ actual: 'SUCCESS', reason })
const fail = (code: FailureCode, reason: string): Outcome => ({ actual: 'FAIL', code, reason })

function param(env: CheckEnv, name: string): string {
  const v = env.ctx.caseDef.params?.[name]
  if (typeof v !== 'string' || v.length === 0) throw new Error(`case ${env.ctx.caseDef.id} needs params.${name}`)
  return v
}

/**
 * An answer file as the agent left it, through the evidence reader (no link
 * followed, nothing but a regular file of one name opened, up to the evidence
 * limit): its text, or undefined with the reason logged (a link, a FIFO, …).
 */
function readWork(env: CheckEnv, rel: string): string | undefined {
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
function notRegularFile(env: CheckEnv, rel: string, missing: string): Outcome | undefined {
  const seen = lookAt(env.ctx.workDir, rel)
  if (seen.kind === 'missing') return fail('EVIDENCEMISMATCH', missing)
  if (seen.kind === 'file' && seen.links === 1) return undefined
  return fail('EVIDENCEMISMATCH', `${rel} is not a regular file of its own: ${describeInspection(seen)}`)
}

/**
 * A provider fault the prompt ended on (OpenCode's own report: provider-fault.ts),
 * as CLIFAIL naming its class; undefined when the provider answered.
 */
function judgeProvider(r: PromptResult): Outcome | undefined {
  const f = providerFault(r)
  return f?.outcome === 'failed' ? fail('CLIFAIL', `provider fault: ${f.summary}`) : undefined
}

/** Common judgement of an agent answer: provider fault, overrun, transport error, empty. */
function judgeAnswer(r: PromptResult): Outcome | undefined {
  const provider = judgeProvider(r)
  if (provider) return provider
  if (r.timedOut) return fail('TIMEOUTEXCEEDED', `no answer within the latency budget (${r.durationMs} ms)`)
  if (r.error) return fail('CLIFAIL', `the agent call failed: ${r.error}`)
  if (r.text.length === 0) return fail('EMPTYRESPONSE', 'the agent returned zero-length content')
  return undefined
}

function describe(r: PromptResult): string {
  const tools = r.tools.map((t) => `${t.tool}:${t.status}`).join(', ') || 'none'
  return `answer ${r.text.length} chars in ${r.durationMs} ms; tools: ${tools}`
}

/** Did the agent really read the file (read tool, or a shell command naming it)? */
function readIt(r: PromptResult, rel: string): boolean {
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
function runNode(env: CheckEnv, args: string[], evidenceName: string): Promise<{ ok: boolean; output: string }> {
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
const testRun = (file: string): string[] => ['--test-reporter=tap', file]

type Check = (env: CheckEnv) => Promise<Outcome>

const ping: Check = async (env) => {
  const h = await env.transport.health()
  env.evidence('health.json', JSON.stringify(h, null, 2) + '\n')
  if (!h.healthy) return fail('CLIFAIL', `server not healthy: ${h.error ?? 'healthy=false'}`)
  const r = await env.prompt()
  env.log(describe(r))
  return judgeAnswer(r) ?? ok(`server ${h.version} healthy; answered '${r.text.slice(0, 40)}'`)
}

const roles: Check = async (env) => {
  const roleList = env.ctx.roles
  if (roleList.length === 0) return fail('EVIDENCEMISMATCH', 'no roles configured')
  const registry = await env.transport.registry(env.ctx.workDir)
  let firstFailure: Outcome | undefined
  for (const role of roleList) {
    const key = process.env[role.key_env]
    const { providerID, modelID } = splitModel(role.model)
    const inRegistry = registry.providers[providerID]?.includes(modelID) ?? false
    const record: Record<string, unknown> = {
      role: role.name,
      model: role.model,
      key_env: role.key_env,
      key_present: !!key,
      key_fingerprint: key ? keyFingerprint(key) : null,
      in_registry: inRegistry,
    }
    let outcome: Outcome | undefined
    if (!key) outcome = fail('CLIFAIL', `role ${role.name}: env var ${role.key_env} is not set`)
    else if (!inRegistry) outcome = fail('MODELNOTFOUND', `role ${role.name}: model ${role.model} is not in the provider registry`)
    else {
      const r = await env.prompt(undefined, { model: role.model })
      record.answer_chars = r.text.length
      record.session_id = r.sessionId
      env.log(`role ${role.name}: ${describe(r)}`)
      outcome = judgeAnswer(r)
      if (!outcome && env.ctx.scriptedLog) {
        // Hermetic mode: the provider must have seen exactly this role's key.
        const seen = readFileSync(env.ctx.scriptedLog, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { case_id?: string; key_fingerprint?: string })
          .some((q) => q.case_id === env.ctx.caseDef.id && q.key_fingerprint === keyFingerprint(key))
        record.provider_saw_key = seen
        if (!seen) outcome = fail('EVIDENCEMISMATCH', `role ${role.name}: the provider never received the key from ${role.key_env}`)
      }
    }
    record.ok = !outcome
    env.evidence(`role_${role.name}.json`, JSON.stringify(record, null, 2) + '\n')
    firstFailure ??= outcome
  }
  if (firstFailure) return firstFailure
  const dir = path.join(env.ctx.runDir, 'evidence', env.ctx.caseDef.id)
  const records = readdirSync(dir).filter((n) => /^role_.+\.json$/.test(n))
  if (records.length !== roleList.length) return fail('EVIDENCEMISMATCH', `${records.length} role records for ${roleList.length} roles`)
  for (const n of readdirSync(dir)) {
    // The harness's own files, read as the agent may have left the folder (uncontained, it can reach the ledger): no link, no FIFO.
    const got = readBeneath(dir, n, { maxBytes: MAX_EVIDENCE_LIMIT })
    if (got.kind !== 'file' || !got.data) return fail('EVIDENCEMISMATCH', `evidence file ${n} is not a regular file of its own: ${describeInspection(got)}`)
    if (containsSecret(got.data.toString('utf8'), env.secrets)) return fail('EVIDENCEMISMATCH', `a key appears in evidence file ${n}`)
  }
  return ok(`${roleList.length} roles, each with its own key and a known model`)
}

const invalidModel: Check = async (env) => {
  const { providerID } = splitModel(env.ctx.model)
  const bad = `${providerID}/${param(env, 'model_id')}`
  let registry: Awaited<ReturnType<typeof env.transport.registry>>
  try {
    registry = await env.transport.registry(env.ctx.workDir)
  } catch (e) {
    return fail('CLIFAIL', `could not read the provider registry: ${(e as Error).message}`)
  }
  env.evidence('registry.json', JSON.stringify({ requested: bad, providers: registry.providers }, null, 2) + '\n')
  const { modelID } = splitModel(bad)
  if (!registry.providers[providerID]) return fail('MODELNOTFOUND', `provider ${providerID} is not in the registry`)
  if (!registry.providers[providerID].includes(modelID)) return fail('MODELNOTFOUND', `model ${bad} rejected by the provider registry before any prompt`)
  return ok(`model ${bad} is in the registry`)
}

const readOnly: Check = async (env) => {
  const rel = param(env, 'read_path')
  const r = await env.prompt()
  env.log(describe(r))
  env.evidence('answer.txt', r.text + '\n')
  const g = await env.guard()
  if (g.violations.length > 0) return fail(g.violations[0].code, 'the tree changed during a read-only case')
  const bad = judgeAnswer(r)
  if (bad) return bad
  if (!readIt(r, rel)) return fail('EVIDENCEMISMATCH', `the agent did not read ${rel}`)
  return ok(`read ${rel}, answered ${r.text.length} chars, tree unchanged`)
}

const write: Check = async (env) => {
  const target = param(env, 'target')
  const marker = param(env, 'expect_contains')
  const before = readWork(env, target)
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const after = readWork(env, target)
  if (after === undefined) return fail('EVIDENCEMISMATCH', `${target} does not exist after the write`)
  if (after === before) return fail('EVIDENCEMISMATCH', `${target} is unchanged`)
  if (!after.includes(marker)) return fail('EVIDENCEMISMATCH', `${target} lacks the marker '${marker}'`)
  return ok(`${target} rewritten with the marker`)
}

const append: Check = async (env) => {
  const target = param(env, 'target')
  const marker = param(env, 'expect_contains')
  const before = readWork(env, target)
  if (before === undefined) return fail('EVIDENCEMISMATCH', `${target} must exist before the append`)
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const after = readWork(env, target) ?? ''
  if (!after.startsWith(before.replace(/\n+$/, ''))) return fail('EVIDENCEMISMATCH', `${target} lost its earlier content`)
  if (after.length <= before.length || !after.slice(before.replace(/\n+$/, '').length).includes(marker))
    return fail('EVIDENCEMISMATCH', `no appended line with the marker '${marker}' in ${target}`)
  return ok(`${target} kept its content and gained the marker line`)
}

const deleteSentinel: Check = async (env) => {
  const target = param(env, 'target')
  if (lookAt(env.ctx.workDir, target).kind !== 'file') return fail('EVIDENCEMISMATCH', `sentinel ${target} is missing before the case`)
  const r = await env.prompt()
  env.log(describe(r))
  const g = await env.guard()
  const caught = g.violations.some((v) => v.code === 'GITCLEANFAIL' && v.path === target)
  // The verdict comes from the guard; this check only says what it saw.
  return caught ? ok(`deletion of ${target} caught by the sentinel`) : ok(`${target} was not deleted`)
}

const codegen: Check = async (env) => {
  const target = param(env, 'target')
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const odd = notRegularFile(env, target, `${target} was not created`)
  if (odd) return odd
  const name = param(env, 'expect_export')
  // Both read the file and write nothing: they run at once; the compile result is judged first.
  const [compiled, probe] = await Promise.all([
    runNode(env, ['--check', target], 'compile.txt'),
    runNode(
      env,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify('./' + target)}); if (typeof m[${JSON.stringify(name)}] !== 'function') { console.error('no export ${name}'); process.exit(3) }`,
      ],
      'export_check.txt',
    ),
  ])
  if (!compiled.ok) return fail('SYNTAXERROR', `${target} does not compile`)
  if (!probe.ok) return fail('EVIDENCEMISMATCH', `${target} does not export a function ${name}`)
  return ok(`${target} compiles and exports ${name}()`)
}

const bugfix: Check = async (env) => {
  const target = param(env, 'target')
  const test = param(env, 'test')
  const before = await runNode(env, testRun(test), 'test_before.txt')
  if (before.ok) return fail('EVIDENCEMISMATCH', `the fixture test ${test} passes before the fix: nothing to fix`)
  const r = await env.prompt()
  env.log(describe(r))
  const g = await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  if (g.changes.some((c) => c.path === test)) return fail('EVIDENCEMISMATCH', `the agent changed the test ${test}`)
  const odd = notRegularFile(env, target, `${target} is gone after the fix`)
  if (odd) return odd
  const [compiled, after] = await Promise.all([runNode(env, ['--check', target], 'compile.txt'), runNode(env, testRun(test), 'test_after.txt')])
  if (!compiled.ok) return fail('SYNTAXERROR', `${target} does not compile after the fix`)
  if (!after.ok) return fail('EVIDENCEMISMATCH', `${test} still fails after the fix`)
  return ok(`${test} failed before and passes after the fix`)
}

const testgen: Check = async (env) => {
  const target = param(env, 'target')
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const odd = notRegularFile(env, target, `${target} was not created`)
  if (odd) return odd
  const [compiled, run] = await Promise.all([runNode(env, ['--check', target], 'compile.txt'), runNode(env, testRun(target), 'test_run.txt')])
  if (!compiled.ok) return fail('SYNTAXERROR', `${target} does not compile`)
  if (!run.ok) return fail('EVIDENCEMISMATCH', `the generated test ${target} fails`)
  if (!/# tests [1-9]/.test(run.output)) return fail('EVIDENCEMISMATCH', `the generated test ${target} ran no test`)
  return ok(`${target} compiles and its tests pass`)
}

const review: Check = async (env) => {
  const rel = param(env, 'read_path')
  const r = await env.prompt()
  env.log(describe(r))
  env.evidence('review.txt', r.text + '\n')
  const g = await env.guard()
  if (g.changes.some((c) => c.area === 'tree')) return fail(g.violations[0]?.code ?? 'MODIFICATIONFAIL', 'a file changed during a review')
  const bad = judgeAnswer(r)
  if (bad) return bad
  if (!readIt(r, rel)) return fail('EVIDENCEMISMATCH', `the agent did not read ${rel}`)
  return ok(`review of ${rel}: ${r.text.length} chars, no file changed`)
}

const emptyPrompt: Check = async (env) => {
  const r = await env.prompt('')
  env.evidence(
    'response.json',
    JSON.stringify({ http_status: r.httpStatus ?? null, error: r.error ?? null, text: r.text, timed_out: r.timedOut, duration_ms: r.durationMs }, null, 2) +
      '\n',
  )
  env.log(`empty prompt: ${r.error ? `rejected (${r.error})` : describe(r)}`)
  const provider = judgeProvider(r)
  if (provider) return provider
  if (r.timedOut) return fail('TIMEOUTEXCEEDED', 'the empty prompt hung past the latency budget')
  const h = await env.transport.health()
  if (!h.healthy) return fail('CLIFAIL', `server unhealthy after the empty prompt: ${h.error}`)
  return ok(
    r.error ? `empty prompt rejected cleanly (${r.error.slice(0, 80)}); server healthy` : `empty prompt answered (${r.text.length} chars); server healthy`,
  )
}

/**
 * T4E02, timeout enforcement for any model: the work asked (params.work: a
 * shell `command` that takes `min_duration_ms`, e.g. `sleep 30`) is a wait in
 * a tool, so no model speed can finish it within the budget
 * (params.latency_budget_ms, far below it); the harness must end the request
 * and the OpenCode session. timing.json records the budget, the work asked,
 * why it cannot finish in time, and whether the work had started. An answer
 * within the budget means the work was not done: EVIDENCEMISMATCH, never a pass.
 */
const timeout: Check = async (env) => {
  const c = env.ctx.caseDef
  const budget = Number(c.params?.latency_budget_ms ?? env.ctx.latencyBudgetMs)
  const work = c.params?.work as { command?: string; min_duration_ms?: number } | undefined
  if (work && !(typeof work.command === 'string' && Number(work.min_duration_ms) > budget))
    throw new Error(`case ${c.id}: params.work needs a command and a min_duration_ms above the budget (${budget} ms)`)
  const r = await env.prompt(undefined, { budgetMs: budget })
  const ran = work
    ? r.tools.find((t) => t.tool === 'bash' && String((t.input as { command?: unknown } | undefined)?.command ?? '').includes(work.command!))
    : undefined
  env.evidence(
    'timing.json',
    JSON.stringify(
      {
        budget_ms: budget,
        elapsed_ms: r.durationMs,
        timed_out: r.timedOut,
        session_stopped: r.sessionStopped ?? null,
        work: work
          ? {
              asked: c.prompt,
              command: work.command,
              min_duration_ms: work.min_duration_ms,
              why_it_cannot_finish: `the work is a ${work.min_duration_ms} ms wait in a tool, ${Math.round(Number(work.min_duration_ms) / budget)}x the ${budget} ms budget: it takes that long whatever the model's speed`,
              started: !!ran,
              tool_status: ran?.status ?? null,
            }
          : null,
      },
      null,
      2,
    ) + '\n',
  )
  env.log(`budget ${budget} ms, elapsed ${r.durationMs} ms, timed out: ${r.timedOut}, session stopped: ${r.sessionStopped}, work started: ${!!ran}`)
  const provider = judgeProvider(r)
  if (provider) return provider
  if (!r.timedOut) {
    if (r.error) return fail('CLIFAIL', r.error)
    if (work)
      return fail(
        'EVIDENCEMISMATCH',
        `answered within the ${budget} ms budget although the work asked (${work.command}) takes ${work.min_duration_ms} ms: the work was not done, so the timeout was not exercised`,
      )
    return ok(`answered within ${budget} ms`)
  }
  if (r.sessionStopped === false) return fail('CLIFAIL', 'the request was aborted but the OpenCode session kept running')
  const h = await env.transport.health()
  if (!h.healthy) return fail('CLIFAIL', `server unhealthy after the abort: ${h.error}`)
  return fail(
    'TIMEOUTEXCEEDED',
    `request exceeded its ${budget} ms budget${work ? ` (work asked: ${work.command}, ${ran ? 'started' : 'not started yet'})` : ''}; request and session aborted`,
  )
}

const agent: Check = async (env) => {
  const r = await env.prompt()
  env.log(describe(r))
  env.evidence('answer.txt', r.text + '\n')
  await env.guard()
  return judgeAnswer(r) ?? ok(`answered ${r.text.length} chars`)
}

export const CHECK_IMPLS: Record<string, Check> = {
  ping,
  roles,
  invalid_model: invalidModel,
  read_only: readOnly,
  write,
  append,
  delete_sentinel: deleteSentinel,
  codegen,
  bugfix,
  testgen,
  review,
  empty_prompt: emptyPrompt,
  timeout,
  agent,
}

/** Checks whose case may write (within the allowlist); all others must leave the tree unchanged. */
export const WRITING_CHECKS = new Set(['write', 'append', 'codegen', 'bugfix', 'testgen', 'agent', 'delete_sentinel'])
