import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  AGENT_CALLS_SUBDIR,
  LEDGER_SUBDIR
} from "./chunk-NMVRJYBN.js";
import {
  CASE_ID_PATTERN,
  SAFETY_CODES,
  STAGES,
  UNRESTORED_REASON
} from "./chunk-AUNSJMXT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/suite/options.ts
var BUILTIN_MODEL = "dogfood/scripted";
var DEFAULT_WRITE_ALLOWLIST = [
  "docs/zz_scratch/opencode_dogfood_probe.md",
  "scripts/opencode_dogfood/sandbox/",
  `${LEDGER_SUBDIR}/`,
  `${AGENT_CALLS_SUBDIR}/`
];
var DEFAULT_DELETION_ALLOWLIST = [];

// src/opencode/binary.ts
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
var SUPPORTED_OPENCODE = { min: [1, 18, 0], belowMajor: 2, text: ">=1.18.0 <2" };
var VERSION_TIMEOUT_MS = 3e4;
function parseVersion(text) {
  const m = /\b(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?/.exec(text);
  return m ? { version: m[0], parts: [Number(m[1]), Number(m[2]), Number(m[3])] } : void 0;
}
function supportedVersion(parts) {
  if (parts[0] >= SUPPORTED_OPENCODE.belowMajor) return false;
  for (let i = 0; i < 3; i++) if (parts[i] !== SUPPORTED_OPENCODE.min[i]) return parts[i] > SUPPORTED_OPENCODE.min[i];
  return true;
}
function checkOpencodeVersion(version, where, input = "opencode-path") {
  const v = parseVersion(version);
  if (!v)
    throw new InputError(input, `could not read the version of ${where} (it said '${version.trim().slice(0, 80)}'); supported: ${SUPPORTED_OPENCODE.text}`);
  if (!supportedVersion(v.parts)) throw new InputError(input, `opencode ${v.version} is not supported; supported: ${SUPPORTED_OPENCODE.text} (${where})`);
  return v.version;
}
function opencodeVersion(bin) {
  const own = path.join(path.dirname(path.dirname(bin)), "package.json");
  try {
    const pkg = JSON.parse(readFileSync(own, "utf8"));
    if (pkg.name && /^opencode-(linux|darwin|windows)-/.test(pkg.name) && path.basename(path.dirname(bin)) === "bin" && pkg.version) return pkg.version;
  } catch {
  }
  try {
    return execFileSync(bin, ["--version"], { encoding: "utf8", timeout: VERSION_TIMEOUT_MS, stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    return void 0;
  }
}
function platformPackages(platform = process.platform, arch = process.arch) {
  const os = platform === "win32" ? "windows" : platform;
  const base = `opencode-${os}-${arch}`;
  return [base, `${base}-baseline`, `${base}-musl`, `${base}-baseline-musl`];
}
function executable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function resolveOpencodeBinary(explicit) {
  const bin = findOpencodeBinary(explicit);
  const version = opencodeVersion(bin);
  if (version !== void 0) checkOpencodeVersion(version, bin);
  return bin;
}
function findOpencodeBinary(explicit) {
  if (explicit) {
    if (!existsSync(explicit) || !executable(explicit)) throw new InputError("opencode-path", `${explicit} is not an executable file`);
    return path.resolve(explicit);
  }
  const require2 = createRequire(import.meta.url);
  const exe = process.platform === "win32" ? "opencode.exe" : "opencode";
  for (const pkg of platformPackages()) {
    try {
      const dir = path.dirname(require2.resolve(`${pkg}/package.json`));
      const bin = path.join(dir, "bin", exe);
      if (executable(bin)) return bin;
    } catch {
    }
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const bin = path.join(dir, exe);
    if (dir && executable(bin)) return bin;
  }
  throw new InputError("opencode-path", "no opencode binary found: install the npm package opencode-ai, put opencode on PATH, or pass its path");
}

// src/suite/shard.ts
import { createHash } from "node:crypto";
var MAX_SHARDS = 1e3;
var SET_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
function parseShard(raw, name = "--shard") {
  const m = /^\s*([0-9]+)\s*\/\s*([0-9]+)\s*$/.exec(raw);
  if (!m) throw new InputError(name, `'${raw}' is not I/N (e.g. 2/3: the second of three shards)`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || total > MAX_SHARDS) throw new InputError(name, `${total} shards is out of range; allowed 1..${MAX_SHARDS}`);
  if (index < 1 || index > total) throw new InputError(name, `shard ${index} of ${total} does not exist; allowed 1..${total}`);
  return { index, total };
}
function parseSetId(raw, name = "--shard-set") {
  if (!SET_ID_PATTERN.test(raw)) throw new InputError(name, `'${raw}' is not a set id; allowed: 1 to 64 of A-Z a-z 0-9 . _ -`);
  return raw;
}
function runPairs(caseIds, repeat) {
  return caseIds.flatMap((caseId) => Array.from({ length: repeat }, (_, k) => ({ caseId, attempt: k + 1 })));
}
function shardPlan(pairs, spec) {
  return pairs.filter((_, j) => j % spec.total === spec.index - 1);
}
function caseSetHash(caseIds, repeat) {
  const text = [...caseIds].sort().join("\n") + `
repeat=${repeat}
`;
  return createHash("sha256").update(text).digest("hex");
}
function deriveSetId(f) {
  const text = ["opencode-dogfood shard set", f.commit, f.caseSetHash, f.model, f.opencodeVersion ?? "", String(f.total)].join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
function shareOf(selected, opts) {
  const repeat = opts.repeat ?? 1;
  const spec = opts.shard;
  if (!spec) return { cases: selected, attempts: () => repeat, field: () => ({}) };
  const ids = selected.map((c) => c.id);
  const all = runPairs(ids, repeat);
  const mine = shardPlan(all, spec);
  if (mine.length === 0)
    throw new InputError(
      "--shard",
      `${spec.index}/${spec.total} has no (case, attempt) pair to run: the selection has ${all.length}; use at most ${all.length} shards`
    );
  const pairs = {};
  for (const p of mine) pairs[p.caseId] = [...pairs[p.caseId] ?? [], p.attempt];
  const hash = caseSetHash(ids, repeat);
  return {
    cases: selected.filter((c) => pairs[c.id]),
    attempts: (id) => pairs[id]?.length ?? 0,
    field: (f) => ({
      shard: {
        set_id: opts.shardSet ?? deriveSetId({ commit: f.commit, caseSetHash: hash, model: f.model, opencodeVersion: f.opencode_version, total: spec.total }),
        index: spec.index,
        total: spec.total,
        case_set_hash: hash,
        repeat,
        cases: ids,
        pairs
      }
    })
  };
}

// src/suite/plan.ts
function parseStages(input, name = "--stages") {
  const parts = input.split(",").map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) throw new InputError(name, `empty stage list; allowed: ${STAGES.join(", ")} (comma-separated)`);
  const out = [];
  for (const p of parts) {
    const stage = STAGES.find((s) => s.toLowerCase() === p.toLowerCase());
    if (!stage) throw new InputError(name, `unknown stage '${p}'; allowed: ${STAGES.join(", ")}`);
    if (!out.includes(stage)) out.push(stage);
  }
  return out.sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b));
}
function selectCases(all, stages, caseId) {
  if (caseId !== void 0) {
    if (!CASE_ID_PATTERN.test(caseId)) throw new InputError("--case", `'${caseId}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`);
    const c = all.find((x) => x.id === caseId);
    if (!c) throw new InputError("--case", `unknown case '${caseId}'; known: ${all.map((x) => x.id).join(", ")}`);
    return [c];
  }
  const selected = all.filter((c) => stages.includes(c.stage));
  return selected.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
}
function statusOf(expected, actual, code, expectedCode) {
  if (expected === "SUCCESS") return actual === "SUCCESS" ? "PASS" : "FAIL";
  return actual === "FAIL" && code !== null && code === expectedCode ? "PASS" : "FAIL";
}
function afterCase(s, c, failFast) {
  if (s.status !== "FAIL") return { stop: false };
  const expectedSafety = c.expected_outcome === "EXPECTED_FAIL" && s.failure_code === c.expected_failure_code;
  if (s.failure_code && SAFETY_CODES.includes(s.failure_code) && !expectedSafety)
    return { stop: true, reason: `safety gate: ${s.case_id} ${s.failure_code} (${s.reason ?? "violation"})` };
  if (s.failure_code === "EVIDENCEMISMATCH" && s.reason?.startsWith(UNRESTORED_REASON))
    return { stop: true, reason: `safety gate: ${s.case_id}: ${s.reason} (no later case may start from that tree)` };
  if (failFast) return { stop: true, reason: `fail-fast: ${s.case_id} failed${s.failure_code ? ` with ${s.failure_code}` : ""}` };
  return { stop: false };
}
function stageGate(stage, done) {
  const earlier = done.filter((d) => STAGES.indexOf(d.stage) < STAGES.indexOf(stage));
  if (earlier.length === 0) return { stop: false };
  const prevStage = earlier.reduce((m, d) => STAGES.indexOf(d.stage) > STAGES.indexOf(m) ? d.stage : m, earlier[0].stage);
  const failed = earlier.filter((d) => d.stage === prevStage && d.status !== "PASS");
  if (failed.length === 0) return { stop: false };
  return { stop: true, reason: `stage gate: ${stage} not run because ${prevStage} did not pass (${failed.map((f) => f.case_id).join(", ")})` };
}
function skipped(c, reason) {
  return {
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: null,
    status: "SKIPPED",
    failure_code: null,
    duration_ms: 0,
    reason
  };
}

export {
  BUILTIN_MODEL,
  DEFAULT_WRITE_ALLOWLIST,
  DEFAULT_DELETION_ALLOWLIST,
  parseVersion,
  checkOpencodeVersion,
  opencodeVersion,
  platformPackages,
  resolveOpencodeBinary,
  parseStages,
  selectCases,
  statusOf,
  afterCase,
  stageGate,
  skipped,
  parseShard,
  parseSetId,
  runPairs,
  shardPlan,
  caseSetHash,
  shareOf
};
