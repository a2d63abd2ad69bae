// What the phases of a run hand each other: prepare (prepare.ts) makes a
// PreparedRun, the pool (pool.ts) starts the slots, the scheduler
// (schedule.ts) runs the entries over them and hands finish (finish.ts) the
// case summaries and the stop reason.
import type { CaseDef } from '../cases/catalog.js'
import type { Share } from './shard.js'
import type { RunScope } from '../cases/context.js'
import type { Canary } from '../guard/canary.js'
import type { Fingerprint } from '../guard/fingerprint.js'
import type { Snapshot } from '../guard/snapshot.js'
import type { CredentialFinding } from '../sandbox/credentials.js'
import type { RunCgroups } from '../sandbox/cgroup.js'
import type { Containment } from '../sandbox/mechanism.js'
import type { CaseSummary, Role } from '../types.js'
import type { AgentSide } from './containment.js'
import type { ProgressEvent, SuiteOptions } from './options.js'
import type { SlotServerInput } from './slots.js'

/** A checkout of the repository the run must leave as it found it, and the harness's paths inside it. */
export interface ProtectedCheckout {
  dir: string
  exclude: string[]
}

/** Everything prepare() fixes for the run: inputs resolved, the checkout checked, the worktree made, the ledger allocated. */
export interface PreparedRun {
  opts: SuiteOptions
  progress: (event: ProgressEvent) => void
  /** The whole catalogue (every slot's server is configured for all of it). */
  catalogue: CaseDef[]
  /** The cases selected (--stages, --case), in suite order; under --shard, those with a pair in this shard. */
  cases: CaseDef[]
  /** This run's share of the (case, attempt) pairs: attempts per case, and the summary's `shard` field (shard.ts). */
  share: Share<CaseDef>
  containment: Containment
  repoDir: string
  ledgerDir: string
  /** logs/agent_calls/ of the checkout, or beside a custom ledger. */
  agentCallsRoot: string
  /** This run's transcripts: <agentCallsRoot>/<run id>/. */
  agentCallsDir: string
  model: string
  hermetic: boolean
  roles: Role[]
  /** The password of a server of the user's (--server-url), from OpenCode's own variable. */
  userPassword?: string
  /** The opencode binary (undefined: the caller's or the user's server, over the SDK). */
  binary?: string
  /** Where slot 0's agent works: the run's worktree, or the checkout itself. */
  workDir: string
  /** --worktree: the worktree the run made for slot 0 (removed at the end when the verdict is PASS). */
  runWorktree?: string
  commonDir: string
  /** Every checkout of the repository but workDir. */
  protectedCheckouts: ProtectedCheckout[]
  /** Their fingerprints before the run (same order). */
  protectedBefore: Fingerprint[]
  /** <common git dir>/opencode: OpenCode's project id; removed at the end if the run made it. */
  opencodeStateFile: string
  hadOpencodeState: boolean
  /** Is workDir a linked worktree (T2b and later need one; --jobs slots only beside one). */
  inWorktree: boolean
  repoCommit: string
  runId: string
  runDir: string
  /** The run's temp folder (case contexts, verdicts, slots' worktrees, OpenCode's state). */
  tmp: string
  /** Paths inside workDir (relative) the harness writes. */
  harnessPaths: string[]
  /** The tree the agent works in (the checkout run in place, or the run's worktree), before any server started: only what remains after the cases' restores counts. */
  workBefore: Snapshot
  runCgroups: { cgroups?: RunCgroups; reason: string }
  canaries: Canary[]
  /** Credentials found in the git config the agent's git reads (hidden from every slot's sandbox). */
  credentials: CredentialFinding[]
  /** The harness's folders (ledger, transcripts, temp): hidden from every slot's sandbox. */
  harnessDirs: string[]
  /** The provider and role key variables the agent's server may see. */
  keyNames: string[]
  /** Slot 0's agent side (policy, environment, tag). */
  agent: AgentSide
  /** The run's made-up keys (hermetic) or the caller's: in every server's and case process's environment. */
  keyEnv: Record<string, string>
  /** What every slot's server is started from (undefined: no server of ours). */
  serverInput?: SlotServerInput
  /** Aborted when slot 0's server cannot start: the other slots' starts are given up. */
  slotsGiveUp: AbortController
  /** The part of every case's context fixed for the run. */
  runScope: RunScope
}

/** What the scheduler hands finish(): every selected case's summary (in suite order) and why the run stopped early, if it did. */
export interface ScheduleResult {
  summaries: CaseSummary[]
  stopReason?: string
}
