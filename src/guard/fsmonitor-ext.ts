// The index's fsmonitor extension (`FSMN`, Documentation/gitformat-index.txt):
// a token (v1: a time in ns, v2: the daemon's or hook's token) and an EWAH
// bitmap of the entries that are "dirty". With core.fsmonitor on, git takes
// every other entry as unchanged without looking at its file, and asks the
// monitor only what changed since the token: an agent's FSMN with a token in
// the future and no dirty bit hides every change in the checkout.

/** Bits no bitmap of ours needs more of: an index holds at most that many entries we parse. */
const MAX_WORDS = 1 << 24

/**
 * The dirty bits of an FSMN extension's bytes (`data`, after its 8-byte
 * header), one byte per index entry in index order (1: dirty, 0: git would
 * take it as unchanged); `count`: the index's entries. Undefined when the
 * bytes are not an FSMN extension git writes (an unknown version, a bitmap
 * that does not parse or names an entry past `count`).
 */
export function fsmonitorDirty(data: Buffer, count: number): Uint8Array | undefined {
  if (data.length < 4) return undefined
  const version = data.readUInt32BE(0)
  let p = 4
  if (version === 1) p += 8
  else if (version === 2) {
    const nul = data.indexOf(0, p)
    if (nul < 0) return undefined
    p = nul + 1
  } else return undefined
  if (p + 4 > data.length) return undefined
  const size = data.readUInt32BE(p)
  p += 4
  if (p + size !== data.length) return undefined
  return ewahBits(data.subarray(p), count)
}

/** The set bits of an EWAH bitmap as serialized by git (ewah/ewah_io.c), one byte per bit below `count`; undefined when malformed. */
function ewahBits(b: Buffer, count: number): Uint8Array | undefined {
  if (b.length < 8) return undefined
  const bitSize = b.readUInt32BE(0)
  const words = b.readUInt32BE(4)
  if (bitSize > count || words > MAX_WORDS || b.length !== 8 + words * 8 + 4) return undefined
  const out = new Uint8Array(count)
  let bit = 0
  const set = (from: number, n: number): boolean => {
    for (let k = from; k < from + n; k++) {
      if (k >= bitSize) return false
      out[k] = 1
    }
    return true
  }
  for (let i = 0; i < words; ) {
    const w = b.readBigUInt64BE(8 + i * 8)
    i++
    const running = Number(w & 1n)
    const runLen = Number((w >> 1n) & 0xffffffffn)
    const literals = Number(w >> 33n)
    if (running === 1 && !set(bit, runLen * 64)) return undefined
    bit += runLen * 64
    if (i + literals > words) return undefined
    for (let k = 0; k < literals; k++, i++) {
      // Two 32-bit halves, the low one first (bit j of the 64-bit word): no BigInt per bit, nothing for a zero word.
      const halves = [b.readUInt32BE(8 + i * 8 + 4), b.readUInt32BE(8 + i * 8)]
      for (let h = 0; h < 2; h++) {
        const v = halves[h]
        if (v === 0) continue
        for (let j = 0; j < 32; j++) if ((v >>> j) & 1 && !set(bit + h * 32 + j, 1)) return undefined
      }
      bit += 64
    }
  }
  return out
}
