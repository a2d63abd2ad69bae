// `npm ci` on a fresh machine needs every optional platform package of
// opencode-ai in the lock file (see scripts/lock-platforms.mjs).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('package-lock.json', () => {
  it("lists every platform package of opencode-ai (else run 'npm run lock:platforms')", () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
    const wrapper = lock.packages['node_modules/opencode-ai']
    const missing = Object.keys(wrapper.optionalDependencies).filter((n) => !lock.packages[`node_modules/${n}`])
    expect(missing).toEqual([])
  })
})
