// Which opencode binary to run: an explicit path, else the platform binary
// that the opencode-ai package installed next to us, else `opencode` on PATH.
import { accessSync, constants, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { InputError } from '../errors.js'

/** The platform packages opencode-ai ships its binary in, best first. */
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

export function resolveOpencodeBinary(explicit?: string): string {
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
