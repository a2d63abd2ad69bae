// The blobs a restore and changes.diff read back come from an object store the
// agent may have written (uncontained, or the repository's own): a loose object
// rewritten under its name, or a zlib bomb in its place, must never be taken as
// the before-content (readBlobs checks size and id, and cuts git's output).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { readBlobs } from '../src/guard/restore.js'
import { gitIn, repoMaker } from './support/git-repo.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-blobs-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const repo = repoMaker(base)

/** Replace the loose object `id` with `raw` (its header and content, as git stores it before zlib). */
function plantLoose(dir: string, id: string, raw: Buffer): void {
  const file = path.join(dir, '.git', 'objects', id.slice(0, 2), id.slice(2))
  chmodSync(file, 0o644)
  writeFileSync(file, deflateSync(raw))
}

describe('readBlobs: the before-content, checked against its id', () => {
  it('reads a blob of the asked size and id', async () => {
    const dir = repo({ 'a.txt': 'hello\n' })
    const id = gitIn(dir, 'rev-parse', 'HEAD:a.txt').trim()
    const blobs = await readBlobs(dir, [{ id, size: 6 }])
    expect(blobs.get(id)?.toString()).toBe('hello\n')
  })

  it('a loose object rewritten under its name (same size, other content) is left out', async () => {
    const dir = repo({ 'a.txt': 'hello\n' })
    const id = gitIn(dir, 'rev-parse', 'HEAD:a.txt').trim()
    plantLoose(dir, id, Buffer.from('blob 6\0EVIL!\n'))
    // git itself hands out the planted content under the old id.
    expect(gitIn(dir, 'cat-file', 'blob', id)).toBe('EVIL!\n')
    expect((await readBlobs(dir, [{ id, size: 6 }])).has(id)).toBe(false)
  })

  it('a zlib bomb in its place is cut at the asked size, and left out', async () => {
    const dir = repo({ 'a.txt': 'hello\n' })
    const id = gitIn(dir, 'rev-parse', 'HEAD:a.txt').trim()
    const big = 64 << 20
    plantLoose(dir, id, Buffer.concat([Buffer.from(`blob ${big}\0`), Buffer.alloc(big)]))
    const before = process.memoryUsage().arrayBuffers
    const blobs = await readBlobs(dir, [{ id, size: 6 }])
    expect(blobs.has(id)).toBe(false)
    // Nothing near the bomb's size was kept (its output was cut after a few bytes).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(big / 2)
  })
})
