// The command line's run options, from the option table (option-table.ts):
// node:util parseArgs' option list, the parse of every value (an error names
// the flag and what is allowed), and the checks between options.
import { InputError } from '../errors.js'
import { OPTION_TABLE, type OptionDef, type RunSettings } from './option-table.js'
import type { SuiteOptions } from './options.js'

export { joinNegativeValues } from './parse.js'

type ParseArgsOption = { type: 'string' | 'boolean' }

/** node:util parseArgs' options for `run`: every table entry with a flag. */
export const RUN_OPTIONS: Record<string, ParseArgsOption> = Object.fromEntries(
  OPTION_TABLE.filter((o) => o.flag).map((o) => [o.flag!, { type: o.boolean ? 'boolean' : 'string' } satisfies ParseArgsOption]),
)

type Values = Record<string, string | boolean | undefined>

/** One entry's value from the command line: its parse of the given text, else of its default, else undefined. */
function fromFlag(o: OptionDef, v: Values, cwd: string): unknown {
  const given = v[o.flag!]
  if (o.boolean) return given === true || (given === undefined && o.default === 'true')
  const raw = typeof given === 'string' ? given : o.default
  if (raw === undefined) return undefined
  return o.parse ? o.parse(raw, { name: `--${o.flag}`, cwd, surface: 'cli' }) : raw
}

/** Every run option of the command line, parsed and checked (an InputError names the flag). */
export function parseRunSettings(v: Values, cwd: string): RunSettings {
  const caseId = typeof v.case === 'string' ? v.case : undefined
  if (caseId !== undefined && typeof v.stages === 'string')
    throw new InputError(
      '--case',
      `--case ${caseId} and --stages ${v.stages} cannot be combined: --case runs one case whatever its stage; give one or the other`,
    )
  const out: Record<string, unknown> = {}
  for (const o of OPTION_TABLE) if (o.flag) out[o.key] = fromFlag(o, v, cwd)
  return out as unknown as RunSettings
}

/** The engine's options of a resolved settings object: the table's entries that are not output, artifact or check-run settings. */
export function engineOptions(s: RunSettings): Omit<SuiteOptions, 'onProgress'> {
  const out: Record<string, unknown> = { ...s }
  for (const o of OPTION_TABLE) if (o.engine === false) delete out[o.key]
  return out as Omit<SuiteOptions, 'onProgress'>
}
