// The value parsers the option table (option-table.ts) uses: each takes the
// raw text and the option's name as the user wrote it, and throws InputError
// naming it and what is allowed.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { InputError } from '../errors.js'
import { BUILTIN_MODEL, type Role } from './options.js'

const MODEL_PATTERN = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._:@/-]+$/

export function parseModel(value: string, input = '--model'): string {
  if (!MODEL_PATTERN.test(value)) throw new InputError(input, `'${value}' is not provider/model (e.g. ${BUILTIN_MODEL} or anthropic/claude-sonnet-4-5)`)
  return value
}

export function parseRoles(value: string, input = '--roles'): Role[] {
  const roles = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^([A-Za-z][A-Za-z0-9_-]*)=([^:]+):([A-Z_][A-Z0-9_]*)$/.exec(item)
      if (!m) throw new InputError(input, `'${item}' is not name=provider/model:KEY_ENV (e.g. planner=anthropic/claude-sonnet-4-5:ANTHROPIC_API_KEY)`)
      return { name: m[1], model: parseModel(m[2], input), key_env: m[3] }
    })
  if (roles.length === 0) throw new InputError(input, 'empty role list; give name=provider/model:KEY_ENV,...')
  const names = new Set<string>()
  for (const r of roles) {
    if (names.has(r.name)) throw new InputError(input, `role '${r.name}' is given twice`)
    names.add(r.name)
  }
  return roles
}

export function parsePositiveInt(value: string, input: string, unit: string, max: number): number {
  if (!/^[0-9]+$/.test(value.trim())) throw new InputError(input, `'${value}' is not a whole number of ${unit}`)
  const n = Number(value)
  if (n <= 0 || n > max) throw new InputError(input, `${n} is out of range; allowed 1..${max} ${unit}`)
  return n
}

export function parseUrl(value: string, input: string): string {
  try {
    const u = new URL(value)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme')
    return u.toString().replace(/\/$/, '')
  } catch {
    throw new InputError(input, `'${value}' is not an http(s) URL (e.g. http://127.0.0.1:4096)`)
  }
}

export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** --env-pass: env var names, comma-separated. */
export function parseEnvNames(value: string | undefined, input = '--env-pass'): string[] {
  const names = parseList(value) ?? []
  for (const n of names)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new InputError(input, `'${n}' is not an env var name (letters, digits and _, not starting with a digit)`)
  return names
}

/** --worktree: a path that does not exist yet, or an empty folder (git worktree add makes it). */
export function parseWorktreePath(p: string, input = '--worktree'): string {
  if (!existsSync(p)) return p
  if (!statSync(p).isDirectory())
    throw new InputError(input, `${p} is a file; give a path that does not exist yet (or an empty folder): the run creates the worktree there`)
  if (readdirSync(p).length > 0) throw new InputError(input, `${p} is a folder that is not empty; give a path that does not exist yet (or an empty folder)`)
  return p
}

/**
 * node:util parseArgs reads `--timeout -5` as two options ("argument is
 * ambiguous"). A value that looks like a negative number is joined to its
 * option (`--timeout=-5`), so that the option's own check names it.
 */
export function joinNegativeValues(argv: string[], stringOptions: Set<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const next = argv[i + 1]
    if (a.startsWith('--') && !a.includes('=') && stringOptions.has(a.slice(2)) && next !== undefined && /^-[0-9.]/.test(next)) {
      out.push(`${a}=${next}`)
      i++
    } else out.push(a)
  }
  return out
}
