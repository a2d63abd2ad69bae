// `npm run bench:scale` (issue 8): the cost of a run must not grow with the
// user's checkout. The full hermetic suite (15 cases, --worktree, containment
// auto) runs on a throwaway repository (the floor) and on the same repository
// with 50,000 ignored files beside its tracked ones (node_modules/, as a real
// JavaScript checkout has), rounds interleaved in this one process; the
// median round's ratio is printed (target ≤ 1.2×). Under containment the
// checkout is fingerprinted once before and once after the run, not per case.
//
//   npm run bench:scale                      # 3 rounds, 50,000 files
//   BENCH_FILES=100000 BENCH_ROUNDS=5 npm run bench:scale
//   BENCH_CONTAINMENT=off npm run bench:scale  # the uncontained cost, for comparison
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(root, 'dist', 'cli.js')
const FILES = Number(process.env.BENCH_FILES ?? 50_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONTAINMENT = process.env.BENCH_CONTAINMENT ?? 'auto'

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' })

function makeRepo(base, ignoredFiles) {
  const repo = path.join(base, 'repo')
  git(base, 'init', '-q', '-b', 'main', repo)
  writeFileSync(path.join(repo, 'README.md'), '# bench:scale\n')
  writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n')
  execFileSync(process.execPath, [cli, 'init', repo], { stdio: 'ignore' })
  git(repo, 'add', '-A')
  git(repo, '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-q', '-m', 'fixtures')
  for (let i = 0; i < ignoredFiles; i++) {
    const dir = path.join(repo, 'node_modules', `pkg${Math.floor(i / 100)}`)
    if (i % 100 === 0) mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, `f${i % 100}.js`), `module.exports = ${i}\n`)
  }
  return repo
}

function runSuite(repo, round) {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [cli, 'run', '--fail-fast', '--containment', CONTAINMENT, '--worktree', path.join(path.dirname(repo), `wt_${round}`)], {
    cwd: repo,
    encoding: 'utf8',
  })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`the suite did not pass in ${repo} (exit ${r.status}):\n${r.stderr.slice(-2000)}`)
  return ms
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'))
mkdirSync(path.join(work, 'small'))
mkdirSync(path.join(work, 'large'))
const small = makeRepo(path.join(work, 'small'), 0)
const large = makeRepo(path.join(work, 'large'), FILES)
process.stdout.write(`repositories: ${small} (fixtures only) and ${large} (+ ${FILES} ignored files); containment ${CONTAINMENT}\n`)
const rounds = []
try {
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved, small first then large, so both see the machine as it is in that round.
    const a = runSuite(small, i)
    const b = runSuite(large, i)
    rounds.push({ a, b, ratio: b / a })
    process.stdout.write(`round ${i + 1}: throwaway ${Math.round(a)} ms, with ${FILES} ignored files ${Math.round(b)} ms, ratio ${(b / a).toFixed(2)}×\n`)
  }
} finally {
  rmSync(work, { recursive: true })
}
const mid = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(rounds.length / 2)]
process.stdout.write(
  `median round of ${rounds.length}: throwaway ${Math.round(mid.a)} ms, large checkout ${Math.round(mid.b)} ms, ratio ${mid.ratio.toFixed(2)}× (target ≤ 1.20×)\n`,
)
