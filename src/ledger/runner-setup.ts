// The runner setup record (runner_setup.json at the top of a run folder):
// what the Action read from the kernel and did to make the sandbox work before
// the run. Written before the seal, with its sidecar, so that the ledger root
// and `verify` cover it like every other file.
import path from 'node:path'
import { writeJsonAtomic } from '../fsutil.js'
import { writeSidecar } from './sidecar.js'

export const RUNNER_SETUP_FILE = 'runner_setup.json'

/**
 * Write `runDir/runner_setup.json` (+ .sha256) from `record` (any JSON
 * object; the Action's RunnerSetupRecord). Returns the file written. Throws
 * the fs error when the run folder cannot be written.
 */
export function writeRunnerSetup(runDir: string, record: object): string {
  const file = path.join(runDir, RUNNER_SETUP_FILE)
  writeJsonAtomic(file, record)
  writeSidecar(file)
  return file
}
