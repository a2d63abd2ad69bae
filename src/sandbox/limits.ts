// The case limits (policy): how much one case may write, how many files it may
// create, how many processes it may run, how much memory it may hold. Plain
// data and its parser; cgroup.ts and budget-watch.ts enforce it.
import { InputError } from '../errors.js'

export const LIMIT_NAMES = ['disk', 'files', 'procs', 'memory'] as const
export type LimitName = (typeof LIMIT_NAMES)[number]

const UNITS: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 }
const BYTES = new Set<LimitName>(['disk', 'memory'])

/** Each bound of a case; null: turned off. disk and memory in bytes, files and procs as counts. */
export type CaseLimits = Record<LimitName, number | null>

/**
 * The defaults: far above what any case of the suite needs (the full hermetic
 * suite passes under them), low enough that one runaway case cannot fill a
 * runner's disk, its process table or its memory.
 */
export const DEFAULT_CASE_LIMITS: CaseLimits = { disk: 512 * 2 ** 20, files: 20_000, procs: 512, memory: 4 * 2 ** 30 }

/** The option's default, as written: `disk=512M,files=20000,procs=512,memory=4G`. */
export const DEFAULT_CASE_LIMITS_TEXT = formatLimits(DEFAULT_CASE_LIMITS)

/** Below these a bound would end the harness's own work (OpenCode's server needs its memory and threads). */
const MINIMUM: CaseLimits = { disk: 2 ** 20, files: 10, procs: 8, memory: 64 * 2 ** 20 }

function allowed(): string {
  return `a comma-separated list of NAME=VALUE with NAME one of ${LIMIT_NAMES.join(', ')}; VALUE a number (disk and memory with an optional K, M, G or T suffix) or off; e.g. ${DEFAULT_CASE_LIMITS_TEXT}`
}

/**
 * Parse `disk=512M,files=20000,procs=512,memory=4G` (any subset: the others
 * keep their defaults; `off` or `none` turns one bound off; `off` alone turns
 * them all off). Throws InputError naming `option` and what is allowed.
 */
export function parseCaseLimits(raw: string, option = '--case-limits'): CaseLimits {
  const out: CaseLimits = { ...DEFAULT_CASE_LIMITS }
  const text = raw.trim()
  if (text === '') return out
  if (text === 'off' || text === 'none') return { disk: null, files: null, procs: null, memory: null }
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^([a-z]+)=(.+)$/.exec(part)
    if (!m) throw new InputError(option, `'${part}' is not NAME=VALUE: ${allowed()}`)
    const name = m[1] as LimitName
    if (!(LIMIT_NAMES as readonly string[]).includes(name)) throw new InputError(option, `'${m[1]}' is not a limit: ${allowed()}`)
    const value = m[2].trim()
    if (value === 'off' || value === 'none') {
      out[name] = null
      continue
    }
    const v = /^([0-9]+)([KMGT]?)i?B?$/i.exec(value)
    if (!v || (!BYTES.has(name) && v[2] !== '')) throw new InputError(option, `${name}=${value} is not allowed: ${allowed()}`)
    const n = Number(v[1]) * UNITS[v[2].toUpperCase()]
    if (!Number.isSafeInteger(n) || n < MINIMUM[name]!)
      throw new InputError(option, `${name}=${value} is below the least allowed (${formatValue(name, MINIMUM[name]!)}) or too large: ${allowed()}`)
    out[name] = n
  }
  return out
}

/** One bound as written back (`512M`, `20000`, `off`). */
export function formatValue(name: LimitName, n: number | null): string {
  if (n === null) return 'off'
  if (!BYTES.has(name)) return String(n)
  for (const u of ['T', 'G', 'M', 'K']) if (n % UNITS[u] === 0) return `${n / UNITS[u]}${u}`
  return String(n)
}

/** The limits as the option would write them. */
export function formatLimits(l: CaseLimits): string {
  return LIMIT_NAMES.map((n) => `${n}=${formatValue(n, l[n])}`).join(',')
}

/** A byte count for people: `1.5 GiB`, `300 MiB`, `12 KiB`. */
export function humanBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let i = 0
  let v = n
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${i === 0 ? v : v.toFixed(v >= 10 ? 0 : 1)} ${units[i]}`
}

/** A bound that was crossed: which one, what was measured, the limit, and by what. */
export interface Breach {
  limit: LimitName
  measured: number
  max: number
  /** How it was noticed: `cgroup v2 memory.events oom_kill`, `watchdog (lstat walk)`… */
  by: string
}

/** The reason line of a case ended by a bound. */
export function describeBreach(b: Breach): string {
  const v = (n: number) => (BYTES.has(b.limit) ? humanBytes(n) : String(n))
  const what: Record<LimitName, string> = { disk: 'bytes written', files: 'files created', procs: 'processes', memory: 'memory' }
  return `case limit ${b.limit} exceeded: ${what[b.limit]} ${v(b.measured)}, the limit is ${v(b.max)} (${b.by}); the case's processes were ended and its tree restored`
}
