// A failing run for real (OpenCode and the scripted model; an agent that
// writes <script> into files and answers, makes a denied tool call, and
// rewrites README.md outside the allowlist), then its report.html in a headless
// chromium through playwright-core: it renders, the failing case opens to its
// diff, agent-written <script> is text and never runs, no request leaves the
// page, the failures filter works; a screenshot is written. The same run's
// --junit file is checked against the JUnit schema and read back; the sealed
// ledger still verifies after `opencode-dogfood report`. The browser: Debian's
// chromium, else the one inside the devDependency @sparticuz/chromium.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunSummary } from '../src/types.js'
import { browserSkipReason, launchChromium } from './support/browser.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'
import { junitSchemaErrors, readJunit } from './support/junit-schema.js'

const write = (filePath: string, content: string) => ({ tool_calls: [{ name: 'write', arguments: { filePath, content } }] })
const CASES = [
  {
    id: 'T4X91',
    stage: 'T4',
    expected_outcome: 'SUCCESS',
    purpose: 'writes inside the allowlist; one call denied',
    prevention: 'enforce',
    prompt: 'Write the page and the probe doc. <b>bold?</b>',
    turns: [
      write('scripts/opencode_dogfood/sandbox/generated/page.html', '<script>window.__pwned1=1</script>\n<h1>owned</h1>\n'),
      { tool_calls: [{ name: 'bash', arguments: { command: 'rm README.md', description: 'remove the readme' } }] },
      write('docs/zz_scratch/opencode_dogfood_probe.md', '# probe\n\nrewritten <script>window.__pwned2=1</script>\n'),
      { text: 'Done. <script>window.__pwned3=1</script><img src=x onerror="window.__pwned4=1">' },
    ],
  },
  {
    id: 'T4X92',
    stage: 'T4',
    expected_outcome: 'SUCCESS',
    purpose: 'rewrites README.md, outside the allowlist',
    prevention: 'off',
    prompt: 'Rewrite README.md.',
    turns: [write('README.md', '# test repository\n<script>window.__pwned5=1</script>\nmore\n'), { text: 'README rewritten' }],
  },
  { id: 'T4X93', stage: 'T4', expected_outcome: 'SUCCESS', purpose: 'never reached', prevention: 'readonly', prompt: 'Say ok.', turns: [{ text: 'ok' }] },
]

const SCREENSHOT = path.resolve('test/artifacts/report-failing-run.png')
const skip = browserSkipReason()

describe.skipIf(!!skip)('report.html of a failing run, in chromium', () => {
  let runDir = ''
  let junitFile = ''
  let summary: RunSummary
  let context: BrowserContext
  const requests: string[] = []

  beforeAll(async () => {
    const { base, repo } = fixtureRepo()
    const casesFile = path.join(base, 'cases.json')
    writeFileSync(casesFile, JSON.stringify({ cases: CASES }))
    junitFile = path.join(base, 'results', 'junit.xml')
    // Detection, not prevention: without the sandbox the write outside the allowlist happens and is caught.
    const r = cli(['run', '--stages', 'T4', '--cases-file', casesFile, '--worktree', path.join(base, 'wt'), '--containment', 'off', '--junit', junitFile], {
      cwd: repo,
    })
    runDir = path.join(ledgerDir(repo), 'RUN_0001')
    if (!existsSync(path.join(runDir, 'run_summary.json'))) throw new Error(`no ledger: ${r.stderr}`)
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toContain(`junit: ${junitFile}\n`)
    summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
    context = await launchChromium()
    context.on('request', (q) => requests.push(q.url()))
  })

  afterAll(async () => {
    await context?.close()
  })

  const reportUrl = () => pathToFileURL(path.join(runDir, 'report.html')).href

  async function open(fragment = ''): Promise<Page> {
    const page = await context.newPage()
    page.on('websocket', (w) => requests.push(w.url()))
    await page.goto(reportUrl() + fragment)
    return page
  }

  it('the run wrote report.html into the sealed ledger: sidecar, root, verify', () => {
    expect(summary).toMatchObject({ final_verdict: 'FAIL', failed: 1, skipped: 1 })
    expect(summary.cases.find((c) => c.case_id === 'T4X92')).toMatchObject({ status: 'FAIL', failure_code: 'MODIFICATIONFAIL', offending_paths: ['README.md'] })
    expect(readFileSync(path.join(runDir, 'report.html.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64} \*report\.html\n$/)
    expect(readFileSync(path.join(runDir, 'evidence', 'T4X92', 'changes.diff'), 'utf8')).toContain('+<script>window.__pwned5=1</script>\n')
    const v = cli(['verify', runDir])
    expect(v.status, v.stdout).toBe(0)
    // `report` renders from the sealed ledger elsewhere; the ledger still verifies.
    const out = path.join(path.dirname(runDir), '..', 'rendered.html')
    expect(cli(['report', runDir, '--out', out]).status).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain(`<code class="hash">${(summary as RunSummary & { ledger_root?: string }).ledger_root ?? 'no-root'}</code>`)
    expect(cli(['verify', runDir]).status).toBe(0)
  })

  it('renders; the failing case opens to show its diff; agent <script> is text and never runs; no request leaves the page', async () => {
    const page = await open()
    expect(await page.title()).toBe('FAIL · opencode-dogfood RUN_0001')
    await expect.poll(() => page.locator('header .verdict').textContent()).toBe('FAIL')
    expect(await page.locator('table.cases tbody tr').count()).toBe(summary.total_cases)

    const failing = page.locator('details[data-case="T4X92"]')
    const diff = failing.locator('.file-diff[data-path="README.md"]')
    expect(await failing.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await diff.isVisible()).toBe(false)
    await failing.locator(':scope > summary').click()
    expect(await failing.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    expect(await diff.isVisible()).toBe(true)
    expect(await diff.locator('pre.diff span.add').allTextContents()).toEqual(['+<script>window.__pwned5=1</script>', '+more'])
    expect(await failing.locator('table.violations').textContent()).toContain('MODIFICATIONFAIL')
    expect(await failing.locator('section.restore').textContent()).toContain('verified: tree matches the before-snapshot')

    // Agent-written markup is on the page as text, and nothing of it ran.
    expect(await page.getByText('<script>window.__pwned5=1</script>').first().isVisible()).toBe(true)
    await page.locator('details[data-case="T4X91"] > summary').click()
    expect(await page.getByText('Done. <script>window.__pwned3=1</script><img src=x onerror="window.__pwned4=1">').first().isVisible()).toBe(true)
    expect(await page.locator('details[data-case="T4X91"] li.step.tool.denied').textContent()).toMatch(/bash\s*DENIED[\s\S]*rm README\.md/)
    const state = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const ran = [1, 2, 3, 4, 5].filter((i) => w[`__pwned${i}`] !== undefined)
      // The CSP is in force: even a script element added to the document does not run.
      const s = document.createElement('script')
      s.textContent = 'window.__injected = 1'
      document.body.append(s)
      return { ran, injected: w.__injected, scripts: document.scripts.length - 1, images: document.images.length }
    })
    expect(state).toEqual({ ran: [], injected: undefined, scripts: 0, images: 0 })

    // The failures filter (CSS alone): passing and skipped cases go, the failing one stays.
    await page.locator('label[for="only-failed"]').click()
    expect(await page.locator('table.cases tr.st-PASS').first().isVisible()).toBe(false)
    expect(await page.locator('table.cases tr.st-SKIPPED').isVisible()).toBe(false)
    expect(await page.locator('table.cases tr.st-FAIL').isVisible()).toBe(true)
    expect(await page.locator('details[data-case="T4X91"]').isVisible()).toBe(false)
    await page.locator('label[for="only-failed"]').click()

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    await page.locator('details[data-case="T4X91"]').evaluate((d) => ((d as HTMLDetailsElement).open = true))
    await failing.scrollIntoViewIfNeeded()
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    console.log(`screenshot of the failing run's report: ${SCREENSHOT}`)
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG')
    await page.close()

    expect([...new Set(requests)]).toEqual([reportUrl()])
  })

  it('a link to a case (the job summary points at report.html#case-ID) opens it', async () => {
    const page = await open('#case-T4X92')
    await expect.poll(() => page.locator('details[data-case="T4X92"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    await page.close()
  })

  it('the --junit file of the same run: valid against the JUnit schema, read back by a JUnit consumer', async () => {
    const xml = readFileSync(junitFile, 'utf8')
    expect(await junitSchemaErrors(xml)).toEqual([])
    const doc = await readJunit(xml)
    expect(doc.testsuite!.map((t) => t.name)).toEqual(['T4'])
    const byName = new Map(doc.testsuite![0].testcase!.map((c) => [c.name, c]))
    expect(byName.get('T4X92')!.failure![0]).toMatchObject({
      type: 'MODIFICATIONFAIL',
      message: expect.stringMatching(/^MODIFICATIONFAIL: modified README\.md/),
    })
    expect((byName.get('T4X93')!.skipped![0] as { inner?: string }).inner).toBe(summary.stop_reason)
    expect(byName.get('T4X91')!.failure).toBeUndefined()
  })
})
