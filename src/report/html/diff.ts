// changes.diff (written by the case: see cases/diff-evidence.ts) split per
// file and shown line by line, added and removed lines marked.
import { cutNote, LIMITS } from './cut.js'
import { html, type Html } from './escape.js'

export interface FileDiff {
  path: string
  /** Lines before the first hunk: mode changes, notes, ---/+++ headers. */
  header: string[]
  /** The hunks, as their lines (@@ headers included). */
  body: string[]
  added: number
  removed: number
}

/** The path of a `diff --git a/P b/P` header (P plain, or a JSON string when quoted). */
export function headerPath(rest: string): string {
  let first: string
  const quoted = /^"(?:[^"\\]|\\.)*"/.exec(rest)
  if (quoted) {
    try {
      first = JSON.parse(quoted[0]) as string
    } catch {
      first = quoted[0]
    }
  } else first = rest.split(' ')[0]
  return first.startsWith('a/') ? first.slice(2) : first
}

/** One FileDiff per `diff --git` block of the file. */
export function splitDiff(text: string): FileDiff[] {
  const out: FileDiff[] = []
  let cur: FileDiff | undefined
  let inHunks = false
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      cur = { path: headerPath(line.slice('diff --git '.length)), header: [], body: [], added: 0, removed: 0 }
      out.push(cur)
      inHunks = false
      continue
    }
    if (!cur) continue
    if (line.startsWith('@@')) inHunks = true
    if (!inHunks) {
      cur.header.push(line)
      continue
    }
    cur.body.push(line)
    if (line.startsWith('+')) cur.added++
    else if (line.startsWith('-')) cur.removed++
  }
  return out
}

function lineClass(line: string): string {
  if (line.startsWith('@@')) return 'hunk'
  if (line.startsWith('+')) return 'add'
  if (line.startsWith('-')) return 'del'
  if (line.startsWith('\\')) return 'meta'
  return 'ctx'
}

/** One file's diff: header lines, then each line of the hunks marked, cut after LIMITS.diffLines lines. */
export function renderFileDiff(d: FileDiff, source: string): Html {
  const shown = d.body.slice(0, LIMITS.diffLines)
  const head = d.header.filter((l) => !l.startsWith('--- ') && !l.startsWith('+++ '))
  return html`<div class="file-diff" data-path="${d.path}">
<h5><code>${d.path}</code> <span class="stat"><span class="add">+${d.added}</span> <span class="del">−${d.removed}</span></span></h5>
${head.length > 0 ? html`<pre class="diff-head">${head.join('\n')}</pre>` : ''}${shown.length > 0 ? html`<pre class="diff">${shown.map((l) => html`<span class="${lineClass(l)}">${l}</span>`)}</pre>` : ''}${
  d.body.length > shown.length ? cutNote({ shown: shown.length, total: d.body.length, unit: 'lines' }, source) : ''
}
</div>`
}
