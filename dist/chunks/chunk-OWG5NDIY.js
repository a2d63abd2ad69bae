import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-UZ2KPXWI.js";

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
  isAllowed
};
