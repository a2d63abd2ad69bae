// Which opencode binary to run: an explicit path, else the platform binary
// that the opencode-ai package installed next to us, else `opencode` on PATH;
// and whether its version is one this harness speaks to. OpenCode 2.x is
// another product surface (server API under /api/*, no /global/*, auth on by
// default), and both majors install a binary named `opencode`: a 2.x found
// first on PATH must be refused in one line before any case, not fail every
// case with a health check that never answers.
import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { InputError } from '../errors.js'

/**
 * The OpenCode versions the harness supports (README: "Which OpenCode"):
 * 1.18.0 (the first with the server API, permissions and flags it relies
 * on) up to, not including, 2.0.0.
 */
export const SUPPORTED_OPENCODE = { min: [1, 18, 0], belowMajor: 2, text: '>=1.18.0 <2' } as const

/** How long `opencode --version` may take (a cold Bun binary takes 1–6 s on a busy 2-core machine). */
const VERSION_TIMEOUT_MS = 30_000

/** The first x.y.z in `text` (`1.18.33`, `opencode 2.0.1`, `v2.0.1-beta.1`), or undefined. */
export function parseVersion(text: string): { version: string; parts: [number, number, number] } | undefined {
  const m = /\b(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?/.exec(text)
  return m ? { version: m[0], parts: [Number(m[1]), Number(m[2]), Number(m[3])] } : undefined
}

/** Whether `parts` lies in SUPPORTED_OPENCODE (a pre-release counts as its x.y.z). */
export function supportedVersion(parts: readonly [number, number, number]): boolean {
  if (parts[0] >= SUPPORTED_OPENCODE.belowMajor) return false
  for (let i = 0; i < 3; i++) if (parts[i] !== SUPPORTED_OPENCODE.min[i]) return parts[i] > SUPPORTED_OPENCODE.min[i]
  return true
}

/**
 * Throws InputError(`input`) unless `version` (as OpenCode printed or
 * reported it) is in SUPPORTED_OPENCODE; `where` names the binary or server
 * for the message. Returns the version read.
 */
export function checkOpencodeVersion(version: string, where: string, input = 'opencode-path'): string {
  const v = parseVersion(version)
  if (!v)
    throw new InputError(input, `could not read the version of ${where} (it said '${version.trim().slice(0, 80)}'); supported: ${SUPPORTED_OPENCODE.text}`)
  if (!supportedVersion(v.parts)) throw new InputError(input, `opencode ${v.version} is not supported; supported: ${SUPPORTED_OPENCODE.text} (${where})`)
  return v.version
}

/**
 * The version of the opencode binary at `bin`: for the platform package of
 * opencode-ai, its package.json (running the binary costs a second of CPU);
 * otherwise what `bin --version` prints; undefined when it cannot be run
 * (it then fails to start as a server: CLIFAIL).
 */
export function opencodeVersion(bin: string): string | undefined {
  const own = path.join(path.dirname(path.dirname(bin)), 'package.json')
  try {
    const pkg = JSON.parse(readFileSync(own, 'utf8')) as { name?: string; version?: string }
    if (pkg.name && /^opencode-(linux|darwin|windows)-/.test(pkg.name) && path.basename(path.dirname(bin)) === 'bin' && pkg.version) return pkg.version
  } catch {
    // not a platform package: ask the binary
  }
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: VERSION_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch {
    // A binary that cannot even say its version is a client that cannot start: the plan packet's
    // CLIFAIL (F01), recorded in the ledger when the server fails to start, not a refusal here.
    return undefined
  }
}

export function platformPackages(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string[] {
  const os = platform === 'win32' ? 'windows' : platform
  const base = `opencode-${os}-${arch}`
  return [base, `${base}-baseline`, `${base}-musl`, `${base}-baseline-musl`]
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The opencode binary to run (see the top of this file), its version checked
 * against SUPPORTED_OPENCODE. Returns its absolute path. Throws
 * InputError('opencode-path') when `explicit` is not an executable file, no
 * binary is found, or the version it prints is unreadable or out of range (a binary
 * that cannot run at all is left to fail at server start: CLIFAIL)
 * (one line: "opencode 2.0.1 is not supported; supported: >=1.18.0 <2 (PATH)").
 */
export function resolveOpencodeBinary(explicit?: string): string {
  const bin = findOpencodeBinary(explicit)
  const version = opencodeVersion(bin)
  if (version !== undefined) checkOpencodeVersion(version, bin)
  return bin
}

function findOpencodeBinary(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit) || !executable(explicit)) throw new InputError('opencode-path', `${explicit} is not an executable file`)
    return path.resolve(explicit)
  }
  const require = createRequire(import.meta.url)
  const exe = process.platform === 'win32' ? 'opencode.exe' : 'opencode'
  for (const pkg of platformPackages()) {
    try {
      const dir = path.dirname(require.resolve(`${pkg}/package.json`))
      const bin = path.join(dir, 'bin', exe)
      if (executable(bin)) return bin
    } catch {
      // not installed for this platform variant
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, exe)
    if (dir && executable(bin)) return bin
  }
  throw new InputError('opencode-path', 'no opencode binary found: install the npm package opencode-ai, put opencode on PATH, or pass its path')
}
