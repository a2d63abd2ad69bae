// What the suite hands a case process (as a JSON file; secrets stay in env).
import type { Canary } from '../guard/canary.js'
import type { LedgerExclusion } from '../guard/ledger-watch.js'
import type { Containment } from '../sandbox/mechanism.js'
import type { NetworkPolicy } from '../sandbox/network-policy.js'
import type { NetnsRef } from '../sandbox/netns-counters.js'
import type { RunCgroups } from '../sandbox/cgroup.js'
import type { CaseLimits } from '../sandbox/limits.js'
import type { ContainmentPolicy } from '../sandbox/policy.js'
import type { Role, TokenUsage, Transport } from '../types.js'
import type { CaseDef } from './catalog.js'

/**
 * What a case process is handed, by scope: the run's (fixed for the run, made
 * once), the slot's (its server, its worktree, its sandbox), and the case's
 * own (which case, which attempt, where it writes). The suite builds the run's
 * and each slot's part once and adds the case's; the case process gets the
 * three as one flat JSON object (CaseContext).
 */
export interface RunScope {
  runId: string
  model: string
  transport: Transport
  writeAllowlist: string[]
  deletionAllowlist: string[]
  latencyBudgetMs: number
  /** --case-token-budget: tokens the case's agent calls may use in all; past it the case ends (CLIFAIL, with the reason). */
  caseTokenBudget?: number
  /** Evidence size limit, bytes (guard/reader.ts): content past it is recorded by size and sha256. */
  evidenceMaxBytes: number
  caseTimeoutMs: number
  roles: Role[]
  opencodeBinary?: string
  /** Every opencode process is started through it when set (`launcher BINARY ARGS…`). */
  launcher?: string
  /**
   * Checkouts of the repository the agent must not change (the user's, the
   * main checkout, other worktrees), fingerprinted before and after the case;
   * empty under containment (they are out of the agent's reach, and the run
   * fingerprints them once). `exclude`: the harness's paths inside.
   */
  protectedCheckouts: { dir: string; exclude: string[] }[]
  /** The containment in force. */
  containment: Containment
  /** The ledger folder and the transcripts folder: watched over the agent's window (guard/ledger-watch.ts). */
  evidenceDirs?: string[]
  /** The case's bounds (--case-limits); absent: none. */
  limits?: CaseLimits
  /** The run's cgroups, when a hierarchy is writable (cgroup.ts), and why (not). */
  cgroups?: RunCgroups
  cgroupReason?: string
}

/** What a slot (sandbox + server + worktree) gives every case it runs. */
export interface SlotScope {
  serverUrl: string
  /** The server's basic-auth password (a secret: in the context file, in the harness's temp folder, never in the ledger). */
  serverPassword?: string
  /** Where the agent works: the slot's worktree, or the checkout when run in place. */
  workDir: string
  /** JSONL log of the scripted model (hermetic mode only). */
  scriptedLog?: string
  /** Paths inside workDir (relative, `/`-terminated for folders) the harness itself writes. */
  harnessPaths: string[]
  /** The policy the slot's sandbox enforces (T3's node runs use it too). */
  policy?: ContainmentPolicy
  /** The tag every agent process of the slot carries (PROCESS_TAG_VAR): what is left of them after a case is ended. */
  processTag: string
  /** Environment for agent-written code the checks run (no key). */
  codeEnv: Record<string, string>
  /** Canary files outside the worktree (slot 0's; none beside the other slots). */
  canaries: Canary[]
  /** sha256 of the server's injected configuration; undefined for a server the user runs. */
  configSha256?: string
  /** The network policy the slot's egress proxy applies (undefined: no network namespace, the network is open). */
  network?: NetworkPolicy
  /** The slot's egress log (a harness file, JSONL): the case's window of it becomes its egress evidence. */
  egressLog?: string
  /** The slot's network namespace (sandbox/netns-counters.ts): its kernel counters give the case's attempts that never reached the proxy; `unknown`: why not. */
  netns?: NetnsRef | { unknown: string }
}

/** What is the case's own: which case, and (an attempt of --repeat has a small ledger of its own) where it writes. */
export interface CaseScope {
  caseDef: CaseDef
  /** The ledger the case writes into: RUN_XXXX/, or an attempt's RUN_XXXX/attempts/<ID>/<k>/. */
  runDir: string
  /** Where its transcripts go: logs/agent_calls/<run id>/ (or an attempt's folder under it). */
  agentCallsDir: string
  /** Paths in the evidence folders that cases running beside this one write: left out of the watch. */
  evidenceExclude?: LedgerExclusion[]
  /** Where the case process writes its verdict for the suite. */
  verdictFile: string
}

/** Everything a case process is handed (the three scopes, flat: the context file's JSON shape). */
export type CaseContext = RunScope & SlotScope & CaseScope

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
