// The ledger of one case: evidence files under evidence/<case_id>/, each with
// a sidecar, and the result JSON under cases/, validated before it is written.
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { compareC, toPosix, writeFileAtomic } from '../fsutil.js'
import type { EvidenceEntry } from '../types.js'
import { SIDECAR_EXT, writeSidecar } from './sidecar.js'

export function evidenceDir(runDir: string, caseId: string): string {
  return path.join(runDir, 'evidence', caseId)
}

export function resultPath(runDir: string, caseId: string): string {
  return path.join(runDir, 'cases', `${caseId}.result.json`)
}

/** Write one evidence file (atomically); its sidecar comes at finalisation. */
export function writeEvidence(runDir: string, caseId: string, name: string, data: string | Buffer): string {
  const file = path.join(evidenceDir(runDir, caseId), name)
  writeFileAtomic(file, data)
  return file
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...listFiles(p))
    else if (e.isFile() && !e.name.endsWith(SIDECAR_EXT) && !e.name.endsWith('.tmp')) out.push(p)
  }
  return out
}

/** Sidecar every evidence file of the case; entries sorted by path (LC_ALL=C). */
export function sealEvidence(runDir: string, caseId: string): EvidenceEntry[] {
  const dir = evidenceDir(runDir, caseId)
  mkdirSync(dir, { recursive: true })
  const entries = listFiles(dir).map((file) => {
    const { sha256, bytes } = writeSidecar(file)
    return { path: toPosix(path.relative(runDir, file)), sha256, bytes }
  })
  return entries.sort((a, b) => compareC(a.path, b.path))
}
