// The REST API through @opencode-ai/sdk. Prompts are sent asynchronously and
// the session polled, so a run longer than fetch's header timeout still works
// and a budget overrun aborts both the wait and the OpenCode session.
import { createOpencodeClient } from '@opencode-ai/sdk'
import { authHeaders, health } from './server.js'
import { assistantText, toolUses, type AgentTransport, type PromptRequest, type PromptResult, type Registry } from './transport.js'
import { splitModel } from './config.js'
import { retryDecision } from './provider-fault.js'
import { overTokenBudget } from './usage.js'

const POLL_MS = 100
/** How long an aborted session may take to settle, ms (a cold server starts the prompt late). */
const STOP_WAIT_MS = 15_000
/** An abort is sent again this often while the session has not settled, ms. */
const REABORT_MS = 1000

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

interface MessageLike {
  info?: { role?: string; time?: { completed?: number }; finish?: string; error?: unknown }
}

/** The session is done when its last message is a completed assistant turn that asks for no tools. */
function finished(messages: MessageLike[]): boolean {
  const last = messages.at(-1)?.info
  if (last?.role !== 'assistant') return false
  if (last.error) return true
  return !!last.time?.completed && last.finish !== 'tool-calls'
}

/** The REST transport for the server at `baseUrl`; `password`: the server's (see authHeaders), sent with every request. */
export function sdkTransport(baseUrl: string, password?: string): AgentTransport {
  const client = createOpencodeClient({ baseUrl, headers: authHeaders(password) })
  return {
    name: 'sdk',
    health: () => health(baseUrl, 2000, password),
    async registry(directory: string): Promise<Registry> {
      const r = await client.config.providers({ query: { directory } })
      if (r.error || !r.data) throw new Error(`GET /config/providers failed: HTTP ${r.response?.status}`)
      const providers: Record<string, string[]> = {}
      // Only ids are kept: the response also carries provider options, keys included.
      for (const p of r.data.providers) providers[p.id] = Object.keys(p.models ?? {}).sort()
      return { providers }
    },
    async prompt(req: PromptRequest): Promise<PromptResult> {
      const t0 = Date.now()
      const query = { directory: req.directory }
      const fail = (error: string, httpStatus?: number): PromptResult => ({
        text: '',
        tools: [],
        timedOut: false,
        error,
        httpStatus,
        durationMs: Date.now() - t0,
        messages: [],
      })
      const created = await client.session.create({ query, body: { title: `opencode-dogfood ${req.text.slice(0, 40)}` } })
      if (created.error || !created.data) return fail(`session.create failed: HTTP ${created.response?.status}`, created.response?.status)
      const id = created.data.id
      const sent = await client.session.promptAsync({
        path: { id },
        query,
        body: { model: splitModel(req.model), agent: req.agent, parts: [{ type: 'text', text: req.text }] },
      })
      if (sent.error)
        return { ...fail(`session.promptAsync failed: HTTP ${sent.response?.status} ${JSON.stringify(sent.error)}`, sent.response?.status), sessionId: id }
      const deadline = t0 + req.budgetMs
      let messages: unknown[] = []
      let timedOut = false
      // OpenCode's retries (a provider fault) show only in the session's status: watched beside the messages.
      const retries: NonNullable<PromptResult['retries']> = []
      let finalStatus: string | undefined
      let stoppedEarly: string | undefined
      let interrupted: string | undefined
      let overBudget: string | undefined
      for (;;) {
        const [r, st] = await Promise.all([client.session.messages({ path: { id }, query }), client.session.status({ query })])
        messages = r.data ?? messages
        const status = (st.data as Record<string, { type: string; attempt?: number; message?: string; next?: number }> | undefined)?.[id]
        finalStatus = status?.type ?? 'idle'
        if (status?.type === 'retry' && status.attempt !== retries.at(-1)?.attempt) {
          retries.push({ attempt: Number(status.attempt), message: String(status.message ?? ''), next: Number(status.next ?? 0), seen_at: Date.now() })
        }
        // Over its budget first: a session that finished between two looks still went over it.
        overBudget = overTokenBudget(messages, req.tokenBudget)
        if (overBudget) break
        if (finished(messages as MessageLike[])) break
        if (req.signal?.aborted) {
          interrupted = String(req.signal.reason ?? 'interrupted')
          break
        }
        if (Date.now() >= deadline) {
          timedOut = true
          break
        }
        if (status?.type === 'retry') {
          const d = retryDecision(retries.at(-1)!, deadline)
          if (d.stop) {
            stoppedEarly = d.reason
            break
          }
        }
        await sleep(POLL_MS)
      }
      let sessionStopped: boolean | undefined
      if (timedOut || stoppedEarly || interrupted || overBudget) {
        // Interrupted, the whole run must stop within seconds: a shorter wait for the session to settle.
        sessionStopped = await stopSession(id, req.directory, interrupted ? 1000 : STOP_WAIT_MS)
        messages = (await client.session.messages({ path: { id }, query })).data ?? messages
      }
      const last = (messages as MessageLike[]).at(-1)?.info
      const error = overBudget
        ? `stopped: ${overBudget}`
        : stoppedEarly
          ? `stopped waiting: ${stoppedEarly}`
          : !timedOut && last?.error
            ? `assistant error: ${JSON.stringify(last.error)}`
            : undefined
      return {
        sessionId: id,
        text: assistantText(messages),
        tools: toolUses(messages),
        timedOut,
        sessionStopped,
        error,
        durationMs: Date.now() - t0,
        messages,
        retries,
        finalStatus,
        stoppedEarly,
        ...(interrupted ? { interrupted } : {}),
        ...(overBudget ? { overBudget } : {}),
      }
    },
  }

  /**
   * Abort the session and wait (up to `ms`) until it is settled: idle, with its
   * last assistant message completed or ended on an error — or, when none was
   * made yet, idle for a while. An abort that reaches OpenCode before it has
   * started the prompt (a cold server) is lost, so it is sent again each second.
   * Returns whether the session was seen settled.
   */
  async function stopSession(id: string, directory: string, ms: number): Promise<boolean> {
    const query = { directory }
    const end = Date.now() + ms
    let aborted = 0
    let idleSince: number | undefined
    while (Date.now() < end) {
      if (Date.now() - aborted >= REABORT_MS) {
        await client.session.abort({ path: { id }, query }).catch(() => undefined)
        aborted = Date.now()
      }
      const [st, r] = await Promise.all([client.session.status({ query }), client.session.messages({ path: { id }, query })])
      const s = (st.data as Record<string, { type: string }> | undefined)?.[id]
      const idle = !s || s.type === 'idle'
      idleSince = idle ? (idleSince ?? Date.now()) : undefined
      const msgs = (r.data ?? []) as MessageLike[]
      const last = msgs.at(-1)?.info
      const settled = last?.role === 'assistant' ? !!(last.error || last.time?.completed) : Date.now() - (idleSince ?? Date.now()) >= REABORT_MS * 2
      if (idle && settled) return true
      await sleep(POLL_MS)
    }
    return false
  }
}
