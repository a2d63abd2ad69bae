// Tests that need a tool the machine may lack (bubblewrap, a browser,
// ssh-keygen) ask for it here. Where it is missing the test is skipped with
// one line naming the tool and its install command, and the run's last lines
// count the skips (test/global-setup.ts). With DOGFOOD_REQUIRE_TOOLS=1 (CI
// sets it) a missing tool is a failure instead: CI never skips.
import { spawnSync } from 'node:child_process'
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import { CHROMIUM } from './browser.js'

export type ToolName = 'bwrap' | 'chromium' | 'ssh-keygen'

interface Tool {
  /** Undefined when the tool works here, else what is wrong. */
  problem(): string | undefined
  install: string
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK)
      return path.join(dir, name)
    } catch {
      // not here
    }
  }
  return undefined
}

const TOOLS: Record<ToolName, Tool> = {
  bwrap: {
    install: 'apt-get install -y bubblewrap',
    problem() {
      const bwrap = onPath('bwrap')
      if (!bwrap) return 'bubblewrap (bwrap) is not on PATH'
      // Present is not enough: Ubuntu 24.04's AppArmor refuses its user namespace.
      const r = spawnSync(bwrap, ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--', 'true'], { encoding: 'utf8', timeout: 10_000 })
      return r.status === 0 ? undefined : `bwrap does not work here (${(r.stderr || `exit ${r.status}`).trim().split('\n')[0]})`
    },
  },
  chromium: {
    install: 'apt-get install -y chromium',
    problem: () => (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing`),
  },
  'ssh-keygen': {
    install: 'apt-get install -y openssh-client',
    problem: () => (onPath('ssh-keygen') ? undefined : 'ssh-keygen is not on PATH'),
  },
}

const cache = new Map<ToolName, string | undefined>()

/** Thrown at collection when a tool is missing and DOGFOOD_REQUIRE_TOOLS=1: the file fails, naming the tool. */
export class MissingToolError extends Error {
  override name = 'MissingToolError'
}

/**
 * Why `what` cannot run here (one line: the tools and their install
 * commands), or undefined when every tool works. A skip is printed and
 * logged for the run's summary; with DOGFOOD_REQUIRE_TOOLS=1 it throws
 * MissingToolError instead.
 */
export function requireTools(tools: ToolName[], what: string): string | undefined {
  const missing = tools.flatMap((t) => {
    if (!cache.has(t)) cache.set(t, TOOLS[t].problem())
    const p = cache.get(t)
    return p ? [`${p} (install: ${TOOLS[t].install})`] : []
  })
  if (missing.length === 0) return undefined
  const line = `${what}: needs ${missing.join('; ')}`
  if (process.env.DOGFOOD_REQUIRE_TOOLS === '1') throw new MissingToolError(`${line} — DOGFOOD_REQUIRE_TOOLS=1 turns this skip into a failure`)
  console.warn(`skipped: ${line}`)
  const log = inject('skipLog')
  if (log) appendFileSync(log, `${line}\n`)
  return line
}

declare module 'vitest' {
  export interface ProvidedContext {
    skipLog: string
  }
}
