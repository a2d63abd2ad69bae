// The comparison: a row per case, a column per run (the first run is the
// baseline). A cell gives the case's pass rate over its attempts, its median
// latency, its tokens and cost; a row's flips say where its status changed
// against the baseline (PASS→FAIL, FAIL→PASS). A case got worse when it
// passed in the baseline and does not in a later run, or its pass rate fell.
import { InputError } from '../errors.js'
import { addUsage, zeroUsage } from '../opencode/usage.js'
import type { TokenUsage } from '../types.js'
import type { CaseFigures, RunFigures } from './load.js'

export interface CompareCell {
  status: CaseFigures['status']
  passed: number
  attempts: number
  /** passed / attempts; null when the case did not run (skipped). */
  pass_rate: number | null
  /** Median of the attempts' durations, ms; null when it did not run. */
  median_ms: number | null
  tokens: TokenUsage | null
}

export interface Flip {
  /** The run (its index among the columns, ≥ 1) the case flipped in. */
  run: number
  /** `PASS→FAIL`, `FAIL→PASS`, `PASS→SKIPPED`, … (baseline → this run). */
  change: string
  worse: boolean
}

export interface CompareRow {
  case_id: string
  /** One per run, in column order; null when the run does not have the case (--allow-different-cases). */
  cells: (CompareCell | null)[]
  flips: Flip[]
  /** The pass rate fell against the baseline in some run (a flip to a worse status included). */
  worse: boolean
}

export interface CompareColumn {
  dir: string
  run_id: string
  model: string
  opencode_version: string
  repo_commit: string
  final_verdict: string
  /** The run's tokens and cost (its summary's total). */
  tokens: TokenUsage | null
}

export interface Comparison {
  columns: CompareColumn[]
  rows: CompareRow[]
  /** Case ids not in every run (only with allowDifferentCases). */
  not_in_every_run: string[]
  /** Cases that got worse against the first run. */
  worse: string[]
}

/** The median of `xs` (the mean of the middle two for an even count); null for none. */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2)
}

function cellOf(c: CaseFigures): CompareCell {
  return {
    status: c.status,
    passed: c.passed,
    attempts: c.attempts,
    pass_rate: c.attempts ? c.passed / c.attempts : null,
    median_ms: median(c.durations_ms),
    tokens: c.tokens ?? null,
  }
}

/** How `now` compares with the baseline cell `base`: a flip (status change) and whether it is worse. */
function flipOf(base: CompareCell, now: CompareCell, run: number): { flip?: Flip; worse: boolean } {
  const worse = (base.pass_rate ?? 0) > (now.pass_rate ?? 0) || (base.status === 'PASS' && now.status !== 'PASS')
  if (base.status === now.status) return { worse }
  return { flip: { run, change: `${base.status}→${now.status}`, worse }, worse }
}

/**
 * Compare `runs` (the first is the baseline). Throws InputError (one line)
 * when the runs are not of the same case set, unless `allowDifferentCases`:
 * then a case missing from a run has an empty cell there, and a case the
 * baseline lacks is never worse.
 */
export function compareRuns(runs: RunFigures[], allowDifferentCases = false): Comparison {
  if (runs.length < 2) throw new InputError('compare', `give two run folders or more (the first is the baseline); got ${runs.length}`)
  const key = (r: RunFigures) =>
    r.cases
      .map((c) => c.case_id)
      .sort()
      .join(',')
  const base = runs[0]
  for (const r of runs.slice(1)) {
    if (key(r) === key(base) || allowDifferentCases) continue
    const a = new Set(base.cases.map((c) => c.case_id))
    const b = new Set(r.cases.map((c) => c.case_id))
    const only = (x: Set<string>, y: Set<string>) => [...x].filter((id) => !y.has(id))
    const diff = [...only(a, b).map((id) => `-${id}`), ...only(b, a).map((id) => `+${id}`)]
    throw new InputError(
      'compare',
      `refused: ${r.dir} (${r.run_id}) is not of the case set of ${base.dir} (${base.run_id}): ${diff.slice(0, 8).join(' ')}${diff.length > 8 ? ` and ${diff.length - 8} more` : ''} (--allow-different-cases compares them anyway)`,
    )
  }
  // Rows in the baseline's order, then cases only later runs have, in the order they first appear.
  const ids: string[] = []
  for (const r of runs) for (const c of r.cases) if (!ids.includes(c.case_id)) ids.push(c.case_id)
  const rows = ids.map((id): CompareRow => {
    const cells = runs.map((r) => {
      const c = r.cases.find((x) => x.case_id === id)
      return c ? cellOf(c) : null
    })
    const flips: Flip[] = []
    let worse = false
    const b = cells[0]
    cells.forEach((cell, k) => {
      if (k === 0 || !b) return
      // A case the baseline ran and a later run lacks (--allow-different-cases) did not pass there.
      const now = cell ?? { status: 'SKIPPED' as const, passed: 0, attempts: 0, pass_rate: null, median_ms: null, tokens: null }
      const f = flipOf(b, now, k)
      if (f.flip) flips.push(cell ? f.flip : { ...f.flip, change: `${b.status}→absent` })
      worse ||= f.worse
    })
    return { case_id: id, cells, flips, worse }
  })
  const columns = runs.map(
    (r): CompareColumn => ({
      dir: r.dir,
      run_id: r.run_id,
      model: r.model,
      opencode_version: r.opencode_version,
      repo_commit: r.repo_commit,
      final_verdict: r.final_verdict,
      tokens: r.tokens ?? (r.cases.some((c) => c.tokens) ? r.cases.reduce((t, c) => (c.tokens ? addUsage(t, c.tokens) : t), zeroUsage()) : null),
    }),
  )
  return {
    columns,
    rows,
    not_in_every_run: rows.filter((r) => r.cells.some((c) => c === null)).map((r) => r.case_id),
    worse: rows.filter((r) => r.worse).map((r) => r.case_id),
  }
}
