// JUnit XML of a run, for the tools that read test results (CI test tabs,
// dashboards): one <testsuite> per stage, one <testcase> per case; a FAIL is a
// <failure> whose type is the failure code and whose message is the reason;
// a skipped case says why (the stop reason). It matches the JUnit schema
// Jenkins validates reports with (junit-4.xsd: <skipped> holds text only).
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import { writeFileAtomic } from '../fsutil.js'
import { STAGES, type CaseSummary, type RunSummary } from '../types.js'
import { caseAnchor, REPORT_FILE } from './html/names.js'

/** Characters XML 1.0 cannot hold at all (they are replaced by U+FFFD). */
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/** Text for XML content or a double-quoted attribute: the five entities, line breaks kept in attributes, impossible characters replaced. */
export function xmlEscape(text: string, attribute = false): string {
  const clean = text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  return attribute ? clean.replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : clean
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v), true)}"`)
    .join('')

const seconds = (ms: number) => (ms / 1000).toFixed(3)

function failureText(c: CaseSummary, reportLink: string): string {
  const lines = [
    `${c.case_id} ${c.status}: expected ${c.expected_outcome}, actual ${c.actual_outcome ?? 'none'}${c.failure_code ? `, failure code ${c.failure_code}` : ''}`,
    `reason: ${c.reason ?? 'none recorded'}`,
  ]
  if (c.offending_paths?.length) lines.push('offending paths:', ...c.offending_paths.map((p) => `  ${p}`))
  lines.push(`report: ${reportLink}`)
  return lines.join('\n')
}

/** Tokens and cost as JUnit properties: `PREFIX.input` … `PREFIX.total`, then `costName` (dollars). */
function usageProps(prefix: string, u: CaseSummary['tokens'], costName = 'cost_usd'): [string, string | undefined][] {
  if (!u) return []
  return [
    ...(['input', 'output', 'reasoning', 'cache_read', 'cache_write', 'total'] as const).map((k): [string, string] => [`${prefix}.${k}`, String(u[k])]),
    [costName, String(u.cost)],
  ]
}

function testcase(c: CaseSummary, runId: string): string {
  const head = `    <testcase${attrs({ name: c.case_id, classname: `opencode-dogfood.${c.stage}`, time: seconds(c.status === 'SKIPPED' ? 0 : c.duration_ms) })}`
  const link = `${runId}/${REPORT_FILE}#${caseAnchor(c.case_id)}`
  if (c.status === 'SKIPPED') return `${head}>\n      <skipped>${xmlEscape(c.reason ?? 'not run')}</skipped>\n    </testcase>`
  if (c.status === 'FAIL')
    return `${head}>\n      <failure${attrs({ type: c.failure_code ?? 'FAIL', message: c.reason ?? 'failed' })}>${xmlEscape(failureText(c, link))}</failure>\n    </testcase>`
  const out = `${c.expected_outcome === 'EXPECTED_FAIL' ? `expected failure ${c.failure_code ?? ''} observed: ` : ''}${c.reason ?? ''}`
  return `${head}>\n      <system-out>${xmlEscape(out)}</system-out>\n    </testcase>`
}

/** The run as a JUnit XML document (UTF-8 text). */
export function renderJunit(s: RunSummary & { ledger_root?: unknown }): string {
  const props: [string, string | undefined][] = [
    ['run_id', s.run_id],
    ['repo_commit', s.repo_commit],
    ['final_verdict', s.final_verdict],
    ['stop_reason', s.stop_reason],
    ['containment', s.containment],
    ['ledger_root', typeof s.ledger_root === 'string' ? s.ledger_root : undefined],
    ['report', `${s.run_id}/${REPORT_FILE}`],
    ['model', s.model],
    ['opencode_version', s.opencode_version],
    ...usageProps('tokens', s.tokens),
  ]
  // junit-4.xsd gives a <testcase> no properties: a case's tokens and cost are its suite's, named by the case (`T1C01.tokens.total`).
  const properties = (cases: CaseSummary[]) =>
    `    <properties>\n${[...props, ...cases.flatMap((c) => usageProps(`${c.case_id}.tokens`, c.tokens, `${c.case_id}.cost_usd`))]
      .filter((p): p is [string, string] => p[1] !== undefined)
      .map(([name, value]) => `      <property${attrs({ name, value })}/>`)
      .join('\n')}\n    </properties>`
  const stages = STAGES.filter((st) => s.cases.some((c) => c.stage === st))
  const suites = stages.map((stage, i) => {
    const cases = s.cases.filter((c) => c.stage === stage)
    const n = (st: CaseSummary['status']) => cases.filter((c) => c.status === st).length
    const time = cases.reduce((t, c) => t + (c.status === 'SKIPPED' ? 0 : c.duration_ms), 0)
    return `  <testsuite${attrs({ name: stage, tests: cases.length, failures: n('FAIL'), errors: 0, skipped: n('SKIPPED'), time: seconds(time), id: i, package: 'opencode-dogfood' })}>\n${properties(cases)}\n${cases.map((c) => testcase(c, s.run_id)).join('\n')}\n  </testsuite>`
  })
  const total = s.cases.reduce((t, c) => t + (c.status === 'SKIPPED' ? 0 : c.duration_ms), 0)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: `opencode-dogfood ${s.run_id}`, tests: s.total_cases, failures: s.failed, errors: 0, time: seconds(total) })}>\n${suites.join('\n')}\n</testsuites>\n`
}

/** --junit FILE (Action input junit-path): resolved against `cwd`; a directory is refused. */
export function parseJunitPath(value: string, cwd: string, input = '--junit'): string {
  if (value.trim() === '') throw new InputError(input, 'is empty; give a file to write the JUnit XML to, e.g. test-results/opencode-dogfood.xml')
  const file = path.resolve(cwd, value)
  if (existsSync(file) && statSync(file).isDirectory())
    throw new InputError(input, `${file} is a directory; give a file name, e.g. ${path.join(file, 'opencode-dogfood.xml')}`)
  return file
}

/** Write the run's JUnit XML to `file` (folders made as needed, written atomically). */
export function writeJunit(file: string, summary: RunSummary): void {
  writeFileAtomic(file, renderJunit(summary))
}
