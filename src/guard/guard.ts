// The tree's guard: snapshot before the agent acts, snapshot after, compare,
// gate against the allowlists. The harness's own paths are left out. The
// case's whole guard (outside the tree too) is case-guard.ts, built on this.
import { compareSnapshots, gateChanges, type Change, type GatePolicy, type Violation } from './compare.js'
import { takeSnapshot, takeSnapshotAfter, type Snapshot } from './snapshot.js'

export interface GuardResult {
  before: Snapshot
  after: Snapshot
  changes: Change[]
  violations: Violation[]
}

/** The work tree's guard: its before-snapshot, and the changes and violations since. */
export class TreeGuard {
  private constructor(
    readonly before: Snapshot,
    private readonly policy: GatePolicy,
    private readonly exclude: string[],
  ) {}

  /** Snapshot the tree at `root` (the harness's `exclude` paths left out). */
  static async start(root: string, policy: GatePolicy, exclude: string[]): Promise<TreeGuard> {
    return new TreeGuard(await takeSnapshot(root, { exclude }), policy, exclude)
  }

  /** Snapshot the tree again; its changes, and those the policy does not allow. */
  async check(): Promise<GuardResult> {
    const after = await takeSnapshotAfter(this.before, { exclude: this.exclude })
    const changes = compareSnapshots(this.before, after)
    return { before: this.before, after, changes, violations: gateChanges(changes, this.policy) }
  }
}

/** The code a set of violations stands for: deletion first, then modification. */
export function primaryCode(violations: Violation[]): Violation['code'] | undefined {
  if (violations.some((v) => v.code === 'GITCLEANFAIL')) return 'GITCLEANFAIL'
  return violations[0]?.code
}
