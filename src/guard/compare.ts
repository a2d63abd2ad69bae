// Before/after → the list of changes and the gate verdict. A rename is a
// deletion of its source plus a creation; a type change (file ↔ symlink) and a
// mode change are modifications; any change to repository state is a
// modification outside the allowlist, and a deletion there (a ref, a hook, an
// object) is a deletion like any other.
import { isAllowed } from './allowlist.js'
import type { Snapshot } from './snapshot.js'
import type { FailureCode } from '../types.js'

export type ChangeKind = 'created' | 'modified' | 'deleted' | 'mode' | 'type'

export interface Change {
  path: string
  kind: ChangeKind
  area: 'tree' | 'repo' | 'outside'
}

export interface Violation extends Change {
  code: FailureCode
}

export function compareSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = []
  for (const [p, b] of before.tree) {
    const a = after.tree.get(p)
    if (!a) changes.push({ path: p, kind: 'deleted', area: 'tree' })
    else if (a.type !== b.type) changes.push({ path: p, kind: 'type', area: 'tree' })
    else if (a.hash !== b.hash) changes.push({ path: p, kind: 'modified', area: 'tree' })
    else if (a.mode !== b.mode) changes.push({ path: p, kind: 'mode', area: 'tree' })
  }
  for (const p of after.tree.keys()) if (!before.tree.has(p)) changes.push({ path: p, kind: 'created', area: 'tree' })
  for (const [p, b] of before.repo) {
    const a = after.repo.get(p)
    if (!a) changes.push({ path: p, kind: 'deleted', area: 'repo' })
    else if (a.hash !== b.hash) changes.push({ path: p, kind: 'modified', area: 'repo' })
  }
  // The object store may grow (objects are content-addressed: a new one cannot
  // alter history); an object that disappears is a deletion.
  for (const [p, a] of after.repo) if (!before.repo.has(p) && !a.object) changes.push({ path: p, kind: 'created', area: 'repo' })
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
}

export interface GatePolicy {
  writeAllowlist: string[]
  deletionAllowlist: string[]
}

/** Deletions anywhere → GITCLEANFAIL (unless allowed); other changes off the allowlist → MODIFICATIONFAIL. */
export function gateChanges(changes: Change[], policy: GatePolicy): Violation[] {
  const out: Violation[] = []
  for (const c of changes) {
    if (c.kind === 'deleted') {
      if (c.area === 'tree' && isAllowed(c.path, policy.deletionAllowlist)) continue
      out.push({ ...c, code: 'GITCLEANFAIL' })
      continue
    }
    if (c.area === 'tree' && isAllowed(c.path, policy.writeAllowlist)) continue
    out.push({ ...c, code: 'MODIFICATIONFAIL' })
  }
  return out
}

export function formatChanges(changes: Change[]): string {
  return changes.map((c) => `${c.kind}\t${c.area}\t${JSON.stringify(c.path)}`).join('\n') + (changes.length ? '\n' : '')
}
