// Every input of action.yml, read and validated before anything runs: a bad
// value fails the step with one line that names the input and what is allowed.
// The inputs, their defaults and their parsing rules are the option table's
// (suite/option-table.ts), the CLI's too, under the action's names.
import { loadCases } from '../cases/catalog.js'
import { InputError } from '../errors.js'
import type { ContainmentMode } from '../sandbox/mechanism.js'
import { type ActionOnlySettings, OPTION_TABLE, type OptionDef } from '../suite/option-table.js'
import { BUILTIN_MODEL, type Role } from '../suite/options.js'
import { selectCases } from '../suite/plan.js'
import type { Stage, Transport } from '../types.js'

/** The names in action.yml, in its order (from the option table; a test keeps the two in step). */
export const ACTION_INPUTS: readonly string[] = OPTION_TABLE.filter((o) => o.input).map((o) => o.input!)
export type ActionInputName = string

/** Every input, parsed: the engine's options under the Action's names, and the Action's own (artifact, check run, install, mode). */
export interface ActionInputs extends ActionOnlySettings {
  stages: Stage[]
  caseId?: string
  failFast: boolean
  model: string
  roles?: Role[]
  casesFile?: string
  /** Where the recording goes (absolute); undefined: none. */
  recordFile?: string
  opencodePath?: string
  serverUrl?: string
  transport: Transport
  caseTimeoutMs: number
  latencyBudgetMs: number
  /** --evidence-max-bytes (undefined: 1 MiB). */
  evidenceMaxBytes?: number
  containment: ContainmentMode
  envPass: string[]
  /** --read-allow (absolute paths; undefined: none). */
  readAllow?: string[]
  /** --jobs (undefined: the number of cores). */
  jobs?: number
  /** --repeat (undefined: 1). */
  repeat?: number
  /** --shard I/N (undefined: the whole run). */
  shard?: import('../suite/shard.js').ShardSpec
  /** --shard-set (undefined: derived). */
  shardSet?: string
  /** The checkout the suite starts from (absolute). */
  repoDir: string
  /** Absolute; undefined means a fresh folder under RUNNER_TEMP. */
  worktreePath?: string
  ledgerDir?: string
  /** Absolute; undefined: no JUnit file. */
  junitPath?: string
  writeAllowlist: string[]
  deletionAllowlist: string[]
  /** The content of an OpenSSH private key (a secret), validated; undefined: the run is not signed. */
  signKey?: string
}

export type InputGetter = (name: ActionInputName) => string

/** Engine errors name CLI flags; on the runner the user knows the input names (the table maps one to the other). */
const CLI_TO_INPUT: Record<string, string> = Object.fromEntries(OPTION_TABLE.filter((o) => o.flag && o.input).map((o) => [`--${o.flag}`, o.input!]))

/** The same error under the action's input name. */
export function asActionInputError(e: InputError): InputError {
  const name = CLI_TO_INPUT[e.input]
  if (!name || name === e.input) return e
  const detail = e.message.startsWith(`${e.input}: `) ? e.message.slice(e.input.length + 2) : e.message
  return new InputError(name, detail)
}

export function parseBoolean(value: string, input: string): boolean {
  if (/^(true|True|TRUE)$/.test(value)) return true
  if (/^(false|False|FALSE)$/.test(value)) return false
  throw new InputError(input, `'${value}' is not a boolean; allowed: true, false`)
}

/** One input's value: its parse, its default's when the runner gave none and the default is empty, else undefined. */
function fromInput(o: OptionDef, get: InputGetter, workspace: string): unknown {
  const name = o.input!
  const raw = get(name).trim()
  const ctx = { name, cwd: workspace, surface: 'action' as const }
  if (raw === '') {
    const fallback = o.actionDefault ?? o.default
    // The runner passes action.yml's default: an input that has one and arrives empty was emptied on purpose.
    if (fallback && !o.emptyOk) throw new InputError(name, 'is empty; it needs a value (see action.yml for the default)')
    if (o.boolean) return false
    if (fallback === '' && o.parse) return o.parse('', ctx)
    return o.emptyOk ? '' : undefined
  }
  if (o.boolean) return parseBoolean(raw, name)
  return o.parse ? o.parse(raw, ctx) : raw
}

/**
 * Read and check every input (the option table's entries with an input).
 * `workspace` is GITHUB_WORKSPACE (relative paths are resolved against it,
 * as the runner does for every other action). Throws InputError naming the input.
 */
export function readActionInputs(get: InputGetter, workspace: string): ActionInputs {
  try {
    const out: Record<string, unknown> = {}
    for (const o of OPTION_TABLE) if (o.input) out[o.key] = fromInput(o, get, workspace)
    const inputs = out as unknown as ActionInputs
    // Unknown case ids and broken case files fail here, before any check run is created.
    selectCases(loadCases(inputs.casesFile), inputs.stages, inputs.caseId)
    if (inputs.roles && inputs.model !== BUILTIN_MODEL) {
      for (const r of inputs.roles) {
        if (!process.env[r.key_env])
          throw new InputError('roles', `role '${r.name}' reads its key from ${r.key_env}, which is not set; map it from a secret in the step's env`)
      }
    }
    if (inputs.mode !== 'merge' && inputs.mergeRoots.length > 0)
      throw new InputError('merge-roots', 'is for mode: merge (the job that merges the shards); a run publishes its own root as the output ledger-root')
    if (inputs.createCheck && inputs.githubToken === '')
      throw new InputError('github-token', 'is empty but create-check is true; give a token with checks: write, or set create-check: false')
    return inputs
  } catch (e) {
    throw e instanceof InputError ? asActionInputError(e) : e
  }
}
