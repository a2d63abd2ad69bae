import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  isAllowed
} from "./chunk-EUL7U7SJ.js";
import {
  SIDECAR_EXT,
  writeSidecar
} from "./chunk-UJXVBKO4.js";
import {
  compareC,
  realOrResolved,
  sha256,
  toPosix,
  writeFileAtomic
} from "./chunk-YVTE5AOK.js";
import {
  GitError,
  ServerStartError
} from "./chunk-Y4FTFHXJ.js";

// src/git.ts
import { spawn } from "node:child_process";
var GIT_LOCATION_VARS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"];
function gitEnv(extra) {
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", OPENCODE_DOGFOOD_GIT: "1" };
  for (const v of GIT_LOCATION_VARS) delete env[v];
  return { ...env, ...extra };
}
function gitRaw(cwd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env: gitEnv(opts.env), stdio: [opts.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
    if (child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(opts.input);
    }
  });
}
async function git(cwd, args, opts = {}) {
  const r = await gitRaw(cwd, args, opts);
  return { exitCode: r.exitCode, stdout: r.stdout.toString("utf8"), stderr: r.stderr };
}
async function gitOk(cwd, args, opts = {}) {
  const r = await git(cwd, args, opts);
  if (r.exitCode !== 0) throw new GitError(args, r.exitCode, r.stderr);
  return r.stdout;
}
function splitNul(text) {
  const parts = text.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}

// src/guard/canary.ts
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
function plantCanary(dir, runId, neighbours = false) {
  const file = path.join(dir, `.opencode-dogfood-canary-${runId}`);
  const content = `opencode-dogfood canary for ${runId}: a change to this file means a write escaped the worktree.
${randomBytes(16).toString("hex")}
`;
  writeFileSync(file, content, { flag: "wx" });
  return { file, content, neighbours };
}
function neighbourKey(p) {
  try {
    const s = lstatSync(p, { bigint: true });
    return s.isDirectory() ? "folder" : `${s.mode}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}
function canaryState(canaries) {
  const out = /* @__PURE__ */ new Map();
  for (const c of canaries) {
    out.set(c.file, existsSync(c.file) ? sha256(readFileSync(c.file)) : null);
    if (!c.neighbours) continue;
    const dir = path.dirname(c.file);
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
    }
    for (const n of names) if (path.join(dir, n) !== c.file) out.set(path.join(dir, n), neighbourKey(path.join(dir, n)));
  }
  return out;
}
function compareCanaries(before, after) {
  const out = [];
  for (const [file, h] of before) {
    const a = after.get(file) ?? null;
    if (a === h) continue;
    out.push({ path: file, kind: a === null ? "deleted" : h === null ? "created" : "modified" });
  }
  for (const [file, a] of after) if (!before.has(file) && a !== null) out.push({ path: file, kind: "created" });
  return out;
}
function restoreCanary(c) {
  writeFileSync(c.file, c.content);
}
function removeCanary(c) {
  if (existsSync(c.file) && readFileSync(c.file, "utf8") === c.content) rmSync(c.file);
}

// src/guard/snapshot.ts
import { randomUUID, createHash as createHash2 } from "node:crypto";
import { closeSync as closeSync2, existsSync as existsSync2, lstatSync as lstatSync3, openSync as openSync2, readdirSync as readdirSync3, readFileSync as readFileSync3, readlinkSync, readSync as readSync2, statSync as statSync2 } from "node:fs";
import os2 from "node:os";
import path5 from "node:path";
import { performance } from "node:perf_hooks";

// src/guard/gitindex.ts
import { createHash } from "node:crypto";
import { readFileSync as readFileSync2, statSync } from "node:fs";
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

// src/guard/gitindex.ts
var F_ASSUME_VALID = 1;
var F_SKIP_WORKTREE = 2;
var F_INTENT_TO_ADD = 4;
var F_CONFLICT = 8;
var fileKeyOf = (s) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
function unchangedSince(previous, s) {
  if (!previous?.bytes || previous.fileKey === void 0 || previous.readAt === void 0) return false;
  if (previous.fileKey !== fileKeyOf(s)) return false;
  const window = s.ctimeNs % 1000000000n === 0n ? 2100 : 100;
  return Number(s.ctimeNs / 1000000n) < previous.readAt - window;
}
function emptyState(listing, parsed, n = 0) {
  return { entries: /* @__PURE__ */ new Map(), mode: new Uint32Array(n), flags: new Uint8Array(n), stat: new Uint32Array(n * 6), oid: new Array(n), listing, parsed };
}
function readVarint(buf, p) {
  let c = buf[p++];
  let value = c & 127;
  while (c & 128) {
    value += 1;
    c = buf[p++];
    value = value * 128 + (c & 127);
  }
  return { value, next: p };
}
function parseIndex(buf, oidLen, withListing = true) {
  if (buf.length < 12 + oidLen || buf.toString("latin1", 0, 4) !== "DIRC") return void 0;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return void 0;
  const body = buf.length - oidLen;
  const trailer = buf.subarray(body);
  if (trailer.some((b) => b !== 0)) {
    const sum = createHash(oidLen === 32 ? "sha256" : "sha1").update(buf.subarray(0, body)).digest();
    if (!sum.equals(trailer)) return void 0;
  }
  const count = buf.readUInt32BE(8);
  const st = emptyState(void 0, true, count);
  const text = buf.toString("latin1");
  const oidBytes = Buffer.allocUnsafe(count * oidLen);
  const lst = withListing ? Buffer.allocUnsafe(buf.length + 16) : Buffer.alloc(0);
  let lp = 0;
  let off = 12;
  let prev = Buffer.alloc(0);
  let prevKey = "";
  let slots = 0;
  for (let n = 0; n < count; n++) {
    const start = off;
    if (off + 40 + oidLen + 2 > body) return void 0;
    const mode = buf.readUInt32BE(off + 24);
    let p = off + 40 + oidLen;
    const flags = buf.readUInt16BE(p);
    p += 2;
    let ext = 0;
    if (flags & 16384) {
      if (version < 3 || p + 2 > body) return void 0;
      ext = buf.readUInt16BE(p);
      p += 2;
    }
    let nameStart;
    let nameEnd;
    let nameBuf;
    if (version === 4) {
      const v = readVarint(buf, p);
      const nul = buf.indexOf(0, v.next);
      if (nul < 0 || nul >= body || v.value > prev.length) return void 0;
      nameBuf = Buffer.concat([prev.subarray(0, prev.length - v.value), buf.subarray(v.next, nul)]);
      prev = nameBuf;
      nameStart = 0;
      nameEnd = nameBuf.length;
      off = nul + 1;
    } else {
      const nul = buf.indexOf(0, p);
      if (nul < 0 || nul >= body) return void 0;
      nameStart = p;
      nameEnd = nul;
      off = start + (nul - start + 8 & ~7);
    }
    if ((mode & 61440) === 16384) return void 0;
    const nameLen = nameEnd - nameStart;
    if (withListing && lp + 4 + oidLen + 4 + nameLen + 1 > lst.length) return void 0;
    if (withListing) {
      for (let k = start + 24; k < start + 28; k++) lst[lp++] = buf[k];
      for (let k = start + 40, e = start + 40 + oidLen; k < e; k++) lst[lp++] = buf[k];
      const fl = flags & 45056;
      const ex = ext & 24576;
      lst[lp++] = fl >> 8;
      lst[lp++] = fl & 255;
      lst[lp++] = ex >> 8;
      lst[lp++] = ex & 255;
      const nb = nameBuf ?? buf;
      for (let k = nameStart; k < nameEnd; k++) lst[lp++] = nb[k];
      lst[lp++] = 0;
    }
    const key = nameBuf ? decodePath(nameBuf) : decodeRange(buf, text, nameStart, nameEnd);
    const stage = flags >> 12 & 3;
    if (key === prevKey) {
      if (stage === 0 || !(st.flags[slots - 1] & F_CONFLICT)) return void 0;
      continue;
    }
    prevKey = key;
    const slot = slots++;
    st.entries.set(key, slot);
    if (stage !== 0) {
      st.flags[slot] = F_CONFLICT;
      continue;
    }
    st.mode[slot] = mode;
    st.flags[slot] = (flags & 32768 ? F_ASSUME_VALID : 0) | (ext & 16384 ? F_SKIP_WORKTREE : 0) | (ext & 8192 ? F_INTENT_TO_ADD : 0);
    for (let k = 0, o = slot * oidLen; k < oidLen; k++) oidBytes[o + k] = buf[start + 40 + k];
    const s6 = slot * 6;
    st.stat[s6] = buf.readUInt32BE(start);
    st.stat[s6 + 1] = buf.readUInt32BE(start + 4);
    st.stat[s6 + 2] = buf.readUInt32BE(start + 8);
    st.stat[s6 + 3] = buf.readUInt32BE(start + 12);
    st.stat[s6 + 4] = buf.readUInt32BE(start + 20);
    st.stat[s6 + 5] = buf.readUInt32BE(start + 36);
  }
  if (st.entries.size !== slots) return void 0;
  const hex = oidBytes.toString("hex", 0, slots * oidLen);
  for (let k = 0; k < slots; k++) if (!(st.flags[k] & F_CONFLICT)) st.oid[k] = hex.slice(k * 2 * oidLen, (k + 1) * 2 * oidLen);
  const h = createHash("sha256").update(lst.subarray(0, lp));
  while (off + 8 <= body) {
    const sig = buf.toString("latin1", off, off + 4);
    const size = buf.readUInt32BE(off + 4);
    if (off + 8 + size > body) return void 0;
    if (sig === "link" || sig === "sdir") return void 0;
    if (sig === "REUC") h.update("REUC").update(buf.subarray(off + 8, off + 8 + size));
    else if (sig[0] < "A" || sig[0] > "Z") return void 0;
    off += 8 + size;
  }
  if (off !== body) return void 0;
  if (withListing) st.listing = h.digest("hex");
  return st;
}
var listings = /* @__PURE__ */ new WeakMap();
function indexListing(ix) {
  if (ix.listing !== void 0) return ix.listing;
  const cached = listings.get(ix.bytes);
  if (cached !== void 0) return cached;
  const parsed = parseIndex(ix.bytes, ix.oidLen ?? 20, true);
  const listing = parsed?.listing ?? createHash("sha256").update("unparseable\0").update(ix.bytes).digest("hex");
  listings.set(ix.bytes, listing);
  return listing;
}
async function listIndex(root) {
  const r = await gitRaw(root, ["ls-files", "-z", "-s", "-v"]);
  const recs = r.stdout.toString("latin1").split("\0").filter((x) => x.includes("	"));
  const st = emptyState(createHash("sha256").update("ls-files\0").update(r.stdout).update(`\0exit:${r.exitCode}:${r.stderr}`).digest("hex"), false, recs.length);
  let slots = 0;
  for (const rec of recs) {
    const tab = rec.indexOf("	");
    const [tag, mode, oid, stage] = rec.slice(0, tab).split(" ");
    const key = decodePath(Buffer.from(rec.slice(tab + 1), "latin1"));
    let slot = st.entries.get(key);
    if (slot === void 0) st.entries.set(key, slot = slots++);
    if (stage !== "0") {
      st.flags[slot] = F_CONFLICT;
      continue;
    }
    st.mode[slot] = parseInt(mode, 8);
    st.oid[slot] = oid;
    st.flags[slot] = (tag === tag.toLowerCase() ? F_ASSUME_VALID : 0) | (tag.toUpperCase() === "S" ? F_SKIP_WORKTREE : 0);
  }
  return st;
}
async function readIndexState(root, gitDir, oidLen, previous) {
  const file = path3.join(gitDir, "index");
  let bytes;
  let mtimeS;
  let mtimeN;
  let fileKey2;
  const readAt = Date.now();
  try {
    const first = statSync(file, { bigint: true });
    if (unchangedSince(previous, first)) return { ...previous };
    bytes = readFileSync2(file);
    const s = statSync(file, { bigint: true });
    mtimeS = Number(s.mtimeNs / 1000000000n);
    mtimeN = Number(s.mtimeNs % 1000000000n);
    if (fileKeyOf(first) === fileKeyOf(s)) fileKey2 = fileKeyOf(s);
  } catch {
    return { ...emptyState(createHash("sha256").update("no index").digest("hex"), true), mtimeS: 0, mtimeN: 0 };
  }
  if (previous?.bytes && previous.bytes.equals(bytes)) return { ...previous, mtimeS, mtimeN, fileKey: fileKey2, readAt };
  const parsed = parseIndex(bytes, oidLen, false);
  if (parsed) return { ...parsed, oidLen, mtimeS, mtimeN, bytes, fileKey: fileKey2, readAt };
  const listed = await listIndex(root);
  return { ...listed, oidLen, listing: createHash("sha256").update(listed.listing).update(bytes).digest("hex"), mtimeS, mtimeN, bytes, fileKey: fileKey2, readAt };
}
function statMatches(ix, slot, e) {
  if (ix.flags[slot] !== 0) return false;
  const mode = ix.mode[slot];
  if (mode !== 33188 && mode !== 33261) return false;
  if ((e.mode & 61440) !== 32768) return false;
  if (mode === 33261 !== ((e.mode & 64) !== 0)) return false;
  const s = ix.stat;
  const o = slot * 6;
  if (s[o + 5] !== e.size % 4294967296 || s[o + 4] !== e.ino % 4294967296) return false;
  if (s[o] !== e.ctimeS % 4294967296 || s[o + 1] !== e.ctimeN || s[o + 2] !== e.mtimeS % 4294967296 || s[o + 3] !== e.mtimeN) return false;
  const before = (aS, aN) => aS < ix.mtimeS || aS === ix.mtimeS && aN < ix.mtimeN;
  return before(e.mtimeS, e.mtimeN) && before(e.ctimeS, e.ctimeN);
}

// src/guard/walk.ts
import { spawn as spawn2, spawnSync } from "node:child_process";
import { randomBytes as randomBytes2 } from "node:crypto";
import { closeSync, fstatSync, lstatSync as lstatSync2, openSync, readdirSync as readdirSync2, readSync, unlinkSync } from "node:fs";
import os from "node:os";
import path4 from "node:path";
var NS = 1000000000n;
function statEntry(s) {
  const type = s.isFile() ? "file" : s.isSymbolicLink() ? "symlink" : "other";
  return {
    type,
    mode: Number(s.mode),
    size: Number(s.size),
    mtimeS: Number(s.mtimeNs / NS),
    mtimeN: Number(s.mtimeNs % NS),
    ctimeS: Number(s.ctimeNs / NS),
    ctimeN: Number(s.ctimeNs % NS),
    ino: Number(s.ino)
  };
}
function walkNode(root) {
  const entries = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Set();
  const stack = [""];
  while (stack.length > 0) {
    const rel = stack.pop();
    let names;
    try {
      names = readdirSync2(rel ? fsPath(root, rel) : root, { encoding: "buffer" });
    } catch {
      continue;
    }
    for (const nb of names) {
      const name = decodePath(nb);
      if (rel === "" && name === ".git") continue;
      const childRel = rel ? `${rel}/${name}` : name;
      let s;
      try {
        s = lstatSync2(fsPath(root, childRel), { bigint: true });
      } catch {
        continue;
      }
      if (s.isDirectory()) {
        dirs.add(childRel);
        stack.push(childRel);
      } else entries.set(childRel, statEntry(s));
    }
  }
  return { entries, dirs, walker: "node" };
}
var gnuFind;
function hasGnuFindSync() {
  if (gnuFind === void 0) {
    const r = spawnSync("find", ["--version"], { encoding: "latin1", stdio: ["ignore", "pipe", "ignore"] });
    gnuFind = r.status === 0 && r.stdout.includes("GNU findutils");
  }
  return gnuFind;
}
var FIND_FORMAT = "%y %m %s %T@ %C@ %i %p\\0";
var TYPE_BITS = { 102: 32768, 108: 40960, 112: 4096, 115: 49152, 99: 8192, 98: 24576, 68: 53248 };
function parseFind(buf, entries, dirs, log) {
  const len = buf.length;
  const text = buf.toString("latin1");
  let i = 0;
  const t = [0, 0, 0, 0];
  while (i < len) {
    const y = buf[i];
    if (buf[i + 1] !== 32) return false;
    let p = i + 2;
    let perm = 0;
    for (let c = buf[p]; c !== 32; c = buf[++p]) {
      if (c < 48 || c > 55) return false;
      perm = perm * 8 + (c - 48);
    }
    p++;
    let size = 0;
    for (let c = buf[p]; c !== 32; c = buf[++p]) {
      if (c < 48 || c > 57) return false;
      size = size * 10 + (c - 48);
    }
    p++;
    for (let k = 0; k < 4; k += 2) {
      let sec = 0;
      let c = buf[p];
      if (c < 48 || c > 57) return false;
      for (; c >= 48 && c <= 57; c = buf[++p]) sec = sec * 10 + (c - 48);
      let ns = 0;
      let digits = 0;
      if (c === 46) {
        for (c = buf[++p]; c >= 48 && c <= 57; c = buf[++p]) {
          if (digits < 9) {
            ns = ns * 10 + (c - 48);
            digits++;
          }
        }
      }
      if (c !== 32) return false;
      for (; digits < 9; digits++) ns *= 10;
      t[k] = sec;
      t[k + 1] = ns;
      p++;
    }
    let ino = 0;
    for (let c = buf[p]; c !== 32; c = buf[++p]) {
      if (c < 48 || c > 57) return false;
      ino = ino * 10 + (c - 48);
    }
    p++;
    const end = buf.indexOf(0, p);
    if (end < 0) return false;
    i = end + 1;
    if (end - p === 1 && buf[p] === 46) {
      if (log) {
        log.rels.push(".");
        log.isDir.push(1);
        log.ends.push(i);
      }
      continue;
    }
    if (buf[p] !== 46 || buf[p + 1] !== 47) return false;
    const rel = decodeRange(buf, text, p + 2, end);
    if (y === 100) {
      if (log) {
        log.rels.push(rel);
        log.isDir.push(1);
        log.ends.push(i);
      }
      dirs.add(rel);
      continue;
    }
    const typeBits = TYPE_BITS[y];
    if (typeBits === void 0 || !Number.isSafeInteger(size) || !Number.isSafeInteger(ino)) return false;
    const e = {
      type: y === 102 ? "file" : y === 108 ? "symlink" : "other",
      mode: typeBits | perm,
      size,
      mtimeS: t[0],
      mtimeN: t[1],
      ctimeS: t[2],
      ctimeN: t[3],
      ino
    };
    entries.set(rel, e);
    if (log) {
      log.rels.push(rel);
      log.isDir.push(0);
      log.ends.push(i);
    }
  }
  return true;
}
function runFind(root, args) {
  let fd;
  try {
    const file = path4.join(os.tmpdir(), `dogfood-guard-find-${process.pid}-${randomBytes2(8).toString("hex")}`);
    fd = openSync(file, "wx+", 384);
    unlinkSync(file);
  } catch {
    return Promise.resolve(void 0);
  }
  return new Promise((resolve) => {
    const c = spawn2("find", args, { cwd: root, stdio: ["ignore", fd, "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let ok = true;
    let done = false;
    c.stderr.on("data", () => ok = false);
    c.on("error", () => {
      if (done) return;
      done = true;
      closeSync(fd);
      resolve(void 0);
    });
    c.on("close", (code) => {
      if (done) return;
      done = true;
      let bytes;
      try {
        const size = fstatSync(fd).size;
        bytes = Buffer.allocUnsafe(size);
        if (readSync(fd, bytes, 0, size, 0) !== size) ok = false;
      } catch {
        ok = false;
        bytes = Buffer.alloc(0);
      } finally {
        closeSync(fd);
      }
      if (!ok || code !== 0 || bytes.length > 0 && bytes[bytes.length - 1] !== 0) return resolve(void 0);
      resolve(bytes);
    });
  });
}
function parseRun(bytes, entries, dirs) {
  const log = { rels: [], isDir: [], ends: [] };
  if (!parseFind(bytes, entries, dirs, log)) return void 0;
  return { bytes, rels: log.rels, isDir: Uint8Array.from(log.isDir), ends: Uint32Array.from(log.ends) };
}
function diffRun(bytes, run, seen, out) {
  const n = run.rels.length;
  const old = run.bytes;
  const startOf = (k2) => k2 === 0 ? 0 : run.ends[k2 - 1];
  const same = (k2, pos2) => {
    const s = startOf(k2);
    const e = run.ends[k2];
    return pos2 + (e - s) <= bytes.length && bytes.compare(old, s, e, pos2, pos2 + (e - s)) === 0;
  };
  const keep = (k2) => {
    seen[k2] = 1;
    if (run.isDir[k2] && run.rels[k2] !== ".") out.dirs.add(run.rels[k2]);
  };
  if (bytes.equals(old)) {
    for (let k2 = 0; k2 < n; k2++) keep(k2);
    return true;
  }
  let byRel;
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    if (k < n && same(k, pos)) {
      keep(k);
      pos += run.ends[k] - startOf(k);
      k++;
      continue;
    }
    if (k + 1 < n && same(k + 1, pos)) {
      keep(k + 1);
      pos += run.ends[k + 1] - startOf(k + 1);
      k += 2;
      continue;
    }
    const end = bytes.indexOf(0, pos);
    if (end < 0) return false;
    const log = { rels: [], isDir: [], ends: [] };
    if (!parseFind(bytes.subarray(pos, end + 1), out.changed, out.dirs, log) || log.rels.length !== 1) return false;
    pos = end + 1;
    const rel = log.rels[0];
    if (k < n && run.rels[k] === rel) {
      k++;
      continue;
    }
    if (k < n && same(k, pos)) continue;
    if (!byRel) {
      byRel = /* @__PURE__ */ new Map();
      for (let j = 0; j < n; j++) byRel.set(run.rels[j], j);
    }
    const at = byRel.get(rel);
    if (at !== void 0 && at >= k) k = at + 1;
  }
  return true;
}
function planFind(root, dirs) {
  const starts = [];
  let top;
  try {
    top = readdirSync2(root, { withFileTypes: true, encoding: "buffer" });
  } catch {
    return void 0;
  }
  for (const d of top) {
    const name = decodePath(d.name);
    if (name === ".git") continue;
    if (name !== d.name.toString("utf8")) {
      dirs.clear();
      return [[[".", "-path", "./.git", "-prune", "-o"]]];
    }
    if (!d.isDirectory()) {
      starts.push(`./${name}`);
      continue;
    }
    dirs.add(name);
    let children;
    try {
      children = readdirSync2(fsPath(root, name), { encoding: "buffer" });
    } catch {
      return void 0;
    }
    const names = children.map((c) => c.toString("utf8"));
    if (children.some((c, k2) => decodePath(c) !== names[k2])) starts.push(`./${name}`);
    else for (const c of names) starts.push(`./${name}/${c}`);
  }
  if (starts.length === 0) return [];
  const k = starts.length < SMALL_TREE_STARTS ? 1 : Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4, starts.length));
  const lanes = [];
  for (let l = 0; l < k; l++) lanes.push([]);
  const per = lanes.map(() => []);
  for (const s of starts) per[k === 1 ? 0 : laneOf(s, k)].push(s);
  per.forEach((list, l) => {
    let chunk2 = [];
    let bytes = 0;
    for (const s of list) {
      if (bytes + s.length > MAX_ARGS_BYTES && chunk2.length > 0) {
        lanes[l].push(chunk2);
        chunk2 = [];
        bytes = 0;
      }
      chunk2.push(s);
      bytes += Buffer.byteLength(s) + 1;
    }
    if (chunk2.length > 0) lanes[l].push(chunk2);
  });
  return lanes;
}
var MAX_ARGS_BYTES = 64 * 1024;
var SMALL_TREE_STARTS = 200;
function laneOf(name, k) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}
async function runLanes(root, lanes, each) {
  const results = await Promise.all(
    lanes.map(async (chunks, l) => {
      const outputs = [];
      for (const chunk2 of chunks) {
        const bytes = await runFind(root, ["-P", ...chunk2, "-printf", FIND_FORMAT]);
        if (!bytes) return false;
        outputs.push(bytes);
      }
      return each(`lane ${l} of ${lanes.length}`, outputs.length === 1 ? outputs[0] : Buffer.concat(outputs));
    })
  );
  return !results.includes(false);
}
async function walkFind(root) {
  const entries = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Set();
  const lanes = planFind(root, dirs);
  if (!lanes) return void 0;
  const state = { runs: /* @__PURE__ */ new Map() };
  const ok = await runLanes(root, lanes, (key, bytes) => {
    const run = parseRun(bytes, entries, dirs);
    if (run) state.runs.set(key, run);
    return run !== void 0;
  });
  if (!ok) return void 0;
  dirs.delete(".");
  return { entries, dirs, walker: "find", state };
}
async function walkSince(root, prev) {
  if (!hasGnuFindSync()) return void 0;
  const out = { changed: /* @__PURE__ */ new Map(), removed: /* @__PURE__ */ new Set(), dirs: /* @__PURE__ */ new Set() };
  const lanes = planFind(root, out.dirs);
  if (!lanes) return void 0;
  const seen = /* @__PURE__ */ new Map();
  for (const run of prev.runs.values()) seen.set(run, new Uint8Array(run.rels.length));
  const ok = await runLanes(root, lanes, (key, bytes) => {
    const run = prev.runs.get(key);
    if (!run) return parseFind(bytes, out.changed, out.dirs);
    return diffRun(bytes, run, seen.get(run), out);
  });
  if (!ok) return void 0;
  for (const [run, marks] of seen) {
    for (let k = 0; k < marks.length; k++) {
      if (marks[k] || run.isDir[k]) continue;
      const rel = run.rels[k];
      if (!out.changed.has(rel)) out.removed.add(rel);
    }
  }
  out.dirs.delete(".");
  return out;
}
var FIND_THRESHOLD = 3e3;
async function walk(root, walker = "auto", sizeHint) {
  if (walker === "node" || walker === "auto" && sizeHint !== void 0 && sizeHint < FIND_THRESHOLD) return walkNode(root);
  if (hasGnuFindSync()) {
    const r = await walkFind(root);
    if (r) return r;
  }
  if (walker === "find") throw new Error('walker "find" requested, but GNU find is not available or failed');
  return walkNode(root);
}

// src/guard/snapshot.ts
var OPENCODE_OWN_STATE = /* @__PURE__ */ new Set([".git/opencode"]);
var KEEP_CONTENT_LIMIT = 1 << 20;
var RACY_WINDOW_FINE = 100;
var RACY_WINDOW_COARSE = 2100;
function sameStat(a, b) {
  return a.type === b.type && a.mode === b.mode && a.size === b.size && a.mtimeS === b.mtimeS && a.mtimeN === b.mtimeN && a.ctimeS === b.ctimeS && a.ctimeN === b.ctimeN && a.ino === b.ino;
}
function rawBlobId(data, format = "sha1") {
  return createHash2(format).update(`blob ${data.length}\0`).update(data).digest("hex");
}
function linkHash(root, rel) {
  try {
    return `link:${decodePath(readlinkSync(fsPath(root, rel), { encoding: "buffer" }))}`;
  } catch {
    return `unreadable:${randomUUID()}`;
  }
}
function hashEntry(root, rel, type, mode, format) {
  if (type === "symlink") return linkHash(root, rel);
  if (type !== "file") return `other:${mode}`;
  try {
    return rawBlobId(readFileSync3(fsPath(root, rel)), format);
  } catch {
    return `unreadable:${randomUUID()}`;
  }
}
var HASH_HERE_LIMIT = 8 << 20;
async function storeRaw(root, commonDir, rels, entries, format) {
  const out = /* @__PURE__ */ new Map();
  const toGit = [];
  for (const rel of rels) {
    if (entries.get(rel).size > HASH_HERE_LIMIT) {
      toGit.push(rel);
      continue;
    }
    let data;
    try {
      data = readFileSync3(fsPath(root, rel));
    } catch {
      out.set(rel, `unreadable:${randomUUID()}`);
      continue;
    }
    const id = rawBlobId(data, format);
    if (existsSync2(path5.join(commonDir, "objects", id.slice(0, 2), id.slice(2)))) out.set(rel, id);
    else toGit.push(rel);
  }
  if (toGit.length === 0) return out;
  const input = Buffer.concat(toGit.flatMap((r2) => [cQuote(r2), Buffer.from("\n")]));
  const r = await git(root, ["hash-object", "-w", "--no-filters", "--stdin-paths"], { input });
  const ids = r.exitCode === 0 ? r.stdout.trim().split("\n") : [];
  const hexLen = format === "sha256" ? 64 : 40;
  if (ids.length === toGit.length && ids.every((id) => id.length === hexLen && /^[0-9a-f]+$/.test(id))) {
    toGit.forEach((rel, i) => out.set(rel, ids[i]));
    return out;
  }
  for (const rel of toGit) out.set(rel, hashEntry(root, rel, "file", 0, format));
  return out;
}
async function repoConfig(root) {
  const r = await git(root, ["config", "-z", "--get-regexp", "^(core\\.(autocrlf|attributesfile)|extensions\\.objectformat)$"]);
  if (r.exitCode > 1) throw new Error(`git config failed in ${root}: ${r.stderr.trim()}`);
  let autocrlf = false;
  let attributesFile = false;
  let objectFormat = "sha1";
  for (const rec of r.stdout.split("\0")) {
    const nl = rec.indexOf("\n");
    const key = (nl < 0 ? rec : rec.slice(0, nl)).toLowerCase();
    const value = nl < 0 ? "true" : rec.slice(nl + 1).toLowerCase();
    if (key === "core.autocrlf") autocrlf = ["true", "input", "yes", "on", "1"].includes(value);
    if (key === "core.attributesfile") attributesFile = true;
    if (key === "extensions.objectformat") objectFormat = value === "sha256" ? "sha256" : "sha1";
  }
  if (existsSync2(xdgAttributes())) attributesFile = true;
  return { autocrlf, attributesFile, objectFormat };
}
function xdgAttributes() {
  const home = process.env.HOME ?? os2.homedir();
  return path5.join(process.env.XDG_CONFIG_HOME || path5.join(home, ".config"), "git", "attributes");
}
var configCache = /* @__PURE__ */ new Map();
function configKey(gitDir, commonDir) {
  const env = process.env;
  if (env.GIT_CONFIG_PARAMETERS || env.GIT_CONFIG_COUNT || env.GIT_CONFIG) return void 0;
  const home = env.HOME ?? os2.homedir();
  const xdg = env.XDG_CONFIG_HOME || path5.join(home, ".config");
  const files = [path5.join(commonDir, "config"), path5.join(gitDir, "config.worktree"), path5.join(commonDir, "config.worktree"), path5.join(xdg, "git", "attributes")];
  if (env.GIT_CONFIG_GLOBAL !== void 0) files.push(env.GIT_CONFIG_GLOBAL);
  else files.push(path5.join(home, ".gitconfig"), path5.join(xdg, "git", "config"));
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? "/etc/gitconfig");
  const parts = [];
  let newest = 0;
  let mentions = false;
  for (const f of files) {
    let st;
    try {
      st = statSync2(f, { bigint: true });
    } catch {
      parts.push(`${f}:-`);
      continue;
    }
    const text = st.isFile() ? readFileSync3(f, "latin1") : "";
    if (/include/i.test(text)) return void 0;
    if (/autocrlf|attributesfile|objectformat/i.test(text)) mentions = true;
    parts.push(`${f}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`);
    newest = Math.max(newest, Number(st.ctimeNs / 1000000n), Number(st.mtimeNs / 1000000n));
  }
  return { key: parts.join("\0"), newest, mentions };
}
async function repoConfigCached(root, gitDir, commonDir) {
  const k = configKey(gitDir, commonDir);
  if (k && !k.mentions) return { autocrlf: false, attributesFile: existsSync2(xdgAttributes()), objectFormat: "sha1" };
  const hit = configCache.get(root);
  if (k && hit && hit.key === k.key && k.newest < hit.at - RACY_WINDOW_FINE) return hit.cfg;
  const at = Date.now();
  const cfg = await repoConfig(root);
  if (k) configCache.set(root, { key: k.key, at, cfg });
  return cfg;
}
async function objectFormatOf(commonDir, config) {
  try {
    const text = readFileSync3(path5.join(commonDir, "config"), "utf8");
    if (!/objectformat/i.test(text)) return "sha1";
  } catch {
  }
  return (await config).objectFormat;
}
async function gitDirsOf(root) {
  try {
    const dotGit = path5.join(root, ".git");
    const s = lstatSync3(dotGit);
    if (s.isDirectory() && existsSync2(path5.join(dotGit, "HEAD"))) return { gitDir: dotGit, commonDir: dotGit };
    if (s.isFile()) {
      const m = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync3(dotGit, "utf8"));
      if (m) {
        const gitDir = path5.resolve(root, m[1]);
        let commonDir = gitDir;
        try {
          commonDir = path5.resolve(gitDir, readFileSync3(path5.join(gitDir, "commondir"), "utf8").trim());
        } catch {
        }
        if (existsSync2(path5.join(gitDir, "HEAD"))) return { gitDir, commonDir };
      }
    }
  } catch {
  }
  const r = await resolveGitDirs(root);
  return { gitDir: r.gitDir, commonDir: r.commonDir };
}
var CONVERSION_ATTRS = ["text", "eol", "crlf", "ident", "filter", "working-tree-encoding"];
async function conversionFree(root, cfg, candidates) {
  const input = Buffer.concat(candidates.flatMap((c) => [encodePath(c), Buffer.from([0])]));
  const r = await gitRaw(root, ["check-attr", "-z", "--stdin", ...CONVERSION_ATTRS], { input });
  if (r.exitCode !== 0) return /* @__PURE__ */ new Set();
  const attrs = /* @__PURE__ */ new Map();
  const parts = r.stdout.toString("latin1").split("\0");
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const p = decodePath(Buffer.from(parts[i], "latin1"));
    let m = attrs.get(p);
    if (!m) attrs.set(p, m = /* @__PURE__ */ new Map());
    m.set(parts[i + 1], parts[i + 2]);
  }
  const safe = /* @__PURE__ */ new Set();
  for (const c of candidates) {
    const m = attrs.get(c);
    if (!m) continue;
    const v = (a) => m.get(a) ?? "missing";
    const textOff = v("text") === "unset" || v("text") === "unspecified" && v("crlf") === "unset";
    const textFree = textOff || v("text") === "unspecified" && v("crlf") === "unspecified" && !cfg.autocrlf;
    const rest = v("eol") === "unspecified" && ["unspecified", "unset"].includes(v("ident")) && ["unspecified", "unset"].includes(v("filter")) && v("working-tree-encoding") === "unspecified";
    if (textFree && rest) safe.add(c);
  }
  return safe;
}
function repoEntryOf(abs, s) {
  const data = s.isSymbolicLink() ? Buffer.from(`link:${decodePath(readlinkSync(abs, { encoding: "buffer" }))}`) : s.isFile() ? readFileSync3(abs) : Buffer.from(`other:${Number(s.mode)}`);
  const hash = createHash2("sha256").update(data).update(`mode:${Number(s.mode)}`).digest("hex");
  return { hash, content: data.length <= KEEP_CONTENT_LIMIT ? data : void 0, mode: Number(s.mode) };
}
function listObjects(dir, prefix, out) {
  let ents;
  try {
    ents = readdirSync3(dir, { withFileTypes: true, encoding: "buffer" });
  } catch {
    return;
  }
  for (const d of ents) {
    const rel = `${prefix}/${decodePath(d.name)}`;
    const abs = Buffer.concat([typeof dir === "string" ? Buffer.from(dir) : dir, Buffer.from("/"), d.name]);
    if (d.isDirectory()) listObjects(abs, rel, out);
    else out.set(rel, { hash: "object", object: true });
  }
}
function walkRepoDir(dir, prefix, skip, out) {
  let names;
  try {
    names = readdirSync3(prefix ? fsPath(dir, prefix) : dir, { encoding: "buffer" });
  } catch {
    return;
  }
  for (const nb of names) {
    const rel = prefix ? `${prefix}/${decodePath(nb)}` : decodePath(nb);
    if (skip(rel)) continue;
    const abs = fsPath(dir, rel);
    let s;
    try {
      s = lstatSync3(abs, { bigint: true });
    } catch {
      continue;
    }
    if (s.isDirectory()) {
      if (rel === "objects") {
        for (const n of readdirSafe(abs)) {
          const sub = `objects/${decodePath(n)}`;
          if (sub === "objects/info") walkRepoDir(dir, sub, skip, out);
          else listObjects(fsPath(dir, sub), sub, out);
        }
        continue;
      }
      walkRepoDir(dir, rel, skip, out);
      continue;
    }
    try {
      out.set(rel, repoEntryOf(abs, s));
    } catch {
      out.set(rel, { hash: `unreadable:${randomUUID()}` });
    }
  }
}
function readdirSafe(abs) {
  try {
    return readdirSync3(abs, { encoding: "buffer" });
  } catch {
    return [];
  }
}
function snapshotRepo(root, gitDir, commonDir, index) {
  const out = /* @__PURE__ */ new Map();
  const ownWorktree = gitDir !== commonDir ? toPosix(path5.relative(commonDir, gitDir)) : void 0;
  const skip = (rel) => {
    if (rel === "index" || rel === "index.lock" || OPENCODE_OWN_STATE.has(`.git/${rel}`)) return true;
    if (rel === "worktrees" || rel.startsWith("worktrees/")) {
      if (!ownWorktree) return true;
      return !(ownWorktree === rel || ownWorktree.startsWith(`${rel}/`) || rel.startsWith(`${ownWorktree}/`)) || rel === `${ownWorktree}/index`;
    }
    return false;
  };
  walkRepoDir(commonDir, "", skip, out);
  const renamed = /* @__PURE__ */ new Map();
  for (const [rel, e] of out) renamed.set(`.git/${rel}`, e);
  const indexName = ownWorktree ? `.git/${ownWorktree}/index` : ".git/index";
  renamed.set(indexName, { hash: "index", content: index.bytes, mode: 33188, index });
  const gitfile = path5.join(root, ".git");
  try {
    const s = lstatSync3(gitfile, { bigint: true });
    if (!s.isDirectory()) renamed.set(".git", repoEntryOf(gitfile, s));
  } catch {
  }
  return renamed;
}
async function resolveGitDirs(root) {
  const out = await gitOk(root, ["rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir", "--show-object-format"]);
  const [gitDir, commonDir, format] = out.trim().split("\n");
  return { gitDir, commonDir, objectFormat: format === "sha256" ? "sha256" : "sha1" };
}
function timer(opts) {
  let t = performance.now();
  return (phase) => {
    const now = performance.now();
    if (opts.timings) opts.timings[phase] = (opts.timings[phase] ?? 0) + (now - t);
    t = now;
  };
}
function excluded(rel, exclude) {
  return exclude.some((e) => e.endsWith("/") ? rel.startsWith(e) : rel === e);
}
async function walkForSnapshot(root, opts, sizeHint) {
  const exclude = opts.exclude ?? [];
  const takenAt = Date.now();
  const w = await walk(root, opts.walker, sizeHint);
  const tree = w.entries;
  let fine = false;
  let attributes = false;
  for (const [rel, e] of tree) {
    if (exclude.length > 0 && excluded(rel, exclude)) {
      tree.delete(rel);
      continue;
    }
    if (!fine && e.ctimeN !== 0) fine = true;
    if (rel.endsWith(".gitattributes") && (rel === ".gitattributes" || rel.endsWith("/.gitattributes"))) attributes = true;
  }
  return { tree, dirs: w.dirs, takenAt, racyWindow: fine || tree.size === 0 ? RACY_WINDOW_FINE : RACY_WINDOW_COARSE, walker: w.walker, walkState: w.state, attributes };
}
async function takeSnapshot(root, opts = {}) {
  const lap = timer(opts);
  const { gitDir, commonDir } = await gitDirsOf(root);
  const config = repoConfigCached(root, gitDir, commonDir);
  config.catch(() => {
  });
  const format = await objectFormatOf(commonDir, config);
  const oidLen = format === "sha256" ? 32 : 20;
  lap("before: dirs");
  const walking = walkForSnapshot(root, opts, indexCount(gitDir));
  walking.catch(() => {
  });
  lap("before: walk start");
  const index = await readIndexState(root, gitDir, oidLen);
  lap("before: index");
  const w = await walking;
  lap("before: walk");
  const cfg = await config;
  lap("before: config");
  if (cfg.objectFormat !== format) throw new Error(`object format: config says ${cfg.objectFormat}, the repository ${format}`);
  const objectFormat = cfg.objectFormat;
  const mayConvert = cfg.autocrlf || cfg.attributesFile || w.attributes || existsSync2(path5.join(commonDir, "info", "attributes")) || existsSync2("/etc/gitattributes");
  const candidates = [];
  const toStore = [];
  for (const [rel, e] of w.tree) {
    const slot = index.entries.get(rel);
    e.tracked = slot !== void 0;
    if (e.type !== "file") e.hash = hashEntry(root, rel, e.type, e.mode, objectFormat);
    else if (index.parsed && slot !== void 0 && statMatches(index, slot, e)) {
      if (mayConvert) candidates.push(rel);
      else e.hash = index.oid[slot];
    } else toStore.push(rel);
  }
  lap("before: vouch");
  if (candidates.length > 0) {
    const vouched = await conversionFree(root, cfg, candidates);
    for (const rel of candidates) {
      if (vouched.has(rel)) w.tree.get(rel).hash = index.oid[index.entries.get(rel)];
      else toStore.push(rel);
    }
  }
  lap("before: attributes");
  for (const [rel, h] of await storeRaw(root, commonDir, toStore, w.tree, objectFormat)) w.tree.get(rel).hash = h;
  lap("before: store");
  const repo = snapshotRepo(root, gitDir, commonDir, index);
  lap("before: repo");
  const edge = (w.takenAt - w.racyWindow) / 1e3;
  const racy = [];
  for (const [rel, e] of w.tree) if (e.hash === void 0 || !settledBy(e, edge)) racy.push(rel);
  lap("before: racy");
  const exclude = opts.exclude ?? [];
  return { root, gitDir, commonDir, tree: w.tree, repo, dirs: w.dirs, takenAt: w.takenAt, racyWindow: w.racyWindow, index, objectFormat, walker: w.walker, walkState: w.walkState, exclude, racy };
}
function settledBy(e, edge) {
  return e.ctimeS + e.ctimeN / 1e9 < edge && e.mtimeS + e.mtimeN / 1e9 < edge;
}
function indexCount(gitDir) {
  try {
    const fd = openSync2(path5.join(gitDir, "index"), "r");
    try {
      const head = Buffer.alloc(12);
      return readSync2(fd, head, 0, 12, 0) === 12 && head.toString("latin1", 0, 4) === "DIRC" ? head.readUInt32BE(8) : 0;
    } finally {
      closeSync2(fd);
    }
  } catch {
    return 0;
  }
}
function racyEdge(s) {
  return (s.takenAt - s.racyWindow) / 1e3;
}
var sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
async function takeSnapshotAfter(before, opts = {}) {
  const exclude = opts.exclude ?? [];
  if (!before.walkState || opts.walker === "node" || !sameList(exclude, before.exclude)) return afterWhole(before, opts);
  const root = before.root;
  const lap = timer(opts);
  const takenAt = Date.now();
  const walking = walkSince(root, before.walkState);
  walking.catch(() => {
  });
  lap("after: walk start");
  const index = await readIndexState(root, before.gitDir, before.objectFormat === "sha256" ? 32 : 20, before.index);
  lap("after: index");
  const d = await walking;
  lap("after: walk");
  if (!d) {
    if (opts.walker === "find") throw new Error('walker "find" requested, but GNU find is not available or failed');
    return afterWhole(before, opts, index);
  }
  const edge = racyEdge(before);
  const format = before.objectFormat;
  const updates = /* @__PURE__ */ new Map();
  for (const [rel, e] of d.changed) {
    if (exclude.length > 0 && excluded(rel, exclude)) continue;
    const prev = before.tree.get(rel);
    if (prev?.hash !== void 0 && sameStat(prev, e) && settledBy(prev, edge)) continue;
    updates.set(rel, { ...e, tracked: index.entries.has(rel), hash: hashEntry(root, rel, e.type, e.mode, format) });
  }
  for (const rel of d.removed) if (before.tree.has(rel)) updates.set(rel, void 0);
  for (const rel of before.racy) {
    if (d.changed.has(rel) || d.removed.has(rel)) continue;
    const prev = before.tree.get(rel);
    const hash = hashEntry(root, rel, prev.type, prev.mode, format);
    if (hash !== prev.hash) updates.set(rel, { ...prev, hash });
  }
  let tree = before.tree;
  if (updates.size > 0) {
    tree = new Map(before.tree);
    for (const [rel, e] of updates) {
      if (e) tree.set(rel, e);
      else tree.delete(rel);
    }
  }
  lap("after: hash");
  const after = afterSnapshot(before, index, { tree, dirs: d.dirs, takenAt, racyWindow: before.racyWindow, walker: "find", exclude }, lap);
  return { ...after, since: { base: before, paths: new Set(updates.keys()) } };
}
function afterSnapshot(before, index, walked, lap) {
  const repo = snapshotRepo(before.root, before.gitDir, before.commonDir, index);
  lap("after: repo");
  return {
    root: before.root,
    gitDir: before.gitDir,
    commonDir: before.commonDir,
    ...walked,
    repo,
    index,
    objectFormat: before.objectFormat,
    // Not kept: an after-snapshot is never read against.
    walkState: void 0,
    racy: []
  };
}
async function afterWhole(before, opts, indexRead) {
  const root = before.root;
  const lap = timer(opts);
  const walking = walkForSnapshot(root, opts, before.tree.size);
  walking.catch(() => {
  });
  lap("after: walk start");
  const index = indexRead ?? await readIndexState(root, before.gitDir, before.objectFormat === "sha256" ? 32 : 20, before.index);
  lap("after: index");
  const w = await walking;
  lap("after: walk");
  const edge = racyEdge(before);
  for (const [rel, e] of w.tree) {
    const prev = before.tree.get(rel);
    e.tracked = index.entries.has(rel);
    if (prev?.hash !== void 0 && sameStat(prev, e) && settledBy(prev, edge)) e.hash = prev.hash;
    else e.hash = hashEntry(root, rel, e.type, e.mode, before.objectFormat);
  }
  lap("after: hash");
  return afterSnapshot(before, index, { tree: w.tree, dirs: w.dirs, takenAt: w.takenAt, racyWindow: w.racyWindow, walker: w.walker, exclude: opts.exclude ?? [] }, lap);
}

// src/guard/fingerprint.ts
import { createHash as createHash3 } from "node:crypto";
import { lstatSync as lstatSync4, readdirSync as readdirSync4, readFileSync as readFileSync4, readlinkSync as readlinkSync2 } from "node:fs";
import path6 from "node:path";
var REPO_SKIP = /* @__PURE__ */ new Set(["objects", "worktrees", "index", "index.lock", "opencode", "logs", "FETCH_HEAD", "gc.log"]);
var RACY_FINE_MS = 100;
var RACY_COARSE_MS = 2100;
function hashRepoDir(dir, prefix, out) {
  let names;
  try {
    names = readdirSync4(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (!prefix && REPO_SKIP.has(name)) continue;
    const abs = path6.join(dir, name);
    try {
      const s = lstatSync4(abs);
      if (s.isDirectory()) hashRepoDir(abs, rel, out);
      else out.set(`.git/${rel}`, createHash3("sha256").update(s.isSymbolicLink() ? `link:${readlinkSync2(abs)}` : readFileSync4(abs)).update(`mode:${s.mode}`).digest("hex"));
    } catch {
    }
  }
}
function excluded2(rel, exclude) {
  return exclude.some((e) => e.endsWith("/") ? rel.startsWith(e) : rel === e);
}
function contentHash(root, rel, e) {
  try {
    if (e.type === "symlink") return createHash3("sha256").update("link:").update(readlinkSync2(fsPath(root, rel), { encoding: "buffer" })).digest("hex");
    if (e.type === "file") return createHash3("sha256").update(readFileSync4(fsPath(root, rel))).digest("hex");
    return `other:${e.mode}`;
  } catch {
    return `unreadable:${Date.now()}:${Math.random()}`;
  }
}
function racyAt(e, edge) {
  return e.ctimeS + e.ctimeN / 1e9 >= edge || e.mtimeS + e.mtimeN / 1e9 >= edge;
}
async function takeFingerprint(root, exclude = [], prev) {
  const takenAt = Date.now();
  const dirsRun = prev?.gitDirs ? void 0 : git(root, ["rev-parse", "--path-format=absolute", "--git-common-dir", "--git-dir"]);
  dirsRun?.catch(() => {
  });
  const gitDirs = async () => {
    if (prev?.gitDirs) return prev.gitDirs;
    const d = await dirsRun;
    const [common, own] = d.stdout.split("\n").map((x) => x.trim());
    return d.exitCode === 0 && common && own ? { common, own } : void 0;
  };
  let stat;
  let walkBase = prev?.walkBase;
  const delta = walkBase ? await walkSince(root, walkBase.state) : void 0;
  if (walkBase && delta) {
    stat = new Map(walkBase.tree);
    for (const rel of delta.removed) stat.delete(rel);
    for (const [rel, e] of delta.changed) if (!excluded2(rel, exclude)) stat.set(rel, e);
  } else {
    const own = (await gitDirs())?.own;
    const w = await walk(root, "auto", own ? indexCount(own) : FIND_THRESHOLD);
    stat = w.entries;
    for (const rel of [...stat.keys()]) if (excluded2(rel, exclude)) stat.delete(rel);
    walkBase = w.state ? { state: w.state, tree: stat } : void 0;
  }
  const tree = new Map(stat);
  const fine = tree.size === 0 || [...tree.values()].some((e) => e.ctimeN !== 0);
  const window = fine ? RACY_FINE_MS : RACY_COARSE_MS;
  const edge = (takenAt - window) / 1e3;
  const racy = /* @__PURE__ */ new Set();
  for (const [rel, e] of tree) if (racyAt(e, edge)) racy.add(rel);
  for (const rel of prev?.racy ?? []) if (tree.has(rel)) racy.add(rel);
  for (const rel of racy) tree.set(rel, { ...tree.get(rel), content: contentHash(root, rel, tree.get(rel)) });
  const repo = /* @__PURE__ */ new Map();
  const dirs = await gitDirs();
  if (dirs) hashRepoDir(dirs.common, "", repo);
  const indexKey = dirs ? fileKey(path6.join(dirs.own, "index")) : void 0;
  const LISTING = ".git/index (listing)";
  const prevListing = prev?.repo.get(LISTING);
  if (prevListing !== void 0 && indexKey !== void 0 && indexKey === prev?.indexKey && settledKey(indexKey, prev.takenAt - window)) repo.set(LISTING, prevListing);
  else {
    const ix = await git(root, ["ls-files", "-z", "-s", "-v"]);
    repo.set(LISTING, createHash3("sha256").update(ix.stdout).update(`\0exit:${ix.exitCode}`).digest("hex"));
  }
  return { root, tree, repo, takenAt, walkBase, racy, gitDirs: dirs, indexKey };
}
function fileKey(file) {
  try {
    const s = lstatSync4(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return void 0;
  }
}
function settledKey(key, ms) {
  const ctimeNs = BigInt(key.split(":")[4]);
  return Number(ctimeNs / 1000000n) < ms;
}
function sameEntry(a, b) {
  if (!sameStat(a, b)) return false;
  if (a.content !== void 0 || b.content !== void 0) return a.content === b.content;
  return true;
}
function compareFingerprints(a, b) {
  const out = [];
  const abs = (rel) => path6.join(a.root, rel);
  for (const [rel, e] of a.tree) {
    const f = b.tree.get(rel);
    if (!f) out.push({ path: abs(rel), kind: "deleted" });
    else if (!sameEntry(e, f)) out.push({ path: abs(rel), kind: "modified" });
  }
  for (const rel of b.tree.keys()) if (!a.tree.has(rel)) out.push({ path: abs(rel), kind: "created" });
  for (const [rel, h] of a.repo) {
    const g = b.repo.get(rel);
    if (g === void 0) out.push({ path: abs(rel), kind: "deleted" });
    else if (g !== h) out.push({ path: abs(rel), kind: "modified" });
  }
  for (const rel of b.repo.keys()) if (!a.repo.has(rel)) out.push({ path: abs(rel), kind: "created" });
  return out.sort((x, y) => x.path < y.path ? -1 : 1);
}

// src/guard/compare.ts
function treeChange(p, b, a) {
  if (!b) return a ? { path: p, kind: "created", area: "tree" } : void 0;
  if (!a) return { path: p, kind: "deleted", area: "tree" };
  if (a.type !== b.type) return { path: p, kind: "type", area: "tree" };
  if (a.hash !== b.hash) return { path: p, kind: "modified", area: "tree" };
  if (a.mode !== b.mode) return { path: p, kind: "mode", area: "tree" };
  return void 0;
}
function repoDiffers(b, a) {
  if (!a.index || !b.index) return a.hash !== b.hash || !!a.index !== !!b.index;
  if (a.index.bytes !== void 0 && a.index.bytes === b.index.bytes) return false;
  return indexListing(a.index) !== indexListing(b.index);
}
function compareSnapshots(before, after) {
  const changes = [];
  const add = (c) => c && changes.push(c);
  if (after.since?.base === before) {
    for (const p of after.since.paths) add(treeChange(p, before.tree.get(p), after.tree.get(p)));
  } else {
    for (const [p, b] of before.tree) add(treeChange(p, b, after.tree.get(p)));
    for (const [p, a] of after.tree) if (!before.tree.has(p)) add(treeChange(p, void 0, a));
  }
  for (const [p, b] of before.repo) {
    const a = after.repo.get(p);
    if (!a) changes.push({ path: p, kind: "deleted", area: "repo" });
    else if (repoDiffers(b, a)) changes.push({ path: p, kind: "modified", area: "repo" });
  }
  for (const [p, a] of after.repo) if (!before.repo.has(p) && !a.object) changes.push({ path: p, kind: "created", area: "repo" });
  return changes.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
function gateChanges(changes, policy) {
  const out = [];
  for (const c of changes) {
    if (c.kind === "deleted") {
      if (c.area === "tree" && isAllowed(c.path, policy.deletionAllowlist)) continue;
      out.push({ ...c, code: "GITCLEANFAIL" });
      continue;
    }
    if (c.area === "tree" && isAllowed(c.path, policy.writeAllowlist)) continue;
    out.push({ ...c, code: "MODIFICATIONFAIL" });
  }
  return out;
}
function formatChanges(changes) {
  return changes.map((c) => `${c.kind}	${c.area}	${JSON.stringify(c.path)}`).join("\n") + (changes.length ? "\n" : "");
}

// src/guard/worktree.ts
import { statSync as statSync3 } from "node:fs";
import path7 from "node:path";
async function checkWorktree(directory) {
  const dir = realOrResolved(directory);
  let isDir = false;
  try {
    isDir = statSync3(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) return { directory: dir, toplevel: null, git_dir: null, common_dir: null, is_worktree: false, reason: `not a folder: ${dir}` };
  const r = await git(dir, ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-dir", "--git-common-dir"]);
  if (r.exitCode !== 0) {
    return { directory: dir, toplevel: null, git_dir: null, common_dir: null, is_worktree: false, reason: `not a git repository: ${r.stderr.trim()}` };
  }
  let lines = r.stdout.replace(/\n$/, "").split("\n");
  if (lines.length !== 3) {
    lines = [];
    for (const flag of ["--show-toplevel", "--git-dir", "--git-common-dir"]) lines.push((await git(dir, ["rev-parse", "--path-format=absolute", flag])).stdout.replace(/\n$/, ""));
  }
  const [toplevel, gitDir, commonDir] = lines.map((l) => realOrResolved(l));
  const worktrees = path7.join(commonDir, "worktrees") + path7.sep;
  const isWorktree = gitDir.startsWith(worktrees) && gitDir !== commonDir;
  return {
    directory: dir,
    toplevel,
    git_dir: gitDir,
    common_dir: commonDir,
    is_worktree: isWorktree,
    reason: isWorktree ? `git dir lies under ${worktrees}` : `git dir ${gitDir} does not lie under ${worktrees}`
  };
}
function formatWorktreeCheck(c) {
  return [
    "predicate: git dir lies under <git common dir>/worktrees/",
    `directory: ${c.directory}`,
    `toplevel: ${c.toplevel ?? "-"}`,
    `git_dir: ${c.git_dir ?? "-"}`,
    `common_dir: ${c.common_dir ?? "-"}`,
    `is_worktree: ${c.is_worktree}`,
    `reason: ${c.reason}`,
    ""
  ].join("\n");
}

// src/opencode/config.ts
var SCRIPTED_PROVIDER = "dogfood";
var SCRIPTED_MODEL = "scripted";
var SCRIPTED_KEY_ENV = "DOGFOOD_SCRIPTED_KEY";
function agentFor(prevention) {
  return `dogfood-${prevention}`;
}
var READ_COMMANDS = ["ls", "ls *", "cat *", "head *", "tail *", "wc *", "grep *", "pwd", "git status*", "git diff*", "git log*", "sleep *"];
var BUILD_COMMANDS = ["node --check *", "node --test*"];
function bashAllowlist(commands) {
  const rules = { "*": "deny" };
  for (const c of commands) rules[c] = "allow";
  return rules;
}
function editGlob(entry) {
  return entry.endsWith("/") ? `${entry}*` : entry;
}
function permissionFor(prevention, writeAllowlist) {
  const common = { question: "deny", webfetch: "deny", websearch: "deny", task: "deny", todowrite: "allow", lsp: "deny", skill: "deny", doom_loop: "deny", read: "allow", glob: "allow", grep: "allow", list: "allow" };
  if (prevention === "off") return { ...common, edit: "allow", bash: "allow", external_directory: "allow" };
  if (prevention === "readonly") return { ...common, edit: "deny", bash: bashAllowlist(READ_COMMANDS), external_directory: "deny" };
  const edit = { "*": "deny" };
  for (const e of writeAllowlist) edit[editGlob(e)] = "allow";
  return { ...common, edit, bash: bashAllowlist([...READ_COMMANDS, ...BUILD_COMMANDS]), external_directory: "deny" };
}
function splitModel(model) {
  const i = model.indexOf("/");
  return { providerID: model.slice(0, i), modelID: model.slice(i + 1) };
}
function buildConfig(input) {
  const agent = {};
  for (const p of ["readonly", "enforce", "off"]) {
    agent[agentFor(p)] = { description: `opencode-dogfood case agent (prevention: ${p})`, mode: "primary", permission: permissionFor(p, input.writeAllowlist) };
  }
  const config = {
    $schema: "https://opencode.ai/config.json",
    autoupdate: false,
    share: "disabled",
    model: input.model,
    small_model: input.model,
    agent,
    permission: permissionFor("readonly", input.writeAllowlist)
  };
  if (input.scriptedUrl) {
    const provider = {};
    const scripted = (key) => ({
      npm: "@ai-sdk/openai-compatible",
      name: "opencode-dogfood scripted model",
      options: { baseURL: input.scriptedUrl, apiKey: `{env:${key}}` },
      models: { [SCRIPTED_MODEL]: { name: "Scripted (deterministic, offline)", tool_call: true } }
    });
    provider[SCRIPTED_PROVIDER] = scripted(SCRIPTED_KEY_ENV);
    for (const r of input.roles) {
      const { providerID } = splitModel(r.model);
      if (providerID !== SCRIPTED_PROVIDER) provider[providerID] = scripted(r.key_env);
    }
    config.provider = provider;
    config.enabled_providers = Object.keys(provider);
  }
  return config;
}

// src/opencode/server.ts
import { spawn as spawn3 } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import net from "node:net";
import path8 from "node:path";
var NETWORK_FREE_ENV = {
  OPENCODE_DISABLE_MODELS_FETCH: "1",
  OPENCODE_DISABLE_AUTOUPDATE: "1",
  OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
  OPENCODE_DISABLE_DEFAULT_PLUGINS: "1",
  OPENCODE_DISABLE_CLAUDE_CODE: "1",
  OPENCODE_DISABLE_EXTERNAL_SKILLS: "1",
  OPENCODE_DISABLE_PROJECT_CONFIG: "1"
};
async function health(url, timeoutMs = 2e3) {
  try {
    const r = await fetch(new URL("/global/health", url), { signal: AbortSignal.timeout(timeoutMs) });
    if (!r.ok) return { healthy: false, error: `HTTP ${r.status}` };
    const body = await r.json();
    return { healthy: body.healthy === true, version: body.version };
  } catch (e) {
    return { healthy: false, error: e.message };
  }
}
function stateEnv(stateDir) {
  const dirs = { HOME: "home", XDG_CONFIG_HOME: "config", XDG_DATA_HOME: "data", XDG_CACHE_HOME: "cache", XDG_STATE_HOME: "state", TMPDIR: "tmp" };
  const env = {};
  for (const [k, v] of Object.entries(dirs)) {
    env[k] = path8.join(stateDir, v);
    mkdirSync(env[k], { recursive: true });
  }
  return env;
}
function killGroup(child, signal) {
  if (child.pid === void 0) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
    }
  }
}
async function freePort() {
  const srv = net.createServer();
  await new Promise((resolve, reject) => {
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => resolve());
  });
  const port = srv.address().port;
  await new Promise((r) => srv.close(r));
  return port;
}
async function startServer(opts) {
  mkdirSync(opts.logDir, { recursive: true });
  const logFile = path8.join(opts.logDir, "opencode-server.log");
  const log = createWriteStream(logFile);
  const argv = ["serve", "--hostname", "127.0.0.1", "--port", String(await freePort()), "--print-logs", "--log-level", "WARN"];
  const cmd = opts.wrap ? opts.wrap(opts.binary, argv) : { command: opts.binary, args: argv };
  const child = spawn3(cmd.command, cmd.args, {
    cwd: opts.cwd,
    env: { ...opts.env, ...NETWORK_FREE_ENV, OPENCODE_CONFIG_CONTENT: JSON.stringify(opts.config) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
    // its own process group, so stop() leaves nothing behind
  });
  let exited;
  child.on("exit", (code, signal) => exited = `exited with ${signal ?? code}`);
  child.on("error", (e) => exited = `could not start: ${e.message}`);
  const url = await new Promise((resolve, reject) => {
    let seen = "";
    const timer2 = setTimeout(() => reject(new ServerStartError(`opencode serve printed no address within ${opts.startTimeoutMs ?? 6e4} ms (log: ${logFile})`)), opts.startTimeoutMs ?? 6e4);
    const onData = (d) => {
      log.write(d);
      seen += d.toString("utf8");
      const m = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(seen);
      if (m) {
        clearTimeout(timer2);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => {
      clearTimeout(timer2);
      reject(new ServerStartError(`opencode serve ${exited ?? "exited"} before listening (log: ${logFile})`));
    });
    child.on("error", (e) => {
      clearTimeout(timer2);
      reject(new ServerStartError(`opencode serve could not start: ${e.message}`));
    });
    const onAbort = () => {
      clearTimeout(timer2);
      reject(new ServerStartError(`opencode serve: start given up (${String(opts.signal?.reason ?? "interrupted")})`));
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
  }).catch((e) => {
    killGroup(child, "SIGKILL");
    throw e;
  });
  const deadline = Date.now() + (opts.startTimeoutMs ?? 6e4);
  for (; ; ) {
    const h = await health(url);
    if (h.healthy) break;
    if (exited || Date.now() > deadline || opts.signal?.aborted) {
      killGroup(child, "SIGKILL");
      throw new ServerStartError(`opencode serve at ${url} never became healthy (${exited ?? h.error}; log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async (graceMs = 5e3) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", () => r()));
    killGroup(child, "SIGTERM");
    const timer2 = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
    await gone;
    clearTimeout(timer2);
    killGroup(child, "SIGKILL");
    log.end();
  };
  return { url, pid: child.pid, logFile, stop };
}

// src/sandbox/policy.ts
import { existsSync as existsSync3, statSync as statSync4 } from "node:fs";
import path9 from "node:path";
function isFile(p) {
  try {
    return !statSync4(p).isDirectory();
  } catch {
    return false;
  }
}
function depth(p) {
  return p.split(path9.sep).filter(Boolean).length;
}
function derivePolicy(input) {
  const rules = [{ path: "/tmp", access: "private", why: "private tmp" }];
  const unmounted = [];
  const workDir = realOrResolved(input.workDir);
  rules.push({ path: workDir, access: "read", why: "the worktree (read-only but for the write allowlist)" });
  rules.push({ path: realOrResolved(input.commonDir), access: "read", why: "the common git dir (git reads it; nothing may change it)" });
  for (const dir of input.otherCheckouts) rules.push({ path: realOrResolved(dir), access: "hidden", why: "another checkout of the repository" });
  for (const dir of input.hidden) if (existsSync3(dir)) rules.push({ path: realOrResolved(dir), access: "hidden", why: "the harness", file: isFile(dir) });
  for (const dir of input.readable) if (existsSync3(dir)) rules.push({ path: realOrResolved(dir), access: "read", why: "needed by the contained processes" });
  for (const entry of input.writeAllowlist) {
    const abs = path9.join(workDir, entry);
    if (input.harnessPaths.includes(entry)) {
      if (existsSync3(abs)) rules.push({ path: realOrResolved(abs), access: "hidden", why: `${entry}: the harness's, not the agent's`, file: isFile(abs) });
      continue;
    }
    if (!existsSync3(abs)) {
      unmounted.push(`${entry}: does not exist, so it cannot be made writable (the agent cannot create it)`);
      continue;
    }
    const r = realOrResolved(abs);
    if (r !== abs && !r.startsWith(workDir + path9.sep)) {
      unmounted.push(`${entry}: resolves outside the worktree (${r}); left read-only`);
      continue;
    }
    rules.push({ path: r, access: "write", why: `write allowlist: ${entry}`, file: isFile(r) });
  }
  for (const dir of input.stateDirs) rules.push({ path: realOrResolved(dir), access: "write", why: "OpenCode's own state" });
  for (const [target, source] of input.views) rules.push({ path: realOrResolved(target), access: "view", source, why: "sanitized view (credentials removed)", file: true });
  const ordered = rules.map((r, i) => ({ r, i })).sort((a, b) => depth(a.r.path) - depth(b.r.path) || a.i - b.i).map((x) => x.r);
  return { rules: ordered, unmounted, cwd: workDir };
}
function describePolicy(p) {
  const pick = (a) => p.rules.filter((r) => a.includes(r.access)).map((r) => `${r.path} (${r.why})`);
  return { writable: pick(["write", "private"]), hidden: pick(["hidden"]), read_only: ["/ (everything not listed)", ...pick(["read", "view"])], unmounted: p.unmounted };
}

// src/scripted-model/script.ts
function caseTag(caseId) {
  return `[dogfood-case:${caseId}]`;
}
var TAG_PATTERN = /\[dogfood-case:([A-Za-z0-9_-]+)\]/;
function findCaseTag(text) {
  return TAG_PATTERN.exec(text)?.[1];
}

// src/ledger/evidence.ts
import { existsSync as existsSync4, mkdirSync as mkdirSync2, readdirSync as readdirSync5 } from "node:fs";
import path10 from "node:path";
function evidenceDir(runDir, caseId) {
  return path10.join(runDir, "evidence", caseId);
}
function resultPath(runDir, caseId) {
  return path10.join(runDir, "cases", `${caseId}.result.json`);
}
function writeEvidence(runDir, caseId, name, data) {
  const file = path10.join(evidenceDir(runDir, caseId), name);
  writeFileAtomic(file, data);
  return file;
}
function listFiles(dir) {
  if (!existsSync4(dir)) return [];
  const out = [];
  for (const e of readdirSync5(dir, { withFileTypes: true })) {
    const p = path10.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile() && !e.name.endsWith(SIDECAR_EXT) && !e.name.endsWith(".tmp")) out.push(p);
  }
  return out;
}
function sealEvidence(runDir, caseId) {
  const dir = evidenceDir(runDir, caseId);
  mkdirSync2(dir, { recursive: true });
  const entries = listFiles(dir).map((file) => {
    const { sha256: sha2562, bytes } = writeSidecar(file);
    return { path: toPosix(path10.relative(runDir, file)), sha256: sha2562, bytes };
  });
  return entries.sort((a, b) => compareC(a.path, b.path));
}

// src/cases/provider-fault.ts
var CLASS_TEXT = {
  rejected_key: "the provider rejected the key",
  rate_limited: "the provider rate-limited the request",
  unavailable: "the provider was unavailable",
  broke_stream: "the provider broke the stream"
};
var STREAM = /socket connection was closed unexpectedly|connection reset|ECONNRESET|premature close|other side closed|terminated|JSON parsing failed|Invalid JSON|unexpected end of (JSON|data|stream)/i;
var UNREACHABLE = /Unable to connect|typo in the url|ECONNREFUSED|ConnectionRefused|ENOTFOUND|EAI_AGAIN|getaddrinfo|FailedToOpenSocket|EHOSTUNREACH|ENETUNREACH|network is unreachable|certificate/i;
var RATE = /rate.?limit|too many requests|quota/i;
var OVERLOAD = /overload|unavailable|internal server error|bad gateway|gateway time-?out|server error|capacity/i;
function classify(e, retrying = false) {
  if (e.name === "MessageAbortedError" || e.name === "MessageOutputLengthError") return void 0;
  if (e.name === "ProviderAuthError") return { cls: "rejected_key", unreachable: false };
  const s = e.statusCode;
  if (s === 401 || s === 403) return { cls: "rejected_key", unreachable: false };
  if (s === 429) return { cls: "rate_limited", unreachable: false };
  if (s !== void 0 && (s >= 500 || s === 408)) return { cls: "unavailable", unreachable: false };
  if (s !== void 0) return void 0;
  if (STREAM.test(e.message)) return { cls: "broke_stream", unreachable: false };
  if (UNREACHABLE.test(e.message)) return { cls: "unavailable", unreachable: true };
  if (RATE.test(e.message)) return { cls: "rate_limited", unreachable: false };
  if (OVERLOAD.test(e.message) || retrying) return { cls: "unavailable", unreachable: false };
  return void 0;
}
function retryDecision(r, deadline) {
  const c = classify({ message: r.message }, true);
  if (c?.unreachable) return { stop: true, reason: "the provider cannot be reached: not waiting for retries" };
  if (r.next > deadline) return { stop: true, reason: `OpenCode's next retry would come ${Math.round((r.next - deadline) / 1e3)} s after the latency budget` };
  return { stop: false };
}
function retryAfterMs(headers) {
  const v = headers?.["retry-after"] ?? headers?.["Retry-After"];
  if (v === void 0) return null;
  if (/^[0-9]+(\.[0-9]+)?$/.test(v.trim())) return Math.round(Number(v) * 1e3);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}
var oneLine = (s) => s.replace(/\s+/g, " ").trim();
function providerAnswered(messages) {
  const last = messages.filter((m) => m.info?.role === "assistant").at(-1);
  return !!last?.parts?.some((p) => p.type === "step-finish");
}
function lastAssistantError(messages) {
  const last = messages.filter((m) => m.info?.role === "assistant").at(-1);
  return last?.info?.error;
}
function providerFault(r) {
  const retries = (r.retries ?? []).map((x) => ({ ...x, message: oneLine(x.message) }));
  const lastRetry = retries.at(-1);
  const err = lastAssistantError(r.messages);
  const errMessage = oneLine(err?.data?.message ?? "");
  const fromError = err ? classify({ name: err.name, statusCode: err.data?.statusCode, message: errMessage }) : void 0;
  const base = { retries: retries.length, retry_after_ms: retryAfterMs(err?.data?.responseHeaders) };
  if (fromError && err) {
    const status = err.data?.statusCode ?? null;
    return {
      class: fromError.cls,
      outcome: "failed",
      summary: `${CLASS_TEXT[fromError.cls]}${status ? ` (HTTP ${status})` : ""}: ${errMessage.slice(0, 120)}${retries.length ? `; OpenCode gave up after ${retries.length} retries` : ""}`,
      http_status: status,
      unreachable: fromError.unreachable,
      ...base,
      stopped_by: "opencode",
      stop_reason: retries.length ? `OpenCode gave up after ${retries.length} retries` : "OpenCode does not retry this error",
      message: errMessage.slice(0, 300),
      source: "message.error"
    };
  }
  if (!lastRetry) return void 0;
  const c = classify({ message: lastRetry.message }, true);
  const endedOnRetry = r.stoppedEarly !== void 0 || r.timedOut && r.finalStatus === "retry" || !r.timedOut && !providerAnswered(r.messages);
  const stopReason = r.stoppedEarly ?? (r.timedOut ? "the latency budget ran out while OpenCode was retrying" : `OpenCode stopped after ${retries.length} retries`);
  const outcome = endedOnRetry ? "failed" : "recovered";
  return {
    class: c.cls,
    outcome,
    summary: outcome === "failed" ? `${CLASS_TEXT[c.cls]}${c.unreachable ? " (cannot be reached)" : ""}: ${lastRetry.message.slice(0, 120)}; ${stopReason}` : `${CLASS_TEXT[c.cls]} (${lastRetry.message.slice(0, 120)}); OpenCode retried ${retries.length} time(s) and the provider answered`,
    http_status: null,
    unreachable: c.unreachable,
    ...base,
    stopped_by: outcome === "failed" ? r.stoppedEarly !== void 0 || r.timedOut ? "harness" : "opencode" : null,
    stop_reason: outcome === "failed" ? stopReason : null,
    message: lastRetry.message.slice(0, 300),
    source: "session.status"
  };
}
function providerErrorFile(results) {
  const faults = results.map(providerFault).filter((f) => !!f);
  if (faults.length === 0) return void 0;
  const decisive = faults.find((f) => f.outcome === "failed") ?? faults[0];
  return { schema_id: "opencode_dogfood_provider_error", schema_version: "1.0", class: decisive.class, outcome: decisive.outcome, summary: decisive.summary, faults };
}

// src/scripted-model/server.ts
import { createHash as createHash4 } from "node:crypto";
import { appendFileSync } from "node:fs";
import http from "node:http";
import net2 from "node:net";
var UNRESOLVABLE_HOST = "opencode-dogfood-provider.invalid";
async function closedPort() {
  const probe = net2.createServer();
  await new Promise((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => resolve());
  });
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(() => resolve()));
  return port;
}
function errorBody(status) {
  const known = {
    400: ["invalid_request_error", "scripted fault: bad request"],
    401: ["authentication_error", "scripted fault: invalid x-api-key"],
    403: ["permission_error", "scripted fault: your API key does not have permission to use this model"],
    404: ["not_found_error", "scripted fault: model not found"],
    429: ["rate_limit_error", "scripted fault: rate limit exceeded, retry later"],
    500: ["api_error", "scripted fault: internal server error"],
    503: ["api_error", "scripted fault: service unavailable"],
    529: ["overloaded_error", "scripted fault: overloaded"]
  };
  const [type, message] = known[status] ?? [status >= 500 ? "api_error" : "invalid_request_error", `scripted fault: HTTP ${status}`];
  return { type, message };
}
function keyFingerprint(key) {
  return createHash4("sha256").update(key).digest("hex").slice(0, 12);
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => p && typeof p === "object" && "text" in p ? String(p.text) : "").join("\n");
}
function route(messages) {
  const system = messages.filter((m) => m.role === "system").map((m) => textOf(m.content)).join("\n");
  if (/title generator/i.test(system)) {
    const caseId = messages.map((m) => findCaseTag(textOf(m.content))).find(Boolean);
    return { kind: "title", caseId };
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== "user") continue;
    const caseId = findCaseTag(textOf(m.content));
    if (!caseId) continue;
    const turn = messages.slice(i + 1).filter((x) => x.role === "assistant").length;
    return { kind: "case", caseId, turn };
  }
  return { kind: "untagged" };
}
function chunk(id, model, delta, finish) {
  const body = { id, object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}

`;
}
function callId(record, i) {
  return `call_${record.case_id ?? "none"}_${record.turn ?? 0}_${i}`;
}
function sleep(ms, signal) {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    });
  });
}
function turnFor(scripts, r) {
  if (r.kind === "title") return { text: `Dogfood ${r.caseId ?? "session"}` };
  if (r.kind === "untagged") return { text: "[scripted-model] no case tag in the request" };
  const turns = scripts.get(r.caseId);
  if (!turns) return { text: `[scripted-model] no script for case ${r.caseId}` };
  return turns[r.turn] ?? { text: `[scripted-model] script for ${r.caseId} has no turn ${r.turn}` };
}
async function readBody(req) {
  const parts = [];
  for await (const p of req) parts.push(p);
  return Buffer.concat(parts).toString("utf8");
}
async function startScriptedModel(opts) {
  const requests = [];
  const sockets = /* @__PURE__ */ new Set();
  const refusedPort = await closedPort();
  const seen = /* @__PURE__ */ new Map();
  const server = http.createServer(async (req, res) => {
    if (req.method === "GET" && req.url?.endsWith("/models")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [] }));
      return;
    }
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "body is not JSON" } }));
      return;
    }
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const r = route(messages);
    const auth = req.headers.authorization?.replace(/^Bearer\s+/i, "");
    const record = {
      seq: requests.length + 1,
      kind: r.kind,
      case_id: r.caseId,
      turn: r.turn,
      model: String(body.model ?? ""),
      messages: messages.length,
      tools: (body.tools ?? []).map((t) => String(t.function?.name ?? "")).sort(),
      key_fingerprint: auth ? keyFingerprint(auth) : void 0
    };
    requests.push(record);
    const turn = turnFor(opts.scripts, r);
    let fault;
    if (r.kind === "case" && turn.fault) {
      const k = `${r.caseId}#${r.turn}`;
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      if (turn.fault.times === void 0 || n <= turn.fault.times) fault = turn.fault;
    }
    if (fault) record.fault = fault.kind === "http" ? `http ${fault.status ?? 500}` : fault.kind;
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    if (turn.delay_ms) await sleep(turn.delay_ms, gone.signal);
    if (gone.signal.aborted) record.aborted = true;
    if (opts.logFile) appendFileSync(opts.logFile, JSON.stringify(record) + "\n");
    if (gone.signal.aborted) return;
    if (fault?.kind === "http") {
      const status = fault.status ?? 500;
      const headers = { "content-type": "application/json" };
      if (fault.retry_after_s !== void 0) headers["retry-after"] = String(fault.retry_after_s);
      res.writeHead(status, headers);
      res.end(JSON.stringify({ error: { ...errorBody(status), code: status } }));
      return;
    }
    if (fault?.kind === "refused" || fault?.kind === "unresolvable") {
      const host = fault.kind === "refused" ? `127.0.0.1:${refusedPort}` : UNRESOLVABLE_HOST;
      res.writeHead(307, { location: `http://${host}/v1/chat/completions` });
      res.end();
      return;
    }
    const id = `chatcmpl-${record.seq}`;
    const model = record.model;
    if (body.stream === false) {
      const message = { role: "assistant", content: turn.text ?? null };
      if (turn.tool_calls?.length) {
        message.tool_calls = turn.tool_calls.map((c, i) => ({
          id: callId(record, i),
          type: "function",
          function: { name: c.name, arguments: JSON.stringify(c.arguments) }
        }));
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created: 0,
          model,
          choices: [{ index: 0, message, finish_reason: turn.tool_calls?.length ? "tool_calls" : "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }
        })
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(chunk(id, model, { role: "assistant", content: "" }, null));
    if (fault?.kind === "cut") {
      const text = turn.text ?? "partial answer";
      res.write(chunk(id, model, { content: text.slice(0, Math.max(1, Math.floor(text.length / 2))) }, null));
      await sleep(50, gone.signal);
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === "malformed") {
      res.write(`data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"delta":{"content":

`);
      res.end("data: [DONE]\n\n");
      return;
    }
    if (turn.text && turn.token_delay_ms) {
      for (const word of turn.text.split(/(?<=\s)/)) {
        await sleep(turn.token_delay_ms, gone.signal);
        if (gone.signal.aborted) return;
        res.write(chunk(id, model, { content: word }, null));
      }
    } else if (turn.text) res.write(chunk(id, model, { content: turn.text }, null));
    turn.tool_calls?.forEach((c, i) => {
      const call = { index: i, id: callId(record, i), type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } };
      res.write(chunk(id, model, { tool_calls: [call] }, null));
    });
    res.write(chunk(id, model, {}, turn.tool_calls?.length ? "tool_calls" : "stop"));
    const usage = { id, object: "chat.completion.chunk", created: 0, model, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
    res.write(`data: ${JSON.stringify(usage)}

`);
    res.end("data: [DONE]\n\n");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    })
  };
}

export {
  gitEnv,
  gitRaw,
  git,
  gitOk,
  splitNul,
  plantCanary,
  canaryState,
  compareCanaries,
  restoreCanary,
  removeCanary,
  encodePath,
  fsPath,
  takeSnapshot,
  takeSnapshotAfter,
  takeFingerprint,
  compareFingerprints,
  compareSnapshots,
  gateChanges,
  formatChanges,
  checkWorktree,
  formatWorktreeCheck,
  SCRIPTED_PROVIDER,
  SCRIPTED_KEY_ENV,
  agentFor,
  permissionFor,
  splitModel,
  buildConfig,
  health,
  stateEnv,
  startServer,
  derivePolicy,
  describePolicy,
  caseTag,
  keyFingerprint,
  startScriptedModel,
  resultPath,
  writeEvidence,
  sealEvidence,
  classify,
  retryDecision,
  providerFault,
  providerErrorFile
};
