// The comparison page (`compare --html FILE`) as a person sees it, in headless
// chromium through playwright-core: a column per run headed by its model and
// OpenCode version, a row per case, the cell that got worse marked (and only
// it), the verdict; a model name carrying markup is text and never runs, the
// CSP is in force, and no request leaves the page. The figures are made here
// (compare's reading of real ledgers is test/compare.test.ts's).
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderHtml } from '../src/compare/html.js'
import type { CaseFigures, RunFigures } from '../src/compare/load.js'
import { compareRuns } from '../src/compare/table.js'
import { browserSkipReason, launchChromium } from './support/browser.js'

const skip = browserSkipReason()
const tokens = (total: number) => ({ input: total - 10, output: 10, reasoning: 0, cache_read: 0, cache_write: 0, total, cost: total / 1e6 })
const kase = (case_id: string, passed: number, attempts: number, ms: number): CaseFigures => ({
  case_id,
  status: passed === attempts ? 'PASS' : 'FAIL',
  passed,
  attempts,
  durations_ms: Array.from({ length: attempts }, (_, i) => ms + i * 10),
  tokens: tokens(1000 + ms),
})
const run = (run_id: string, model: string, version: string, cases: CaseFigures[]): RunFigures => ({
  dir: `/ledger/${run_id}`,
  run_id,
  repo_commit: '75e89e8a87cc0123456789abcdef012345678901',
  model,
  opencode_version: version,
  final_verdict: cases.every((c) => c.status === 'PASS') ? 'PASS' : 'FAIL',
  tokens: tokens(5000),
  cases,
})

describe.skipIf(!!skip)('compare --html in chromium', () => {
  let context: BrowserContext
  let file = ''
  const requests: string[] = []
  beforeAll(async () => {
    const cmp = compareRuns([
      run('RUN_0001', 'dogfood/scripted', '1.18.33', [kase('T1C01', 3, 3, 900), kase('T2A01', 3, 3, 1200), kase('T3C01', 2, 3, 2000)]),
      run('RUN_0002', '<img src=x onerror="window.__pwned=1">evil/model', '1.18.30', [
        kase('T1C01', 3, 3, 950),
        kase('T2A01', 1, 3, 1300),
        kase('T3C01', 3, 3, 1900),
      ]),
    ])
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'compare-html-')), 'compare.html')
    writeFileSync(file, renderHtml(cmp))
    context = await launchChromium()
    context.on('request', (q) => requests.push(q.url()))
  })
  afterAll(async () => {
    await context?.close()
  })

  it('a column per run, a row per case; exactly the worse cell marked; hostile text stays text; nothing leaves the page', async () => {
    const page = await context.newPage()
    await page.goto(pathToFileURL(file).href)
    expect(await page.title()).toBe('opencode-dogfood compare: 2 runs')
    expect(await page.locator('header .verdict').textContent()).toBe('worse than the baseline')
    const heads = await page.locator('table.compare thead th').allTextContents()
    expect(heads).toEqual([
      'case',
      '#1 RUN_0001dogfood/scriptedOpenCode 1.18.33',
      '#2 RUN_0002<img src=x onerror="window.__pwned=1">evil/modelOpenCode 1.18.30',
      'flips',
    ])
    expect(await page.locator('table.compare tbody tr').count()).toBe(3)
    // T2A01 fell from 3/3 to 1/3: its second cell is marked, nothing else is (T3C01 got better).
    expect(await page.locator('td.worse').count()).toBe(1)
    expect(await page.locator('#case-T2A01 td.worse').textContent()).toMatch(/^FAIL 1\/3 · 1\.3 s · 2300 tok · \$/)
    expect(await page.locator('#case-T2A01 td').last().textContent()).toBe('#2 RUN_0002: PASS→FAIL')
    expect(await page.locator('#case-T3C01 td').last().textContent()).toBe('#2 RUN_0002: FAIL→PASS')
    // The worse cell looks different from its neighbours (the mark is visible, not only a class).
    const bg = (sel: string) => page.locator(sel).evaluate((e) => getComputedStyle(e).backgroundColor)
    expect(await bg('#case-T2A01 td.worse')).not.toBe(await bg('#case-T1C01 td:nth-child(3)'))
    expect(await page.locator('p.verdict-line').textContent()).toBe('worse than the baseline: T2A01 (exit 1)')
    const state = await page.evaluate(() => {
      const s = document.createElement('script')
      s.textContent = 'window.__injected = 1'
      document.body.append(s)
      const w = window as unknown as Record<string, unknown>
      return { pwned: w.__pwned, injected: w.__injected, images: document.images.length }
    })
    expect(state).toEqual({ pwned: undefined, injected: undefined, images: 0 })
    await page.screenshot({ path: path.resolve('test/artifacts/compare-page.png'), fullPage: true })
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([])
    await page.close()
  })
})
