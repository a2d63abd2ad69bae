// An uncontained run says so in the FIRST line of every report: the verdict
// table (CLI and the Action's log), the job summary and the check run (its
// title and its summary); a contained run, and a summary that records no
// containment (older runs), never does.
import { describe, expect, it } from 'vitest'
import { checkOutput, completionBodies } from '../../src/report/check-run.js'
import { uncontainedLine } from '../../src/report/markdown.js'
import { renderJobSummary, type ReportContext } from '../../src/report/summary.js'
import { verdictTable } from '../../src/report/table.js'
import { containmentLabel } from '../../src/sandbox/mechanism.js'
import type { RunSummary } from '../../src/types.js'
import { problems, validateUpdate } from '../support/action/check-schemas.js'
import { passingRun } from '../support/action/summaries.js'

const WHY = 'bwrap does not work here (setting up uid map: Permission denied): unprivileged user namespaces are refused'
const uncontained = (): RunSummary => ({ ...passingRun(), containment: containmentLabel({ requested: 'auto', active: false, mechanism: 'none', reason: WHY }) })
const contained = (): RunSummary => ({
  ...passingRun(),
  containment: containmentLabel({ requested: 'required', active: true, mechanism: 'bwrap', bwrap: '/usr/bin/bwrap', reason: 'x' }),
})
const ctx = (summary: RunSummary): ReportContext => ({
  summary,
  ledgerPath: '/w/RUN_0001',
  model: 'dogfood/scripted',
  artifact: { name: 'a', id: 1, digest: 'c'.repeat(64) },
})
const first = (text: string) => text.split('\n')[0]

describe('UNCONTAINED in the first line', () => {
  it('the line reads the reason out of the recorded label; none for a contained run or no record', () => {
    expect(uncontainedLine(uncontained())).toBe(`UNCONTAINED: the agent ran without the OS sandbox (${WHY})`)
    expect(uncontainedLine({ ...passingRun(), containment: 'none (off): turned off (--containment off)' })).toBe(
      'UNCONTAINED: the agent ran without the OS sandbox (turned off (--containment off))',
    )
    expect(uncontainedLine(contained())).toBeUndefined()
    expect(uncontainedLine({ ...passingRun(), containment: undefined })).toBeUndefined()
  })

  it('verdict table', () => {
    expect(first(verdictTable(uncontained()))).toBe(`UNCONTAINED: the agent ran without the OS sandbox (${WHY})`)
    // The table itself follows, whole.
    expect(verdictTable(uncontained()).split('\n')[1]).toMatch(/^case\s+stage\s+expected/)
    expect(first(verdictTable(contained()))).toMatch(/^case\s+stage/)
    expect(verdictTable(contained())).not.toContain('UNCONTAINED')
  })

  it('job summary', () => {
    const md = renderJobSummary(ctx(uncontained()))
    expect(first(md)).toBe(`**⚠️ UNCONTAINED: the agent ran without the OS sandbox (${WHY})**`)
    expect(md.split('\n')[2]).toBe('## ✅ opencode-dogfood: PASS')
    expect(first(renderJobSummary(ctx(contained())))).toBe('## ✅ opencode-dogfood: PASS')
    expect(renderJobSummary(ctx(contained()))).not.toContain('UNCONTAINED')
  })

  it('a reason with markdown in it cannot break out of the line', () => {
    const s = { ...passingRun(), containment: 'none (auto): a | pipe <b>and</b>\nnewline' }
    expect(first(renderJobSummary(ctx(s)))).toBe('**⚠️ UNCONTAINED: the agent ran without the OS sandbox (a \\| pipe &lt;b&gt;and&lt;/b&gt; newline)**')
  })

  it('check run: the title and the summary start with it; the bodies stay schema-valid', () => {
    const out = checkOutput(ctx(uncontained()))
    expect(out.title).toBe('UNCONTAINED — PASS: 15 cases: 15 passed, 0 failed, 0 skipped')
    expect(first(out.summary)).toBe(`**⚠️ UNCONTAINED: the agent ran without the OS sandbox (${WHY})**`)
    for (const b of completionBodies(ctx(uncontained()), new Date())) expect(problems(validateUpdate, b)).toEqual([])
    const ok = checkOutput(ctx(contained()))
    expect(ok.title).toBe('PASS: 15 cases: 15 passed, 0 failed, 0 skipped')
    expect(first(ok.summary)).toBe('## ✅ opencode-dogfood: PASS')
  })
})
