// JUnit XML: checked against the JUnit schema Jenkins validates reports with
// (support/junit-schema.ts says where it comes from) by libxml2's xmllint,
// and read back by a JUnit consumer (junit2json).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { parseJunitPath, renderJunit, writeJunit, xmlEscape } from '../src/report/junit.js'
import type { RunSummary } from '../src/types.js'
import { passingRun, safetyStopRun } from './support/action/summaries.js'
import { JUNIT_XSD, junitSchemaErrors, readJunit } from './support/junit-schema.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'

describe('JUnit XML', () => {
  it('the schema is the Jenkins JUnit XSD, and it rejects what it should (the check can fail)', async () => {
    expect(readFileSync(JUNIT_XSD, 'utf8')).toMatch(/dtkit-junit-model\/src\/main\/resources\/com\/thalesgroup\/dtkit\/junit\/model\/xsd\/junit-4\.xsd/)
    const xml = renderJunit(safetyStopRun())
    expect(await junitSchemaErrors(xml)).toEqual([])
    expect((await junitSchemaErrors(xml.replace('<skipped>', '<skipped message="x">'))).join('\n')).toMatch(
      /attribute 'message': The attribute 'message' is not allowed/,
    )
    expect((await junitSchemaErrors(xml.replace(/(<testsuite name="T1") tests="\d+"/, '$1'))).join('\n')).toMatch(/The attribute 'tests' is required/)
  })

  it('a safety stop: one testsuite per stage, failures with code and reason, skipped cases with the stop reason', async () => {
    const s = safetyStopRun()
    const suites = (await readJunit(renderJunit(s))).testsuite!
    expect(suites.map((t) => t.name)).toEqual(['T1', 'T2a', 'T2b', 'T3', 'T4'])
    for (const t of suites) expect(t.testcase!.map((c) => c.name)).toEqual(s.cases.filter((c) => c.stage === t.name).map((c) => c.case_id))
    const t2b = suites.find((t) => t.name === 'T2b')!
    expect(t2b).toMatchObject({ tests: 3, failures: 1, errors: 0, skipped: 2 })
    const failed = t2b.testcase!.find((c) => c.name === 'T2B01')!
    expect(failed.failure![0].type).toBe('MODIFICATIONFAIL')
    expect(failed.failure![0].message).toBe('wrote outside the write allowlist: src/app.ts, README.md | a <b>pipe</b> in the reason')
    expect(failed.failure![0].inner).toMatch(/offending paths:\n {2}src\/app\.ts\n {2}README\.md\nreport: RUN_0002\/report\.html#case-T2B01/)
    expect(failed.time).toBe(2.345)
    const skipped = suites.flatMap((t) => t.testcase!).filter((c) => c.skipped)
    expect(skipped.map((c) => c.name)).toEqual(s.cases.filter((c) => c.status === 'SKIPPED').map((c) => c.case_id))
    for (const c of skipped) expect((c.skipped![0] as { inner?: string }).inner).toBe(s.stop_reason)
    expect(suites[0].properties).toEqual(
      expect.arrayContaining([
        { name: 'stop_reason', value: s.stop_reason },
        { name: 'final_verdict', value: 'FAIL' },
      ]),
    )
  })

  it('a passing run: no failure, expected failures say what was observed, the ledger root is a property', async () => {
    const s = passingRun()
    const xml = renderJunit(s)
    expect(await junitSchemaErrors(xml)).toEqual([])
    const doc = await readJunit(xml)
    const all = doc.testsuite!.flatMap((t) => t.testcase!)
    expect(all).toHaveLength(15)
    expect(all.filter((c) => c.failure || c.skipped)).toEqual([])
    expect(all.find((c) => c.name === 'T2B03')!['system-out']![0]).toMatch(/^expected failure GITCLEANFAIL observed: /)
    expect(doc.testsuite![0].properties).toContainEqual({ name: 'ledger_root', value: '5e'.repeat(32) })
  })

  it('agent text with markup, quotes, line breaks and characters XML cannot hold stays valid and reads back', async () => {
    const s: RunSummary = safetyStopRun()
    const evil = 'a "quoted" <script>alert(1)</script> & \'x\'\nline two\ttab \u0000nul \u001bansi \ud800lone ]]> end'
    s.cases = s.cases.map((c) => (c.case_id === 'T2B01' ? { ...c, reason: evil, offending_paths: ['dir/<x>&"y".ts'] } : c))
    const xml = renderJunit(s)
    expect(xml).not.toContain('<script>')
    expect(await junitSchemaErrors(xml)).toEqual([])
    const failed = (await readJunit(xml)).testsuite!.flatMap((t) => t.testcase!).find((c) => c.name === 'T2B01')!
    expect(failed.failure![0].message).toBe(evil.replace(/[\u0000\u001b\ud800]/g, '\ufffd'))
    expect(failed.failure![0].inner).toContain('dir/<x>&"y".ts')
    expect(xmlEscape('a\nb', true)).toBe('a&#10;b')
  })

  it('--junit: a directory or an empty value is refused naming the input; a file is written, folders made', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-junit-'))
    expect(() => parseJunitPath(dir, '/')).toThrow(InputError)
    expect(() => parseJunitPath(dir, '/')).toThrow(/^--junit: .* is a directory; give a file name/)
    expect(() => parseJunitPath(' ', dir, 'junit-path')).toThrow(/^junit-path: is empty/)
    const file = parseJunitPath('out/results.xml', dir)
    expect(file).toBe(path.join(dir, 'out', 'results.xml'))
    writeJunit(file, passingRun())
    expect(readFileSync(file, 'utf8')).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="opencode-dogfood RUN_0001" tests="15" failures="0"/,
    )
  })

  it('run --junit naming a directory stops before anything runs: one line, exit 2, no ledger', () => {
    const { base, repo } = fixtureRepo()
    const r = cli(['run', '--case', 'T1C01', '--junit', base], { cwd: repo })
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`opencode-dogfood: --junit: ${base} is a directory; give a file name, e.g. ${path.join(base, 'opencode-dogfood.xml')}\n`)
    expect(existsSync(ledgerDir(repo))).toBe(false)
  })
})
