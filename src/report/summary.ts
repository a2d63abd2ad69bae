// The job summary ($GITHUB_STEP_SUMMARY): verdict, counts, stop reason, the
// table of every case, why cases did not pass, and where the ledger is. GitHub
// drops a step summary over 1 MiB whole, so rows that do not fit are left out
// with a note pointing at the artifact, which always holds the full table.
import type { CaseSummary, RunSummary } from '../types.js'
import { caseAnchor, REPORT_FILE } from './html/names.js'
import { usageDetail } from './tokens.js'
import { bytes, cell, code, countsLine, egressLine, notPassed, pack, reasonLine, TABLE_HEAD, tableRow, uncontainedLine, type Measure } from './markdown.js'

/** GitHub's limit for one step's summary. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024

export interface ArtifactInfo {
  name: string
  id?: number
  /** sha256 of the uploaded zip, hex. */
  digest?: string
  size?: number
  /** Where a person downloads it (the run's artifact page). */
  url?: string
  /** Why the upload failed, when it did. */
  error?: string
}

export interface ReportContext {
  summary: RunSummary
  /** The RUN_XXXX folder as the reader should see it. */
  ledgerPath: string
  model: string
  /** Undefined when upload-artifact is false. */
  artifact?: ArtifactInfo
  title?: string
}

/** The job summary's and the check's first lines when the run was uncontained: a warning line, then a blank one; else none. */
export function uncontainedLines(ctx: ReportContext): string[] {
  const line = uncontainedLine(ctx.summary)
  return line ? [`**⚠️ ${cell(line)}**`, ''] : []
}

export function verdictHeading(ctx: ReportContext): string {
  const s = ctx.summary
  return `## ${s.final_verdict === 'PASS' ? '✅' : '❌'} ${ctx.title ?? 'opencode-dogfood'}: ${s.final_verdict}`
}

export function overviewLines(ctx: ReportContext): string[] {
  const s = ctx.summary
  const lines = [`**${s.run_id}** · ${countsLine(s)} · commit ${code(s.repo_commit.slice(0, 12))} · model ${code(ctx.model)}`]
  if (s.stop_reason) lines.push('', `> **Stop reason:** ${cell(s.stop_reason)}`)
  if (s.containment) lines.push('', `Containment: ${code(s.containment)}`)
  if (s.tokens) lines.push('', `Tokens and cost (as OpenCode reports them): ${usageDetail(s.tokens)}`)
  if (s.shard)
    lines.push(
      '',
      `Shard ${s.shard.index} of ${s.shard.total} of set ${code(s.shard.set_id)}: merge the set with ${code('opencode-dogfood merge')} (or the Action's ${code('mode: merge')})`,
    )
  if (s.merged)
    lines.push(
      '',
      `Merged from ${s.merged.shards.length} shards of set ${code(s.merged.set_id)}: ${s.merged.shards.map((x) => `${x.index}: ${x.run_id} (root ${code(x.ledger_root.slice(0, 12))})`).join(', ')}`,
    )
  return lines
}

export function artifactLine(a: ArtifactInfo | undefined): string {
  if (!a) return '- artifact: not uploaded (`upload-artifact: false`)'
  if (a.error) return `- artifact ${code(a.name)}: upload failed — ${cell(a.error)}`
  const link = a.url ? `[${a.name}](${a.url})` : code(a.name)
  const parts = [`- artifact ${link}`]
  if (a.id !== undefined) parts.push(`id ${a.id}`)
  if (a.digest) parts.push(`digest ${code(`sha256:${a.digest}`)}`)
  if (a.size !== undefined) parts.push(`${a.size} bytes`)
  return parts.join(' · ')
}

export function ledgerLines(ctx: ReportContext): string[] {
  const root = ctx.summary.ledger_root
  const verify = `npx opencode-dogfood verify ${ctx.ledgerPath}${root ? ` --root ${root}` : ''}`
  const lines = ['', '### Ledger', '', artifactLine(ctx.artifact), `- in the workspace: ${code(ctx.ledgerPath)} — check it with ${code(verify)}`]
  // Published here, outside the ledger: whoever rewrites the files cannot rewrite this page.
  if (root) lines.push(`- ledger root: ${code(root)}`)
  return lines
}

/** Where a failing case is in the HTML report: report.html#case-ID, inside the artifact's RUN folder. */
export function reportPointer(c: CaseSummary, runId: string): string {
  return c.status === 'FAIL' ? ` — details: ${code(`${runId}/${REPORT_FILE}#${caseAnchor(c.case_id)}`)}` : ''
}

/** The HTML report of the run: where it is, and how to open it. */
export function reportLine(ctx: ReportContext): string {
  const what = "every case's prompt, tool calls, answer, diffs, guard and restore"
  if (ctx.artifact && !ctx.artifact.error)
    return `- report: ${code(`${ctx.summary.run_id}/${REPORT_FILE}`)} in the artifact — unzip it and open the page (self-contained, no network): ${what}`
  return `- report: ${code(`${ctx.ledgerPath}/${REPORT_FILE}`)} in the workspace (self-contained, no network): ${what}`
}

export function renderJobSummary(ctx: ReportContext, limit = JOB_SUMMARY_LIMIT, measure: Measure = bytes): string {
  const s = ctx.summary
  const reasons = notPassed(s)
  return pack({
    before: [...uncontainedLines(ctx), verdictHeading(ctx), '', ...overviewLines(ctx)],
    sections: [
      { head: ['', '### Cases', '', ...TABLE_HEAD], items: s.cases.map(tableRow) },
      { head: ['', '### Why cases did not pass', ''], items: reasons.map((c) => reasonLine(c) + reportPointer(c, s.run_id)) },
      {
        head: ['', '### Network attempts refused (at the egress proxy, or with no route out of the sandbox)', ''],
        items: s.cases.filter((c) => c.egress_denied?.length).map(egressLine),
      },
    ],
    after: [...ledgerLines(ctx), reportLine(ctx)],
    limit,
    measure,
    overflowNote: (n) => `> ⚠️ ${n} line(s) not shown: a job summary must stay under 1 MiB. The full table is run_summary.json in the ledger artifact.`,
  })
}
