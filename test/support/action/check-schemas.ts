// ajv validators for the request bodies of checks/create and checks/update, from
// the schemas scripts/extract-check-schemas.mjs took out of @octokit/openapi.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)

function load(file: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.resolve('schemas/github', file), 'utf8')) as object
  return ajv.compile(schema)
}

export const validateCreate = load('checks-create.request.schema.json')
export const validateUpdate = load('checks-update.request.schema.json')

export function problems(validate: ValidateFunction, body: unknown): string[] {
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
}
