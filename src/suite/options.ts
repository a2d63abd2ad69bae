import type { NetworkRule } from '../sandbox/network-policy.js'
import type { CaseLimits } from '../sandbox/limits.js'
import { AGENT_CALLS_SUBDIR, LEDGER_SUBDIR } from '../ledger/layout.js'
import type { ContainmentMode } from '../sandbox/mechanism.js'
import type { CaseSummary, Role, RunSummary, Stage, Transport } from '../types.js'

export type { Role }

export const BUILTIN_MODEL = 'dogfood/scripted'

export const DEFAULT_WRITE_ALLOWLIST = [
  'docs/zz_scratch/opencode_dogfood_probe.md',
  'scripts/opencode_dogfood/sandbox/',
  `${LEDGER_SUBDIR}/`,
  `${AGENT_CALLS_SUBDIR}/`,
]
export const DEFAULT_DELETION_ALLOWLIST: string[] = []

export interface SuiteOptions {
  /** The checkout the run was started from; never changed by the run. */
  repoDir: string
  /** Create this worktree (git worktree add PATH HEAD) and run inside it. */
  worktreePath?: string
  stages: Stage[]
  /** Run only this case (its stage must be among `stages` or stages left default). */
  caseId?: string
  failFast: boolean
  /** provider/model; BUILTIN_MODEL starts the scripted model server. */
  model: string
  /** Use a server the user already runs instead of starting one. */
  serverUrl?: string
  /** Where RUN_XXXX folders go. Default: <repoDir>/artifacts/ledger/opencode_dogfood */
  ledgerDir?: string
  /** Extra user-defined cases (same format as fixtures/cases.json). */
  casesFile?: string
  /** Sign run_summary.json with this OpenSSH private key file (ledger/sign.ts); checked up front. */
  signKey?: string
  /** Write what the provider answered, every model turn of every case, here as a cases file (cases/recording.ts). */
  recordFile?: string
  transport: Transport
  roles?: Role[]
  writeAllowlist: string[]
  deletionAllowlist: string[]
  /** Hard bound on one case process, ms. */
  caseTimeoutMs: number
  /** Latency budget for one prompt, ms (T4E02 uses its own, smaller budget). */
  latencyBudgetMs: number
  /** Tokens one case's agent calls may use in all (OpenCode's counts, every kind added); past it the case ends CLIFAIL with the reason. Default: no limit. */
  caseTokenBudget?: number
  /**
   * Evidence size limit, bytes: a file the agent left is copied into the
   * evidence up to this size; past it only its size and sha256 are recorded
   * (guard/reader.ts). Default DEFAULT_EVIDENCE_MAX_BYTES (1 MiB).
   */
  evidenceMaxBytes?: number
  /** Each case's bounds (disk, files, procs, memory; null: off). Default DEFAULT_CASE_LIMITS. */
  caseLimits?: CaseLimits
  /** auto: the sandbox where it works (default); required: stop if it does not; off: none. */
  containment?: ContainmentMode
  /** The bwrap to use (the Action's runner setup found or installed it); default: bwrap on PATH. */
  bwrapPath?: string
  /**
   * What the Action did to make the sandbox work (action/runner-setup.ts),
   * written into the run folder as runner_setup.json (+ sidecar) before the seal.
   */
  runnerSetup?: object
  /** Env vars passed to the agent beyond the base allowlist and the model's keys (--env-pass). */
  envPass?: string[]
  /** Absolute folders or files shown read-only to the contained agent beyond the system view (--read-allow; checked by parseReadAllow). */
  readAllow?: string[]
  /** --egress-allow: destinations the egress proxy lets through besides the model's API (sandbox/network-policy.ts). */
  egressAllow?: NetworkRule[]
  /** false: contained, but in the host's network (`npm run bench -- --network`'s baseline; no CLI flag). Default true. */
  networkNamespace?: boolean
  /**
   * A command every opencode process is started through, outside the sandbox
   * (`launcher COMMAND ARGS…`): the Action's pid recorder for its post step.
   */
  launcher?: string
  /** opencode binary to use instead of the one from the opencode-ai package. */
  opencodePath?: string
  /** Servers already started by the caller (the benchmark shares one warm server); not stopped by the suite. */
  backends?: import('./backends.js').Backends
  /** Progress lines (the CLI prints them; the Action logs them). */
  onProgress?: (event: ProgressEvent) => void
  /**
   * Aborted on SIGINT/SIGTERM (its reason: the signal's name). The case in
   * flight ends early with its tree restored, the rest are skipped, the ledger
   * is sealed with stop_reason "interrupted by SIGTERM during T2B02".
   */
  interrupt?: AbortSignal
  /**
   * Cases of one stage run at once on this many slots (suite/slots.ts); 1:
   * one at a time. Needs containment (each slot's sandbox hides the others);
   * without it the run is serial and says so. Default: the number of cores.
   */
  jobs?: number
  /**
   * Each selected case runs this many times (suite/repeat.ts): every attempt
   * in a fresh session and process; the case passes only when every attempt
   * does; the pass rate goes into the summary (`attempts`). Default 1.
   */
  repeat?: number
  /**
   * --shard I/N: run only shard I of N of the (case, attempt) pairs
   * (suite/shard.ts); the summary's `shard` field says which of which set.
   * `opencode-dogfood merge` makes one run of the N ledgers.
   */
  shard?: import('./shard.js').ShardSpec
  /** --shard-set ID: the set id of the shards (default: derived from commit, case set, model, OpenCode version and N). */
  shardSet?: string
}

export type ProgressEvent =
  | { kind: 'run-start'; runId: string; runDir: string; cases: number }
  | { kind: 'server-start'; url: string; ms: number /** How the server was warmed (opencode/warm-up.ts). */; warm?: string }
  | { kind: 'containment'; line: string }
  | { kind: 'note'; line: string }
  | { kind: 'case-start'; caseId: string; stage: Stage; index: number; total: number }
  | { kind: 'case-end'; summary: CaseSummary; index: number; total: number }
  | { kind: 'stage-gate'; stage: Stage; reason: string }
  | { kind: 'stop'; reason: string }
  | { kind: 'cleanup'; message: string }

export interface SuiteOutcome {
  runId: string
  runDir: string
  summary: RunSummary
  /** The worktree the cases ran in (undefined when run in place). */
  worktree?: { path: string; removed: boolean; message: string }
  /** Anything that differs in the user's checkout (or any other checkout of the repository) after the run (should be empty). */
  checkoutChanges: string[]
  /** The containment in force, in one line. */
  containment: string
  /** What `verify` finds in this run's ledger after a case's agent tampered with it (empty otherwise: then it is a harness bug and the run throws). */
  ledgerProblems: string[]
}
