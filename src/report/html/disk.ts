// What a case did on disk, from its evidence: the guard's changes and
// violations with the offending paths, a unified diff per file that was
// there before, the files the agent created (their content), the files it
// deleted, and the restore that put the tree back.
import { LIMITS, pre } from './cut.js'
import { renderFileDiff, splitDiff } from './diff.js'
import { html, runHref, type Html } from './escape.js'
import { readHead, type CaseView } from './ledger.js'

/** The tab-separated lines of an evidence file, JSON-quoted fields decoded. */
export function tsvRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) =>
      l.split('\t').map((f) => {
        if (!f.startsWith('"')) return f
        try {
          return JSON.parse(f) as string
        } catch {
          return f
        }
      }),
    )
}

/** An evidence file's text (its first `max` bytes), or undefined when the case has no such file. */
export function evidenceText(c: CaseView, name: string, max: number = LIMITS.text * 4): string | undefined {
  const f = c.evidence.get(name)
  if (!f) return undefined
  const r = readHead(f, max)
  return r.binary ? `(binary file, ${r.bytes} bytes)` : r.text
}

function table(head: string[], rows: (string | Html)[][], cls = ''): Html {
  return html`<table class="${cls}"><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody></table>`
}

const code = (t: string) => html`<code>${t}</code>`

/** Guard section: violations (code, kind, area, path), every change it saw, writes that escaped the worktree. */
export function guardSection(c: CaseView): Html {
  const violations = tsvRows(evidenceText(c, 'guard_violations.txt') ?? '')
  const changes = tsvRows(evidenceText(c, 'guard_changes.txt') ?? '')
  const escaped = tsvRows(evidenceText(c, 'escaped.txt') ?? '')
  const offending = c.summary.offending_paths ?? []
  const parts: Html[] = []
  if (violations.length > 0)
    parts.push(
      html`<h5>Violations</h5>${table(
        ['code', 'kind', 'area', 'path'],
        violations.map((r) => [html`<span class="badge err">${r[0] ?? ''}</span>`, r[1] ?? '', r[2] ?? '', code(r[3] ?? '')]),
        'violations',
      )}`,
    )
  else if (offending.length > 0) parts.push(html`<h5>Offending paths</h5><ul>${offending.map((p) => html`<li>${code(p)}</li>`)}</ul>`)
  parts.push(
    changes.length > 0
      ? html`<h5>Changes the guard saw</h5>${table(
          ['kind', 'area', 'path'],
          changes.map((r) => [r[0] ?? '', r[1] ?? '', code(r[2] ?? '')]),
        )}`
      : html`<p class="empty">The guard saw no change in the tree or the repository.</p>`,
  )
  if (escaped.length > 0)
    parts.push(
      html`<h5>Created outside the worktree (moved into the evidence)</h5>${table(
        ['evidence', 'where it was made'],
        escaped.map((r) => [html`<a href="${runHref(`evidence/${c.summary.case_id}/${r[0]}`)}">${r[0]}</a>`, code(r[1] ?? '')]),
      )}`,
    )
  return html`${parts}`
}

/** Changes on disk: one diff per modified or deleted file, the created files' content, the deleted files. */
export function diskSection(c: CaseView): Html {
  const id = c.summary.case_id
  const changes = tsvRows(evidenceText(c, 'guard_changes.txt') ?? '').filter((r) => r[1] === 'tree')
  const diffFile = c.evidence.get('changes.diff')
  const diffs = diffFile ? splitDiff(readHead(diffFile, 64 * 1024 * 1024).text) : []
  const items = tsvRows(evidenceText(c, 'items.txt') ?? '')
  const deleted = changes.filter((r) => r[0] === 'deleted').map((r) => r[2] ?? '')
  const parts: Html[] = []
  if (diffs.length > 0)
    parts.push(html`<h5>Modified and deleted files (unified diff against the state before the case)</h5>${diffs.map((d) => renderFileDiff(d, diffFile!.rel))}`)
  else if (changes.some((r) => r[0] === 'modified' || r[0] === 'mode' || r[0] === 'type'))
    parts.push(
      html`<p class="warn">Files were modified but this ledger has no changes.diff (written by opencode-dogfood since its HTML report): see guard_changes.txt.</p>`,
    )
  if (items.length > 0) {
    parts.push(html`<h5>Created files</h5>`)
    for (const [name, p] of items) {
      const f = c.evidence.get(name)
      const body = f ? readHead(f, LIMITS.item * 4) : undefined
      parts.push(
        html`<div class="created"><h5><code>${p ?? ''}</code> <span class="note">kept as <a href="${runHref(`evidence/${id}/${name}`)}">${name}</a>${f ? `, ${f.bytes} bytes` : ' (not captured)'}</span></h5>${
          body ? (body.binary ? html`<p class="empty">(binary file)</p>` : pre(body.text, { max: LIMITS.item, source: f!.rel, cls: 'text file' })) : ''
        }</div>`,
      )
    }
  } else {
    const created = changes.filter((r) => r[0] === 'created')
    if (created.length > 0) parts.push(html`<h5>Created</h5><ul>${created.map((r) => html`<li>${code(r[2] ?? '')}</li>`)}</ul>`)
  }
  if (deleted.length > 0) parts.push(html`<h5>Deleted files</h5><ul class="deleted">${deleted.map((p) => html`<li>${code(p)}</li>`)}</ul>`)
  if (parts.length === 0) return html`<p class="empty">Nothing in the work tree changed.</p>`
  return html`${parts}`
}

/** The restore proof: every path put back, and the after-restore comparison. */
export function restoreSection(c: CaseView): Html {
  const text = evidenceText(c, 'restore.txt')
  if (text === undefined) return html`<p class="empty">Nothing to restore (the tree did not change).</p>`
  const lines = text.split('\n').filter(Boolean)
  const verified = lines.find((l) => l.startsWith('verified:'))
  const records = tsvRows(lines.filter((l) => !l.startsWith('verified:')).join('\n'))
  const ok = verified?.includes('tree matches the before-snapshot') ?? false
  return html`<p class="${ok ? 'okline' : 'warn'}">${verified ?? 'no verification line in restore.txt'}</p>${
    records.length > 0
      ? table(
          ['action', 'path', 'detail'],
          records.map((r) => [html`<span class="badge ${r[0] === 'unrestorable' ? 'err' : 'ok'}">${r[0] ?? ''}</span>`, code(r[1] ?? ''), r[2] ?? '']),
        )
      : ''
  }`
}
