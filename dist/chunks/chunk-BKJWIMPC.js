import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  egressAttempts,
  formatCost,
  usageDetail
} from "./chunk-PPLKJTKW.js";
import {
  caseAnchor
} from "./chunk-SNJX4VWM.js";
import {
  CASE_ID_PATTERN
} from "./chunk-AUNSJMXT.js";
import {
  openLedgerFile,
  readLedgerFile,
  walkLedger
} from "./chunk-YYLLAMEM.js";
import {
  SIDECAR_EXT
} from "./chunk-5JSGXJPI.js";
import {
  compareC
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/report/html/ledger.ts
import { closeSync, existsSync, fstatSync, lstatSync, readSync, statSync } from "node:fs";
import path from "node:path";
function readHead(f, max) {
  const fd = openLedgerFile(f.abs, f.id);
  const bytes = fstatSync(fd).size;
  const n = Math.min(bytes, max);
  const buf = Buffer.alloc(n);
  try {
    let off = 0;
    while (off < n) {
      const got = readSync(fd, buf, off, n - off, off);
      if (got === 0) break;
      off += got;
    }
  } finally {
    closeSync(fd);
  }
  const binary = buf.subarray(0, 8e3).includes(0);
  return { text: binary ? "" : buf.toString("utf8"), bytes, cut: n < bytes, binary };
}
function listEvidence(runDir, caseId, walk) {
  const out = /* @__PURE__ */ new Map();
  if (!CASE_ID_PATTERN.test(caseId)) return out;
  const prefix = `evidence/${caseId}/`;
  for (const rel of walk.files) {
    if (!rel.startsWith(prefix) || rel.endsWith(SIDECAR_EXT) || rel.endsWith(".tmp")) continue;
    const abs = path.join(runDir, rel);
    const name = rel.slice(prefix.length);
    out.set(name, { name, rel, abs, bytes: lstatSync(abs).size, id: walk.ids.get(rel) });
  }
  return new Map([...out].sort((a, b) => compareC(a[0], b[0])));
}
function readResult(runDir, c, walk) {
  if (!c || typeof c !== "object") return { resultProblem: `a case entry of the summary is ${JSON.stringify(c)}, not a case` };
  if (c.status === "SKIPPED") return {};
  if (!CASE_ID_PATTERN.test(c.case_id)) return { resultProblem: `case id '${c.case_id}' does not match the case id pattern` };
  const file = path.join(runDir, "cases", `${c.case_id}.result.json`);
  if (!existsSync(file)) return { resultProblem: `cases/${c.case_id}.result.json is missing` };
  try {
    return { result: JSON.parse(readLedgerFile(file, void 0, walk.ids.get(`cases/${c.case_id}.result.json`)).toString("utf8")) };
  } catch (e) {
    return { resultProblem: `cases/${c.case_id}.result.json is not valid JSON (${e.message})` };
  }
}
function loadRun(runDir, summary) {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory())
    throw new InputError("RUN_DIR", `${runDir} is not a directory; give a RUN_XXXX folder of a ledger`);
  let s = summary;
  const walk = walkLedger(runDir);
  if (!s) {
    const file = path.join(runDir, "run_summary.json");
    if (!existsSync(file)) throw new InputError("RUN_DIR", `${runDir} has no run_summary.json; give a RUN_XXXX folder of a ledger`);
    if (walk.problems.length > 0) throw new InputError("RUN_DIR", `${runDir}: refused: ${walk.problems[0]}`);
    try {
      s = JSON.parse(readLedgerFile(file, void 0, walk.ids.get("run_summary.json")).toString("utf8"));
    } catch (e) {
      throw new InputError("RUN_DIR", `${file} is not valid JSON (${e.message.split("\n")[0]})`);
    }
    if (!s || typeof s !== "object" || !Array.isArray(s.cases)) throw new InputError("RUN_DIR", `${file} is not a run summary (no cases list)`);
    const bad = s.cases.findIndex((c) => !c || typeof c !== "object" || typeof c.case_id !== "string");
    if (bad >= 0) throw new InputError("RUN_DIR", `${file}: cases[${bad}] is not a case entry (an object with a case_id)`);
  }
  const cases = s.cases.map((c) => ({ summary: c, ...readResult(runDir, c, walk), evidence: listEvidence(runDir, c.case_id, walk) }));
  return { runDir, summary: s, cases };
}

// src/report/html/page.ts
import { createHash } from "node:crypto";

// src/report/html/escape.ts
var Html = class {
  constructor(value) {
    this.value = value;
  }
  value;
  toString() {
    return this.value;
  }
};
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function piece(v) {
  if (v instanceof Html) return v.value;
  if (v === void 0 || v === null || v === false) return "";
  if (Array.isArray(v)) return v.map(piece).join("");
  return escapeHtml(String(v));
}
function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Html(out);
}
function trusted(markup) {
  return new Html(markup);
}
function runHref(rel) {
  return rel.split("/").map(encodeURIComponent).join("/");
}

// src/report/html/cut.ts
var LIMITS = {
  /** An evidence file shown as text (check output, logs). */
  text: 16e3,
  /** A prompt or an answer. */
  message: 16e3,
  /** One tool call's input or output. */
  tool: 4e3,
  /** A created file's content. */
  item: 8e3,
  /** Lines of one file's diff. */
  diffLines: 1500,
  /** Timeline entries of one agent call. */
  timeline: 200,
  /** A reason in the case table. */
  reason: 300
};
function cutText(text, max) {
  if (text.length <= max) return { text, total: text.length, cut: false };
  let end = max;
  const code2 = text.charCodeAt(end - 1);
  if (code2 >= 55296 && code2 <= 56319) end--;
  return { text: text.slice(0, end), total: text.length, cut: true };
}
function cutNote(c, source) {
  const where = source ? html` — the full ${c.unit === "lines" || c.unit === "entries" ? "list" : "text"} is in <a href="${runHref(source)}">${source}</a>` : "";
  return html`<p class="cut">✂ cut: showing ${c.shown.toLocaleString("en")} of ${c.total.toLocaleString("en")} ${c.unit}${where}</p>`;
}
function pre(text, opts) {
  if (text.length === 0) return html`<p class="empty">${opts.empty ?? "(empty)"}</p>`;
  const c = cutText(text, opts.max);
  return html`<pre class="${opts.cls ?? "text"}">${c.text}</pre>${c.cut ? cutNote({ shown: c.text.length, total: c.total, unit: "characters" }, opts.source) : ""}`;
}

// src/report/html/transcript.ts
function isDenied(status, error) {
  return status === "error" && /permission|denied|rule/i.test(error ?? "");
}
var obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : {};
var str = (v) => typeof v === "string" ? v : void 0;
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
function toolStep(p) {
  const state = obj(p.state);
  const time = obj(state.time);
  const status = String(state.status ?? "unknown");
  const error = str(state.error);
  const start = num(time.start);
  const end = num(time.end);
  return {
    kind: "tool",
    tool: String(p.tool ?? "unknown"),
    status,
    input: state.input,
    output: str(state.output),
    error,
    denied: isDenied(status, error),
    durationMs: start !== void 0 && end !== void 0 ? end - start : void 0
  };
}
function callView(raw) {
  const c = obj(raw);
  const messages = Array.isArray(c.messages) ? c.messages : [];
  const prompts = [];
  const steps = [];
  for (const m of messages) {
    const role = str(obj(obj(m).info).role);
    const parts = Array.isArray(obj(m).parts) ? obj(m).parts : [];
    for (const part of parts) {
      const p = obj(part);
      if (role === "user") {
        if (p.type === "text" && typeof p.text === "string" && !p.synthetic) prompts.push(p.text);
        continue;
      }
      if (p.type === "text" && typeof p.text === "string") steps.push({ kind: "text", text: p.text });
      else if (p.type === "reasoning" && typeof p.text === "string" && p.text.length > 0) steps.push({ kind: "reasoning", text: p.text });
      else if (p.type === "tool") steps.push(toolStep(p));
    }
  }
  if (messages.length === 0 && Array.isArray(c.tools)) {
    for (const t of c.tools) {
      const u = obj(t);
      const status = String(u.status ?? "unknown");
      steps.push({
        kind: "tool",
        tool: String(u.tool ?? "unknown"),
        status,
        input: u.input,
        output: str(u.output),
        error: str(u.error),
        denied: isDenied(status, str(u.error))
      });
    }
  }
  return {
    model: String(c.model ?? "unknown"),
    sessionId: str(c.sessionId),
    prompt: prompts.length > 0 ? prompts.join("\n") : void 0,
    steps,
    answer: str(c.text) ?? "",
    durationMs: num(c.durationMs),
    timedOut: c.timedOut === true,
    sessionStopped: typeof c.sessionStopped === "boolean" ? c.sessionStopped : void 0,
    error: str(c.error),
    httpStatus: num(c.httpStatus)
  };
}
function parseTranscript(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { problem: `not valid JSON (${e.message})` };
  }
  if (!Array.isArray(doc)) return { problem: "not a list of agent calls" };
  return { calls: doc.map(callView) };
}

// src/report/html/agent.ts
var MAX_TRANSCRIPT_BYTES = 256 * 1024 * 1024;
function ms(n) {
  if (n === void 0) return "";
  return n < 1e3 ? `${n} ms` : `${(n / 1e3).toFixed(2)} s`;
}
function inputText(input) {
  if (input === void 0) return "";
  if (typeof input === "string") return input;
  try {
    return JSON.stringify(input, null, 2);
  } catch {
    return String(input);
  }
}
function stepHtml(s, source) {
  if (s.kind !== "tool")
    return html`<li class="step ${s.kind}"><span class="who">${s.kind === "text" ? "said" : "thought"}</span>${pre(s.text, { max: LIMITS.tool, source })}</li>`;
  const cls = s.denied ? "denied" : s.status === "completed" ? "ok" : s.status === "error" ? "err" : "other";
  return html`<li class="step tool ${cls}">
<div class="tool-head"><code class="tool-name">${s.tool}</code> <span class="badge ${cls}">${s.denied ? "DENIED" : s.status}</span>${s.durationMs !== void 0 ? html` <span class="dur">${ms(s.durationMs)}</span>` : ""}</div>
<div class="io"><span class="label">input</span>${pre(inputText(s.input), { max: LIMITS.tool, source, empty: "(no input)" })}</div>
${s.error !== void 0 ? html`<div class="io"><span class="label">${s.denied ? "refused" : "error"}</span>${pre(s.error, { max: LIMITS.tool, source })}</div>` : ""}${s.output !== void 0 ? html`<div class="io"><span class="label">output</span>${pre(s.output, { max: LIMITS.tool, source })}</div>` : ""}
</li>`;
}
function callHtml(c, i, n, source) {
  const shown = c.steps.slice(0, LIMITS.timeline);
  const denied = c.steps.filter((s) => s.kind === "tool" && s.denied).length;
  const facts = [
    `model ${c.model}`,
    c.durationMs !== void 0 ? `took ${ms(c.durationMs)}` : void 0,
    c.timedOut ? `timed out (session ${c.sessionStopped === false ? "kept running" : "stopped"})` : void 0,
    c.httpStatus !== void 0 ? `HTTP ${c.httpStatus}` : void 0,
    `${c.steps.filter((s) => s.kind === "tool").length} tool call(s)${denied ? `, ${denied} denied` : ""}`,
    c.sessionId ? `session ${c.sessionId}` : void 0
  ].filter(Boolean);
  const answer = cutText(c.answer, LIMITS.message);
  return html`<div class="call">
<h4>Agent call${n > 1 ? ` ${i + 1} of ${n}` : ""}</h4>
<p class="facts">${facts.join(" \xB7 ")}</p>
${c.error ? html`<p class="warn">error: ${c.error}</p>` : ""}
<h5>Prompt</h5>
${c.prompt === void 0 ? html`<p class="empty">(no user message in the transcript)</p>` : pre(c.prompt, { max: LIMITS.message, source, cls: "text prompt", empty: "(empty prompt)" })}
<h5>Timeline</h5>
${shown.length === 0 ? html`<p class="empty">(no step recorded)</p>` : html`<ol class="timeline">${shown.map((s) => stepHtml(s, source))}</ol>`}${c.steps.length > shown.length ? cutNote({ shown: shown.length, total: c.steps.length, unit: "entries" }, source) : ""}
<h5>Answer</h5>
${c.answer.length === 0 ? html`<p class="empty">(no answer text)</p>` : html`<pre class="text answer">${answer.text}</pre>${answer.cut ? cutNote({ shown: answer.text.length, total: answer.total, unit: "characters" }, source) : ""}`}
</div>`;
}
function agentSection(transcript) {
  if (!transcript) return html`<p class="empty">No agent call in this case (no transcript.json).</p>`;
  if (transcript.bytes > MAX_TRANSCRIPT_BYTES)
    return html`<p class="cut">✂ transcript.json is ${transcript.bytes.toLocaleString("en")} bytes, too large to show here: see <a href="${runHref(transcript.rel)}">${transcript.rel}</a></p>`;
  const read = readHead(transcript, MAX_TRANSCRIPT_BYTES);
  const parsed = parseTranscript(read.text);
  if ("problem" in parsed) return html`<p class="warn">${transcript.rel}: ${parsed.problem}</p>`;
  if (parsed.calls.length === 0) return html`<p class="empty">The transcript lists no agent call.</p>`;
  return html`${parsed.calls.map((c, i) => callHtml(c, i, parsed.calls.length, transcript.rel))}`;
}

// src/report/html/diff.ts
function headerPath(rest) {
  let first;
  const quoted = /^"(?:[^"\\]|\\.)*"/.exec(rest);
  if (quoted) {
    try {
      first = JSON.parse(quoted[0]);
    } catch {
      first = quoted[0];
    }
  } else first = rest.split(" ")[0];
  return first.startsWith("a/") ? first.slice(2) : first;
}
function splitDiff(text) {
  const out = [];
  let cur;
  let inHunks = false;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    if (line.startsWith("diff --git ")) {
      cur = { path: headerPath(line.slice("diff --git ".length)), header: [], body: [], added: 0, removed: 0 };
      out.push(cur);
      inHunks = false;
      continue;
    }
    if (!cur) continue;
    if (line.startsWith("@@")) inHunks = true;
    if (!inHunks) {
      cur.header.push(line);
      continue;
    }
    cur.body.push(line);
    if (line.startsWith("+")) cur.added++;
    else if (line.startsWith("-")) cur.removed++;
  }
  return out;
}
function lineClass(line) {
  if (line.startsWith("@@")) return "hunk";
  if (line.startsWith("+")) return "add";
  if (line.startsWith("-")) return "del";
  if (line.startsWith("\\")) return "meta";
  return "ctx";
}
function renderFileDiff(d, source) {
  const shown = d.body.slice(0, LIMITS.diffLines);
  const head = d.header.filter((l) => !l.startsWith("--- ") && !l.startsWith("+++ "));
  return html`<div class="file-diff" data-path="${d.path}">
<h5><code>${d.path}</code> <span class="stat"><span class="add">+${d.added}</span> <span class="del">−${d.removed}</span></span></h5>
${head.length > 0 ? html`<pre class="diff-head">${head.join("\n")}</pre>` : ""}${shown.length > 0 ? html`<pre class="diff">${shown.map((l) => html`<span class="${lineClass(l)}">${l}</span>`)}</pre>` : ""}${d.body.length > shown.length ? cutNote({ shown: shown.length, total: d.body.length, unit: "lines" }, source) : ""}
</div>`;
}

// src/report/html/disk.ts
function tsvRows(text) {
  return text.split("\n").filter((l) => l.length > 0).map(
    (l) => l.split("	").map((f) => {
      if (!f.startsWith('"')) return f;
      try {
        return JSON.parse(f);
      } catch {
        return f;
      }
    })
  );
}
function evidenceText(c, name, max = LIMITS.text * 4) {
  const f = c.evidence.get(name);
  if (!f) return void 0;
  const r = readHead(f, max);
  return r.binary ? `(binary file, ${r.bytes} bytes)` : r.text;
}
function table(head, rows, cls = "") {
  return html`<table class="${cls}"><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody></table>`;
}
var code = (t) => html`<code>${t}</code>`;
function guardSection(c) {
  const violations = tsvRows(evidenceText(c, "guard_violations.txt") ?? "");
  const changes = tsvRows(evidenceText(c, "guard_changes.txt") ?? "");
  const escaped = tsvRows(evidenceText(c, "escaped.txt") ?? "");
  const offending = c.summary.offending_paths ?? [];
  const parts = [];
  if (violations.length > 0)
    parts.push(
      html`<h5>Violations</h5>${table(
        ["code", "kind", "area", "path"],
        violations.map((r) => [html`<span class="badge err">${r[0] ?? ""}</span>`, r[1] ?? "", r[2] ?? "", code(r[3] ?? "")]),
        "violations"
      )}`
    );
  else if (offending.length > 0) parts.push(html`<h5>Offending paths</h5><ul>${offending.map((p) => html`<li>${code(p)}</li>`)}</ul>`);
  parts.push(
    changes.length > 0 ? html`<h5>Changes the guard saw</h5>${table(
      ["kind", "area", "path"],
      changes.map((r) => [r[0] ?? "", r[1] ?? "", code(r[2] ?? "")])
    )}` : html`<p class="empty">The guard saw no change in the tree or the repository.</p>`
  );
  if (escaped.length > 0)
    parts.push(
      html`<h5>Created outside the worktree (moved into the evidence)</h5>${table(
        ["evidence", "where it was made"],
        escaped.map((r) => [html`<a href="${runHref(`evidence/${c.summary.case_id}/${r[0]}`)}">${r[0]}</a>`, code(r[1] ?? "")])
      )}`
    );
  return html`${parts}`;
}
function diskSection(c) {
  const id = c.summary.case_id;
  const changes = tsvRows(evidenceText(c, "guard_changes.txt") ?? "").filter((r) => r[1] === "tree");
  const diffFile = c.evidence.get("changes.diff");
  const diffs = diffFile ? splitDiff(readHead(diffFile, 64 * 1024 * 1024).text) : [];
  const items = tsvRows(evidenceText(c, "items.txt") ?? "");
  const deleted = changes.filter((r) => r[0] === "deleted").map((r) => r[2] ?? "");
  const parts = [];
  if (diffs.length > 0)
    parts.push(html`<h5>Modified and deleted files (unified diff against the state before the case)</h5>${diffs.map((d) => renderFileDiff(d, diffFile.rel))}`);
  else if (changes.some((r) => r[0] === "modified" || r[0] === "mode" || r[0] === "type"))
    parts.push(
      html`<p class="warn">Files were modified but this ledger has no changes.diff (written by opencode-dogfood since its HTML report): see guard_changes.txt.</p>`
    );
  if (items.length > 0) {
    parts.push(html`<h5>Created files</h5>`);
    for (const [name, p] of items) {
      const f = c.evidence.get(name);
      const body = f ? readHead(f, LIMITS.item * 4) : void 0;
      parts.push(
        html`<div class="created"><h5><code>${p ?? ""}</code> <span class="note">kept as <a href="${runHref(`evidence/${id}/${name}`)}">${name}</a>${f ? `, ${f.bytes} bytes` : " (not captured)"}</span></h5>${body ? body.binary ? html`<p class="empty">(binary file)</p>` : pre(body.text, { max: LIMITS.item, source: f.rel, cls: "text file" }) : ""}</div>`
      );
    }
  } else {
    const created = changes.filter((r) => r[0] === "created");
    if (created.length > 0) parts.push(html`<h5>Created</h5><ul>${created.map((r) => html`<li>${code(r[2] ?? "")}</li>`)}</ul>`);
  }
  if (deleted.length > 0) parts.push(html`<h5>Deleted files</h5><ul class="deleted">${deleted.map((p) => html`<li>${code(p)}</li>`)}</ul>`);
  if (parts.length === 0) return html`<p class="empty">Nothing in the work tree changed.</p>`;
  return html`${parts}`;
}
function restoreSection(c) {
  const text = evidenceText(c, "restore.txt");
  if (text === void 0) return html`<p class="empty">Nothing to restore (the tree did not change).</p>`;
  const lines = text.split("\n").filter(Boolean);
  const verified = lines.find((l) => l.startsWith("verified:"));
  const records = tsvRows(lines.filter((l) => !l.startsWith("verified:")).join("\n"));
  const ok = verified?.includes("tree matches the before-snapshot") ?? false;
  return html`<p class="${ok ? "okline" : "warn"}">${verified ?? "no verification line in restore.txt"}</p>${records.length > 0 ? table(
    ["action", "path", "detail"],
    records.map((r) => [html`<span class="badge ${r[0] === "unrestorable" ? "err" : "ok"}">${r[0] ?? ""}</span>`, code(r[1] ?? ""), r[2] ?? ""])
  ) : ""}`;
}

// src/report/html/checks.ts
var CHECK_FILES = [
  [/^test_before\.txt$/, "test run before the agent"],
  [/^test_after\.txt$/, "test run after the agent"],
  [/^test_run\.txt$/, "test run of the generated test"],
  [/^compile\.txt$/, "compile check"],
  [/^export_check\.txt$/, "export check"],
  [/^health\.json$/, "server health"],
  [/^registry\.json$/, "provider registry"],
  [/^role_.+\.json$/, "role record"],
  [/^timing\.json$/, "latency budget"],
  [/^response\.json$/, "response"],
  [/^answer\.txt$/, "answer as judged"],
  [/^review\.txt$/, "review as judged"]
];
var HARNESS_FILES = [
  ["stderr.txt", "case process stderr"],
  ["processes.txt", "processes the agent left running"],
  ["redactions.txt", "secrets redacted from the evidence"],
  ["worktree_check.txt", "worktree predicate"],
  ["git_status.txt", "git status --porcelain"],
  ["git_diff.txt", "git diff --name-status"],
  ["policy.json", "prevention and gate policy"]
];
function fileBlock(c, name, label) {
  const f = c.evidence.get(name);
  return html`<div class="evidence-file"><h5>${label} <a class="file" href="${runHref(f.rel)}">${name}</a></h5>${pre(evidenceText(c, name) ?? "", { max: LIMITS.text, source: f.rel, empty: "(empty file)" })}</div>`;
}
function checksSection(c) {
  const names = [...c.evidence.keys()];
  const blocks = [];
  for (const [pattern, label] of CHECK_FILES) for (const n of names.filter((x) => pattern.test(x))) blocks.push(fileBlock(c, n, label));
  return blocks.length > 0 ? html`${blocks}` : html`<p class="empty">This case's check wrote no output of its own.</p>`;
}
function timingSection(c) {
  const log = c.evidence.get("stdout.txt");
  return html`<p>case process: <strong>${c.summary.duration_ms} ms</strong> (start to verdict, measured by the suite)</p>${log ? html`<h5>Case log <a class="file" href="${runHref(log.rel)}">stdout.txt</a></h5>${pre(evidenceText(c, "stdout.txt") ?? "", { max: LIMITS.text, source: log.rel, cls: "text log", empty: "(empty log)" })}` : ""}`;
}
function evidenceSection(c) {
  const harness = HARNESS_FILES.filter(([n]) => c.evidence.has(n)).map(([n, label]) => {
    const f = c.evidence.get(n);
    return html`<details class="harness"><summary>${label} (<a class="file" href="${runHref(f.rel)}">${n}</a>)</summary>${pre(evidenceText(c, n) ?? "", { max: LIMITS.text, source: f.rel, empty: "(empty file)" })}</details>`;
  });
  const recorded = new Map((c.result?.evidence ?? []).map((e) => [e.path, e]));
  const rows = [...c.evidence.values()].map((f) => {
    const r = recorded.get(f.rel);
    return html`<tr><td><a href="${runHref(f.rel)}">${f.name}</a></td><td class="num">${f.bytes}</td><td><code class="hash">${r ? r.sha256 : "not listed in the result JSON"}</code></td></tr>`;
  });
  return html`${harness}<table class="files"><thead><tr><th>file</th><th>bytes</th><th>sha256 (result JSON)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// src/report/html/tokens.ts
var KEYS = ["input", "output", "reasoning", "cache_read", "cache_write", "total", "cost"];
function asTokens(v) {
  if (!v || typeof v !== "object") return void 0;
  const o = v;
  return KEYS.every((k) => typeof o[k] === "number" && Number.isFinite(o[k]) && o[k] >= 0) ? o : void 0;
}

// src/report/html/case-section.ts
function duration(ms2) {
  return ms2 < 1e3 ? `${ms2} ms` : `${(ms2 / 1e3).toFixed(1)} s`;
}
function verdictFacts(c) {
  const s = c.summary;
  const r = c.result;
  const rows = [
    ["status", html`<span class="badge st-${s.status}">${s.status}</span>`],
    ["expected", s.expected_outcome],
    ["actual", s.actual_outcome ?? "\u2014"],
    ["failure code", s.failure_code ?? "\u2014"],
    ["reason", s.reason ?? r?.reason ?? "\u2014"]
  ];
  const tokens = asTokens(s.tokens);
  if (tokens) rows.push(["tokens and cost", usageDetail(tokens)]);
  if (s.egress_denied?.length)
    rows.push([
      "egress refused",
      `${egressAttempts(s.egress_denied)}${s.egress_denied.length >= 20 ? "+" : ""}: ${s.egress_denied.join("; ")} (evidence egress.jsonl)`
    ]);
  if (r)
    rows.push(
      ["model", r.model_id ?? "\u2014"],
      ["transport", r.transport ?? "\u2014"],
      ["commit", html`<code>${r.repo_commit}</code>`],
      ["result", html`<a href="${runHref(`cases/${s.case_id}.result.json`)}">cases/${s.case_id}.result.json</a>`]
    );
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>${c.resultProblem ? html`<p class="warn">${c.resultProblem}</p>` : ""}`;
}
var section = (title, body, cls = "") => html`<section class="part ${cls}"><h4 class="part-title">${title}</h4>${body}</section>`;
function caseSection(c) {
  const s = c.summary;
  const reason = cutText((s.reason ?? "").replace(/\s+/g, " "), LIMITS.reason);
  const head = html`<summary><span class="badge st-${s.status}">${s.status}</span> <strong>${s.case_id}</strong> <span class="stage">${s.stage}</span>${s.failure_code ? html` <code class="code">${s.failure_code}</code>` : ""} <span class="dur">${s.status === "SKIPPED" ? "" : duration(s.duration_ms)}</span> <span class="reason">${reason.text}${reason.cut ? "\u2026" : ""}</span></summary>`;
  const anchor = html`<span class="anchor" id="${caseAnchor(s.case_id)}"></span>`;
  if (s.status === "SKIPPED")
    return html`<details class="case st-SKIPPED">${head}<div class="body">${anchor}<p>Not run: ${s.reason ?? "no reason recorded"}</p></div></details>`;
  return html`<details class="case st-${s.status}" data-case="${s.case_id}">${head}<div class="body">${anchor}
${section("Verdict", verdictFacts(c))}
${section("Guard: changes and violations", guardSection(c), "guard")}
${section("Changes on disk", diskSection(c), "disk")}
${section("Restore proof", restoreSection(c), "restore")}
${section("Agent: prompt, timeline and answer", agentSection(c.evidence.get("transcript.json")), "agent")}
${section("Checks' output", checksSection(c), "checks")}
${section("Timings", timingSection(c), "timings")}
${section("Evidence files", evidenceSection(c), "files")}
</div></details>`;
}

// src/report/html/header.ts
var KNOWN = /* @__PURE__ */ new Set([
  "schema_id",
  "schema_version",
  "run_id",
  "repo_commit",
  "total_cases",
  "passed",
  "failed",
  "skipped",
  "final_verdict",
  "stop_reason",
  "containment",
  "cases",
  "model",
  "tokens"
]);
function valueText(v) {
  return typeof v === "string" ? v : JSON.stringify(v, null, 2);
}
function opencodeVersion(run) {
  const own = run.summary.opencode_version;
  if (typeof own === "string") return own;
  for (const c of run.cases) {
    const f = c.evidence.get("health.json");
    if (!f) continue;
    try {
      const h = JSON.parse(readHead(f, 64 * 1024).text);
      if (typeof h.version === "string") return h.version;
    } catch {
    }
  }
  return void 0;
}
var distinct = (xs) => [...new Set(xs.filter((x) => !!x))];
function runHeader(run, origin = "cli") {
  const s = run.summary;
  const extra = Object.keys(s).filter((k) => !KNOWN.has(k));
  const roots = extra.filter((k) => /root/i.test(k));
  const others = extra.filter((k) => !/root/i.test(k) && k !== "opencode_version");
  const version = opencodeVersion(run);
  const models = distinct([typeof s.model === "string" ? s.model : void 0, ...run.cases.map((c) => c.result?.model_id)]);
  const tokens = asTokens(s.tokens);
  const transports = distinct(run.cases.map((c) => c.result?.transport));
  const facts = [
    ["cases", `${s.total_cases}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`],
    ...s.stop_reason ? [["stop reason", s.stop_reason]] : [],
    ["containment", s.containment ?? "not recorded"],
    ...roots.length > 0 ? roots.map((k) => [`ledger root (${k})`, html`<code class="hash">${valueText(s[k])}</code>`]) : [
      [
        "ledger root",
        html`<span class="empty">${origin === "run" ? "sealed into run_summary.json after this page was written (the root covers this page)" : "none in run_summary.json"}</span>`
      ]
    ],
    ["OpenCode", version ?? "unknown (no health.json in this run)"],
    ["model", models.length > 0 ? models.join(", ") : "unknown (no case ran)"],
    ["transport", transports.length > 0 ? transports.join(", ") : "\u2014"],
    ["tokens and cost", tokens ? usageDetail(tokens) : "not recorded"],
    ["commit", html`<code>${s.repo_commit}</code>`],
    ...others.map((k) => [k, html`<code>${valueText(s[k])}</code>`])
  ];
  return html`<header class="run v-${s.final_verdict}">
<h1><span class="verdict">${s.final_verdict}</span> opencode-dogfood ${s.run_id}</h1>
<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
</header>`;
}
function tokenCell(v) {
  const t = asTokens(v);
  return t ? `${t.total} \xB7 $${formatCost(t.cost)}` : "\u2014";
}
function caseTable(run) {
  const rows = run.cases.map((c) => {
    const s = c.summary;
    const reason = cutText((s.reason ?? "").replace(/\s+/g, " "), LIMITS.reason);
    return html`<tr class="st-${s.status}"><td><a href="#${caseAnchor(s.case_id)}">${s.case_id}</a></td><td>${s.stage}</td><td>${s.expected_outcome}</td><td>${s.actual_outcome ?? "\u2014"}</td><td><span class="badge st-${s.status}">${s.status}</span></td><td>${s.failure_code ?? "\u2014"}</td><td class="num">${s.status === "SKIPPED" ? "\u2014" : duration(s.duration_ms)}</td><td class="num">${tokenCell(s.tokens)}</td><td class="reason">${reason.text}${reason.cut ? "\u2026" : ""}</td></tr>`;
  });
  return html`<table class="cases"><thead><tr><th>case</th><th>stage</th><th>expected</th><th>actual</th><th>status</th><th>failure code</th><th>duration</th><th>tokens · cost</th><th>reason</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// src/report/html/style.ts
var STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700; --add-bg: #dafbe1; --del-bg: #ffebe9; --hunk: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --pass: #3fb950; --fail: #f85149; --skip: #d29922; --add-bg: #12361f; --del-bg: #3c1618; --hunk: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 4px 0 10px;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 32em; overflow: auto; }
a { color: var(--hunk); }
h1 { font-size: 22px; margin: 8px 0 12px; }
h4 { font-size: 15px; margin: 14px 0 6px; }
h5 { font-size: 13px; margin: 10px 0 4px; }
.verdict { padding: 2px 10px; border-radius: 6px; color: #fff; }
header.v-PASS .verdict { background: var(--pass); }
header.v-FAIL .verdict { background: var(--fail); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
table.cases td:not(.reason) { white-space: nowrap; overflow-wrap: normal; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.st-PASS .badge.st-PASS, .badge.st-PASS, .badge.ok { color: var(--pass); }
.badge.st-FAIL, .badge.err, .badge.denied { color: var(--fail); }
.badge.st-SKIPPED, .badge.other { color: var(--skip); }
.filter { display: inline-block; margin: 8px 0; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; cursor: pointer; user-select: none; }
#only-failed { margin-right: 6px; }
#only-failed:checked ~ .cases-area .st-PASS, #only-failed:checked ~ .cases-area .st-SKIPPED { display: none; }
details.case { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.case.st-FAIL { border-left: 4px solid var(--fail); }
details.case > summary { cursor: pointer; padding: 8px 10px; list-style-position: inside; }
details.case > summary .reason { color: var(--muted); }
details.case > summary .dur, details.case > summary .stage { color: var(--muted); }
details.case > .body { padding: 0 14px 12px; }
section.part { border-top: 1px solid var(--line); }
ol.timeline { padding-left: 22px; }
li.step { margin: 6px 0; }
li.step.tool.denied { background: var(--del-bg); border-radius: 6px; padding: 2px 6px; }
.tool-head .dur, .note, .facts, .label { color: var(--muted); }
.label { display: block; font-size: 12px; }
.who { color: var(--muted); font-size: 12px; display: block; }
pre.diff { padding: 0; }
pre.diff span { display: block; padding: 0 10px; }
pre.diff .add { background: var(--add-bg); }
pre.diff .del { background: var(--del-bg); }
pre.diff .hunk { color: var(--hunk); }
pre.diff .meta { color: var(--muted); }
.stat .add { color: var(--pass); } .stat .del { color: var(--fail); }
.cut { color: var(--skip); font-size: 12px; margin: 0 0 10px; }
.warn { color: var(--fail); }
.okline { color: var(--pass); }
.empty { color: var(--muted); font-style: italic; }
code.hash { font-size: 11.5px; }
details.harness > summary { cursor: pointer; color: var(--muted); }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
`;

// src/report/html/page.ts
function contentSecurityPolicy(style = STYLE) {
  const hash = createHash("sha256").update(style, "utf8").digest("base64");
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src 'sha256-${hash}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
}
function footer(origin) {
  return origin === "run" ? html`<footer>Written by the run into its RUN folder before run_summary.json was sealed; it has a sha256 sidecar like every file of the ledger. Links lead to the evidence files beside it. Re-render from the ledger with <code>opencode-dogfood report RUN_DIR --out FILE</code>.</footer>` : html`<footer>Rendered by <code>opencode-dogfood report</code> from the ledger. Links lead to the evidence files of the RUN folder (they work when this page lies in it).</footer>`;
}
function renderPage(run, origin) {
  const s = run.summary;
  const failing = run.cases.filter((c) => c.summary.status === "FAIL").length;
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.final_verdict} · opencode-dogfood ${s.run_id}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${runHeader(run, origin)}
<input type="checkbox" id="only-failed"><label class="filter" for="only-failed">Show failing cases only (${failing} of ${run.cases.length})</label>
<div class="cases-area">
${caseTable(run)}
<h2>Cases</h2>
${run.cases.map(caseSection)}
</div>
${footer(origin)}
</body>
</html>
`;
  return doc.value;
}
function errorPage(summary, error) {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<title>${summary.final_verdict} · opencode-dogfood ${summary.run_id}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<h1>${summary.final_verdict} opencode-dogfood ${summary.run_id}</h1>
<p class="warn">The HTML report could not be rendered; run_summary.json and the evidence files are the ledger. The error:</p>
<pre>${error}</pre>
</body>
</html>
`.value;
}

export {
  loadRun,
  html,
  trusted,
  STYLE,
  contentSecurityPolicy,
  renderPage,
  errorPage
};
