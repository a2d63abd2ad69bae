// The seam between the suite and the sandbox: from the run's layout and the
// allowlists, the containment policy, the agent's environment (an allowlist),
// the credentials the agent must not see, and the secrets the ledger must not
// hold. The guard (detection) and the sandbox (containment) meet here only.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { realOrResolved } from '../fsutil.js'
import { PreflightError } from '../errors.js'
import { gitEnv } from '../git.js'
import { stateEnv } from '../opencode/server.js'
import { describeFindings, findCredentials, sanitizedViews, type CredentialFinding } from '../sandbox/credentials.js'
import { agentEnv } from '../sandbox/env.js'
import { grantWrites } from '../sandbox/grant.js'
import { makeBridgeDirs, type BridgeDirs } from '../sandbox/bridge.js'
import { contain, type Containment } from '../sandbox/mechanism.js'
import { derivePolicy, type ContainmentPolicy } from '../sandbox/policy.js'
import { PROCESS_TAG_VAR } from '../sandbox/processes.js'
import { secretValues } from '../secrets.js'
import type { Role } from '../types.js'

/**
 * Credentials in the git config the agent's git would read (the user's
 * global config is not: the agent has its own HOME). Without containment a
 * finding stops the run (PreflightError, one line naming the fix).
 */
export async function checkCredentials(repoDir: string, containment: Containment): Promise<CredentialFinding[]> {
  const findings = await findCredentials(repoDir, gitEnv({ GIT_CONFIG_GLOBAL: '/dev/null' }))
  // A helper is no credential itself (with the agent's own HOME it finds none
  // of the user's); under containment the agent's view drops it all the same.
  const stopping = findings.filter((f) => f.kind !== 'credential helper')
  if (stopping.length > 0 && !containment.active) {
    throw new PreflightError(
      describeFindings(stopping).map(
        (d) =>
          `the git config holds a credential the agent could read: ${d}; check out with actions/checkout's \`persist-credentials: false\` (or remove it), or run with containment (bubblewrap) so the agent sees the config without it`,
      ),
    )
  }
  return findings
}

export interface AgentSide {
  /** The policy the sandbox enforces (undefined when containment is off). */
  policy?: ContainmentPolicy
  /** The OpenCode server's environment, without the keys the harness makes up. */
  serverEnv: Record<string, string>
  /** The environment of agent-written code the checks run (T3's node runs): no key at all. */
  codeEnv: Record<string, string>
  /** The tag every agent process carries in its environment. */
  tag: string
  /** Wraps a command line in the sandbox (identity when containment is off). */
  wrap: (command: string, args: string[]) => { command: string; args: string[] }
  /**
   * Runs one case's work: when the agent has its own uid, the write
   * allowlist is its own while `work` runs, and the user's again after
   * (owners as they were; problems go to `note`). Otherwise just `work`.
   */
  duringCase: <T>(work: () => Promise<T>, note?: (line: string) => void) => Promise<T>
  /** The bridge out of the sandbox's network namespace (sandbox/bridge.ts), when contained. */
  bridge?: BridgeDirs
}

export interface AgentSideInput {
  containment: Containment
  workDir: string
  commonDir: string
  /** Checkouts of the repository other than workDir. */
  otherCheckouts: string[]
  writeAllowlist: string[]
  /** Allowlist entries (relative to workDir) that are the harness's. */
  harnessPaths: string[]
  /** Absolute folders of the harness: ledger, transcripts, its temp folder. */
  harnessDirs: string[]
  /** The harness's temp folder for this run (OpenCode's state goes in it). */
  tmp: string
  /** Files the agent needs to read wherever they are (opencode binary). */
  readable: string[]
  /** --read-allow: absolute folders or files shown read-only beyond the system view. */
  readAllow?: string[]
  credentials: CredentialFinding[]
  keyNames: string[]
  envPass: string[]
  /** false: no network namespace (the bench's baseline only, SuiteOptions.networkNamespace). Default true. */
  networkNamespace?: boolean
}

/** The folders a user's own credentials live in (the real HOME, the runner's temp folder): hidden when contained. */
function userSecretsDirs(workDir: string): string[] {
  const out: string[] = []
  for (const d of [os.homedir(), process.env.RUNNER_TEMP]) {
    if (!d || realOrResolved(d) === '/' || realOrResolved(workDir) === realOrResolved(d)) continue
    out.push(d)
  }
  return out
}

export async function prepareAgentSide(i: AgentSideInput): Promise<AgentSide> {
  const tag = randomBytes(12).toString('hex')
  const stateDir = path.join(i.tmp, 'opencode-state')
  const state = stateEnv(stateDir)
  // A dropped agent uid does not own the worktree: git would call it dubious and refuse it (safe.directory, command scope).
  const safeDir: Record<string, string> =
    i.containment.active && i.containment.agent ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: '*' } : {}
  const set = { ...state, ...safeDir, [PROCESS_TAG_VAR]: tag }
  const serverEnv = agentEnv({ from: process.env, keyNames: i.keyNames, pass: i.envPass, set })
  const codeEnv = agentEnv({ from: process.env, keyNames: [], pass: i.envPass, set })
  const plain = <T>(work: () => Promise<T>) => work()
  if (!i.containment.active) return { serverEnv, codeEnv, tag, wrap: (command, args) => ({ command, args }), duringCase: plain }
  const views = await sanitizedViews(i.credentials, path.join(i.tmp, 'views'))
  for (const d of i.harnessDirs) mkdirSync(d, { recursive: true })
  // The way out of the network namespace: the proxy's socket read-only, the server's socket folder writable.
  const bridge = i.networkNamespace === false ? undefined : makeBridgeDirs()
  const policy = derivePolicy({
    workDir: i.workDir,
    writeAllowlist: i.writeAllowlist,
    harnessPaths: i.harnessPaths,
    commonDir: i.commonDir,
    otherCheckouts: i.otherCheckouts,
    hidden: [...i.harnessDirs, ...userSecretsDirs(i.workDir)],
    stateDirs: [stateDir],
    // Node (T3's checks and the bridge's forwarder run it) and the opencode binary may live under a hidden HOME.
    readable: [...i.readable, path.dirname(path.dirname(process.execPath))],
    views,
    readAllow: i.readAllow,
    bridge,
  })
  if (!bridge) policy.sharedNetwork = true
  const wrap = (command: string, args: string[]) => contain(i.containment, policy, command, args)
  const agent = i.containment.agent
  if (!agent) return { policy, serverEnv, codeEnv, tag, bridge, wrap, duringCase: plain }
  // OpenCode's state and the bridge's inner folder are the harness's own, made for this run: the agent's for the whole run.
  const problems: string[] = []
  await grantWrites(policy, agent, 'run', problems)
  if (problems.length > 0) throw new PreflightError(problems.map((p) => `a folder of the run cannot be given to the agent's uid ${agent.uid}: ${p}`))
  const duringCase = async <T>(work: () => Promise<T>, note?: (line: string) => void): Promise<T> => {
    const granted: string[] = []
    const grant = await grantWrites(policy, agent, 'case', granted)
    try {
      return await work()
    } finally {
      for (const line of [...granted, ...(await grant.giveBack())]) note?.(`write grant: ${line}`)
    }
  }
  return { policy, serverEnv, codeEnv, tag, bridge, wrap, duringCase }
}

/**
 * Every secret the ledger must not hold, label → value: env vars whose name
 * says secret, the role and model keys, and credentials of the git config.
 */
export function registeredSecrets(env: NodeJS.ProcessEnv, roles: Role[], keyNames: string[], credentials: CredentialFinding[]): Map<string, string> {
  const out = new Map<string, string>()
  const names = [...roles.map((r) => r.key_env), ...keyNames]
  for (const [name, value] of Object.entries(env)) if (value && secretValues({ [name]: value }, names).length > 0) out.set(`env ${name}`, value)
  for (const [n, f] of credentials.entries())
    for (const [i, s] of f.secrets.entries()) if (s.length >= 8) out.set(`git config credential ${n + 1} (${f.kind}) part ${i + 1}`, s)
  return out
}
