// `npm run dogfood` on a fresh clone uses the committed dist/; build it only if absent.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
