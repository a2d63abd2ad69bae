// One case of the report: a folded <details> whose summary line gives the
// verdict, and whose body gives everything the evidence holds about it.
import { agentSection } from './agent.js'
import { checksSection, evidenceSection, timingSection } from './checks.js'
import { cutText, LIMITS } from './cut.js'
import { diskSection, guardSection, restoreSection } from './disk.js'
import { html, runHref, type Html } from './escape.js'
import type { CaseView } from './ledger.js'
import { caseAnchor } from './names.js'
import { asTokens } from './tokens.js'
import { egressAttempts } from '../markdown.js'
import { usageDetail } from '../tokens.js'

/** A duration for a person: ms under a second, else seconds. */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

function verdictFacts(c: CaseView): Html {
  const s = c.summary
  const r = c.result
  const rows: [string, string | Html][] = [
    ['status', html`<span class="badge st-${s.status}">${s.status}</span>`],
    ['expected', s.expected_outcome],
    ['actual', s.actual_outcome ?? '—'],
    ['failure code', s.failure_code ?? '—'],
    ['reason', s.reason ?? r?.reason ?? '—'],
  ]
  const tokens = asTokens(s.tokens)
  if (tokens) rows.push(['tokens and cost', usageDetail(tokens)])
  if (s.egress_denied?.length)
    rows.push([
      'egress refused',
      `${egressAttempts(s.egress_denied)}${s.egress_denied.length >= 20 ? '+' : ''}: ${s.egress_denied.join('; ')} (evidence egress.jsonl)`,
    ])
  if (r)
    rows.push(
      ['model', r.model_id ?? '—'],
      ['transport', r.transport ?? '—'],
      ['commit', html`<code>${r.repo_commit}</code>`],
      ['result', html`<a href="${runHref(`cases/${s.case_id}.result.json`)}">cases/${s.case_id}.result.json</a>`],
    )
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>${c.resultProblem ? html`<p class="warn">${c.resultProblem}</p>` : ''}`
}

const section = (title: string, body: Html, cls = '') => html`<section class="part ${cls}"><h4 class="part-title">${title}</h4>${body}</section>`

/** The whole of one case. Skipped cases only say why. */
export function caseSection(c: CaseView): Html {
  const s = c.summary
  const reason = cutText((s.reason ?? '').replace(/\s+/g, ' '), LIMITS.reason)
  const head = html`<summary><span class="badge st-${s.status}">${s.status}</span> <strong>${s.case_id}</strong> <span class="stage">${s.stage}</span>${
    s.failure_code ? html` <code class="code">${s.failure_code}</code>` : ''
  } <span class="dur">${s.status === 'SKIPPED' ? '' : duration(s.duration_ms)}</span> <span class="reason">${reason.text}${reason.cut ? '…' : ''}</span></summary>`
  const anchor = html`<span class="anchor" id="${caseAnchor(s.case_id)}"></span>`
  if (s.status === 'SKIPPED')
    return html`<details class="case st-SKIPPED">${head}<div class="body">${anchor}<p>Not run: ${s.reason ?? 'no reason recorded'}</p></div></details>`
  return html`<details class="case st-${s.status}" data-case="${s.case_id}">${head}<div class="body">${anchor}
${section('Verdict', verdictFacts(c))}
${section('Guard: changes and violations', guardSection(c), 'guard')}
${section('Changes on disk', diskSection(c), 'disk')}
${section('Restore proof', restoreSection(c), 'restore')}
${section('Agent: prompt, timeline and answer', agentSection(c.evidence.get('transcript.json')), 'agent')}
${section("Checks' output", checksSection(c), 'checks')}
${section('Timings', timingSection(c), 'timings')}
${section('Evidence files', evidenceSection(c), 'files')}
</div></details>`
}
