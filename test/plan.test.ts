// Stage gating, fail-fast and safety-stop accounting, without a server.
import { describe, expect, it } from 'vitest'
import { builtinCases } from '../src/cases/catalog.js'
import { afterCase, selectCases, skipped, stageGate, statusOf, parseStages } from '../src/suite/plan.js'
import { buildSummary } from '../src/suite/run.js'
import { UNRESTORED_REASON, type CaseSummary } from '../src/types.js'

const all = builtinCases()
const byId = (id: string) => all.find((c) => c.id === id)!
const result = (id: string, status: 'PASS' | 'FAIL', code: CaseSummary['failure_code'] = null): CaseSummary => {
  const c = byId(id)
  return {
    case_id: id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: status === 'PASS' ? 'SUCCESS' : 'FAIL',
    status,
    failure_code: code,
    duration_ms: 1,
  }
}

describe('selection', () => {
  it('orders stages T1 → T4 whatever the input order', () => {
    expect(parseStages('T3,T1,t2a')).toEqual(['T1', 'T2a', 'T3'])
    expect(selectCases(all, ['T4', 'T1']).map((c) => c.id)).toEqual(['T1C01', 'T1C02', 'T1C03', 'T4E01', 'T4E02'])
  })
  it('has the 15 cases of the plan packet', () => {
    expect(all.map((c) => c.id)).toEqual([
      'T1C01',
      'T1C02',
      'T1C03',
      'T2A01',
      'T2A02',
      'T2A03',
      'T2B01',
      'T2B02',
      'T2B03',
      'T3C01',
      'T3C02',
      'T3C03',
      'T3C04',
      'T4E01',
      'T4E02',
    ])
    expect(all.filter((c) => c.expected_outcome === 'EXPECTED_FAIL').map((c) => [c.id, c.expected_failure_code])).toEqual([
      ['T1C03', 'MODELNOTFOUND'],
      ['T2B03', 'GITCLEANFAIL'],
      ['T4E02', 'TIMEOUTEXCEEDED'],
    ])
  })
})

describe('PASS/FAIL semantics of the seed', () => {
  it('SUCCESS expected', () => {
    expect(statusOf('SUCCESS', 'SUCCESS', null)).toBe('PASS')
    expect(statusOf('SUCCESS', 'FAIL', 'CLIFAIL')).toBe('FAIL')
  })
  it('EXPECTED_FAIL needs the expected code', () => {
    expect(statusOf('EXPECTED_FAIL', 'FAIL', 'GITCLEANFAIL', 'GITCLEANFAIL')).toBe('PASS')
    expect(statusOf('EXPECTED_FAIL', 'FAIL', 'MODIFICATIONFAIL', 'GITCLEANFAIL')).toBe('FAIL')
    expect(statusOf('EXPECTED_FAIL', 'SUCCESS', null, 'GITCLEANFAIL')).toBe('FAIL')
  })
})

describe('stopping', () => {
  it('a FAIL stops the run only with --fail-fast', () => {
    expect(afterCase(result('T1C01', 'FAIL', 'EMPTYRESPONSE'), byId('T1C01'), false).stop).toBe(false)
    expect(afterCase(result('T1C01', 'FAIL', 'EMPTYRESPONSE'), byId('T1C01'), true)).toMatchObject({
      stop: true,
      reason: expect.stringMatching(/fail-fast: T1C01/),
    })
  })
  it('an unexpected safety violation stops the run even without --fail-fast', () => {
    for (const code of ['MODIFICATIONFAIL', 'GITCLEANFAIL', 'WORKTREE_REQUIRED'] as const)
      expect(afterCase(result('T2B01', 'FAIL', code), byId('T2B01'), false)).toMatchObject({ stop: true, reason: expect.stringMatching(/safety gate/) })
  })
  it('a case whose tree could not be restored stops the run even without --fail-fast (its worktree is in no known state)', () => {
    const unrestored = { ...result('T2B01', 'FAIL', 'EVIDENCEMISMATCH'), reason: `${UNRESTORED_REASON}: out/d` }
    expect(afterCase(unrestored, byId('T2B01'), false)).toMatchObject({
      stop: true,
      reason: expect.stringMatching(/safety gate: T2B01: the tree could not be restored: out\/d/),
    })
    // Another EVIDENCEMISMATCH (evidence not captured) leaves the tree known: only --fail-fast stops there.
    expect(afterCase({ ...result('T2B01', 'FAIL', 'EVIDENCEMISMATCH'), reason: 'no verdict' }, byId('T2B01'), false).stop).toBe(false)
  })
  it('the expected violation of T2B03 does not stop the run', () => {
    expect(afterCase(result('T2B03', 'PASS', 'GITCLEANFAIL'), byId('T2B03'), false).stop).toBe(false)
    expect(afterCase(result('T2B03', 'PASS', 'GITCLEANFAIL'), byId('T2B03'), true).stop).toBe(false)
  })
  it('T2B03 failing with another safety code does stop it', () => {
    expect(afterCase(result('T2B03', 'FAIL', 'MODIFICATIONFAIL'), byId('T2B03'), false).stop).toBe(true)
  })
  it('a stage runs only if the previous selected stage passed', () => {
    const done = [result('T1C01', 'PASS'), result('T1C02', 'FAIL', 'CLIFAIL'), result('T1C03', 'PASS', 'MODELNOTFOUND')]
    expect(stageGate('T2a', done)).toMatchObject({ stop: true, reason: expect.stringMatching(/T2a not run because T1 did not pass \(T1C02\)/) })
    expect(stageGate('T1', done).stop).toBe(false)
    expect(stageGate('T3', [result('T2A01', 'PASS')]).stop).toBe(false)
    // The gate looks at the previous *selected* stage: T1 then T3 gates T3 on T1.
    expect(stageGate('T3', [result('T1C01', 'FAIL', 'CLIFAIL')]).stop).toBe(true)
  })
})

describe('summary accounting', () => {
  it('passed + failed + skipped = total, verdict from the counts', () => {
    const cases = [result('T1C01', 'PASS'), result('T1C02', 'FAIL', 'CLIFAIL'), skipped(byId('T1C03'), 'fail-fast: T1C02 failed')]
    const s = buildSummary('RUN_0007', 'a'.repeat(40), cases, 'fail-fast: T1C02 failed')
    expect([s.total_cases, s.passed, s.failed, s.skipped, s.final_verdict]).toEqual([3, 1, 1, 1, 'FAIL'])
    expect(s.stop_reason).toBe('fail-fast: T1C02 failed')
  })
  it('PASS needs every case passed and none skipped', () => {
    expect(buildSummary('RUN_0001', 'a'.repeat(40), [result('T1C01', 'PASS')]).final_verdict).toBe('PASS')
    expect(buildSummary('RUN_0001', 'a'.repeat(40), [result('T1C01', 'PASS'), skipped(byId('T1C02'), 'x')]).final_verdict).toBe('FAIL')
    expect(buildSummary('RUN_0001', 'a'.repeat(40), []).final_verdict).toBe('FAIL')
  })
})
