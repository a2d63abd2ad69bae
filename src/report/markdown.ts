// Markdown pieces shared by the job summary and the check run: the verdict
// table, the reasons, and a packer that keeps a document under a size limit
// by dropping rows (never cutting one in half) and saying so.
import type { CaseSummary, RunSummary } from '../types.js'
import { printable } from '../printable.js'
import { usageText } from './tokens.js'

/** Longest reason shown in one line; the full text is in the ledger. */
export const MAX_REASON_CHARS = 300

export const STATUS_ICON: Record<CaseSummary['status'], string> = { PASS: '✅', FAIL: '❌', SKIPPED: '⏭️' }

/**
 * Markdown's inline punctuation that can make text into something else: a
 * link or an image (its `[`…`]`: without them `(url)` is text; GitHub fetches
 * an image for whoever views the page), code, emphasis or strike-through, a
 * table's cell break, an escape. Each is written with a backslash (CommonMark
 * shows the character itself); `&`, `<` and `>` as entities (no raw HTML, no
 * autolink, no entity spelling a `/`). (`_` is left: ids and file names are
 * full of it, and at most it makes a word italic.)
 */
const MD_PUNCT = /[\\`*~[\]|]/g

/**
 * Agent- or repository-controlled text as inline markdown that shows exactly
 * that text: one line (newlines as spaces), every other control character
 * escaped (printable), HTML and markdown punctuation inert. Used for table
 * cells and the text of bullets.
 */
export function cell(text: string): string {
  return printable(text.replace(/\r?\n|\r/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MD_PUNCT, (c) => `\\${c}`)
    .trim()
}

export function clip(text: string, max = MAX_REASON_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Inline code that survives backticks inside the value. */
export function code(text: string): string {
  const clean = printable(text.replace(/\r?\n|\r/g, ' '))
  // A code span ends at the first run of backticks as long as its fence: the fence is one longer than any run inside.
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  // (A space each side when the text meets a backtick or a space at an end: CommonMark strips one such pair.)
  const pad = /^[` ]|[` ]$/.test(clean) ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

export function duration(ms: number, status: CaseSummary['status']): string {
  if (status === 'SKIPPED') return '—'
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

export const TABLE_HEAD = [
  '| case | stage | expected | actual | status | failure code | duration | tokens · cost |',
  '| --- | --- | --- | --- | --- | --- | ---: | ---: |',
]

export function tableRow(c: CaseSummary): string {
  const cells = [
    c.case_id,
    c.stage,
    c.expected_outcome,
    c.actual_outcome ?? '—',
    `${STATUS_ICON[c.status]} ${c.status}${c.attempts ? ` (${c.attempts.passed}/${c.attempts.total} attempts)` : ''}`,
    c.failure_code ?? '—',
    duration(c.duration_ms, c.status),
    usageText(c.tokens),
  ]
  return `| ${cells.map(cell).join(' | ')} |`
}

/** One bullet per case that did not pass: why, and which paths broke a gate. */
export function reasonLine(c: CaseSummary): string {
  const what = c.status === 'SKIPPED' ? 'skipped' : c.failure_code ? code(c.failure_code) : 'failed'
  const paths = c.offending_paths?.length
    ? ` — paths: ${c.offending_paths
        .slice(0, 10)
        .map((p) => code(p))
        .join(', ')}${c.offending_paths.length > 10 ? ` and ${c.offending_paths.length - 10} more` : ''}`
    : ''
  return `- **${cell(c.case_id)}** ${what}: ${cell(clip(c.reason ?? 'no reason recorded'))}${paths}`
}

/**
 * How many attempts `denied` (a case's egress_denied) stands for: a line of
 * the proxy's is one; an `unrouted … ×N (…)` line (sandbox/egress-proxy.ts
 * describeDenied), the N attempts the namespace's kernel counted.
 */
export function egressAttempts(denied: string[]): number {
  return denied.reduce((n, d) => n + Number(/^unrouted [^×]* ×([0-9]+) \(/.exec(d)?.[1] ?? 1), 0)
}

/** One bullet per case with refused egress (at the proxy, or never routed): how many attempts, and the first few (the whole list is its egress.jsonl). */
export function egressLine(c: CaseSummary): string {
  const d = c.egress_denied ?? []
  return `- **${cell(c.case_id)}** ${egressAttempts(d)}${d.length >= 20 ? '+' : ''} refused: ${d
    .slice(0, 5)
    .map((x) => code(clip(x, 120)))
    .join(', ')}${d.length > 5 ? ' …' : ''}`
}

export function notPassed(s: RunSummary): CaseSummary[] {
  return s.cases.filter((c) => c.status !== 'PASS')
}

export function countsLine(s: RunSummary): string {
  return `${s.total_cases} case${s.total_cases === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`
}

export type Measure = (text: string) => number
export const bytes: Measure = (t) => Buffer.byteLength(t, 'utf8')
export const chars: Measure = (t) => [...t].length

export interface Section {
  /** Lines always kept (a heading, a table head). */
  head: string[]
  /** Lines kept in order while they fit. */
  items: string[]
}

/**
 * Join fixed text and sections under `limit`: fixed lines always stay; the
 * items of each section are kept in order while they fit; if any were left
 * out, `overflowNote(n)` is added (its size is reserved up front).
 */
export function pack(opts: {
  before: string[]
  sections: Section[]
  after: string[]
  limit: number
  measure: Measure
  overflowNote: (omitted: number) => string
}): string {
  const join = (lines: string[]) => lines.join('\n') + '\n'
  const totalItems = opts.sections.reduce((n, s) => n + s.items.length, 0)
  const fixed = [...opts.before, ...opts.sections.flatMap((s) => (s.items.length ? s.head : [])), ...opts.after]
  const whole = join([...opts.before, ...opts.sections.flatMap((s) => (s.items.length ? [...s.head, ...s.items] : [])), ...opts.after])
  if (opts.measure(whole) <= opts.limit) return whole
  let budget = opts.limit - opts.measure(join(fixed)) - opts.measure(opts.overflowNote(totalItems) + '\n\n')
  let kept = 0
  const out: string[] = [...opts.before]
  for (const s of opts.sections) {
    if (!s.items.length) continue
    out.push(...s.head)
    for (const item of s.items) {
      const size = opts.measure(item + '\n')
      if (size > budget) break
      budget -= size
      out.push(item)
      kept++
    }
  }
  out.push('', opts.overflowNote(totalItems - kept), ...opts.after)
  return cutTo(join(out), opts.limit, opts.measure)
}

/** The fixed lines alone may exceed a tiny limit: cut hard rather than break it. */
export function cutTo(text: string, limit: number, measure: Measure): string {
  if (measure(text) <= limit) return text
  const points = [...text]
  let lo = 0
  let hi = points.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(points.slice(0, mid).join('') + '…\n') <= limit) lo = mid
    else hi = mid - 1
  }
  return points.slice(0, lo).join('') + '…\n'
}

/**
 * The line every report starts with when the run was uncontained: "UNCONTAINED:
 * the agent ran without the OS sandbox (why)". Undefined when the run was
 * contained, or when the summary does not record containment (older runs).
 * Reads `containment` as containmentLabel writes it: "none (MODE): why".
 */
export function uncontainedLine(s: RunSummary): string | undefined {
  const label = s.containment
  if (label === undefined || !label.startsWith('none')) return undefined
  const m = /^none \(([^)]*)\): (.*)$/s.exec(label)
  const why = (m ? m[2] : label).replace(/\s+/g, ' ').trim()
  return `UNCONTAINED: the agent ran without the OS sandbox (${why})`
}
