// What the suite hands a case process (as a JSON file; secrets stay in env).
import type { Role } from '../suite/options.js'
import type { Canary } from '../guard/canary.js'
import type { Transport } from '../types.js'
import type { CaseDef } from './catalog.js'

export interface CaseContext {
  runId: string
  runDir: string
  caseDef: CaseDef
  serverUrl: string
  model: string
  transport: Transport
  /** Where the agent works: the worktree, or the checkout when run in place. */
  workDir: string
  writeAllowlist: string[]
  deletionAllowlist: string[]
  latencyBudgetMs: number
  caseTimeoutMs: number
  /** logs/agent_calls/<run id>/ : transcripts. */
  agentCallsDir: string
  roles: Role[]
  /** JSONL log of the scripted model (hermetic mode only). */
  scriptedLog?: string
  opencodeBinary?: string
  /** Paths inside workDir (relative, `/`-terminated for folders) the harness itself writes. */
  harnessPaths: string[]
  /** The user's checkout, when the cases run in a worktree: it must not change. */
  checkoutDir?: string
  /** Paths inside checkoutDir the harness writes (ledger, transcripts). */
  checkoutExclude: string[]
  /** Canary files outside the worktree. */
  canaries: Canary[]
  /** sha256 of the server's injected configuration; undefined for a server the user runs. */
  configSha256?: string
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
}
