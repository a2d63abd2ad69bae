import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  sha256,
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";

// src/ledger/sidecar.ts
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
var SIDECAR_EXT = ".sha256";
function sidecarLine(hash, fileName) {
  return `${hash} *${fileName}
`;
}
function writeSidecar(file) {
  const data = readFileSync(file);
  const hash = sha256(data);
  writeFileAtomic(file + SIDECAR_EXT, sidecarLine(hash, path.basename(file)));
  return { sha256: hash, bytes: statSync(file).size };
}
function parseSidecar(text) {
  const m = /^([0-9a-f]{64}) \*(.+)\n?$/.exec(text);
  return m ? { hash: m[1], fileName: m[2] } : void 0;
}

export {
  SIDECAR_EXT,
  writeSidecar,
  parseSidecar
};
