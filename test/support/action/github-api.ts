// A local HTTP server standing in for the GitHub REST API (GITHUB_API_URL) for
// the two check-run endpoints. Like GitHub it answers 422 to a body that breaks
// the endpoint's schema, and in `readOnly` mode it answers every write with the
// 403 a fork pull request's token gets.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { problems, validateCreate, validateUpdate } from './check-schemas.js'

export interface ApiCall {
  method: string
  path: string
  authorization?: string
  body: Record<string, unknown>
  status: number
  /** Schema problems of the body (empty = valid). */
  problems: string[]
}

export interface CheckRunRecord {
  id: number
  head_sha: string
  name: string
  status: string
  conclusion?: string
  output?: Record<string, unknown>
  annotations: Record<string, unknown>[]
  /** Status after each request, in order. */
  history: string[]
}

export interface FakeGitHubApi {
  url: string
  calls: ApiCall[]
  checkRuns: CheckRunRecord[]
  close(): Promise<void>
}

export async function startGitHubApi(opts: { readOnly?: boolean; owner?: string; repo?: string } = {}): Promise<FakeGitHubApi> {
  const owner = opts.owner ?? 'octo-org'
  const repo = opts.repo ?? 'octo-repo'
  const calls: ApiCall[] = []
  const checkRuns: CheckRunRecord[] = []
  let nextId = 7000
  const server = http.createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (raw += c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      let body: Record<string, unknown> = {}
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      } catch {
        body = { unparsable: raw }
      }
      // Every body is checked against its schema, whatever the answer is.
      const found = req.method === 'POST' ? problems(validateCreate, body) : req.method === 'PATCH' ? problems(validateUpdate, body) : []
      const send = (status: number, out: object) => {
        calls.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization, body, status, problems: found })
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(out))
      }
      const base = `/repos/${owner}/${repo}/check-runs`
      if (!req.headers.authorization) return send(401, { message: 'Requires authentication' })
      if (opts.readOnly && (req.method === 'POST' || req.method === 'PATCH'))
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
          status: '403',
        })
      if (req.method === 'POST' && url.pathname === base) {
        if (found.length) return send(422, { message: 'Invalid request.', errors: found })
        const run: CheckRunRecord = {
          id: nextId++,
          head_sha: String(body.head_sha),
          name: String(body.name),
          status: String(body.status ?? 'queued'),
          conclusion: body.conclusion as string | undefined,
          output: body.output as Record<string, unknown>,
          annotations: [...(((body.output as { annotations?: [] })?.annotations ?? []) as Record<string, unknown>[])],
          history: [],
        }
        run.history.push(run.status)
        checkRuns.push(run)
        return send(201, {
          id: run.id,
          head_sha: run.head_sha,
          status: run.status,
          name: run.name,
          html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
        })
      }
      const m = new RegExp(`^${base}/([0-9]+)$`).exec(url.pathname)
      if (req.method === 'PATCH' && m) {
        const run = checkRuns.find((r) => r.id === Number(m[1]))
        if (!run) return send(404, { message: 'Not Found' })
        if (found.length) return send(422, { message: 'Invalid request.', errors: found })
        if (body.conclusion) {
          run.status = 'completed'
          run.conclusion = String(body.conclusion)
        } else if (body.status) run.status = String(body.status)
        const output = body.output as { annotations?: Record<string, unknown>[] } | undefined
        if (output) {
          run.output = { ...run.output, ...output }
          run.annotations.push(...(output.annotations ?? []))
        }
        run.history.push(run.status)
        return send(200, {
          id: run.id,
          head_sha: run.head_sha,
          status: run.status,
          conclusion: run.conclusion ?? null,
          html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
        })
      }
      return send(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${port}`, calls, checkRuns, close: () => new Promise((r) => server.close(() => r())) }
}
