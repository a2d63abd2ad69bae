// A case result is validated against its schema before it is written: one
// that fails is a harness bug (SchemaError), never a verdict.
import { writeJsonAtomic } from '../fsutil.js'
import type { CaseResult } from '../types.js'
import { resultPath } from './evidence.js'
import { assertSchema } from './schemas.js'
import { writeSidecar } from './sidecar.js'

/** Validate and write cases/<id>.result.json with its sidecar. */
export function writeCaseResult(runDir: string, result: CaseResult): string {
  assertSchema('opencode_dogfood_case_result', result)
  const file = resultPath(runDir, result.case_id)
  writeJsonAtomic(file, result)
  writeSidecar(file)
  return file
}
