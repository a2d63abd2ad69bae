// A server's start: no npm install (OpenCode's background install of
// @opencode-ai/plugin into its config folder is settled beforehand: network
// in hermetic mode, and seconds of CPU per server under --jobs), and a warm-up
// that leaves the first case a warm server. A control start with a bare config
// folder shows the install this prevents is real.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinCases } from '../src/cases/catalog.js'
import { resolveOpencodeBinary } from '../src/opencode/binary.js'
import { authHeaders } from '../src/opencode/server.js'
import { describeWarmUp, warmUp, type WarmUp } from '../src/opencode/warm-up.js'
import { defaultServerEnv, startBackends, type Backends } from '../src/suite/backends.js'
import { BUILTIN_MODEL, DEFAULT_WRITE_ALLOWLIST } from '../src/suite/options.js'
import { fixtureRepo } from './support/repo.js'

const base = { model: BUILTIN_MODEL, hermetic: true, roles: [], writeAllowlist: DEFAULT_WRITE_ALLOWLIST, cases: builtinCases() }

/** Signs that OpenCode ran (or tried) its dependency install under `state`: npm's cache, installed packages, its log line. */
function installSigns(state: string): string[] {
  const signs: string[] = []
  if (existsSync(path.join(state, 'home', '.npm'))) signs.push('npm cache in HOME')
  const modules = path.join(state, 'config', 'opencode', 'node_modules')
  if (existsSync(modules) && readdirSync(modules).length > 0) signs.push(`installed: ${readdirSync(modules).join(', ')}`)
  const log = path.join(state, 'data', 'opencode', 'log', 'opencode.log')
  if (existsSync(log) && /dependency install/.test(readFileSync(log, 'utf8'))) signs.push('install in the log')
  return signs
}

describe('server start', () => {
  const { repo } = fixtureRepo()
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dogfood-server-start-'))
  let backends: Backends
  let warm: WarmUp
  beforeAll(async () => {
    backends = await startBackends({ ...base, binary: resolveOpencodeBinary(), cwd: repo, tmp })
    warm = await warmUp(backends.url, repo, { password: backends.password, model: BUILTIN_MODEL })
  }, 120_000)
  afterAll(async () => backends?.stop())

  it('warms the server: the registry, then one prompt the scripted model answers, untagged', () => {
    expect(warm.error).toBeUndefined()
    expect(warm.steps).toEqual(['registry', 'prompt'])
    const requests = readFileSync(backends.scriptedLog!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { kind: string; case_id?: string })
    expect(requests.filter((r) => r.kind === 'untagged')).toHaveLength(1)
    expect(requests.filter((r) => r.case_id)).toEqual([])
  })

  it("refuses every request without its password (a local process, another slot's agent): 401", async () => {
    for (const route of ['/global/health', '/config/providers', '/session']) {
      expect((await fetch(new URL(route, backends.url))).status, route).toBe(401)
      expect(
        (await fetch(new URL(route, backends.url), { headers: { Authorization: `Basic ${Buffer.from('opencode:wrong').toString('base64')}` } })).status,
        route,
      ).toBe(401)
    }
    expect((await fetch(new URL('/global/health', backends.url), { headers: authHeaders(backends.password) })).status).toBe(200)
  })

  it('runs no npm install: the config folder says the package is there, and nothing was fetched', async () => {
    const state = path.join(tmp, 'opencode-state')
    expect(JSON.parse(readFileSync(path.join(state, 'config', 'opencode', 'package.json'), 'utf8'))).toEqual({ dependencies: { '@opencode-ai/plugin': '*' } })
    // The install runs in the background from the start: a prompt later it would have shown.
    await new Promise((r) => setTimeout(r, 3000))
    expect(installSigns(state)).toEqual([])
  })

  it('control: with a bare config folder, OpenCode starts that install', async () => {
    const ctmp = mkdtempSync(path.join(os.tmpdir(), 'dogfood-server-start-control-'))
    const env = defaultServerEnv({ ...base, tmp: ctmp })
    const state = path.join(ctmp, 'opencode-state')
    env.XDG_CONFIG_HOME = path.join(state, 'bare-config')
    mkdirSync(env.XDG_CONFIG_HOME)
    const control = await startBackends({ ...base, binary: resolveOpencodeBinary(), cwd: repo, tmp: ctmp, env })
    try {
      await warmUp(control.url, repo, { password: control.password, model: BUILTIN_MODEL })
      // Fetching from the npm registry (or failing to, where there is none) leaves a sign within seconds.
      let signs: string[] = []
      const deadline = Date.now() + 30_000
      while (Date.now() < deadline) {
        signs = installSigns(state).concat(
          existsSync(path.join(env.XDG_CONFIG_HOME, 'opencode', 'node_modules')) ? ['node_modules made in the bare config folder'] : [],
        )
        if (signs.length > 0) break
        await new Promise((r) => setTimeout(r, 250))
      }
      expect(signs.length, 'no sign of the install OpenCode runs at start').toBeGreaterThan(0)
    } finally {
      await control.stop()
    }
  }, 120_000)
})

describe('warm-up that cannot be done: said, never thrown', () => {
  it('a server that is not there', async () => {
    const w = await warmUp('http://127.0.0.1:9', '/tmp', { model: BUILTIN_MODEL })
    expect(w.steps).toEqual([])
    expect(describeWarmUp(w)).toMatch(/^warm-up failed: /)
  })

  it('a server that never answers: given up after the timeout', async () => {
    const hung = http.createServer(() => {})
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r))
    try {
      const w = await warmUp(`http://127.0.0.1:${(hung.address() as AddressInfo).port}`, '/tmp', { model: BUILTIN_MODEL, timeoutMs: 500 })
      expect(w.error).toBe('GET /config/providers: no answer within 500 ms')
      expect(w.ms).toBeLessThan(5000)
    } finally {
      hung.closeAllConnections()
      hung.close()
    }
  })
})
