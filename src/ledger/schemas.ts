// Case results and run summaries are validated before they are written: a
// document that fails its schema is a harness bug (SchemaError), never a verdict.
import { Ajv, type ValidateFunction } from 'ajv'
import caseResultSchema from '../../schemas/case_result.schema.json' with { type: 'json' }
import runSummarySchema from '../../schemas/run_summary.schema.json' with { type: 'json' }
import { SchemaError } from '../errors.js'

const ajv = new Ajv({ allErrors: true, strict: false })
const validators: Record<string, ValidateFunction> = {
  opencode_dogfood_case_result: ajv.compile(caseResultSchema),
  opencode_dogfood_run_summary: ajv.compile(runSummarySchema),
}

export type SchemaId = 'opencode_dogfood_case_result' | 'opencode_dogfood_run_summary'

/** Problems with `doc` against its schema; empty when valid. */
export function schemaProblems(schemaId: SchemaId, doc: unknown): string[] {
  const validate = validators[schemaId]
  if (validate(doc)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
}

export function assertSchema(schemaId: SchemaId, doc: unknown): void {
  const problems = schemaProblems(schemaId, doc)
  if (problems.length > 0) throw new SchemaError(schemaId, problems)
}
