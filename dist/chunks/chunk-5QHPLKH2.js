import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Y4FTFHXJ.js";

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
var BASE = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session"];
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
  return { requested: mode, active: true, mechanism: "bwrap", bwrap, reason: `bubblewrap ${bwrap}: read-only root, writable allowlist, own PID and network namespaces` };
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
  containmentLabel,
  parseContainmentMode,
  onPath,
  usernsRefused,
  probeBwrap,
  resolveContainment,
  contain
};
