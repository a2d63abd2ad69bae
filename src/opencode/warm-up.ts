// A fresh OpenCode server is slow the first time: the first request naming a
// directory sets up a project instance (config, plugins, provider registry),
// and the first prompt loads the whole prompt path (system prompt, tools, the
// provider SDK, OpenCode's own snapshot). Measured on a 2-core machine: the
// registry 1.0–1.5 s and the first prompt 1.4–1.7 s more than the next one
// alone; 2.5–3.5 s and 3–4.5 s more with three servers starting together
// (--jobs). Warmed before its first case, that cost is part of the server's
// start, and a case's duration is the case's.
import { agentFor } from './config.js'
import { sdkTransport } from './sdk-transport.js'

export interface WarmUp {
  /** Wall time of the whole warm-up, ms. */
  ms: number
  /** What was done, in order: 'registry', then 'prompt' when a model was given. */
  steps: string[]
  /** Why a step failed (the cases then meet the cold server and report what they see). */
  error?: string
}

/**
 * Warm the server at `url` for `directory`: GET /config/providers, then — when
 * `o.model` is given — one read-only prompt in a session of its own. Only the
 * harness's scripted model is given here (hermetic mode): a warm-up must cost
 * no provider call a team pays for, so against a real provider only the
 * registry is warmed. `o.password`: the server's (authHeaders). `o.timeoutMs` (default 30,000) bounds each step; an
 * aborted `o.signal` aborts the prompt and its session. Never throws.
 */
export async function warmUp(
  url: string,
  directory: string,
  o: { password?: string; model?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<WarmUp> {
  const t0 = Date.now()
  const timeoutMs = o.timeoutMs ?? 30_000
  const steps: string[] = []
  const transport = sdkTransport(url, o.password)
  const done = (error?: string): WarmUp => ({ ms: Date.now() - t0, steps, ...(error ? { error } : {}) })
  try {
    // Provider options (keys among them) come back in the body: registry() keeps ids only.
    await within(transport.registry(directory), timeoutMs, 'GET /config/providers')
    steps.push('registry')
    if (!o.model) return done()
    const r = await transport.prompt({
      directory,
      model: o.model,
      agent: agentFor('readonly'),
      text: 'opencode-dogfood warm-up: answer with one word.',
      budgetMs: timeoutMs,
      signal: o.signal,
    })
    steps.push('prompt')
    return done(r.error ?? (r.timedOut ? `no answer within ${timeoutMs} ms` : undefined))
  } catch (e) {
    return done((e as Error).message)
  }
}

/** `p`, or a rejection naming `what` once `ms` have passed. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))
  return Promise.race([p, late]).finally(() => clearTimeout(timer))
}

/** One phrase for the progress log: "warmed: registry + prompt, 1234 ms" or "warm-up failed after registry: …". */
export function describeWarmUp(w: WarmUp): string {
  if (w.error) return `warm-up failed${w.steps.length ? ` after ${w.steps.join(' + ')}` : ''}: ${w.error}`
  return `warmed: ${w.steps.join(' + ')}, ${w.ms} ms`
}
