// `npm run bench`: the hermetic suite against its floor, in one process, on one
// warm server. The floor is the same agent calls the suite makes (the 15
// cases' scripted prompts, T1C02's one per role, none for T1C03, which is
// decided from the registry) sent straight through the same transport code,
// with no case processes, snapshots, checks or ledger, run before and after the
// suite (their mean is the floor). Prints both and the ratio.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { builtinCases } from './cases/catalog.js'
import { hermeticSuite, makeThrowawayRepo } from './demo.js'
import { agentFor } from './opencode/config.js'
import { resolveOpencodeBinary } from './opencode/binary.js'
import { sdkTransport } from './opencode/sdk-transport.js'
import { caseTag } from './scripted-model/script.js'
import { type Backends, startBackends } from './suite/backends.js'
import { BUILTIN_MODEL, DEFAULT_WRITE_ALLOWLIST } from './suite/options.js'
import { DEFAULT_ROLES, runSuite } from './suite/run.js'
import { createWorktree, removeWorktree } from './suite/worktree.js'
import { type CaseLimits, DEFAULT_CASE_LIMITS, formatLimits, LIMIT_NAMES } from './sandbox/limits.js'
import { startReaper } from './sandbox/reaper.js'
import { cliEntry } from './suite/case-process.js'
import { interruptOnSignals } from './proc.js'

const LATENCY_BUDGET_MS = 120_000

/** Thrown between a bench's steps once SIGINT/SIGTERM came (the suite in flight has ended its case and sealed its ledger). */
class BenchInterrupted extends Error {
  override name = 'BenchInterrupted'
  constructor(readonly signal: string) {
    super(`bench: interrupted by ${signal}`)
  }
}

/** Throws BenchInterrupted when `signal` was aborted (its reason: the signal's name). */
function checkInterrupt(signal: AbortSignal): void {
  if (signal.aborted) throw new BenchInterrupted(String(signal.reason))
}

/** The agent calls of one suite run, sent straight to the server; stops between two calls once `signal` is aborted (BenchInterrupted). */
async function floor(url: string, password: string, directory: string, signal: AbortSignal, verbose = false): Promise<number> {
  const transport = sdkTransport(url, password)
  const t0 = Date.now()
  for (const c of builtinCases()) {
    if (c.check === 'invalid_model') continue
    const text = c.check === 'empty_prompt' ? '' : `${caseTag(c.id)} ${c.prompt}`
    const budgetMs = Number(c.params?.latency_budget_ms ?? LATENCY_BUDGET_MS)
    const models = c.check === 'roles' ? DEFAULT_ROLES(BUILTIN_MODEL).map((r) => r.model) : [BUILTIN_MODEL]
    for (const model of models) {
      checkInterrupt(signal)
      const r = await transport.prompt({ directory, model, agent: agentFor(c.prevention), text, budgetMs })
      if (verbose) process.stdout.write(`  floor ${c.id} ${model}: ${r.durationMs} ms\n`)
      if (r.error && c.check !== 'empty_prompt') throw new Error(`floor: ${c.id} failed: ${r.error}`)
    }
  }
  return Date.now() - t0
}

/**
 * `npm run bench -- --network`: the cost of the network namespace, bridge and
 * egress proxy. The hermetic suite, contained, with them and without them
 * (same sandbox, the host's network), alternately, `--rounds` times; prints
 * each pair and the median ratio (target ≤ 1.05×).
 */
async function networkBench(rounds: number): Promise<number> {
  const pairs: { with: number; without: number }[] = []
  for (let i = 0; i < rounds; i++) {
    const once = async (ns: boolean): Promise<number> => {
      const repo = await makeThrowawayRepo('opencode-dogfood-bench-net-')
      const t0 = Date.now()
      const outcome = await runSuite({ ...hermeticSuite(repo, path.join(path.dirname(repo), 'wt')), containment: 'required', networkNamespace: ns })
      const ms = Date.now() - t0
      if (outcome.summary.final_verdict !== 'PASS') throw new Error(`bench: the suite did not pass (${outcome.summary.stop_reason ?? 'see ' + outcome.runDir})`)
      return ms
    }
    // Alternate which goes first: the machine's load drifts over a round.
    const first = i % 2 === 0
    const a = await once(first)
    const b = await once(!first)
    const pair = first ? { with: a, without: b } : { with: b, without: a }
    pairs.push(pair)
    process.stdout.write(
      `round ${i + 1}: with the network namespace ${pair.with} ms, without ${pair.without} ms, ratio ${(pair.with / pair.without).toFixed(3)}×\n`,
    )
  }
  const mid = pairs.map((p) => ({ ...p, ratio: p.with / p.without })).sort((x, y) => x.ratio - y.ratio)[Math.floor(pairs.length / 2)]
  process.stdout.write(
    `median round of ${pairs.length}:\nsuite contained, own network namespace + bridge + egress proxy: ${mid.with} ms\nsuite contained, host network: ${mid.without} ms\nratio: ${mid.ratio.toFixed(3)}× (target ≤ 1.05×)\n`,
  )
  return 0
}

const NO_LIMITS: CaseLimits = { disk: null, files: null, procs: null, memory: null }

/** The bounds' own cost in a run: the sum over its cases of the `bounds:` line each case process logs (run-case.ts, case-bounds.ts). */
function boundsCost(runDir: string): { samples: number; ms: number } {
  const out = { samples: 0, ms: 0 }
  const dir = path.join(runDir, 'evidence')
  for (const id of existsSync(dir) ? readdirSync(dir) : []) {
    const f = path.join(dir, id, 'stdout.txt')
    const m = existsSync(f) ? /bounds: ([0-9]+) samples in ([0-9.]+) ms, cgroup ([0-9.]+) ms/.exec(readFileSync(f, 'utf8')) : null
    if (!m) continue
    out.samples += Number(m[1])
    out.ms += Number(m[2]) + Number(m[3])
  }
  return out
}

/** Where a suite's time went, ms, summed over its cases (from each case's own timed log, stdout.txt: `ID +S.SSs: …`). */
export interface SuiteBreakdown {
  /** Case process up to its first prompt: worktree check, guard's before-snapshot, sandbox grant, bounds, policy (a case without a prompt: all of it). */
  beforePrompt: number
  /** The agent calls themselves, as the transport timed them (`answer … in N ms`, `elapsed N ms`): the floor's counterpart. */
  agent: number
  /** The check's own work between its first prompt and its last answer (a T3 check's test runs, leftovers ended between calls). */
  checkWork: number
  /** The last answer to the verdict: guard's after-snapshot, checks, evidence, restore. */
  afterAnswer: number
  /** A case's duration beyond its own log: process start and exit, the result sealed, the slot handed back. */
  outsideLog: number
  /** The suite's wall time beyond its cases' durations: prepare (worktree, preflight, fingerprints) and finish (report, seal, verify). */
  runLevel: number
}

const STAMP = / \+([0-9]+(?:\.[0-9]+)?)s: /
/** A line that ends an agent call, with the transport's own time for it (check-kit.ts describeAnswer; the latency check's line). */
const CALL_ENDED = /: (?:.*: )?(?:answer [0-9]+ chars in|budget [0-9]+ ms, elapsed) ([0-9]+) ms/

/** The breakdown of one suite run (`wallMs`: its wall time). */
export function suiteBreakdown(runDir: string, cases: { case_id: string; duration_ms: number }[], wallMs: number): SuiteBreakdown {
  const out: SuiteBreakdown = { beforePrompt: 0, agent: 0, checkWork: 0, afterAnswer: 0, outsideLog: 0, runLevel: wallMs }
  for (const c of cases) {
    out.runLevel -= c.duration_ms
    const f = path.join(runDir, 'evidence', c.case_id, 'stdout.txt')
    const lines = existsSync(f) ? readFileSync(f, 'utf8').split('\n') : []
    const at = (l: string) => Number(STAMP.exec(l)?.[1] ?? Number.NaN) * 1000
    const stamps = lines.map(at).filter((t) => !Number.isNaN(t))
    const end = stamps.at(-1) ?? 0
    out.outsideLog += Math.max(0, c.duration_ms - end)
    const prompt = at(lines.find((l) => l.includes(': prompt → ')) ?? '')
    const calls = lines.filter((l) => CALL_ENDED.test(l))
    if (Number.isNaN(prompt) || calls.length === 0) {
      out.beforePrompt += end
      continue
    }
    const agent = calls.reduce((a, l) => a + Number(CALL_ENDED.exec(l)![1]), 0)
    const lastAnswer = at(calls.at(-1)!)
    out.beforePrompt += prompt
    out.agent += agent
    out.checkWork += Math.max(0, lastAnswer - prompt - agent)
    out.afterAnswer += end - lastAnswer
  }
  return out
}

function breakdownLine(b: SuiteBreakdown, cases: number): string {
  const part = (label: string, ms: number) => `${label} ${Math.round(ms)} ms (${Math.round(ms / cases)}/case)`
  return `  where it went: ${[
    part('before the prompt', b.beforePrompt),
    part('agent calls', b.agent),
    part("the check's own work", b.checkWork),
    part('after the answer', b.afterAnswer),
    part('outside the case log', b.outsideLog),
  ].join(', ')}, run level ${Math.round(b.runLevel)} ms\n`
}

/**
 * `npm run bench -- --bounds`: what each bound of --case-limits costs. The
 * hermetic suite, as a user runs it (its own contained server, --jobs 1 so the
 * cases follow each other), with no bound, each default bound alone, and all
 * of them, interleaved over `--rounds` rounds; the unbounded run goes first
 * and last in each round and counts as their mean. The measure is the cases'
 * own time (the sum of their durations: server start and warm-up are not a
 * bound's cost). Prints the ratio per bound.
 */
async function runBoundsBench(argv: string[]): Promise<number> {
  const rounds = Number(argv[argv.indexOf('--rounds') + 1] || 1) || 1
  const repo = await makeThrowawayRepo('opencode-dogfood-bench-bounds-')
  const base = path.dirname(repo)
  const variants: { label: string; limits: CaseLimits }[] = [
    ...LIMIT_NAMES.map((n) => ({ label: n, limits: { ...NO_LIMITS, [n]: DEFAULT_CASE_LIMITS[n] } })),
    { label: 'all', limits: DEFAULT_CASE_LIMITS },
  ]
  const times = new Map<string, number[]>()
  const costs = new Map<string, { samples: number; ms: number }[]>()
  let k = 0
  const once = async (label: string, limits: CaseLimits): Promise<number> => {
    const outcome = await runSuite({ ...hermeticSuite(repo, path.join(base, `suite_${k++}`)), caseLimits: limits, containment: 'auto', jobs: 1 })
    if (outcome.summary.final_verdict !== 'PASS')
      throw new Error(`bench: the suite did not pass with ${formatLimits(limits)} (${outcome.summary.stop_reason ?? 'see ' + outcome.runDir})`)
    const ms = outcome.summary.cases.reduce((a, c) => a + c.duration_ms, 0)
    const cost = boundsCost(outcome.runDir)
    costs.set(label, [...(costs.get(label) ?? []), cost])
    process.stdout.write(
      `  ${label.padEnd(6)} ${formatLimits(limits).padEnd(44)} cases ${ms} ms; the bounds' own work ${cost.ms.toFixed(0)} ms in ${cost.samples} samples (${outcome.containment})\n`,
    )
    times.set(label, [...(times.get(label) ?? []), ms])
    return ms
  }
  for (let i = 0; i < rounds; i++) {
    process.stdout.write(`round ${i + 1}:\n`)
    const before = await once('none', NO_LIMITS)
    for (const v of variants) await once(v.label, v.limits)
    const after = await once('none', NO_LIMITS)
    times.set('none', [...(times.get('none') ?? []).slice(0, -2), Math.round((before + after) / 2)])
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const none = median(times.get('none')!)
  process.stdout.write(
    `cost of each bound, median of ${rounds} round(s). Wall: the cases' time against no bound (${none} ms, the mean of the runs before and after; noisy on a shared machine). Own work: the time the case processes spent in the bound's cgroup set-up, removal and samples, against the unbounded cases' time (steady):\n`,
  )
  for (const v of variants) {
    const ms = median(times.get(v.label)!)
    const own = median(costs.get(v.label)!.map((c) => c.ms))
    process.stdout.write(
      `  ${v.label.padEnd(6)} wall ${String(ms).padStart(7)} ms  ratio ${(ms / none).toFixed(3)}×   own work ${own.toFixed(0).padStart(5)} ms  ratio ${((none + own) / none).toFixed(4)}×\n`,
    )
  }
  return 0
}

/**
 * The bench's server and scripted model, each spawned group given a reaper; undefined when a signal
 * (`signal` aborted) gave the start up — startBackends then stops what it had started.
 */
async function startBenchBackends(
  repo: string,
  tmp: string,
  roles: ReturnType<typeof DEFAULT_ROLES>,
  signal: AbortSignal,
  reapers: { dismiss(): void }[],
): Promise<Backends | undefined> {
  const starting = startBackends({
    model: BUILTIN_MODEL,
    hermetic: true,
    roles,
    writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
    cases: builtinCases(),
    binary: resolveOpencodeBinary(),
    cwd: repo,
    tmp,
    signal,
    onSpawn: (group) => reapers.push(startReaper({ cli: cliEntry(), parent: process.pid, group, tag: `opencode-dogfood-bench-${process.pid}` })),
  })
  return starting.catch((e: unknown) => {
    // A signal while the server starts: startBackends gives the start up (and stops what it started).
    if (!signal.aborted) throw e
    for (const r of reapers) r.dismiss()
    return undefined
  })
}

export async function runBench(argv: string[]): Promise<number> {
  if (argv.includes('--view')) return (await import('./bench-view.js')).runViewBench(argv)
  if (argv.includes('--bounds')) return runBoundsBench(argv)
  if (argv.includes('--merge')) return (await import('./bench-merge.js')).runMergeBench(argv)
  const rounds = Number(argv[argv.indexOf('--rounds') + 1] || 1) || 1
  if (argv.includes('--network')) return networkBench(rounds)
  // SIGINT/SIGTERM: the suite in flight ends its case and seals, the floor stops between two calls, and the
  // server is stopped (a bench killed outright: its reaper ends the server's group). Taken from the first step:
  // a signal while the throwaway repository is made (its git calls) must not end the bench without its line.
  const interrupt = interruptOnSignals((line) => process.stderr.write(`bench: ${line}\n`))
  const repo = await makeThrowawayRepo('opencode-dogfood-bench-')
  const base = path.dirname(repo)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'opencode-dogfood-bench-state-'))
  const roles = DEFAULT_ROLES(BUILTIN_MODEL)
  const reapers: { dismiss(): void }[] = []
  const backends = interrupt.signal.aborted ? undefined : await startBenchBackends(repo, tmp, roles, interrupt.signal, reapers)
  if (!backends) {
    process.stderr.write(`bench: interrupted by ${String(interrupt.signal.reason)} before the server was up: nothing left running, no ratio printed\n`)
    return interrupt.signal.reason === 'SIGINT' ? 130 : 143
  }

  Object.assign(process.env, backends.keyEnv)
  const results: { suite: number; floor: number; containment: string }[] = []
  try {
    // Warm-up: the server's first prompt costs seconds that neither side should pay.
    const floorDir = await createWorktree(repo, path.join(base, 'floor_worktree'))
    await floor(backends.url, backends.password, floorDir, interrupt.signal)
    await removeWorktree(repo, floorDir)
    for (let i = 0; i < rounds; i++) {
      // The floor runs before and after the suite and counts as their mean: the
      // server's latency drifts over a run, and neither side should get the
      // better half of it.
      const floorOnce = async (label: string): Promise<number> => {
        const fdir = await createWorktree(repo, path.join(base, `floor_${i}_${label}`))
        const ms = await floor(backends.url, backends.password, fdir, interrupt.signal, argv.includes('--verbose'))
        await removeWorktree(repo, fdir)
        return ms
      }
      const floorBefore = await floorOnce('before')
      const t0 = Date.now()
      const outcome = await runSuite({
        ...hermeticSuite(repo, path.join(base, `suite_${i}`)),
        latencyBudgetMs: LATENCY_BUDGET_MS,
        roles,
        backends,
        interrupt: interrupt.signal,
      })
      const suiteMs = Date.now() - t0
      checkInterrupt(interrupt.signal)
      if (outcome.summary.final_verdict !== 'PASS') throw new Error(`bench: the suite did not pass (${outcome.summary.stop_reason ?? 'see ' + outcome.runDir})`)
      const floorAfter = await floorOnce('after')
      const floorMs = Math.round((floorBefore + floorAfter) / 2)
      results.push({ suite: suiteMs, floor: floorMs, containment: outcome.containment })
      process.stdout.write(
        `round ${i + 1}: suite ${suiteMs} ms, floor ${floorMs} ms (before ${floorBefore}, after ${floorAfter}), ratio ${(suiteMs / floorMs).toFixed(2)}×\n`,
      )
      process.stdout.write(breakdownLine(suiteBreakdown(outcome.runDir, outcome.summary.cases, suiteMs), outcome.summary.cases.length))
    }
  } catch (e) {
    if (!(e instanceof BenchInterrupted)) throw e
    process.stderr.write(`${e.message}: the server is stopped, no ratio printed\n`)
    return e.signal === 'SIGINT' ? 130 : 143
  } finally {
    await backends.stop()
    for (const r of reapers) r.dismiss()
  }
  // The ratio of each round is the measurement (both sides share the machine's load at that moment).
  const mid = results.map((r) => ({ ...r, ratio: r.suite / r.floor })).sort((a, b) => a.ratio - b.ratio)[Math.floor(results.length / 2)]
  process.stdout.write(
    `median round of ${results.length}:\nsuite (15 cases, case processes, guard, ledger): ${mid.suite} ms\ncontainment: ${mid.containment} (so each case also fingerprints the user's checkout before and after)\nfloor (same agent calls, same warm server, mean of before and after the suite): ${mid.floor} ms\nratio: ${mid.ratio.toFixed(2)}× (target ≤ 1.15×)\n`,
  )
  return 0
}
