import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-AMQZFXVW.js";

// src/report/tokens.ts
function formatCost(x) {
  if (!Number.isFinite(x) || x <= 0) return "0";
  if (x < 0.01)
    return x.toPrecision(4).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return x.toFixed(4);
}
function usageText(u) {
  if (!u) return "\u2014";
  return `${u.total} tok \xB7 $${formatCost(u.cost)}`;
}
function usageDetail(u) {
  return `in ${u.input} \xB7 out ${u.output} \xB7 reasoning ${u.reasoning} \xB7 cache read ${u.cache_read} \xB7 cache write ${u.cache_write} \xB7 total ${u.total} \xB7 $${formatCost(u.cost)}`;
}

// src/report/markdown.ts
var MAX_REASON_CHARS = 300;
var STATUS_ICON = { PASS: "\u2705", FAIL: "\u274C", SKIPPED: "\u23ED\uFE0F" };
var MD_PUNCT = /[\\`*~[\]|]/g;
function cell(text) {
  return printable(text.replace(/\r?\n|\r/g, " ")).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(MD_PUNCT, (c) => `\\${c}`).trim();
}
function clip(text, max = MAX_REASON_CHARS) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function code(text) {
  const clean = printable(text.replace(/\r?\n|\r/g, " "));
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(clean) ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
function duration(ms, status) {
  if (status === "SKIPPED") return "\u2014";
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
var TABLE_HEAD = [
  "| case | stage | expected | actual | status | failure code | duration | tokens \xB7 cost |",
  "| --- | --- | --- | --- | --- | --- | ---: | ---: |"
];
function tableRow(c) {
  const cells = [
    c.case_id,
    c.stage,
    c.expected_outcome,
    c.actual_outcome ?? "\u2014",
    `${STATUS_ICON[c.status]} ${c.status}${c.attempts ? ` (${c.attempts.passed}/${c.attempts.total} attempts)` : ""}`,
    c.failure_code ?? "\u2014",
    duration(c.duration_ms, c.status),
    usageText(c.tokens)
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}
function reasonLine(c) {
  const what = c.status === "SKIPPED" ? "skipped" : c.failure_code ? code(c.failure_code) : "failed";
  const paths = c.offending_paths?.length ? ` \u2014 paths: ${c.offending_paths.slice(0, 10).map((p) => code(p)).join(", ")}${c.offending_paths.length > 10 ? ` and ${c.offending_paths.length - 10} more` : ""}` : "";
  return `- **${cell(c.case_id)}** ${what}: ${cell(clip(c.reason ?? "no reason recorded"))}${paths}`;
}
function egressAttempts(denied) {
  return denied.reduce((n, d) => n + Number(/^unrouted [^×]* ×([0-9]+) \(/.exec(d)?.[1] ?? 1), 0);
}
function egressLine(c) {
  const d = c.egress_denied ?? [];
  return `- **${cell(c.case_id)}** ${egressAttempts(d)}${d.length >= 20 ? "+" : ""} refused: ${d.slice(0, 5).map((x) => code(clip(x, 120))).join(", ")}${d.length > 5 ? " \u2026" : ""}`;
}
function notPassed(s) {
  return s.cases.filter((c) => c.status !== "PASS");
}
function countsLine(s) {
  return `${s.total_cases} case${s.total_cases === 1 ? "" : "s"}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}
var bytes = (t) => Buffer.byteLength(t, "utf8");
var chars = (t) => [...t].length;
function pack(opts) {
  const join = (lines) => lines.join("\n") + "\n";
  const totalItems = opts.sections.reduce((n, s) => n + s.items.length, 0);
  const fixed = [...opts.before, ...opts.sections.flatMap((s) => s.items.length ? s.head : []), ...opts.after];
  const whole = join([...opts.before, ...opts.sections.flatMap((s) => s.items.length ? [...s.head, ...s.items] : []), ...opts.after]);
  if (opts.measure(whole) <= opts.limit) return whole;
  let budget = opts.limit - opts.measure(join(fixed)) - opts.measure(opts.overflowNote(totalItems) + "\n\n");
  let kept = 0;
  const out = [...opts.before];
  for (const s of opts.sections) {
    if (!s.items.length) continue;
    out.push(...s.head);
    for (const item of s.items) {
      const size = opts.measure(item + "\n");
      if (size > budget) break;
      budget -= size;
      out.push(item);
      kept++;
    }
  }
  out.push("", opts.overflowNote(totalItems - kept), ...opts.after);
  return cutTo(join(out), opts.limit, opts.measure);
}
function cutTo(text, limit, measure) {
  if (measure(text) <= limit) return text;
  const points = [...text];
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(points.slice(0, mid).join("") + "\u2026\n") <= limit) lo = mid;
    else hi = mid - 1;
  }
  return points.slice(0, lo).join("") + "\u2026\n";
}
function uncontainedLine(s) {
  const label = s.containment;
  if (label === void 0 || !label.startsWith("none")) return void 0;
  const m = /^none \(([^)]*)\): (.*)$/s.exec(label);
  const why = (m ? m[2] : label).replace(/\s+/g, " ").trim();
  return `UNCONTAINED: the agent ran without the OS sandbox (${why})`;
}

export {
  formatCost,
  usageDetail,
  cell,
  clip,
  code,
  TABLE_HEAD,
  tableRow,
  reasonLine,
  egressAttempts,
  egressLine,
  notPassed,
  countsLine,
  bytes,
  chars,
  pack,
  uncontainedLine
};
