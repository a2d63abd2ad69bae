import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/fsutil.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, realpathSync, renameSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
function writeFileAtomic(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
function writeJsonAtomic(file, value) {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + "\n");
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function toPosix(p) {
  return p.split(path.sep).join("/");
}
function compareC(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function realOrResolved(p) {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

// src/ledger/sidecar.ts
import { readFileSync as readFileSync2, statSync } from "node:fs";
import path2 from "node:path";
var SIDECAR_EXT = ".sha256";
function sidecarLine(hash, fileName) {
  return `${hash} *${fileName}
`;
}
function writeSidecar(file) {
  const data = readFileSync2(file);
  const hash = sha256(data);
  writeFileAtomic(file + SIDECAR_EXT, sidecarLine(hash, path2.basename(file)));
  return { sha256: hash, bytes: statSync(file).size };
}
function parseSidecar(text) {
  const m = /^([0-9a-f]{64}) \*(.+)\n?$/.exec(text);
  return m ? { hash: m[1], fileName: m[2] } : void 0;
}

export {
  writeFileAtomic,
  writeJsonAtomic,
  sha256,
  toPosix,
  compareC,
  realOrResolved,
  SIDECAR_EXT,
  writeSidecar,
  parseSidecar
};
