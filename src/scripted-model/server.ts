// A deterministic OpenAI-compatible chat-completions server. OpenCode talks to
// it as to any provider (streaming SSE, tool calls); it answers each case from
// that case's script, so the real agent really reads, writes and deletes files
// through its own tools with no network and no API key. A turn may also be
// slow (delay_ms: the first byte; token_delay_ms: word by word) or carry a
// provider fault (script.ts: Fault), so that what OpenCode does about an
// unauthorised key, a rate limit, an outage, a broken stream or a provider it
// cannot reach is real, and deterministic.
import { createHash } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { findCaseTag, type Fault, type Turn } from './script.js'

export interface ScriptedModelOptions {
  /** case id → turns */
  scripts: Map<string, Turn[]>
  /** JSONL file that receives one line per request. */
  logFile?: string
  port?: number
}

export interface ScriptedModelServer {
  url: string
  port: number
  requests: RequestRecord[]
  close(): Promise<void>
}

export interface RequestRecord {
  seq: number
  kind: 'title' | 'case' | 'untagged'
  case_id?: string
  turn?: number
  model: string
  messages: number
  tools: string[]
  /** sha256 prefix of the bearer token: which key reached the provider, never the key. */
  key_fingerprint?: string
  aborted?: boolean
  /** The fault injected into this request (kind, and HTTP status for `http`). */
  fault?: string
}

/** Where `refused` and `unresolvable` faults send OpenCode (see Fault). */
export const UNRESOLVABLE_HOST = 'opencode-dogfood-provider.invalid'

/** A port on 127.0.0.1 nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** The error body a provider sends with an HTTP error (OpenAI's shape; 529 as Anthropic's overload). */
function errorBody(status: number): { type: string; message: string } {
  const known: Record<number, [string, string]> = {
    400: ['invalid_request_error', 'scripted fault: bad request'],
    401: ['authentication_error', 'scripted fault: invalid x-api-key'],
    403: ['permission_error', 'scripted fault: your API key does not have permission to use this model'],
    404: ['not_found_error', 'scripted fault: model not found'],
    429: ['rate_limit_error', 'scripted fault: rate limit exceeded, retry later'],
    500: ['api_error', 'scripted fault: internal server error'],
    503: ['api_error', 'scripted fault: service unavailable'],
    529: ['overloaded_error', 'scripted fault: overloaded'],
  }
  const [type, message] = known[status] ?? [status >= 500 ? 'api_error' : 'invalid_request_error', `scripted fault: HTTP ${status}`]
  return { type, message }
}

interface ChatMessage {
  role: string
  content?: unknown
}

export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12)
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('\n')
}

/** Which case, and which turn of its script, a request asks for. */
export function route(messages: ChatMessage[]): { kind: RequestRecord['kind']; caseId?: string; turn?: number } {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => textOf(m.content))
    .join('\n')
  if (/title generator/i.test(system)) {
    const caseId = messages.map((m) => findCaseTag(textOf(m.content))).find(Boolean)
    return { kind: 'title', caseId }
  }
  // The tagged user message starts the case; every assistant message after it
  // is one turn already played.
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]
    if (m.role !== 'user') continue
    const caseId = findCaseTag(textOf(m.content))
    if (!caseId) continue
    const turn = messages.slice(i + 1).filter((x) => x.role === 'assistant').length
    return { kind: 'case', caseId, turn }
  }
  return { kind: 'untagged' }
}

/**
 * The usage a turn reports (OpenAI's `usage`), deterministic from the text:
 * a token per 4 bytes (rounded up) of the request's messages, and of the
 * answer's text and tool calls; at least 1 each. OpenCode reads it from the
 * last streamed chunk (or the whole answer) and prices it with the model's
 * `cost` in the generated config, so tokens and cost are real offline.
 */
export function scriptedUsage(messages: unknown[], turn: Turn): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  const tokens = (text: string) => Math.max(1, Math.ceil(Buffer.byteLength(text, 'utf8') / 4))
  const prompt = tokens(JSON.stringify(messages))
  const completion = tokens((turn.text ?? '') + (turn.tool_calls?.length ? JSON.stringify(turn.tool_calls) : ''))
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }
}

function chunk(id: string, model: string, delta: object, finish: string | null): string {
  const body = { id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] }
  return `data: ${JSON.stringify(body)}\n\n`
}

/**
 * A tool call's id: from the case, its turn and the call's place in it — not
 * from the order requests arrive in — so a case's transcript is the same
 * whichever cases ran before or beside it (--jobs, --case).
 */
function callId(record: RequestRecord, i: number): string {
  return `call_${record.case_id ?? 'none'}_${record.turn ?? 0}_${i}`
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  // The listener goes with the timer: a streamed answer sleeps once a token on one request's signal.
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const onAbort = () => {
      clearTimeout(t)
      resolve()
    }
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

function turnFor(scripts: Map<string, Turn[]>, r: ReturnType<typeof route>): Turn {
  if (r.kind === 'title') return { text: `Dogfood ${r.caseId ?? 'session'}` }
  if (r.kind === 'untagged') return { text: '[scripted-model] no case tag in the request' }
  const turns = scripts.get(r.caseId!)
  if (!turns) return { text: `[scripted-model] no script for case ${r.caseId}` }
  return turns[r.turn!] ?? { text: `[scripted-model] script for ${r.caseId} has no turn ${r.turn}` }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const parts: Buffer[] = []
  for await (const p of req) parts.push(p as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

export async function startScriptedModel(opts: ScriptedModelOptions): Promise<ScriptedModelServer> {
  const requests: RequestRecord[] = []
  const sockets = new Set<import('node:net').Socket>()
  const refusedPort = await closedPort()
  /** requests seen per case turn (`case#turn`): a fault with `times` hits only the first ones. */
  const seen = new Map<string, number>()

  const server = http.createServer(async (req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ object: 'list', data: [] }))
      return
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }))
      return
    }
    let body: { model?: string; messages?: ChatMessage[]; tools?: { function?: { name?: string } }[]; stream?: boolean }
    try {
      body = JSON.parse(await readBody(req))
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: 'body is not JSON' } }))
      return
    }
    const messages = Array.isArray(body.messages) ? body.messages : []
    const r = route(messages)
    const auth = req.headers.authorization?.replace(/^Bearer\s+/i, '')
    const record: RequestRecord = {
      seq: requests.length + 1,
      kind: r.kind,
      case_id: r.caseId,
      turn: r.turn,
      model: String(body.model ?? ''),
      messages: messages.length,
      tools: (body.tools ?? []).map((t) => String(t.function?.name ?? '')).sort(),
      key_fingerprint: auth ? keyFingerprint(auth) : undefined,
    }
    requests.push(record)
    const turn = turnFor(opts.scripts, r)
    let fault: Fault | undefined
    if (r.kind === 'case' && turn.fault) {
      const k = `${r.caseId}#${r.turn}`
      const n = (seen.get(k) ?? 0) + 1
      seen.set(k, n)
      if (turn.fault.times === undefined || n <= turn.fault.times) fault = turn.fault
    }
    if (fault) record.fault = fault.kind === 'http' ? `http ${fault.status ?? 500}` : fault.kind

    const gone = new AbortController()
    res.on('close', () => gone.abort())
    if (turn.delay_ms) await sleep(turn.delay_ms, gone.signal)
    if (gone.signal.aborted) record.aborted = true
    if (opts.logFile) appendFileSync(opts.logFile, JSON.stringify(record) + '\n')
    if (gone.signal.aborted) return

    if (fault?.kind === 'http') {
      const status = fault.status ?? 500
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (fault.retry_after_s !== undefined) headers['retry-after'] = String(fault.retry_after_s)
      res.writeHead(status, headers)
      res.end(JSON.stringify({ error: { ...errorBody(status), code: status } }))
      return
    }
    if (fault?.kind === 'refused' || fault?.kind === 'unresolvable') {
      const host = fault.kind === 'refused' ? `127.0.0.1:${refusedPort}` : UNRESOLVABLE_HOST
      res.writeHead(307, { location: `http://${host}/v1/chat/completions` })
      res.end()
      return
    }
    const id = `chatcmpl-${record.seq}`
    const model = record.model
    if (body.stream === false) {
      const message: Record<string, unknown> = { role: 'assistant', content: turn.text ?? null }
      if (turn.tool_calls?.length) {
        message.tool_calls = turn.tool_calls.map((c, i) => ({
          id: callId(record, i),
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.arguments) },
        }))
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created: 0,
          model,
          choices: [{ index: 0, message, finish_reason: turn.tool_calls?.length ? 'tool_calls' : 'stop' }],
          usage: scriptedUsage(messages, turn),
        }),
      )
      return
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
    res.write(chunk(id, model, { role: 'assistant', content: '' }, null))
    if (fault?.kind === 'cut') {
      // Half the answer, then the connection goes: no finish, no [DONE].
      const text = turn.text ?? 'partial answer'
      res.write(chunk(id, model, { content: text.slice(0, Math.max(1, Math.floor(text.length / 2))) }, null))
      await sleep(50, gone.signal)
      res.socket?.destroy()
      return
    }
    if (fault?.kind === 'malformed') {
      res.write(`data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"delta":{"content":\n\n`)
      res.end('data: [DONE]\n\n')
      return
    }
    if (turn.text && turn.token_delay_ms) {
      // Slow tokens: word by word, each after a pause.
      for (const word of turn.text.split(/(?<=\s)/)) {
        await sleep(turn.token_delay_ms, gone.signal)
        if (gone.signal.aborted) return
        res.write(chunk(id, model, { content: word }, null))
      }
    } else if (turn.text) res.write(chunk(id, model, { content: turn.text }, null))
    turn.tool_calls?.forEach((c, i) => {
      const call = { index: i, id: callId(record, i), type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } }
      res.write(chunk(id, model, { tool_calls: [call] }, null))
    })
    res.write(chunk(id, model, {}, turn.tool_calls?.length ? 'tool_calls' : 'stop'))
    const usage = { id, object: 'chat.completion.chunk', created: 0, model, choices: [], usage: scriptedUsage(messages, turn) }
    res.write(`data: ${JSON.stringify(usage)}\n\n`)
    res.end('data: [DONE]\n\n')
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
