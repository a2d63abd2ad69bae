import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  BUILTIN_MODEL,
  DEFAULT_DELETION_ALLOWLIST,
  DEFAULT_WRITE_ALLOWLIST,
  parseStages
} from "./chunk-ZX2T7JMQ.js";
import {
  CASE_ID_PATTERN,
  STAGES,
  parseContainmentMode,
  validateAllowlist
} from "./chunk-UPREGWUX.js";
import {
  InputError
} from "./chunk-UZ2KPXWI.js";

// src/suite/inputs.ts
import path from "node:path";
var MODEL_PATTERN = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._:@/-]+$/;
function parseModel(value, input = "--model") {
  if (!MODEL_PATTERN.test(value)) throw new InputError(input, `'${value}' is not provider/model (e.g. ${BUILTIN_MODEL} or anthropic/claude-sonnet-4-5)`);
  return value;
}
function parseRoles(value, input = "--roles") {
  const roles = value.split(",").map((s) => s.trim()).filter(Boolean).map((item) => {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=([^:]+):([A-Z_][A-Z0-9_]*)$/.exec(item);
    if (!m) throw new InputError(input, `'${item}' is not name=provider/model:KEY_ENV (e.g. planner=anthropic/claude-sonnet-4-5:ANTHROPIC_API_KEY)`);
    return { name: m[1], model: parseModel(m[2], input), key_env: m[3] };
  });
  if (roles.length === 0) throw new InputError(input, "empty role list; give name=provider/model:KEY_ENV,...");
  const names = /* @__PURE__ */ new Set();
  for (const r of roles) {
    if (names.has(r.name)) throw new InputError(input, `role '${r.name}' is given twice`);
    names.add(r.name);
  }
  return roles;
}
function parsePositiveInt(value, input, unit, max) {
  if (!/^[0-9]+$/.test(value.trim())) throw new InputError(input, `'${value}' is not a whole number of ${unit}`);
  const n = Number(value);
  if (n <= 0 || n > max) throw new InputError(input, `${n} is out of range; allowed 1..${max} ${unit}`);
  return n;
}
function parseUrl(value, input) {
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
    return u.toString().replace(/\/$/, "");
  } catch {
    throw new InputError(input, `'${value}' is not an http(s) URL (e.g. http://127.0.0.1:4096)`);
  }
}
function parseList(value) {
  if (value === void 0) return void 0;
  return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function parseEnvNames(value, input = "--env-pass") {
  const names = parseList(value) ?? [];
  for (const n of names) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new InputError(input, `'${n}' is not an env var name (letters, digits and _, not starting with a digit)`);
  return names;
}
function parseSuiteInputs(v, cwd) {
  const str = (k) => typeof v[k] === "string" ? v[k] : void 0;
  const caseId = str("case");
  if (caseId !== void 0 && !CASE_ID_PATTERN.test(caseId)) throw new InputError("--case", `'${caseId}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`);
  const stages = str("stages") !== void 0 ? parseStages(str("stages")) : [...STAGES];
  const transport = str("transport") ?? "sdk";
  if (transport !== "sdk" && transport !== "cli") throw new InputError("--transport", `'${transport}' is not allowed; allowed: sdk, cli`);
  const model = parseModel(str("model") ?? BUILTIN_MODEL);
  return {
    repoDir: path.resolve(cwd, str("repo") ?? "."),
    worktreePath: str("worktree") !== void 0 ? path.resolve(cwd, str("worktree")) : void 0,
    stages,
    caseId,
    failFast: v["fail-fast"] === true,
    model,
    roles: str("roles") !== void 0 ? parseRoles(str("roles")) : void 0,
    serverUrl: str("server-url") !== void 0 ? parseUrl(str("server-url"), "--server-url") : void 0,
    ledgerDir: str("ledger-dir") !== void 0 ? path.resolve(cwd, str("ledger-dir")) : void 0,
    casesFile: str("cases-file") !== void 0 ? path.resolve(cwd, str("cases-file")) : void 0,
    transport,
    writeAllowlist: validateAllowlist("--write-allowlist", parseList(str("write-allowlist")) ?? DEFAULT_WRITE_ALLOWLIST),
    deletionAllowlist: validateAllowlist("--deletion-allowlist", parseList(str("deletion-allowlist")) ?? DEFAULT_DELETION_ALLOWLIST),
    caseTimeoutMs: parsePositiveInt(str("timeout") ?? "300", "--timeout", "seconds", 3600) * 1e3,
    latencyBudgetMs: parsePositiveInt(str("latency-budget") ?? "120000", "--latency-budget", "milliseconds", 36e5),
    containment: parseContainmentMode(str("containment") ?? "auto"),
    envPass: parseEnvNames(str("env-pass")),
    opencodePath: str("opencode-path") !== void 0 ? path.resolve(cwd, str("opencode-path")) : void 0
  };
}

export {
  parseModel,
  parseRoles,
  parsePositiveInt,
  parseUrl,
  parseList,
  parseEnvNames,
  parseSuiteInputs
};
