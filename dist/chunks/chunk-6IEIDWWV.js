import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Y4FTFHXJ.js";

// src/sandbox/limits.ts
var LIMIT_NAMES = ["disk", "files", "procs", "memory"];
var UNITS = { "": 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
var BYTES = /* @__PURE__ */ new Set(["disk", "memory"]);
var DEFAULT_CASE_LIMITS = { disk: 512 * 2 ** 20, files: 2e4, procs: 512, memory: 4 * 2 ** 30 };
var DEFAULT_CASE_LIMITS_TEXT = formatLimits(DEFAULT_CASE_LIMITS);
var MINIMUM = { disk: 2 ** 20, files: 10, procs: 8, memory: 64 * 2 ** 20 };
function allowed() {
  return `a comma-separated list of NAME=VALUE with NAME one of ${LIMIT_NAMES.join(", ")}; VALUE a number (disk and memory with an optional K, M, G or T suffix) or off; e.g. ${DEFAULT_CASE_LIMITS_TEXT}`;
}
function parseCaseLimits(raw, option = "--case-limits") {
  const out = { ...DEFAULT_CASE_LIMITS };
  const text = raw.trim();
  if (text === "") return out;
  if (text === "off" || text === "none") return { disk: null, files: null, procs: null, memory: null };
  for (const part of text.split(",").map((p) => p.trim())) {
    const m = /^([a-z]+)=(.+)$/.exec(part);
    if (!m) throw new InputError(option, `'${part}' is not NAME=VALUE: ${allowed()}`);
    const name = m[1];
    if (!LIMIT_NAMES.includes(name)) throw new InputError(option, `'${m[1]}' is not a limit: ${allowed()}`);
    const value = m[2].trim();
    if (value === "off" || value === "none") {
      out[name] = null;
      continue;
    }
    const v = /^([0-9]+)([KMGT]?)i?B?$/i.exec(value);
    if (!v || !BYTES.has(name) && v[2] !== "") throw new InputError(option, `${name}=${value} is not allowed: ${allowed()}`);
    const n = Number(v[1]) * UNITS[v[2].toUpperCase()];
    if (!Number.isSafeInteger(n) || n < MINIMUM[name])
      throw new InputError(option, `${name}=${value} is below the least allowed (${formatValue(name, MINIMUM[name])}) or too large: ${allowed()}`);
    out[name] = n;
  }
  return out;
}
function formatValue(name, n) {
  if (n === null) return "off";
  if (!BYTES.has(name)) return String(n);
  for (const u of ["T", "G", "M", "K"]) if (n % UNITS[u] === 0) return `${n / UNITS[u]}${u}`;
  return String(n);
}
function formatLimits(l) {
  return LIMIT_NAMES.map((n) => `${n}=${formatValue(n, l[n])}`).join(",");
}
function humanBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v >= 10 ? 0 : 1)} ${units[i]}`;
}
function describeBreach(b) {
  const v = (n) => BYTES.has(b.limit) ? humanBytes(n) : String(n);
  const what = { disk: "bytes written", files: "files created", procs: "processes", memory: "memory" };
  return `case limit ${b.limit} exceeded: ${what[b.limit]} ${v(b.measured)}, the limit is ${v(b.max)} (${b.by}); the case's processes were ended and its tree restored`;
}

// src/sandbox/mechanism.ts
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
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
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
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

// src/guard/allowlist.ts
import path2 from "node:path";
function normalize(p, backslashIsSeparator) {
  if (p.length === 0 || p.includes("\0")) return void 0;
  const s = backslashIsSeparator ? p.replace(/\\/g, "/") : p;
  if (s.startsWith("/") || /^[A-Za-z]:/.test(s)) return void 0;
  const n = path2.posix.normalize(s).replace(/\/+$/, "");
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
  const isDir = /[/\\]$/.test(e);
  const n = normalizeRelPath(e);
  if (!n || inGitDir(n)) return void 0;
  return isDir ? `${n}/` : n;
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

export {
  validateAllowlist,
  isAllowed,
  LIMIT_NAMES,
  DEFAULT_CASE_LIMITS,
  DEFAULT_CASE_LIMITS_TEXT,
  parseCaseLimits,
  formatLimits,
  describeBreach,
  containmentLabel,
  parseContainmentMode,
  onPath,
  usernsRefused,
  probeBwrap,
  resolveContainment,
  contain
};
