import { defineConfig } from 'vitest/config'

// `npm run docs`: rewrites README.md's run options table and action.yml's inputs from the option table
// (test/option-table.test.ts in its write mode); no bundle, no servers.
export default defineConfig({ test: { include: ['test/option-table.test.ts'] } })
