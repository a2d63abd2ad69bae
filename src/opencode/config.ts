// The OpenCode configuration injected into the server (merged last, with the
// repository's own opencode.json disabled): the providers, and one agent per
// prevention level, so that one shared server applies each case's policy.
import type { Prevention, Role } from '../types.js'

export const SCRIPTED_PROVIDER = 'dogfood'
export const SCRIPTED_MODEL = 'scripted'
export const SCRIPTED_KEY_ENV = 'DOGFOOD_SCRIPTED_KEY'
/**
 * The scripted model's price, dollars per million tokens (OpenCode's `cost`
 * of a model): made up, but not zero, so that the cost OpenCode computes from
 * the usage the scripted model reports is tested offline like a real one.
 */
export const SCRIPTED_COST = { input: 1, output: 4, cache_read: 0.1, cache_write: 1.25 }

export function agentFor(prevention: Prevention): string {
  return `dogfood-${prevention}`
}

/**
 * Shell commands a read-only or enforcing agent may run (an allowlist: a denylist is bypassable).
 * `sleep` is T4E02's work: a wait longer than its budget, whatever the model's speed.
 */
const READ_COMMANDS = ['ls', 'ls *', 'cat *', 'head *', 'tail *', 'wc *', 'grep *', 'pwd', 'git status*', 'git diff*', 'git log*', 'sleep *']
const BUILD_COMMANDS = ['node --check *', 'node --test*']

function bashAllowlist(commands: string[]): Record<string, 'allow' | 'deny'> {
  const rules: Record<string, 'allow' | 'deny'> = { '*': 'deny' }
  for (const c of commands) rules[c] = 'allow'
  return rules
}

/** An allowlist entry as an OpenCode permission glob. */
function editGlob(entry: string): string {
  return entry.endsWith('/') ? `${entry}*` : entry
}

export function permissionFor(prevention: Prevention, writeAllowlist: string[]): Record<string, unknown> {
  // Nothing is ever left at 'ask': in server mode it would block the session forever.
  const common = {
    question: 'deny',
    webfetch: 'deny',
    websearch: 'deny',
    task: 'deny',
    todowrite: 'allow',
    lsp: 'deny',
    skill: 'deny',
    doom_loop: 'deny',
    read: 'allow',
    glob: 'allow',
    grep: 'allow',
    list: 'allow',
  }
  if (prevention === 'off') return { ...common, edit: 'allow', bash: 'allow', external_directory: 'allow' }
  if (prevention === 'readonly') return { ...common, edit: 'deny', bash: bashAllowlist(READ_COMMANDS), external_directory: 'deny' }
  const edit: Record<string, string> = { '*': 'deny' }
  for (const e of writeAllowlist) edit[editGlob(e)] = 'allow'
  return { ...common, edit, bash: bashAllowlist([...READ_COMMANDS, ...BUILD_COMMANDS]), external_directory: 'deny' }
}

export interface ConfigInput {
  /** provider/model the cases use. */
  model: string
  /** Base URL of the scripted model server, when the model is the built-in one. */
  scriptedUrl?: string
  roles: Role[]
  writeAllowlist: string[]
}

export function splitModel(model: string): { providerID: string; modelID: string } {
  const i = model.indexOf('/')
  return { providerID: model.slice(0, i), modelID: model.slice(i + 1) }
}

export function buildConfig(input: ConfigInput): Record<string, unknown> {
  const agent: Record<string, unknown> = {}
  for (const p of ['readonly', 'enforce', 'off'] as Prevention[]) {
    agent[agentFor(p)] = { description: `opencode-dogfood case agent (prevention: ${p})`, mode: 'primary', permission: permissionFor(p, input.writeAllowlist) }
  }
  const config: Record<string, unknown> = {
    $schema: 'https://opencode.ai/config.json',
    autoupdate: false,
    share: 'disabled',
    // OpenCode's undo snapshots: a `git add` of the whole worktree into a repository of its own at every
    // step (a copy of everything the agent can see, the ledger of earlier cases included when uncontained,
    // kept in OpenCode's state). The guard takes its own snapshots; without these a hermetic run takes
    // about a quarter less time (26–27 s against 35–38 s for the 15 cases, --worktree, measured here).
    snapshot: false,
    model: input.model,
    small_model: input.model,
    agent,
    permission: permissionFor('readonly', input.writeAllowlist),
  }
  if (input.scriptedUrl) {
    const provider: Record<string, unknown> = {}
    const scripted = (key: string) => ({
      npm: '@ai-sdk/openai-compatible',
      name: 'opencode-dogfood scripted model',
      options: { baseURL: input.scriptedUrl, apiKey: `{env:${key}}` },
      models: { [SCRIPTED_MODEL]: { name: 'Scripted (deterministic, offline)', tool_call: true, cost: SCRIPTED_COST } },
    })
    provider[SCRIPTED_PROVIDER] = scripted(SCRIPTED_KEY_ENV)
    for (const r of input.roles) {
      const { providerID } = splitModel(r.model)
      if (providerID !== SCRIPTED_PROVIDER) provider[providerID] = scripted(r.key_env)
    }
    config.provider = provider
    config.enabled_providers = Object.keys(provider)
  }
  return config
}
