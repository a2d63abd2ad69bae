import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Y4FTFHXJ.js";

// src/guard/allowlist.ts
import path from "node:path";
function normalize(p, backslashIsSeparator) {
  if (p.length === 0 || p.includes("\0")) return void 0;
  const s = backslashIsSeparator ? p.replace(/\\/g, "/") : p;
  if (s.startsWith("/") || /^[A-Za-z]:/.test(s)) return void 0;
  const n = path.posix.normalize(s).replace(/\/+$/, "");
  if (n === "" || n === "." || n === ".." || n.startsWith("../")) return void 0;
  return n;
}
function inGitDir(n) {
  const first = n.split("/")[0].toLowerCase();
  return first === ".git";
}
function normalizeRelPath(p) {
  return normalize(p, true);
}
function normalizeEntry(e) {
  const isDir2 = /[/\\]$/.test(e);
  const n = normalizeRelPath(e);
  if (!n || inGitDir(n)) return void 0;
  return isDir2 ? `${n}/` : n;
}
function validateAllowlist(input, entries) {
  return entries.map((e) => {
    const n = normalizeRelPath(e);
    if (!n) throw new InputError(input, `'${e}' is not a path inside the repository (relative, no '..', not empty)`);
    if (inGitDir(n)) throw new InputError(input, `'${e}' points into .git, which can never be allowed`);
    return normalizeEntry(e);
  });
}
function isAllowed(relPath, allowlist) {
  const n = normalize(relPath, false);
  if (!n || inGitDir(n)) return false;
  return allowlist.some((raw) => {
    const entry = normalizeEntry(raw);
    if (!entry) return false;
    return entry.endsWith("/") ? n.startsWith(entry) : n === entry;
  });
}

// src/guard/reader.ts
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync } from "node:fs";
import path3 from "node:path";

// src/guard/paths.ts
import { isUtf8 } from "node:buffer";
import path2 from "node:path";
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
  if (!SURROGATE.test(rel)) return path2.join(root, rel);
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

// src/guard/reader.ts
var DEFAULT_EVIDENCE_MAX_BYTES = 1024 * 1024;
var MAX_EVIDENCE_LIMIT = 1024 * 1024 * 1024;
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
    if (this.closed) throw new Error("BeneathReader: used after close()");
    const parts = rel.split("/");
    if (parts.some((p) => p === "" || p === "." || p === "..")) return nothing("unreachable", `refused: '${rel}' is not a plain relative path`);
    const name = parts.pop();
    const dir = this.folder(parts);
    if (typeof dir === "string") return nothing("unreachable", dir);
    return this.entry(dir, parts, name, opts);
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
  entry(dir, parts, name, opts) {
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
    const opened = this.openChecked(p, st, base, opts);
    if (!("fd" in opened)) return opened;
    try {
      return readOpened(opened, base, opts.maxBytes);
    } finally {
      closeSync(opened.fd);
    }
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
    if (base.kind !== "file") return { ...base, note: `a ${base.kind}: never opened` };
    if (st.nlink > 1 && !opts.allowHardLinks) return { ...base, note: `a file with ${st.nlink} names (a hard link): not read` };
    return this.openChecked(p, st, base, { ...opts, maxBytes: 0 });
  }
  openChecked(p, st, base, opts) {
    if (opts.expect && (BigInt(opts.expect.dev) !== BigInt(st.dev) || BigInt(opts.expect.ino) !== BigInt(st.ino))) {
      return { ...base, note: "not read: it is not the entry the walk saw (replaced since)" };
    }
    let fd;
    try {
      fd = openSync(p, FILE_FLAGS);
    } catch (e) {
      return { ...base, note: `not opened (${e.code})` };
    }
    try {
      const f = fstatSync(fd);
      if (!f.isFile() || f.ino !== st.ino || f.dev !== st.dev) throw new Replaced(kindOf(f), "not read: replaced between lstat and open");
      if (f.nlink > 1 && !opts.allowHardLinks) throw new Replaced("file", `a file with ${f.nlink} names (a hard link): not read`);
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
    if (size > maxBytes) return { ...base, size, sha256: hashPrefix(fd, size), note: `over the evidence limit (${size} > ${maxBytes} bytes): size and sha256 only` };
    const buf = Buffer.alloc(size + 1);
    let got = 0;
    for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, got);
    if (got > size) return { ...base, size: got, sha256: hashPrefix(fd, size), note: `it grew while read (past ${size} bytes): size and sha256 of the first ${size} only` };
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
function contentSha256(root, rel) {
  const r = new BeneathReader(root);
  try {
    const o = r.open(rel, { allowHardLinks: true });
    if ("fd" in o) {
      try {
        return hashPrefix(o.fd, o.size);
      } finally {
        closeSync(o.fd);
      }
    }
    if (o.kind === "symlink") return createHash("sha256").update(`link:${readBeneath(root, rel, { maxBytes: 0 }).target ?? "?"}`).digest("hex");
    if (o.kind === "file" || o.kind === "missing" || o.kind === "unreachable") return `unreadable:${Date.now()}:${Math.random()}`;
    return `${o.kind}:${o.mode}`;
  } finally {
    r.close();
  }
}
function lookAt(root, rel) {
  const r = new BeneathReader(root);
  try {
    const o = r.open(rel, { allowHardLinks: true });
    if (!("fd" in o)) return o.kind === "symlink" ? r.inspect(rel, { maxBytes: 0 }) : o;
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
  const seen = readBeneath(path3.dirname(abs), path3.basename(abs), { maxBytes, allowHardLinks: true });
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

// src/sandbox/mechanism.ts
import { spawnSync } from "node:child_process";
import { accessSync, constants as constants2 } from "node:fs";
import path4 from "node:path";
var CONTAINMENT_MODES = ["auto", "required", "off"];
function containmentLabel(c) {
  return c.active ? `${c.mechanism} (${c.requested})` : `none (${c.requested}): ${c.reason}`;
}
function parseContainmentMode(value, input = "--containment") {
  if (CONTAINMENT_MODES.includes(value)) return value;
  throw new InputError(input, `'${value}' is not allowed; allowed: ${CONTAINMENT_MODES.join(", ")}`);
}
var BASE = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid", "--die-with-parent", "--new-session"];
function onPath(name, pathEnv = process.env.PATH ?? "") {
  for (const dir of pathEnv.split(path4.delimiter).filter(Boolean)) {
    const file = path4.join(dir, name);
    try {
      accessSync(file, constants2.X_OK);
      return file;
    } catch {
    }
  }
  return void 0;
}
function usernsRefused(stderr) {
  return /uid map|Permission denied|Operation not permitted|No permissions to creat/i.test(stderr);
}
function probeBwrap(bwrap) {
  const r = spawnSync(bwrap, [...BASE, "--", "true"], { encoding: "utf8", timeout: 1e4 });
  if (r.status === 0) return { ok: true };
  return { ok: false, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split("\n")[0] };
}
function fixFor(stderr) {
  if (usernsRefused(stderr)) {
    return "unprivileged user namespaces are refused: on Ubuntu 24.04 run `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or give /usr/bin/bwrap an AppArmor profile), or run as root";
  }
  return "see bwrap --help";
}
function resolveContainment(mode, notOurs, bwrapPath) {
  const none = (reason) => {
    if (mode === "required") throw new InputError("--containment", `required, but ${reason}`);
    return { requested: mode, active: false, mechanism: "none", reason };
  };
  if (mode === "off") return { requested: mode, active: false, mechanism: "none", reason: "turned off (--containment off)" };
  if (notOurs) return none(notOurs);
  if (process.platform !== "linux") return none(`no sandbox mechanism on ${process.platform} (bubblewrap is Linux-only)`);
  const bwrap = bwrapPath ?? onPath("bwrap");
  if (!bwrap) return none("bubblewrap (bwrap) is not on PATH: apt-get install -y bubblewrap");
  const probe = probeBwrap(bwrap);
  if (!probe.ok) return none(`bwrap does not work here (${probe.error}): ${fixFor(probe.error)}`);
  return { requested: mode, active: true, mechanism: "bwrap", bwrap, reason: `bubblewrap ${bwrap}: read-only root, writable allowlist, own PID namespace` };
}
function bwrapArgs(policy) {
  const args = [...BASE];
  const remount = [];
  for (const r of policy.rules) {
    switch (r.access) {
      case "private":
        args.push("--tmpfs", r.path);
        break;
      case "hidden":
        if (r.file) args.push("--ro-bind", "/dev/null", r.path);
        else {
          args.push("--tmpfs", r.path);
          remount.push(r.path);
        }
        break;
      case "read":
        args.push("--ro-bind", r.path, r.path);
        break;
      case "write":
        args.push("--bind", r.path, r.path);
        break;
      case "view":
        args.push("--ro-bind", r.source, r.path);
        break;
    }
  }
  for (const p of remount) args.push("--remount-ro", p);
  args.push("--chdir", policy.cwd);
  return args;
}
function contain(c, policy, command, args) {
  if (!c.active || !policy) return { command, args };
  return { command: c.bwrap, args: [...bwrapArgs(policy), "--", command, ...args] };
}

export {
  validateAllowlist,
  isAllowed,
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
  lookAt,
  readUntrustedFile,
  readBeneath,
  describeInspection,
  containmentLabel,
  parseContainmentMode,
  onPath,
  usernsRefused,
  probeBwrap,
  resolveContainment,
  contain
};
