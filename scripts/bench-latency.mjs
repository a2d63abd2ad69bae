// `npm run bench:latency` (issue 11): parallel cases against their floor.
// The built-in suite with every scripted model turn made slow as a real
// provider is (2–6 s before the first byte, then the text streamed word by
// word), run serially (--jobs 1) and with --jobs 4, in one process, each on a
// fresh throwaway repository. The floor, "ideal", is the sum over stages of
// each stage's slowest case (from the serial run's own durations): no
// schedule can beat it. Printed: both runs' case phases (first case start to
// last case end, timed here as the progress lines arrive) and their ratios to
// the ideal, and each run's whole time (start to exit: server starts and
// warm-ups, worktree removal). Target: --jobs 4 ≤ 1.25× the ideal.
//
//   npm run bench:latency
//   BENCH_JOBS=3 BENCH_SEED=7 npm run bench:latency
//   BENCH_LOG=1 npm run bench:latency     (every progress line, timed, on stderr)
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(root, 'dist', 'cli.js')
const JOBS = Number(process.env.BENCH_JOBS ?? 4)
let seed = Number(process.env.BENCH_SEED ?? 11)
const random = () => {
  // mulberry32: the same delays on every machine
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' })

/** The built-in cases restated with slow turns (a restated case keeps every field; its turns replace the script). */
function slowCases(file) {
  const { cases } = JSON.parse(readFileSync(path.join(root, 'fixtures', 'cases.json'), 'utf8'))
  for (const c of cases) {
    for (const t of c.turns ?? []) {
      t.delay_ms = 2000 + Math.floor(random() * 4000)
      if (t.text) t.token_delay_ms = 40
    }
  }
  writeFileSync(file, JSON.stringify({ cases }, null, 2))
}

function makeRepo(base) {
  const repo = path.join(base, 'repo')
  git(base, 'init', '-q', '-b', 'main', repo)
  writeFileSync(path.join(repo, 'README.md'), '# bench:latency\n')
  execFileSync(process.execPath, [cli, 'init', repo], { stdio: 'ignore' })
  git(repo, 'add', '-A')
  git(repo, '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-q', '-m', 'fixtures')
  return repo
}

/** One run: its case phase (ms) and each case's duration and stage from its ledger. */
function run(base, casesFile, jobs) {
  const repo = makeRepo(base)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', '--jobs', String(jobs), '--cases-file', casesFile, '--worktree', path.join(base, 'wt')], { cwd: repo })
    const t0 = performance.now()
    let first
    let last
    let err = ''
    child.stderr.on('data', (d) => {
      const text = d.toString()
      err += text
      const now = performance.now()
      if (process.env.BENCH_LOG)
        for (const line of text.split('\n').filter(Boolean)) process.stderr.write(`[--jobs ${jobs} +${((now - t0) / 1000).toFixed(1)}s] ${line}\n`)
      if (first === undefined && / … *$/m.test(text)) first = now
      if (/\] T\S+ (PASS|FAIL)/.test(text)) last = now
    })
    child.stdout.resume()
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`--jobs ${jobs}: exit ${code}\n${err.slice(-3000)}`))
      const ledger = path.join(repo, 'artifacts', 'ledger', 'opencode_dogfood')
      const runDir = path.join(ledger, readdirSync(ledger)[0])
      const summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8'))
      resolve({ phaseMs: last - first, wallMs: performance.now() - t0, cases: summary.cases })
    })
  })
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-latency-'))
try {
  const casesFile = path.join(work, 'slow-cases.json')
  slowCases(casesFile)
  for (const d of ['serial', 'parallel']) mkdirSync(path.join(work, d))
  process.stdout.write(`the built-in suite, every model turn 2–6 s (streamed); serial, then --jobs ${JOBS}\n`)
  const serial = await run(path.join(work, 'serial'), casesFile, 1)
  const parallel = await run(path.join(work, 'parallel'), casesFile, JOBS)
  const byStage = new Map()
  for (const c of serial.cases) byStage.set(c.stage, Math.max(byStage.get(c.stage) ?? 0, c.duration_ms))
  const ideal = [...byStage.values()].reduce((a, b) => a + b, 0)
  process.stdout.write(`ideal (sum over stages of the slowest case): ${ideal} ms  [${[...byStage].map(([s, ms]) => `${s} ${ms}`).join(', ')}]\n`)
  process.stdout.write(
    `serial case phase: ${Math.round(serial.phaseMs)} ms, ratio ${(serial.phaseMs / ideal).toFixed(2)}× the ideal (whole run, start to exit: ${Math.round(serial.wallMs)} ms)\n`,
  )
  process.stdout.write(
    `--jobs ${JOBS} case phase: ${Math.round(parallel.phaseMs)} ms, ratio ${(parallel.phaseMs / ideal).toFixed(2)}× the ideal, target ≤ 1.25× (whole run, start to exit: ${Math.round(parallel.wallMs)} ms)\n`,
  )
} finally {
  rmSync(work, { recursive: true })
}
