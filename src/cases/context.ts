// What the suite hands a case process (as a JSON file; secrets stay in env).
import type { Canary } from '../guard/canary.js'
import type { Containment } from '../sandbox/mechanism.js'
import type { NetnsRef } from '../sandbox/netns-counters.js'
import type { NetworkPolicy } from '../sandbox/network-policy.js'
import type { RunCgroups } from '../sandbox/cgroup.js'
import type { CaseLimits } from '../sandbox/limits.js'
import type { ContainmentPolicy } from '../sandbox/policy.js'
import type { Role, TokenUsage, Transport } from '../types.js'
import type { CaseDef } from './catalog.js'

export interface CaseContext {
  runId: string
  runDir: string
  caseDef: CaseDef
  serverUrl: string
  /** The server's basic-auth password (a secret: in the context file, in the harness's temp folder, never in the ledger). */
  serverPassword?: string
  model: string
  transport: Transport
  /** Where the agent works: the worktree, or the checkout when run in place. */
  workDir: string
  writeAllowlist: string[]
  deletionAllowlist: string[]
  latencyBudgetMs: number
  /** --case-token-budget: tokens the case's agent calls may use in all; past it the case ends (CLIFAIL, with the reason). */
  caseTokenBudget?: number
  /** Evidence size limit, bytes (guard/reader.ts): content past it is recorded by size and sha256. */
  evidenceMaxBytes: number
  caseTimeoutMs: number
  /** logs/agent_calls/<run id>/ : transcripts. */
  agentCallsDir: string
  roles: Role[]
  /** JSONL log of the scripted model (hermetic mode only). */
  scriptedLog?: string
  opencodeBinary?: string
  /** Every opencode process is started through it when set (`launcher BINARY ARGS…`). */
  launcher?: string
  /** Paths inside workDir (relative, `/`-terminated for folders) the harness itself writes. */
  harnessPaths: string[]
  /**
   * Checkouts of the repository the agent must not change (the user's, the
   * main checkout, other worktrees), fingerprinted before and after the case;
   * empty under containment (they are out of the agent's reach, and the run
   * fingerprints them once). `exclude`: the harness's paths inside.
   */
  protectedCheckouts: { dir: string; exclude: string[] }[]
  /** The containment in force, and the policy the sandbox enforces (T3's node runs use it too). */
  containment: Containment
  policy?: ContainmentPolicy
  /** The tag every agent process carries (PROCESS_TAG_VAR): what is left of them after a case is ended. */
  processTag: string
  /** Environment for agent-written code the checks run (no key). */
  codeEnv: Record<string, string>
  /** Canary files outside the worktree. */
  canaries: Canary[]
  /** The ledger folder and the transcripts folder: watched over the agent's window (guard/ledger-watch.ts). */
  evidenceDirs?: string[]
  /** Paths (prefixes) in those folders that cases running beside this one write: left out of the watch. */
  evidenceExclude?: string[]
  /** sha256 of the server's injected configuration; undefined for a server the user runs. */
  configSha256?: string
  /** The network policy the slot's egress proxy applies (undefined: no network namespace, the network is open). */
  network?: NetworkPolicy
  /** The slot's egress log (a harness file, JSONL): the case's window of it becomes its egress evidence. */
  egressLog?: string
  /** The slot's network namespace (sandbox/netns-counters.ts): its kernel counters give the case's attempts that never reached the proxy; `unknown`: why not. */
  netns?: NetnsRef | { unknown: string }
  /** The case's bounds (--case-limits); absent: none. */
  limits?: CaseLimits
  /** The run's cgroups, when a hierarchy is writable (cgroup.ts), and why (not). */
  cgroups?: RunCgroups
  cgroupReason?: string
  /** Where the case process writes its verdict for the suite. */
  verdictFile: string
}

export interface CaseVerdict {
  actual_outcome: 'SUCCESS' | 'FAIL'
  failure_code: string | null
  reason: string
  model_id: string
  transport: Transport
  repo_commit: string
  offending_paths: string[]
  /** What OpenCode reported for the case's assistant messages (also evidence/<ID>/tokens.json). */
  tokens?: TokenUsage
}
