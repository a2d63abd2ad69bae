// The comparison as text (the terminal), Markdown (--markdown FILE: a job
// summary, a PR comment) and JSON (--json).
import { printable } from '../printable.js'
import { cell as mdCell } from '../report/markdown.js'
import { formatCost } from '../report/tokens.js'
import type { CompareCell, CompareColumn, Comparison } from './table.js'

function seconds(ms: number | null): string {
  if (ms === null) return '—'
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** One cell: `PASS 3/3 · 1.2 s · 2278 tok · $0.002278`; `—` when the run lacks the case. */
export function cellText(c: CompareCell | null): string {
  if (!c) return '—'
  if (c.status === 'SKIPPED') return 'SKIPPED'
  const parts = [`${c.status} ${c.passed}/${c.attempts}`, seconds(c.median_ms)]
  if (c.tokens) parts.push(`${c.tokens.total} tok`, `$${formatCost(c.tokens.cost)}`)
  return parts.join(' · ')
}

/** A run's column heading: `#2 RUN_0007`. */
export function heading(k: number, col: CompareColumn): string {
  return `#${k + 1} ${col.run_id}`
}

/** What each column is: run, model, OpenCode version, commit, verdict, tokens and cost. */
export function legend(col: CompareColumn, k: number): string {
  const tokens = col.tokens ? `, ${col.tokens.total} tokens, $${formatCost(col.tokens.cost)}` : ''
  return `${heading(k, col)}${k === 0 ? ' (baseline)' : ''}: model ${col.model}, OpenCode ${col.opencode_version}, commit ${col.repo_commit.slice(0, 12)}, ${col.final_verdict}${tokens} — ${col.dir}`
}

export function flipsText(cmp: Comparison, i: number): string {
  const flips = cmp.rows[i].flips
  return flips.length ? flips.map((f) => `${heading(f.run, cmp.columns[f.run])}: ${f.change}`).join('; ') : ''
}

export function verdictLine(cmp: Comparison): string {
  return cmp.worse.length ? `worse than the baseline: ${cmp.worse.join(', ')} (exit 1)` : `no case got worse against the baseline (${cmp.columns[0].run_id})`
}

/** Plain text: the legend, a fixed-width table, the flips, the verdict line. */
export function renderText(cmp: Comparison): string {
  const rows = [
    ['case', ...cmp.columns.map((c, k) => heading(k, c)), 'flips'],
    ...cmp.rows.map((r, i) => [r.case_id, ...r.cells.map(cellText), flipsText(cmp, i)]),
  ].map((r) => r.map(printable))
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r
      .map((x, i) => x.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  const out = [...cmp.columns.map((c, k) => printable(legend(c, k))), '', line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line), '']
  if (cmp.not_in_every_run.length) out.push(printable(`not in every run: ${cmp.not_in_every_run.join(', ')}`))
  out.push(printable(verdictLine(cmp)))
  return out.join('\n') + '\n'
}

/** Markdown: a heading, the runs as a list, the table (one row per case), the verdict line. */
export function renderMarkdown(cmp: Comparison): string {
  const head = `| case | ${cmp.columns.map((c, k) => `${mdCell(heading(k, c))}<br>${mdCell(c.model)}<br>OpenCode ${mdCell(c.opencode_version)}`).join(' | ')} | flips |`
  const rule = `| --- | ${cmp.columns.map(() => '---').join(' | ')} | --- |`
  const rows = cmp.rows.map((r, i) => `| ${[r.case_id, ...r.cells.map(cellText), flipsText(cmp, i) || '—'].map(mdCell).join(' | ')} |`)
  const lines = [
    `## opencode-dogfood compare: ${cmp.worse.length ? '❌ worse than the baseline' : '✅ no case got worse'}`,
    '',
    ...cmp.columns.map((c, k) => `- ${mdCell(legend(c, k))}`),
    '',
    head,
    rule,
    ...rows,
    '',
    ...(cmp.not_in_every_run.length ? [`Not in every run: ${cmp.not_in_every_run.join(', ')}`, ''] : []),
    verdictLine(cmp),
  ]
  return lines.join('\n') + '\n'
}

/** JSON (--json): the comparison as it is computed, with its schema id. */
export function renderJson(cmp: Comparison): string {
  return JSON.stringify({ schema_id: 'opencode_dogfood_compare', schema_version: '1.0', ...cmp }, null, 2) + '\n'
}
