// The mechanism of the runner setup (runner-setup.ts is the policy): running
// apt-get, apparmor_parser, sysctl and tee for real, reading /proc and /sys,
// finding and probing bwrap. Every command gets a minimal environment (no
// secret of the job reaches apt-get or sudo) and a time bound; none throws.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { probeBwrap, type BwrapProbe } from '../sandbox/mechanism.js'
import { onPath } from '../sandbox/which.js'

/** What one command did: exit status (null: killed or not started) and its output. */
export interface CommandResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Everything the setup policy needs from the machine: injectable, so the decisions are unit-testable. */
export interface RunnerHost {
  platform: NodeJS.Platform
  /** Running as uid 0 (no sudo needed). */
  isRoot: boolean
  /** Run `command args` (stdin: `input`); never throws: a missing command is status null with the error in stderr. */
  run(command: string, args: string[], input?: string): CommandResult
  /** A file's text, trimmed; undefined when it cannot be read. */
  read(file: string): string | undefined
  /** An executable on the host's PATH, or undefined. */
  which(name: string): string | undefined
  /** Does this file exist? */
  exists(file: string): boolean
  /** Run the trivial sandbox once with this bwrap. */
  probe(bwrap: string): BwrapProbe
}

/** Where system tools live; added after the job's PATH so that sudo, sysctl and apparmor_parser are found. */
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export interface HostOptions {
  /** The PATH searched for bwrap and the tools (default: this process's PATH). */
  pathEnv?: string
  /** Bound on one command, ms (default 600 s: apt-get on a slow mirror). */
  timeoutMs?: number
}

/** The real machine. */
export function realRunnerHost(opts: HostOptions = {}): RunnerHost {
  const pathEnv = opts.pathEnv ?? process.env.PATH ?? ''
  const toolPath = [pathEnv, SYSTEM_PATH].filter(Boolean).join(':')
  // apt-get and dpkg need a PATH and a locale, nothing else of the job's env.
  const env = { PATH: toolPath, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', DEBIAN_FRONTEND: 'noninteractive', HOME: os.homedir() }
  return {
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    run(command, args, input) {
      const r = spawnSync(command, args, { env, input, encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 16 * 1024 * 1024 })
      return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? `${r.stderr ? '\n' : ''}${r.error.message}` : '') }
    },
    read(file) {
      try {
        return readFileSync(file, 'utf8').trim()
      } catch {
        return undefined
      }
    },
    which: (name) => onPath(name, pathEnv) ?? (name === 'bwrap' ? undefined : onPath(name, SYSTEM_PATH)),
    exists: (file) => existsSync(file),
    probe: probeBwrap,
  }
}
