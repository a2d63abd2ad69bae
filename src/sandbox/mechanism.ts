// The containment mechanism: bubblewrap (Linux). It turns a policy into
// mounts and a PID namespace around a command, and says plainly when it
// cannot (no bwrap, user namespaces refused, not Linux), so that `auto` can
// run uncontained and say so while `required` stops before any case.
import { spawnSync } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { InputError } from '../errors.js'
import { agentIdentity, dropArgs, type AgentIdentity } from './identity.js'
import { shown, type ContainmentPolicy, type ContainmentRule } from './policy.js'
import { systemView } from './read-view.js'
import { onPath } from './which.js'

export const CONTAINMENT_MODES = ['auto', 'required', 'off'] as const
export type ContainmentMode = (typeof CONTAINMENT_MODES)[number]

/** The containment in force for a run (recorded in policy.json, the summary and the reports). */
export interface Containment {
  /** What the user asked for. */
  requested: ContainmentMode
  /** The agent's processes run inside the sandbox. */
  active: boolean
  mechanism: 'bwrap' | 'none'
  /** The bwrap binary, when active. */
  bwrap?: string
  /** The unprivileged host uid the agent's processes drop to inside the sandbox (the harness runs as root); absent: the harness's own uid. */
  agent?: AgentIdentity
  /** One line: why it is (not) in force. */
  reason: string
}

/** The mode as recorded: "bwrap", or "off (reason)". */
export function containmentLabel(c: Containment): string {
  return c.active ? `${c.mechanism} (${c.requested})` : `none (${c.requested}): ${c.reason}`
}

export function parseContainmentMode(value: string, input = '--containment'): ContainmentMode {
  if ((CONTAINMENT_MODES as readonly string[]).includes(value)) return value as ContainmentMode
  throw new InputError(input, `'${value}' is not allowed; allowed: ${CONTAINMENT_MODES.join(', ')}`)
}

/**
 * bwrap's own flags that every contained command gets: an empty root (bwrap's
 * own tmpfs, made read-only last), fresh /dev and /proc, its own PID
 * namespace and network namespace (loopback only: the bridge is the way
 * out), gone with its parent. What of the host is shown in the root is
 * the policy's read view.
 */
const BASE = ['--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--unshare-net', '--die-with-parent', '--new-session']

/** bwrap's stderr says that user namespaces were refused (Ubuntu 24.04's AppArmor rule, a sysctl, a seccomp filter). */
export function usernsRefused(stderr: string): boolean {
  return /uid map|Permission denied|Operation not permitted|No permissions to creat/i.test(stderr)
}

/** The outcome of running `bwrap BASE -- true` once: ok, or bwrap's first line of complaint. */
export type BwrapProbe = { ok: true } | { ok: false; error: string }

/**
 * Does `bwrap` work here? Runs the sandbox every contained command gets (the
 * system view, and the drop to `agent` when given) around `true` (10 s
 * bound). Never throws.
 */
export function probeBwrap(bwrap: string, agent?: AgentIdentity): BwrapProbe {
  const args = [...mountArgs(systemView()), '--chdir', '/', '--', ...(agent ? dropArgs(agent) : []), realTrue()]
  const r = spawnSync(bwrap, args, { encoding: 'utf8', timeout: 10_000 })
  if (r.status === 0) return { ok: true }
  return { ok: false, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0] }
}

/** The fix for a bwrap that is present but refused (Ubuntu 24.04's AppArmor rule on user namespaces). */
function fixFor(stderr: string): string {
  if (usernsRefused(stderr)) {
    return 'unprivileged user namespaces are refused: on Ubuntu 24.04 run `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or give /usr/bin/bwrap an AppArmor profile), or run as root'
  }
  return 'see bwrap --help'
}

/**
 * Decide the containment for a run. `off`: none. `auto`: bwrap if it works
 * here, else none with the reason. `required`: bwrap, or an InputError
 * naming what is missing and the fix (the run stops before any case).
 * `notOurs`: set when the agent's processes are not ours to wrap (a
 * server the user runs), with why. `bwrapPath`: the bwrap to use (the
 * Action's runner setup found or installed it); default: bwrap on PATH.
 */
export function resolveContainment(mode: ContainmentMode, notOurs?: string, bwrapPath?: string): Containment {
  const none = (reason: string): Containment => {
    if (mode === 'required') throw new InputError('--containment', `required, but ${reason}`)
    return { requested: mode, active: false, mechanism: 'none', reason }
  }
  if (mode === 'off') return { requested: mode, active: false, mechanism: 'none', reason: 'turned off (--containment off)' }
  if (notOurs) return none(notOurs)
  if (process.platform !== 'linux') return none(`no sandbox mechanism on ${process.platform} (bubblewrap is Linux-only)`)
  const bwrap = bwrapPath ?? onPath('bwrap')
  if (!bwrap) return none('bubblewrap (bwrap) is not on PATH: apt-get install -y bubblewrap')
  let agent: AgentIdentity | undefined
  try {
    agent = agentIdentity()
  } catch (e) {
    return none((e as Error).message)
  }
  const probe = probeBwrap(bwrap, agent)
  if (!probe.ok) return none(`bwrap does not work here (${probe.error}): ${fixFor(probe.error)}`)
  const who = agent ? `, the agent as uid ${agent.uid} (not root)` : ''
  return {
    requested: mode,
    active: true,
    mechanism: 'bwrap',
    bwrap,
    agent,
    reason: `bubblewrap ${bwrap}: an allowlist read view, writable allowlist, own PID and network namespaces${who}`,
  }
}

/** The folders above `p`, shallowest first, without the root: /a/b/c → /a, /a/b. */
function ancestors(p: string): string[] {
  const parts = p.split('/').filter(Boolean)
  return parts.slice(0, -1).map((_, i) => '/' + parts.slice(0, i + 1).join('/'))
}

/** `true`'s real path (inside the view: /usr/bin on every distribution this runs on). */
function realTrue(): string {
  const t = onPath('true') ?? '/usr/bin/true'
  try {
    return realpathSync(t)
  } catch {
    return t
  }
}

/** The bwrap arguments that enforce `policy` (without the command). */
export function bwrapArgs(policy: ContainmentPolicy): string[] {
  const args = mountArgs(policy.rules)
  return [...(policy.sharedNetwork ? args.filter((a) => a !== '--unshare-net') : args), '--chdir', policy.cwd]
}

/**
 * The mounts of `rules` (shallowest first) on bwrap's empty root, which is
 * made read-only last. A hidden rule outside everything shown is left out:
 * it is not there at all. A private folder is world-writable with the
 * sticky bit (/tmp's mode), so a dropped agent uid can use it.
 */
function mountArgs(rules: ContainmentRule[]): string[] {
  const args = [...BASE]
  const remount: string[] = []
  const binds: string[] = []
  const made = new Set<string>()
  for (const r of rules) {
    if (r.access === 'hidden' && !shown(r.path, rules)) continue
    // bwrap makes a mount point's missing parents mode 0700 (root's): a dropped agent uid could not pass them.
    for (const a of ancestors(r.path)) {
      if (made.has(a) || binds.some((b) => a === b || a.startsWith(b + '/'))) continue
      args.push('--perms', '0755', '--dir', a)
      made.add(a)
    }
    made.add(r.path)
    if (r.access === 'read' || r.access === 'write' || r.access === 'view') binds.push(r.path)
    switch (r.access) {
      case 'private':
        args.push('--perms', '1777', '--tmpfs', r.path)
        break
      case 'hidden':
        if (r.file) args.push('--ro-bind', '/dev/null', r.path)
        else {
          args.push('--tmpfs', r.path)
          remount.push(r.path)
        }
        break
      case 'read':
        args.push('--ro-bind', r.path, r.path)
        break
      case 'write':
        args.push('--bind', r.path, r.path)
        break
      case 'view':
        args.push('--ro-bind', r.source!, r.path)
        break
      case 'link':
        args.push('--symlink', r.source!, r.path)
        break
    }
  }
  // A hidden folder becomes read-only only after the holes in it are mounted; the root last of all.
  for (const p of remount) args.push('--remount-ro', p)
  args.push('--remount-ro', '/')
  return args
}

/** The command to spawn: `command args` inside the sandbox when containment is active, else as it is. */
export function contain(c: Containment, policy: ContainmentPolicy | undefined, command: string, args: string[]): { command: string; args: string[] } {
  if (!c.active || !policy) return { command, args }
  return { command: c.bwrap!, args: [...bwrapArgs(policy), '--', ...(c.agent ? dropArgs(c.agent) : []), command, ...args] }
}
