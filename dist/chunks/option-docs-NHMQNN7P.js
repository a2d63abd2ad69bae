import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  OPTION_TABLE
} from "./chunk-ST6ZEBN4.js";
import "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-ED74ZWEH.js";
import "./chunk-7IVKAL7K.js";
import "./chunk-6ZERPRDS.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";

// src/suite/option-docs.ts
function shownDefault(o) {
  if (o.shownDefault !== void 0) return o.shownDefault;
  if (o.boolean) return o.default === "true" ? "on" : "off";
  if (o.default === void 0 || o.default === "") return "\u2013";
  return `\`${o.default}\``;
}
function flagText(o) {
  return `--${o.flag}${o.meta ? ` ${o.meta}` : ""}`;
}
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
function runOptionsHelp() {
  const col = 25;
  const out = [];
  for (const o of OPTION_TABLE) {
    if (!o.flag) continue;
    const d = shownDefault(o);
    const text = `${o.help ?? ""}${d === "\u2013" || d === "off" ? "" : ` (default: ${d.replace(/`/g, "")})`}`;
    const head = `  ${flagText(o)}`;
    const body = wrap(text, 100 - col);
    const first = head.length < col - 1 ? `${head.padEnd(col)}${body[0] ?? ""}` : `${head} ${body[0] ?? ""}`;
    out.push(first, ...body.slice(1).map((l) => `${" ".repeat(col)}${l}`));
  }
  return out.join("\n") + "\n";
}
function runOptionsReadme() {
  const cell = (s) => s.replace(/\|/g, "\\|");
  const rows = OPTION_TABLE.filter((o) => o.flag).map((o) => `| \`${cell(flagText(o))}\` | ${cell(shownDefault(o))} | ${cell(o.doc ?? o.help ?? "")} |`);
  return ["| option | default | what it does |", "| --- | --- | --- |", ...rows].join("\n") + "\n";
}
var README_START = "<!-- run-options:start -->";
var README_END = "<!-- run-options:end -->";
export {
  README_END,
  README_START,
  flagText,
  runOptionsHelp,
  runOptionsReadme,
  shownDefault
};
