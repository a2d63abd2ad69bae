import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/guard/reader.ts
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync } from "node:fs";
import path2 from "node:path";

// src/guard/paths.ts
import { isUtf8 } from "node:buffer";
import path from "node:path";
function decodePath(b) {
  if (isUtf8(b)) return b.toString("utf8");
  let out = "";
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 128 ? 1 : c >= 194 && c <= 223 ? 2 : c >= 224 && c <= 239 ? 3 : c >= 240 && c <= 244 ? 4 : 0;
    if (n > 0 && i + n <= b.length && isUtf8(b.subarray(i, i + n))) {
      out += b.toString("utf8", i, i + n);
      i += n;
    } else {
      out += String.fromCharCode(56320 + c);
      i++;
    }
  }
  return out;
}
function decodeRange(buf, latin1, start, end) {
  for (let i = start; i < end; i++) if (buf[i] >= 128) return decodePath(buf.subarray(start, end));
  return latin1.slice(start, end);
}
var SURROGATE = /[\ud800-\udfff]/;
function encodePath(s) {
  if (!SURROGATE.test(s)) return Buffer.from(s, "utf8");
  const parts = [];
  let run = "";
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 55296 && u <= 56319 && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 56320 && v <= 57343) {
        run += s[i] + s[i + 1];
        i++;
        continue;
      }
    }
    if (u >= 56448 && u <= 56575) {
      parts.push(Buffer.from(run, "utf8"), Buffer.from([u - 56320]));
      run = "";
      continue;
    }
    run += s[i];
  }
  parts.push(Buffer.from(run, "utf8"));
  return Buffer.concat(parts);
}
function fsPath(root, rel) {
  if (!SURROGATE.test(rel)) return path.join(root, rel);
  return Buffer.concat([Buffer.from(root.endsWith("/") ? root : `${root}/`, "utf8"), encodePath(rel)]);
}
function cQuote(rel) {
  const b = encodePath(rel);
  let out = '"';
  for (const c of b) {
    if (c === 34) out += '\\"';
    else if (c === 92) out += "\\\\";
    else if (c >= 32 && c < 127) out += String.fromCharCode(c);
    else out += `\\${c.toString(8).padStart(3, "0")}`;
  }
  return Buffer.from(out + '"', "latin1");
}

// src/guard/reader-types.ts
var DEFAULT_EVIDENCE_MAX_BYTES = 1024 * 1024;
var MAX_EVIDENCE_LIMIT = 1024 * 1024 * 1024;

// src/guard/reader.ts
var PROC_FD = process.platform === "linux" && isDir("/proc/self/fd");
var DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
var FILE_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;
var CHUNK = 1 << 20;
var MAX_OPEN_DIRS = 256;
function isDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
function kindOf(s) {
  if (s.isFile()) return "file";
  if (s.isSymbolicLink()) return "symlink";
  if (s.isDirectory()) return "directory";
  if (s.isFIFO()) return "fifo";
  if (s.isSocket()) return "socket";
  if (s.isCharacterDevice()) return "char-device";
  if (s.isBlockDevice()) return "block-device";
  return "other";
}
var nothing = (kind, note) => ({ kind, size: 0, links: 0, mode: 0, note });
var BeneathReader = class {
  /** `root` is the harness's own choice of folder; it is resolved once (it may itself be a link the user made). */
  constructor(root) {
    this.root = root;
  }
  root;
  dirs = /* @__PURE__ */ new Map();
  closed = false;
  /** What `rel` is, and its content when it is a small regular file with one name. */
  inspect(rel, opts) {
    const opened = this.open(rel, opts);
    if (!("fd" in opened)) return opened;
    try {
      return readOpened(opened, opened.base, opts.maxBytes);
    } finally {
      closeSync(opened.fd);
    }
  }
  /** Release every folder descriptor (idempotent). */
  close() {
    this.dropFolders();
    this.closed = true;
  }
  /** The path of `name` inside the folder `parts`: relative to its descriptor on Linux, else plain. */
  childPath(dir, parts, name) {
    const base = dir === null ? `${this.root}/${parts.map((p) => p + "/").join("")}`.replace(/\/+/g, "/") : `/proc/self/fd/${dir}/`;
    return Buffer.concat([encodePath(base), encodePath(name)]);
  }
  /** The folder `parts` below root: its descriptor (null elsewhere than Linux), or why it cannot be reached. */
  folder(parts) {
    const key = parts.join("/");
    const known = this.dirs.get(key);
    if (known !== void 0) return known;
    let fd;
    if (parts.length === 0) {
      try {
        fd = PROC_FD ? openSync(encodePath(this.root), constants.O_RDONLY | constants.O_DIRECTORY) : null;
      } catch (e) {
        return `the folder ${this.root} cannot be opened (${e.code})`;
      }
    } else {
      const parent = this.folder(parts.slice(0, -1));
      if (typeof parent === "string") return parent;
      const p = this.childPath(parent, parts.slice(0, -1), parts[parts.length - 1]);
      try {
        if (parent === null) {
          if (!lstatSync(p).isDirectory()) return `not followed: '${key}' is not a folder (a link or a file)`;
          fd = null;
        } else fd = openSync(p, DIR_FLAGS);
      } catch (e) {
        const code = e.code;
        if (code === "ENOENT") return `'${key}' is gone`;
        return `not followed: '${key}' is not a folder (${code === "ELOOP" || code === "ENOTDIR" ? "a link or a file" : code})`;
      }
    }
    if (this.dirs.size >= MAX_OPEN_DIRS) this.dropFolders();
    this.dirs.set(key, fd);
    return fd;
  }
  dropFolders() {
    for (const fd of this.dirs.values()) if (typeof fd === "number") closeSync(fd);
    this.dirs.clear();
  }
  /**
   * `rel` opened for reading when it is a regular file (no link followed, no
   * FIFO or device opened, the same inode as lstat saw); else what it is.
   * The caller closes the descriptor.
   */
  open(rel, opts) {
    if (this.closed) throw new Error("BeneathReader: used after close()");
    const parts = rel.split("/");
    if (parts.some((p2) => p2 === "" || p2 === "." || p2 === "..")) return nothing("unreachable", `refused: '${rel}' is not a plain relative path`);
    const name = parts.pop();
    const dir = this.folder(parts);
    if (typeof dir === "string") return nothing("unreachable", dir);
    const p = this.childPath(dir, parts, name);
    let st;
    try {
      st = lstatSync(p);
    } catch (e) {
      return nothing("missing", `gone (${e.code})`);
    }
    const base = { kind: kindOf(st), size: st.size, links: st.nlink, mode: st.mode };
    if (opts.expect && (BigInt(opts.expect.dev) !== BigInt(st.dev) || BigInt(opts.expect.ino) !== BigInt(st.ino))) {
      return { ...base, note: "not read: it is not the entry the walk saw (replaced since)" };
    }
    if (base.kind === "symlink") {
      try {
        return { ...base, target: decodePath(readlinkSync(p, { encoding: "buffer" })), note: "a link: its target text, never followed" };
      } catch {
        return { ...base, note: "a link whose target could not be read" };
      }
    }
    if (base.kind !== "file") return { ...base, size: base.kind === "directory" ? 0 : st.size, note: `a ${base.kind}: never opened` };
    if (st.nlink > 1 && !opts.allowHardLinks) return { ...base, note: `a file with ${st.nlink} names (a hard link): not read` };
    const opened = this.openChecked(p, st, base, opts.allowHardLinks === true);
    return "fd" in opened ? { ...opened, base } : opened;
  }
  openChecked(p, st, base, allowHardLinks) {
    let fd;
    try {
      fd = openSync(p, FILE_FLAGS);
    } catch (e) {
      return { ...base, note: `not opened (${e.code})` };
    }
    try {
      const f = fstatSync(fd);
      if (!f.isFile() || f.ino !== st.ino || f.dev !== st.dev) throw new Replaced(kindOf(f), "not read: replaced between lstat and open");
      if (f.nlink > 1 && !allowHardLinks) throw new Replaced("file", `a file with ${f.nlink} names (a hard link): not read`);
      return { fd, size: f.size };
    } catch (e) {
      closeSync(fd);
      if (e instanceof Replaced) return { ...base, kind: e.kind, note: e.message };
      return { ...base, note: `not read (${e.code ?? e.message})` };
    }
  }
};
var Replaced = class extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
  kind;
  name = "Replaced";
};
function readOpened(o, base, maxBytes) {
  const { fd, size } = o;
  try {
    if (size > maxBytes)
      return { ...base, size, sha256: hashPrefix(fd, size), note: `over the evidence limit (${size} > ${maxBytes} bytes): size and sha256 only` };
    const buf = Buffer.alloc(size + 1);
    let got = 0;
    for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, got);
    if (got > size)
      return { ...base, size: got, sha256: hashPrefix(fd, size), note: `it grew while read (past ${size} bytes): size and sha256 of the first ${size} only` };
    const data = buf.subarray(0, got);
    return { ...base, size: got, data, sha256: createHash("sha256").update(data).digest("hex") };
  } catch (e) {
    return { ...base, note: `not read (${e.code ?? e.message})` };
  }
}
function blobIdOf(o, format) {
  const h = createHash(format).update(`blob ${o.size}\0`);
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(o.size, 1)));
  let pos = 0;
  while (pos < o.size) {
    const n = readSync(o.fd, buf, 0, Math.min(buf.length, o.size - pos), pos);
    if (n <= 0) break;
    h.update(buf.subarray(0, n));
    pos += n;
  }
  return pos === o.size ? h.digest("hex") : `unreadable:shrank-while-read:${h.digest("hex")}`;
}
function hashPrefix(fd, size) {
  const h = createHash("sha256");
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
  for (let pos = 0; pos < size; ) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos);
    if (n <= 0) break;
    h.update(buf.subarray(0, n));
    pos += n;
  }
  return h.digest("hex");
}
function contentSha256(root, rel, maxBytes = Number.POSITIVE_INFINITY) {
  const r = new BeneathReader(root);
  try {
    const o = r.open(rel, { allowHardLinks: true });
    if ("fd" in o) {
      try {
        if (o.size > maxBytes) {
          const st = fstatSync(o.fd, { bigint: true });
          return createHash("sha256").update(`large:${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`).digest("hex");
        }
        return hashPrefix(o.fd, o.size);
      } finally {
        closeSync(o.fd);
      }
    }
    if (o.kind === "symlink")
      return createHash("sha256").update(`link:${o.target ?? "?"}`).digest("hex");
    if (o.kind === "file" || o.kind === "missing" || o.kind === "unreachable") return `unreadable:${Date.now()}:${Math.random()}`;
    return `${o.kind}:${o.mode}`;
  } finally {
    r.close();
  }
}
function packChecksumMatches(abs, algorithm, expected) {
  const r = new BeneathReader(path2.dirname(abs));
  try {
    const o = r.open(path2.basename(abs), { allowHardLinks: true });
    if (!("fd" in o)) return false;
    try {
      const len = algorithm === "sha1" ? 20 : 32;
      if (o.size < len) return false;
      const h = createHash(algorithm);
      const buf = Buffer.alloc(CHUNK);
      const body = o.size - len;
      for (let pos = 0; pos < body; ) {
        const n = readSync(o.fd, buf, 0, Math.min(buf.length, body - pos), pos);
        if (n <= 0) return false;
        h.update(buf.subarray(0, n));
        pos += n;
      }
      const trailer = Buffer.alloc(len);
      if (readSync(o.fd, trailer, 0, len, body) !== len) return false;
      return h.digest().equals(trailer) && trailer.toString("hex") === expected;
    } finally {
      closeSync(o.fd);
    }
  } finally {
    r.close();
  }
}
function lookAt(root, rel) {
  const r = new BeneathReader(root);
  try {
    const o = r.open(rel, { allowHardLinks: true });
    if (!("fd" in o)) return o;
    try {
      const st = fstatSync(o.fd);
      return { kind: "file", size: st.size, links: st.nlink, mode: st.mode, note: "looked at, not read" };
    } finally {
      closeSync(o.fd);
    }
  } finally {
    r.close();
  }
}
var NotRegularFileError = class extends Error {
  constructor(file, seen) {
    super(`${file}: ${describeInspection(seen)}`);
    this.file = file;
    this.seen = seen;
  }
  file;
  seen;
  name = "NotRegularFileError";
};
function readUntrustedFile(abs, maxBytes = 256 << 20) {
  const seen = readBeneath(path2.dirname(abs), path2.basename(abs), { maxBytes, allowHardLinks: true });
  if (!seen.data) throw new NotRegularFileError(abs, seen);
  return seen.data;
}
function readBeneath(root, rel, opts) {
  const r = new BeneathReader(root);
  try {
    return r.inspect(rel, opts);
  } finally {
    r.close();
  }
}
function describeInspection(i) {
  if (i.kind === "symlink") return `symlink to ${JSON.stringify(i.target ?? "?")} (not followed)`;
  if (i.kind === "file" && i.data) return `file, ${i.size} bytes, sha256 ${i.sha256}`;
  if (i.kind === "file") return `file, ${i.size} bytes, ${i.links} name(s)${i.sha256 ? `, sha256 ${i.sha256}` : ""}: ${i.note ?? "not read"}`;
  return `${i.kind}${i.note ? `: ${i.note}` : ""}`;
}

export {
  decodePath,
  decodeRange,
  encodePath,
  fsPath,
  cQuote,
  DEFAULT_EVIDENCE_MAX_BYTES,
  MAX_EVIDENCE_LIMIT,
  BeneathReader,
  blobIdOf,
  contentSha256,
  packChecksumMatches,
  lookAt,
  readUntrustedFile,
  readBeneath,
  describeInspection
};
