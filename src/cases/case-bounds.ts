// A case's bounds, put together for run-case.ts: the cgroup leaf (when the run
// has cgroups) and the watchdog, started before the agent's turn and closed
// after it. On a breach the case's processes are ended at once and the caller
// is told (it aborts the agent's request; the verdict names the bound).
import path from 'node:path'
import { CaseCgroup } from '../sandbox/cgroup.js'
import { enforcement, startBudgetWatch, type BudgetWatch, type Enforcement } from '../sandbox/budget-watch.js'
import { formatLimits, type Breach, type CaseLimits } from '../sandbox/limits.js'
import { endNewProcesses, type ProcessBaseline } from '../sandbox/processes.js'
import type { CaseContext } from './context.js'

export interface CaseBounds {
  /** For policy.json: the limits, and what enforces each. */
  describe(): { case_limits: string; values: CaseLimits; enforcement: Enforcement; cgroup?: string }
  readonly breach: Breach | undefined
  /** Stop watching, move the server out of the leaf and remove it. Returns notes for the log. */
  close(): string[]
}

/** The paths a case may write: the policy's writable folders (contained), else the worktree's allowlisted entries. */
function writableRoots(ctx: CaseContext): string[] {
  if (ctx.policy) return ctx.policy.rules.filter((r) => r.access === 'write').map((r) => r.path)
  return ctx.writeAllowlist.map((e) => path.join(ctx.workDir, e))
}

/**
 * Start a case's bounds: its cgroup leaf (the server's processes moved in)
 * when the run has cgroups, and the watchdog. `onBreach` runs once, after
 * the case's processes were told to end.
 */
export function startCaseBounds(
  ctx: CaseContext,
  baseline: ProcessBaseline,
  log: (line: string) => void,
  onBreach: (b: Breach) => void,
): CaseBounds | undefined {
  const limits = ctx.limits
  if (!limits) return undefined
  let cgroup: CaseCgroup | undefined
  const notes: string[] = []
  const t0 = performance.now()
  if (ctx.cgroups && (limits.procs !== null || limits.memory !== null)) {
    const serverPids = [...baseline.keys].map((k) => Number(k.split(':')[0]))
    try {
      cgroup = new CaseCgroup(ctx.cgroups, `case-${ctx.caseDef.id}-${process.pid}`, serverPids, limits.procs, limits.memory)
    } catch (e) {
      notes.push(`the case's cgroup could not be made (${(e as Error).message.split('\n')[0]}): the watchdog bounds processes and memory`)
    }
  }
  let cgroupMs = performance.now() - t0
  const kind = cgroup ? ctx.cgroups : undefined
  const enf = enforcement(limits, kind, ctx.cgroupReason ?? 'no cgroup')
  const watch: BudgetWatch = startBudgetWatch({
    limits,
    roots: writableRoots(ctx),
    cgroup,
    baseline,
    onBreach: (b) => {
      // The processes go at once (a fork bomb must not get the next interval); the leftovers pass after the turn finds the rest.
      if (cgroup) cgroup.endOthers()
      else endNewProcesses(baseline, 5000, 0).catch(() => {})
      log(`case limit ${b.limit}: ${b.measured} (limit ${b.max}; ${b.by}); the case is ended`)
      onBreach(b)
    },
  })
  return {
    describe: () => ({
      case_limits: formatLimits(limits),
      values: limits,
      enforcement: enf,
      ...(cgroup ? { cgroup: `${ctx.cgroups!.kind}: a leaf of its own for the case` } : {}),
    }),
    get breach() {
      return watch.breach
    },
    close() {
      watch.stop()
      const t1 = performance.now()
      const problem = cgroup?.close()
      cgroupMs += performance.now() - t1
      // The bounds' own cost, for `npm run bench -- --bounds`.
      const cost = `bounds: ${watch.cost.samples} samples in ${watch.cost.ms.toFixed(1)} ms, cgroup ${cgroupMs.toFixed(1)} ms`
      return problem ? [...notes, problem, cost] : [...notes, cost]
    },
  }
}
