// Processes a test run left behind: those whose working folder or command line lies under a folder.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/** `pid command…` of every process whose cwd or command line lies under `dir` (Linux /proc). */
export function processesUnder(dir: string): string[] {
  const out: string[] = []
  for (const pid of readdirSync('/proc').filter((n) => /^[0-9]+$/.test(n))) {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`)
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
      if (cwd.startsWith(dir) || cmd.includes(dir)) out.push(`${pid} ${cmd.slice(0, 120)}`)
    } catch {
      // gone, or not ours to read
    }
  }
  return out
}
