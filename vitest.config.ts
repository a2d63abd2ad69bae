import { defineConfig } from 'vitest/config'
import { filesToSkip } from './test/support/tool-probe.js'

// A test file whose tool (bubblewrap, chromium, ssh-keygen) is missing here is left out with one
// line naming the tool and its install command; DOGFOOD_REQUIRE_TOOLS=1 (CI) leaves out nothing.
const skipped = filesToSkip()
if (skipped.length > 0) {
  console.warn(`${skipped.length} test file(s) skipped for a missing tool (DOGFOOD_REQUIRE_TOOLS=1 makes each a failure):`)
  for (const s of skipped) console.warn(`  skipped: ${s.line}`)
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...skipped.map((s) => s.file)],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Suites share one machine of 2 cores and start real OpenCode servers.
    fileParallelism: false,
  },
})
