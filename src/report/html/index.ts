// report.html: written into every RUN folder by the run (before the ledger is
// sealed, so it has its sidecar and is hashed like every other file), and
// rendered again from a ledger by `opencode-dogfood report`.
import { existsSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../../errors.js'
import { isInside, realPathOfNew, writeFileAtomic } from '../../fsutil.js'
import { writeSidecar } from '../../ledger/sidecar.js'
import { scrubFile } from '../../secrets.js'
import type { RunSummary } from '../../types.js'
import { loadRun } from './ledger.js'
import { errorPage, renderPage, type ReportOrigin } from './page.js'

import { REPORT_FILE } from './names.js'

export { caseAnchor, REPORT_FILE } from './names.js'

/** The report of the RUN folder as HTML; `summary` stands in for run_summary.json when the caller holds it. */
export function renderReport(runDir: string, opts: { summary?: RunSummary; origin?: ReportOrigin } = {}): string {
  return renderPage(loadRun(runDir, opts.summary), opts.origin ?? 'cli')
}

/**
 * The run's own report: RUN_DIR/report.html from the summary about to be
 * sealed and the case evidence (already scrubbed, case by case), scrubbed
 * once more for every registered secret in every form, then its sidecar.
 * Returns the file's path.
 */
export function writeRunReport(runDir: string, summary: RunSummary, secrets: Map<string, string>): string {
  const file = path.join(runDir, REPORT_FILE)
  let page: string
  try {
    page = renderReport(runDir, { summary, origin: 'run' })
  } catch (e) {
    // A report that cannot be rendered must not cost the run its ledger: the page says why instead.
    page = errorPage(summary, (e as Error).stack ?? String(e))
  }
  writeFileAtomic(file, page)
  scrubFile(file, secrets)
  writeSidecar(file)
  return file
}

/**
 * `opencode-dogfood report RUN_DIR [--out FILE]`: the report rendered from
 * the ledger, written to FILE (default: RUN_XXXX.report.html in `cwd`). The
 * ledger is never written to: a FILE inside the RUN folder would be a file
 * without a sidecar (the sealed report.html is already there), so it is
 * refused. Returns the path written.
 */
export function reportToFile(runDirArg: string, outArg: string | undefined, cwd: string): string {
  const runDir = path.resolve(cwd, runDirArg)
  const run = loadRun(runDir)
  // The default name comes from the run id only when it is one (a summary's run_id of `../../x` named a file elsewhere).
  const runId = typeof run.summary.run_id === 'string' && /^RUN_[0-9]{4,}$/.test(run.summary.run_id) ? run.summary.run_id : 'run'
  const out = path.resolve(cwd, outArg ?? `${runId}.report.html`)
  if (existsSync(out) && statSync(out).isDirectory())
    throw new InputError('--out', `${out} is a directory; give a file name, e.g. ${path.join(out, 'report.html')}`)
  const realRun = realpathSync(runDir)
  if (isInside(realRun, path.join(realPathOfNew(path.dirname(out)), path.basename(out))))
    throw new InputError(
      '--out',
      `${out} is inside the ledger ${runDir}, which stays as the run sealed it (its report.html has a sidecar); write the report outside the RUN folder`,
    )
  writeFileAtomic(out, renderPage(run, 'cli'))
  return out
}
