// The servers a run talks to: in hermetic mode the scripted model and one
// OpenCode server configured for it (role keys made up per run, living only
// in the environment); otherwise one OpenCode server for the real providers.
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sha256 } from '../fsutil.js'
import type { CaseDef } from '../cases/catalog.js'
import { buildConfig, SCRIPTED_KEY_ENV } from '../opencode/config.js'
import { startServer, stateEnv, type ServerHandle } from '../opencode/server.js'
import { behindForwarder, expose, type BridgeDirs } from '../sandbox/bridge.js'
import { startEgressProxy, type EgressProxy } from '../sandbox/egress-proxy.js'
import { agentEnv, providerKeyNames } from '../sandbox/env.js'
import { findNetns, type NetnsRef } from '../sandbox/netns-counters.js'
import { deriveNetworkPolicy, routedProviders, upstreamOverrides, type NetworkPolicy, type NetworkRule } from '../sandbox/network-policy.js'
import { startScriptedModel, type ScriptedModelServer } from '../scripted-model/server.js'
import type { Role } from '../types.js'

export interface Backends {
  url: string
  /** The OpenCode server's basic-auth password (opencode/server.ts authHeaders). A secret: registered and scrubbed like a key. */
  password: string
  /** JSONL log of the scripted model's requests (hermetic mode). */
  scriptedLog?: string
  /** Keys made up for this run (hermetic mode): given to case processes through env. */
  keyEnv: Record<string, string>
  /** sha256 of the configuration injected into the server (keys are {env:…} references, never values). */
  configSha256: string
  /** The OpenCode server's pid (the sandbox's, when contained). */
  pid: number
  /** The network policy the egress proxy applies (contained), and its log (JSONL, sandbox/egress-proxy.ts EgressEntry). */
  network?: NetworkPolicy
  egressLog?: string
  /** The sandbox's network namespace (contained), whose kernel counters count the attempts that never reach the proxy; `unknown`: why it was not found. */
  netns?: NetnsRef | { unknown: string }
  /** Stop the server (SIGKILL after `graceMs`, see ServerHandle.stop) and the scripted model. */
  stop(graceMs?: number): Promise<void>
}

export interface BackendOptions {
  model: string
  hermetic: boolean
  roles: Role[]
  writeAllowlist: string[]
  cases: CaseDef[]
  binary: string
  cwd: string
  /** The harness's temp folder: the scripted model's log and the server's log go here. */
  tmp: string
  /**
   * The server's environment (an allowlist: sandbox/env.ts), with OpenCode's
   * state folders in it. Default: the base allowlist, the model's and roles'
   * key variables, and state folders under tmp/opencode-state.
   */
  env?: Record<string, string>
  /** The made-up keys of another server of the same run (parallel slots share them: one environment for every case process). */
  keyEnv?: Record<string, string>
  /** Aborted when the run is interrupted: a start in progress is given up. */
  signal?: AbortSignal
  /** Wraps the server's command line (the sandbox). */
  wrap?: (command: string, args: string[]) => { command: string; args: string[] }
  /** See StartServerOptions.onSpawn. */
  onSpawn?: (pid: number) => void
  /** The bridge out of the sandbox's network namespace (contained): the server runs behind its forwarder, the egress proxy in the harness. */
  bridge?: BridgeDirs
  /** --egress-allow: further destinations the proxy lets through. */
  egressAllow?: NetworkRule[]
}

/** The default server environment of startBackends (see BackendOptions.env). */
export function defaultServerEnv(
  o: Pick<BackendOptions, 'model' | 'hermetic' | 'roles' | 'tmp'>,
  pass: string[] = [],
  set: Record<string, string> = {},
): Record<string, string> {
  const keyNames = [...(o.hermetic ? [] : providerKeyNames(o.model)), ...o.roles.map((r) => r.key_env)]
  return agentEnv({ from: process.env, keyNames, pass, set: { ...stateEnv(path.join(o.tmp, 'opencode-state')), ...set } })
}

export function hermeticKeys(roles: Role[]): Record<string, string> {
  const keyEnv: Record<string, string> = { [SCRIPTED_KEY_ENV]: `dogfood-${randomBytes(12).toString('hex')}` }
  for (const r of roles) keyEnv[r.key_env] = `dogfood-${r.name}-${randomBytes(12).toString('hex')}`
  return keyEnv
}

/** What the server inside holds in place of a provider key the proxy adds (key custody). */
export const PLACEHOLDER_KEY = 'dogfood-placeholder-key-held-by-the-egress-proxy'

/** The server's port from its command line (`--port N`). */
function portOf(args: string[]): number {
  return Number(args[args.indexOf('--port') + 1])
}

/** The proxy's variables: tools that honour them reach the proxy (and are refused there, recorded); loopback goes direct. */
function proxyEnv(url: string): Record<string, string> {
  const loop = '127.0.0.1,localhost,::1'
  return { HTTP_PROXY: url, HTTPS_PROXY: url, ALL_PROXY: url, http_proxy: url, https_proxy: url, all_proxy: url, NO_PROXY: loop, no_proxy: loop }
}

/** The egress proxy and the server's front door of a contained server (sandbox/bridge.ts). */
interface NetworkSide {
  policy: NetworkPolicy
  log: string
  proxy: EgressProxy
  front?: { url: string; close(): Promise<void> }
}

async function startNetworkSide(b: BridgeDirs, tmp: string, scriptedUrl: string | undefined, providers: string[], allow: NetworkRule[]): Promise<NetworkSide> {
  const policy = deriveNetworkPolicy({ scriptedUrl, providers, allow, upstreams: upstreamOverrides(process.env, providers) })
  const log = path.join(tmp, 'egress.jsonl')
  writeFileSync(log, '')
  return { policy, log, proxy: await startEgressProxy({ socketPath: b.egressSocket, logFile: log, policy, keys: process.env }) }
}

/** The network namespace of the sandbox under `pid` (its bwrap, or a launcher above it); the server answers, so it exists: a few tries cover a slow /proc walk. */
async function sandboxNetns(pid: number): Promise<NetnsRef | { unknown: string }> {
  for (let i = 0; i < 20; i++) {
    const ref = findNetns(pid)
    if (ref) return ref
    await new Promise((r) => setTimeout(r, 100))
  }
  return { unknown: `no process under the server's pid ${pid} is in a network namespace of its own` }
}

export async function startBackends(o: BackendOptions): Promise<Backends> {
  const keyEnv = o.keyEnv ?? (o.hermetic ? hermeticKeys(o.roles) : {})
  let scripted: ScriptedModelServer | undefined
  let scriptedLog: string | undefined
  if (o.hermetic) {
    scriptedLog = path.join(o.tmp, 'scripted-model.jsonl')
    writeFileSync(scriptedLog, '')
    scripted = await startScriptedModel({ scripts: new Map(o.cases.map((c) => [c.id, c.turns])), logFile: scriptedLog })
  }
  // Contained: the server's only way out is the bridge to the egress proxy, which reaches the scripted model (or the providers) alone.
  const b = o.bridge
  // Real providers: the proxy holds their keys (PROVIDER_HOSTS); the server inside gets a placeholder and the bridge's URL.
  const providers = o.hermetic ? [] : routedProviders([o.model, ...o.roles.map((r) => r.model)])
  const net = b ? await startNetworkSide(b, o.tmp, scripted?.url, providers, o.egressAllow ?? []) : undefined
  const closeNetwork = async () => {
    await net?.front?.close()
    await net?.proxy.close()
    if (b) rmSync(b.root, { recursive: true })
  }
  const scriptedUrl = scripted && b ? `${b.insideUrl}/r/scripted` : scripted?.url
  let server: ServerHandle
  const config = buildConfig({ model: o.model, scriptedUrl, roles: o.roles, writeAllowlist: o.writeAllowlist })
  const placeholders: Record<string, string> = {}
  if (b && net) {
    const provider = (config.provider ?? {}) as Record<string, unknown>
    for (const r of net.policy.routes.filter((x) => x.key)) {
      provider[r.name] = { options: { baseURL: `${b.insideUrl}/r/${r.name}`, apiKey: PLACEHOLDER_KEY } }
      // The key's variable inside holds the placeholder: OpenCode finds the provider configured, and the real key stays in the harness.
      placeholders[r.key!.env] = PLACEHOLDER_KEY
    }
    if (Object.keys(provider).length > 0) config.provider = provider
    // A real provider's role keys (--roles …:KEY_ENV) are read by the harness alone (T1C02 fingerprints them);
    // inside, a variable of another name than the route's would hold the real key: the placeholder too.
    if (!o.hermetic) for (const r of o.roles) placeholders[r.key_env] = PLACEHOLDER_KEY
  }
  const behind = (command: string, args: string[]) => (b ? behindForwarder(b, portOf(args), command, args) : { command, args })
  const wrap = (command: string, args: string[]) => {
    const f = behind(command, args)
    return o.wrap ? o.wrap(f.command, f.args) : f
  }
  const reach =
    b && net
      ? async () => {
          net.front = await expose(b.serverSocket)
          return net.front.url
        }
      : undefined
  try {
    const env = { ...(o.env ?? defaultServerEnv(o)), ...keyEnv, ...(b ? proxyEnv(b.insideUrl) : {}), ...placeholders }
    server = await startServer({ binary: o.binary, cwd: o.cwd, logDir: o.tmp, config, env, wrap, reach, signal: o.signal, onSpawn: o.onSpawn })
  } catch (e) {
    await scripted?.close()
    await closeNetwork()
    throw e
  }
  const netns = b ? await sandboxNetns(server.pid) : undefined
  return {
    url: server.url,
    password: server.password,
    scriptedLog,
    keyEnv,
    configSha256: sha256(JSON.stringify(config)),
    pid: server.pid,
    network: net?.policy,
    egressLog: net?.log,
    netns,
    async stop(graceMs?: number) {
      await server.stop(graceMs)
      await closeNetwork()
      await scripted?.close()
    },
  }
}
