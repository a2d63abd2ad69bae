// Builds dist/: the Action entry (index.js), its post step (post.js) and the CLI (cli.js).
// One ESM bundle with shared chunks; a createRequire banner lets bundled CommonJS
// dependencies call require() for Node built-ins.
import { build } from 'esbuild'
import { existsSync, rmSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
await build({
  entryPoints: Object.fromEntries(Object.entries({ index: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' }).filter(([, f]) => existsSync(f))),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);",
  },
})
