// What the check run says: the request bodies of checks/create and
// checks/update, built as plain data so the tests can validate them against
// GitHub's own schemas. Output text is capped at 65,535 characters and
// annotations go at most 50 to a request.
import { printable } from '../printable.js'
import type { CaseSummary, RunSummary } from '../types.js'
import { chars, clip, countsLine, notPassed, pack, reasonLine, TABLE_HEAD, tableRow, uncontainedLine } from './markdown.js'
import { ledgerLines, overviewLines, uncontainedLines, verdictHeading, type ReportContext } from './summary.js'

export const CHECK_TEXT_LIMIT = 65_535
export const ANNOTATIONS_PER_REQUEST = 50
/** Beyond this a PR page is noise; the ledger has every path. */
export const MAX_ANNOTATIONS = 500
const TITLE_LIMIT = 255

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

export interface CheckOutput {
  title: string
  summary: string
  text?: string
  annotations?: CheckAnnotation[]
}

export interface CreateBody {
  name: string
  head_sha: string
  status: 'in_progress'
  started_at: string
  details_url?: string
  external_id?: string
  output: CheckOutput
}

export interface UpdateBody {
  status?: 'in_progress' | 'completed'
  conclusion?: 'success' | 'failure'
  completed_at?: string
  external_id?: string
  output: CheckOutput
}

export function createBody(opts: { name: string; headSha: string; startedAt: Date; detailsUrl?: string; stages: string }): CreateBody {
  const body: CreateBody = {
    name: opts.name,
    head_sha: opts.headSha,
    status: 'in_progress',
    started_at: opts.startedAt.toISOString(),
    output: { title: 'Running', summary: `opencode-dogfood is running stages ${opts.stages}.` },
  }
  if (opts.detailsUrl) body.details_url = opts.detailsUrl
  return body
}

/** The check's title (its first line on the PR): "UNCONTAINED — PASS: …" when the run was uncontained. */
export function checkTitle(s: RunSummary): string {
  return clip(`${uncontainedLine(s) ? 'UNCONTAINED — ' : ''}${s.final_verdict}: ${countsLine(s)}`, TITLE_LIMIT)
}

export function checkOutput(ctx: ReportContext): CheckOutput {
  const s = ctx.summary
  const summary = pack({
    before: [...uncontainedLines(ctx), verdictHeading(ctx), '', ...overviewLines(ctx), ...ledgerLines(ctx)],
    sections: [],
    after: [],
    limit: CHECK_TEXT_LIMIT,
    measure: chars,
    overflowNote: () => '',
  })
  const text = pack({
    before: [],
    sections: [
      { head: ['### Cases', '', ...TABLE_HEAD], items: s.cases.map(tableRow) },
      { head: ['', '### Why cases did not pass', ''], items: notPassed(s).map(reasonLine) },
    ],
    after: [],
    limit: CHECK_TEXT_LIMIT,
    measure: chars,
    overflowNote: (n) =>
      `> ⚠️ ${n} line(s) not shown: check run text is limited to 65,535 characters. The full table is run_summary.json in the ledger artifact.`,
  })
  return { title: checkTitle(s), summary, text }
}

/** One failure annotation per path that broke a gate. */
export function annotationsFor(cases: CaseSummary[]): CheckAnnotation[] {
  const out: CheckAnnotation[] = []
  for (const c of cases) {
    if (c.status !== 'FAIL') continue
    for (const p of c.offending_paths ?? []) {
      out.push({
        // (A name with a newline or ESC is the agent's: shown inert, as everywhere a person looks.)
        path: printable(p),
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure',
        title: clip(`opencode-dogfood ${c.case_id}${c.failure_code ? ` ${c.failure_code}` : ''}`, TITLE_LIMIT),
        message: clip(printable(`${c.case_id} (${c.stage}) broke a gate at this path: ${c.reason ?? 'no reason recorded'}`), 1000),
      })
    }
  }
  return out.slice(0, MAX_ANNOTATIONS)
}

/**
 * The update requests that complete a check run: every request but the last
 * appends up to 50 annotations (status unchanged); the last completes it with
 * the conclusion and the remaining annotations.
 */
export function completionBodies(ctx: ReportContext, completedAt: Date): UpdateBody[] {
  return batchedCompletion(checkOutput(ctx), annotationsFor(ctx.summary.cases), ctx.summary.final_verdict === 'PASS', ctx.summary.run_id, completedAt)
}

/** `output`'s annotations 50 a request (status unchanged), then the completing request with the rest. */
function batchedCompletion(output: CheckOutput, annotations: CheckAnnotation[], passed: boolean, externalId: string, completedAt: Date): UpdateBody[] {
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  const last = batches.pop()
  const bodies: UpdateBody[] = batches.map((a) => ({ output: { title: output.title, summary: output.summary, annotations: a } }))
  const final: UpdateBody = {
    status: 'completed',
    conclusion: passed ? 'success' : 'failure',
    completed_at: completedAt.toISOString(),
    external_id: externalId,
    output: last ? { ...output, annotations: last } : output,
  }
  return [...bodies, final]
}

/** The body that closes a check run when the suite could not run at all. */
export function errorBody(message: string, completedAt: Date): UpdateBody {
  return {
    status: 'completed',
    conclusion: 'failure',
    completed_at: completedAt.toISOString(),
    output: { title: 'The suite did not run', summary: clip(message.replace(/\r/g, ''), CHECK_TEXT_LIMIT) },
  }
}

/**
 * The bodies that complete one check run for several merged sets (a matrix
 * over models or OpenCode versions): success only when every set passed; the
 * summary has each set's heading and overview, the text the comparison table,
 * the annotations every failing set's paths (50 a request, as above).
 */
export function setsCompletionBodies(sets: ReportContext[], comparison: string, completedAt: Date): UpdateBody[] {
  const failing = sets.filter((s) => s.summary.final_verdict !== 'PASS')
  const verdict = failing.length === 0 ? 'PASS' : 'FAIL'
  const uncontained = sets.some((s) => uncontainedLine(s.summary))
  const title = clip(`${uncontained ? 'UNCONTAINED — ' : ''}${verdict}: ${sets.length} sets, ${failing.length} failing`, TITLE_LIMIT)
  const summary = clip(
    sets.flatMap((s) => [...uncontainedLines(s), verdictHeading(s), '', ...overviewLines(s), ...ledgerLines(s), '']).join('\n'),
    CHECK_TEXT_LIMIT,
  )
  const output: CheckOutput = { title, summary, text: clip(comparison, CHECK_TEXT_LIMIT) }
  const annotations = annotationsFor(failing.flatMap((s) => s.summary.cases))
  return batchedCompletion(output, annotations, verdict === 'PASS', sets.map((s) => s.summary.run_id).join(','), completedAt)
}
