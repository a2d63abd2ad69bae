// Refused egress per case in the job summary and the HTML report, over a
// ledger made by hand (no OpenCode): what the proxy refused and what never
// reached it (`unrouted`, counted by the sandbox's kernel) show on the case
// they belong to, with the number of attempts; a case whose egress was all
// allowed shows nothing.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderReport } from '../src/report/html/index.js'
import { egressAttempts } from '../src/report/markdown.js'
import { renderJobSummary } from '../src/report/summary.js'
import { summaryDenied, type EgressEntry } from '../src/sandbox/egress-proxy.js'
import { unroutedEntries } from '../src/sandbox/netns-counters.js'
import type { RunSummary } from '../src/types.js'
import { craftLedger } from './support/ledger-fixture.js'

const T = '2026-12-06T03:00:00.000Z'
const route: EgressEntry = {
  t: T,
  kind: 'route',
  dest: '127.0.0.1:40111',
  allowed: true,
  why: 'route scripted: the scripted model',
  bytes_out: 900,
  bytes_in: 300,
}
const connect: EgressEntry = { t: T, kind: 'connect', dest: 'evil.example:443', allowed: false, why: 'no network rule names it', bytes_out: 0, bytes_in: 0 }
// As run-case.ts makes them: the kernel counters' change over the case.
const unrouted = unroutedEntries({ 'Ip.OutNoRoutes': 3, 'Tcp.AttemptFails': 0 }, { 'Ip.OutNoRoutes': 7, 'Tcp.AttemptFails': 1 }, T)

/** The verdict facts of one case in the page. */
function facts(page: string, id: string): string {
  const at = page.slice(page.indexOf(`data-case="${id}"`))
  return at.slice(0, at.indexOf('</dl>'))
}

describe('refused egress in the reports', () => {
  const runDir = craftLedger({ egress: { T1X01: [route], T3X02: [route, connect, ...unrouted] } })
  const summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary

  it('the fixture holds what a run writes: unrouted entries per class with their count, in egress_denied', () => {
    expect(unrouted.map((e) => [e.dest, e.count])).toEqual([
      ['ipv4 (no route)', 4],
      ['loopback tcp (refused)', 1],
    ])
    const denied = summary.cases.find((c) => c.case_id === 'T3X02')!.egress_denied!
    // The unrouted lines first (summaryDenied), then the proxy's.
    expect(denied[0]).toMatch(/^unrouted ipv4 \(no route\) ×4 \(IPv4 to an address outside .*kernel counter Ip OutNoRoutes\)\)$/)
    expect(denied[1]).toMatch(/^unrouted loopback tcp \(refused\) ×1 \(.*kernel counter Tcp AttemptFails\)\)$/)
    expect(denied[2]).toBe('connect evil.example:443 (no network rule names it)')
    expect(summary.cases.find((c) => c.case_id === 'T1X01')!.egress_denied).toBeUndefined()
  })

  it('20 refusals at the proxy do not crowd the unrouted lines out of egress_denied (at most 20)', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...connect, dest: `evil${i}.example:443` }))
    const denied = summaryDenied([route, ...many, ...unrouted])
    expect(denied).toHaveLength(20)
    expect(denied.slice(0, 2).map((d) => d.split(' ×')[0])).toEqual(['unrouted ipv4 (no route)', 'unrouted loopback tcp (refused)'])
    expect(egressAttempts(denied)).toBe(4 + 1 + 18)
  })

  it('attempts: a proxy line is one, an unrouted line its count', () => {
    expect(egressAttempts([])).toBe(0)
    expect(egressAttempts(['connect a.example:443 (no network rule names it)', 'unrouted ipv4 (no route) ×4 (…)'])).toBe(5)
    // A proxy line that happens to hold "×9 (" is still one attempt.
    expect(egressAttempts(['http x.example:80 (no rule ×9 (sic))'])).toBe(1)
  })

  it('the job summary: one bullet per case with refused egress, its attempts and lines; none for a case whose egress was allowed', () => {
    const md = renderJobSummary({ summary, ledgerPath: runDir, model: 'dogfood/scripted' })
    expect(md).toContain('### Network attempts refused (at the egress proxy, or with no route out of the sandbox)')
    const line = md.split('\n').find((l) => l.startsWith('- **T3X02**') && l.includes(' refused: '))
    expect(line).toMatch(/^- \*\*T3X02\*\* 6 refused: `unrouted ipv4 \(no route\) ×4 \(/)
    expect(line).toContain('`unrouted loopback tcp (refused) ×1 (')
    expect(line).toContain('`connect evil.example:443 (no network rule names it)`')
    expect(md).not.toMatch(/^- \*\*T1X01\*\* .*refused/m)
  })

  it('the HTML report: the case verdict facts list refused egress with its attempts; not for a case whose egress was allowed', () => {
    const page = renderReport(runDir)
    const t3 = facts(page, 'T3X02')
    expect(t3).toContain('<dt>egress refused</dt><dd>6: unrouted ipv4 (no route) ×4 (')
    expect(t3).toContain('unrouted loopback tcp (refused) ×1 (')
    expect(t3).toContain('; connect evil.example:443 (no network rule names it) (evidence egress.jsonl)</dd>')
    expect(t3).toContain('(evidence egress.jsonl)</dd>')
    expect(facts(page, 'T1X01')).not.toContain('egress refused')
  })
})
