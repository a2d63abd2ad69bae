// The evidence reader (src/guard/reader.ts) against what a hostile agent can
// leave in a tree: links (to a marker outside, to /proc/self/environ, to
// /dev/zero), a FIFO, a unix socket, a hard link, a folder above swapped for a
// link, a file over the limit. Nothing outside the tree is read, nothing
// blocks, every read is bounded.
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, renameSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BeneathReader, readBeneath, describeInspection } from '../src/guard/reader.js'
import { createHash } from 'node:crypto'

const MARKER = `outside-marker-${process.pid}`
let base: string
let tree: string
let outside: string

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'reader-'))
  tree = path.join(base, 'tree')
  outside = path.join(base, 'outside.txt')
  mkdirSync(path.join(tree, 'sub'), { recursive: true })
  writeFileSync(outside, MARKER + '\n')
  writeFileSync(path.join(tree, 'plain.txt'), 'hello\n')
  writeFileSync(path.join(tree, 'sub', 'deep.txt'), 'deep\n')
  symlinkSync(outside, path.join(tree, 'link.txt'))
  symlinkSync('/proc/self/environ', path.join(tree, 'environ.txt'))
  symlinkSync('/dev/zero', path.join(tree, 'zero.txt'))
  execFileSync('mkfifo', [path.join(tree, 'pipe.txt')])
  linkSync(outside, path.join(tree, 'hard.txt'))
  writeFileSync(path.join(tree, 'big.bin'), Buffer.alloc(3 * 1024 * 1024, 7))
  mkdirSync(path.join(base, 'elsewhere'))
  writeFileSync(path.join(base, 'elsewhere', 'deep.txt'), MARKER)
  symlinkSync(path.join(base, 'elsewhere'), path.join(tree, 'linkdir'))
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

const read = (rel: string, maxBytes = 1024 * 1024) => readBeneath(tree, rel, { maxBytes })

describe('BeneathReader', () => {
  it('reads a small regular file whole, in a folder too', () => {
    expect(read('plain.txt').data?.toString()).toBe('hello\n')
    expect(read('sub/deep.txt').data?.toString()).toBe('deep\n')
    expect(read('plain.txt').sha256).toBe(createHash('sha256').update('hello\n').digest('hex'))
  })

  it('records a link by its target text and never follows it (marker, /proc/self/environ, /dev/zero)', () => {
    for (const rel of ['link.txt', 'environ.txt', 'zero.txt']) {
      const i = read(rel)
      expect(i.kind).toBe('symlink')
      expect(i.data).toBeUndefined()
      expect(JSON.stringify(i)).not.toContain(MARKER)
    }
    expect(read('environ.txt').target).toBe('/proc/self/environ')
  })

  it('never opens a FIFO (a blocking open would hang this test) and records it as one', () => {
    const i = read('pipe.txt')
    expect(i.kind).toBe('fifo')
    expect(i.data).toBeUndefined()
  })

  it('records a unix socket as one', async () => {
    const sock = path.join(tree, 'sock.txt')
    const server = net.createServer().listen(sock)
    await new Promise((r) => server.once('listening', r))
    try {
      expect(read('sock.txt').kind).toBe('socket')
    } finally {
      server.close()
    }
  })

  it('records a hard link by its link count, never by its content', () => {
    const i = read('hard.txt')
    expect(i.kind).toBe('file')
    expect(i.links).toBe(2)
    expect(i.data).toBeUndefined()
    expect(i.sha256).toBeUndefined()
    expect(describeInspection(i)).toContain('2 name(s)')
  })

  it('does not follow a folder above that is a link', () => {
    const i = read('linkdir/deep.txt')
    expect(i.kind).toBe('unreachable')
    expect(JSON.stringify(i)).not.toContain(MARKER)
  })

  it('refuses .. and empty components', () => {
    expect(read('../outside.txt').kind).toBe('unreachable')
    expect(read('sub//deep.txt').kind).toBe('unreachable')
  })

  it('over the limit: size and sha256 only', () => {
    const i = read('big.bin', 1024)
    expect(i.kind).toBe('file')
    expect(i.data).toBeUndefined()
    expect(i.size).toBe(3 * 1024 * 1024)
    expect(i.sha256).toBe(
      createHash('sha256')
        .update(Buffer.alloc(3 * 1024 * 1024, 7))
        .digest('hex'),
    )
  })

  it('a folder swapped for a link after the reader opened it stays the folder it opened (the link is not followed)', () => {
    const r = new BeneathReader(tree)
    try {
      mkdirSync(path.join(tree, 'swap'))
      writeFileSync(path.join(tree, 'swap', 'a.txt'), 'inside\n')
      expect(r.inspect('swap/a.txt', { maxBytes: 100 }).data?.toString()).toBe('inside\n')
      // The agent swaps the folder for a link to a folder outside holding the same name.
      renameSync(path.join(tree, 'swap'), path.join(base, 'swapped-away'))
      symlinkSync(path.join(base, 'elsewhere'), path.join(tree, 'swap'))
      writeFileSync(path.join(base, 'elsewhere', 'a.txt'), MARKER)
      const again = r.inspect('swap/a.txt', { maxBytes: 100 })
      expect(JSON.stringify(again)).not.toContain(MARKER)
      // A fresh reader refuses the link outright.
      expect(read('swap/a.txt').kind).toBe('unreachable')
    } finally {
      r.close()
    }
  })

  it('an entry that is not the one the walk saw is not read', () => {
    const i = readBeneath(tree, 'plain.txt', { maxBytes: 100, expect: { dev: 0, ino: 1 } })
    expect(i.data).toBeUndefined()
    expect(i.note).toContain('not the entry the walk saw')
  })
})
