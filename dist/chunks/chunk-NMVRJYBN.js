import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/ledger/layout.ts
var LEDGER_SUBDIR = "artifacts/ledger/opencode_dogfood";
var AGENT_CALLS_SUBDIR = "logs/agent_calls";

export {
  LEDGER_SUBDIR,
  AGENT_CALLS_SUBDIR
};
