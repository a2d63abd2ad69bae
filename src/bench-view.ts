// `npm run bench -- --view`: what the read view costs, against its floor, in
// one process. The view changes two things a run pays for: each sandbox start
// makes a dozen mounts instead of one bind of the host's root, and (run as
// root) each case gives the write allowlist to the agent's uid and back. Both
// are timed here side by side with their floor — the same sandbox around the
// same command with the host's root bound whole, and no grant — and set
// against the time of one hermetic suite run on the same machine, measured in
// the same process, so the figure printed is the view's share of a run.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { hermeticSuite, makeThrowawayRepo } from './demo.js'
import { grantWrites } from './sandbox/grant.js'
import { bwrapArgs, resolveContainment } from './sandbox/mechanism.js'
import { derivePolicy } from './sandbox/policy.js'
import { systemView } from './sandbox/read-view.js'
import { DEFAULT_WRITE_ALLOWLIST } from './suite/options.js'
import { runSuite } from './suite/run.js'

/** Median of `n` timings of `f`, in ms. */
function medianMs(n: number, f: () => unknown): number {
  const t: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint()
    f()
    t.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)]
}

/**
 * Run the view bench and print: sandbox start with the view and with the
 * host's root (ms, ratio), the grant per case (ms), one suite run (ms), and
 * the view's added share of that run. Returns the exit status (2: no sandbox here).
 */
export async function runViewBench(argv: string[]): Promise<number> {
  const n = Number(argv[argv.indexOf('--samples') + 1] || 30) || 30
  const c = resolveContainment('auto')
  if (!c.active) {
    process.stderr.write(`bench --view: no sandbox here (${c.reason})\n`)
    return 2
  }
  const repo = await makeThrowawayRepo('opencode-dogfood-bench-view-')
  const policy = derivePolicy({
    workDir: repo,
    writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
    harnessPaths: [],
    commonDir: path.join(repo, '.git'),
    otherCheckouts: [],
    hidden: [],
    stateDirs: [],
    readable: [],
    views: [],
  })
  const view = bwrapArgs(policy)
  // The floor: the host's root bound whole in place of the system view, the run's own rules as they are.
  const system = new Set(systemView().map((r) => r.path))
  const host = bwrapArgs({ ...policy, rules: [{ path: '/', access: 'read', why: 'floor' }, ...policy.rules.filter((r) => !system.has(r.path))] })
  const sandbox = (args: string[]) => () => spawnSync(c.bwrap!, [...args, '--', '/usr/bin/true'])
  // Interleaved rounds, so drift in the machine's load falls on both sides alike.
  let viewMs = 0
  let hostMs = 0
  for (let i = 0; i < 3; i++) {
    viewMs += medianMs(Math.ceil(n / 3), sandbox(view)) / 3
    hostMs += medianMs(Math.ceil(n / 3), sandbox(host)) / 3
  }
  let grantMs = 0
  if (c.agent) {
    const times: number[] = []
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint()
      const g = await grantWrites(policy, c.agent, 'case')
      await g.giveBack()
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
    grantMs = times.sort((a, b) => a - b)[Math.floor(n / 2)]
  }
  const t0 = Date.now()
  const outcome = await runSuite({ ...hermeticSuite(repo, path.join(path.dirname(repo), 'suite')), containment: 'required' })
  const suiteMs = Date.now() - t0
  if (outcome.summary.final_verdict !== 'PASS') throw new Error(`bench --view: the suite did not pass (see ${outcome.runDir})`)
  // A contained suite starts its server's sandbox once and one per T3 check run; every case pays one grant.
  const starts = 1 + outcome.summary.cases.filter((x) => x.case_id.startsWith('T3')).length
  const added = starts * Math.max(0, viewMs - hostMs) + outcome.summary.cases.length * grantMs
  process.stdout.write(
    [
      `sandbox start with the read view: ${viewMs.toFixed(2)} ms; with the host's root bound whole (floor): ${hostMs.toFixed(2)} ms; ratio ${(viewMs / hostMs).toFixed(2)}× (median of ${n} each)`,
      c.agent
        ? `write grant to uid ${c.agent.uid} and back, per case: ${grantMs.toFixed(2)} ms (median of ${n})`
        : 'write grant: none (the harness is not root; the agent is its uid)',
      `one contained hermetic suite: ${suiteMs} ms (${outcome.summary.cases.length} cases, ${starts} sandbox starts)`,
      `the view's share of the suite: ${added.toFixed(1)} ms = ${((100 * added) / suiteMs).toFixed(2)}% (target ≤ 3%)`,
    ].join('\n') + '\n',
  )
  return 0
}
