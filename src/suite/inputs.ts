// Every run input validated up front; an error names the input and what is allowed.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { validateAllowlist } from '../guard/allowlist.js'
import { MAX_EVIDENCE_LIMIT } from '../guard/reader.js'
import { parseRecordPath } from '../cases/record-path.js'
import { InputError } from '../errors.js'
import { checkSignKey } from '../ledger/sign.js'
import { CASE_ID_PATTERN, STAGES, type Transport } from '../types.js'
import { BUILTIN_MODEL, DEFAULT_DELETION_ALLOWLIST, DEFAULT_WRITE_ALLOWLIST, type Role, type SuiteOptions } from './options.js'
import { parseStages } from './plan.js'
import { parseContainmentMode } from '../sandbox/mechanism.js'

export { RUN_OPTIONS } from './run-options.js'

const MODEL_PATTERN = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._:@/-]+$/

export function parseModel(value: string, input = '--model'): string {
  if (!MODEL_PATTERN.test(value)) throw new InputError(input, `'${value}' is not provider/model (e.g. ${BUILTIN_MODEL} or anthropic/claude-sonnet-4-5)`)
  return value
}

export function parseRoles(value: string, input = '--roles'): Role[] {
  const roles = value.split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=([^:]+):([A-Z_][A-Z0-9_]*)$/.exec(item)
    if (!m) throw new InputError(input, `'${item}' is not name=provider/model:KEY_ENV (e.g. planner=anthropic/claude-sonnet-4-5:ANTHROPIC_API_KEY)`)
    return { name: m[1], model: parseModel(m[2], input), key_env: m[3] }
  })
  if (roles.length === 0) throw new InputError(input, 'empty role list; give name=provider/model:KEY_ENV,...')
  const names = new Set<string>()
  for (const r of roles) {
    if (names.has(r.name)) throw new InputError(input, `role '${r.name}' is given twice`)
    names.add(r.name)
  }
  return roles
}

export function parsePositiveInt(value: string, input: string, unit: string, max: number): number {
  if (!/^[0-9]+$/.test(value.trim())) throw new InputError(input, `'${value}' is not a whole number of ${unit}`)
  const n = Number(value)
  if (n <= 0 || n > max) throw new InputError(input, `${n} is out of range; allowed 1..${max} ${unit}`)
  return n
}

export function parseUrl(value: string, input: string): string {
  try {
    const u = new URL(value)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme')
    return u.toString().replace(/\/$/, '')
  } catch {
    throw new InputError(input, `'${value}' is not an http(s) URL (e.g. http://127.0.0.1:4096)`)
  }
}

export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)
}

/** --env-pass: env var names, comma-separated. */
export function parseEnvNames(value: string | undefined, input = '--env-pass'): string[] {
  const names = parseList(value) ?? []
  for (const n of names) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new InputError(input, `'${n}' is not an env var name (letters, digits and _, not starting with a digit)`)
  return names
}

/** --worktree: a path that does not exist yet, or an empty folder (git worktree add makes it). */
export function parseWorktreePath(p: string, input = '--worktree'): string {
  if (!existsSync(p)) return p
  if (!statSync(p).isDirectory()) throw new InputError(input, `${p} is a file; give a path that does not exist yet (or an empty folder): the run creates the worktree there`)
  if (readdirSync(p).length > 0) throw new InputError(input, `${p} is a folder that is not empty; give a path that does not exist yet (or an empty folder)`)
  return p
}

/**
 * node:util parseArgs reads `--timeout -5` as two options ("argument is
 * ambiguous"). A value that looks like a negative number is joined to its
 * option (`--timeout=-5`), so that the option's own check names it.
 */
export function joinNegativeValues(argv: string[], stringOptions: Set<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const next = argv[i + 1]
    if (a.startsWith('--') && !a.includes('=') && stringOptions.has(a.slice(2)) && next !== undefined && /^-[0-9.]/.test(next)) {
      out.push(`${a}=${next}`)
      i++
    } else out.push(a)
  }
  return out
}

type Values = Record<string, string | boolean | undefined>

export function parseSuiteInputs(v: Values, cwd: string): Omit<SuiteOptions, 'onProgress'> {
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined)
  const caseId = str('case')
  if (caseId !== undefined && !CASE_ID_PATTERN.test(caseId)) throw new InputError('--case', `'${caseId}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`)
  if (caseId !== undefined && str('stages') !== undefined)
    throw new InputError('--case', `--case ${caseId} and --stages ${str('stages')} cannot be combined: --case runs one case whatever its stage; give one or the other`)
  const stages = str('stages') !== undefined ? parseStages(str('stages')!) : [...STAGES]
  const transport = (str('transport') ?? 'sdk') as Transport
  if (transport !== 'sdk' && transport !== 'cli') throw new InputError('--transport', `'${transport}' is not allowed; allowed: sdk, cli`)
  const model = parseModel(str('model') ?? BUILTIN_MODEL)
  return {
    repoDir: path.resolve(cwd, str('repo') ?? '.'),
    worktreePath: str('worktree') !== undefined ? parseWorktreePath(path.resolve(cwd, str('worktree')!)) : undefined,
    stages,
    caseId,
    failFast: v['fail-fast'] === true,
    model,
    roles: str('roles') !== undefined ? parseRoles(str('roles')!) : undefined,
    serverUrl: str('server-url') !== undefined ? parseUrl(str('server-url')!, '--server-url') : undefined,
    ledgerDir: str('ledger-dir') !== undefined ? path.resolve(cwd, str('ledger-dir')!) : undefined,
    casesFile: str('cases-file') !== undefined ? path.resolve(cwd, str('cases-file')!) : undefined,
    signKey: str('sign-key') !== undefined ? checkSignKey(path.resolve(cwd, str('sign-key')!), '--sign-key') : undefined,
    recordFile: str('record') !== undefined ? parseRecordPath(str('record')!, cwd) : undefined,
    transport,
    writeAllowlist: validateAllowlist('--write-allowlist', parseList(str('write-allowlist')) ?? DEFAULT_WRITE_ALLOWLIST),
    deletionAllowlist: validateAllowlist('--deletion-allowlist', parseList(str('deletion-allowlist')) ?? DEFAULT_DELETION_ALLOWLIST),
    caseTimeoutMs: parsePositiveInt(str('timeout') ?? '300', '--timeout', 'seconds', 3600) * 1000,
    latencyBudgetMs: parsePositiveInt(str('latency-budget') ?? '120000', '--latency-budget', 'milliseconds', 3_600_000),
    evidenceMaxBytes: str('evidence-max-bytes') !== undefined ? parsePositiveInt(str('evidence-max-bytes')!, '--evidence-max-bytes', 'bytes', MAX_EVIDENCE_LIMIT) : undefined,
    containment: parseContainmentMode(str('containment') ?? 'auto'),
    envPass: parseEnvNames(str('env-pass')),
    jobs: str('jobs') !== undefined ? parsePositiveInt(str('jobs')!, '--jobs', 'parallel cases', 64) : undefined,
    repeat: str('repeat') !== undefined ? parsePositiveInt(str('repeat')!, '--repeat', 'attempts', 100) : undefined,
    opencodePath: str('opencode-path') !== undefined ? path.resolve(cwd, str('opencode-path')!) : undefined,
  }
}
