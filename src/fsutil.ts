import { createHash, randomBytes } from 'node:crypto'
import { lstatSync, mkdirSync, realpathSync, renameSync, writeFileSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Write a file atomically: temp file in the same folder, then rename. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  writeFileSync(tmp, data)
  renameSync(tmp, file)
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n')
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file))
}

/** Forward-slash relative path. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

/** Byte-wise (LC_ALL=C) comparison of strings, as UTF-8. */
export function compareC(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** The real path of `p`, or `p` resolved when it does not exist (yet). */
export function realOrResolved(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

/** The real path `p` would have once made: its nearest existing folder resolved (links and all), the rest as given. Throws the fs error when that folder cannot be resolved. */
export function realPathOfNew(p: string): string {
  let at = path.resolve(p)
  const rest: string[] = []
  while (!existsNoFollow(at) && path.dirname(at) !== at) {
    rest.unshift(path.basename(at))
    at = path.dirname(at)
  }
  return path.join(realpathSync(at), ...rest)
}

/** Is `p` the folder `dir` or inside it (both absolute; no file system access)? */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** Is there anything at `p` (a link counts as itself, never followed)? Never throws. */
export function existsNoFollow(p: string | Buffer): boolean {
  try {
    lstatSync(p)
    return true
  } catch {
    return false
  }
}
