import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/suite/options.ts
var BUILTIN_MODEL = "dogfood/scripted";
var DEFAULT_WRITE_ALLOWLIST = [
  "docs/zz_scratch/opencode_dogfood_probe.md",
  "scripts/opencode_dogfood/sandbox/",
  "artifacts/ledger/opencode_dogfood/",
  "logs/agent_calls/"
];
var DEFAULT_DELETION_ALLOWLIST = [];
var LEDGER_SUBDIR = "artifacts/ledger/opencode_dogfood";
var AGENT_CALLS_SUBDIR = "logs/agent_calls";

export {
  BUILTIN_MODEL,
  DEFAULT_WRITE_ALLOWLIST,
  DEFAULT_DELETION_ALLOWLIST,
  LEDGER_SUBDIR,
  AGENT_CALLS_SUBDIR
};
