// A Chromium from the npm registry, for machines without Debian's chromium:
// the devDependency @sparticuz/chromium carries a headless Chromium build in
// its tarball (bin/chromium.br, brotli), with the NSS libraries it loads at run
// time (bin/al2023.tar.br), fonts and SwiftShader. Nothing is downloaded: the
// files are unpacked once into node_modules/.cache/ (about 200 MB) and reused.
// We unpack them ourselves rather than through the package's executablePath():
// that one unpacks into the shared /tmp, returns any /tmp/chromium it finds
// there unchecked, and adds the NSS libraries only on AWS Lambda. Plain Node
// (test/support/tool-probe.ts reads `bundledBin` from vitest.config.ts).
import { spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib'

export const BUNDLED_PACKAGE = '@sparticuz/chromium'

/** The package's bin/ folder (its brotli files), or undefined when the package is not installed. */
export function bundledBin(): string | undefined {
  let entry: string
  try {
    entry = createRequire(import.meta.url).resolve(BUNDLED_PACKAGE)
  } catch {
    return undefined
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'bin', 'chromium.br'))) return path.join(dir, 'bin')
  }
  return undefined
}

export interface BundledChromium {
  executablePath: string
  /** What the browser's environment must add: its NSS libraries and its fonts. */
  env: { LD_LIBRARY_PATH: string; FONTCONFIG_PATH: string }
}

/** Unpack a brotli-packed tar (a few MB) into `dir` with the system's tar. */
function untar(file: string, dir: string): void {
  mkdirSync(dir, { recursive: true })
  const r = spawnSync('tar', ['-x', '--no-same-owner', '-f', '-', '-C', dir], { input: brotliDecompressSync(readFileSync(file)), encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`tar -x of ${file} exited ${r.status}: ${(r.stderr ?? r.error?.message ?? '').trim()}`)
}

/**
 * The bundled Chromium, unpacked (once per package version) into
 * node_modules/.cache/opencode-dogfood/chromium-VERSION/. Concurrent callers
 * each unpack into a folder of their own and rename it into place; the first
 * rename wins. Throws when the package is not installed or unpacking fails.
 */
export async function unpackBundledChromium(): Promise<BundledChromium> {
  const bin = bundledBin()
  if (!bin) throw new Error(`${BUNDLED_PACKAGE} is not installed (npm ci installs it: a devDependency)`)
  const { version } = JSON.parse(readFileSync(path.join(bin, '..', 'package.json'), 'utf8')) as { version: string }
  const dir = path.resolve('node_modules', '.cache', 'opencode-dogfood', `chromium-${version}`)
  const result: BundledChromium = {
    executablePath: path.join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: path.join(dir, 'al2023', 'lib'), FONTCONFIG_PATH: path.join(dir, 'fonts') },
  }
  if (existsSync(result.executablePath)) return result
  const tmp = `${dir}.unpacking-${process.pid}`
  mkdirSync(tmp, { recursive: true })
  await pipeline(createReadStream(path.join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(tmp, 'chromium'), { mode: 0o700 }))
  untar(path.join(bin, 'swiftshader.tar.br'), tmp)
  untar(path.join(bin, 'fonts.tar.br'), path.join(tmp, 'fonts'))
  untar(path.join(bin, 'al2023.tar.br'), path.join(tmp, 'al2023'))
  // The package's fonts.conf names /tmp/fonts (AWS Lambda's layout): point it at this copy.
  const fonts = path.join(dir, 'fonts')
  writeFileSync(
    path.join(tmp, 'fonts', 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fonts}/fonts</dir>\n  <cachedir>${fonts}/cache</cachedir>\n</fontconfig>\n`,
  )
  try {
    renameSync(tmp, dir)
  } catch (e) {
    // Another process unpacked the same version first: use its copy.
    if (!existsSync(result.executablePath)) throw e
    rmSync(tmp, { recursive: true })
  }
  return result
}
