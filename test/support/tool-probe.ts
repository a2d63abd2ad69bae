// Which tools some tests need, and whether they work on this machine: plain
// Node, no vitest (vitest.config.ts reads it to leave out the test files whose
// tool is missing, each with one line; test/support/tools.ts for finer skips).
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import path from 'node:path'
import { BUNDLED_PACKAGE, bundledBin } from './bundled-chromium.js'

export type ToolName = 'bwrap' | 'chromium' | 'ssh-keygen'

/** How to get each tool (Debian packages; the browser also comes with npm ci). */
export const INSTALL: Record<ToolName, string> = {
  bwrap: 'apt-get install -y bubblewrap',
  chromium: 'npm ci (the devDependency @sparticuz/chromium carries one) or apt-get install -y chromium',
  'ssh-keygen': 'apt-get install -y openssh-client',
}

/** Test files that cannot run without a tool: the tool(s) each needs. */
export const NEEDS: Record<string, ToolName[]> = {
  'test/credentials-e2e.test.ts': ['bwrap'],
  'test/e2e-hand-made.test.ts': ['bwrap'],
  'test/e2e-suite.test.ts': ['bwrap'],
  'test/escapes-hand-made.test.ts': ['bwrap'],
  'test/escapes-worktree-option.test.ts': ['bwrap'],
  'test/failure-codes.test.ts': ['bwrap'],
  'test/jobs.test.ts': ['bwrap'],
  'test/bounds.test.ts': ['bwrap'],
  'test/litter.test.ts': ['bwrap'],
  'test/network-escapes.test.ts': ['bwrap'],
  'test/key-custody.test.ts': ['bwrap'],
  'test/sandbox.test.ts': ['bwrap'],
  'test/action/e2e.test.ts': ['bwrap'],
  'test/action/local-action.test.ts': ['bwrap'],
  'test/action-sign-key.test.ts': ['bwrap', 'ssh-keygen'],
  'test/ledger-sign.test.ts': ['ssh-keygen'],
  'test/sign-cli.test.ts': ['ssh-keygen'],
  'test/report-browser.test.ts': ['chromium'],
  'test/compare-browser.test.ts': ['chromium'],
}

export const CHROMIUM = process.env.DOGFOOD_CHROMIUM ?? '/usr/bin/chromium'

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

const cache = new Map<ToolName, string | undefined>()

/** Undefined when `tool` works here, else what is wrong (one phrase). */
export function toolProblem(tool: ToolName): string | undefined {
  if (cache.has(tool)) return cache.get(tool)
  let p: string | undefined
  if (tool === 'bwrap') {
    const bwrap = onPath('bwrap')
    // Present is not enough: Ubuntu 24.04's AppArmor refuses its user namespace.
    const r = bwrap
      ? spawnSync(bwrap, ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--', 'true'], { encoding: 'utf8', timeout: 10_000 })
      : undefined
    p = !bwrap
      ? 'bubblewrap (bwrap) is not on PATH'
      : r!.status === 0
        ? undefined
        : `bwrap does not work here (${(r!.stderr || `exit ${r!.status}`).trim().split('\n')[0]})`
  } else if (tool === 'chromium') p = existsSync(CHROMIUM) || bundledBin() ? undefined : `${CHROMIUM} is missing and ${BUNDLED_PACKAGE} is not installed`
  else p = onPath('ssh-keygen') ? undefined : 'ssh-keygen is not on PATH'
  cache.set(tool, p)
  return p
}

/** One line for what cannot run: the tools' problems and install commands; undefined when all work. */
export function missingLine(tools: ToolName[], what: string): string | undefined {
  const missing = tools.flatMap((t) => {
    const p = toolProblem(t)
    return p ? [`${p} (install: ${INSTALL[t]})`] : []
  })
  return missing.length === 0 ? undefined : `${what}: needs ${missing.join('; ')}`
}

/**
 * The test files to leave out here, each with its line. With
 * DOGFOOD_REQUIRE_TOOLS=1 (CI) none is left out: a missing tool fails them.
 */
export function filesToSkip(): { file: string; line: string }[] {
  if (process.env.DOGFOOD_REQUIRE_TOOLS === '1') return []
  return Object.entries(NEEDS).flatMap(([file, tools]) => {
    const line = missingLine(tools, file)
    return line ? [{ file, line }] : []
  })
}
