import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  addUsage,
  asUsage,
  zeroUsage
} from "./chunk-V23NUAJ5.js";
import {
  runState,
  schemaProblems,
  verifyRun
} from "./chunk-EJWB2SWA.js";
import {
  cell,
  formatCost
} from "./chunk-PPLKJTKW.js";
import {
  CASE_ID_PATTERN
} from "./chunk-AUNSJMXT.js";
import {
  readLedgerFile,
  walkLedger
} from "./chunk-YYLLAMEM.js";
import {
  SIDECAR_EXT,
  parseSidecar
} from "./chunk-5JSGXJPI.js";
import {
  sha256,
  toPosix
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";
import {
  printable
} from "./chunk-AMQZFXVW.js";

// src/compare/render.ts
function seconds(ms) {
  if (ms === null) return "\u2014";
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
function cellText(c) {
  if (!c) return "\u2014";
  if (c.status === "SKIPPED") return "SKIPPED";
  const parts = [`${c.status} ${c.passed}/${c.attempts}`, seconds(c.median_ms)];
  if (c.tokens) parts.push(`${c.tokens.total} tok`, `$${formatCost(c.tokens.cost)}`);
  return parts.join(" \xB7 ");
}
function heading(k, col) {
  return `#${k + 1} ${col.run_id}`;
}
function legend(col, k) {
  const tokens = col.tokens ? `, ${col.tokens.total} tokens, $${formatCost(col.tokens.cost)}` : "";
  return `${heading(k, col)}${k === 0 ? " (baseline)" : ""}: model ${col.model}, OpenCode ${col.opencode_version}, commit ${col.repo_commit.slice(0, 12)}, ${col.final_verdict}${tokens} \u2014 ${col.dir}`;
}
function flipsText(cmp, i) {
  const flips = cmp.rows[i].flips;
  return flips.length ? flips.map((f) => `${heading(f.run, cmp.columns[f.run])}: ${f.change}`).join("; ") : "";
}
function verdictLine(cmp) {
  return cmp.worse.length ? `worse than the baseline: ${cmp.worse.join(", ")} (exit 1)` : `no case got worse against the baseline (${cmp.columns[0].run_id})`;
}
function renderText(cmp) {
  const rows = [
    ["case", ...cmp.columns.map((c, k) => heading(k, c)), "flips"],
    ...cmp.rows.map((r, i) => [r.case_id, ...r.cells.map(cellText), flipsText(cmp, i)])
  ].map((r) => r.map(printable));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((x, i) => x.padEnd(widths[i])).join("  ").trimEnd();
  const out = [...cmp.columns.map((c, k) => printable(legend(c, k))), "", line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line), ""];
  if (cmp.not_in_every_run.length) out.push(printable(`not in every run: ${cmp.not_in_every_run.join(", ")}`));
  out.push(printable(verdictLine(cmp)));
  return out.join("\n") + "\n";
}
function renderMarkdown(cmp) {
  const head = `| case | ${cmp.columns.map((c, k) => `${cell(heading(k, c))}<br>${cell(c.model)}<br>OpenCode ${cell(c.opencode_version)}`).join(" | ")} | flips |`;
  const rule = `| --- | ${cmp.columns.map(() => "---").join(" | ")} | --- |`;
  const rows = cmp.rows.map((r, i) => `| ${[r.case_id, ...r.cells.map(cellText), flipsText(cmp, i) || "\u2014"].map(cell).join(" | ")} |`);
  const lines = [
    `## opencode-dogfood compare: ${cmp.worse.length ? "\u274C worse than the baseline" : "\u2705 no case got worse"}`,
    "",
    ...cmp.columns.map((c, k) => `- ${cell(legend(c, k))}`),
    "",
    head,
    rule,
    ...rows,
    "",
    ...cmp.not_in_every_run.length ? [`Not in every run: ${cmp.not_in_every_run.join(", ")}`, ""] : [],
    verdictLine(cmp)
  ];
  return lines.join("\n") + "\n";
}
function renderJson(cmp) {
  return JSON.stringify({ schema_id: "opencode_dogfood_compare", schema_version: "1.0", ...cmp }, null, 2) + "\n";
}

// src/compare/table.ts
function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}
function cellOf(c) {
  return {
    status: c.status,
    passed: c.passed,
    attempts: c.attempts,
    pass_rate: c.attempts ? c.passed / c.attempts : null,
    median_ms: median(c.durations_ms),
    tokens: c.tokens ?? null
  };
}
function flipOf(base, now, run) {
  const worse = (base.pass_rate ?? 0) > (now.pass_rate ?? 0) || base.status === "PASS" && now.status !== "PASS";
  if (base.status === now.status) return { worse };
  return { flip: { run, change: `${base.status}\u2192${now.status}`, worse }, worse };
}
function compareRuns(runs, allowDifferentCases = false) {
  if (runs.length < 2) throw new InputError("compare", `give two run folders or more (the first is the baseline); got ${runs.length}`);
  const key = (r) => r.cases.map((c) => c.case_id).sort().join(",");
  const base = runs[0];
  for (const r of runs.slice(1)) {
    if (key(r) === key(base) || allowDifferentCases) continue;
    const a = new Set(base.cases.map((c) => c.case_id));
    const b = new Set(r.cases.map((c) => c.case_id));
    const only = (x, y) => [...x].filter((id) => !y.has(id));
    const diff = [...only(a, b).map((id) => `-${id}`), ...only(b, a).map((id) => `+${id}`)];
    throw new InputError(
      "compare",
      `refused: ${r.dir} (${r.run_id}) is not of the case set of ${base.dir} (${base.run_id}): ${diff.slice(0, 8).join(" ")}${diff.length > 8 ? ` and ${diff.length - 8} more` : ""} (--allow-different-cases compares them anyway)`
    );
  }
  const ids = [];
  for (const r of runs) for (const c of r.cases) if (!ids.includes(c.case_id)) ids.push(c.case_id);
  const rows = ids.map((id) => {
    const cells = runs.map((r) => {
      const c = r.cases.find((x) => x.case_id === id);
      return c ? cellOf(c) : null;
    });
    const flips = [];
    let worse = false;
    const b = cells[0];
    cells.forEach((cell2, k) => {
      if (k === 0 || !b) return;
      const now = cell2 ?? { status: "SKIPPED", passed: 0, attempts: 0, pass_rate: null, median_ms: null, tokens: null };
      const f = flipOf(b, now, k);
      if (f.flip) flips.push(cell2 ? f.flip : { ...f.flip, change: `${b.status}\u2192absent` });
      worse ||= f.worse;
    });
    return { case_id: id, cells, flips, worse };
  });
  const columns = runs.map(
    (r) => ({
      dir: r.dir,
      run_id: r.run_id,
      model: r.model,
      opencode_version: r.opencode_version,
      repo_commit: r.repo_commit,
      final_verdict: r.final_verdict,
      tokens: r.tokens ?? (r.cases.some((c) => c.tokens) ? r.cases.reduce((t, c) => c.tokens ? addUsage(t, c.tokens) : t, zeroUsage()) : null)
    })
  );
  return {
    columns,
    rows,
    not_in_every_run: rows.filter((r) => r.cells.some((c) => c === null)).map((r) => r.case_id),
    worse: rows.filter((r) => r.worse).map((r) => r.case_id)
  };
}

// src/compare/load.ts
import path from "node:path";
var RUN_LIMITS = { summaryBytes: 64 * 1024 ** 2, attemptsBytes: 4 * 1024 ** 2 };
function idIn(walk, file) {
  return walk.ids.get(toPosix(path.relative(walk.dir, file)));
}
function checkShape(dir, arg) {
  const walk = walkLedger(dir);
  if (walk.problems.length > 0) throw new InputError("compare", `${arg}: refused: ${walk.problems[0]}`);
  return walk;
}
function readJson(walk, file, max, arg) {
  try {
    const bytes = readLedgerFile(file, max, idIn(walk, file));
    if (bytes.length >= max) throw new Error(`larger than ${max} bytes`);
    return { data: JSON.parse(bytes.toString("utf8")), bytes };
  } catch (e) {
    throw new InputError("compare", `${arg}: refused: ${path.basename(file)} cannot be read as JSON (${e.message.split("\n")[0]})`);
  }
}
function attemptDurations(walk, c, arg) {
  const file = path.join(walk.dir, "evidence", c.case_id, "attempts.json");
  const { data } = readJson(walk, file, RUN_LIMITS.attemptsBytes, arg);
  const ok = Array.isArray(data) && data.every(
    (a) => a && typeof a === "object" && Number.isInteger(a.duration_ms) && a.duration_ms >= 0
  );
  if (!ok || data.length !== c.attempts?.total)
    throw new InputError("compare", `${arg}: refused: evidence/${c.case_id}/attempts.json does not list the ${c.attempts?.total} attempts the summary counts`);
  return data.map((a) => a.duration_ms);
}
function caseFigures(walk, c, arg) {
  const tokens = c.tokens ? asUsage(c.tokens) : void 0;
  if (c.status === "SKIPPED") return { case_id: c.case_id, status: c.status, passed: 0, attempts: 0, durations_ms: [], ...tokens ? { tokens } : {} };
  const durations = c.attempts ? attemptDurations(walk, c, arg) : [c.duration_ms];
  const passed = c.attempts ? c.attempts.passed : c.status === "PASS" ? 1 : 0;
  return { case_id: c.case_id, status: c.status, passed, attempts: durations.length, durations_ms: durations, ...tokens ? { tokens } : {} };
}
function loadRunFigures(arg) {
  const runDir = path.resolve(arg);
  const state = runState(runDir);
  if (state === "not-a-run") throw new InputError("compare", `${arg}: not a run folder (a RUN_XXXX folder of the ledger)`);
  if (state === "incomplete") throw new InputError("compare", `${arg}: refused: no run_summary.json (the run never sealed its ledger)`);
  const walk = { dir: runDir, ...checkShape(runDir, arg) };
  const problems = verifyRun(runDir);
  if (problems.length > 0) throw new InputError("compare", `${arg}: refused: the ledger does not verify (${problems.length} problem(s); first: ${problems[0]})`);
  const summaryFile = path.join(runDir, "run_summary.json");
  const { data, bytes } = readJson(walk, summaryFile, RUN_LIMITS.summaryBytes, arg);
  const side = parseSidecar(readLedgerFile(summaryFile + SIDECAR_EXT, 4096, idIn(walk, summaryFile + SIDECAR_EXT)).toString("utf8"));
  if (!side || side.hash !== sha256(bytes)) throw new InputError("compare", `${arg}: refused: run_summary.json changed while it was being read`);
  const schema = schemaProblems("opencode_dogfood_run_summary", data);
  if (schema.length > 0) throw new InputError("compare", `${arg}: refused: run_summary.json: ${schema[0]}`);
  const s = data;
  if (!s.cases.every((c) => CASE_ID_PATTERN.test(c.case_id)))
    throw new InputError("compare", `${arg}: refused: a case id of run_summary.json is not of the contract's pattern`);
  const ids = s.cases.map((c) => c.case_id);
  if (new Set(ids).size !== ids.length) throw new InputError("compare", `${arg}: refused: run_summary.json lists a case twice`);
  const tokens = s.tokens ? asUsage(s.tokens) : void 0;
  return {
    dir: arg,
    run_id: s.run_id,
    repo_commit: s.repo_commit,
    model: s.model ?? "unknown",
    opencode_version: s.opencode_version ?? "unknown",
    final_verdict: s.final_verdict,
    ...tokens ? { tokens } : {},
    cases: s.cases.map((c) => caseFigures(walk, c, arg))
  };
}

export {
  cellText,
  heading,
  legend,
  flipsText,
  verdictLine,
  renderText,
  renderMarkdown,
  renderJson,
  compareRuns,
  loadRunFigures
};
