import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  formatCost,
  uncontainedLine
} from "./chunk-PPLKJTKW.js";
import {
  printable
} from "./chunk-AMQZFXVW.js";

// src/report/table.ts
function verdictTable(s) {
  const withTokens = !!s.tokens || s.cases.some((c) => c.tokens);
  const tokenCells = (c) => withTokens ? [c.tokens ? String(c.tokens.total) : "-", c.tokens ? formatCost(c.tokens.cost) : "-"] : [];
  const rows = [
    ["case", "stage", "expected", "actual", "status", "code", "ms", ...withTokens ? ["tokens", "cost $"] : []],
    ...s.cases.map((c) => [
      c.case_id,
      c.stage,
      c.expected_outcome,
      c.actual_outcome ?? "-",
      c.attempts ? `${c.status} ${c.attempts.passed}/${c.attempts.total}` : c.status,
      c.failure_code ?? "-",
      String(c.duration_ms),
      ...tokenCells(c)
    ])
  ].map((r) => r.map(printable));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
  const uncontained = uncontainedLine(s);
  const out = [...uncontained ? [uncontained] : [], line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)];
  out.push("", `${s.run_id}: ${s.final_verdict} \u2014 ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped of ${s.total_cases}`);
  if (s.stop_reason) out.push(`stop reason: ${printable(s.stop_reason)}`);
  if (s.containment) out.push(`containment: ${printable(s.containment)}`);
  if (s.tokens)
    out.push(
      `tokens: ${s.tokens.total} (input ${s.tokens.input}, output ${s.tokens.output}, reasoning ${s.tokens.reasoning}, cache read ${s.tokens.cache_read}, cache write ${s.tokens.cache_write}) \xB7 cost $${formatCost(s.tokens.cost)}`
    );
  return out.join("\n") + "\n";
}
function failedRunMessage(s) {
  return printable(`${s.run_id}: verdict FAIL \u2014 ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.stop_reason ? ` (${s.stop_reason})` : ""}`);
}

export {
  verdictTable,
  failedRunMessage
};
