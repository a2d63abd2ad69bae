// The whole report.html: one self-contained document (no script at all, one
// inline stylesheet admitted by its hash, nothing fetched) whose Content-
// Security-Policy forbids every script, so even a page that somehow carried
// agent-written markup could not run it.
import { createHash } from 'node:crypto'
import { caseSection } from './case-section.js'
import { html, trusted, type Html } from './escape.js'
import { caseTable, runHeader } from './header.js'
import type { RunSummary } from '../../types.js'
import type { RunView } from './ledger.js'
import { STYLE } from './style.js'

/** Who wrote the page: the run itself (before the ledger was sealed) or `opencode-dogfood report`. */
export type ReportOrigin = 'run' | 'cli'

/** The Content-Security-Policy of the page: nothing may load or run but the page's own stylesheet. */
export function contentSecurityPolicy(style: string = STYLE): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64')
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src 'sha256-${hash}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

function footer(origin: ReportOrigin): Html {
  return origin === 'run'
    ? html`<footer>Written by the run into its RUN folder before run_summary.json was sealed; it has a sha256 sidecar like every file of the ledger. Links lead to the evidence files beside it. Re-render from the ledger with <code>opencode-dogfood report RUN_DIR --out FILE</code>.</footer>`
    : html`<footer>Rendered by <code>opencode-dogfood report</code> from the ledger. Links lead to the evidence files of the RUN folder (they work when this page lies in it).</footer>`
}

/** The report of one run as an HTML document. */
export function renderPage(run: RunView, origin: ReportOrigin): string {
  const s = run.summary
  const failing = run.cases.filter((c) => c.summary.status === 'FAIL').length
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.final_verdict} · opencode-dogfood ${s.run_id}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${runHeader(run, origin)}
<input type="checkbox" id="only-failed"><label class="filter" for="only-failed">Show failing cases only (${failing} of ${run.cases.length})</label>
<div class="cases-area">
${caseTable(run)}
<h2>Cases</h2>
${run.cases.map(caseSection)}
</div>
${footer(origin)}
</body>
</html>
`
  return doc.value
}

/** The page written when the report cannot be rendered: the run's verdict and the error, nothing else. */
export function errorPage(summary: RunSummary, error: string): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<title>${summary.final_verdict} · opencode-dogfood ${summary.run_id}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<h1>${summary.final_verdict} opencode-dogfood ${summary.run_id}</h1>
<p class="warn">The HTML report could not be rendered; run_summary.json and the evidence files are the ledger. The error:</p>
<pre>${error}</pre>
</body>
</html>
`.value
}
