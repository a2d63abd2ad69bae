// The containment mechanism: bubblewrap (Linux). It turns a policy into
// mounts and a PID namespace around a command, and says plainly when it
// cannot (no bwrap, user namespaces refused, not Linux), so that `auto` can
// run uncontained and say so while `required` stops before any case.
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import type { ContainmentPolicy } from './policy.js'

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

/** bwrap's own flags for every contained command: read-only root, fresh /dev and /proc, own PID and network namespaces, gone with its parent. */
const BASE = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--unshare-net', '--die-with-parent', '--new-session']

/** The first executable `name` on `pathEnv` (default: this process's PATH), or undefined. */
export function onPath(name: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name)
    try {
      accessSync(file, constants.X_OK)
      return file
    } catch {
      // not here
    }
  }
  return undefined
}

/** bwrap's stderr says that user namespaces were refused (Ubuntu 24.04's AppArmor rule, a sysctl, a seccomp filter). */
export function usernsRefused(stderr: string): boolean {
  return /uid map|Permission denied|Operation not permitted|No permissions to creat/i.test(stderr)
}

/** The outcome of running `bwrap BASE -- true` once: ok, or bwrap's first line of complaint. */
export type BwrapProbe = { ok: true } | { ok: false; error: string }

/** Does `bwrap` work here? Runs the same sandbox every contained command gets, around `true` (10 s bound). Never throws. */
export function probeBwrap(bwrap: string): BwrapProbe {
  const r = spawnSync(bwrap, [...BASE, '--', 'true'], { encoding: 'utf8', timeout: 10_000 })
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
  const probe = probeBwrap(bwrap)
  if (!probe.ok) return none(`bwrap does not work here (${probe.error}): ${fixFor(probe.error)}`)
  return { requested: mode, active: true, mechanism: 'bwrap', bwrap, reason: `bubblewrap ${bwrap}: read-only root, writable allowlist, own PID and network namespaces` }
}

/** The bwrap arguments that enforce `policy` (without the command). */
export function bwrapArgs(policy: ContainmentPolicy): string[] {
  const args = policy.sharedNetwork ? BASE.filter((a) => a !== '--unshare-net') : [...BASE]
  const remount: string[] = []
  for (const r of policy.rules) {
    switch (r.access) {
      case 'private':
        args.push('--tmpfs', r.path)
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
    }
  }
  // A hidden folder becomes read-only only after the holes in it are mounted.
  for (const p of remount) args.push('--remount-ro', p)
  args.push('--chdir', policy.cwd)
  return args
}

/** The command to spawn: `command args` inside the sandbox when containment is active, else as it is. */
export function contain(c: Containment, policy: ContainmentPolicy | undefined, command: string, args: string[]): { command: string; args: string[] } {
  if (!c.active || !policy) return { command, args }
  return { command: c.bwrap!, args: [...bwrapArgs(policy), '--', command, ...args] }
}
