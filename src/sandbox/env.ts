// The environment of the agent's processes, built from an allowlist: never
// process.env minus a list (a denylist always misses one: the runner names a
// token input INPUT_GITHUB-TOKEN, with a hyphen).
import { splitModel } from '../opencode/config.js'

/** Variables passed through from the harness's environment, whatever the run. */
const BASE_NAMES = ['PATH', 'LANG', 'TZ', 'TERM']
const BASE_PREFIXES = ['LC_']

/**
 * The env vars a provider reads its key (and endpoint) from, as OpenCode's
 * provider catalogue (models.dev) names them. A provider not listed here is
 * assumed to read <PROVIDER>_API_KEY; anything else goes through --env-pass.
 */
const PROVIDER_ENV: Record<string, string[]> = {
  anthropic: ['ANTHROPIC_API_KEY'],
  openai: ['OPENAI_API_KEY'],
  google: ['GOOGLE_GENERATIVE_AI_API_KEY', 'GEMINI_API_KEY'],
  'google-vertex': ['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT', 'GOOGLE_CLOUD_LOCATION', 'VERTEX_LOCATION'],
  'amazon-bedrock': ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_PROFILE', 'AWS_BEARER_TOKEN_BEDROCK'],
  azure: ['AZURE_API_KEY', 'AZURE_RESOURCE_NAME'],
  openrouter: ['OPENROUTER_API_KEY'],
  groq: ['GROQ_API_KEY'],
  mistral: ['MISTRAL_API_KEY'],
  xai: ['XAI_API_KEY'],
  deepseek: ['DEEPSEEK_API_KEY'],
  togetherai: ['TOGETHER_AI_API_KEY'],
  'fireworks-ai': ['FIREWORKS_API_KEY'],
  cerebras: ['CEREBRAS_API_KEY'],
  opencode: ['OPENCODE_API_KEY'],
}

/** The key variables a provider/model reads (see PROVIDER_ENV). */
export function providerKeyNames(model: string): string[] {
  const { providerID } = splitModel(model)
  return PROVIDER_ENV[providerID] ?? [`${providerID.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`]
}

/** The base allowlist (PATH, LANG, LC_*, TZ, TERM) taken from `from`. */
export function baseEnv(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(from)) {
    if (v === undefined) continue
    if (BASE_NAMES.includes(k) || BASE_PREFIXES.some((p) => k.startsWith(p))) out[k] = v
  }
  return out
}

export interface AgentEnvInput {
  /** The harness's environment (the source of every passed variable). */
  from: NodeJS.ProcessEnv
  /** Names of key variables the model and roles need (passed when set). */
  keyNames: string[]
  /** --env-pass: further names the user's cases need. */
  pass: string[]
  /** Set by the harness (isolated HOME/XDG/TMPDIR, network-free flags, config, keys it made up). */
  set: Record<string, string>
}

/** The agent's environment: the base allowlist, the named keys, --env-pass, and what the harness sets. */
export function agentEnv(i: AgentEnvInput): Record<string, string> {
  const env = baseEnv(i.from)
  for (const name of [...i.keyNames, ...i.pass]) {
    const v = i.from[name]
    if (v !== undefined) env[name] = v
  }
  return { ...env, ...i.set }
}
