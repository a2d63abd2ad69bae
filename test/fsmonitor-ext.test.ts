// The index's fsmonitor extension (FSMN) decoded as git's ewah/ewah_io.c
// writes it: the dirty bits, and what is not an extension git writes.
import { describe, expect, it } from 'vitest'
import { fsmonitorDirty } from '../src/guard/fsmonitor-ext.js'

/** An FSMN payload: version 2, `token`, then the EWAH bitmap of `bitSize` bits from 64-bit `words`. */
function fsmn(token: string, bitSize: number, words: bigint[]): Buffer {
  const ewah = Buffer.alloc(8 + words.length * 8 + 4)
  ewah.writeUInt32BE(bitSize, 0)
  ewah.writeUInt32BE(words.length, 4)
  words.forEach((w, i) => {
    ewah.writeBigUInt64BE(w, 8 + i * 8)
  })
  const head = Buffer.alloc(4)
  head.writeUInt32BE(2)
  const size = Buffer.alloc(4)
  size.writeUInt32BE(ewah.length)
  return Buffer.concat([head, Buffer.from(`${token}\0`), size, ewah])
}

/** A run-length word: `run` words of `bit`, then `literals` literal words. */
const rlw = (bit: 0 | 1, run: number, literals: number) => BigInt(bit) | (BigInt(run) << 1n) | (BigInt(literals) << 33n)

describe('fsmonitorDirty', () => {
  it('reads the dirty bits of literal words (low bit first) and of runs', () => {
    const dirty = fsmonitorDirty(fsmn('tok', 70, [rlw(0, 0, 2), (1n << 33n) | 1n, 1n << 5n]), 70)!
    expect([...dirty.keys()].filter((k) => dirty[k])).toEqual([0, 33, 69])
    const ones = fsmonitorDirty(fsmn('tok', 128, [rlw(1, 2, 0)]), 128)!
    expect(ones.every((b) => b === 1)).toBe(true)
  })

  it('many zero literal words decode to nothing dirty', () => {
    const words = [rlw(0, 0, 1 << 16), ...Array.from({ length: 1 << 16 }, () => 0n)]
    const dirty = fsmonitorDirty(fsmn('tok', 1 << 22, words), 1 << 22)!
    expect(dirty.some((b) => b === 1)).toBe(false)
  })

  it('is undefined for what git does not write: a bit past the bitmap or the index, a bad version, a short payload', () => {
    expect(fsmonitorDirty(fsmn('tok', 10, [rlw(0, 0, 1), 1n << 20n]), 10)).toBeUndefined()
    expect(fsmonitorDirty(fsmn('tok', 100, [rlw(0, 0, 1), 1n]), 50)).toBeUndefined()
    const bad = fsmn('tok', 10, [rlw(0, 0, 1), 1n])
    bad.writeUInt32BE(3, 0)
    expect(fsmonitorDirty(bad, 10)).toBeUndefined()
    expect(fsmonitorDirty(Buffer.alloc(3), 10)).toBeUndefined()
    expect(fsmonitorDirty(fsmn('tok', 10, [rlw(0, 0, 5)]), 10)).toBeUndefined()
  })
})
