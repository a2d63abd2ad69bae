// Allowlist semantics as the seed writes them: an entry ending in `/` is a
// folder prefix, any other entry is one exact file. Paths are normalised
// first, so `a/../b` or `./a` cannot slip past; anything that climbs out of
// the tree or into .git never matches.
import path from 'node:path'
import { InputError } from '../errors.js'

export function normalizeRelPath(p: string): string | undefined {
  if (p.length === 0 || p.includes('\0')) return undefined
  const n = path.posix.normalize(p.replace(/\\/g, '/'))
  if (n === '.' || n.startsWith('../') || n === '..' || path.posix.isAbsolute(n)) return undefined
  return n
}

export function validateAllowlist(input: string, entries: string[]): string[] {
  return entries.map((e) => {
    const isDir = e.endsWith('/')
    const n = normalizeRelPath(isDir ? e.slice(0, -1) : e)
    if (!n) throw new InputError(input, `'${e}' is not a path inside the repository (relative, no '..', not empty)`)
    if (n === '.git' || n.startsWith('.git/')) throw new InputError(input, `'${e}' points into .git, which can never be allowed`)
    return isDir ? `${n}/` : n
  })
}

export function isAllowed(relPath: string, allowlist: string[]): boolean {
  const n = normalizeRelPath(relPath)
  if (!n || n === '.git' || n.startsWith('.git/')) return false
  return allowlist.some((entry) => (entry.endsWith('/') ? n.startsWith(entry) : n === entry))
}
