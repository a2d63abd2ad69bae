// report.html rendered from a RUN folder made by hand (no OpenCode): every
// part the issue asks for, agent content only ever as text, long content cut
// with a pointer to the evidence file, a missing ledger root tolerated, broken
// evidence shown as such; `opencode-dogfood report` never writes into a ledger.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderReport, writeRunReport } from '../src/report/html/index.js'
import { contentSecurityPolicy } from '../src/report/html/page.js'
import { STYLE } from '../src/report/html/style.js'
import type { RunSummary } from '../src/types.js'
import { ANSWER, craftLedger, SCRIPT } from './support/ledger-fixture.js'
import { cli } from './support/repo.js'

const ROOT = 'c0ffee'.repeat(10) + 'c0ff'
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** Every file of a folder with its sha256 (to show a command left it as it was). */
function listing(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out.push(`${path.relative(dir, p)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`)
    }
  }
  walk(dir)
  return out.sort()
}

describe('report.html', () => {
  const runDir = craftLedger({ summaryExtra: { ledger_root: ROOT } })
  const page = renderReport(runDir)

  it('agent content is text: no script, no markup of the agent, a CSP that forbids scripts', () => {
    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/<img/i)
    expect(page).not.toMatch(/<b>/)
    expect(page).toContain(esc(SCRIPT))
    expect(page).toContain(esc(ANSWER))
    expect(page).toContain(esc('<b>now</b>'))
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1].replace(/&#39;/g, "'")
    expect(csp).toBe(contentSecurityPolicy())
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'none'")
    // The one stylesheet is admitted by its hash, and it is the stylesheet in the page.
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`)
    expect(page).toContain(`<style>${STYLE}</style>`)
    // Nothing to fetch: no external reference of any kind.
    expect(page).not.toMatch(/\b(src|href)="(https?:|\/\/)/i)
    expect(page).not.toMatch(/@import|url\(/)
  })

  it('the run: verdict, counts, stop reason, containment, ledger root, OpenCode version, model, commit', () => {
    expect(page).toContain('<span class="verdict">FAIL</span> opencode-dogfood RUN_0007')
    expect(page).toContain('3: 1 passed, 1 failed, 1 skipped')
    expect(page).toContain('safety gate: T3X02 MODIFICATIONFAIL (MODIFICATIONFAIL: modified README.md)')
    expect(page).toContain('bwrap (auto)')
    expect(page).toContain(`<dt>ledger root (ledger_root)</dt><dd><code class="hash">${ROOT}</code></dd>`)
    expect(page).toContain('<dt>OpenCode</dt><dd>1.18.33</dd>')
    expect(page).toContain('<dt>model</dt><dd>dogfood/scripted</dd>')
    expect(page).toContain('abcdef0123456789abcdef0123456789abcdef01')
    // The table, with the filter for failures (CSS alone: a checkbox before the cases).
    expect(page).toMatch(/<input type="checkbox" id="only-failed"><label class="filter" for="only-failed">Show failing cases only \(1 of 3\)<\/label>/)
    expect(STYLE).toContain('#only-failed:checked ~ .cases-area .st-PASS, #only-failed:checked ~ .cases-area .st-SKIPPED { display: none; }')
    for (const id of ['T1X01', 'T3X02', 'T4X03']) expect(page).toContain(`<a href="#case-${id}">${id}</a>`)
  })

  it('a failing case: prompt, timeline with the denied call marked, answer, diff, created and deleted files, violations, restore, checks, timings', () => {
    const c = page.slice(page.indexOf('<details class="case st-FAIL" data-case="T3X02">'), page.indexOf('<details class="case st-SKIPPED">'))
    expect(c).toContain('<span class="anchor" id="case-T3X02"></span>')
    expect(c).toContain(esc('[dogfood-case:T3X02] Rewrite README.md and add a page. <b>now</b>'))
    // Timeline: three tool calls in order, the refused one marked DENIED with OpenCode's message.
    const steps = [
      ...c.matchAll(
        /<li class="step tool (\w+)">\s*<div class="tool-head"><code class="tool-name">(\w+)<\/code> <span class="badge \w+">([A-Za-z]+)<\/span> <span class="dur">250 ms<\/span>/g,
      ),
    ].map((m) => `${m[2]}:${m[1]}:${m[3]}`)
    expect(steps).toEqual(['write:ok:completed', 'bash:denied:DENIED', 'write:ok:completed'])
    expect(c).toContain('The user has specified a rule which prevents you from using this specific tool call.')
    expect(c).toContain(esc('"command": "rm README.md"'))
    expect(c).toContain('1 tool call(s)'.replace('1', '3') + ', 1 denied')
    // The diff: one block per file, lines marked.
    expect(c).toContain('<div class="file-diff" data-path="README.md">')
    expect(c).toContain(`<span class="add">${esc(`+changed ${SCRIPT}`)}</span>`)
    expect(c).toContain('<div class="file-diff" data-path="docs/old.md">')
    expect(c).toContain('<span class="del">-old text</span>')
    expect(c).toContain('deleted file mode 100644')
    // Created (its content, as text) and deleted files.
    expect(c).toMatch(
      /<div class="created"><h5><code>scripts\/opencode_dogfood\/sandbox\/page\.html<\/code> <span class="note">kept as <a href="evidence\/T3X02\/item_01\.html">item_01\.html<\/a>, \d+ bytes/,
    )
    expect(c).toContain('<ul class="deleted"><li><code>docs/old.md</code></li></ul>')
    // Guard: the violations with their offending paths.
    expect(c).toContain('<tr><td><span class="badge err">MODIFICATIONFAIL</span></td><td>modified</td><td>tree</td><td><code>README.md</code></td></tr>')
    expect(c).toContain('<tr><td><span class="badge err">GITCLEANFAIL</span></td><td>deleted</td><td>tree</td><td><code>docs/old.md</code></td></tr>')
    // Restore proof, checks' output, timings.
    expect(c).toContain('<p class="okline">verified: tree matches the before-snapshot</p>')
    expect(c).toContain('not ok 1 - average')
    expect(c).toContain('ok 1 - average')
    expect(c).toContain('case process: <strong>4321 ms</strong>')
    expect(c).toContain('T3X02 +1.20s: verdict: FAIL')
    expect(c).toContain('took 1.23 s')
  })

  it('a skipped case says why, and has no sections', () => {
    const c = page.slice(page.indexOf('<details class="case st-SKIPPED">'))
    expect(c).toMatch(/<p>Not run: safety gate: T3X02 MODIFICATIONFAIL/)
    expect(c.slice(0, c.indexOf('</details>'))).not.toContain('Changes on disk')
  })

  it('a 10 MB tool output is cut, with a note pointing at the full transcript; the page stays small', () => {
    const big = craftLedger({ bigOutput: 10 * 1024 * 1024 })
    const transcriptBytes = statSync(path.join(big, 'evidence', 'T3X02', 'transcript.json')).size
    const t0 = Date.now()
    const html = renderReport(big)
    const bytes = Buffer.byteLength(html)
    console.log(`report.html with a ${transcriptBytes}-byte transcript: ${bytes} bytes, rendered in ${Date.now() - t0} ms`)
    expect(transcriptBytes).toBeGreaterThan(10 * 1024 * 1024)
    expect(bytes).toBeLessThan(200 * 1024)
    expect(html).toContain(
      '✂ cut: showing 4,000 of 10,485,760 characters — the full text is in <a href="evidence/T3X02/transcript.json">evidence/T3X02/transcript.json</a>',
    )
  })

  it('no ledger root (a ledger from before it, or the run writing its page before the seal) is said, not an error; other summary fields are listed', () => {
    const dir = craftLedger({ summaryExtra: { signed_by: 'ci@example' } })
    const html = renderReport(dir)
    expect(html).toContain('<dt>ledger root</dt><dd><span class="empty">none in run_summary.json</span></dd>')
    expect(html).toContain('<dt>signed_by</dt><dd><code>ci@example</code></dd>')
    const summary = JSON.parse(readFileSync(path.join(dir, 'run_summary.json'), 'utf8')) as RunSummary
    expect(renderReport(dir, { summary, origin: 'run' })).toContain('sealed into run_summary.json after this page was written (the root covers this page)')
  })

  it('broken evidence is shown as such: a missing result JSON, a transcript that is not JSON', () => {
    const dir = craftLedger()
    rmSync(path.join(dir, 'cases', 'T1X01.result.json'))
    writeFileSync(path.join(dir, 'evidence', 'T3X02', 'transcript.json'), '{"not": "a list"')
    const html = renderReport(dir)
    expect(html).toContain('<p class="warn">cases/T1X01.result.json is missing</p>')
    expect(html).toMatch(/<p class="warn">evidence\/T3X02\/transcript\.json: not valid JSON/)
  })

  it('the run writes report.html with its sidecar, scrubbed of every registered secret', () => {
    const secret = 'sk-live-0123456789abcdefXYZ'
    const dir = craftLedger({ reason: `MODIFICATIONFAIL: the agent echoed ${secret} into README.md` })
    const summary = JSON.parse(readFileSync(path.join(dir, 'run_summary.json'), 'utf8')) as RunSummary
    const file = writeRunReport(dir, summary, new Map([['DOGFOOD_CODER_KEY', secret]]))
    const html = readFileSync(file, 'utf8')
    expect(html).not.toContain(secret)
    expect(html).toContain('the agent echoed *** into README.md')
    expect(readFileSync(file + '.sha256', 'utf8')).toBe(`${createHash('sha256').update(readFileSync(file)).digest('hex')} *report.html\n`)
  })
})

describe('opencode-dogfood report', () => {
  it('renders to ./RUN_XXXX.report.html or --out FILE and never writes into the ledger', () => {
    const runDir = craftLedger()
    const before = listing(runDir)
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'dogfood-report-cwd-'))
    const r = cli(['report', runDir], { cwd })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`report: ${path.join(cwd, 'RUN_0007.report.html')}\n`)
    expect(readFileSync(path.join(cwd, 'RUN_0007.report.html'), 'utf8')).toContain('opencode-dogfood RUN_0007')
    const out = path.join(cwd, 'sub', 'r.html')
    expect(cli(['report', runDir, '--out', out], { cwd }).status).toBe(0)
    expect(existsSync(out)).toBe(true)
    expect(listing(runDir)).toEqual(before)
  })

  it('bad input: one line naming the input, exit 2, nothing written', () => {
    const runDir = craftLedger()
    const before = listing(runDir)
    const inside = cli(['report', runDir, '--out', path.join(runDir, 'report.html')])
    expect(inside.status).toBe(2)
    expect(inside.stderr).toMatch(/^opencode-dogfood: --out: .*report\.html is inside the ledger .*; write the report outside the RUN folder\n$/)
    const notRun = cli(['report', path.dirname(runDir)])
    expect(notRun.status).toBe(2)
    expect(notRun.stderr).toMatch(/^opencode-dogfood: RUN_DIR: .* has no run_summary\.json; give a RUN_XXXX folder of a ledger\n$/)
    const none = cli(['report'])
    expect(none.status).toBe(2)
    expect(none.stderr).toBe(
      'opencode-dogfood: report: give exactly one RUN_DIR, e.g. artifacts/ledger/opencode_dogfood/RUN_0001 (and optionally --out FILE)\n',
    )
    const dirOut = cli(['report', runDir, '--out', os.tmpdir()])
    expect(dirOut.status).toBe(2)
    expect(dirOut.stderr).toMatch(/^opencode-dogfood: --out: .* is a directory; give a file name/)
    expect(listing(runDir)).toEqual(before)
  })
})
