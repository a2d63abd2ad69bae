import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  sha256LedgerFile,
  walkLedger
} from "./chunk-YYLLAMEM.js";
import {
  compareC,
  sha256
} from "./chunk-ARXRJ6KT.js";

// src/ledger/root.ts
import path from "node:path";
var SUMMARY_PREFIX = "run_summary.json";
var ROOT_PATTERN = /^[0-9a-f]{64}$/;
function rootManifest(runDir) {
  const walk = walkLedger(runDir);
  const files = walk.files.filter((f) => !f.startsWith(SUMMARY_PREFIX) || f.includes("/")).sort(compareC);
  return files.map((f) => `${sha256LedgerFile(path.join(runDir, f), walk.ids.get(f))}  ${f}
`).join("");
}
function ledgerRoot(runDir) {
  return sha256(rootManifest(runDir));
}

export {
  ROOT_PATTERN,
  ledgerRoot
};
