// BSD-style sha256 sidecars: `<sha256> *<filename>`, which `sha256sum -c` reads
// when run in the file's folder.
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { sha256, writeFileAtomic } from '../fsutil.js'

export const SIDECAR_EXT = '.sha256'

export function sidecarLine(hash: string, fileName: string): string {
  return `${hash} *${fileName}\n`
}

/** Write `file.sha256` next to `file`; returns the hash and size. */
export function writeSidecar(file: string): { sha256: string; bytes: number } {
  const data = readFileSync(file)
  const hash = sha256(data)
  writeFileAtomic(file + SIDECAR_EXT, sidecarLine(hash, path.basename(file)))
  return { sha256: hash, bytes: statSync(file).size }
}

/** Parse a sidecar; undefined when it is not in the expected format. */
export function parseSidecar(text: string): { hash: string; fileName: string } | undefined {
  const m = /^([0-9a-f]{64}) \*(.+)\n?$/.exec(text)
  return m ? { hash: m[1], fileName: m[2] } : undefined
}
