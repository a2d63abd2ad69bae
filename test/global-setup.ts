// Case processes run from dist/cli.js (Node 20 cannot run .ts), so the tests
// build the bundle first; CI checks that the committed dist/ is fresh.
import { execFileSync } from 'node:child_process'

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
}
