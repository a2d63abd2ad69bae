// Debian's chromium driven by playwright-core (which never downloads a
// browser): a fresh profile per launch, no network features, no sandbox (the
// tests run as root). `browserSkipReason` says why a browser test cannot run;
// in CI (CI=true) there is no reason: the test must run and fails without
// chromium.
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM = process.env.DOGFOOD_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Why the browser tests are skipped here, or undefined when they run (always in CI). */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined
  if (process.env.CI) return undefined
  return `${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium); the browser test runs in CI, where it is required`
}

/** A persistent context on a fresh user-data-dir; close it when done. */
export async function launchChromium(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-chromium-'))
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  })
}
