// The harness's side of a case: the checks' own output (test runs before and
// after, compile output, health, registry, roles, timing), the timings, the
// case log, and every evidence file with its size and sha256.
import { LIMITS, pre } from './cut.js'
import { html, runHref, type Html } from './escape.js'
import type { CaseView } from './ledger.js'
import { evidenceText } from './disk.js'

/** Evidence files written by the checks, in the order a reader wants them, with what they are. */
export const CHECK_FILES: [pattern: RegExp, label: string][] = [
  [/^test_before\.txt$/, 'test run before the agent'],
  [/^test_after\.txt$/, 'test run after the agent'],
  [/^test_run\.txt$/, 'test run of the generated test'],
  [/^compile\.txt$/, 'compile check'],
  [/^export_check\.txt$/, 'export check'],
  [/^health\.json$/, 'server health'],
  [/^registry\.json$/, 'provider registry'],
  [/^role_.+\.json$/, 'role record'],
  [/^timing\.json$/, 'latency budget'],
  [/^response\.json$/, 'response'],
  [/^answer\.txt$/, 'answer as judged'],
  [/^review\.txt$/, 'review as judged'],
]

/** Evidence about the harness itself, shown folded. */
const HARNESS_FILES: [name: string, label: string][] = [
  ['stderr.txt', 'case process stderr'],
  ['processes.txt', 'processes the agent left running'],
  ['redactions.txt', 'secrets redacted from the evidence'],
  ['worktree_check.txt', 'worktree predicate'],
  ['git_status.txt', 'git status --porcelain'],
  ['git_diff.txt', 'git diff --name-status'],
  ['policy.json', 'prevention and gate policy'],
]

function fileBlock(c: CaseView, name: string, label: string): Html {
  const f = c.evidence.get(name)!
  return html`<div class="evidence-file"><h5>${label} <a class="file" href="${runHref(f.rel)}">${name}</a></h5>${pre(evidenceText(c, name) ?? '', { max: LIMITS.text, source: f.rel, empty: '(empty file)' })}</div>`
}

/** The checks' own output files of the case. */
export function checksSection(c: CaseView): Html {
  const names = [...c.evidence.keys()]
  const blocks: Html[] = []
  for (const [pattern, label] of CHECK_FILES) for (const n of names.filter((x) => pattern.test(x))) blocks.push(fileBlock(c, n, label))
  return blocks.length > 0 ? html`${blocks}` : html`<p class="empty">This case's check wrote no output of its own.</p>`
}

/** Timings: the case as the suite measured it, and the case's own log (each line stamped with seconds since the case started). */
export function timingSection(c: CaseView): Html {
  const log = c.evidence.get('stdout.txt')
  return html`<p>case process: <strong>${c.summary.duration_ms} ms</strong> (start to verdict, measured by the suite)</p>${
    log
      ? html`<h5>Case log <a class="file" href="${runHref(log.rel)}">stdout.txt</a></h5>${pre(evidenceText(c, 'stdout.txt') ?? '', { max: LIMITS.text, source: log.rel, cls: 'text log', empty: '(empty log)' })}`
      : ''
  }`
}

/** Folded harness evidence, then the list of every evidence file (size and sha256 from the result JSON). */
export function evidenceSection(c: CaseView): Html {
  const harness = HARNESS_FILES.filter(([n]) => c.evidence.has(n)).map(([n, label]) => {
    const f = c.evidence.get(n)!
    return html`<details class="harness"><summary>${label} (<a class="file" href="${runHref(f.rel)}">${n}</a>)</summary>${pre(evidenceText(c, n) ?? '', { max: LIMITS.text, source: f.rel, empty: '(empty file)' })}</details>`
  })
  const recorded = new Map((c.result?.evidence ?? []).map((e) => [e.path, e]))
  const rows = [...c.evidence.values()].map((f) => {
    const r = recorded.get(f.rel)
    return html`<tr><td><a href="${runHref(f.rel)}">${f.name}</a></td><td class="num">${f.bytes}</td><td><code class="hash">${r ? r.sha256 : 'not listed in the result JSON'}</code></td></tr>`
  })
  return html`${harness}<table class="files"><thead><tr><th>file</th><th>bytes</th><th>sha256 (result JSON)</th></tr></thead><tbody>${rows}</tbody></table>`
}
