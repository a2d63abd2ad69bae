// The alternative transport: `opencode run --attach <server> --format json`,
// the command line a person would use. The session it creates is then read
// back from the same server, so both transports judge the same transcript.
import { spawn } from 'node:child_process'
import { createOpencodeClient } from '@opencode-ai/sdk'
import { sdkTransport } from './sdk-transport.js'
import { authHeaders, SERVER_PASSWORD_ENV } from './server.js'
import { sessionIds, watchRetries } from './retry-watch.js'
import { overTokenBudget } from './usage.js'
import { assistantText, toolUses, type AgentTransport, type PromptRequest, type PromptResult } from './transport.js'

/** How long opencode run may take to exit once its session is idle (and to show a session after it was ended), ms. */
const IDLE_GRACE_MS = 1000

/**
 * `env`: the client's environment (the harness passes the agent's allowlisted
 * one: the client needs no key); `password`: the server's, given to
 * `opencode run` the way OpenCode reads it (OPENCODE_SERVER_PASSWORD).
 */
export function cliTransport(baseUrl: string, binary: string, env: NodeJS.ProcessEnv = process.env, launcher?: string, password?: string): AgentTransport {
  const rest = sdkTransport(baseUrl, password)
  const client = createOpencodeClient({ baseUrl, headers: authHeaders(password) })
  return {
    name: 'cli',
    health: rest.health,
    registry: rest.registry,
    async prompt(req: PromptRequest): Promise<PromptResult> {
      const t0 = Date.now()
      const args = ['run', '--attach', baseUrl, '--dir', req.directory, '--format', 'json', '--model', req.model, '--agent', req.agent, req.text]
      const [command, argv] = launcher ? [launcher, [binary, ...args]] : [binary, args]
      const before = await sessionIds(client, req.directory)
      const child = spawn(command, argv, {
        cwd: req.directory,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...env, OPENCODE_DISABLE_AUTOUPDATE: '1', ...(password ? { [SERVER_PASSWORD_ENV]: password } : {}) },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, req.budgetMs)
      let interrupted: string | undefined
      const onInterrupt = () => {
        interrupted = String(req.signal?.reason ?? 'interrupted')
        child.kill('SIGKILL')
      }
      if (req.signal?.aborted) onInterrupt()
      else req.signal?.addEventListener('abort', onInterrupt, { once: true })
      // The session's prompt is over (answered, or an error): opencode run gets a moment to exit, then it is ended.
      let endedIdle = false
      const endWhenIdle = async () => {
        await new Promise((r) => setTimeout(r, IDLE_GRACE_MS))
        if (child.exitCode === null && child.signalCode === null) {
          endedIdle = true
          child.kill('SIGKILL')
        }
      }
      // OpenCode's retries show only in the session's status (opencode run prints nothing meanwhile).
      let stoppedEarly: string | undefined
      const watch = watchRetries({
        client,
        directory: req.directory,
        before,
        deadline: t0 + req.budgetMs,
        onStop: (reason) => {
          stoppedEarly = reason
          child.kill('SIGKILL')
        },
        onIdle: () => void endWhenIdle(),
      })
      const exitCode = await new Promise<number | null>((resolve) => {
        child.on('close', (code) => resolve(code))
        child.on('error', () => resolve(-1))
      })
      clearTimeout(timer)
      req.signal?.removeEventListener('abort', onInterrupt)
      await watch.stop()
      let sessionId: string | undefined
      for (const line of stdout.split('\n')) {
        try {
          const ev = JSON.parse(line) as { sessionID?: string; part?: { sessionID?: string } }
          sessionId ??= ev.sessionID ?? ev.part?.sessionID
        } catch {
          // not a JSON event line
        }
      }
      sessionId ??= watch.sessionId()
      // Ended before its session showed: one its last request created is found now (and stopped below); none, nothing runs.
      let noSession = false
      if ((timedOut || interrupted || stoppedEarly) && !sessionId) {
        await new Promise((r) => setTimeout(r, IDLE_GRACE_MS))
        sessionId = [...(await sessionIds(client, req.directory))].find((s) => !before.has(s))
        noSession = !sessionId
      }
      const query = { directory: req.directory }
      let sessionStopped: boolean | undefined
      if ((timedOut || interrupted || stoppedEarly) && sessionId) {
        await client.session.abort({ path: { id: sessionId }, query })
        sessionStopped = true
      }
      const messages = sessionId ? ((await client.session.messages({ path: { id: sessionId }, query })).data ?? []) : []
      // `opencode run` is not watched turn by turn: its session's tokens are held to the budget when it ends.
      const overBudget = overTokenBudget(messages, req.tokenBudget)
      const lastError = (messages.at(-1) as { info?: { error?: unknown } } | undefined)?.info?.error
      const error = interrupted
        ? `interrupted: ${interrupted}`
        : stoppedEarly
          ? `stopped waiting: ${stoppedEarly}`
          : endedIdle
            ? lastError
              ? `assistant error: ${JSON.stringify(lastError)}`
              : undefined
            : !timedOut && exitCode !== 0
              ? `opencode run exited ${exitCode}: ${stderr.trim().split('\n').at(-1) ?? ''}`
              : undefined
      return {
        sessionId,
        text: assistantText(messages),
        tools: toolUses(messages),
        timedOut,
        sessionStopped: timedOut ? (sessionStopped ?? noSession) : undefined,
        error,
        durationMs: Date.now() - t0,
        messages,
        ...watch.state(),
        ...(interrupted ? { interrupted } : {}),
        ...(overBudget ? { overBudget } : {}),
      }
    },
  }
}
