// The agent's side of a case: per call, the prompt, the timeline of what it
// said and which tools it called (input, status, output; refused calls
// marked), and its answer — all of it shown as text.
import { cutNote, cutText, LIMITS, pre } from './cut.js'
import { html, runHref, type Html } from './escape.js'
import type { EvidenceFile } from './ledger.js'
import { readHead } from './ledger.js'
import { parseTranscript, type CallView, type Step } from './transcript.js'

/** transcript.json is read whole (its timeline needs the JSON); beyond this it is only linked. */
export const MAX_TRANSCRIPT_BYTES = 256 * 1024 * 1024

function ms(n: number | undefined): string {
  if (n === undefined) return ''
  return n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(2)} s`
}

function inputText(input: unknown): string {
  if (input === undefined) return ''
  if (typeof input === 'string') return input
  try {
    return JSON.stringify(input, null, 2)
  } catch {
    return String(input)
  }
}

function stepHtml(s: Step, source: string): Html {
  if (s.kind !== 'tool')
    return html`<li class="step ${s.kind}"><span class="who">${s.kind === 'text' ? 'said' : 'thought'}</span>${pre(s.text, { max: LIMITS.tool, source })}</li>`
  const cls = s.denied ? 'denied' : s.status === 'completed' ? 'ok' : s.status === 'error' ? 'err' : 'other'
  return html`<li class="step tool ${cls}">
<div class="tool-head"><code class="tool-name">${s.tool}</code> <span class="badge ${cls}">${s.denied ? 'DENIED' : s.status}</span>${s.durationMs !== undefined ? html` <span class="dur">${ms(s.durationMs)}</span>` : ''}</div>
<div class="io"><span class="label">input</span>${pre(inputText(s.input), { max: LIMITS.tool, source, empty: '(no input)' })}</div>
${s.error !== undefined ? html`<div class="io"><span class="label">${s.denied ? 'refused' : 'error'}</span>${pre(s.error, { max: LIMITS.tool, source })}</div>` : ''}${
  s.output !== undefined ? html`<div class="io"><span class="label">output</span>${pre(s.output, { max: LIMITS.tool, source })}</div>` : ''
}
</li>`
}

function callHtml(c: CallView, i: number, n: number, source: string): Html {
  const shown = c.steps.slice(0, LIMITS.timeline)
  const denied = c.steps.filter((s) => s.kind === 'tool' && s.denied).length
  const facts = [
    `model ${c.model}`,
    c.durationMs !== undefined ? `took ${ms(c.durationMs)}` : undefined,
    c.timedOut ? `timed out (session ${c.sessionStopped === false ? 'kept running' : 'stopped'})` : undefined,
    c.httpStatus !== undefined ? `HTTP ${c.httpStatus}` : undefined,
    `${c.steps.filter((s) => s.kind === 'tool').length} tool call(s)${denied ? `, ${denied} denied` : ''}`,
    c.sessionId ? `session ${c.sessionId}` : undefined,
  ].filter(Boolean)
  const answer = cutText(c.answer, LIMITS.message)
  return html`<div class="call">
<h4>Agent call${n > 1 ? ` ${i + 1} of ${n}` : ''}</h4>
<p class="facts">${facts.join(' · ')}</p>
${c.error ? html`<p class="warn">error: ${c.error}</p>` : ''}
<h5>Prompt</h5>
${c.prompt === undefined ? html`<p class="empty">(no user message in the transcript)</p>` : pre(c.prompt, { max: LIMITS.message, source, cls: 'text prompt', empty: '(empty prompt)' })}
<h5>Timeline</h5>
${shown.length === 0 ? html`<p class="empty">(no step recorded)</p>` : html`<ol class="timeline">${shown.map((s) => stepHtml(s, source))}</ol>`}${
  c.steps.length > shown.length ? cutNote({ shown: shown.length, total: c.steps.length, unit: 'entries' }, source) : ''
}
<h5>Answer</h5>
${c.answer.length === 0 ? html`<p class="empty">(no answer text)</p>` : html`<pre class="text answer">${answer.text}</pre>${answer.cut ? cutNote({ shown: answer.text.length, total: answer.total, unit: 'characters' }, source) : ''}`}
</div>`
}

/** The agent section of a case, from its transcript.json (or a line saying there was no agent call). */
export function agentSection(transcript: EvidenceFile | undefined): Html {
  if (!transcript) return html`<p class="empty">No agent call in this case (no transcript.json).</p>`
  if (transcript.bytes > MAX_TRANSCRIPT_BYTES)
    return html`<p class="cut">✂ transcript.json is ${transcript.bytes.toLocaleString('en')} bytes, too large to show here: see <a href="${runHref(transcript.rel)}">${transcript.rel}</a></p>`
  const read = readHead(transcript, MAX_TRANSCRIPT_BYTES)
  const parsed = parseTranscript(read.text)
  if ('problem' in parsed) return html`<p class="warn">${transcript.rel}: ${parsed.problem}</p>`
  if (parsed.calls.length === 0) return html`<p class="empty">The transcript lists no agent call.</p>`
  return html`${parsed.calls.map((c, i) => callHtml(c, i, parsed.calls.length, transcript.rel))}`
}
