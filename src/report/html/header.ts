// The top of the report: verdict, counts, stop reason, containment, ledger
// root, OpenCode version, model, commit — and the case table.
import { duration } from './case-section.js'
import { caseAnchor } from './names.js'
import { cutText, LIMITS } from './cut.js'
import { html, type Html } from './escape.js'
import { readHead, type RunView } from './ledger.js'
import { asTokens } from './tokens.js'
import { formatCost, usageDetail } from '../tokens.js'

/** Fields of run_summary.json the header shows by name; any other field is listed as it is. */
const KNOWN = new Set([
  'schema_id',
  'schema_version',
  'run_id',
  'repo_commit',
  'total_cases',
  'passed',
  'failed',
  'skipped',
  'final_verdict',
  'stop_reason',
  'containment',
  'cases',
  'model',
  'tokens',
])

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2)
}

/** The OpenCode version the server reported (health.json of any case, or a version field of the summary). */
export function opencodeVersion(run: RunView): string | undefined {
  const own = run.summary.opencode_version
  if (typeof own === 'string') return own
  for (const c of run.cases) {
    const f = c.evidence.get('health.json')
    if (!f) continue
    try {
      const h = JSON.parse(readHead(f, 64 * 1024).text) as { version?: unknown }
      if (typeof h.version === 'string') return h.version
    } catch {
      // not JSON: look at the next case
    }
  }
  return undefined
}

const distinct = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))]

/** Verdict, counts and the run's facts. */
export function runHeader(run: RunView, origin: 'run' | 'cli' = 'cli'): Html {
  const s = run.summary
  const extra = Object.keys(s).filter((k) => !KNOWN.has(k))
  const roots = extra.filter((k) => /root/i.test(k))
  const others = extra.filter((k) => !/root/i.test(k) && k !== 'opencode_version')
  const version = opencodeVersion(run)
  const models = distinct([typeof s.model === 'string' ? s.model : undefined, ...run.cases.map((c) => c.result?.model_id)])
  const tokens = asTokens(s.tokens)
  const transports = distinct(run.cases.map((c) => c.result?.transport))
  const facts: [string, string | Html][] = [
    ['cases', `${s.total_cases}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`],
    ...(s.stop_reason ? [['stop reason', s.stop_reason] as [string, string]] : []),
    ['containment', s.containment ?? 'not recorded'],
    ...(roots.length > 0
      ? roots.map((k) => [`ledger root (${k})`, html`<code class="hash">${valueText(s[k])}</code>`] as [string, Html])
      : [
          [
            'ledger root',
            html`<span class="empty">${origin === 'run' ? 'sealed into run_summary.json after this page was written (the root covers this page)' : 'none in run_summary.json'}</span>`,
          ] as [string, Html],
        ]),
    ['OpenCode', version ?? 'unknown (no health.json in this run)'],
    ['model', models.length > 0 ? models.join(', ') : 'unknown (no case ran)'],
    ['transport', transports.length > 0 ? transports.join(', ') : '—'],
    ['tokens and cost', tokens ? usageDetail(tokens) : 'not recorded'],
    ['commit', html`<code>${s.repo_commit}</code>`],
    ...others.map((k) => [k, html`<code>${valueText(s[k])}</code>`] as [string, Html]),
  ]
  return html`<header class="run v-${s.final_verdict}">
<h1><span class="verdict">${s.final_verdict}</span> opencode-dogfood ${s.run_id}</h1>
<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
</header>`
}

/** A case's tokens and cost for its row: `1234 · $0.0012`, `—` when none (or not in their shape). */
function tokenCell(v: unknown): string {
  const t = asTokens(v)
  return t ? `${t.total} · $${formatCost(t.cost)}` : '—'
}

/** The case table: one row per case, linking to its section. */
export function caseTable(run: RunView): Html {
  const rows = run.cases.map((c) => {
    const s = c.summary
    const reason = cutText((s.reason ?? '').replace(/\s+/g, ' '), LIMITS.reason)
    return html`<tr class="st-${s.status}"><td><a href="#${caseAnchor(s.case_id)}">${s.case_id}</a></td><td>${s.stage}</td><td>${s.expected_outcome}</td><td>${s.actual_outcome ?? '—'}</td><td><span class="badge st-${s.status}">${s.status}</span></td><td>${s.failure_code ?? '—'}</td><td class="num">${s.status === 'SKIPPED' ? '—' : duration(s.duration_ms)}</td><td class="num">${tokenCell(s.tokens)}</td><td class="reason">${reason.text}${reason.cut ? '…' : ''}</td></tr>`
  })
  return html`<table class="cases"><thead><tr><th>case</th><th>stage</th><th>expected</th><th>actual</th><th>status</th><th>failure code</th><th>duration</th><th>tokens · cost</th><th>reason</th></tr></thead><tbody>${rows}</tbody></table>`
}
