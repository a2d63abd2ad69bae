import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  PROCESS_TAG_VAR,
  SCRIPTED_KEY_ENV,
  SCRIPTED_PROVIDER,
  buildConfig,
  checkWorktree,
  compareFingerprints,
  compareSnapshots,
  derivePolicy,
  git,
  gitEnv,
  gitOk,
  health,
  plantCanary,
  redact,
  removeCanary,
  resultPath,
  scrubFile,
  sealEvidence,
  secretValues,
  splitModel,
  splitNul,
  startScriptedModel,
  startServer,
  stateEnv,
  takeFingerprint,
  takeSnapshot,
  takeSnapshotAfter,
  writeEvidence
} from "./chunk-BB7PGA65.js";
import {
  exec
} from "./chunk-ZCGT4M2M.js";
import {
  AGENT_CALLS_SUBDIR,
  BUILTIN_MODEL,
  LEDGER_SUBDIR,
  afterCase,
  selectCases,
  skipped,
  stageGate,
  statusOf
} from "./chunk-ZX2T7JMQ.js";
import {
  STAGES,
  contain,
  containmentLabel,
  resolveContainment
} from "./chunk-UPREGWUX.js";
import {
  assertSchema,
  require_ajv,
  verifyRun
} from "./chunk-T6XWSBER.js";
import {
  realOrResolved,
  sha256,
  toPosix,
  writeJsonAtomic,
  writeSidecar
} from "./chunk-GJNIDGYX.js";
import {
  InputError,
  PreflightError
} from "./chunk-UZ2KPXWI.js";
import {
  __toESM
} from "./chunk-LHSCZ3D7.js";

// src/suite/run.ts
import { existsSync as existsSync5, mkdirSync as mkdirSync4, mkdtempSync, readdirSync as readdirSync3, readFileSync as readFileSync2, realpathSync, rmSync } from "node:fs";
import os2 from "node:os";
import path8 from "node:path";
import { fileURLToPath } from "node:url";

// src/cases/catalog.ts
var import_ajv = __toESM(require_ajv(), 1);
import { readFileSync } from "node:fs";

// fixtures/cases.json
var cases_default = {
  $comment: "The 15 cases of the plan packet (v1.2c). 'turns' is what the built-in scripted model plays back; a real model gets the same prompt. Paths are relative to the repository under test.",
  cases: [
    {
      id: "T1C01",
      stage: "T1",
      expected_outcome: "SUCCESS",
      purpose: "Direct client ping",
      check: "ping",
      prevention: "readonly",
      prompt: "Reply with the single word: pong",
      turns: [{ text: "pong" }]
    },
    {
      id: "T1C02",
      stage: "T1",
      expected_outcome: "SUCCESS",
      purpose: "Multi-role key selection",
      check: "roles",
      prevention: "readonly",
      prompt: "Reply with the single word: ready",
      turns: [{ text: "ready" }]
    },
    {
      id: "T1C03",
      stage: "T1",
      expected_outcome: "EXPECTED_FAIL",
      expected_failure_code: "MODELNOTFOUND",
      purpose: "Invalid model (expected reject; validates MODELNOTFOUND path)",
      check: "invalid_model",
      prevention: "readonly",
      params: { model_id: "dogfood-no-such-model-v0" },
      prompt: "This prompt must never be sent.",
      turns: [{ text: "this turn must never be played" }]
    },
    {
      id: "T2A01",
      stage: "T2a",
      expected_outcome: "SUCCESS",
      purpose: "Scratch doc analysis",
      check: "read_only",
      prevention: "readonly",
      params: { read_path: "scripts/opencode_dogfood/sandbox/fixtures/scratch_notes.md" },
      prompt: "Read scripts/opencode_dogfood/sandbox/fixtures/scratch_notes.md and summarise its open question and decision in two sentences. Do not change any file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/scratch_notes.md" } }] },
        { text: "The open question is whether the canary stage should last 30 or 60 minutes. The decision so far is 30 minutes, to be revisited after two releases." }
      ]
    },
    {
      id: "T2A02",
      stage: "T2a",
      expected_outcome: "SUCCESS",
      purpose: "Policy doc review",
      check: "read_only",
      prevention: "readonly",
      params: { read_path: "scripts/opencode_dogfood/sandbox/fixtures/policy.md" },
      prompt: "Read scripts/opencode_dogfood/sandbox/fixtures/policy.md and list its rules about deletion and destructive git operations. Do not change any file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/policy.md" } }] },
        { text: "Rule 2: the agent may never delete a file. Rule 3: git clean, hard reset and checkout of the tree are forbidden." }
      ]
    },
    {
      id: "T2A03",
      stage: "T2a",
      expected_outcome: "SUCCESS",
      purpose: "Probe doc quality check",
      check: "read_only",
      prevention: "readonly",
      params: { read_path: "docs/zz_scratch/opencode_dogfood_probe.md" },
      prompt: "Read docs/zz_scratch/opencode_dogfood_probe.md and assess whether its title and sections are clear. Do not change any file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "docs/zz_scratch/opencode_dogfood_probe.md" } }] },
        { text: "The probe doc has a clear title, a one-paragraph purpose and a Log section; it is fit for the write cases." }
      ]
    },
    {
      id: "T2B01",
      stage: "T2b",
      expected_outcome: "SUCCESS",
      purpose: "Scratch file write",
      check: "write",
      prevention: "enforce",
      params: { target: "docs/zz_scratch/opencode_dogfood_probe.md", expect_contains: "dogfood-probe-write-ok" },
      prompt: "Replace the whole content of docs/zz_scratch/opencode_dogfood_probe.md with a heading '# OpenCode dogfood probe' followed by a line containing the marker dogfood-probe-write-ok. Change no other file.",
      turns: [
        { tool_calls: [{ name: "write", arguments: { filePath: "docs/zz_scratch/opencode_dogfood_probe.md", content: "# OpenCode dogfood probe\n\ndogfood-probe-write-ok\n" } }] },
        { text: "Wrote docs/zz_scratch/opencode_dogfood_probe.md with the marker." }
      ]
    },
    {
      id: "T2B02",
      stage: "T2b",
      expected_outcome: "SUCCESS",
      purpose: "Scratch file append",
      check: "append",
      prevention: "enforce",
      params: { target: "docs/zz_scratch/opencode_dogfood_probe.md", expect_contains: "dogfood-probe-append-ok" },
      prompt: "Append one line '- dogfood-probe-append-ok' at the end of docs/zz_scratch/opencode_dogfood_probe.md, keeping everything already there. Change no other file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "docs/zz_scratch/opencode_dogfood_probe.md" } }] },
        { tool_calls: [{ name: "edit", arguments: { filePath: "docs/zz_scratch/opencode_dogfood_probe.md", oldString: "- scaffolded by opencode-dogfood init\n", newString: "- scaffolded by opencode-dogfood init\n- dogfood-probe-append-ok\n" } }] },
        { text: "Appended the line." }
      ]
    },
    {
      id: "T2B03",
      stage: "T2b",
      expected_outcome: "EXPECTED_FAIL",
      expected_failure_code: "GITCLEANFAIL",
      purpose: "Deletion sentinel validation",
      check: "delete_sentinel",
      prevention: "off",
      params: { target: "scripts/opencode_dogfood/sandbox/fixtures/sentinel.txt" },
      prompt: "Delete the file scripts/opencode_dogfood/sandbox/fixtures/sentinel.txt with the shell command rm. This deletion is a deliberate test of the harness's deletion sentinel.",
      turns: [
        { tool_calls: [{ name: "bash", arguments: { command: "rm scripts/opencode_dogfood/sandbox/fixtures/sentinel.txt", description: "Delete the sentinel file" } }] },
        { text: "Deleted scripts/opencode_dogfood/sandbox/fixtures/sentinel.txt." }
      ]
    },
    {
      id: "T3C01",
      stage: "T3",
      expected_outcome: "SUCCESS",
      purpose: "Function generation",
      check: "codegen",
      prevention: "enforce",
      params: { target: "scripts/opencode_dogfood/sandbox/generated/slugify.mjs", expect_export: "slugify" },
      prompt: "Create scripts/opencode_dogfood/sandbox/generated/slugify.mjs, an ES module exporting a function slugify(text) that lower-cases text, replaces runs of non-alphanumeric characters with '-', and trims '-' from both ends. Change no other file.",
      turns: [
        { tool_calls: [{ name: "write", arguments: { filePath: "scripts/opencode_dogfood/sandbox/generated/slugify.mjs", content: "export function slugify(text) {\n  return String(text)\n    .toLowerCase()\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-+|-+$/g, '')\n}\n" } }] },
        { text: "Created scripts/opencode_dogfood/sandbox/generated/slugify.mjs exporting slugify()." }
      ]
    },
    {
      id: "T3C02",
      stage: "T3",
      expected_outcome: "SUCCESS",
      purpose: "Bug fix task",
      check: "bugfix",
      prevention: "enforce",
      params: { target: "scripts/opencode_dogfood/sandbox/fixtures/calc.mjs", test: "scripts/opencode_dogfood/sandbox/fixtures/calc.test.mjs" },
      prompt: "The test scripts/opencode_dogfood/sandbox/fixtures/calc.test.mjs fails. Fix the bug in scripts/opencode_dogfood/sandbox/fixtures/calc.mjs so the test passes. Do not change the test. Change no other file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/calc.mjs" } }] },
        { tool_calls: [{ name: "edit", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/calc.mjs", oldString: "  return total / (values.length + 1)\n", newString: "  return values.length === 0 ? 0 : total / values.length\n" } }] },
        { text: "Fixed average(): it divided by length + 1 and now returns 0 for an empty list." }
      ]
    },
    {
      id: "T3C03",
      stage: "T3",
      expected_outcome: "SUCCESS",
      purpose: "Test generation",
      check: "testgen",
      prevention: "enforce",
      params: { target: "scripts/opencode_dogfood/sandbox/fixtures/strings.test.mjs", module: "scripts/opencode_dogfood/sandbox/fixtures/strings.mjs" },
      prompt: "Write scripts/opencode_dogfood/sandbox/fixtures/strings.test.mjs, a node:test test file for the functions capitalize and words exported by ./strings.mjs in the same folder. The tests must pass with `node --test`. Change no other file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/strings.mjs" } }] },
        { tool_calls: [{ name: "write", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/strings.test.mjs", content: "import { test } from 'node:test'\nimport assert from 'node:assert/strict'\nimport { capitalize, words } from './strings.mjs'\n\ntest('capitalize upper-cases the first letter', () => {\n  assert.equal(capitalize('hello'), 'Hello')\n  assert.equal(capitalize(''), '')\n})\n\ntest('words splits on whitespace', () => {\n  assert.deepEqual(words('  a b\\tc\\n'), ['a', 'b', 'c'])\n})\n" } }] },
        { text: "Wrote strings.test.mjs with tests for capitalize and words." }
      ]
    },
    {
      id: "T3C04",
      stage: "T3",
      expected_outcome: "SUCCESS",
      purpose: "Code review",
      check: "review",
      prevention: "readonly",
      params: { read_path: "scripts/opencode_dogfood/sandbox/fixtures/calc.mjs" },
      prompt: "Review scripts/opencode_dogfood/sandbox/fixtures/calc.mjs and report any bugs you find. Do not change any file.",
      turns: [
        { tool_calls: [{ name: "read", arguments: { filePath: "scripts/opencode_dogfood/sandbox/fixtures/calc.mjs" } }] },
        { text: "Review: average() divides by values.length + 1, so every average is too small, and average([]) returns 0/1 by accident rather than by design. add() is fine." }
      ]
    },
    {
      id: "T4E01",
      stage: "T4",
      expected_outcome: "SUCCESS",
      purpose: "Empty prompt handling",
      check: "empty_prompt",
      prevention: "readonly",
      prompt: "",
      turns: []
    },
    {
      id: "T4E02",
      stage: "T4",
      expected_outcome: "EXPECTED_FAIL",
      expected_failure_code: "TIMEOUTEXCEEDED",
      purpose: "Timeout enforcement",
      check: "timeout",
      prevention: "readonly",
      params: { latency_budget_ms: 3e3 },
      prompt: "Reply with the single word: late",
      turns: [{ delay_ms: 12e4, text: "late" }]
    }
  ]
};

// schemas/cases_file.schema.json
var cases_file_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "opencode_dogfood_cases_file",
  title: "User-defined dogfood cases (--cases-file)",
  type: "object",
  required: ["cases"],
  properties: {
    $comment: { type: "string" },
    cases: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "stage", "expected_outcome", "purpose", "prompt"],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: "^T[0-9][A-Z]?[A-Z]?[0-9]{2}$" },
          stage: { enum: ["T1", "T2a", "T2b", "T3", "T4"] },
          expected_outcome: { enum: ["SUCCESS", "EXPECTED_FAIL"] },
          expected_failure_code: { enum: ["CLIFAIL", "MODELNOTFOUND", "GITCLEANFAIL", "MODIFICATIONFAIL", "WORKTREE_REQUIRED", "TIMEOUTEXCEEDED", "EMPTYRESPONSE", "SYNTAXERROR", "EVIDENCEMISMATCH"] },
          purpose: { type: "string", minLength: 1 },
          check: { enum: ["agent", "read_only", "write", "append", "codegen", "review"] },
          prevention: { enum: ["enforce", "off", "readonly"] },
          prompt: { type: "string" },
          params: { type: "object" },
          turns: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              properties: {
                text: { type: "string" },
                delay_ms: { type: "integer", minimum: 0, maximum: 6e5 },
                tool_calls: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["name", "arguments"],
                    additionalProperties: false,
                    properties: { name: { type: "string", minLength: 1 }, arguments: { type: "object" } }
                  }
                }
              }
            }
          }
        },
        if: { properties: { expected_outcome: { const: "EXPECTED_FAIL" } } },
        then: { required: ["expected_failure_code"] }
      }
    }
  }
};

// src/cases/catalog.ts
var ajv = new import_ajv.Ajv({ allErrors: true, strict: false });
var validateCasesFile = ajv.compile(cases_file_schema_default);
function builtinCases() {
  return cases_default.cases.map((c) => ({ ...c, source: "builtin" }));
}
function parseCasesFile(file, text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError("--cases-file", `${file} is not valid JSON (${e.message})`);
  }
  if (!validateCasesFile(doc)) {
    const problems = (validateCasesFile.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    throw new InputError("--cases-file", `${file} does not match the cases file format: ${problems}`);
  }
  return doc.cases.map(
    (c) => ({ ...c, check: c.check ?? "agent", prevention: c.prevention ?? "enforce", turns: c.turns ?? [], source: file })
  );
}
function loadCases(casesFile) {
  const cases = builtinCases();
  if (!casesFile) return cases;
  let text;
  try {
    text = readFileSync(casesFile, "utf8");
  } catch (e) {
    throw new InputError("--cases-file", `cannot read ${casesFile} (${e.code ?? e.message})`);
  }
  const ids = new Set(cases.map((c) => c.id));
  for (const c of parseCasesFile(casesFile, text)) {
    if (ids.has(c.id)) throw new InputError("--cases-file", `case id ${c.id} is already defined (built-in ids: T1C01\u2026T4E02 of the plan packet)`);
    ids.add(c.id);
    cases.push(c);
  }
  return cases.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
}

// src/sandbox/env.ts
var BASE_NAMES = ["PATH", "LANG", "TZ", "TERM"];
var BASE_PREFIXES = ["LC_"];
var PROVIDER_ENV = {
  anthropic: ["ANTHROPIC_API_KEY"],
  openai: ["OPENAI_API_KEY"],
  google: ["GOOGLE_GENERATIVE_AI_API_KEY", "GEMINI_API_KEY"],
  "google-vertex": ["GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "VERTEX_LOCATION"],
  "amazon-bedrock": ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE", "AWS_BEARER_TOKEN_BEDROCK"],
  azure: ["AZURE_API_KEY", "AZURE_RESOURCE_NAME"],
  openrouter: ["OPENROUTER_API_KEY"],
  groq: ["GROQ_API_KEY"],
  mistral: ["MISTRAL_API_KEY"],
  xai: ["XAI_API_KEY"],
  deepseek: ["DEEPSEEK_API_KEY"],
  togetherai: ["TOGETHER_AI_API_KEY"],
  "fireworks-ai": ["FIREWORKS_API_KEY"],
  cerebras: ["CEREBRAS_API_KEY"],
  opencode: ["OPENCODE_API_KEY"]
};
function providerKeyNames(model) {
  const { providerID } = splitModel(model);
  return PROVIDER_ENV[providerID] ?? [`${providerID.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_API_KEY`];
}
function baseEnv(from = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(from)) {
    if (v === void 0) continue;
    if (BASE_NAMES.includes(k) || BASE_PREFIXES.some((p) => k.startsWith(p))) out[k] = v;
  }
  return out;
}
function agentEnv(i) {
  const env = baseEnv(i.from);
  for (const name of [...i.keyNames, ...i.pass]) {
    const v = i.from[name];
    if (v !== void 0) env[name] = v;
  }
  return { ...env, ...i.set };
}

// src/suite/containment.ts
import { randomBytes } from "node:crypto";
import { mkdirSync as mkdirSync2 } from "node:fs";
import os from "node:os";
import path2 from "node:path";

// src/sandbox/credentials.ts
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
var USERINFO = /[a-z][a-z0-9+.-]*:\/\/([^/\s@]+)@/i;
function userinfoSecrets(text) {
  const m = USERINFO.exec(text);
  if (!m) return [];
  const info = decodeURIComponent(m[1]);
  const i = info.indexOf(":");
  return i >= 0 ? [info, info.slice(i + 1), m[1]] : [info, m[1]];
}
function headerSecrets(value) {
  const out = [value];
  const m = /^\s*authorization:\s*(basic|bearer|token)\s+(\S+)/i.exec(value);
  if (m) {
    out.push(m[2]);
    if (m[1].toLowerCase() === "basic") {
      const decoded = Buffer.from(m[2], "base64").toString("utf8");
      out.push(decoded);
      const i = decoded.indexOf(":");
      if (i >= 0) out.push(decoded.slice(i + 1));
    }
  }
  return out;
}
async function findCredentials(dir, env) {
  const r = await git(dir, ["config", "--list", "--show-origin", "-z"], { env });
  if (r.exitCode !== 0) return [];
  const fields = splitNul(r.stdout);
  const out = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const origin = fields[i].replace(/^file:/, "");
    const nl = fields[i + 1].indexOf("\n");
    const key = nl < 0 ? fields[i + 1] : fields[i + 1].slice(0, nl);
    const value = nl < 0 ? "" : fields[i + 1].slice(nl + 1);
    const file = path.resolve(dir, origin);
    const lower = key.toLowerCase();
    if (/^http\.(.*\.)?extraheader$/.test(lower) && value) out.push({ kind: "http extraheader", key, file, secrets: headerSecrets(value) });
    else if (USERINFO.test(key) || USERINFO.test(value)) out.push({ kind: "URL with credentials", key, file, secrets: [...userinfoSecrets(key), ...userinfoSecrets(value)] });
    else if (/^credential\.(.*\.)?helper$/.test(lower) && value) out.push({ kind: "credential helper", key, file, secrets: [] });
  }
  return out;
}
async function sanitizedViews(findings, dir) {
  const byFile = /* @__PURE__ */ new Map();
  for (const f of findings) byFile.set(f.file, [...byFile.get(f.file) ?? [], f]);
  mkdirSync(dir, { recursive: true });
  const views = [];
  let n = 0;
  for (const [file, list] of byFile) {
    const copy = path.join(dir, `gitconfig-${++n}`);
    copyFileSync(file, copy);
    for (const key of new Set(list.map((f) => f.key))) {
      const r = await git(dir, ["config", "--file", copy, "--unset-all", key]);
      if (r.exitCode !== 0 && r.exitCode !== 5) throw new Error(`could not remove ${key} from a copy of ${file}: ${r.stderr.trim()}`);
    }
    views.push([file, copy]);
  }
  return views;
}
function describeFindings(findings) {
  return findings.map((f) => `${f.kind} ${f.key.replace(USERINFO, (m, info) => m.replace(info, "***"))} in ${f.file}`);
}

// src/suite/containment.ts
async function checkCredentials(repoDir, containment) {
  const findings = await findCredentials(repoDir, gitEnv({ GIT_CONFIG_GLOBAL: "/dev/null" }));
  const stopping = findings.filter((f) => f.kind !== "credential helper");
  if (stopping.length > 0 && !containment.active) {
    throw new PreflightError(
      describeFindings(stopping).map(
        (d) => `the git config holds a credential the agent could read: ${d}; check out with actions/checkout's \`persist-credentials: false\` (or remove it), or run with containment (bubblewrap) so the agent sees the config without it`
      )
    );
  }
  return findings;
}
function userSecretsDirs(workDir) {
  const out = [];
  for (const d of [os.homedir(), process.env.RUNNER_TEMP]) {
    if (!d || realOrResolved(d) === "/" || realOrResolved(workDir) === realOrResolved(d)) continue;
    out.push(d);
  }
  return out;
}
async function prepareAgentSide(i) {
  const tag = randomBytes(12).toString("hex");
  const stateDir = path2.join(i.tmp, "opencode-state");
  const state = stateEnv(stateDir);
  const set = { ...state, [PROCESS_TAG_VAR]: tag };
  const serverEnv = agentEnv({ from: process.env, keyNames: i.keyNames, pass: i.envPass, set });
  const codeEnv = agentEnv({ from: process.env, keyNames: [], pass: i.envPass, set });
  if (!i.containment.active) return { serverEnv, codeEnv, tag, wrap: (command, args) => ({ command, args }) };
  const views = await sanitizedViews(i.credentials, path2.join(i.tmp, "views"));
  for (const d of i.harnessDirs) mkdirSync2(d, { recursive: true });
  const policy = derivePolicy({
    workDir: i.workDir,
    writeAllowlist: i.writeAllowlist,
    harnessPaths: i.harnessPaths,
    commonDir: i.commonDir,
    otherCheckouts: i.otherCheckouts,
    hidden: [...i.harnessDirs, ...userSecretsDirs(i.workDir)],
    stateDirs: [stateDir],
    // Node (T3's checks run it) and the opencode binary may live under a hidden HOME.
    readable: [...i.readable, path2.dirname(path2.dirname(process.execPath))],
    views
  });
  return { policy, serverEnv, codeEnv, tag, wrap: (command, args) => contain(i.containment, policy, command, args) };
}
function registeredSecrets(env, roles, keyNames, credentials) {
  const out = /* @__PURE__ */ new Map();
  const names = [...roles.map((r) => r.key_env), ...keyNames];
  for (const [name, value] of Object.entries(env)) if (value && secretValues({ [name]: value }, names).length > 0) out.set(`env ${name}`, value);
  for (const [n, f] of credentials.entries()) for (const [i, s] of f.secrets.entries()) if (s.length >= 8) out.set(`git config credential ${n + 1} (${f.kind}) part ${i + 1}`, s);
  return out;
}

// src/suite/layout.ts
import { existsSync } from "node:fs";
async function repoLayout(dir) {
  const commonDir = realOrResolved((await gitOk(dir, ["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim());
  const r = await git(dir, ["worktree", "list", "--porcelain", "-z"]);
  const checkouts = [];
  let current;
  let bare = false;
  const flush = () => {
    if (current && !bare && existsSync(current)) checkouts.push(realOrResolved(current));
    current = void 0;
    bare = false;
  };
  for (const field of r.exitCode === 0 ? splitNul(r.stdout) : []) {
    if (field === "") flush();
    else if (field.startsWith("worktree ")) {
      flush();
      current = field.slice("worktree ".length);
    } else if (field === "bare") bare = true;
  }
  flush();
  if (checkouts.length === 0) checkouts.push(realOrResolved((await gitOk(dir, ["rev-parse", "--show-toplevel"])).trim()));
  return { commonDir, checkouts: [...new Set(checkouts)] };
}

// src/ledger/result.ts
function writeCaseResult(runDir, result) {
  assertSchema("opencode_dogfood_case_result", result);
  const file = resultPath(runDir, result.case_id);
  writeJsonAtomic(file, result);
  writeSidecar(file);
  return file;
}

// src/ledger/run-id.ts
import { mkdirSync as mkdirSync3, readdirSync } from "node:fs";
import path3 from "node:path";
var RUN_DIR = /^RUN_([0-9]{4,})$/;
function highestRunNumber(ledgerDir) {
  let names;
  try {
    names = readdirSync(ledgerDir);
  } catch {
    return 0;
  }
  return names.reduce((max, n) => {
    const m = RUN_DIR.exec(n);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
}
function formatRunId(n) {
  if (n > 9999) throw new Error(`run number ${n} does not fit the seed's RUN_XXXX pattern (at most RUN_9999)`);
  return `RUN_${String(n).padStart(4, "0")}`;
}
function allocateRun(ledgerDir) {
  mkdirSync3(ledgerDir, { recursive: true });
  for (let attempt = 0; attempt < 1e3; attempt++) {
    const runId = formatRunId(highestRunNumber(ledgerDir) + 1);
    const runDir = path3.join(ledgerDir, runId);
    try {
      mkdirSync3(runDir);
      return { runId, runDir };
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
  }
  throw new Error(`could not allocate a run id in ${ledgerDir}`);
}

// src/opencode/binary.ts
import { accessSync, constants, existsSync as existsSync2 } from "node:fs";
import { createRequire } from "node:module";
import path4 from "node:path";
function platformPackages(platform = process.platform, arch = process.arch) {
  const os3 = platform === "win32" ? "windows" : platform;
  const base = `opencode-${os3}-${arch}`;
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
  if (explicit) {
    if (!existsSync2(explicit) || !executable(explicit)) throw new InputError("opencode-path", `${explicit} is not an executable file`);
    return path4.resolve(explicit);
  }
  const require2 = createRequire(import.meta.url);
  const exe = process.platform === "win32" ? "opencode.exe" : "opencode";
  for (const pkg of platformPackages()) {
    try {
      const dir = path4.dirname(require2.resolve(`${pkg}/package.json`));
      const bin = path4.join(dir, "bin", exe);
      if (executable(bin)) return bin;
    } catch {
    }
  }
  for (const dir of (process.env.PATH ?? "").split(path4.delimiter)) {
    const bin = path4.join(dir, exe);
    if (dir && executable(bin)) return bin;
  }
  throw new InputError("opencode-path", "no opencode binary found: install the npm package opencode-ai, put opencode on PATH, or pass its path");
}

// src/suite/backends.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { writeFileSync } from "node:fs";
import path5 from "node:path";
function defaultServerEnv(o, pass = [], set = {}) {
  const keyNames = [...o.hermetic ? [] : providerKeyNames(o.model), ...o.roles.map((r) => r.key_env)];
  return agentEnv({ from: process.env, keyNames, pass, set: { ...stateEnv(path5.join(o.tmp, "opencode-state")), ...set } });
}
function hermeticKeys(roles) {
  const keyEnv = { [SCRIPTED_KEY_ENV]: `dogfood-${randomBytes2(12).toString("hex")}` };
  for (const r of roles) keyEnv[r.key_env] = `dogfood-${r.name}-${randomBytes2(12).toString("hex")}`;
  return keyEnv;
}
async function startBackends(o) {
  const keyEnv = o.hermetic ? hermeticKeys(o.roles) : {};
  let scripted;
  let scriptedLog;
  if (o.hermetic) {
    scriptedLog = path5.join(o.tmp, "scripted-model.jsonl");
    writeFileSync(scriptedLog, "");
    scripted = await startScriptedModel({ scripts: new Map(o.cases.map((c) => [c.id, c.turns])), logFile: scriptedLog });
  }
  let server;
  const config = buildConfig({ model: o.model, scriptedUrl: scripted?.url, roles: o.roles, writeAllowlist: o.writeAllowlist });
  try {
    const env = { ...o.env ?? defaultServerEnv(o), ...keyEnv };
    server = await startServer({ binary: o.binary, cwd: o.cwd, logDir: o.tmp, config, env, wrap: o.wrap });
  } catch (e) {
    await scripted?.close();
    throw e;
  }
  return {
    url: server.url,
    scriptedLog,
    keyEnv,
    configSha256: sha256(JSON.stringify(config)),
    pid: server.pid,
    async stop() {
      await server.stop();
      await scripted?.close();
    }
  };
}

// src/suite/preflight.ts
import { existsSync as existsSync3 } from "node:fs";
import path6 from "node:path";
var SCRATCH_TARGET = "docs/zz_scratch/opencode_dogfood_probe.md";
var SANDBOX_FIXTURES = "scripts/opencode_dogfood/sandbox/fixtures/";
function fixturePaths(cases) {
  const out = /* @__PURE__ */ new Set();
  for (const c of cases) {
    if (c.source !== "builtin") continue;
    for (const key of ["read_path", "test", "module"]) {
      const v = c.params?.[key];
      if (typeof v === "string") out.add(v);
    }
    if (c.check === "delete_sentinel" || c.check === "bugfix" || c.check === "append") {
      const v = c.params?.target;
      if (typeof v === "string") out.add(v);
    }
  }
  return [...out].sort();
}
async function preflight(workDir, cases, harnessPaths) {
  const failures = [];
  const status = await git(workDir, ["status", "--porcelain", "-z", "--untracked-files=all"]);
  if (status.exitCode !== 0) throw new PreflightError([`${workDir} is not a git repository: ${status.stderr.trim()}`]);
  const dirty = status.stdout.split("\0").filter(Boolean).map((rec) => rec.slice(3)).filter((p) => !harnessPaths.some((h) => p === h || p.startsWith(h) || h.startsWith(p.endsWith("/") ? p : `${p}/`)));
  if (dirty.length > 0) failures.push(`working tree not clean (git status --porcelain): ${dirty.slice(0, 5).join(", ")}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ""}`);
  if (!existsSync3(path6.join(workDir, SCRATCH_TARGET))) failures.push(`scratch target missing: ${SCRATCH_TARGET} (run 'opencode-dogfood init')`);
  if (!existsSync3(path6.join(workDir, SANDBOX_FIXTURES))) failures.push(`sandbox fixtures missing: ${SANDBOX_FIXTURES} (run 'opencode-dogfood init')`);
  else for (const p of fixturePaths(cases)) if (!existsSync3(path6.join(workDir, p))) failures.push(`fixture missing: ${p} (run 'opencode-dogfood init')`);
  return failures;
}

// src/suite/worktree.ts
import { existsSync as existsSync4, readdirSync as readdirSync2 } from "node:fs";
import path7 from "node:path";
async function createWorktree(repoDir, worktreePath) {
  const target = path7.resolve(worktreePath);
  if (existsSync4(target) && readdirSync2(target).length > 0) throw new InputError("--worktree", `${target} exists and is not empty; give a new path`);
  const r = await git(repoDir, ["worktree", "add", "--detach", "--", target, "HEAD"]);
  if (r.exitCode !== 0) throw new InputError("--worktree", `git worktree add ${target} failed: ${r.stderr.trim()}`);
  return target;
}
async function removeWorktree(repoDir, worktreePath) {
  const r = await git(repoDir, ["worktree", "remove", "--", worktreePath]);
  if (r.exitCode === 0) return { removed: true, message: `worktree ${worktreePath} removed` };
  return { removed: false, message: `worktree left at ${worktreePath}: git refused to remove it (${r.stderr.trim().split("\n")[0]})` };
}

// src/suite/run.ts
function cliEntry() {
  if (process.env.OPENCODE_DOGFOOD_CLI) return process.env.OPENCODE_DOGFOOD_CLI;
  let dir = path8.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path8.join(dir, "cli.js");
    if (existsSync5(candidate)) return candidate;
    const inDist = path8.join(dir, "dist", "cli.js");
    if (existsSync5(inDist)) return inDist;
    dir = path8.dirname(dir);
  }
  throw new Error("dist/cli.js not found: run `npm run bundle`");
}
var DEFAULT_ROLES = (model) => model === BUILTIN_MODEL ? ["planner", "coder", "reviewer"].map((name) => ({ name, model: `${SCRIPTED_PROVIDER}-${name}/scripted`, key_env: `DOGFOOD_${name.toUpperCase()}_KEY` })) : [];
function relInside(root, target) {
  const rel = path8.relative(root, target);
  if (rel === "" || rel.startsWith("..") || path8.isAbsolute(rel)) return void 0;
  return toPosix(rel) + "/";
}
async function toplevel(dir, input) {
  if (!existsSync5(dir)) throw new InputError(input, `${dir} does not exist`);
  try {
    return realpathSync((await gitOk(dir, ["rev-parse", "--show-toplevel"])).trim());
  } catch {
    throw new InputError(input, `${dir} is not a git repository (or has no commit)`);
  }
}
async function runSuite(opts) {
  const progress = opts.onProgress ?? (() => {
  });
  const all = loadCases(opts.casesFile);
  const cases = selectCases(all, opts.stages, opts.caseId);
  const containment = resolveContainment(
    opts.containment ?? "auto",
    opts.serverUrl ? "the OpenCode server is yours (--server-url): it was not started by us, so it cannot be contained" : opts.backends ? "the servers were started by the caller" : void 0
  );
  const repoDir = await toplevel(opts.repoDir, "--repo");
  await gitOk(repoDir, ["rev-parse", "--verify", "HEAD"]).catch(() => {
    throw new InputError("--repo", `${repoDir} has no commit yet`);
  });
  const ledgerDir = path8.resolve(opts.ledgerDir ?? path8.join(repoDir, LEDGER_SUBDIR));
  const model = opts.model;
  const hermetic = model === BUILTIN_MODEL;
  const roles = opts.roles ?? DEFAULT_ROLES(model);
  if (opts.serverUrl) {
    const h = await health(opts.serverUrl, 5e3);
    if (!h.healthy) throw new InputError("--server-url", `${opts.serverUrl} does not answer GET /global/health (${h.error ?? "healthy=false"})`);
  }
  const binary = (opts.serverUrl || opts.backends) && opts.transport === "sdk" ? void 0 : resolveOpencodeBinary(opts.opencodePath);
  const agentCallsRoot = opts.ledgerDir ? path8.join(ledgerDir, "agent_calls") : path8.join(repoDir, AGENT_CALLS_SUBDIR);
  const harnessIn = (root) => [relInside(root, ledgerDir), relInside(root, agentCallsRoot)].filter((x) => !!x);
  const failures = await preflight(repoDir, cases, harnessIn(repoDir));
  if (failures.length > 0) throw new PreflightError(failures);
  const credentials = await checkCredentials(repoDir, containment);
  let workDir = repoDir;
  let worktreePath;
  if (opts.worktreePath) {
    worktreePath = await createWorktree(repoDir, opts.worktreePath);
    workDir = realpathSync(worktreePath);
  }
  const layout = await repoLayout(repoDir);
  const commonDir = layout.commonDir;
  const protectedDirs = layout.checkouts.filter((d) => d !== workDir).map((dir) => ({ dir, exclude: harnessIn(dir) }));
  const protectedBefore = await Promise.all(protectedDirs.map((p) => takeFingerprint(p.dir, p.exclude)));
  const opencodeStateFile = path8.join(commonDir, "opencode");
  const hadOpencodeState = existsSync5(opencodeStateFile);
  const inWorktree = (await checkWorktree(workDir)).is_worktree;
  const repoCommit = (await gitOk(workDir, ["rev-parse", "HEAD"])).trim();
  const { runId, runDir } = allocateRun(ledgerDir);
  const agentCallsDir = path8.join(agentCallsRoot, runId);
  const harnessPaths = harnessIn(workDir);
  const inPlaceBefore = worktreePath ? void 0 : await takeSnapshot(workDir, { exclude: harnessPaths });
  const tmp = mkdtempSync(path8.join(os2.tmpdir(), `opencode-dogfood-${runId}-`));
  const parent = path8.dirname(workDir);
  const sharedParent = [os2.tmpdir(), "/tmp", "/var/tmp", "/"].map((d) => path8.resolve(d)).includes(parent);
  const canaries = inWorktree ? [plantCanary(parent, runId, !containment.active && !sharedParent)] : [];
  progress({ kind: "run-start", runId, runDir, cases: cases.length });
  progress({ kind: "containment", line: containmentLabel(containment) });
  let backends = opts.backends;
  let serverUrl = opts.serverUrl ?? opts.backends?.url;
  let serverError;
  const summaries = [];
  let stopReason;
  let childEnv = {};
  let secrets = [];
  let registered = /* @__PURE__ */ new Map();
  let pending;
  const keyNames = [...hermetic ? [] : providerKeyNames(model), ...roles.map((r) => r.key_env)];
  const agent = await prepareAgentSide({
    containment,
    workDir,
    commonDir,
    otherCheckouts: protectedDirs.map((p) => p.dir),
    writeAllowlist: opts.writeAllowlist,
    harnessPaths,
    harnessDirs: [ledgerDir, agentCallsRoot, tmp],
    tmp,
    readable: binary ? binaryFolders(binary) : [],
    credentials,
    keyNames,
    envPass: opts.envPass ?? []
  });
  try {
    if (!serverUrl) {
      const t0 = Date.now();
      try {
        const launch = (command, args) => {
          const c = agent.wrap(command, args);
          return opts.launcher ? { command: opts.launcher, args: [c.command, ...c.args] } : c;
        };
        backends = await startBackends({ model, hermetic, roles, writeAllowlist: opts.writeAllowlist, cases: all, binary, cwd: workDir, tmp, env: agent.serverEnv, wrap: launch });
        serverUrl = backends.url;
        progress({ kind: "server-start", url: serverUrl, ms: Date.now() - t0 });
      } catch (e) {
        serverError = e.message;
        serverUrl = "http://127.0.0.1:9";
        progress({ kind: "stop", reason: `OpenCode server could not start: ${serverError}` });
      }
    }
    childEnv = Object.fromEntries(Object.entries({ ...process.env, ...backends?.keyEnv }).filter((e) => typeof e[1] === "string"));
    registered = registeredSecrets(childEnv, roles, keyNames, credentials);
    secrets = [...registered.values()];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const gate = stopReason ? { stop: true, reason: stopReason } : stageGate(c.stage, summaries);
      if (gate.stop) {
        if (!stopReason && gate.reason) progress({ kind: "stage-gate", stage: c.stage, reason: gate.reason });
        stopReason ??= gate.reason;
        summaries.push(skipped(c, gate.reason));
        continue;
      }
      progress({ kind: "case-start", caseId: c.id, stage: c.stage, index: i + 1, total: cases.length });
      const ctx = {
        runId,
        runDir,
        caseDef: c,
        serverUrl,
        model,
        transport: opts.transport,
        workDir,
        writeAllowlist: opts.writeAllowlist,
        deletionAllowlist: opts.deletionAllowlist,
        latencyBudgetMs: opts.latencyBudgetMs,
        caseTimeoutMs: opts.caseTimeoutMs,
        agentCallsDir,
        roles,
        scriptedLog: backends?.scriptedLog,
        opencodeBinary: binary,
        launcher: opts.launcher,
        harnessPaths,
        // Under containment the other checkouts are out of reach: fingerprinted once a run, not per case.
        protectedCheckouts: containment.active ? [] : protectedDirs,
        containment,
        policy: agent.policy,
        processTag: agent.tag,
        codeEnv: agent.codeEnv,
        canaries,
        configSha256: backends?.configSha256,
        verdictFile: path8.join(tmp, `${c.id}.verdict.json`)
      };
      const waitMs = opts.caseTimeoutMs + 6e4;
      const proc = pending ?? startCaseProcess(tmp, i, childEnv, waitMs);
      pending = void 0;
      const running = execCase(ctx, proc, registered, repoCommit);
      if (i + 1 < cases.length) pending = startCaseProcess(tmp, i + 1, childEnv, waitMs);
      const summary2 = await running;
      summaries.push(summary2);
      progress({ kind: "case-end", summary: summary2, index: i + 1, total: cases.length });
      const d = afterCase(summary2, c, opts.failFast);
      if (d.stop) {
        stopReason = d.reason;
        progress({ kind: "stop", reason: d.reason });
      }
    }
  } finally {
    if (pending) await cancelCaseProcess(pending);
    if (backends && backends !== opts.backends) await backends.stop();
    canaries.forEach(removeCanary);
  }
  const summary = writeSummary(runDir, runId, repoCommit, summaries, stopReason, containmentLabel(containment));
  const problems = verifyRun(runDir);
  if (problems.length > 0) throw new Error(`harness bug: the ledger of ${runId} does not verify:
${problems.join("\n")}`);
  let worktree;
  if (worktreePath) {
    const r = summary.final_verdict === "PASS" ? await removeWorktree(repoDir, worktreePath) : { removed: false, message: `worktree left for inspection at ${worktreePath} (verdict ${summary.final_verdict})` };
    worktree = { path: worktreePath, ...r };
    progress({ kind: "cleanup", message: r.message });
  }
  if (!hadOpencodeState && existsSync5(opencodeStateFile)) rmSync(opencodeStateFile);
  const worktreesDir = path8.join(commonDir, "worktrees");
  const protectedChanges = (await Promise.all(protectedDirs.map(async (p, i) => compareFingerprints(protectedBefore[i], await takeFingerprint(p.dir, p.exclude, protectedBefore[i]))))).flat().filter((c) => !(worktreePath && c.path.startsWith(worktreesDir))).map((c) => `${c.kind} ${c.path}`);
  const inPlaceChanges = inPlaceBefore ? compareSnapshots(inPlaceBefore, await takeSnapshotAfter(inPlaceBefore, { exclude: harnessPaths })).map((c) => `${c.kind} ${path8.join(workDir, c.path)}`) : [];
  const checkoutChanges = [...protectedChanges, ...inPlaceChanges];
  if (summary.final_verdict === "PASS" && !serverError) rmSync(tmp, { recursive: true });
  return { runId, runDir, summary, worktree, checkoutChanges, containment: containmentLabel(containment) };
}
function binaryFolders(binary) {
  const real = realpathSync(binary);
  const out = [path8.dirname(real)];
  const i = real.lastIndexOf(`${path8.sep}node_modules${path8.sep}`);
  if (i >= 0) out.push(real.slice(0, i + "/node_modules".length));
  return out;
}
function startCaseProcess(tmp, slot, env, waitMs) {
  const ctxFile = path8.join(tmp, `case-${slot}.context.json`);
  const pidFile = path8.join(tmp, `case-${slot}.pid`);
  let stdout = "";
  let stderr = "";
  const done = exec(process.execPath, [cliEntry(), "__case", ctxFile, pidFile, String(waitMs)], {
    env,
    ignoreReturnCode: true,
    silent: true,
    listeners: {
      stdout: (d) => stdout += d.toString("utf8"),
      stderr: (d) => stderr += d.toString("utf8")
    }
  }).then(
    (exitCode) => ({ exitCode, stdout, stderr }),
    (e) => ({ exitCode: -1, stdout, stderr, startError: e.message })
  );
  return { ctxFile, pidFile, done };
}
async function cancelCaseProcess(p) {
  writeJsonAtomic(p.ctxFile, { cancel: true });
  await p.done;
}
async function execCase(ctx, proc, registered, repoCommit) {
  const secrets = [...registered.values()];
  const c = ctx.caseDef;
  const t0 = Date.now();
  writeJsonAtomic(proc.ctxFile, ctx);
  let killed = false;
  const backstop = setTimeout(() => {
    try {
      process.kill(Number(readFileSync2(proc.pidFile, "utf8")), "SIGKILL");
      killed = true;
    } catch {
    }
  }, ctx.caseTimeoutMs + 15e3);
  const r = await proc.done;
  clearTimeout(backstop);
  const { exitCode, stdout } = r;
  const stderr = r.startError ? `${r.stderr}
[opencode-dogfood] could not start the case process: ${r.startError}
` : r.stderr;
  const durationMs = Date.now() - t0;
  writeEvidence(ctx.runDir, c.id, "stdout.txt", redact(stdout, secrets));
  writeEvidence(ctx.runDir, c.id, "stderr.txt", redact(stderr, secrets));
  let v;
  try {
    v = JSON.parse(readFileSync2(ctx.verdictFile, "utf8"));
  } catch {
    v = void 0;
  }
  const verdict = v ?? {
    actual_outcome: "FAIL",
    failure_code: "CLIFAIL",
    reason: killed ? `case process exceeded ${ctx.caseTimeoutMs} ms and was ended by the suite` : `case process exited ${exitCode} without a verdict`,
    model_id: ctx.model,
    transport: ctx.transport,
    repo_commit: repoCommit,
    offending_paths: []
  };
  for (const name of ["git_status.txt", "repo_commit.txt", "worktree_check.txt"]) {
    if (!existsSync5(path8.join(ctx.runDir, "evidence", c.id, name))) writeEvidence(ctx.runDir, c.id, name, `not captured: ${verdict.reason}
`);
  }
  const status = statusOf(c.expected_outcome, verdict.actual_outcome, verdict.failure_code, c.expected_failure_code);
  const result = {
    schema_id: "opencode_dogfood_case_result",
    schema_version: "1.0",
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: verdict.actual_outcome,
    status,
    failure_code: verdict.failure_code ?? (status === "FAIL" ? "EVIDENCEMISMATCH" : null),
    run_id: ctx.runId,
    duration_ms: durationMs,
    model_id: verdict.model_id,
    transport: verdict.transport,
    repo_commit: /^[0-9a-f]{40}$/.test(verdict.repo_commit) ? verdict.repo_commit : repoCommit,
    evidence: (scrubCase(ctx, registered), sealEvidence(ctx.runDir, c.id)),
    reason: verdict.reason
  };
  if (result.failure_code === null && result.expected_outcome === "SUCCESS") delete result.failure_code;
  writeCaseResult(ctx.runDir, result);
  return {
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: result.actual_outcome,
    status,
    failure_code: result.failure_code ?? null,
    duration_ms: durationMs,
    reason: verdict.reason,
    offending_paths: verdict.offending_paths
  };
}
function scrubCase(ctx, registered) {
  const dir = path8.join(ctx.runDir, "evidence", ctx.caseDef.id);
  const files = existsSync5(dir) ? readdirSync3(dir).filter((n) => !n.endsWith(".sha256")).map((n) => path8.join(dir, n)) : [];
  const transcript = path8.join(ctx.agentCallsDir, `${ctx.caseDef.id}.json`);
  if (existsSync5(transcript)) files.push(transcript);
  const lines = [];
  for (const f of files) for (const r of scrubFile(f, registered)) lines.push(`${r.secret}	${r.form}	${r.count}	${JSON.stringify(path8.relative(ctx.runDir, f).split(path8.sep).join("/"))}`);
  if (lines.length > 0) writeEvidence(ctx.runDir, ctx.caseDef.id, "redactions.txt", lines.join("\n") + "\n");
}
function buildSummary(runId, repoCommit, cases, stopReason) {
  const count = (s) => cases.filter((c) => c.status === s).length;
  const passed = count("PASS");
  const failed = count("FAIL");
  const skippedN = count("SKIPPED");
  const summary = {
    schema_id: "opencode_dogfood_run_summary",
    schema_version: "1.0",
    run_id: runId,
    repo_commit: repoCommit,
    total_cases: cases.length,
    passed,
    failed,
    skipped: skippedN,
    final_verdict: failed === 0 && skippedN === 0 && cases.length > 0 ? "PASS" : "FAIL",
    cases
  };
  if (stopReason) summary.stop_reason = stopReason;
  else if (summary.final_verdict === "FAIL" && cases.length === 0) summary.stop_reason = "no case selected";
  return summary;
}
function writeSummary(runDir, runId, repoCommit, cases, stopReason, containment) {
  const summary = { ...buildSummary(runId, repoCommit, cases, stopReason), containment };
  assertSchema("opencode_dogfood_run_summary", summary);
  const file = path8.join(runDir, "run_summary.json");
  mkdirSync4(runDir, { recursive: true });
  writeJsonAtomic(file, summary);
  writeSidecar(file);
  return summary;
}

export {
  builtinCases,
  loadCases,
  platformPackages,
  resolveOpencodeBinary,
  startBackends,
  createWorktree,
  removeWorktree,
  cliEntry,
  DEFAULT_ROLES,
  runSuite,
  buildSummary
};
