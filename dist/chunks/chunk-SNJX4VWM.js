import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/report/html/names.ts
var REPORT_FILE = "report.html";
function caseAnchor(caseId) {
  return `case-${caseId}`;
}

export {
  REPORT_FILE,
  caseAnchor
};
