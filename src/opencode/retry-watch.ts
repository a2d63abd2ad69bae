// OpenCode's retries, watched while something else waits for the prompt (the
// CLI transport waits for `opencode run`, which prints nothing while OpenCode
// retries a provider it cannot reach). The session is the one that appears in
// the directory after the prompt was sent; its status is polled, every retry
// recorded, and `onStop` called once waiting is pointless (retryDecision).
import type { createOpencodeClient } from '@opencode-ai/sdk'
import { retryDecision } from './provider-fault.js'
import type { PromptResult } from './transport.js'

type Client = ReturnType<typeof createOpencodeClient>

const POLL_MS = 200

/** The ids of the sessions OpenCode lists for `directory` (empty when it cannot say). */
export async function sessionIds(client: Client, directory: string): Promise<Set<string>> {
  const r = await client.session.list({ query: { directory } }).catch(() => undefined)
  return new Set(((r?.data ?? []) as { id: string }[]).map((s) => s.id))
}

/** The session's last assistant message is over (completed, or ended on an error): its prompt ran before we saw it busy. */
async function promptOver(client: Client, id: string, directory: string): Promise<boolean> {
  const r = await client.session.messages({ path: { id }, query: { directory } }).catch(() => undefined)
  const last = ((r?.data ?? []) as { info?: { role?: string; error?: unknown; time?: { completed?: number }; finish?: string } }[]).at(-1)?.info
  return last?.role === 'assistant' && (!!last.error || (!!last.time?.completed && last.finish !== 'tool-calls'))
}

export interface RetryWatch {
  /** The session found (the first new one in the directory), once found. */
  sessionId(): string | undefined
  /** Retries seen so far, the last status, and why the watch stopped the wait (when it did). */
  state(): Pick<PromptResult, 'retries' | 'finalStatus' | 'stoppedEarly'>
  /** End the watch (idempotent); resolves when its last poll is done. */
  stop(): Promise<void>
}

/**
 * Watch the new session of `directory` (one not in `before`) until stop():
 * `deadline` is the budget's end, epoch ms; `onStop(reason)` is called once,
 * when a provider fault makes further waiting pointless; `onIdle()` when the
 * session went back to idle after working.
 */
export function watchRetries(o: {
  client: Client
  directory: string
  before: Set<string>
  deadline: number
  onStop: (reason: string) => void
  /** Called once when the session, seen at work, is idle again (its prompt is over, answered or failed). */
  onIdle?: () => void
}): RetryWatch {
  const retries: NonNullable<PromptResult['retries']> = []
  let id: string | undefined
  let finalStatus: string | undefined
  let stoppedEarly: string | undefined
  let running = true
  let busy = false
  let idleSent = false
  const query = { directory: o.directory }
  const loop = (async () => {
    while (running) {
      if (!id) id = [...(await sessionIds(o.client, o.directory))].find((s) => !o.before.has(s))
      if (id) {
        const st = await o.client.session.status({ query }).catch(() => undefined)
        const status = (st?.data as Record<string, { type: string; attempt?: number; message?: string; next?: number }> | undefined)?.[id]
        finalStatus = status?.type ?? 'idle'
        if (finalStatus !== 'idle') busy = true
        else if (busy || (!idleSent && (await promptOver(o.client, id, o.directory)))) {
          busy = false
          idleSent = true
          o.onIdle?.()
        }
        if (status?.type === 'retry' && status.attempt !== retries.at(-1)?.attempt) {
          retries.push({ attempt: Number(status.attempt), message: String(status.message ?? ''), next: Number(status.next ?? 0), seen_at: Date.now() })
          const d = retryDecision(retries.at(-1)!, o.deadline)
          if (d.stop && running) {
            stoppedEarly = d.reason
            running = false
            o.onStop(d.reason)
          }
        }
      }
      if (running) await new Promise((r) => setTimeout(r, POLL_MS))
    }
  })()
  return {
    sessionId: () => id,
    state: () => ({ retries, finalStatus, stoppedEarly }),
    async stop() {
      running = false
      await loop
    },
  }
}
