// Sealing a run: the summary is the last file written. It records the ledger
// root over everything before it (root.ts), is validated against its schema,
// written atomically, and gets its sidecar.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { writeJsonAtomic } from '../fsutil.js'
import type { RunSummary } from '../types.js'
import { ledgerRoot } from './root.js'
import { assertSchema } from './schemas.js'
import { writeSidecar } from './sidecar.js'

/** The summary's facts (all of it but ledger_root), written before the root is taken: the root covers them. */
export const FACTS_FILE = 'run_facts.json'

/**
 * Write `runDir/run_facts.json` (+ .sha256: the summary without its root),
 * then `runDir/run_summary.json` (+ .sha256) from `summary`, with
 * `ledger_root` set to the root of every file already in the run. Returns the
 * summary as written. Throws SchemaError when it does not match the schema.
 */
export function sealRunSummary(runDir: string, summary: Omit<RunSummary, 'ledger_root'>): RunSummary {
  mkdirSync(runDir, { recursive: true })
  // The root cannot cover the summary (the summary holds it): its facts go first into a file the root covers,
  // and verify holds the summary to them (a rewritten containment, model or stop reason is then a changed root).
  const facts = path.join(runDir, FACTS_FILE)
  writeJsonAtomic(facts, summary)
  writeSidecar(facts)
  const sealed: RunSummary = { ...summary, ledger_root: ledgerRoot(runDir) }
  assertSchema('opencode_dogfood_run_summary', sealed)
  const file = path.join(runDir, 'run_summary.json')
  writeJsonAtomic(file, sealed)
  writeSidecar(file)
  return sealed
}
