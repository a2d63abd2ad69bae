// Every input of action.yml, read and validated before anything runs: a bad
// value fails the step with one line that names the input and what is allowed.
// The parsing rules are the CLI's (suite/inputs.ts), under the action's names.
import path from 'node:path'
import { loadCases } from '../cases/catalog.js'
import { InputError } from '../errors.js'
import { validateAllowlist } from '../guard/allowlist.js'
import { MAX_EVIDENCE_LIMIT } from '../guard/reader.js'
import { checkOpencodeVersion } from '../opencode/binary.js'
import { parseEnvNames, parseList, parseModel, parsePositiveInt, parseRoles, parseUrl } from '../suite/inputs.js'
import { parseRecordPath } from '../cases/record-path.js'
import { parseContainmentMode, type ContainmentMode } from '../sandbox/mechanism.js'
import { BUILTIN_MODEL, DEFAULT_DELETION_ALLOWLIST, DEFAULT_WRITE_ALLOWLIST, type Role } from '../suite/options.js'
import { parseStages, selectCases } from '../suite/plan.js'
import { parseSignKeyContent } from './sign-key.js'
import { parseJunitPath } from '../report/junit.js'
import { CASE_ID_PATTERN, type Stage, type Transport } from '../types.js'

/** The names in action.yml, in its order (a test keeps the two in step). */
export const ACTION_INPUTS = [
  'stages',
  'case',
  'fail-fast',
  'model',
  'roles',
  'cases-file',
  'record',
  'opencode-version',
  'opencode-path',
  'server-url',
  'transport',
  'timeout',
  'latency-budget',
  'evidence-max-bytes',
  'containment',
  'env-pass',
  'jobs',
  'repeat',
  'working-directory',
  'worktree-path',
  'ledger-dir',
  'junit-path',
  'write-allowlist',
  'deletion-allowlist',
  'sign-key',
  'upload-artifact',
  'artifact-name',
  'retention-days',
  'create-check',
  'check-name',
  'github-token',
] as const
export type ActionInputName = (typeof ACTION_INPUTS)[number]

export interface ActionInputs {
  stages: Stage[]
  caseId?: string
  failFast: boolean
  model: string
  roles?: Role[]
  casesFile?: string
  /** Where the recording goes (absolute); undefined: none. */
  recordFile?: string
  opencodeVersion: string
  opencodePath?: string
  serverUrl?: string
  transport: Transport
  caseTimeoutMs: number
  latencyBudgetMs: number
  /** --evidence-max-bytes (undefined: 1 MiB). */
  evidenceMaxBytes?: number
  containment: ContainmentMode
  envPass: string[]
  /** --jobs (undefined: the number of cores). */
  jobs?: number
  /** --repeat (undefined: 1). */
  repeat?: number
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
  uploadArtifact: boolean
  artifactName: string
  /** 0 means the repository's setting. */
  retentionDays: number
  createCheck: boolean
  checkName: string
  githubToken: string
}

export type InputGetter = (name: ActionInputName) => string

/** Engine errors name CLI flags; on the runner the user knows the input names. */
const CLI_TO_INPUT: Record<string, ActionInputName> = {
  '--stages': 'stages',
  '--case': 'case',
  '--model': 'model',
  '--roles': 'roles',
  '--cases-file': 'cases-file',
  '--record': 'record',
  '--server-url': 'server-url',
  '--transport': 'transport',
  '--worktree': 'worktree-path',
  '--ledger-dir': 'ledger-dir',
  '--write-allowlist': 'write-allowlist',
  '--deletion-allowlist': 'deletion-allowlist',
  '--timeout': 'timeout',
  '--latency-budget': 'latency-budget',
  '--evidence-max-bytes': 'evidence-max-bytes',
  '--repo': 'working-directory',
  '--containment': 'containment',
  '--env-pass': 'env-pass',
  '--jobs': 'jobs',
  '--repeat': 'repeat',
  'opencode-path': 'opencode-path',
}

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

const VERSION_PATTERN = /^(latest|[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$/
// Artifact names may not hold these (the results service refuses them).
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/

function within(base: string, value: string): string {
  return path.resolve(base, value)
}

/**
 * Read and check every input. `workspace` is GITHUB_WORKSPACE (relative paths
 * are resolved against it, as the runner does for every other action).
 */
export function readActionInputs(get: InputGetter, workspace: string): ActionInputs {
  const opt = (name: ActionInputName): string | undefined => {
    const v = get(name).trim()
    return v === '' ? undefined : v
  }
  const required = (name: ActionInputName): string => {
    const v = opt(name)
    if (v === undefined) throw new InputError(name, 'is empty; it needs a value (see action.yml for the default)')
    return v
  }
  try {
    const stages = parseStages(required('stages'), 'stages')
    const caseId = opt('case')
    if (caseId !== undefined && !CASE_ID_PATTERN.test(caseId)) throw new InputError('case', `'${caseId}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`)
    const casesFile = opt('cases-file') !== undefined ? within(workspace, opt('cases-file')!) : undefined
    // Unknown case ids and broken case files fail here, before any check run is created.
    selectCases(loadCases(casesFile), stages, caseId)

    const model = parseModel(required('model'), 'model')
    const roles = opt('roles') !== undefined ? parseRoles(opt('roles')!, 'roles') : undefined
    if (roles && model !== BUILTIN_MODEL) {
      for (const r of roles) {
        if (!process.env[r.key_env]) throw new InputError('roles', `role '${r.name}' reads its key from ${r.key_env}, which is not set; map it from a secret in the step's env`)
      }
    }
    const transport = required('transport')
    if (transport !== 'sdk' && transport !== 'cli') throw new InputError('transport', `'${transport}' is not allowed; allowed: sdk, cli`)
    const opencodeVersion = required('opencode-version')
    if (!VERSION_PATTERN.test(opencodeVersion)) throw new InputError('opencode-version', `'${opencodeVersion}' is not an exact version (e.g. 1.18.33) or 'latest'`)
    // Refused here, before anything is installed; the binary itself is checked again where it is resolved.
    if (opencodeVersion !== 'latest') checkOpencodeVersion(opencodeVersion, `input opencode-version`, 'opencode-version')

    const artifactName = required('artifact-name')
    if (ARTIFACT_NAME_FORBIDDEN.test(artifactName)) throw new InputError('artifact-name', `'${artifactName}' holds a character artifact names may not have (" : < > | * ? \\ / or a newline)`)
    const retention = required('retention-days')
    const retentionDays = retention === '0' ? 0 : parsePositiveInt(retention, 'retention-days', 'days (0 = the repository setting)', 400)

    const createCheck = parseBoolean(required('create-check'), 'create-check')
    const githubToken = get('github-token').trim()
    if (createCheck && githubToken === '') throw new InputError('github-token', 'is empty but create-check is true; give a token with checks: write, or set create-check: false')
    const checkName = required('check-name')
    if (checkName.length > 255) throw new InputError('check-name', `is ${checkName.length} characters long; allowed: at most 255`)

    return {
      stages,
      caseId,
      failFast: parseBoolean(required('fail-fast'), 'fail-fast'),
      model,
      roles,
      casesFile,
      recordFile: opt('record') !== undefined ? parseRecordPath(opt('record')!, workspace, 'record') : undefined,
      opencodeVersion,
      opencodePath: opt('opencode-path') !== undefined ? within(workspace, opt('opencode-path')!) : undefined,
      serverUrl: opt('server-url') !== undefined ? parseUrl(opt('server-url')!, 'server-url') : undefined,
      transport,
      caseTimeoutMs: parsePositiveInt(required('timeout'), 'timeout', 'seconds', 3600) * 1000,
      latencyBudgetMs: parsePositiveInt(required('latency-budget'), 'latency-budget', 'milliseconds', 3_600_000),
      evidenceMaxBytes: opt('evidence-max-bytes') !== undefined ? parsePositiveInt(opt('evidence-max-bytes')!, 'evidence-max-bytes', 'bytes', MAX_EVIDENCE_LIMIT) : undefined,
      containment: parseContainmentMode(required('containment'), 'containment'),
      envPass: parseEnvNames(opt('env-pass'), 'env-pass'),
      jobs: opt('jobs') !== undefined ? parsePositiveInt(opt('jobs')!, 'jobs', 'parallel cases', 64) : undefined,
      repeat: opt('repeat') !== undefined ? parsePositiveInt(opt('repeat')!, 'repeat', 'attempts', 100) : undefined,
      repoDir: within(workspace, opt('working-directory') ?? '.'),
      worktreePath: opt('worktree-path') !== undefined ? within(workspace, opt('worktree-path')!) : undefined,
      ledgerDir: opt('ledger-dir') !== undefined ? within(workspace, opt('ledger-dir')!) : undefined,
      junitPath: opt('junit-path') !== undefined ? parseJunitPath(opt('junit-path')!, workspace, 'junit-path') : undefined,
      writeAllowlist: validateAllowlist('write-allowlist', parseList(opt('write-allowlist')) ?? DEFAULT_WRITE_ALLOWLIST),
      deletionAllowlist: validateAllowlist('deletion-allowlist', parseList(opt('deletion-allowlist')) ?? DEFAULT_DELETION_ALLOWLIST),
      signKey: opt('sign-key') !== undefined ? parseSignKeyContent(get('sign-key'), 'sign-key') : undefined,
      uploadArtifact: parseBoolean(required('upload-artifact'), 'upload-artifact'),
      artifactName,
      retentionDays,
      createCheck,
      checkName,
      githubToken,
    }
  } catch (e) {
    throw e instanceof InputError ? asActionInputError(e) : e
  }
}
