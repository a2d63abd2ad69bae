// File names are bytes; the guard's paths are strings. Names that are valid
// UTF-8 are their UTF-8 text; any byte that is not part of a valid UTF-8
// sequence becomes one lone surrogate U+DC80–U+DCFF (Python's
// "surrogateescape"). Valid UTF-8 never decodes to a lone surrogate, so the
// mapping is one-to-one: no two names share a path, and every path leads back
// to its name. (Node's own decoding turns such bytes into U+FFFD, which would
// make the file unreachable and so invisible to the guard.)
import { isUtf8 } from 'node:buffer'
import path from 'node:path'

export function decodePath(b: Buffer): string {
  if (isUtf8(b)) return b.toString('utf8')
  let out = ''
  let i = 0
  while (i < b.length) {
    const c = b[i]
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (n > 0 && i + n <= b.length && isUtf8(b.subarray(i, i + n))) {
      out += b.toString('utf8', i, i + n)
      i += n
    } else {
      out += String.fromCharCode(0xdc00 + c)
      i++
    }
  }
  return out
}

/**
 * decodePath of buf[start, end). `latin1` is the whole buffer as latin1
 * text (made once by the caller): an all-ASCII name is then a substring,
 * with no per-name call into Buffer (which costs microseconds each).
 */
export function decodeRange(buf: Buffer, latin1: string, start: number, end: number): string {
  for (let i = start; i < end; i++) if (buf[i] >= 0x80) return decodePath(buf.subarray(start, end))
  return latin1.slice(start, end)
}

const SURROGATE = /[\ud800-\udfff]/

export function encodePath(s: string): Buffer {
  if (!SURROGATE.test(s)) return Buffer.from(s, 'utf8')
  const parts: Buffer[] = []
  let run = ''
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i)
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1)
      if (v >= 0xdc00 && v <= 0xdfff) {
        run += s[i] + s[i + 1]
        i++
        continue
      }
    }
    if (u >= 0xdc80 && u <= 0xdcff) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([u - 0xdc00]))
      run = ''
      continue
    }
    run += s[i]
  }
  parts.push(Buffer.from(run, 'utf8'))
  return Buffer.concat(parts)
}

/** The file system path of `rel` under `root`: a string, or bytes when the name is not UTF-8. */
export function fsPath(root: string, rel: string): string | Buffer {
  if (!SURROGATE.test(rel)) return path.join(root, rel)
  return Buffer.concat([Buffer.from(root.endsWith('/') ? root : `${root}/`, 'utf8'), encodePath(rel)])
}

/**
 * C-style quoting as git reads it on --stdin-paths (and prints with
 * core.quotePath): every byte outside printable ASCII, and `"` and `\`,
 * escaped, so a name with a newline or a leading quote stays one path.
 */
export function cQuote(rel: string): Buffer {
  const b = encodePath(rel)
  let out = '"'
  for (const c of b) {
    if (c === 0x22) out += '\\"'
    else if (c === 0x5c) out += '\\\\'
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c)
    else out += `\\${c.toString(8).padStart(3, '0')}`
  }
  return Buffer.from(out + '"', 'latin1')
}
