// Real repository shapes (issue 17), each through the hermetic suite (real
// opencode, the scripted model, containment required) in both flows: the
// harness's own worktree (--worktree) and the plan packet's hand-made one
// (`git worktree add ../wt HEAD`, `run` inside it). Each cell expects the
// verdicts of a plain repository, everything outside the worktree
// byte-identical (the user's checkout, the folder around it), the hand-made
// worktree's files byte-identical but for the ledger, and a ledger `verify`
// accepts.
//
// CI time (all test files share about 20 minutes): each shape in one flow (the flows take turns), and a cell runs T2B03 alone
// (the deletion of the sentinel, GITCLEANFAIL, and its restore: where a
// shape meets the gates hardest); the shape with its own opencode.json runs
// stage T2b with its two policy cases. DOGFOOD_LONG=1 runs every shape in
// both flows and the full suite (all five stages) in every cell. Each cell prints its time.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseResult, RunSummary } from '../src/types.js'
import { manifest } from './support/escape-run.js'
import { cliAsync, cli, git, type CliResult } from './support/repo.js'
import { makeShape, SHAPES, type Shape } from './support/shapes.js'
import { requireTools } from './support/tools.js'

const LONG = process.env.DOGFOOD_LONG === '1'
// The built-in cases of those stages, and the verdicts a plain repository gives them.
const BUILTIN: Record<string, string[]> = {
  T1: ['T1C01', 'T1C02', 'T1C03'],
  T2a: ['T2A01', 'T2A02', 'T2A03'],
  T2b: ['T2B01', 'T2B02', 'T2B03'],
  T3: ['T3C01', 'T3C02', 'T3C03', 'T3C04'],
  T4: ['T4E01', 'T4E02'],
}
const EXPECTED_FAIL: Record<string, string> = { T1C03: 'MODELNOTFOUND', T2B03: 'GITCLEANFAIL', T4E02: 'TIMEOUTEXCEEDED' }

/** The run's selection for a shape, and the built-in cases it selects. */
function selection(shape: Shape): { args: string[]; ids: string[] } {
  const stages = LONG ? 'T1,T2a,T2b,T3,T4' : shape.extraCases.length > 0 ? 'T2b' : undefined
  if (!stages) return { args: ['--case', 'T2B03'], ids: ['T2B03'] }
  return { args: ['--stages', stages], ids: stages.split(',').flatMap((s) => BUILTIN[s]!) }
}

const LEDGER = 'artifacts/ledger/opencode_dogfood'
const CALLS = 'logs/agent_calls'
// The harness's own: its ledger and transcripts; in git's dir, the worktree registrations, reflogs and the
// object store (which only gains content-addressed objects).
const isHarness = (rel: string) => rel === LEDGER || rel.startsWith(`${LEDGER}/`) || rel === CALLS || rel.startsWith(`${CALLS}/`)
const isGitBookkeeping = (rel: string) => /^\.git\/(worktrees|logs|objects)(\/|$)/.test(rel)

type Flow = 'worktree-option' | 'hand-made'

interface Cell {
  shape: Shape
  flow: Flow
  wt: string
  /** Where `run` ran, and so where the ledger is. */
  cwd: string
  r: CliResult
  summary: RunSummary
  seconds: number
  /** The temp folder (the user's checkout and all beside it) but the worktree, before and after. */
  outsideBefore: Map<string, string>
  outsideAfter: Map<string, string>
  /** The hand-made worktree but the ledger, before and after (empty in the other flow). */
  wtBefore: Map<string, string>
  wtAfter: Map<string, string>
  worktreesBefore: string
  worktreesAfter: string
}

// The folders the harness creates to hold its ledger and transcripts (artifacts/, artifacts/ledger/, logs/).
const HARNESS_PARENTS = new Set(['artifacts', 'artifacts/ledger', 'logs'])

/** Paths whose entry differs; a harness parent folder that appeared (empty of the user's files) is not a change. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const created = (k: string) => !before.has(k) && after.get(k) === 'dir' && HARNESS_PARENTS.has(k.replace(/^(clone|repo)\//, ''))
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k) && !created(k)).sort()
}

async function runCell(shape: Shape, flow: Flow): Promise<Cell> {
  const { base, repo } = shape
  const wt = path.join(base, 'wt')
  let cwd = repo
  const args = ['run', ...selection(shape).args, '--containment', 'required', ...shape.runArgs]
  if (flow === 'worktree-option') args.push('--worktree', wt)
  else {
    git(repo, 'worktree', 'add', '-q', wt, 'HEAD')
    shape.prepareWorktree?.(wt)
    cwd = wt
  }
  const repoRel = path.relative(base, repo)
  // Outside the worktree: everything in the temp folder; in the user's checkout, its ledger and git's bookkeeping are the harness's.
  const skipOutside = (rel: string) =>
    rel === 'wt' ||
    rel.startsWith('wt/') ||
    ((rel + '/').startsWith(`${repoRel}/`) && rel !== repoRel && (isHarness(rel.slice(repoRel.length + 1)) || isGitBookkeeping(rel.slice(repoRel.length + 1))))
  const outsideBefore = manifest(base, skipOutside)
  const wtBefore = flow === 'hand-made' ? manifest(wt, isHarness) : new Map<string, string>()
  const worktreesBefore = git(repo, 'worktree', 'list', '--porcelain')
  const t0 = Date.now()
  const r = await cliAsync(args, { cwd })
  const seconds = (Date.now() - t0) / 1000
  const summaryFile = path.join(cwd, LEDGER, 'RUN_0001', 'run_summary.json')
  if (!existsSync(summaryFile)) throw new Error(`${shape.name}/${flow}: no run summary; the CLI exited ${r.status}:\n${r.stderr}`)
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary
  console.log(`repo shape ${shape.name}, ${flow} flow, ${selection(shape).args.join(' ')}: ${summary.final_verdict} in ${seconds.toFixed(1)} s`)
  return {
    shape,
    flow,
    wt,
    cwd,
    r,
    summary,
    seconds,
    outsideBefore,
    outsideAfter: manifest(base, skipOutside),
    wtBefore,
    wtAfter: flow === 'hand-made' ? manifest(wt, isHarness) : new Map<string, string>(),
    worktreesBefore,
    worktreesAfter: git(repo, 'worktree', 'list', '--porcelain'),
  }
}

const skip = requireTools(['bwrap'], 'repository shapes (containment required)')

// CI runs each shape in one flow, the flows taking turns down the list (each flow meets three shapes); DOGFOOD_LONG=1 both.
const FLOWS: Flow[] = ['worktree-option', 'hand-made']
const CELLS = SHAPES.flatMap((name, i) => (LONG ? FLOWS : [FLOWS[i % 2]!]).map((flow) => ({ name, flow })))

describe.skipIf(!!skip).each(CELLS)('repository shape $name, $flow flow', ({ name, flow }) => {
  let c: Cell
  beforeAll(async () => {
    c = await runCell(makeShape(name), flow)
  }, 900_000)
  const result = (id: string) => JSON.parse(readFileSync(path.join(c.cwd, LEDGER, 'RUN_0001', 'cases', `${id}.result.json`), 'utf8')) as CaseResult

  it("gives a plain repository's verdicts, contained", () => {
    const ids = [...selection(c.shape).ids, ...c.shape.extraCases]
    expect(c.r.status, c.r.stderr).toBe(0)
    expect(c.summary).toMatchObject({ total_cases: ids.length, passed: ids.length, failed: 0, skipped: 0, final_verdict: 'PASS' })
    expect(c.summary.containment).toMatch(/^bwrap/)
    for (const id of ids) {
      const code = EXPECTED_FAIL[id]
      expect(result(id), id).toMatchObject(
        code ? { status: 'PASS', actual_outcome: 'FAIL', failure_code: code } : { status: 'PASS', actual_outcome: 'SUCCESS' },
      )
    }
  })

  it('leaves the user checkout and everything outside the worktree byte-identical', () => {
    expect(changed(c.outsideBefore, c.outsideAfter)).toEqual([])
    // Our own worktree is gone after the PASS; a hand-made one stays, registered as it was.
    expect(c.worktreesAfter).toBe(c.worktreesBefore)
    if (c.flow === 'worktree-option') expect(existsSync(c.wt)).toBe(false)
  })

  it.runIf(flow === 'hand-made')("leaves the hand-made worktree's files byte-identical but for the ledger", () => {
    expect(changed(c.wtBefore, c.wtAfter)).toEqual([])
    // The shape held in the worktree: still sparse (web/ absent), the submodule still checked out.
    if (name === 'sparse') expect(existsSync(path.join(c.wt, 'web'))).toBe(false)
    if (name === 'submodule') expect(readFileSync(path.join(c.wt, 'vendor', 'lib', 'lib.mjs'), 'utf8')).toBe('export const answer = 42\n')
    const status = git(c.wt, 'status', '--porcelain', '--untracked-files=all', '--ignore-submodules=none')
      .split('\n')
      .filter((l) => l && !isHarness(l.slice(3)))
    expect(status).toEqual([])
  })

  it('leaves a ledger that verify accepts', () => {
    const v = cli(['verify', path.join(c.cwd, LEDGER, 'RUN_0001')])
    expect(v.status, v.stdout + v.stderr).toBe(0)
  })

  it.runIf(name === 'own-config')("keeps our permission policy over the repository's opencode.json", () => {
    for (const id of ['T2B91', 'T2B92']) expect(result(id), id).toMatchObject({ status: 'PASS', actual_outcome: 'SUCCESS' })
    const root = c.flow === 'hand-made' ? c.wt : c.shape.repo
    for (const f of ['policy_marker_bash.txt', 'policy_marker_write.txt']) expect(existsSync(path.join(root, f)), f).toBe(false)
  })
})
