import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  BUILTIN_MODEL,
  DEFAULT_DELETION_ALLOWLIST,
  DEFAULT_WRITE_ALLOWLIST,
  parseStages
} from "./chunk-6SJ3A453.js";
import {
  parseContainmentMode,
  validateAllowlist
} from "./chunk-4T2MZU4M.js";
import {
  MAX_EVIDENCE_LIMIT
} from "./chunk-TZR42FOZ.js";
import {
  checkSignKey
} from "./chunk-RLRWZL4I.js";
import {
  CASE_ID_PATTERN,
  STAGES
} from "./chunk-NYKIGPAP.js";
import {
  InputError
} from "./chunk-Y4FTFHXJ.js";

// src/suite/inputs.ts
import { existsSync as existsSync2, readdirSync, statSync as statSync2 } from "node:fs";
import path2 from "node:path";

// src/cases/record-path.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";
function parseRecordPath(value, cwd, input = "--record") {
  const file = path.resolve(cwd, value);
  const dir = path.dirname(file);
  if (value.trim() === "" || !existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(input, `the folder of '${value}' does not exist; give a file in an existing folder, e.g. recording.json`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new InputError(input, `'${value}' is a folder; give a file name, e.g. ${path.join(value, "recording.json")}`);
  return file;
}

// src/suite/inputs.ts
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
function parseWorktreePath(p, input = "--worktree") {
  if (!existsSync2(p)) return p;
  if (!statSync2(p).isDirectory()) throw new InputError(input, `${p} is a file; give a path that does not exist yet (or an empty folder): the run creates the worktree there`);
  if (readdirSync(p).length > 0) throw new InputError(input, `${p} is a folder that is not empty; give a path that does not exist yet (or an empty folder)`);
  return p;
}
function joinNegativeValues(argv, stringOptions) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a.startsWith("--") && !a.includes("=") && stringOptions.has(a.slice(2)) && next !== void 0 && /^-[0-9.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
function parseSuiteInputs(v, cwd) {
  const str = (k) => typeof v[k] === "string" ? v[k] : void 0;
  const caseId = str("case");
  if (caseId !== void 0 && !CASE_ID_PATTERN.test(caseId)) throw new InputError("--case", `'${caseId}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`);
  if (caseId !== void 0 && str("stages") !== void 0)
    throw new InputError("--case", `--case ${caseId} and --stages ${str("stages")} cannot be combined: --case runs one case whatever its stage; give one or the other`);
  const stages = str("stages") !== void 0 ? parseStages(str("stages")) : [...STAGES];
  const transport = str("transport") ?? "sdk";
  if (transport !== "sdk" && transport !== "cli") throw new InputError("--transport", `'${transport}' is not allowed; allowed: sdk, cli`);
  const model = parseModel(str("model") ?? BUILTIN_MODEL);
  return {
    repoDir: path2.resolve(cwd, str("repo") ?? "."),
    worktreePath: str("worktree") !== void 0 ? parseWorktreePath(path2.resolve(cwd, str("worktree"))) : void 0,
    stages,
    caseId,
    failFast: v["fail-fast"] === true,
    model,
    roles: str("roles") !== void 0 ? parseRoles(str("roles")) : void 0,
    serverUrl: str("server-url") !== void 0 ? parseUrl(str("server-url"), "--server-url") : void 0,
    ledgerDir: str("ledger-dir") !== void 0 ? path2.resolve(cwd, str("ledger-dir")) : void 0,
    casesFile: str("cases-file") !== void 0 ? path2.resolve(cwd, str("cases-file")) : void 0,
    signKey: str("sign-key") !== void 0 ? checkSignKey(path2.resolve(cwd, str("sign-key")), "--sign-key") : void 0,
    recordFile: str("record") !== void 0 ? parseRecordPath(str("record"), cwd) : void 0,
    transport,
    writeAllowlist: validateAllowlist("--write-allowlist", parseList(str("write-allowlist")) ?? DEFAULT_WRITE_ALLOWLIST),
    deletionAllowlist: validateAllowlist("--deletion-allowlist", parseList(str("deletion-allowlist")) ?? DEFAULT_DELETION_ALLOWLIST),
    caseTimeoutMs: parsePositiveInt(str("timeout") ?? "300", "--timeout", "seconds", 3600) * 1e3,
    latencyBudgetMs: parsePositiveInt(str("latency-budget") ?? "120000", "--latency-budget", "milliseconds", 36e5),
    evidenceMaxBytes: str("evidence-max-bytes") !== void 0 ? parsePositiveInt(str("evidence-max-bytes"), "--evidence-max-bytes", "bytes", MAX_EVIDENCE_LIMIT) : void 0,
    containment: parseContainmentMode(str("containment") ?? "auto"),
    envPass: parseEnvNames(str("env-pass")),
    jobs: str("jobs") !== void 0 ? parsePositiveInt(str("jobs"), "--jobs", "parallel cases", 64) : void 0,
    repeat: str("repeat") !== void 0 ? parsePositiveInt(str("repeat"), "--repeat", "attempts", 100) : void 0,
    opencodePath: str("opencode-path") !== void 0 ? path2.resolve(cwd, str("opencode-path")) : void 0
  };
}

export {
  parseRecordPath,
  parseModel,
  parseRoles,
  parsePositiveInt,
  parseUrl,
  parseList,
  parseEnvNames,
  parseWorktreePath,
  joinNegativeValues,
  parseSuiteInputs
};
