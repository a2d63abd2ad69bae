// The egress proxy: the one way out of the agent's network namespace. It runs
// in the harness, listens on a unix socket that the bridge (bridge.ts) reaches
// from inside, and answers three kinds of request:
//   - a route (origin form, /r/<name>/…): forwarded to the route's upstream,
//     the provider's key added here (the agent never holds it);
//   - CONNECT host:port and absolute-form http://host/… (proxy variables):
//     let through when a network rule names host:port, else refused (403);
//   - anything else: refused.
// Every request is one line of the egress log (JSONL): destination, allowed
// or denied, why, bytes each way. Never a body, never a header value.
import { appendFileSync, chmodSync, readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { pipeline } from 'node:stream'
import { allowedBy, type NetworkPolicy, type NetworkRoute } from './network-policy.js'

/** One line of the egress log. */
export interface EgressEntry {
  /** ISO time the request came in. */
  t: string
  /** route | connect | http (absolute-form) | other; unrouted: attempts that never reached the proxy, counted by the namespace's kernel (netns-counters.ts) */
  kind: 'route' | 'connect' | 'http' | 'other' | 'unrouted'
  /** host:port asked for (a route: its upstream's); unrouted: the class, e.g. `ipv4 (no route)`. */
  dest: string
  allowed: boolean
  /** The rule or route that allowed it, or why it was refused. */
  why: string
  /** Bytes from the agent to the destination, and back (0 when refused). */
  bytes_out: number
  bytes_in: number
  /** unrouted only: how many attempts of the class the kernel counted over the case (packets or connects, not lookups: a DNS lookup is a few). */
  count?: number
}

export interface EgressProxy {
  socketPath: string
  logFile: string
  close(): Promise<void>
}

export interface EgressProxyOptions {
  socketPath: string
  logFile: string
  policy: NetworkPolicy
  /** The harness's environment: where route keys are read (never logged). */
  keys?: NodeJS.ProcessEnv
}

const ROUTE = /^\/r\/([a-z0-9-]+)(\/.*)?$/

/** Headers never passed upstream: hop-by-hop ones; and on a keyed route, the sandbox's placeholder key. */
const HOP = ['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive', 'host']
const KEY_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key']

/** Start the proxy on `socketPath` (a unix socket; the caller made its folder). Rejects when it cannot listen. */
export async function startEgressProxy(o: EgressProxyOptions): Promise<EgressProxy> {
  const record = (e: Omit<EgressEntry, 't'> & { t?: string }) => {
    appendFileSync(o.logFile, JSON.stringify({ t: e.t ?? new Date().toISOString(), ...e }) + '\n')
  }
  const server = http.createServer((req, res) => {
    const t = new Date().toISOString()
    const url = req.url ?? '/'
    const m = ROUTE.exec(url)
    const route = m ? o.policy.routes.find((r) => r.name === m[1]) : undefined
    if (route) return forward(req, res, route, m![2] ?? '/', t)
    if (/^http:\/\//i.test(url)) return plainHttp(req, res, url, t)
    record({
      t,
      kind: 'other',
      dest: 'bridge',
      allowed: false,
      why: `not a route nor a proxy request: ${req.method} ${url.split('?')[0].slice(0, 120)}`,
      bytes_out: 0,
      bytes_in: 0,
    })
    refuse(res, 'not a route of this proxy')
  })
  const refuse = (res: http.ServerResponse, why: string) => {
    res.writeHead(403, { 'content-type': 'text/plain' })
    res.end(`opencode-dogfood egress proxy: refused (${why})\n`)
  }

  /** A route: the upstream's base URL plus the rest of the path; the key added here. */
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, route: NetworkRoute, rest: string, t: string) => {
    const target = routeTarget(route.upstream, rest)
    if (typeof target === 'string') {
      record({
        t,
        kind: 'route',
        dest: upstreamDest(route.upstream),
        allowed: false,
        why: `route ${route.name}: refused: ${target}`,
        bytes_out: 0,
        bytes_in: 0,
      })
      return refuse(res, target)
    }
    const headers: Record<string, string | string[]> = {}
    const drop = new Set([...HOP, ...(route.key ? KEY_HEADERS : [])])
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !drop.has(k)) headers[k] = v
    if (route.key) {
      const value = o.keys?.[route.key.env]
      if (value) headers[route.key.header] = route.key.scheme ? `${route.key.scheme} ${value}` : value
    }
    const dest = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`
    let out = 0
    let back = 0
    const done = (ok: boolean, why: string) => record({ t, kind: 'route', dest, allowed: ok, why, bytes_out: out, bytes_in: back })
    const up = (target.protocol === 'https:' ? https : http).request(target, { method: req.method, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers)
      ur.on('data', (d: Buffer) => (back += d.length))
      // pipeline, not pipe: an upstream cut mid-answer must cut the answer inside too (a provider fault the case judges), not leave it hanging.
      pipeline(ur, res, (e) => done(true, e ? `route ${route.name}: upstream broke off` : `route ${route.name}: ${route.why}`))
    })
    up.on('error', (e) => {
      done(true, `route ${route.name}: upstream unreachable (${e.message})`)
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.on('data', (d: Buffer) => (out += d.length))
    req.pipe(up)
  }

  /** Absolute-form http://host:port/… through the proxy variables. */
  const plainHttp = (req: http.IncomingMessage, res: http.ServerResponse, url: string, t: string) => {
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return refuse(res, 'bad URL')
    }
    const port = Number(target.port || 80)
    const dest = `${target.hostname}:${port}`
    const rule = allowedBy(o.policy, target.hostname, port)
    if (!rule) {
      record({ t, kind: 'http', dest, allowed: false, why: 'no network rule names it', bytes_out: 0, bytes_in: 0 })
      return refuse(res, `${dest} is not allowed`)
    }
    let out = 0
    let back = 0
    const headers: Record<string, string | string[]> = {}
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !['proxy-authorization', 'proxy-connection'].includes(k)) headers[k] = v
    const up = http.request(target, { method: req.method, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers)
      ur.on('data', (d: Buffer) => (back += d.length))
      pipeline(ur, res, (e) =>
        record({ t, kind: 'http', dest, allowed: true, why: e ? `${rule.why}; upstream broke off` : rule.why, bytes_out: out, bytes_in: back }),
      )
    })
    up.on('error', () => {
      record({ t, kind: 'http', dest, allowed: true, why: `${rule.why}; unreachable`, bytes_out: out, bytes_in: back })
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.on('data', (d: Buffer) => (out += d.length))
    req.pipe(up)
  }

  // CONNECT host:port: a tunnel (TLS end to end) to an allowed destination only.
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const t = new Date().toISOString()
    const m = /^(\[[0-9a-f:]+\]|[^:]+):([0-9]{1,5})$/i.exec(req.url ?? '')
    const dest = m ? `${m[1]}:${m[2]}` : String(req.url ?? '').slice(0, 120)
    const rule = m ? allowedBy(o.policy, m[1], Number(m[2])) : undefined
    client.on('error', () => {})
    if (!rule) {
      record({ t, kind: 'connect', dest, allowed: false, why: 'no network rule names it', bytes_out: 0, bytes_in: 0 })
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nopencode-dogfood egress proxy: refused\n')
      return
    }
    let out = head.length
    let back = 0
    const up = net.connect(Number(m![2]), m![1].replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n')
      if (head.length > 0) up.write(head)
      client.pipe(up)
      up.pipe(client)
    })
    client.on('data', (d: Buffer) => (out += d.length))
    up.on('data', (d: Buffer) => (back += d.length))
    let logged = false
    const done = (why: string) => {
      if (logged) return
      logged = true
      record({ t, kind: 'connect', dest, allowed: true, why, bytes_out: out, bytes_in: back })
    }
    up.on('close', () => {
      done(rule.why)
      client.destroy()
    })
    up.on('error', (e) => {
      done(`${rule.why}; unreachable (${e.message})`)
      client.destroy()
    })
    client.on('close', () => up.destroy())
  })
  server.on('clientError', (_e, socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.socketPath, () => resolve())
  })
  // Connecting to a unix socket takes write permission on it: a dropped agent uid (identity.ts) must reach it.
  // Its folder is the bridge's, under a mode-0700 root on the host and read-only inside the sandbox.
  chmodSync(o.socketPath, 0o666)
  return {
    socketPath: o.socketPath,
    logFile: o.logFile,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

/** The egress log's size in bytes now (0 when there is none): where a case's window of it starts. */
export function egressLogSize(file: string | undefined): number {
  if (!file) return 0
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/** The egress log's entries from byte `from` on (a harness file in its temp folder, out of the agent's sight). */
export function readEgressLog(file: string, from = 0): EgressEntry[] {
  try {
    return parseEgressLog(readFileSync(file).subarray(from).toString('utf8'))
  } catch {
    return []
  }
}

/** The log's lines, bad ones (a line cut by a write in progress) skipped. */
export function parseEgressLog(text: string): EgressEntry[] {
  const out: EgressEntry[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      out.push(JSON.parse(line) as EgressEntry)
    } catch {
      // cut short
    }
  }
  return out
}

/** The denied entries, one line each, for the reports: `connect evil.example:443 (no network rule names it)`, `unrouted ipv4 (no route) ×4 (…)`. */
export function describeDenied(entries: EgressEntry[]): string[] {
  return entries.filter((e) => !e.allowed).map((e) => `${e.kind} ${e.dest}${e.count !== undefined ? ` ×${e.count}` : ''} (${e.why})`)
}

/**
 * A case's egress_denied (run_summary.json): its denied entries as describeDenied words them, at most 20, the
 * `unrouted` ones (at most one per class) first, so that 20 refusals at the proxy cannot crowd them out.
 */
export function summaryDenied(entries: EgressEntry[]): string[] {
  const unrouted = entries.filter((e) => e.kind === 'unrouted')
  return describeDenied([...unrouted, ...entries.filter((e) => e.kind !== 'unrouted')]).slice(0, 20)
}

/** A path segment that is a dot segment, raw or percent-encoded (`.`, `..`, `%2e`, `.%2E`, …). */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i

/**
 * The URL a route request goes to: the upstream's base (`upstream`, e.g. `https://api.deepseek.com` or
 * `https://api.openai.com/v1`) with `rest` (the request target after `/r/<name>`, path and query) appended
 * as text — never resolved against it: `//host/x` or `/\host` resolved as a URL would name another host,
 * which would then be sent the provider's key. Refused (the reason returned): a backslash, a space or
 * control character, a dot segment (raw or percent-encoded), and any result whose origin differs from
 * the upstream's or whose path leaves the base path.
 */
export function routeTarget(upstream: string, rest: string): URL | string {
  const base = new URL(upstream)
  const q = rest.indexOf('?')
  const restPath = q < 0 ? rest : rest.slice(0, q)
  const query = q < 0 ? '' : rest.slice(q)
  if (!restPath.startsWith('/')) return 'the path must start with /'
  if (/[\\\u0000-\u0020\u007f]/.test(restPath) || /[\u0000-\u001f\u007f#]/.test(query)) return 'a backslash, space, # or control character in the path'
  // (An empty segment stays: appended as text, `//x` is a path on the upstream, not a host.)
  if (restPath.split('/').some((x) => DOT_SEGMENT.test(x))) return "a dot segment in the path (it would leave the route's base)"
  const basePath = base.pathname.replace(/\/$/, '')
  const target = new URL(`${base.origin}${basePath}${restPath}${query}`)
  if (base.username || base.password) {
    target.username = base.username
    target.password = base.password
  }
  if (target.origin !== base.origin || !(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`)))
    return "the path leaves the route's upstream"
  return target
}

/** host:port of an upstream URL (for the log; never its user info). */
function upstreamDest(upstream: string): string {
  const u = new URL(upstream)
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`
}
