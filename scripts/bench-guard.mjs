// Benchmark of the guard (issue 3): on a generated repository of 50,000
// committed files, in the same process, warm cache, several repetitions,
// against one `git status --porcelain=v2 -z --untracked-files=all --ignored`:
//  - the check: one snapshot and its comparison with the snapshot taken
//    before (takeSnapshotAfter + compareSnapshots), which is what git status
//    does against its index: the figure the ≤ 1.5× target is read against;
//  - the whole cycle a case pays: the before-snapshot too (takeSnapshot,
//    which also stores untracked content for restore).
// Each for an unchanged tree and for a few changes; median, min and ratio.
//
//   npm run bench:guard                       # 50,000 files, 7 repetitions
//   BENCH_FILES=200000 BENCH_REPS=5 npm run bench:guard
//   BENCH_KEEP=1 npm run bench:guard          # keep the generated repository
//
// The guard is bundled from src/ with esbuild into a temp folder first, so the
// figures are for the code as it stands, not for a stale dist/.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '..')
const FILES = Number(process.env.BENCH_FILES ?? 50_000)
const REPS = Number(process.env.BENCH_REPS ?? 7)
const KEEP = process.env.BENCH_KEEP === '1'

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-guard-'))
const bundle = path.join(work, 'guard.mjs')
await build({
  stdin: {
    contents: [
      "export * from './src/guard/snapshot.ts'",
      "export * from './src/guard/compare.ts'",
      "export * from './src/guard/restore.ts'",
      "export { git } from './src/git.ts'",
    ].join('\n'),
    resolveDir: projectRoot,
    sourcefile: 'bench-entry.ts',
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
})
const guard = await import(pathToFileURL(bundle).href)

const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@b' }
const sh = (cwd, ...args) => execFileSync('git', ['-c', 'gc.auto=0', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 })

// The repository: FILES files in a three-level tree (about 50 per folder),
// committed, with a .gitignore; a few untracked and ignored files beside them.
const REUSE = process.env.BENCH_REPO // a repository an earlier run kept (BENCH_KEEP=1), same BENCH_FILES
const repo = REUSE ?? path.join(work, 'repo')
const t0 = performance.now()
const perDir = 50
const dirs = Math.ceil(FILES / perDir)
let n = REUSE ? FILES : 0
if (!REUSE) {
  mkdirSync(repo)
  sh(repo, 'init', '-q', '-b', 'main')
}
for (let d = 0; d < dirs && n < FILES && !REUSE; d++) {
  const dir = path.join(repo, `pkg${String(d % 50).padStart(2, '0')}`, `mod${String(Math.floor(d / 50)).padStart(3, '0')}`)
  mkdirSync(dir, { recursive: true })
  for (let f = 0; f < perDir && n < FILES; f++, n++) {
    writeFileSync(path.join(dir, `file${String(f).padStart(2, '0')}.ts`), `// file ${n}\nexport const v${n} = ${(n * 2654435761) % 1000003}\n`)
  }
}
if (!REUSE) {
  writeFileSync(path.join(repo, '.gitignore'), 'build/\n*.log\n')
  sh(repo, 'add', '-A')
  sh(repo, 'commit', '-q', '-m', 'generated')
  sh(repo, 'gc', '-q')
  mkdirSync(path.join(repo, 'build'))
  for (let i = 0; i < 20; i++) writeFileSync(path.join(repo, 'build', `out${i}.js`), `ignored ${i}\n`)
  for (let i = 0; i < 5; i++) writeFileSync(path.join(repo, `notes${i}.md`), `untracked ${i}\n`)
  writeFileSync(path.join(repo, 'debug.log'), 'ignored\n')
  sh(repo, 'status', '--porcelain') // refresh the index's stat data, as any checkout would have it
}
// Let the files age past the guard's racy-timestamp window before timing.
await new Promise((r) => setTimeout(r, 2_500))
const genSeconds = ((performance.now() - t0) / 1000).toFixed(1)

const statusArgs = ['status', '--porcelain=v2', '-z', '--untracked-files=all', '--ignored']
async function timeStatus() {
  const t = performance.now()
  const r = await guard.git(repo, statusArgs)
  if (r.exitCode !== 0) throw new Error(r.stderr)
  return performance.now() - t
}
const phases = {}
async function timeGuard(mutate, revert) {
  const timings = {}
  const t = performance.now()
  const before = await guard.takeSnapshot(repo, { timings })
  const beforeMs = performance.now() - t
  mutate?.()
  const ta = performance.now()
  const after = await guard.takeSnapshotAfter(before, { timings })
  const tc = performance.now()
  const changes = guard.compareSnapshots(before, after)
  timings.compare = performance.now() - tc
  const checkMs = performance.now() - ta
  if (!mutate)
    for (const [k, v] of Object.entries(timings)) {
      phases[k] ??= []
      phases[k].push(v)
    }
  revert?.(before, changes)
  return { checkMs, cycleMs: beforeMs + checkMs, changes }
}

const rel = (i) => {
  const d = Math.floor(i / perDir)
  return path.join(
    `pkg${String(d % 50).padStart(2, '0')}`,
    `mod${String(Math.floor(d / 50)).padStart(3, '0')}`,
    `file${String(i % perDir).padStart(2, '0')}.ts`,
  )
}
let round = 0
const fewChanges = () => {
  round++
  appendFileSync(path.join(repo, rel(17)), `// edit ${round}\n`)
  writeFileSync(path.join(repo, rel(4242)), `// rewritten ${round}\n`)
  unlinkSync(path.join(repo, rel(31337 % FILES)))
  writeFileSync(path.join(repo, `new-${round}.ts`), 'export {}\n')
  writeFileSync(path.join(repo, 'build', `new-${round}.js`), 'ignored\n')
}
const EXPECTED_FEW = 5
let restoreFailures = 0
const putBack = async (before, changes) => {
  await guard.restore(before, changes)
  const again = guard.compareSnapshots(before, await guard.takeSnapshotAfter(before))
  if (again.length > 0) restoreFailures++
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const min = (xs) => Math.min(...xs)

// Warm-up: page cache, the bundle's JIT, git's own caches.
await timeStatus()
await timeGuard()

const status = []
const unchanged = { check: [], cycle: [] }
const changed = { check: [], cycle: [] }
for (let i = 0; i < REPS; i++) {
  status.push(await timeStatus())
  const u = await timeGuard()
  if (u.changes.length !== 0) throw new Error(`unchanged tree reported ${u.changes.length} changes`)
  unchanged.check.push(u.checkMs)
  unchanged.cycle.push(u.cycleMs)
  let pending
  const c = await timeGuard(fewChanges, (b, ch) => (pending = [b, ch]))
  if (c.changes.length !== EXPECTED_FEW) throw new Error(`a few changes: expected ${EXPECTED_FEW}, got ${JSON.stringify(c.changes)}`)
  changed.check.push(c.checkMs)
  changed.cycle.push(c.cycleMs)
  await putBack(...pending)
}

const fmt = (x) => `${x.toFixed(1)} ms`
const line = (label, xs) =>
  `${label.padEnd(58)} median ${fmt(median(xs)).padStart(10)}   min ${fmt(min(xs)).padStart(10)}   ratio ${(median(xs) / median(status)).toFixed(2)}x`
console.log(
  `guard benchmark: ${FILES} committed files (+5 untracked, 21 ignored), ${REPS} repetitions, warm cache, node ${process.version}, ${os.cpus().length} cpus`,
)
console.log(`repository generated in ${genSeconds} s at ${repo}`)
console.log(line('git status --porcelain=v2 (baseline)', status))
console.log(line('guard check (snapshot + compare), unchanged tree', unchanged.check))
console.log(line('guard check, 5 changes (2 mod, 1 del, 2 new)', changed.check))
console.log(line('guard whole cycle (before + check), unchanged', unchanged.cycle))
console.log(line('guard whole cycle, 5 changes', changed.cycle))
console.log(
  `phases of the unchanged-tree runs (median ms): ${Object.entries(phases)
    .map(([k, v]) => `${k} ${median(v).toFixed(1)}`)
    .join(', ')}`,
)
console.log(
  `restore after each changed round: ${restoreFailures === 0 ? 'tree matched the before-snapshot every time' : `${restoreFailures} rounds left differences`}`,
)
if (!KEEP) rmSync(work, { recursive: true })
if (restoreFailures > 0) process.exitCode = 1
