// A headless Chromium driven by playwright-core (which never downloads a
// browser): Debian's chromium where it is installed (or DOGFOOD_CHROMIUM),
// else the one the npm registry delivers inside the devDependency
// @sparticuz/chromium (test/support/bundled-chromium.ts). A fresh profile per
// launch, no network features, no sandbox (the tests run as root).
// `browserSkipReason` says why a browser test cannot run: only when neither
// is there (a machine that skipped the devDependencies); with
// DOGFOOD_REQUIRE_TOOLS=1 (CI) that is a failure, not a skip.
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { unpackBundledChromium } from './bundled-chromium.js'
import { CHROMIUM } from './tool-probe.js'
import { requireTools } from './tools.js'

export { CHROMIUM }

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Why the browser tests are skipped here (one line, printed and counted), or undefined when they run. */
export function browserSkipReason(): string | undefined {
  return requireTools(['chromium'], 'the browser test')
}

/** Debian's chromium when installed, else the bundled one (unpacked on first use), with the environment it needs. */
async function browserBinary(): Promise<{ executablePath: string; env?: Record<string, string> }> {
  if (existsSync(CHROMIUM)) return { executablePath: CHROMIUM }
  const bundled = await unpackBundledChromium()
  return { executablePath: bundled.executablePath, env: { ...(process.env as Record<string, string>), ...bundled.env } }
}

/** A persistent context on a fresh user-data-dir; close it when done. */
export async function launchChromium(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-chromium-'))
  const { executablePath, env } = await browserBinary()
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    ...(env ? { env } : {}),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  })
}
