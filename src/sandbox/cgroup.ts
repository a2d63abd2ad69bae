// Kernel bounds for a case's processes and memory: a cgroup leaf per case.
// The agent's processes are children of the slot's OpenCode server, which
// lives across cases, so a case's leaf is made at its start and the server's
// processes are moved into it: everything the server starts during the case
// is born there (no race with a fork bomb), and pids.max / the memory limit
// bound it. At the case's end the server moves back to the run's idle leaf,
// what else is left is ended, and the leaf is removed. cgroup v2
// (/sys/fs/cgroup with memory and pids) where it is writable; else the v1
// memory and pids hierarchies where they are writable (hybrid hosts); else
// none, and the watchdog (budget-watch.ts) bounds both by sampling.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type CgroupKind = 'cgroup v2' | 'cgroup v1'

/** The run's cgroups (plain data: it travels to case processes in their context). */
export interface RunCgroups {
  kind: CgroupKind
  /** The run's folder in each hierarchy (v2: one; v1: memory, pids). */
  runDirs: string[]
  /** Which controller each runDir carries, in the same order (v2: 'both'). */
  controllers: ('both' | 'memory' | 'pids')[]
}

/** Set to 1: no cgroup is used, the watchdog bounds processes and memory. */
export const NO_CGROUP_VAR = 'OPENCODE_DOGFOOD_NO_CGROUP'

const V2 = '/sys/fs/cgroup'
const V1 = { memory: '/sys/fs/cgroup/memory', pids: '/sys/fs/cgroup/pids' }
/** Every run's folder lives under this name in each hierarchy: run-<suite pid>-<run id>. */
const BASE = 'opencode-dogfood'

function write(file: string, text: string): void {
  writeFileSync(file, text)
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pids in a cgroup folder and every folder under it. */
function procsUnder(dir: string): number[] {
  const own = read(path.join(dir, 'cgroup.procs')).split('\n').filter(Boolean).map(Number)
  let subs: string[] = []
  try {
    subs = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(dir, d.name))
  } catch {
    // gone
  }
  return [...own, ...subs.flatMap(procsUnder)]
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Kill every process in `dir` and below (but `keep`), stopping them first so none forks away, until none is left or `timeoutMs` passes. */
export function killUnder(dir: string, keep: Set<number> = new Set(), timeoutMs = 5000): number {
  const seen = new Set<number>()
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const pids = procsUnder(dir).filter((p) => !keep.has(p))
    if (pids.length === 0 || Date.now() > deadline) return seen.size
    for (const p of pids) seen.add(p)
    for (const sig of ['SIGSTOP', 'SIGKILL'] as const)
      for (const p of pids) {
        try {
          process.kill(p, sig)
        } catch {
          // gone already
        }
      }
    sleepSync(20)
  }
}

/** Remove a cgroup folder and the ones under it, deepest first (a folder with processes stays). True when gone. */
function removeTree(dir: string): boolean {
  if (!existsSync(dir)) return true
  try {
    for (const d of readdirSync(dir, { withFileTypes: true })) if (d.isDirectory()) removeTree(path.join(dir, d.name))
  } catch {
    // gone
  }
  for (let i = 0; i < 50; i++) {
    try {
      rmdirSync(dir)
      return true
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return true
      if (code !== 'EBUSY') return false
      sleepSync(20) // killed processes leave the cgroup a moment after they die
    }
  }
  return false
}

/** Remove the folders of runs whose suite process is gone (killed outright): their processes are ended first. Returns what was removed. */
export function sweepStaleCgroups(bases: string[]): string[] {
  const removed: string[] = []
  for (const base of bases) {
    let names: string[] = []
    try {
      names = readdirSync(base)
    } catch {
      continue
    }
    for (const name of names) {
      const m = /^run-([0-9]+)-/.exec(name)
      if (!m || alive(Number(m[1]))) continue
      const dir = path.join(base, name)
      killUnder(dir)
      if (removeTree(dir)) removed.push(dir)
    }
  }
  return removed
}

function tryV2(name: string): RunCgroups | string {
  const controllers = read(path.join(V2, 'cgroup.controllers')).split(/\s+/)
  if (!controllers.includes('memory') || !controllers.includes('pids')) return `no cgroup v2 with the memory and pids controllers at ${V2}`
  try {
    const base = path.join(V2, BASE)
    const enable = (dir: string) => {
      const on = read(path.join(dir, 'cgroup.subtree_control')).split(/\s+/)
      if (!on.includes('memory') || !on.includes('pids')) write(path.join(dir, 'cgroup.subtree_control'), '+memory +pids')
    }
    enable(V2)
    mkdirSync(base, { recursive: true })
    enable(base)
    sweepStaleCgroups([base])
    const run = path.join(base, name)
    mkdirSync(run)
    enable(run)
    mkdirSync(path.join(run, 'idle'))
    return { kind: 'cgroup v2', runDirs: [run], controllers: ['both'] }
  } catch (e) {
    return `${V2} is not writable here (${(e as Error).message.split('\n')[0]})`
  }
}

function tryV1(name: string): RunCgroups | string {
  if (!existsSync(path.join(V1.memory, 'memory.limit_in_bytes')) || !existsSync(path.join(V1.pids, 'cgroup.procs')))
    return 'no cgroup v1 memory and pids hierarchies either'
  const made: string[] = []
  try {
    const dirs = [V1.memory, V1.pids].map((h) => path.join(h, BASE))
    for (const d of dirs) mkdirSync(d, { recursive: true })
    sweepStaleCgroups(dirs)
    for (const d of dirs) {
      const run = path.join(d, name)
      mkdirSync(run)
      made.push(run)
      mkdirSync(path.join(run, 'idle'))
    }
    return { kind: 'cgroup v1', runDirs: made, controllers: ['memory', 'pids'] }
  } catch (e) {
    for (const d of made) removeTree(d)
    return `the cgroup v1 hierarchies are not writable here (${(e as Error).message.split('\n')[0]})`
  }
}

/**
 * The run's cgroups: `run-<pid>-<runId>/idle` in each hierarchy, after the
 * folders of dead runs are swept. Linux only; never throws: when no
 * hierarchy is writable, the reason (for policy.json).
 */
export function openRunCgroups(runId: string, pid = process.pid): { cgroups?: RunCgroups; reason: string } {
  if (process.platform !== 'linux') return { reason: `no cgroups on ${process.platform}` }
  // The watchdog alone, on purpose (its tests; a host whose cgroups belong to someone else).
  if (process.env[NO_CGROUP_VAR] === '1') return { reason: `cgroups not used (${NO_CGROUP_VAR}=1)` }
  const name = `run-${pid}-${runId}`
  const v2 = tryV2(name)
  if (typeof v2 !== 'string') return { cgroups: v2, reason: `cgroup v2 under ${path.join(V2, BASE)}` }
  const v1 = tryV1(name)
  if (typeof v1 !== 'string') return { cgroups: v1, reason: `cgroup v1 under ${path.join(V1.memory, BASE)} and ${path.join(V1.pids, BASE)} (${v2})` }
  return { reason: `${v2}; ${v1}` }
}

/** End what is left in the run's cgroups (the servers are stopped by then) and remove them. Returns the folders that could not be removed. */
export function closeRunCgroups(c: RunCgroups): string[] {
  for (const d of c.runDirs) killUnder(d)
  return c.runDirs.filter((d) => !removeTree(d))
}

/** What a case's leaf says at one moment. */
export interface CgroupSample {
  /** Tasks (processes and threads) beyond the server's. */
  tasks: number
  /** Anonymous and shared memory (tmpfs) charged to the leaf since the case began, bytes. */
  memory: number
  /** OOM kills in the leaf. */
  oomKills: number
  /** The leaf is at its memory limit: allocations wait (v1 under_oom) or are throttled (v2 memory.events high). */
  atLimit: boolean
  /** Forks refused at pids.max. */
  forksRefused: number
}

function statField(text: string, key: string): number {
  const m = new RegExp(`^${key} ([0-9]+)$`, 'm').exec(text)
  return m ? Number(m[1]) : 0
}

/** One case's leaf: made, the server moved in, bounded; sampled; closed. */
export class CaseCgroup {
  private readonly leaves: { dir: string; controllers: 'both' | 'memory' | 'pids' }[]
  private readonly baseTasks: number

  /**
   * Make leaf `name` in each of the run's hierarchies, move `serverPids` into
   * it, and bound it: pids.max = the server's tasks + `procs`, the memory
   * limit = `memory` (null: unbounded). Throws when the kernel refuses.
   */
  constructor(
    private readonly run: RunCgroups,
    name: string,
    private readonly serverPids: number[],
    procs: number | null,
    private readonly memoryLimit: number | null,
  ) {
    const memory = memoryLimit
    this.leaves = run.runDirs.map((d, i) => ({ dir: path.join(d, name), controllers: run.controllers[i] }))
    for (const l of this.leaves) {
      mkdirSync(l.dir)
      for (const p of serverPids) this.move(l.dir, p)
    }
    const pidsLeaf = this.pidsLeaf()
    this.baseTasks = Number(read(path.join(pidsLeaf, 'pids.current')).trim() || '0')
    if (procs !== null) write(path.join(pidsLeaf, 'pids.max'), String(this.baseTasks + procs))
    if (memory !== null) {
      // The kernel's OOM killer would pick the largest process of the leaf, which can be the OpenCode server
      // itself: so the leaf never OOM-kills. v2: memory.high throttles at the limit (memory.max, a quarter
      // above it, is the hard stop); v1: at the limit, allocations wait (oom_kill_disable). Either way the
      // watchdog sees it within an interval and ends the case's processes, never the server.
      const m = this.memLeaf()
      if (run.kind === 'cgroup v2') {
        write(path.join(m, 'memory.high'), String(memory))
        write(path.join(m, 'memory.max'), String(memory + Math.max(memory / 4, 64 * 2 ** 20)))
      } else {
        write(path.join(m, 'memory.limit_in_bytes'), String(memory))
        write(path.join(m, 'memory.oom_control'), '1')
      }
    }
  }

  private move(dir: string, pid: number): void {
    try {
      write(path.join(dir, 'cgroup.procs'), String(pid))
    } catch (e) {
      // A process that ended meanwhile cannot move; any other refusal is the kernel's, and is said.
      if (alive(pid)) throw e
    }
  }

  private pidsLeaf(): string {
    return this.leaves.find((l) => l.controllers !== 'memory')!.dir
  }

  private memLeaf(): string {
    return this.leaves.find((l) => l.controllers !== 'pids')!.dir
  }

  /** The leaf's counters now. */
  sample(): CgroupSample {
    const p = this.pidsLeaf()
    const m = this.memLeaf()
    const stat = read(path.join(m, 'memory.stat'))
    const v2 = this.run.kind === 'cgroup v2'
    const events = read(path.join(m, v2 ? 'memory.events' : 'memory.oom_control'))
    const memory = v2 ? statField(stat, 'anon') + statField(stat, 'shmem') : statField(stat, 'rss') + statField(stat, 'shmem')
    return {
      tasks: Math.max(0, Number(read(path.join(p, 'pids.current')).trim() || '0') - this.baseTasks),
      memory,
      oomKills: statField(events, 'oom_kill'),
      // v2: memory.high also counts page cache reclaimed at the limit (a large write): only anonymous and shared memory near it is the case's.
      atLimit: v2 ? statField(events, 'high') > 0 && memory >= (this.memoryLimit ?? Infinity) * 0.9 : statField(events, 'under_oom') > 0,
      forksRefused: statField(read(path.join(p, 'pids.events')), 'max'),
    }
  }

  /** End every process in the leaf but the server's. Returns how many were ended. */
  endOthers(): number {
    const keep = new Set(this.serverPids)
    return Math.max(...this.leaves.map((l) => killUnder(l.dir, keep)))
  }

  /** The server back to the run's idle leaf, anything else in the leaf ended, the leaf removed. Returns a problem, or undefined. */
  close(): string | undefined {
    for (const i of this.leaves.keys()) for (const p of this.serverPids) this.move(path.join(this.run.runDirs[i], 'idle'), p)
    this.endOthers()
    const left = this.leaves.filter((l) => !removeTree(l.dir)).map((l) => l.dir)
    return left.length > 0 ? `cgroup leaf not removed: ${left.join(', ')}` : undefined
  }
}
