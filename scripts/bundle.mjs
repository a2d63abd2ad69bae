// Builds dist/: the Action entry (index.js), its post step (post.js) and the CLI (cli.js).
// One ESM bundle with shared chunks; a createRequire banner lets bundled CommonJS
// dependencies call require() for Node built-ins.
//
// The build goes to a temp folder and is moved in file by file (chunks first,
// entries last, stale files removed after), so a case process that is starting
// from dist/ while a rebuild runs never sees a half-written bundle.
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'

const entries = Object.fromEntries(Object.entries({ index: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' }).filter(([, f]) => existsSync(f)))
const tmp = `dist.tmp-${process.pid}`
await build({
  entryPoints: entries,
  outdir: tmp,
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

function files(dir, base = dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))],
  )
}
const built = files(tmp).sort((a, b) => Number(!a.startsWith('chunks')) - Number(!b.startsWith('chunks')))
for (const f of built) {
  mkdirSync(path.dirname(path.join('dist', f)), { recursive: true })
  renameSync(path.join(tmp, f), path.join('dist', f))
}
const keep = new Set(built)
for (const f of files('dist')) if (!keep.has(f)) rmSync(path.join('dist', f))
rmSync(tmp, { recursive: true })
