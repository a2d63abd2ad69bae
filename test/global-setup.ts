// Case processes run from dist/cli.js (Node 20 cannot run .ts), so the tests
// build the bundle first; CI checks that the committed dist/ is fresh. At the
// end it counts the tests skipped for a missing tool (test/support/tools.ts).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-skips-'))
  const log = path.join(dir, 'skips.txt')
  project.provide('skipLog', log)
  return () => {
    const lines = existsSync(log) ? [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))] : []
    rmSync(dir, { recursive: true })
    if (lines.length === 0) return
    console.warn(`\n${lines.length} test group(s) skipped for a missing tool (DOGFOOD_REQUIRE_TOOLS=1 makes each a failure):`)
    for (const l of lines) console.warn(`  - ${l}`)
  }
}
