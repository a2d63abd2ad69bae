import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/types.ts
var STAGES = ["T1", "T2a", "T2b", "T3", "T4"];
var SAFETY_CODES = ["MODIFICATIONFAIL", "GITCLEANFAIL", "WORKTREE_REQUIRED"];
var UNRESTORED_REASON = "the tree could not be restored";
var CASE_ID_PATTERN = /^T[0-9][A-Z]?[A-Z]?[0-9]{2}$/;

export {
  STAGES,
  SAFETY_CODES,
  UNRESTORED_REASON,
  CASE_ID_PATTERN
};
