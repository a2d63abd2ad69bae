// The watchdog of a case's bounds: every ~250 ms it measures what the case
// has written (bytes allocated and entries, by an lstat walk of the paths it
// may write that follows no link and stops once over), and, where no cgroup
// bounds them, its processes and their memory (from /proc). The first bound
// crossed is reported once (onBreach); the caller ends the case.
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import type { CaseCgroup } from './cgroup.js'
import type { Breach, CaseLimits, LimitName } from './limits.js'
import { findProcesses, type ProcessBaseline } from './processes.js'

/** How often the watchdog samples, ms. */
export const WATCH_INTERVAL_MS = 250

/** What a walk found: entries (files, links, folders…) and bytes allocated (st_blocks × 512: a sparse file costs what it holds). */
export interface DiskUsage {
  entries: number
  bytes: number
  /** The walk stopped at its entry bound: the counts are a floor. */
  truncated: boolean
}

/**
 * Walk `roots` with lstat (no link followed, no file opened), counting
 * entries and allocated bytes, until `maxEntries` entries (then truncated).
 * A root that is missing counts nothing; an entry that vanishes meanwhile is
 * skipped.
 */
export function diskUsage(roots: string[], maxEntries = Number.MAX_SAFE_INTEGER): DiskUsage {
  const u: DiskUsage = { entries: 0, bytes: 0, truncated: false }
  const stack: string[] = []
  for (const r of roots) {
    try {
      const s = lstatSync(r)
      // A root that is one file (a file entry of the allowlist) counts as itself.
      if (s.isDirectory()) stack.push(r)
      else u.bytes += s.blocks * 512
    } catch {
      // missing
    }
  }
  while (stack.length > 0) {
    const dir = stack.pop()!
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) {
      if (u.entries >= maxEntries) {
        u.truncated = true
        return u
      }
      const p = path.join(dir, name)
      try {
        const s = lstatSync(p)
        u.entries++
        u.bytes += s.blocks * 512
        if (s.isDirectory()) stack.push(p)
      } catch {
        // gone meanwhile
      }
    }
  }
  return u
}

/**
 * The case's processes beyond the baseline. Contained, they are the
 * processes of the sandbox's PID namespace (one readlink each: cheap enough
 * under a fork bomb, where reading every process's environment is not);
 * uncontained, the tagged ones.
 */
function caseProcesses(b: ProcessBaseline): number[] {
  if (b.namespaces.size === 0)
    return findProcesses(b.tag)
      .filter((p) => !b.keys.has(p.key))
      .map((p) => p.pid)
  const base = new Set([...b.keys].map((k) => Number(k.split(':')[0])))
  const out: number[] = []
  let names: string[] = []
  try {
    names = readdirSync('/proc')
  } catch {
    return out
  }
  for (const name of names) {
    if (!/^[0-9]+$/.test(name) || base.has(Number(name))) continue
    try {
      if (b.namespaces.has(readlinkSync(`/proc/${name}/ns/pid`))) out.push(Number(name))
    } catch {
      // gone
    }
  }
  return out
}

/**
 * Memory of the processes that is theirs alone, bytes: private pages from
 * /proc/<pid>/smaps_rollup (a child forked from the OpenCode server shares
 * its pages until it writes them; resident size would count them again).
 * Falls back to resident size where smaps_rollup is missing. 0 elsewhere.
 */
function privateBytes(pids: number[]): number {
  let bytes = 0
  for (const pid of pids) {
    try {
      const t = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      for (const k of ['Private_Clean', 'Private_Dirty']) bytes += Number(new RegExp(`^${k}:\\s+([0-9]+) kB`, 'm').exec(t)?.[1] ?? 0) * 1024
    } catch {
      try {
        bytes += (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) || 0) * 4096
      } catch {
        // gone
      }
    }
  }
  return bytes
}

/** Which mechanism enforces each bound, and why (policy.json). */
export type Enforcement = Record<LimitName, { by: 'cgroup v2' | 'cgroup v1' | 'rlimit' | 'watchdog' | 'none'; why: string }>

export interface WatchOptions {
  limits: CaseLimits
  /** The paths the case may write (allowlisted folders of the worktree, OpenCode's state folders). */
  roots: string[]
  /** The case's cgroup leaf, when there is one (processes and memory are then the kernel's to bound; the watchdog reads its counters). */
  cgroup?: CaseCgroup
  /** The agent's processes before the case (without a cgroup: what is new since is the case's). */
  baseline: ProcessBaseline
  onBreach: (b: Breach) => void
  intervalMs?: number
}

/** The running watchdog: stop() ends it and returns the breach, if one was seen. */
export interface BudgetWatch {
  stop(): Breach | undefined
  readonly breach: Breach | undefined
  /** What the watching cost: samples taken and the time they took, ms (the baseline walk included). */
  readonly cost: { samples: number; ms: number }
}

/**
 * Start watching a case's bounds. The disk baseline is taken now (OpenCode's
 * state folders hold what earlier cases left): bytes and entries count from
 * here. Samples every `intervalMs`; the first breach is passed to onBreach
 * and sampling stops.
 */
export function startBudgetWatch(o: WatchOptions): BudgetWatch {
  const { limits } = o
  const disk = limits.disk !== null || limits.files !== null
  const cost = { samples: 0, ms: 0 }
  const t0 = performance.now()
  const start = disk ? diskUsage(o.roots) : { entries: 0, bytes: 0, truncated: false }
  cost.ms += performance.now() - t0
  let breach: Breach | undefined
  let timer: NodeJS.Timeout | undefined
  const found = (b: Breach) => {
    breach = b
    clearTimeout(timer)
    o.onBreach(b)
  }
  const tick = () => {
    if (breach) return
    const t = performance.now()
    try {
      sample()
    } finally {
      cost.samples++
      cost.ms += performance.now() - t
    }
  }
  const sample = () => {
    if (o.cgroup) {
      const s = o.cgroup.sample()
      if (limits.memory !== null && (s.oomKills > 0 || s.atLimit || s.memory >= limits.memory * 0.95)) {
        const how = s.oomKills > 0 ? `the kernel's OOM killer (${s.oomKills} kill(s))` : s.atLimit ? 'the memory limit held its allocations' : 'memory.stat'
        return found({ limit: 'memory', measured: s.memory, max: limits.memory, by: `${how} in the case's cgroup` })
      }
      if (limits.procs !== null && (s.forksRefused > 0 || s.tasks >= limits.procs)) {
        return found({
          limit: 'procs',
          measured: s.tasks,
          max: limits.procs,
          by: `pids.max of the case's cgroup${s.forksRefused > 0 ? ` refused ${s.forksRefused} fork(s)` : ''}`,
        })
      }
    } else if (limits.procs !== null || limits.memory !== null) {
      const fresh = caseProcesses(o.baseline)
      if (limits.procs !== null && fresh.length > limits.procs)
        return found({ limit: 'procs', measured: fresh.length, max: limits.procs, by: 'watchdog (/proc scan)' })
      const rss = limits.memory !== null ? privateBytes(fresh) : 0
      if (limits.memory !== null && rss > limits.memory)
        return found({ limit: 'memory', measured: rss, max: limits.memory, by: "watchdog (private memory of the case's processes)" })
    }
    if (!disk) return
    const bound = limits.files !== null ? start.entries + limits.files + 1 : undefined
    const now = diskUsage(o.roots, bound)
    if (limits.files !== null && now.entries - start.entries > limits.files)
      return found({ limit: 'files', measured: now.entries - start.entries, max: limits.files, by: 'watchdog (lstat walk)' })
    if (limits.disk !== null && now.bytes - start.bytes > limits.disk)
      return found({ limit: 'disk', measured: now.bytes - start.bytes, max: limits.disk, by: 'watchdog (lstat walk)' })
  }
  // Every interval, or ten times what the last sample took when that is longer: a large state folder
  // makes the walk slow, and the watchdog's own cost stays under a tenth of a core.
  let stopped = false
  const schedule = (lastMs: number) => {
    if (stopped || breach) return
    timer = setTimeout(
      () => {
        const t = performance.now()
        tick()
        schedule(performance.now() - t)
      },
      Math.max(o.intervalMs ?? WATCH_INTERVAL_MS, 10 * lastMs),
    )
    timer.unref()
  }
  schedule(cost.ms)
  return {
    stop() {
      stopped = true
      clearTimeout(timer)
      if (!breach) tick()
      return breach
    },
    get breach() {
      return breach
    },
    cost,
  }
}

/**
 * Which mechanism bounds each limit here: processes and memory by the
 * cgroup when there is one, else the watchdog (rlimits are no fit: RLIMIT_NPROC
 * counts every process of the user and does not bind root, RLIMIT_AS and
 * RLIMIT_DATA would bind the OpenCode server itself, which reserves a large
 * address space); disk and files by the watchdog (no kernel counter per folder).
 */
export function enforcement(limits: CaseLimits, cgroup: { kind: 'cgroup v2' | 'cgroup v1' } | undefined, cgroupReason: string): Enforcement {
  const off = { by: 'none' as const, why: 'turned off (--case-limits)' }
  const watch = (what: string) => ({
    by: 'watchdog' as const,
    why: `${what}, sampled every ${WATCH_INTERVAL_MS} ms (or ten times a sample's own time, when longer); no cgroup: ${cgroupReason}; rlimits are no fit (RLIMIT_NPROC counts all of the user's processes and does not bind root; RLIMIT_AS/DATA would bind the OpenCode server itself)`,
  })
  const walk = {
    by: 'watchdog' as const,
    why: `lstat walk of the writable paths every ${WATCH_INTERVAL_MS} ms, or ten times the walk's own time when longer (no kernel counter per folder)`,
  }
  return {
    disk: limits.disk === null ? off : walk,
    files: limits.files === null ? off : walk,
    procs:
      limits.procs === null
        ? off
        : cgroup
          ? { by: cgroup.kind, why: `pids.max of a cgroup leaf per case (${cgroupReason})` }
          : watch('processes of the case counted in /proc'),
    memory:
      limits.memory === null
        ? off
        : cgroup
          ? { by: cgroup.kind, why: `the memory limit of a cgroup leaf per case (${cgroupReason})` }
          : watch("private memory of the case's processes"),
  }
}
