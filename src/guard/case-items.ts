// What the agent left, kept as evidence: the files it created in the tree
// (item_NN) and what it made outside the worktree (escaped_NN, moved out of
// where it was made). Everything is read through the evidence reader.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { BeneathReader, describeInspection, readBeneath } from './reader.js'

/** A file name's extension for its evidence copy: a short alphanumeric one, else `.bin`. */
function extOf(p: string): string {
  const e = path.extname(p)
  return /^\.[A-Za-z0-9]{1,8}$/.test(e) ? e : '.bin'
}

/**
 * Files (and symlinks, FIFOs, sockets) the agent created outside the
 * worktree: read through the evidence reader (no link followed, nothing but a
 * regular file opened, up to the evidence limit) into the evidence
 * (escaped_NN.ext; a link as its target text) and removed from where they
 * were made. A folder stays (it is reported; its files are listed on their
 * own). Returns escaped.txt's lines: item, the absolute path, what it was.
 */
export function moveEscapedFiles(paths: string[], maxBytes: number, evidence: (name: string, data: string | Buffer) => void): string[] {
  const lines: string[] = []
  for (const abs of paths) {
    try {
      const got = readBeneath(path.dirname(abs), path.basename(abs), { maxBytes })
      if (got.kind === 'directory' || got.kind === 'missing' || got.kind === 'unreachable') continue
      const name = `escaped_${String(lines.length + 1).padStart(2, '0')}${got.kind === 'symlink' ? '.link' : got.data ? extOf(abs) : '.txt'}`
      evidence(name, got.data ?? `${describeInspection(got)}\n`)
      rmSync(abs)
      lines.push(`${name}\t${JSON.stringify(abs)}\t${describeInspection(got)}`)
    } catch {
      // gone already, or not ours to remove: it stays reported
    }
  }
  return lines
}

/**
 * The created files of the tree as item_NN evidence, each read through the
 * evidence reader: a small regular file whole; a link, FIFO, socket, device,
 * hard link or a file over the limit by what it is (items.txt's third
 * column), never by content. Returns items.txt's lines.
 */
export function captureItems(workDir: string, created: string[], maxBytes: number, evidence: (name: string, data: string | Buffer) => void): string[] {
  const reader = new BeneathReader(workDir)
  try {
    return created.map((rel, i) => {
      const got = reader.inspect(rel, { maxBytes })
      const name = `item_${String(i + 1).padStart(2, '0')}${extOf(rel)}`
      if (got.data) evidence(name, got.data)
      return `${name}\t${JSON.stringify(rel)}\t${describeInspection(got)}`
    })
  } finally {
    reader.close()
  }
}
