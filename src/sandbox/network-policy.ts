// The network policy: where the agent's processes may connect, as plain data
// beside the file rules (policy.json records both). Under containment the
// agent runs in its own network namespace with no route out; the only way out
// is the bridge to the egress proxy (bridge.ts, egress-proxy.ts), which
// applies these rules. Everything not named here is refused and recorded.
import { InputError } from '../errors.js'
import { providerKeyNames } from './env.js'

/** One destination the proxy lets through. */
export interface NetworkRule {
  /** Host name or IP literal, lower case (no wildcard: a suffix rule lets a DNS label carry data to any subdomain). */
  host: string
  port: number
  /** Why the rule is there, for policy.json. */
  why: string
}

/**
 * A route: a base URL the OpenCode server inside is configured with
 * (http://127.0.0.1:<bridge port>/r/<name>) that the proxy forwards to
 * `upstream`, adding the provider's key itself (key custody: the key never
 * enters the sandbox).
 */
export interface NetworkRoute {
  name: string
  /** The provider's real base URL (http or https), e.g. https://api.openai.com/v1. */
  upstream: string
  /** The header the provider expects its key in, and the variable of the harness's environment that holds it. */
  key?: { header: string; env: string; scheme?: 'Bearer' }
  why: string
}

export interface NetworkPolicy {
  /** namespace: no route out but the proxy; open: the host's network (no namespace could be had), said plainly. */
  mode: 'namespace' | 'open'
  routes: NetworkRoute[]
  rules: NetworkRule[]
  /** One line for the reports. */
  summary: string
}

/**
 * The hosts each provider's API lives at, and the header its key goes in.
 * Shown in --help and the README; a provider not listed here needs its hosts
 * in --egress-allow and keeps its key in the agent's environment.
 */
export const PROVIDER_HOSTS: Record<string, { base: string; header: string; scheme?: 'Bearer' }> = {
  anthropic: { base: 'https://api.anthropic.com/v1', header: 'x-api-key' },
  openai: { base: 'https://api.openai.com/v1', header: 'authorization', scheme: 'Bearer' },
  openrouter: { base: 'https://openrouter.ai/api/v1', header: 'authorization', scheme: 'Bearer' },
  groq: { base: 'https://api.groq.com/openai/v1', header: 'authorization', scheme: 'Bearer' },
  mistral: { base: 'https://api.mistral.ai/v1', header: 'authorization', scheme: 'Bearer' },
  xai: { base: 'https://api.x.ai/v1', header: 'authorization', scheme: 'Bearer' },
  deepseek: { base: 'https://api.deepseek.com', header: 'authorization', scheme: 'Bearer' },
  google: { base: 'https://generativelanguage.googleapis.com/v1beta', header: 'x-goog-api-key' },
}

/** One line per provider: `anthropic: api.anthropic.com:443`, for --help and the README. */
export function providerHostList(): string {
  return Object.entries(PROVIDER_HOSTS)
    .map(([p, h]) => `${p}: ${new URL(h.base).host}`)
    .join(', ')
}

/** `HOST[:PORT]` (default port 443), as --egress-allow takes it. Throws InputError naming `input`. */
export function parseEgressEntry(entry: string, input = '--egress-allow'): NetworkRule {
  const m = /^([a-z0-9.-]+|\[[0-9a-f:]+\])(?::([0-9]{1,5}))?$/i.exec(entry.trim())
  const port = m?.[2] ? Number(m[2]) : 443
  if (!m || port < 1 || port > 65535 || m[1].includes('*')) throw new InputError(input, `'${entry}' is not HOST[:PORT] (no wildcard, port 1-65535)`)
  return { host: m[1].toLowerCase().replace(/^\[|\]$/g, ''), port, why: `${input} ${entry.trim()}` }
}

/** A route's upstream as host:port. */
export function routeDest(r: NetworkRoute): string {
  const u = new URL(r.upstream)
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`
}

export interface NetworkPolicyInput {
  /** The scripted model's base URL (hermetic mode). */
  scriptedUrl?: string
  /** The providers the model and roles use (real providers). */
  providers: string[]
  /** --egress-allow entries. */
  allow: NetworkRule[]
  /** Base URLs in place of PROVIDER_HOSTS' (provider → URL): a gateway of the user's, or a local fake provider in tests (upstreamOverrides). */
  upstreams?: Record<string, string>
}

/** OPENCODE_DOGFOOD_<PROVIDER>_BASE_URL of `env`, provider → URL. */
export function upstreamOverrides(env: NodeJS.ProcessEnv, providers: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of providers) {
    const v = env[`OPENCODE_DOGFOOD_${p.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_BASE_URL`]
    if (v) out[p] = v
  }
  return out
}

/** The providers of `models` whose key the proxy can hold (listed in PROVIDER_HOSTS), each once. */
export function routedProviders(models: string[]): string[] {
  return [...new Set(models.map((m) => m.slice(0, m.indexOf('/'))))].filter((p) => p in PROVIDER_HOSTS)
}

/**
 * Derive the network policy. Hermetic: one route, to the scripted model, and
 * nothing else. Real providers: a route per listed provider (its key added
 * by the proxy) and its host; plus the --egress-allow entries.
 */
export function deriveNetworkPolicy(i: NetworkPolicyInput): NetworkPolicy {
  const routes: NetworkRoute[] = []
  const rules: NetworkRule[] = []
  if (i.scriptedUrl) routes.push({ name: 'scripted', upstream: i.scriptedUrl, why: 'the scripted model (hermetic mode)' })
  for (const p of i.providers) {
    const h = PROVIDER_HOSTS[p]
    if (!h) continue
    routes.push({
      name: p,
      upstream: i.upstreams?.[p] ?? h.base,
      key: { header: h.header, env: providerKeyNames(`${p}/x`)[0], scheme: h.scheme },
      why: `the ${p} API (--model/--roles)`,
    })
  }
  // A route is no rule: the proxy forwards /r/<name>/… to its upstream, but a CONNECT to the same host:port is refused like any other.
  rules.push(...i.allow)
  const dests = [...routes.map((r) => `${r.name} → ${routeDest(r)}`), ...rules.map((r) => `${r.host}:${r.port}`)]
  return { mode: 'namespace', routes, rules, summary: `own network namespace; out only through the egress proxy to ${dests.join(', ') || 'nothing'}` }
}

/**
 * The policy as the ledger records it (policy.json): each route's upstream without what a URL may carry
 * beside its place — user info, query, fragment (a gateway's credentials given in
 * OPENCODE_DOGFOOD_<P>_BASE_URL) — marked `***` where there was user info. The proxy keeps the real one.
 */
export function shownPolicy(p: NetworkPolicy): NetworkPolicy {
  const shown = (url: string): string => {
    try {
      const u = new URL(url)
      const hidden = u.username !== '' || u.password !== ''
      u.username = ''
      u.password = ''
      u.search = ''
      u.hash = ''
      return hidden ? u.href.replace('://', '://***@') : u.href
    } catch {
      return '(not a URL)'
    }
  }
  return { ...p, routes: p.routes.map((r) => ({ ...r, upstream: shown(r.upstream) })) }
}

/** The policy where no namespace could be had: the host's network, said plainly. */
export function openNetwork(reason: string): NetworkPolicy {
  return { mode: 'open', routes: [], rules: [], summary: `OPEN: the agent reaches any host and holds the provider key in its environment (${reason})` }
}

/** The rule that lets host:port through, or undefined (refused). Hosts compare exactly, lower case. */
export function allowedBy(p: NetworkPolicy, host: string, port: number): NetworkRule | undefined {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return p.rules.find((r) => r.host === h && r.port === port)
}
