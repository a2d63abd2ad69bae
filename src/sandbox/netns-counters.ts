// Egress attempts that never reach the egress proxy, counted by the kernel.
// Inside the sandbox's network namespace there is loopback and nothing else:
// a raw socket to an outside address fails with no route (ENETUNREACH), a
// connect to a loopback port nobody listens on is refused, a DNS lookup finds
// no resolver. None of these reaches the proxy, so none is in its log. The
// namespace's own SNMP counters (/proc/<pid>/net/snmp and snmp6 of a process
// inside it) count each of them, and the agent cannot reset or lower them
// (they only grow; no process of the namespace may write them). The harness
// opens the counters at the start of a case — checking that the process is
// still in the sandbox's namespace, so a reused pid cannot show the host's —
// holds the file open (it keeps the namespace's counters readable even if
// every process of the sandbox ends) and reads them again at the end: the
// deltas, by class, become `unrouted` entries of the case's egress log.
//
// The harness's own traffic never moves these counters: it reaches the
// server, and the server the proxy, over loopback ports that listen (the
// bridge's), and OpenCode fetches nothing else (models and updates off).
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs'
import type { EgressEntry } from './egress-proxy.js'

/** A process inside the sandbox's network namespace (a host pid), and that namespace's id as /proc shows it (`net:[4026532175]`). */
export interface NetnsRef {
  pid: number
  ns: string
}

/** One class of attempt outside the proxy: the counters (file.field) whose sum counts it, and what it is. */
export interface UnroutedClass {
  dest: string
  counters: string[]
  why: string
}

/**
 * The classes recorded, each from counters no other class moves (checked in
 * bwrap --unshare-net: a connect or sendto with no route moves Ip/Ip6
 * OutNoRoutes only; a refused loopback connect, Tcp AttemptFails (v4 and v6
 * share the Tcp counters); a datagram to a loopback port with no listener,
 * Udp/Udp6 NoPorts).
 */
export const UNROUTED_CLASSES: UnroutedClass[] = [
  {
    dest: 'ipv4 (no route)',
    counters: ['Ip.OutNoRoutes'],
    why: 'IPv4 to an address outside the namespace (a raw socket, a proxy variable ignored, a DNS server out there): no route, never left',
  },
  { dest: 'ipv6 (no route)', counters: ['Ip6.OutNoRoutes'], why: 'IPv6 to an address outside the namespace: no route, never left' },
  {
    dest: 'loopback tcp (refused)',
    counters: ['Tcp.AttemptFails'],
    why: "TCP to a port of the namespace's own loopback that nobody listens on (v4 or v6; the host's loopback services are not there): refused",
  },
  {
    dest: 'loopback udp (no listener)',
    counters: ['Udp.NoPorts', 'Udp6.NoPorts'],
    why: "UDP to a port of the namespace's own loopback that nobody listens on (a DNS lookup to a local resolver such as 127.0.0.53): dropped",
  },
]

/** The counters of one namespace: `Ip.OutNoRoutes` → value. */
export type NetCounters = Record<string, number>

/** The process's parent pid from /proc/<pid>/stat, or undefined (gone). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

function netnsOf(pid: number | 'self'): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`)
  } catch {
    return undefined
  }
}

/** The children of `pid` from /proc/<pid>/task/<tid>/children (CONFIG_PROC_CHILDREN); undefined when the kernel has no such file. */
function childrenOf(pid: number): number[] | undefined {
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return []
  }
  const out: number[] = []
  for (const tid of tids) {
    try {
      out.push(...readFileSync(`/proc/${pid}/task/${tid}/children`, 'latin1').split(' ').filter(Boolean).map(Number))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && tid === String(pid)) return undefined
    }
  }
  return out
}

/** Every process's children, from one walk of /proc (the fallback where the children files are missing). */
function childrenByScan(): Map<number, number[]> {
  const children = new Map<number, number[]>()
  let pids: number[]
  try {
    pids = readdirSync('/proc')
      .filter((n) => /^[0-9]+$/.test(n))
      .map(Number)
  } catch {
    return children
  }
  for (const pid of pids) {
    const ppid = parentOf(pid)
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  }
  return children
}

/**
 * The shallowest descendant of `rootPid` (the sandbox's bwrap, in the host's
 * namespace) that lives in a network namespace other than the harness's:
 * the sandbox's. Undefined when there is none (not Linux, the sandbox gone,
 * no network namespace).
 */
export function findNetns(rootPid: number): NetnsRef | undefined {
  const own = netnsOf('self')
  if (!own) return undefined
  let scan: Map<number, number[]> | undefined
  const kids = (pid: number): number[] => {
    const direct = scan ? undefined : childrenOf(pid)
    if (direct) return direct
    scan ??= childrenByScan()
    return scan.get(pid) ?? []
  }
  const queue = kids(rootPid)
  while (queue.length > 0) {
    const pid = queue.shift()!
    const ns = netnsOf(pid)
    if (ns && ns !== own) return { pid, ns }
    queue.push(...kids(pid))
  }
  return undefined
}

/** The `Name: field field…` / `Name: value value…` pairs of /proc/net/snmp, and the `NameField value` lines of snmp6. */
export function parseSnmp(snmp: string, snmp6: string): NetCounters {
  const out: NetCounters = {}
  const lines = snmp.split('\n')
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const head = lines[i].trim().split(/\s+/)
    const vals = lines[i + 1].trim().split(/\s+/)
    if (!head[0]?.endsWith(':') || head[0] !== vals[0]) continue
    const group = head[0].slice(0, -1)
    for (let k = 1; k < head.length; k++) out[`${group}.${head[k]}`] = Number(vals[k])
  }
  for (const line of snmp6.split('\n')) {
    const m = /^(Ip6|Icmp6|Udp6|UdpLite6)(\S+)\s+([0-9]+)$/.exec(line.trim())
    if (m) out[`${m[1]}.${m[2]}`] = Number(m[3])
  }
  return out
}

/** An open view of one namespace's counters (the files stay open: see the file's header). */
export interface NetnsCounters {
  read(): NetCounters
  close(): void
}

function readAll(fd: number): string {
  const chunks: Buffer[] = []
  let pos = 0
  for (;;) {
    const b = Buffer.alloc(16384)
    const n = readSync(fd, b, 0, b.length, pos)
    if (n <= 0) break
    chunks.push(b.subarray(0, n))
    pos += n
  }
  return Buffer.concat(chunks).toString('latin1')
}

/**
 * Open the counters of `ref`'s namespace. Throws an Error saying why when the
 * process is gone or no longer in that namespace (its pid reused), or procfs
 * cannot be read.
 */
export function openNetnsCounters(ref: NetnsRef): NetnsCounters {
  const check = () => {
    const now = netnsOf(ref.pid)
    if (now !== ref.ns) throw new Error(`pid ${ref.pid} is ${now ? `in ${now}, not` : 'gone from'} the sandbox's network namespace ${ref.ns}`)
  }
  check()
  const fds = [openSync(`/proc/${ref.pid}/net/snmp`, 'r')]
  try {
    fds.push(openSync(`/proc/${ref.pid}/net/snmp6`, 'r'))
    // The pid was in the namespace before and after the open: the files are that namespace's.
    check()
  } catch (e) {
    for (const fd of fds) closeSync(fd)
    throw e
  }
  return {
    read: () => parseSnmp(readAll(fds[0]), readAll(fds[1])),
    close: () => {
      for (const fd of fds.splice(0)) closeSync(fd)
    },
  }
}

/** The `unrouted` entries of the egress log for the counters' change from `before` to `after`: one per class that moved, with its count. */
export function unroutedEntries(before: NetCounters, after: NetCounters, t: string): EgressEntry[] {
  const out: EgressEntry[] = []
  for (const c of UNROUTED_CLASSES) {
    const count = c.counters.reduce((n, k) => n + Math.max(0, (after[k] ?? 0) - (before[k] ?? 0)), 0)
    if (count === 0) continue
    const from = c.counters.map((k) => k.replace('.', ' ')).join(' + ')
    out.push({ t, kind: 'unrouted', dest: c.dest, allowed: false, why: `${c.why} (kernel counter ${from})`, bytes_out: 0, bytes_in: 0, count })
  }
  return out
}

/**
 * Watch one case: open the counters of `ref`'s namespace now, and `finish()`
 * gives the case's `unrouted` entries. When the counters cannot be had (no
 * namespace was found: `ref.unknown`; the process gone at the start; a read
 * failing at the end), one entry says so (`unknown: …`), so a blind window
 * shows. Never throws.
 */
export function watchUnrouted(ref: NetnsRef | { unknown: string }): { finish(): EgressEntry[] } {
  const t = new Date().toISOString()
  const unknown = (why: string): EgressEntry[] => [
    {
      t,
      kind: 'unrouted',
      dest: 'namespace counters',
      allowed: false,
      why: `unknown: attempts outside the proxy were not counted (${why})`,
      bytes_out: 0,
      bytes_in: 0,
    },
  ]
  if ('unknown' in ref) return { finish: () => unknown(ref.unknown) }
  let counters: NetnsCounters
  let before: NetCounters
  try {
    counters = openNetnsCounters(ref)
    before = counters.read()
  } catch (e) {
    return { finish: () => unknown((e as Error).message) }
  }
  return {
    finish: () => {
      try {
        return unroutedEntries(before, counters.read(), t)
      } catch (e) {
        return unknown((e as Error).message)
      } finally {
        counters.close()
      }
    },
  }
}
