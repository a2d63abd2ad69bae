import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  compareRuns,
  loadRunFigures,
  renderJson,
  renderMarkdown,
  renderText
} from "./chunk-QBSKU3ZT.js";
import "./chunk-BWIRND4V.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-Z4Y4Q2MG.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-C7L6GWJA.js";
import {
  writeFileAtomic
} from "./chunk-GXU4NOQI.js";
import {
  InputError
} from "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";

// src/compare/command.ts
import path from "node:path";
import { parseArgs } from "node:util";
function compareCommand(argv, cwd, write = (s) => process.stdout.write(s)) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { "allow-different-cases": { type: "boolean" }, json: { type: "boolean" }, markdown: { type: "string" } },
    strict: true,
    allowPositionals: true
  });
  if (positionals.length < 2)
    throw new InputError("compare", `give two run folders or more, the baseline first (got ${positionals.length}), e.g. ledger/RUN_0001 ledger/RUN_0002`);
  if (values.markdown !== void 0 && values.markdown.trim() === "") throw new InputError("--markdown", "is empty; give a file to write the Markdown table to");
  const cmp = compareRuns(positionals.map(loadRunFigures), values["allow-different-cases"] === true);
  if (values.markdown !== void 0) writeFileAtomic(path.resolve(cwd, values.markdown), renderMarkdown(cmp));
  write(values.json ? renderJson(cmp) : renderText(cmp));
  return cmp.worse.length > 0 ? 1 : 0;
}
export {
  compareCommand
};
