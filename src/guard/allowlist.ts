// Allowlist semantics as the seed writes them: an entry ending in `/` is a
// folder prefix, any other entry is one exact file. Paths are normalised
// first, so `a/../b` or `./a` cannot slip past; anything that climbs out of
// the tree, is absolute, or lies in .git never matches.
//
// Entries are user input: a backslash is read as a separator there. Paths the
// guard observed are POSIX names from the file system: a backslash is part of
// a name (a file called `sandbox\evil` at the top is not inside `sandbox/`).
import path from 'node:path'
import { InputError } from '../errors.js'

function normalize(p: string, backslashIsSeparator: boolean): string | undefined {
  if (p.length === 0 || p.includes('\0')) return undefined
  const s = backslashIsSeparator ? p.replace(/\\/g, '/') : p
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s)) return undefined
  const n = path.posix.normalize(s).replace(/\/+$/, '')
  if (n === '' || n === '.' || n === '..' || n.startsWith('../')) return undefined
  return n
}

function inGitDir(n: string): boolean {
  const first = n.split('/')[0].toLowerCase()
  return first === '.git'
}

/** A user-given path relative to the repository, normalised (no trailing '/'); undefined if it leaves the tree. */
export function normalizeRelPath(p: string): string | undefined {
  return normalize(p, true)
}

function normalizeEntry(e: string): string | undefined {
  const isDir = /[/\\]$/.test(e)
  const n = normalizeRelPath(e)
  if (!n || inGitDir(n)) return undefined
  return isDir ? `${n}/` : n
}

export function validateAllowlist(input: string, entries: string[]): string[] {
  return entries.map((e) => {
    const n = normalizeRelPath(e)
    if (!n) throw new InputError(input, `'${e}' is not a path inside the repository (relative, no '..', not empty)`)
    if (inGitDir(n)) throw new InputError(input, `'${e}' points into .git, which can never be allowed`)
    return normalizeEntry(e)!
  })
}

/** Does the write allowlist (or deletion allowlist) cover this observed path? */
export function isAllowed(relPath: string, allowlist: string[]): boolean {
  const n = normalize(relPath, false)
  if (!n || inGitDir(n)) return false
  return allowlist.some((raw) => {
    const entry = normalizeEntry(raw)
    if (!entry) return false
    return entry.endsWith('/') ? n.startsWith(entry) : n === entry
  })
}
