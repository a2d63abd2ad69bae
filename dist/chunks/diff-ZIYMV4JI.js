import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  structuredPatch
} from "./chunk-PO7KAT3C.js";
import {
  AGENT_CALLS_SUBDIR,
  LEDGER_SUBDIR
} from "./chunk-NMVRJYBN.js";
import {
  CASE_ID_PATTERN
} from "./chunk-AUNSJMXT.js";
import {
  LedgerShapeError,
  readLedgerFile,
  sha256LedgerFile,
  walkLedger
} from "./chunk-YYLLAMEM.js";
import {
  SIDECAR_EXT
} from "./chunk-5JSGXJPI.js";
import {
  compareC,
  toPosix
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";
import {
  printable
} from "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";

// src/ledger/diff.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

// src/ledger/normalize.ts
import os from "node:os";
var NO_PROCESS_LINE = "no process started during the case was left running";
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function tempBases() {
  const bases = /* @__PURE__ */ new Set(["/tmp", "/var/tmp", "/private/tmp", os.tmpdir()]);
  if (process.env.RUNNER_TEMP) bases.add(process.env.RUNNER_TEMP);
  return [...bases].filter((b) => b.length > 1).sort((a, b) => b.length - a.length);
}
var SETTING_WORDS = /(budget|timeout|limit|bound|max|maximum|at most|up to)\s*$/i;
function normalizeText(text, ctx) {
  let t = text;
  for (const r of [...ctx.roots].sort((a, b) => b.path.length - a.path.length)) if (r.path.length > 1) t = t.split(r.path).join(r.placeholder);
  for (const base of tempBases()) {
    t = t.replace(new RegExp(`${escapeRe(base)}/([^/\\s"'():,]+)`, "g"), (_m, name) => `<tmp>/${name.replace(/-[A-Za-z0-9]{6}$/, "-*")}`);
  }
  t = t.replace(/\/(?:private\/)?var\/folders\/[^/\s]+\/[^/\s]+\/T\/([^/\s"'():,]+)/g, (_m, name) => `<tmp>/${name.replace(/-[A-Za-z0-9]{6}$/, "-*")}`);
  t = t.replace(/\bRUN_[0-9]{4}\b/g, "RUN_####");
  t = t.replace(/(\.opencode-dogfood-canary-RUN_####)-[0-9a-f]{8}\b/g, "$1-<id>");
  t = t.replace(/<tmp>\/opencode-dogfood-RUN_####-\*\/slot-\d+\/wt\b/g, "<worktree>");
  t = t.replace(/(<tmp>\/opencode-dogfood-RUN_####-\*)\/slot-\d+(?:<tmp>|\/tmp)/g, "$1");
  t = t.replace(/\.git\/worktrees\/[^/\s"']+/g, ".git/worktrees/<name>");
  if (/^[0-9a-f]{40}$/.test(ctx.commit))
    t = t.replace(new RegExp(`\\b${ctx.commit.slice(0, 7)}[0-9a-f]{0,33}\\b`, "g"), (m) => ctx.commit.startsWith(m) ? "<commit>" : m);
  t = t.replace(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g, "<date>");
  t = t.replace(/\b1[5-9]\d{11}\b/g, "<time>");
  t = t.replace(/\b([a-z]{2,8})_[0-9A-Za-z]{20,}\b/g, "$1_<id>");
  t = t.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>");
  t = t.replace(/\b(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]):\d{2,5}\b/g, "$1:<port>");
  t = t.replace(/(--port[ =])\d{2,5}\b/g, "$1<port>");
  t = t.replace(/\bpid([ :=]\s*)\d+\b/gi, "pid$1<pid>");
  t = t.replace(/(^|\s)\+\d+(?:\.\d+)?s:/gm, "$1+<t>s:");
  t = t.replace(
    /\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds|milliseconds)\b(?!\s*budget)/g,
    (m, offset, whole) => SETTING_WORDS.test(whole.slice(Math.max(0, offset - 20), offset)) ? m : "<t>"
  );
  t = t.replace(/\b(duration_ms|durationMs|duration|elapsed_ms|elapsedMs|elapsed)(["']?\s*[:=]?\s*)\d+(?:\.\d+)?\b/g, "$1$2<t>");
  t = t.replace(/"(bytes_out|bytes_in)":\d+/g, '"$1":"<bytes>"');
  return t;
}
var TIME_KEY = /^(duration|elapsed|created|completed|updated|started|ended|timestamp)|(_ms|Ms|_at|At)$/;
var SETTING_KEY = /budget|timeout|limit/i;
var VOLATILE_KEYS = /* @__PURE__ */ new Set(["key_fingerprint", "server_config_sha256", "port", "pid", "result_sha256"]);
var TOKEN_KEYS = /* @__PURE__ */ new Set(["tokens", "cost", "cost_usd", "total"]);
function measured(v, key = "") {
  if (typeof v === "number") return SETTING_KEY.test(key) ? v : "<tokens>";
  if (Array.isArray(v)) return v.map((x) => measured(x, key));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, measured(x, k)]));
  return v;
}
var GIT_OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function isSnapshotId(key, value, holder) {
  return typeof value === "string" && GIT_OID.test(value) && (key === "snapshot" || key === "hash" && holder.type === "patch");
}
function normalizeJson(value, ctx, key = "", parentKey = "") {
  if (typeof value === "string") return normalizeText(value, ctx);
  if (typeof value === "number") {
    if (VOLATILE_KEYS.has(key)) return "<volatile>";
    if (!SETTING_KEY.test(key) && (TIME_KEY.test(key) || parentKey === "time")) return "<t>";
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => normalizeJson(v, ctx, key, parentKey));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "diffs" && key === "summary") out[k] = "<volatile>";
      else if (TOKEN_KEYS.has(k)) out[k] = measured(v);
      else if (isSnapshotId(k, v, value)) out[k] = "<snapshot>";
      else out[k] = VOLATILE_KEYS.has(k) && (typeof v === "string" || typeof v === "number") ? "<volatile>" : normalizeJson(v, ctx, k, key);
    }
    return out;
  }
  return value;
}
function normalizeProcesses(text, ctx) {
  const kept = text.split("\n").filter((l) => l.trim() !== "" && l.trim() !== NO_PROCESS_LINE).filter((l) => !/\bgit\b.*--git-dir[ =]\S*\/opencode\/snapshot\//.test(l) && !/\bopencode(?:\.exe)?"?\s+serve\b/.test(l)).filter((l) => !/\bgit -c core\.autocrlf=false -c core\.longpaths=true -c core\.symlinks=true\b/.test(l)).filter((l) => !/\t""$/.test(l)).map((l) => l.replace(/^\d+\t/, "<pid>	"));
  return kept.length === 0 ? NO_PROCESS_LINE + "\n" : normalizeText(kept.join("\n") + "\n", ctx);
}
var HARNESS_OUTPUT = [`${LEDGER_SUBDIR}/`, `${AGENT_CALLS_SUBDIR}/`];
function isHarnessOutputStatus(line) {
  const m = /^\?\? (.+\/)$/.exec(line);
  return !!m && HARNESS_OUTPUT.some((h) => h.startsWith(m[1]));
}
function isText(data) {
  if (data.includes(0)) return false;
  return !!Buffer.from(data.toString("utf8"), "utf8").equals(data);
}
function withoutOtherCheckouts(value) {
  if (Array.isArray(value)) {
    const kept = value.filter((v) => !(typeof v === "string" && (v.endsWith("(another checkout of the repository)") || v.endsWith("the harness's, not the agent's)")))).map(withoutOtherCheckouts);
    return kept.every((v) => typeof v === "string") ? [...kept].sort() : kept;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutOtherCheckouts(v)]));
  return value;
}
function normalizeEvidence(fileName, data, ctx) {
  if (!isText(data)) return void 0;
  const text = data.toString("utf8");
  if (fileName === "processes.txt") return normalizeProcesses(text, ctx);
  if (fileName === "git_status.txt")
    return normalizeText(
      text.split("\n").filter((l) => !isHarnessOutputStatus(l)).join("\n"),
      ctx
    );
  if (fileName === "stdout.txt")
    return normalizeText(
      text.replace(/^.*\bended \d+ process\(es\) the case left running: .*\n?/gm, "").replace(/\bbounds: \d+ samples in [0-9.]+ ms, cgroup [0-9.]+ ms/g, "bounds: <samples> samples in <ms> ms, cgroup <ms> ms"),
      ctx
    );
  if (fileName.endsWith(".json")) {
    try {
      const json = normalizeJson(JSON.parse(text), ctx);
      const shaped = fileName === "policy.json" ? withoutOtherCheckouts(json) : fileName === "tokens.json" ? measured(json) : json;
      return JSON.stringify(shaped, null, 2) + "\n";
    } catch {
    }
  }
  return normalizeText(text, ctx);
}

// src/ledger/diff.ts
var NotARunError = class extends InputError {
  name = "NotARunError";
};
var MAX_LINES = 6;
function readJsonFile(dirArg, file, id) {
  try {
    return JSON.parse(readLedgerFile(file, void 0, id).toString("utf8"));
  } catch (e) {
    throw new NotARunError(dirArg, `${toPosix(path.relative(path.resolve(dirArg), file))} is not valid JSON (${e.message.split("\n")[0]})`);
  }
}
function caseIdOf(dirArg, where, v) {
  if (typeof v === "string" && CASE_ID_PATTERN.test(v)) return v;
  throw new NotARunError(dirArg, `${where}: ${JSON.stringify(v)?.slice(0, 80)} is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`);
}
function learnRoots(runDir, caseIds, walk) {
  const roots = /* @__PURE__ */ new Map();
  for (const id of caseIds) {
    const rel = `evidence/${id}/worktree_check.txt`;
    if (!walk.ids.has(rel)) continue;
    const fields = Object.fromEntries(
      readLedgerFile(path.join(runDir, rel), 1 << 20, walk.ids.get(rel)).toString("utf8").split("\n").map((l) => /^([a-z_]+): (.*)$/.exec(l)).filter((m) => !!m).map((m) => [m[1], m[2]])
    );
    const common = fields.common_dir;
    const main = common && path.basename(common) === ".git" ? path.dirname(common) : void 0;
    if (main && path.isAbsolute(main)) roots.set(main, "<repo>");
    const top = fields.toplevel;
    if (top && path.isAbsolute(top) && !roots.has(top)) roots.set(top, "<worktree>");
  }
  return [...roots].map(([p, placeholder]) => ({ path: p, placeholder }));
}
function loadRun(dirArg) {
  const dir = path.resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new NotARunError(dirArg, "no such folder; give a RUN_XXXX folder of a ledger (e.g. artifacts/ledger/opencode_dogfood/RUN_0001)");
  const walk = walkLedger(dir);
  if (walk.problems.length > 0) throw new NotARunError(dirArg, `refused: ${walk.problems[0]}`);
  const read = (rel) => readJsonFile(dirArg, path.join(dir, rel), walk.ids.get(rel));
  const summary = walk.ids.has("run_summary.json") ? read("run_summary.json") : void 0;
  const results = /* @__PURE__ */ new Map();
  for (const rel of walk.files.filter((f) => /^cases\/[^/]+\.result\.json$/.test(f)).sort(compareC)) {
    const r = read(rel);
    results.set(caseIdOf(dirArg, rel, r && typeof r === "object" ? r.case_id : r), r);
  }
  if (!summary && results.size === 0)
    throw new NotARunError(dirArg, "not a run folder (no run_summary.json and no cases/*.result.json); give a RUN_XXXX folder of a ledger");
  if (summary && (typeof summary !== "object" || !Array.isArray(summary.cases))) throw new NotARunError(dirArg, "run_summary.json has no cases list");
  const listed = (summary?.cases ?? []).map((c, i) => caseIdOf(dirArg, `run_summary.json cases[${i}]`, c && typeof c === "object" ? c.case_id : c));
  const caseIds = [.../* @__PURE__ */ new Set([...listed, ...results.keys()])];
  const first = results.values().next().value;
  const runId = summary?.run_id ?? first?.run_id ?? path.basename(dir);
  const commit = summary?.repo_commit ?? first?.repo_commit ?? "";
  return {
    side: { dir, run_id: runId, repo_commit: commit || null, final_verdict: summary?.final_verdict ?? null },
    summary,
    results,
    caseIds,
    ctx: { runId, commit, roots: learnRoots(dir, caseIds, walk) },
    walk
  };
}
function evidenceFiles(run, caseId) {
  const prefix = `evidence/${caseId}/`;
  const out = /* @__PURE__ */ new Map();
  for (const f of run.walk.files) if (f.startsWith(prefix) && !f.endsWith(SIDECAR_EXT) && !f.endsWith(".tmp")) out.set(f.slice(prefix.length), f);
  return out;
}
function changedLines(a, b) {
  const patch = structuredPatch("A", "B", a, b, void 0, void 0, { context: 0 });
  const out = { a: [], b: [] };
  for (const h of patch.hunks)
    for (const l of h.lines) {
      if (l.startsWith("-") && out.a.length < MAX_LINES) out.a.push(l.slice(1));
      else if (l.startsWith("+") && out.b.length < MAX_LINES) out.b.push(l.slice(1));
    }
  return out;
}
var DIFF_READ_MAX = 64 * 1024 ** 2;
function evidenceBytes(file, id) {
  try {
    return readLedgerFile(file, DIFF_READ_MAX, id);
  } catch (e) {
    if (e instanceof LedgerShapeError && /larger than/.test(e.message)) return void 0;
    throw e;
  }
}
function compareEvidence(a, b, caseId) {
  const fa = evidenceFiles(a, caseId);
  const fb = evidenceFiles(b, caseId);
  const names = [.../* @__PURE__ */ new Set([...fa.keys(), ...fb.keys()])].sort(compareC);
  const changes = [];
  for (const name of names) {
    const pa = fa.get(name);
    const pb = fb.get(name);
    if (!pa || !pb) {
      changes.push({ file: name, change: pa ? "only in A" : "only in B" });
      continue;
    }
    const [fileA, idA] = [path.join(a.side.dir, pa), a.walk.ids.get(pa)];
    const [fileB, idB] = [path.join(b.side.dir, pb), b.walk.ids.get(pb)];
    const da = evidenceBytes(fileA, idA);
    const db = evidenceBytes(fileB, idB);
    if (da === void 0 || db === void 0) {
      if (sha256LedgerFile(fileA, idA) !== sha256LedgerFile(fileB, idB)) changes.push({ file: name, change: "differs" });
      continue;
    }
    const leaf = path.posix.basename(name);
    const na = normalizeEvidence(leaf, da, a.ctx);
    const nb = normalizeEvidence(leaf, db, b.ctx);
    if (na === void 0 || nb === void 0) {
      if (!da.equals(db)) changes.push({ file: name, change: "differs" });
    } else if (na !== nb) changes.push({ file: name, change: "differs", lines: changedLines(na, nb) });
  }
  return changes;
}
var CASE_FIELDS = ["status", "failure_code", "actual_outcome", "expected_outcome", "reason", "stage", "model_id", "transport"];
var SUMMARY_FIELDS = CASE_FIELDS.slice(0, 6);
function caseView(run, id) {
  const fromSummary = run.summary?.cases.find((c) => c.case_id === id);
  return { ...fromSummary ?? {}, ...run.results.get(id) ?? {} };
}
function fieldValue(v, ctx) {
  if (v === void 0 || v === null) return null;
  if (typeof v === "number") return v;
  return normalizeText(String(v), ctx);
}
function compareFields(names, va, vb, a, b) {
  const out = [];
  for (const f of names) {
    const x = fieldValue(va[f], a.ctx);
    const y = fieldValue(vb[f], b.ctx);
    if (x !== y) out.push({ field: f, a: x, b: y });
  }
  return out;
}
function diffRuns(dirA, dirB) {
  const a = loadRun(dirA);
  const b = loadRun(dirB);
  const run = [];
  if (a.side.repo_commit !== b.side.repo_commit) run.push({ field: "repo_commit", a: a.side.repo_commit, b: b.side.repo_commit });
  if (a.summary || b.summary) {
    const sa = a.summary ?? {};
    const sb = b.summary ?? {};
    run.push(...compareFields(["final_verdict", "total_cases", "passed", "failed", "skipped", "stop_reason", "containment"], sa, sb, a, b));
  }
  const order = [...a.caseIds, ...b.caseIds.filter((id) => !a.caseIds.includes(id))];
  const cases = [];
  const unchanged = [];
  for (const id of order) {
    const inA = a.caseIds.includes(id);
    const inB = b.caseIds.includes(id);
    if (!inA || !inB) {
      cases.push({ case_id: id, only_in: inA ? "A" : "B", fields: [], evidence: [] });
      continue;
    }
    const executed = a.results.has(id) && b.results.has(id);
    const fields = compareFields(executed ? CASE_FIELDS : SUMMARY_FIELDS, caseView(a, id), caseView(b, id), a, b);
    const evidence = executed ? compareEvidence(a, b, id) : [];
    if (fields.length > 0 || evidence.length > 0) cases.push({ case_id: id, fields, evidence });
    else unchanged.push(id);
  }
  return { a: a.side, b: b.side, same: run.length === 0 && cases.length === 0, run, cases, unchanged };
}
function show(v) {
  if (v === null) return "\u2013";
  return printable(typeof v === "number" ? String(v) : JSON.stringify(v).length > v.length + 2 || /\s/.test(v) ? JSON.stringify(v) : v);
}
function renderDiff(d) {
  const p = printable;
  const side = (label, s) => `${label}: ${p(s.run_id)}${s.final_verdict ? ` ${p(s.final_verdict)}` : " (no run summary)"}${s.repo_commit ? ` at ${p(s.repo_commit.slice(0, 12))}` : ""} \u2014 ${p(s.dir)}
`;
  let out = side("A", d.a) + side("B", d.b);
  for (const f of d.run) out += `run: ${f.field}: ${show(f.a)} \u2192 ${show(f.b)}
`;
  for (const c of d.cases) {
    if (c.only_in) {
      out += `${p(c.case_id)}: only in ${c.only_in}
`;
      continue;
    }
    for (const f of c.fields) out += `${p(c.case_id)}: ${f.field}: ${show(f.a)} \u2192 ${show(f.b)}
`;
    for (const e of c.evidence) {
      out += `${p(c.case_id)}: evidence ${p(e.file)} ${e.change}
`;
      for (const l of e.lines?.a ?? []) out += `    - ${p(l)}
`;
      for (const l of e.lines?.b ?? []) out += `    + ${p(l)}
`;
    }
  }
  const compared = d.cases.filter((c) => !c.only_in).length + d.unchanged.length;
  if (d.same) out += `no difference (${compared} case(s) compared; times, ids, ports, temp paths and pids set aside)
`;
  else {
    const n = d.run.length + d.cases.reduce((s, c) => s + (c.only_in ? 1 : c.fields.length + c.evidence.length), 0);
    out += `${n} difference(s); ${d.cases.length} case(s) differ, ${d.unchanged.length} the same
`;
  }
  return out;
}
function diffCommand(argv, write = (s) => process.stdout.write(s)) {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" } }, strict: true, allowPositionals: true });
  if (positionals.length !== 2)
    throw new InputError(
      "diff",
      `give two run folders, RUN_A RUN_B (got ${positionals.length}), e.g. artifacts/ledger/opencode_dogfood/RUN_0001 artifacts/ledger/opencode_dogfood/RUN_0002`
    );
  const d = diffRuns(positionals[0], positionals[1]);
  write(values.json ? JSON.stringify(d, null, 2) + "\n" : renderDiff(d));
  return d.same ? 0 : 1;
}
export {
  NotARunError,
  diffCommand,
  diffRuns,
  renderDiff
};
