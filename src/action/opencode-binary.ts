// Which opencode binary the action runs, in this order: the opencode-path
// input; `opencode` on PATH (a setup step put it there); the opencode-ai npm
// package next to the bundle (a checkout of this repository after npm ci);
// else opencode-ai@<opencode-version> installed with npm into RUNNER_TEMP.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import * as exec from '@actions/exec'
import { InputError } from '../errors.js'
import { platformPackages, resolveOpencodeBinary } from '../opencode/binary.js'

export type BinarySource = 'opencode-path' | 'PATH' | 'bundled package' | 'installed'

export interface ResolvedBinary {
  path: string
  source: BinarySource
}

const EXE = process.platform === 'win32' ? 'opencode.exe' : 'opencode'

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK)
    return statSync(p).isFile()
  } catch {
    return false
  }
}

export function onPath(pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (!dir) continue
    const bin = path.join(dir, EXE)
    if (executable(bin)) return bin
  }
  return undefined
}

/** The binary inside an npm prefix where opencode-ai was installed. */
export function binaryInPrefix(prefix: string): string | undefined {
  for (const pkg of platformPackages()) {
    const bin = path.join(prefix, 'node_modules', pkg, 'bin', EXE)
    if (executable(bin)) return bin
  }
  return undefined
}

export type Installer = (spec: string, prefix: string) => Promise<void>

/** npm into a prefix of its own; no lifecycle scripts (the binary comes in a platform package). */
export const npmInstall: Installer = async (spec, prefix) => {
  mkdirSync(prefix, { recursive: true })
  const code = await exec.exec('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', spec], {
    ignoreReturnCode: true,
  })
  if (code !== 0) throw new Error(`npm install ${spec} exited ${code}`)
}

export interface ResolveOptions {
  explicit?: string
  version: string
  /** Where an install goes (RUNNER_TEMP). */
  installRoot: string
  pathEnv?: string
  /** The bundled-package lookup (overridable so a test can say "absent"). */
  bundled?: () => string | undefined
  install?: Installer
  log?: (line: string) => void
}

function bundledPackage(): string | undefined {
  try {
    // resolveOpencodeBinary looks for the platform package from the bundle's
    // location first; PATH has already been tried, so an error means "none".
    const bin = resolveOpencodeBinary()
    return bin
  } catch {
    return undefined
  }
}

export async function resolveActionBinary(opts: ResolveOptions): Promise<ResolvedBinary> {
  const log = opts.log ?? (() => {})
  if (opts.explicit) {
    if (!existsSync(opts.explicit) || !executable(opts.explicit)) throw new InputError('opencode-path', `${opts.explicit} is not an executable file`)
    return { path: opts.explicit, source: 'opencode-path' }
  }
  const fromPath = onPath(opts.pathEnv)
  if (fromPath) return { path: fromPath, source: 'PATH' }
  const bundled = (opts.bundled ?? bundledPackage)()
  if (bundled) return { path: bundled, source: 'bundled package' }

  const prefix = path.join(opts.installRoot, `opencode-ai-${opts.version}`)
  const already = binaryInPrefix(prefix)
  if (already) return { path: already, source: 'installed' }
  log(`opencode not found on PATH or next to the action: installing opencode-ai@${opts.version} into ${prefix}`)
  try {
    await (opts.install ?? npmInstall)(`opencode-ai@${opts.version}`, prefix)
  } catch (e) {
    throw new InputError(
      'opencode-version',
      `could not install opencode-ai@${opts.version} (${(e as Error).message}); set opencode-path or put opencode on PATH`,
    )
  }
  const bin = binaryInPrefix(prefix)
  if (!bin) throw new InputError('opencode-version', `opencode-ai@${opts.version} installed no binary for ${process.platform}-${process.arch} in ${prefix}`)
  return { path: bin, source: 'installed' }
}
