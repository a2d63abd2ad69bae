// No process outlives its case. Every process the agent starts carries the
// run's tag in its environment (the OpenCode server's environment is ours),
// and inside the sandbox it also lives in the sandbox's PID namespace or one
// nested in it (a cleared environment does not hide it there: a process of a
// nested namespace descends from one in the sandbox's).
// After the agent's turn, every tagged process that was not there before the
// case is stopped, recorded and killed; the after-snapshot waits for that.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/** The env var that marks the agent's processes (value: a token per run). */
export const PROCESS_TAG_VAR = 'OPENCODE_DOGFOOD_SANDBOX'

/**
 * The env var that marks the suite's case processes (value: the run's tag).
 * Not PROCESS_TAG_VAR: a case process is the harness's, never ended as the
 * agent's; the reaper waits for these to finish (an orphaned case still
 * restores its tree) before it removes the run's leftovers.
 */
export const CASE_PROCESS_VAR = 'OPENCODE_DOGFOOD_CASE_OF'

/** The env var that gives a case process the suite's pid (what it watches: once that is gone, it ends its case). */
export const SUITE_PID_VAR = 'OPENCODE_DOGFOOD_SUITE_PID'

export interface ProcInfo {
  pid: number
  /** pid + start time (clock ticks since boot): a pid the kernel reuses is another process. */
  key: string
  cmdline: string
  ns: string
}

function read(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

function nsOf(pid: number | 'self'): string {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`)
  } catch {
    return ''
  }
}

/** Parent pid, state and start time from /proc/<pid>/stat (after the ')' that closes the command name). */
function statOf(pid: number): { ppid: number; state: string; start: string } | undefined {
  const stat = read(`/proc/${pid}/stat`)?.toString('latin1')
  if (!stat) return undefined
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { state: fields[0] ?? '?', ppid: Number(fields[1]), start: fields[19] ?? '?' }
}

/**
 * The processes that carry `tag` (in `variable`: by default the agent's
 * PROCESS_TAG_VAR), live in one of `namespaces`, or descend from such a
 * process (Linux /proc; empty elsewhere). Descent covers a process that both
 * cleared its environment and left the sandbox's PID namespace for one of its
 * own (`unshare --user --pid --fork env -i …`): its parent, or after that
 * parent's end the sandbox's init that adopts it, is in the sandbox.
 */
export function findProcesses(tag: string, namespaces: Set<string> = new Set(), variable: string = PROCESS_TAG_VAR): ProcInfo[] {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  const needle = Buffer.from(`${variable}=${tag}\0`)
  const own = nsOf('self')
  const all = new Map<number, { ppid: number; state: string; start: string; ns: string; ours: boolean }>()
  for (const name of names) {
    if (!/^[0-9]+$/.test(name)) continue
    const pid = Number(name)
    if (pid === process.pid) continue
    const st = statOf(pid)
    if (!st) continue
    const ns = nsOf(pid)
    // In the sandbox's namespace is enough: its environment is not read (a fork bomb makes thousands of these).
    const inSandbox = !!ns && ns !== own && namespaces.has(ns)
    const ours = inSandbox || (read(`/proc/${pid}/environ`)?.indexOf(needle) ?? -1) >= 0
    all.set(pid, { ...st, ns, ours })
  }
  const out: ProcInfo[] = []
  for (const [pid, p] of all) {
    let found = p.ours
    // Only what descends from a process in the sandbox's namespace (an uncontained run has none to descend from).
    for (let up = p.ppid, hops = 0; !found && namespaces.size > 0 && hops < 64 && all.has(up); hops++) {
      const a = all.get(up)!
      found = !!a.ns && a.ns !== own && namespaces.has(a.ns)
      up = a.ppid
    }
    if (!found || p.state === 'Z') continue // a zombie has ended; its parent reaps it
    const cmdline = (read(`/proc/${pid}/cmdline`)?.toString('utf8') ?? '').split('\0').filter(Boolean).join(' ')
    out.push({ pid, key: `${pid}:${p.start}`, cmdline, ns: p.ns })
  }
  return out
}

/** The agent's processes before a case: what must not be ended after it (the server itself). */
export interface ProcessBaseline {
  tag: string
  keys: Set<string>
  /** PID namespaces of the sandbox (none when uncontained). */
  namespaces: Set<string>
}

export function processBaseline(tag: string): ProcessBaseline {
  const own = nsOf('self')
  const procs = findProcesses(tag)
  return { tag, keys: new Set(procs.map((p) => p.key)), namespaces: new Set(procs.map((p) => p.ns).filter((n) => n && n !== own)) }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig)
  } catch {
    // gone already
  }
}

/**
 * End every process started since `b`: stop them all first (so none can fork
 * away while the others die), then kill, until a scan finds none. Returns
 * what was found (for processes.txt). Throws if some survive `timeoutMs`.
 */
export async function endNewProcesses(b: ProcessBaseline, timeoutMs = 5000, graceMs = 300): Promise<ProcInfo[]> {
  const seen = new Map<string, ProcInfo>()
  // OpenCode's own after-turn work (its snapshot diffs) ends by itself within
  // moments: what is still there after the grace is what the agent left.
  const graceEnd = Date.now() + graceMs
  while (findProcesses(b.tag, b.namespaces).some((p) => !b.keys.has(p.key)) && Date.now() < graceEnd) await sleep(25)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const fresh = findProcesses(b.tag, b.namespaces).filter((p) => !b.keys.has(p.key))
    if (fresh.length === 0) return [...seen.values()]
    if (Date.now() > deadline) throw new Error(`processes still running after ${timeoutMs} ms: ${fresh.map((p) => `${p.pid} ${p.cmdline}`).join('; ')}`)
    for (const p of fresh) if (!seen.has(p.key)) seen.set(p.key, p)
    for (const p of fresh) signal(p.pid, 'SIGSTOP')
    for (const p of fresh) signal(p.pid, 'SIGKILL')
    await sleep(20)
  }
}

export function formatProcesses(list: ProcInfo[]): string {
  if (list.length === 0) return 'no process started during the case was left running\n'
  return list.map((p) => `${p.pid}\tended\t${JSON.stringify(p.cmdline)}`).join('\n') + '\n'
}
