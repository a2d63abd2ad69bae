// The case table as data: the 15 built-in cases of the plan packet
// (fixtures/cases.json) plus any user-defined cases from --cases-file.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import builtin from '../../fixtures/cases.json' with { type: 'json' }
import casesFileSchema from '../../schemas/cases_file.schema.json' with { type: 'json' }
import { InputError } from '../errors.js'
import type { Turn } from '../scripted-model/script.js'
import { STAGES, type ExpectedOutcome, type FailureCode, type Prevention, type Stage } from '../types.js'

export type { Prevention }

export const CHECKS = ['ping', 'roles', 'invalid_model', 'read_only', 'write', 'append', 'delete_sentinel', 'codegen', 'bugfix', 'testgen', 'review', 'empty_prompt', 'timeout', 'agent'] as const
export type CheckKind = (typeof CHECKS)[number]

export interface CaseDef {
  id: string
  stage: Stage
  expected_outcome: ExpectedOutcome
  expected_failure_code?: FailureCode
  purpose: string
  check: CheckKind
  prevention: Prevention
  prompt: string
  params?: Record<string, unknown>
  turns: Turn[]
  /** 'builtin' or the cases file it came from. */
  source?: string
}

const ajv = new Ajv({ allErrors: true, strict: false })
const validateCasesFile = ajv.compile(casesFileSchema)

export function builtinCases(): CaseDef[] {
  return (builtin as { cases: CaseDef[] }).cases.map((c) => ({ ...c, source: 'builtin' }))
}

export function parseCasesFile(file: string, text: string): CaseDef[] {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new InputError('--cases-file', `${file} is not valid JSON (${(e as Error).message})`)
  }
  if (!validateCasesFile(doc)) {
    const problems = (validateCasesFile.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
    throw new InputError('--cases-file', `${file} does not match the cases file format: ${problems}`)
  }
  return (doc as { cases: Partial<CaseDef>[] }).cases.map(
    (c) => ({ ...c, check: c.check ?? 'agent', prevention: c.prevention ?? 'enforce', turns: c.turns ?? [], source: file }) as CaseDef,
  )
}

export function loadCases(casesFile?: string): CaseDef[] {
  const cases = builtinCases()
  if (!casesFile) return cases
  let text: string
  try {
    text = readFileSync(casesFile, 'utf8')
  } catch (e) {
    throw new InputError('--cases-file', `cannot read ${casesFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
  const ids = new Set(cases.map((c) => c.id))
  for (const c of parseCasesFile(casesFile, text)) {
    if (ids.has(c.id)) throw new InputError('--cases-file', `case id ${c.id} is already defined (built-in ids: T1C01…T4E02 of the plan packet)`)
    ids.add(c.id)
    cases.push(c)
  }
  return cases.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))
}
