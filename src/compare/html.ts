// The comparison as one self-contained HTML page (`compare --html FILE`): the
// report's stylesheet and Content-Security-Policy (no script, nothing fetched),
// the runs as a legend, then a row per case and a column per run — pass rate,
// median latency, tokens and cost — with every cell that got worse against the
// baseline marked, and the flips per row. Every value goes in through the
// escaping template (a run's model or folder name can only become text).
import { html, trusted, type Html } from '../report/html/escape.js'
import { contentSecurityPolicy } from '../report/html/page.js'
import { STYLE } from '../report/html/style.js'
import { cellText, flipsText, heading, legend, verdictLine } from './render.js'
import type { CompareCell, Comparison } from './table.js'

/** The page's stylesheet: the report's, and the marks of this table. */
export const COMPARE_STYLE = `${STYLE}
table.compare td.worse { background: var(--del-bg); font-weight: 600; }
table.compare td.s-PASS { color: var(--pass); }
table.compare td.s-FAIL { color: var(--fail); }
table.compare td.s-SKIPPED, table.compare td.absent { color: var(--skip); }
table.compare th small { display: block; font-weight: 400; }
`

function cellClass(c: CompareCell | null, worse: boolean): string {
  if (!c) return 'absent'
  return `s-${c.status}${worse ? ' worse' : ''}`
}

function headRow(cmp: Comparison): Html {
  const cols = cmp.columns.map((c, k) => html`<th scope="col">${heading(k, c)}<small>${c.model}</small><small>OpenCode ${c.opencode_version}</small></th>`)
  return html`<tr><th scope="col">case</th>${cols}<th scope="col">flips</th></tr>`
}

function bodyRows(cmp: Comparison): Html[] {
  return cmp.rows.map((r, i) => {
    const worseIn = new Set(r.flips.filter((f) => f.worse).map((f) => f.run))
    // A fall in pass rate without a status flip is worse too (the row says so); mark the runs whose rate is below the baseline's.
    const base = r.cells[0]?.pass_rate ?? null
    const cells = r.cells.map((c, k) => {
      const fell = k > 0 && base !== null && c?.pass_rate !== null && c?.pass_rate !== undefined && c.pass_rate < base
      return html`<td class="${cellClass(c, worseIn.has(k) || fell)}">${cellText(c)}</td>`
    })
    return html`<tr id="case-${r.case_id}"><th scope="row">${r.case_id}</th>${cells}<td>${flipsText(cmp, i) || '—'}</td></tr>`
  })
}

/** The comparison as an HTML document (UTF-8 text). */
export function renderHtml(cmp: Comparison): string {
  const verdict = cmp.worse.length ? 'FAIL' : 'PASS'
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(COMPARE_STYLE)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>opencode-dogfood compare: ${cmp.columns.length} runs</title>
<style>${trusted(COMPARE_STYLE)}</style>
</head>
<body>
<header class="v-${verdict}"><h1>opencode-dogfood compare <span class="verdict">${cmp.worse.length ? 'worse than the baseline' : 'no case got worse'}</span></h1></header>
<ul class="runs">${cmp.columns.map((c, k) => html`<li>${legend(c, k)}</li>`)}</ul>
<table class="compare"><thead>${headRow(cmp)}</thead><tbody>${bodyRows(cmp)}</tbody></table>
${cmp.not_in_every_run.length ? html`<p>Not in every run: ${cmp.not_in_every_run.join(', ')}</p>` : ''}
<p class="verdict-line">${verdictLine(cmp)}</p>
<footer>Rendered by <code>opencode-dogfood compare --html</code> from verified ledgers.</footer>
</body>
</html>
`
  return doc.value
}
