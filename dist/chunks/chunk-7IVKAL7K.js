import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REPORT_FILE,
  caseAnchor
} from "./chunk-SNJX4VWM.js";
import {
  STAGES
} from "./chunk-AUNSJMXT.js";
import {
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/report/junit.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";
var NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
function xmlEscape(text, attribute = false) {
  const clean = text.replace(NOT_XML, "\uFFFD").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
  return attribute ? clean.replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;") : clean;
}
var attrs = (a) => Object.entries(a).filter(([, v]) => v !== void 0).map(([k, v]) => ` ${k}="${xmlEscape(String(v), true)}"`).join("");
var seconds = (ms) => (ms / 1e3).toFixed(3);
function failureText(c, reportLink) {
  const lines = [
    `${c.case_id} ${c.status}: expected ${c.expected_outcome}, actual ${c.actual_outcome ?? "none"}${c.failure_code ? `, failure code ${c.failure_code}` : ""}`,
    `reason: ${c.reason ?? "none recorded"}`
  ];
  if (c.offending_paths?.length) lines.push("offending paths:", ...c.offending_paths.map((p) => `  ${p}`));
  lines.push(`report: ${reportLink}`);
  return lines.join("\n");
}
function usageProps(prefix, u, costName = "cost_usd") {
  if (!u) return [];
  return [
    ...["input", "output", "reasoning", "cache_read", "cache_write", "total"].map((k) => [`${prefix}.${k}`, String(u[k])]),
    [costName, String(u.cost)]
  ];
}
function testcase(c, runId) {
  const head = `    <testcase${attrs({ name: c.case_id, classname: `opencode-dogfood.${c.stage}`, time: seconds(c.status === "SKIPPED" ? 0 : c.duration_ms) })}`;
  const link = `${runId}/${REPORT_FILE}#${caseAnchor(c.case_id)}`;
  if (c.status === "SKIPPED") return `${head}>
      <skipped>${xmlEscape(c.reason ?? "not run")}</skipped>
    </testcase>`;
  if (c.status === "FAIL")
    return `${head}>
      <failure${attrs({ type: c.failure_code ?? "FAIL", message: c.reason ?? "failed" })}>${xmlEscape(failureText(c, link))}</failure>
    </testcase>`;
  const out = `${c.expected_outcome === "EXPECTED_FAIL" ? `expected failure ${c.failure_code ?? ""} observed: ` : ""}${c.reason ?? ""}`;
  return `${head}>
      <system-out>${xmlEscape(out)}</system-out>
    </testcase>`;
}
function renderJunit(s) {
  const props = [
    ["run_id", s.run_id],
    ["repo_commit", s.repo_commit],
    ["final_verdict", s.final_verdict],
    ["stop_reason", s.stop_reason],
    ["containment", s.containment],
    ["ledger_root", typeof s.ledger_root === "string" ? s.ledger_root : void 0],
    ["report", `${s.run_id}/${REPORT_FILE}`],
    ["model", s.model],
    ["opencode_version", s.opencode_version],
    ...usageProps("tokens", s.tokens)
  ];
  const properties = (cases) => `    <properties>
${[...props, ...cases.flatMap((c) => usageProps(`${c.case_id}.tokens`, c.tokens, `${c.case_id}.cost_usd`))].filter((p) => p[1] !== void 0).map(([name, value]) => `      <property${attrs({ name, value })}/>`).join("\n")}
    </properties>`;
  const stages = STAGES.filter((st) => s.cases.some((c) => c.stage === st));
  const suites = stages.map((stage, i) => {
    const cases = s.cases.filter((c) => c.stage === stage);
    const n = (st) => cases.filter((c) => c.status === st).length;
    const time = cases.reduce((t, c) => t + (c.status === "SKIPPED" ? 0 : c.duration_ms), 0);
    return `  <testsuite${attrs({ name: stage, tests: cases.length, failures: n("FAIL"), errors: 0, skipped: n("SKIPPED"), time: seconds(time), id: i, package: "opencode-dogfood" })}>
${properties(cases)}
${cases.map((c) => testcase(c, s.run_id)).join("\n")}
  </testsuite>`;
  });
  const total = s.cases.reduce((t, c) => t + (c.status === "SKIPPED" ? 0 : c.duration_ms), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites${attrs({ name: `opencode-dogfood ${s.run_id}`, tests: s.total_cases, failures: s.failed, errors: 0, time: seconds(total) })}>
${suites.join("\n")}
</testsuites>
`;
}
function parseJunitPath(value, cwd, input = "--junit") {
  if (value.trim() === "") throw new InputError(input, "is empty; give a file to write the JUnit XML to, e.g. test-results/opencode-dogfood.xml");
  const file = path.resolve(cwd, value);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new InputError(input, `${file} is a directory; give a file name, e.g. ${path.join(file, "opencode-dogfood.xml")}`);
  return file;
}
function writeJunit(file, summary) {
  writeFileAtomic(file, renderJunit(summary));
}

export {
  xmlEscape,
  renderJunit,
  parseJunitPath,
  writeJunit
};
