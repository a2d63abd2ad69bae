import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/ledger-files.ts
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
var LEDGER_LIMITS = { files: 2e5, bytes: 4 * 1024 ** 3, jsonBytes: 64 * 1024 ** 2 };
var LedgerShapeError = class extends Error {
  name = "LedgerShapeError";
};
function walkLedger(dir) {
  const files = [];
  const ids = /* @__PURE__ */ new Map();
  const problems = [];
  const top = lstatSync(dir);
  if (!top.isDirectory()) return { files, ids, problems: [`${dir}: not a folder (a link to one is not followed)`] };
  let bytes = 0;
  const walk = (rel) => {
    for (const raw of readdirSync(path.join(dir, rel), { encoding: "buffer" })) {
      const name = raw.toString("utf8");
      if (!Buffer.from(name, "utf8").equals(raw)) {
        problems.push(`${rel ? `${rel}/` : ""}${JSON.stringify(raw.toString("latin1"))} is a name that is not UTF-8 (a run writes none)`);
        continue;
      }
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(path.join(dir, r));
      if (st.isDirectory()) {
        if (!walk(r)) return false;
        continue;
      }
      if (!st.isFile()) {
        problems.push(`${r} is not a regular file (a link, FIFO or device has no place in a ledger)`);
        continue;
      }
      files.push(r);
      ids.set(r, `${st.dev}:${st.ino}`);
      bytes += st.size;
      if (files.length > LEDGER_LIMITS.files || bytes > LEDGER_LIMITS.bytes) {
        problems.push(`${dir}: more than ${LEDGER_LIMITS.files} files or ${LEDGER_LIMITS.bytes} bytes (not a ledger this tool wrote)`);
        return false;
      }
    }
    return true;
  };
  walk("");
  return { files, ids, problems };
}
function openLedgerFile(file, expect) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if (e.code === "ELOOP") throw new LedgerShapeError(`${file}: a link (not followed)`);
    throw e;
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new LedgerShapeError(`${file}: not a regular file`);
  }
  if (expect !== void 0 && `${st.dev}:${st.ino}` !== expect) {
    closeSync(fd);
    throw new LedgerShapeError(`${file}: not the file the walk found there (a folder on its path was swapped after the walk)`);
  }
  return fd;
}
function readLedgerFile(file, max = LEDGER_LIMITS.jsonBytes, expect) {
  const fd = openLedgerFile(file, expect);
  try {
    const chunks = [];
    let total = 0;
    const buf = Buffer.alloc(Math.min(max + 1, 1 << 20));
    for (; ; ) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw new LedgerShapeError(`${file}: larger than ${max} bytes`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}
function sha256LedgerFile(file, expect) {
  const fd = openLedgerFile(file, expect);
  try {
    const hash = createHash("sha256");
    const buf = Buffer.alloc(1 << 20);
    for (; ; ) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
    return hash.digest("hex");
  } finally {
    closeSync(fd);
  }
}

export {
  LedgerShapeError,
  walkLedger,
  openLedgerFile,
  readLedgerFile,
  sha256LedgerFile
};
