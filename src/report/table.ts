// The verdict table printed by the CLI (plain text, fixed columns).
import type { RunSummary } from '../types.js'
import { uncontainedLine } from './markdown.js'
import { printable } from '../printable.js'
import { formatCost } from './tokens.js'

/** The table, then the verdict line; an uncontained run says so in the first line (markdown.ts uncontainedLine). */
export function verdictTable(s: RunSummary): string {
  // Tokens and cost only when the run recorded them (a run of an older version has none).
  const withTokens = !!s.tokens || s.cases.some((c) => c.tokens)
  const tokenCells = (c: RunSummary['cases'][number]) =>
    withTokens ? [c.tokens ? String(c.tokens.total) : '-', c.tokens ? formatCost(c.tokens.cost) : '-'] : []
  const rows: string[][] = [
    ['case', 'stage', 'expected', 'actual', 'status', 'code', 'ms', ...(withTokens ? ['tokens', 'cost $'] : [])],
    ...s.cases.map((c) => [
      c.case_id,
      c.stage,
      c.expected_outcome,
      c.actual_outcome ?? '-',
      c.attempts ? `${c.status} ${c.attempts.passed}/${c.attempts.total}` : c.status,
      c.failure_code ?? '-',
      String(c.duration_ms),
      ...tokenCells(c),
    ]),
  ].map((r) => r.map(printable))
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  const uncontained = uncontainedLine(s)
  const out = [...(uncontained ? [uncontained] : []), line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)]
  out.push('', `${s.run_id}: ${s.final_verdict} — ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped of ${s.total_cases}`)
  if (s.stop_reason) out.push(`stop reason: ${printable(s.stop_reason)}`)
  if (s.containment) out.push(`containment: ${printable(s.containment)}`)
  if (s.tokens)
    out.push(
      `tokens: ${s.tokens.total} (input ${s.tokens.input}, output ${s.tokens.output}, reasoning ${s.tokens.reasoning}, cache read ${s.tokens.cache_read}, cache write ${s.tokens.cache_write}) · cost $${formatCost(s.tokens.cost)}`,
    )
  return out.join('\n') + '\n'
}

/** The Action's failure message for a run that did not pass: one inert line (the stop reason quotes the agent's file names: printable). */
export function failedRunMessage(s: RunSummary): string {
  return printable(`${s.run_id}: verdict FAIL — ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.stop_reason ? ` (${s.stop_reason})` : ''}`)
}
