// The path a recording (--record, Action input `record`) is written to.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'

/**
 * `value` resolved against `cwd` (absolute). Its folder must exist; the file
 * may exist (it is replaced) but must not be a folder.
 * Errors: InputError(input, …) naming the value and what is allowed.
 */
export function parseRecordPath(value: string, cwd: string, input = '--record'): string {
  const file = path.resolve(cwd, value)
  const dir = path.dirname(file)
  if (value.trim() === '' || !existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(input, `the folder of '${value}' does not exist; give a file in an existing folder, e.g. recording.json`)
  if (existsSync(file) && statSync(file).isDirectory())
    throw new InputError(input, `'${value}' is a folder; give a file name, e.g. ${path.join(value, 'recording.json')}`)
  return file
}
