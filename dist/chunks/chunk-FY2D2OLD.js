import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  OPTION_TABLE
} from "./chunk-ST6ZEBN4.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/suite/inputs.ts
var RUN_OPTIONS = Object.fromEntries(
  OPTION_TABLE.filter((o) => o.flag).map((o) => [o.flag, { type: o.boolean ? "boolean" : "string" }])
);
function fromFlag(o, v, cwd) {
  const given = v[o.flag];
  if (o.boolean) return given === true || given === void 0 && o.default === "true";
  const raw = typeof given === "string" ? given : o.default;
  if (raw === void 0) return void 0;
  return o.parse ? o.parse(raw, { name: `--${o.flag}`, cwd, surface: "cli" }) : raw;
}
function parseRunSettings(v, cwd) {
  const caseId = typeof v.case === "string" ? v.case : void 0;
  if (caseId !== void 0 && typeof v.stages === "string")
    throw new InputError(
      "--case",
      `--case ${caseId} and --stages ${v.stages} cannot be combined: --case runs one case whatever its stage; give one or the other`
    );
  const out = {};
  for (const o of OPTION_TABLE) if (o.flag) out[o.key] = fromFlag(o, v, cwd);
  return out;
}
function engineOptions(s) {
  const out = { ...s };
  for (const o of OPTION_TABLE) if (o.engine === false) delete out[o.key];
  return out;
}

export {
  RUN_OPTIONS,
  parseRunSettings,
  engineOptions
};
