// The checks of the agent and its server themselves: health and an answer,
// the roles' keys, a model the registry refuses, an empty prompt, a request
// past its budget.
import { readdirSync, readFileSync } from 'node:fs'
import { describeInspection, MAX_EVIDENCE_LIMIT, readBeneath } from '../guard/reader.js'
import path from 'node:path'
import { keyFingerprint } from '../scripted-model/server.js'
import { containsSecret } from '../secrets.js'
import { splitModel } from '../opencode/config.js'
import { ok, fail, param, judgeProvider, judgeAnswer, describe, type Check, type Outcome } from './check-kit.js'

export const ping: Check = async (env) => {
  const h = await env.transport.health()
  env.evidence('health.json', JSON.stringify(h, null, 2) + '\n')
  if (!h.healthy) return fail('CLIFAIL', `server not healthy: ${h.error ?? 'healthy=false'}`)
  const r = await env.prompt()
  env.log(describe(r))
  return judgeAnswer(r) ?? ok(`server ${h.version} healthy; answered '${r.text.slice(0, 40)}'`)
}

export const roles: Check = async (env) => {
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
    if (containsSecret(got.data.toString('utf8'), env.keyValues)) return fail('EVIDENCEMISMATCH', `a key appears in evidence file ${n}`)
  }
  return ok(`${roleList.length} roles, each with its own key and a known model`)
}

export const invalidModel: Check = async (env) => {
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

export const emptyPrompt: Check = async (env) => {
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
export const timeout: Check = async (env) => {
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
