// Processes a run leaves behind, found again by the post step. Every opencode
// process the suite starts goes through a small launcher that writes its pid
// and then execs the command line it was given, keeping that pid (for a
// contained server that command is bwrap, outside the sandbox, so the pid is
// the host's and the file lands where the sandbox could not write); case processes write their
// own pid files in the suite's temp folder. The post step stops what is still
// alive, after checking the pid still belongs to such a process.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { alive } from '../proc.js'

export const OPENCODE_PID_PREFIX = 'opencode-'

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * Write the launcher (`launcher COMMAND ARGS…`: records its pid, then execs
 * the command); returns its path (the suite's `launcher` option).
 */
export function writePidLauncher(stateDir: string): string {
  const pidDir = path.join(stateDir, 'pids')
  const binDir = path.join(stateDir, 'bin')
  mkdirSync(pidDir, { recursive: true })
  mkdirSync(binDir, { recursive: true })
  const launcher = path.join(binDir, 'opencode-launcher')
  const script = [
    '#!/bin/sh',
    '# Written by opencode-dogfood: records the pid so the post step can stop a server left behind.',
    `echo $$ > ${shellQuote(pidDir)}/${OPENCODE_PID_PREFIX}$$.pid`,
    'exec "$@"',
    '',
  ].join('\n')
  writeFileSync(launcher, script)
  chmodSync(launcher, 0o755)
  return launcher
}

export function pidFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return pidFiles(p)
    return e.name.endsWith('.pid') ? [p] : []
  })
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
  } catch {
    const r = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' })
    return r.status === 0 ? r.stdout.trim() : ''
  }
}

/** What a pid file must point at to be ours: opencode (or bwrap around it) for the launcher's, a case process otherwise. */
export function isOurs(pidFile: string, command: string): boolean {
  return path.basename(pidFile).startsWith(OPENCODE_PID_PREFIX) ? /opencode/.test(command) : /\b__case\b/.test(command)
}

function signal(pid: number, sig: NodeJS.Signals): void {
  // The server leads its own process group (its tools are in it too).
  try {
    process.kill(-pid, sig)
  } catch {
    try {
      process.kill(pid, sig)
    } catch {
      // gone
    }
  }
}

export interface Leftover {
  pid: number
  command: string
  stopped: boolean
}

export async function stopLeftovers(dir: string, graceMs = 3000): Promise<Leftover[]> {
  const found: Leftover[] = []
  for (const file of pidFiles(dir)) {
    const pid = Number(readFileSync(file, 'utf8').trim())
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !alive(pid)) continue
    const command = commandLine(pid)
    if (!isOurs(file, command)) continue
    signal(pid, 'SIGTERM')
    const deadline = Date.now() + graceMs
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    if (alive(pid)) signal(pid, 'SIGKILL')
    await new Promise((r) => setTimeout(r, 100))
    found.push({ pid, command, stopped: !alive(pid) })
  }
  return found
}
