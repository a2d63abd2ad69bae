import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/suite/run-options.ts
var RUN_OPTIONS = {
  stages: { type: "string" },
  case: { type: "string" },
  "fail-fast": { type: "boolean" },
  model: { type: "string" },
  roles: { type: "string" },
  "server-url": { type: "string" },
  transport: { type: "string" },
  worktree: { type: "string" },
  "ledger-dir": { type: "string" },
  "cases-file": { type: "string" },
  "sign-key": { type: "string" },
  record: { type: "string" },
  "write-allowlist": { type: "string" },
  "deletion-allowlist": { type: "string" },
  timeout: { type: "string" },
  "latency-budget": { type: "string" },
  "evidence-max-bytes": { type: "string" },
  "opencode-path": { type: "string" },
  containment: { type: "string" },
  "env-pass": { type: "string" },
  jobs: { type: "string" },
  repeat: { type: "string" },
  repo: { type: "string" },
  json: { type: "boolean" },
  junit: { type: "string" }
};

export {
  RUN_OPTIONS
};
