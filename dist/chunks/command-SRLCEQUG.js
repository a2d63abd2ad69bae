import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  cellText,
  compareRuns,
  flipsText,
  heading,
  legend,
  loadRunFigures,
  renderJson,
  renderMarkdown,
  renderText,
  verdictLine
} from "./chunk-OEHMYDCC.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-EJWB2SWA.js";
import "./chunk-6ZERPRDS.js";
import {
  STYLE,
  contentSecurityPolicy,
  html,
  trusted
} from "./chunk-BKJWIMPC.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import {
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";

// src/compare/command.ts
import path from "node:path";
import { parseArgs } from "node:util";

// src/compare/html.ts
var COMPARE_STYLE = `${STYLE}
table.compare td.worse { background: var(--del-bg); font-weight: 600; }
table.compare td.s-PASS { color: var(--pass); }
table.compare td.s-FAIL { color: var(--fail); }
table.compare td.s-SKIPPED, table.compare td.absent { color: var(--skip); }
table.compare th small { display: block; font-weight: 400; }
`;
function cellClass(c, worse) {
  if (!c) return "absent";
  return `s-${c.status}${worse ? " worse" : ""}`;
}
function headRow(cmp) {
  const cols = cmp.columns.map((c, k) => html`<th scope="col">${heading(k, c)}<small>${c.model}</small><small>OpenCode ${c.opencode_version}</small></th>`);
  return html`<tr><th scope="col">case</th>${cols}<th scope="col">flips</th></tr>`;
}
function bodyRows(cmp) {
  return cmp.rows.map((r, i) => {
    const worseIn = new Set(r.flips.filter((f) => f.worse).map((f) => f.run));
    const base = r.cells[0]?.pass_rate ?? null;
    const cells = r.cells.map((c, k) => {
      const fell = k > 0 && base !== null && c?.pass_rate !== null && c?.pass_rate !== void 0 && c.pass_rate < base;
      return html`<td class="${cellClass(c, worseIn.has(k) || fell)}">${cellText(c)}</td>`;
    });
    return html`<tr id="case-${r.case_id}"><th scope="row">${r.case_id}</th>${cells}<td>${flipsText(cmp, i) || "\u2014"}</td></tr>`;
  });
}
function renderHtml(cmp) {
  const verdict = cmp.worse.length ? "FAIL" : "PASS";
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(COMPARE_STYLE)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>opencode-dogfood compare: ${cmp.columns.length} runs</title>
<style>${trusted(COMPARE_STYLE)}</style>
</head>
<body>
<header class="v-${verdict}"><h1>opencode-dogfood compare <span class="verdict">${cmp.worse.length ? "worse than the baseline" : "no case got worse"}</span></h1></header>
<ul class="runs">${cmp.columns.map((c, k) => html`<li>${legend(c, k)}</li>`)}</ul>
<table class="compare"><thead>${headRow(cmp)}</thead><tbody>${bodyRows(cmp)}</tbody></table>
${cmp.not_in_every_run.length ? html`<p>Not in every run: ${cmp.not_in_every_run.join(", ")}</p>` : ""}
<p class="verdict-line">${verdictLine(cmp)}</p>
<footer>Rendered by <code>opencode-dogfood compare --html</code> from verified ledgers.</footer>
</body>
</html>
`;
  return doc.value;
}

// src/compare/command.ts
function compareCommand(argv, cwd, write = (s) => process.stdout.write(s)) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { "allow-different-cases": { type: "boolean" }, json: { type: "boolean" }, markdown: { type: "string" }, html: { type: "string" } },
    strict: true,
    allowPositionals: true
  });
  if (positionals.length < 2)
    throw new InputError("compare", `give two run folders or more, the baseline first (got ${positionals.length}), e.g. ledger/RUN_0001 ledger/RUN_0002`);
  if (values.markdown !== void 0 && values.markdown.trim() === "") throw new InputError("--markdown", "is empty; give a file to write the Markdown table to");
  if (values.html !== void 0 && values.html.trim() === "") throw new InputError("--html", "is empty; give a file to write the HTML page to");
  const cmp = compareRuns(positionals.map(loadRunFigures), values["allow-different-cases"] === true);
  if (values.markdown !== void 0) writeFileAtomic(path.resolve(cwd, values.markdown), renderMarkdown(cmp));
  if (values.html !== void 0) writeFileAtomic(path.resolve(cwd, values.html), renderHtml(cmp));
  write(values.json ? renderJson(cmp) : renderText(cmp));
  return cmp.worse.length > 0 ? 1 : 0;
}
export {
  compareCommand
};
