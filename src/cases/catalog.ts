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

export const CHECKS = [
  'ping',
  'roles',
  'invalid_model',
  'read_only',
  'write',
  'append',
  'delete_sentinel',
  'codegen',
  'bugfix',
  'testgen',
  'review',
  'empty_prompt',
  'timeout',
  'agent',
] as const
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

/** Checks a new user-defined case may use; the others belong to built-in cases. */
export const USER_CHECKS: readonly CheckKind[] = ['agent', 'read_only', 'write', 'append', 'codegen', 'review']

/** JSON with object keys sorted at every level: equal values give equal text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v ?? null)
}

/** The fields that define what a case is and how it is judged (all but its script and its origin). */
function definition(c: CaseDef): string {
  const { id, stage, expected_outcome, expected_failure_code, purpose, check, prevention, prompt, params } = c
  return canonical({ id, stage, expected_outcome, expected_failure_code, purpose, check, prevention, prompt, params })
}

/**
 * The built-in cases plus a cases file's. A file's case with a new id is
 * added (it may use USER_CHECKS only); one with an id already defined must
 * restate that case exactly but for its `turns`, which then replace the
 * script (a recording, `--record`, restates every case it recorded).
 * Errors: InputError('--cases-file', …) naming the case and what is allowed.
 */
export function loadCases(casesFile?: string): CaseDef[] {
  const cases = builtinCases()
  if (!casesFile) return cases
  let text: string
  try {
    text = readFileSync(casesFile, 'utf8')
  } catch (e) {
    throw new InputError('--cases-file', `cannot read ${casesFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
  const byId = new Map(cases.map((c) => [c.id, c]))
  const restated = new Set<string>()
  for (const c of parseCasesFile(casesFile, text)) {
    const known = byId.get(c.id)
    if (known) {
      if (restated.has(c.id) || known.source !== 'builtin' || definition(known) !== definition(c))
        throw new InputError(
          '--cases-file',
          `case id ${c.id} is already defined (built-in ids: T1C01…T4E02 of the plan packet); a case that reuses a built-in id must restate it exactly, changing only its turns`,
        )
      restated.add(c.id)
      known.turns = c.turns
      known.source = casesFile
      continue
    }
    if (!USER_CHECKS.includes(c.check))
      throw new InputError('--cases-file', `case ${c.id}: check '${c.check}' belongs to the built-in cases; allowed: ${USER_CHECKS.join(', ')}`)
    byId.set(c.id, c)
    cases.push(c)
  }
  return cases.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))
}
