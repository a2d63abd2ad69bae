import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/report/table.ts
function verdictTable(s) {
  const rows = [["case", "stage", "expected", "actual", "status", "code", "ms"], ...s.cases.map((c) => [c.case_id, c.stage, c.expected_outcome, c.actual_outcome ?? "-", c.attempts ? `${c.status} ${c.attempts.passed}/${c.attempts.total}` : c.status, c.failure_code ?? "-", String(c.duration_ms)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  const out = [line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)];
  out.push("", `${s.run_id}: ${s.final_verdict} \u2014 ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped of ${s.total_cases}`);
  if (s.stop_reason) out.push(`stop reason: ${s.stop_reason}`);
  if (s.containment) out.push(`containment: ${s.containment}`);
  return out.join("\n") + "\n";
}

export {
  verdictTable
};
