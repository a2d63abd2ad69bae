// Long content is cut, and the cut says how much was left out and which
// evidence file holds all of it. The page stays small whatever the agent did.
import { html, runHref, type Html } from './escape.js'

/** How much of each kind of content the page shows (characters, lines, entries). */
export const LIMITS = {
  /** An evidence file shown as text (check output, logs). */
  text: 16_000,
  /** A prompt or an answer. */
  message: 16_000,
  /** One tool call's input or output. */
  tool: 4_000,
  /** A created file's content. */
  item: 8_000,
  /** Lines of one file's diff. */
  diffLines: 1_500,
  /** Timeline entries of one agent call. */
  timeline: 200,
  /** A reason in the case table. */
  reason: 300,
} as const

export interface Cut {
  text: string
  /** Characters in the whole text. */
  total: number
  cut: boolean
}

/** The first `max` characters of `text` (never half a surrogate pair). */
export function cutText(text: string, max: number): Cut {
  if (text.length <= max) return { text, total: text.length, cut: false }
  let end = max
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return { text: text.slice(0, end), total: text.length, cut: true }
}

/** "showing N of M characters; the full text is in FILE" (FILE a link inside the RUN folder). */
export function cutNote(c: { shown: number; total: number; unit: string }, source: string | undefined): Html {
  const where = source ? html` — the full ${c.unit === 'lines' || c.unit === 'entries' ? 'list' : 'text'} is in <a href="${runHref(source)}">${source}</a>` : ''
  return html`<p class="cut">✂ cut: showing ${c.shown.toLocaleString('en')} of ${c.total.toLocaleString('en')} ${c.unit}${where}</p>`
}

/** Text in a <pre>, cut at `max` characters with a note pointing at `source`. */
export function pre(text: string, opts: { max: number; source?: string; cls?: string; empty?: string }): Html {
  if (text.length === 0) return html`<p class="empty">${opts.empty ?? '(empty)'}</p>`
  const c = cutText(text, opts.max)
  return html`<pre class="${opts.cls ?? 'text'}">${c.text}</pre>${c.cut ? cutNote({ shown: c.text.length, total: c.total, unit: 'characters' }, opts.source) : ''}`
}
