// Put the work tree back as the "before" snapshot had it, file by file, from
// git's object store and the snapshot's own copies of repository files. No
// forbidden operation is used: no clean, no hard reset, no checkout of the tree.
import { mkdirSync, readdirSync, rmdirSync, rmSync, symlinkSync, writeFileSync, chmodSync, lstatSync } from 'node:fs'
import path from 'node:path'
import { gitRaw } from '../git.js'
import type { Change } from './compare.js'
import type { Snapshot } from './snapshot.js'

export interface RestoreRecord {
  path: string
  action: 'rewritten' | 'removed' | 'unrestorable'
  detail?: string
}

function removeEntry(abs: string): void {
  // A single file or symlink of the agent's making; never a recursive removal.
  rmSync(abs)
}

function removeEmptyParents(root: string, rel: string): void {
  let dir = path.dirname(rel)
  while (dir !== '.' && dir !== '') {
    const abs = path.join(root, dir)
    try {
      if (readdirSync(abs).length > 0) return
      rmdirSync(abs)
    } catch {
      return
    }
    dir = path.dirname(dir)
  }
}

function repoFileAbs(s: Snapshot, rel: string): string {
  return path.join(s.commonDir, rel.slice('.git/'.length))
}

export async function restore(before: Snapshot, changes: Change[]): Promise<RestoreRecord[]> {
  const records: RestoreRecord[] = []
  // Repository state first: the index decides what the tree is restored from.
  for (const c of changes.filter((x) => x.area === 'repo')) {
    const abs = repoFileAbs(before, c.path)
    const prev = before.repo.get(c.path)
    if (c.kind === 'created') {
      try {
        removeEntry(abs)
        records.push({ path: c.path, action: 'removed' })
      } catch (e) {
        records.push({ path: c.path, action: 'unrestorable', detail: (e as Error).message })
      }
      continue
    }
    if (!prev?.content) {
      records.push({ path: c.path, action: 'unrestorable', detail: 'no saved copy (larger than 1 MiB)' })
      continue
    }
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, prev.content)
    records.push({ path: c.path, action: 'rewritten' })
  }
  for (const c of changes.filter((x) => x.area === 'tree')) {
    const abs = path.join(before.root, c.path)
    const prev = before.tree.get(c.path)
    try {
      if (c.kind === 'created') {
        removeEntry(abs)
        removeEmptyParents(before.root, c.path)
        records.push({ path: c.path, action: 'removed' })
        continue
      }
      if (!prev?.hash) throw new Error('no recorded content')
      if (prev.type === 'symlink') {
        try {
          lstatSync(abs)
          removeEntry(abs)
        } catch {
          // already gone
        }
        mkdirSync(path.dirname(abs), { recursive: true })
        symlinkSync(prev.hash.slice('link:'.length), abs)
        records.push({ path: c.path, action: 'rewritten', detail: 'symlink' })
        continue
      }
      const blob = await gitRaw(before.root, prev.tracked ? ['cat-file', '--filters', `--path=${c.path}`, prev.hash] : ['cat-file', 'blob', prev.hash])
      if (blob.exitCode !== 0) throw new Error(`object ${prev.hash} not in the object store`)
      try {
        if (!lstatSync(abs).isFile()) removeEntry(abs)
      } catch {
        // deleted: recreate below
      }
      mkdirSync(path.dirname(abs), { recursive: true })
      writeFileSync(abs, blob.stdout)
      chmodSync(abs, prev.mode & 0o7777)
      records.push({ path: c.path, action: 'rewritten', detail: prev.hash })
    } catch (e) {
      records.push({ path: c.path, action: 'unrestorable', detail: (e as Error).message })
    }
  }
  return records
}

export function formatRestore(records: RestoreRecord[]): string {
  return records.map((r) => `${r.action}\t${JSON.stringify(r.path)}${r.detail ? `\t${r.detail}` : ''}`).join('\n') + (records.length ? '\n' : '')
}
