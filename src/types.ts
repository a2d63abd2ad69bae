// Domain types shared by the engine, the CLI and the Action. Names and enums
// follow the plan packet (shared/seed): case ids, stages, failure codes.

export const STAGES = ['T1', 'T2a', 'T2b', 'T3', 'T4'] as const
export type Stage = (typeof STAGES)[number]

export const FAILURE_CODES = [
  'CLIFAIL',
  'MODELNOTFOUND',
  'GITCLEANFAIL',
  'MODIFICATIONFAIL',
  'WORKTREE_REQUIRED',
  'TIMEOUTEXCEEDED',
  'EMPTYRESPONSE',
  'SYNTAXERROR',
  'EVIDENCEMISMATCH',
] as const
export type FailureCode = (typeof FAILURE_CODES)[number]

/** Safety violations stop the run at once unless the case expected them. */
export const SAFETY_CODES: readonly FailureCode[] = ['MODIFICATIONFAIL', 'GITCLEANFAIL', 'WORKTREE_REQUIRED']

/**
 * How the reason of a case whose tree could not be put back begins (its code
 * is EVIDENCEMISMATCH): the run stops after it, as after a safety violation —
 * its worktree is in no known state, so no later case may start from it (what
 * is left there, e.g. a folder the harness may not list, would hide the next
 * case's writes below it).
 */
export const UNRESTORED_REASON = 'the tree could not be restored'

export type ExpectedOutcome = 'SUCCESS' | 'EXPECTED_FAIL'
export type ActualOutcome = 'SUCCESS' | 'FAIL'
export type Status = 'PASS' | 'FAIL'
export type Transport = 'sdk' | 'cli'

/** readonly: no edits, shell limited to read commands; enforce: edits only on the allowlist; off: no prevention. */
export type Prevention = 'readonly' | 'enforce' | 'off'

/** A role of T1C02: which model it uses and which env var holds its key. */
export interface Role {
  name: string
  model: string
  key_env: string
}

export const CASE_ID_PATTERN = /^T[0-9][A-Z]?[A-Z]?[0-9]{2}$/
export const RUN_ID_PATTERN = /^RUN_[0-9]{4}$/

/** One row of the seed's case result schema. */
export interface CaseResult {
  schema_id: 'opencode_dogfood_case_result'
  schema_version: '1.0'
  case_id: string
  stage: Stage
  expected_outcome: ExpectedOutcome
  actual_outcome: ActualOutcome
  status: Status
  failure_code?: FailureCode | null
  run_id: string
  duration_ms: number
  model_id?: string
  transport?: Transport
  repo_commit: string
  evidence: EvidenceEntry[]
  /** Why the verdict is what it is, in one line. */
  reason?: string
}

export interface EvidenceEntry {
  /** Path relative to the run directory, forward slashes. */
  path: string
  sha256: string
  bytes: number
}

/**
 * Tokens and cost OpenCode reported for a case's (or a run's) assistant
 * messages (its AssistantMessage info: tokens.input/output/reasoning,
 * tokens.cache.read/write, cost in US dollars as the provider's price table
 * gives it). `total` is the sum of the five token counts.
 */
export interface TokenUsage {
  input: number
  output: number
  reasoning: number
  cache_read: number
  cache_write: number
  total: number
  /** US dollars. */
  cost: number
}

export interface CaseSummary {
  case_id: string
  stage: Stage
  expected_outcome: ExpectedOutcome
  actual_outcome: ActualOutcome | null
  status: Status | 'SKIPPED'
  failure_code: FailureCode | null
  duration_ms: number
  reason?: string
  /** Paths that broke a gate (for annotations). */
  offending_paths?: string[]
  /** sha256 of cases/<case_id>.result.json (executed cases): the summary vouches for each result. */
  result_sha256?: string
  /** --repeat: how many attempts passed of how many (the case passes only when all did). */
  attempts?: { passed: number; total: number }
  /** Tokens and cost of the case's agent calls (all attempts under --repeat); evidence/<ID>/tokens.json itemises them. */
  tokens?: TokenUsage
  /** What the egress proxy refused during the case (`kind host:port (why)`, at most 20; sandbox/egress-proxy.ts): absent when nothing. */
  egress_denied?: string[]
}

export interface RunSummary {
  schema_id: 'opencode_dogfood_run_summary'
  schema_version: '1.0'
  run_id: string
  repo_commit: string
  total_cases: number
  passed: number
  failed: number
  skipped: number
  final_verdict: Status
  stop_reason?: string
  /** The containment in force: "bwrap (auto)", or "none (mode): why". */
  containment?: string
  /** sha256 over every file of the run but the summary (src/ledger/root.ts; README "The ledger root"). */
  ledger_root?: string
  /** The model the run's cases used (provider/model). */
  model?: string
  /** The OpenCode version the run talked to (its server's, or its binary's). */
  opencode_version?: string
  /** The cases' tokens and cost added up (an added field: the plan packet's fields are unchanged). */
  tokens?: TokenUsage
  /** --shard I/N: which shard of which set this run is (suite/shard.ts; an added field). */
  shard?: ShardInfo
  /** `opencode-dogfood merge`: the shards this run was merged from (merge/; an added field). */
  merged?: MergedInfo
  cases: CaseSummary[]
}

/**
 * A shard's place in its set (suite/shard.ts). The commit, model and OpenCode
 * version are the summary's own repo_commit, model and opencode_version.
 */
export interface ShardInfo {
  /** Given by --shard-set, else derived from commit, case set, model, version and N. */
  set_id: string
  /** 1-based. */
  index: number
  /** N: shards in the set. */
  total: number
  /** sha256 (hex) over the sorted selected case ids and the repeat count. */
  case_set_hash: string
  repeat: number
  /** The whole set's selected case ids, in suite order. */
  cases: string[]
  /** Case id → the attempt numbers (of 1..repeat, the set's numbering) this shard ran; its own attempts/<ID>/1… are these, in order. */
  pairs: Record<string, number[]>
}

/** What a merged run was made of: its set, and each shard's run id and ledger root (their summaries are under shards/<I>/). */
export interface MergedInfo {
  set_id: string
  total: number
  case_set_hash: string
  repeat: number
  shards: { index: number; run_id: string; ledger_root: string }[]
}
