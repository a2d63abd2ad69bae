import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  startReaper
} from "./chunk-3G5L2OZU.js";
import {
  BUILTIN_MODEL,
  afterCase,
  checkOpencodeVersion,
  opencodeVersion,
  parseVersion,
  resolveOpencodeBinary,
  selectCases,
  shareOf,
  skipped,
  stageGate,
  statusOf
} from "./chunk-DCJP7OYH.js";
import {
  AGENT_CALLS_SUBDIR,
  LEDGER_SUBDIR
} from "./chunk-NMVRJYBN.js";
import {
  SERVER_PASSWORD_ENV,
  checkWorktree,
  classify,
  closeRunCgroups,
  compareFingerprints,
  compareSnapshots,
  findNetns,
  git,
  gitEnv,
  gitOk,
  health,
  ledgerState,
  openRunCgroups,
  plantCanary,
  providerFault,
  readEgressLog,
  removeCanary,
  resultPath,
  sdkTransport,
  sealEvidence,
  splitNul,
  startEgressProxy,
  startScriptedModel,
  startServer,
  stateEnv,
  summaryDenied,
  sweepStaleCanaries,
  takeFingerprint,
  takeSnapshot,
  takeSnapshotAfter,
  unlistable,
  unlistableEntry,
  writeEvidence
} from "./chunk-NARH4RFJ.js";
import {
  asUsage,
  sumUsage
} from "./chunk-V23NUAJ5.js";
import {
  DEFAULT_CASE_LIMITS,
  SCRIPTED_KEY_ENV,
  SCRIPTED_PROVIDER,
  agentEnv,
  agentFor,
  buildConfig,
  contain,
  containmentLabel,
  deriveNetworkPolicy,
  derivePolicy,
  openNetwork,
  providerKeyNames,
  resolveContainment,
  routedProviders,
  upstreamOverrides
} from "./chunk-YVT2LATV.js";
import {
  DEFAULT_EVIDENCE_MAX_BYTES,
  readUntrustedFile
} from "./chunk-NXCGP3UY.js";
import {
  exec
} from "./chunk-4LHDLI6U.js";
import {
  CASE_PROCESS_VAR,
  PROCESS_TAG_VAR,
  SUITE_PID_VAR
} from "./chunk-3QWB5MIY.js";
import {
  signSummary
} from "./chunk-ED74ZWEH.js";
import {
  assertSchema,
  require_ajv,
  sealRunSummary,
  verifyRun
} from "./chunk-EJWB2SWA.js";
import {
  writeRunReport
} from "./chunk-RBMSUNWZ.js";
import {
  redact,
  scrubFile,
  secretValues
} from "./chunk-EPGW6SGM.js";
import {
  STAGES
} from "./chunk-AUNSJMXT.js";
import {
  SIDECAR_EXT,
  writeSidecar
} from "./chunk-5JSGXJPI.js";
import {
  realOrResolved,
  sha256,
  sha256File,
  toPosix,
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-ARXRJ6KT.js";
import {
  GitError,
  InputError,
  PreflightError
} from "./chunk-LZO5H7YI.js";
import {
  __toESM
} from "./chunk-LHSCZ3D7.js";

// src/suite/finish.ts
import { existsSync as existsSync6, rmSync as rmSync2 } from "node:fs";
import path14 from "node:path";

// src/cases/recording.ts
function relativeTo(v, workDir) {
  if (typeof v === "string")
    return v.split(workDir + "/").join("").split(workDir).join(".");
  if (Array.isArray(v)) return v.map((x) => relativeTo(x, workDir));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, relativeTo(x, workDir)]));
  return v;
}
function roots(m, workDir) {
  const all = [m.info?.path?.cwd, m.info?.path?.root, workDir].filter((x) => !!x && x !== "/");
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}
function faultFor(e) {
  if (e.statusCode !== void 0 && e.statusCode >= 400) {
    const f = { kind: "http", status: e.statusCode };
    if (e.retryAfterMs) f.retry_after_s = Math.ceil(e.retryAfterMs / 1e3);
    return f;
  }
  const c = classify(e, true);
  if (!c) return void 0;
  if (c.unreachable) return { kind: "refused" };
  if (c.cls === "broke_stream") return /JSON/i.test(e.message) ? { kind: "malformed" } : { kind: "cut" };
  if (c.cls === "rate_limited") return { kind: "http", status: 429 };
  if (c.cls === "rejected_key") return { kind: "http", status: 401 };
  return { kind: "http", status: 503 };
}
function turnsOf(r, abortedDelayMs, workDir) {
  const assistants = r.messages.filter((m) => m.info?.role === "assistant");
  const fault = providerFault(r);
  return assistants.map((m, i) => {
    const turn = {};
    const text = (m.parts ?? []).filter((p) => p.type === "text" && !p.synthetic && typeof p.text === "string").map((p) => p.text).join("");
    if (text) turn.text = text;
    const calls = (m.parts ?? []).filter((p) => p.type === "tool" && p.tool).map((p) => ({
      name: String(p.tool),
      arguments: roots(m, workDir).reduce((v, root) => relativeTo(v, root), p.state?.input ?? {})
    }));
    if (calls.length) turn.tool_calls = calls;
    const err = m.info?.error;
    const last = i === assistants.length - 1;
    if (err && err.name !== "MessageAbortedError") {
      const f = faultFor({ name: err.name, statusCode: err.data?.statusCode, message: err.data?.message ?? "", retryAfterMs: fault?.retry_after_ms });
      if (f) turn.fault = f;
    } else if (last && fault?.outcome === "failed" && fault.source === "session.status") {
      const f = faultFor({ message: fault.message });
      if (f) turn.fault = f;
    } else if (last && (err?.name === "MessageAbortedError" || r.timedOut) && !calls.length) {
      turn.delay_ms = abortedDelayMs;
    }
    return turn;
  });
}
function entry(c, turns) {
  const { id, stage, expected_outcome, expected_failure_code, purpose, check, prevention, prompt, params } = c;
  const e = { id, stage, expected_outcome };
  if (expected_failure_code) e.expected_failure_code = expected_failure_code;
  Object.assign(e, { purpose, check, prevention, prompt });
  if (params) e.params = params;
  e.turns = turns;
  return e;
}
function buildRecording(o) {
  const cases = o.cases.map((c) => {
    let transcript = [];
    try {
      transcript = JSON.parse(readUntrustedFile(o.transcriptFile(c.id)).toString("utf8"));
    } catch {
    }
    const budget = Number(c.params?.latency_budget_ms ?? o.latencyBudgetMs);
    const first = transcript.find((t) => Array.isArray(t.messages) && t.messages.length > 0);
    return entry(c, first ? turnsOf(first, Math.min(6e5, budget + 1e3), o.workDir) : []);
  });
  const doc = {
    $comment: `Recorded by opencode-dogfood from ${o.runId} (model ${o.model}): the provider's answers, turn by turn. Replay offline with: opencode-dogfood run --cases-file THIS_FILE (same --latency-budget).`,
    cases
  };
  return redact(JSON.stringify(doc, null, 2) + "\n", o.secrets);
}
function writeRecording(file, o) {
  writeFileAtomic(file, buildRecording(o));
}

// src/ledger/runner-setup.ts
import path from "node:path";
var RUNNER_SETUP_FILE = "runner_setup.json";
function writeRunnerSetup(runDir, record) {
  const file = path.join(runDir, RUNNER_SETUP_FILE);
  writeJsonAtomic(file, record);
  writeSidecar(file);
  return file;
}

// src/suite/facts.ts
function runFacts(model, serverVersion, binary) {
  const said = serverVersion ?? (binary ? opencodeVersion(binary) : void 0);
  const version = said ? parseVersion(said)?.version : void 0;
  return version ? { model, opencode_version: version } : { model };
}

// src/suite/pool.ts
import os4 from "node:os";

// src/opencode/warm-up.ts
async function warmUp(url, directory, o = {}) {
  const t0 = Date.now();
  const timeoutMs = o.timeoutMs ?? 3e4;
  const steps = [];
  const transport = sdkTransport(url, o.password);
  const done = (error) => ({ ms: Date.now() - t0, steps, ...error ? { error } : {} });
  try {
    await within(transport.registry(directory), timeoutMs, "GET /config/providers");
    steps.push("registry");
    if (!o.model) return done();
    const r = await transport.prompt({
      directory,
      model: o.model,
      agent: agentFor("readonly"),
      text: "opencode-dogfood warm-up: answer with one word.",
      budgetMs: timeoutMs,
      signal: o.signal
    });
    steps.push("prompt");
    return done(r.error ?? (r.timedOut ? `no answer within ${timeoutMs} ms` : void 0));
  } catch (e) {
    return done(e.message);
  }
}
function within(p, ms, what) {
  let timer;
  const late = new Promise((_, reject) => timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
function describeWarmUp(w) {
  if (w.error) return `warm-up failed${w.steps.length ? ` after ${w.steps.join(" + ")}` : ""}: ${w.error}`;
  return `warmed: ${w.steps.join(" + ")}, ${w.ms} ms`;
}

// src/suite/case-process.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path2 from "node:path";
import { fileURLToPath } from "node:url";

// src/ledger/result.ts
function writeCaseResult(runDir, result) {
  assertSchema("opencode_dogfood_case_result", result);
  const file = resultPath(runDir, result.case_id);
  writeJsonAtomic(file, result);
  writeSidecar(file);
  return file;
}

// src/suite/case-process.ts
function cliEntry() {
  if (process.env.OPENCODE_DOGFOOD_CLI) return process.env.OPENCODE_DOGFOOD_CLI;
  let dir = path2.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path2.join(dir, "cli.js");
    if (existsSync(candidate)) return candidate;
    const inDist = path2.join(dir, "dist", "cli.js");
    if (existsSync(inDist)) return inDist;
    dir = path2.dirname(dir);
  }
  throw new Error("dist/cli.js not found: run `npm run bundle`");
}
function startCaseProcess(tmp, slot, env, waitMs) {
  const ctxFile = path2.join(tmp, `case-${slot}.context.json`);
  const pidFile = path2.join(tmp, `case-${slot}.pid`);
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
var INTERRUPT_GRACE_MS = 3500;
function interruptedBy(signal) {
  const r = String(signal.reason ?? "a signal");
  return /^SIG[A-Z]+$/.test(r) ? `interrupted by ${r}` : r;
}
function stopFile(proc) {
  return `${proc.ctxFile}.stop`;
}
function signalCase(proc, sig) {
  try {
    process.kill(Number(readFileSync(proc.pidFile, "utf8")), sig);
    return true;
  } catch {
    return false;
  }
}
async function cancelCaseProcess(p) {
  writeJsonAtomic(p.ctxFile, { cancel: true });
  await p.done;
}
async function awaitCase(ctx, proc, interrupt) {
  const t0 = Date.now();
  writeJsonAtomic(proc.ctxFile, ctx);
  let killed = false;
  const backstop = setTimeout(() => {
    try {
      process.kill(Number(readFileSync(proc.pidFile, "utf8")), "SIGKILL");
      killed = true;
    } catch {
    }
  }, ctx.caseTimeoutMs + 15e3);
  let escalate;
  let killedOnInterrupt = false;
  const onInterrupt = () => {
    writeFileSync(stopFile(proc), interruptedBy(interrupt));
    signalCase(proc, "SIGTERM");
    escalate = setTimeout(() => killedOnInterrupt = signalCase(proc, "SIGKILL"), INTERRUPT_GRACE_MS);
  };
  if (interrupt?.aborted) onInterrupt();
  else interrupt?.addEventListener("abort", onInterrupt, { once: true });
  const r = await proc.done;
  clearTimeout(backstop);
  clearTimeout(escalate);
  interrupt?.removeEventListener("abort", onInterrupt);
  const stderr = r.startError ? `${r.stderr}
[opencode-dogfood] could not start the case process: ${r.startError}
` : r.stderr;
  return { exitCode: r.exitCode, stdout: r.stdout, stderr, durationMs: Date.now() - t0, killed, killedOnInterrupt };
}
function verdictOf(ctx, exit, repoCommit, interrupt) {
  let written;
  try {
    written = JSON.parse(readFileSync(ctx.verdictFile, "utf8"));
  } catch {
    written = void 0;
  }
  const verdict = written ?? {
    actual_outcome: "FAIL",
    failure_code: "CLIFAIL",
    reason: exit.killedOnInterrupt ? `${interruptedBy(interrupt)} during ${ctx.caseDef.id}: the case process did not end within ${INTERRUPT_GRACE_MS} ms and was killed` : exit.killed ? `case process exceeded ${ctx.caseTimeoutMs} ms and was ended by the suite` : `case process exited ${exit.exitCode} without a verdict`,
    model_id: ctx.model,
    transport: ctx.transport,
    repo_commit: repoCommit,
    offending_paths: []
  };
  return { verdict, written };
}
async function execCase(ctx, proc, secretsByLabel, repoCommit, interrupt) {
  const secretList = [...secretsByLabel.values()];
  const c = ctx.caseDef;
  const exit = await awaitCase(ctx, proc, interrupt);
  writeEvidence(ctx.runDir, c.id, "stdout.txt", redact(exit.stdout, secretList));
  writeEvidence(ctx.runDir, c.id, "stderr.txt", redact(exit.stderr, secretList));
  const { verdict, written } = verdictOf(ctx, exit, repoCommit, interrupt);
  for (const name of ["git_status.txt", "repo_commit.txt", "worktree_check.txt"]) {
    if (!existsSync(path2.join(ctx.runDir, "evidence", c.id, name))) writeEvidence(ctx.runDir, c.id, name, `not captured: ${verdict.reason}
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
    duration_ms: exit.durationMs,
    model_id: verdict.model_id,
    transport: verdict.transport,
    repo_commit: /^[0-9a-f]{40}$/.test(verdict.repo_commit) ? verdict.repo_commit : repoCommit,
    evidence: scrubThenSeal(ctx, secretsByLabel, c.id),
    reason: verdict.reason
  };
  if (result.failure_code === null && result.expected_outcome === "SUCCESS") delete result.failure_code;
  const resultFile = writeCaseResult(ctx.runDir, result);
  const tokens = asUsage(written?.tokens);
  return {
    case_id: c.id,
    stage: c.stage,
    expected_outcome: c.expected_outcome,
    actual_outcome: result.actual_outcome,
    status,
    failure_code: result.failure_code ?? null,
    duration_ms: exit.durationMs,
    reason: verdict.reason,
    offending_paths: verdict.offending_paths,
    result_sha256: sha256File(resultFile),
    ...tokens ? { tokens } : {},
    ...egressDenied(ctx.runDir, c.id)
  };
}
function egressDenied(runDir, caseId) {
  const denied = summaryDenied(readEgressLog(path2.join(runDir, "evidence", caseId, "egress.jsonl")));
  return denied.length > 0 ? { egress_denied: denied } : {};
}
function scrubThenSeal(ctx, secretsByLabel, id) {
  scrubCase(ctx, secretsByLabel);
  return sealEvidence(ctx.runDir, id);
}
function scrubCase(ctx, secretsByLabel) {
  const dir = path2.join(ctx.runDir, "evidence", ctx.caseDef.id);
  const files = existsSync(dir) ? readdirSync(dir).filter((n) => !n.endsWith(".sha256")).map((n) => path2.join(dir, n)) : [];
  const transcript = path2.join(ctx.agentCallsDir, `${ctx.caseDef.id}.json`);
  if (existsSync(transcript)) files.push(transcript);
  const lines = [];
  for (const f of files)
    for (const r of scrubFile(f, secretsByLabel))
      lines.push(`${r.secret}	${r.form}	${r.count}	${JSON.stringify(path2.relative(ctx.runDir, f).split(path2.sep).join("/"))}`);
  if (lines.length > 0) writeEvidence(ctx.runDir, ctx.caseDef.id, "redactions.txt", lines.join("\n") + "\n");
}

// src/suite/containment.ts
import { randomBytes } from "node:crypto";
import { mkdirSync as mkdirSync3 } from "node:fs";
import os2 from "node:os";
import path6 from "node:path";

// src/sandbox/credentials.ts
import { copyFileSync, lstatSync, mkdirSync, readdirSync as readdirSync2 } from "node:fs";
import path3 from "node:path";
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
function findingsIn(stdout, dir) {
  const fields = splitNul(stdout);
  const out = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const origin = fields[i].replace(/^file:/, "");
    const nl = fields[i + 1].indexOf("\n");
    const key = nl < 0 ? fields[i + 1] : fields[i + 1].slice(0, nl);
    const value = nl < 0 ? "" : fields[i + 1].slice(nl + 1);
    const file = path3.resolve(dir, origin);
    const lower = key.toLowerCase();
    if (/^http\.(.*\.)?extraheader$/.test(lower) && value) out.push({ kind: "http extraheader", key, file, secrets: headerSecrets(value) });
    else if (USERINFO.test(key) || USERINFO.test(value))
      out.push({ kind: "URL with credentials", key, file, secrets: [...userinfoSecrets(key), ...userinfoSecrets(value)] });
    else if (/^credential\.(.*\.)?helper$/.test(lower) && value) out.push({ kind: "credential helper", key, file, secrets: [] });
  }
  return out;
}
var MODULES_MAX = 1e3;
function otherConfigFiles(commonDir) {
  const out = [];
  const isFile = (f) => {
    try {
      return lstatSync(f).isFile();
    } catch {
      return false;
    }
  };
  const subdirs = (d) => {
    try {
      return readdirSync2(d, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path3.join(d, e.name));
    } catch {
      return [];
    }
  };
  const queue = subdirs(path3.join(commonDir, "modules"));
  for (let n = 0; queue.length > 0 && n < MODULES_MAX; n++) {
    const d = queue.shift();
    if (isFile(path3.join(d, "config"))) {
      out.push(path3.join(d, "config"));
      queue.push(...subdirs(path3.join(d, "modules")));
    } else queue.push(...subdirs(d));
  }
  for (const w of subdirs(path3.join(commonDir, "worktrees"))) if (isFile(path3.join(w, "config.worktree"))) out.push(path3.join(w, "config.worktree"));
  return out;
}
async function findCredentials(dir, env) {
  const r = await git(dir, ["config", "--list", "--show-origin", "-z"], { env });
  if (r.exitCode !== 0) return [];
  const out = findingsIn(r.stdout, dir);
  const common = await git(dir, ["rev-parse", "--path-format=absolute", "--git-common-dir"], { env });
  if (common.exitCode !== 0) return out;
  for (const file of otherConfigFiles(common.stdout.trim())) {
    const f = await git(dir, ["config", "--list", "--show-origin", "-z", "--includes", "--file", file], { env });
    if (f.exitCode === 0) out.push(...findingsIn(f.stdout, dir));
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
    const copy = path3.join(dir, `gitconfig-${++n}`);
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

// src/sandbox/grant.ts
import { execFile } from "node:child_process";
import { lstatSync as lstatSync2, lchownSync, opendirSync } from "node:fs";
import path4 from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
var RECORD_LIMIT = 2e5;
function recordOwners(root) {
  const out = /* @__PURE__ */ new Map();
  const stack = [root];
  while (stack.length > 0) {
    const p = stack.pop();
    let s;
    try {
      s = lstatSync2(p);
    } catch {
      continue;
    }
    out.set(p, { uid: s.uid, gid: s.gid });
    if (out.size > RECORD_LIMIT) return void 0;
    if (!s.isDirectory()) continue;
    try {
      const d = opendirSync(p);
      try {
        for (let e = d.readSync(); e; e = d.readSync()) stack.push(path4.join(p, e.name));
      } finally {
        d.closeSync();
      }
    } catch {
    }
  }
  return out;
}
async function chownTree(p, o) {
  try {
    await run("chown", ["-R", "-h", `${o.uid}:${o.gid}`, "--", p]);
    return void 0;
  } catch (e) {
    return `chown ${p}: ${(e.stderr || e.message).trim().split("\n")[0]}`;
  }
}
async function grantWrites(policy, agent, scope, problems = []) {
  const rules = policy.rules.filter((r) => r.access === "write" && (r.scope ?? "case") === scope);
  const records = rules.map((r) => ({ root: r.path, owners: recordOwners(r.path) }));
  for (const r of records) {
    const problem = await chownTree(r.root, { uid: agent.uid, gid: agent.gid });
    if (problem) problems.push(problem);
  }
  return {
    async giveBack() {
      const out = [];
      for (const r of records) {
        const top = r.owners?.get(r.root);
        if (!top) continue;
        const problem = await chownTree(r.root, top);
        if (problem) out.push(problem);
        for (const [p, o] of r.owners ?? []) {
          if (o.uid === top.uid && o.gid === top.gid) continue;
          try {
            lchownSync(p, o.uid, o.gid);
          } catch {
          }
        }
      }
      return out;
    }
  };
}

// src/sandbox/bridge.ts
import { chmodSync, mkdirSync as mkdirSync2, mkdtempSync, writeFileSync as writeFileSync2 } from "node:fs";
import net from "node:net";
import os from "node:os";
import path5 from "node:path";
var EGRESS_PORT = 15080;
var SUN_PATH_MAX = 108;
function makeBridgeDirs() {
  let root = "";
  for (const base of [os.tmpdir(), "/tmp"]) {
    const candidate = mkdtempSync(path5.join(base, "odf-net-"));
    if (path5.join(candidate, "out", "egress.sock").length < SUN_PATH_MAX) {
      root = candidate;
      break;
    }
  }
  if (!root) throw new Error("no temp folder short enough for a unix socket path (108 bytes): set TMPDIR to a short path");
  const outDir = path5.join(root, "out");
  const inDir = path5.join(root, "in");
  mkdirSync2(outDir);
  mkdirSync2(inDir);
  chmodSync(root, 448);
  const script = path5.join(outDir, "forwarder.cjs");
  writeFileSync2(script, FORWARDER);
  return {
    root,
    outDir,
    inDir,
    egressSocket: path5.join(outDir, "egress.sock"),
    serverSocket: path5.join(inDir, "server.sock"),
    script,
    insideUrl: `http://127.0.0.1:${EGRESS_PORT}`
  };
}
function behindForwarder(b, serverPort, command, args) {
  return { command: process.execPath, args: [b.script, b.egressSocket, String(EGRESS_PORT), b.serverSocket, String(serverPort), "--", command, ...args] };
}
async function expose(serverSocket) {
  const sockets = /* @__PURE__ */ new Set();
  const srv = net.createServer((c) => {
    sockets.add(c);
    const up = net.connect(serverSocket);
    c.pipe(up);
    up.pipe(c);
    const end = () => {
      c.destroy();
      up.destroy();
      sockets.delete(c);
    };
    c.on("error", end);
    up.on("error", end);
    c.on("close", end);
    up.on("close", end);
  });
  await new Promise((resolve, reject) => {
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => resolve());
  });
  const port = srv.address().port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => {
      for (const s of sockets) s.destroy();
      srv.close(() => r());
    })
  };
}
var FORWARDER = `'use strict'
const net = require('node:net')
const fs = require('node:fs')
const { spawn } = require('node:child_process')
const [egressSocket, egressPort, serverSocket, serverPort, sep, command, ...args] = process.argv.slice(2)
if (sep !== '--' || !command) { process.stderr.write('forwarder: bad arguments\\n'); process.exit(2) }
function relay(c, connectUp) {
  const up = connectUp()
  c.pipe(up); up.pipe(c)
  const end = () => { c.destroy(); up.destroy() }
  c.on('error', end); up.on('error', end); c.on('close', end); up.on('close', end)
}
const egress = net.createServer((c) => relay(c, () => net.connect(egressSocket)))
const inbound = net.createServer((c) => relay(c, () => net.connect(Number(serverPort), '127.0.0.1')))
try { fs.unlinkSync(serverSocket) } catch {}
let ready = 0
const go = () => {
  if (++ready < 2) return
  const child = spawn(command, args, { stdio: 'inherit' })
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => child.kill(s))
  child.on('exit', (code, signal) => process.exit(code === null ? 128 + (require('node:os').constants.signals[signal] || 9) : code))
  child.on('error', (e) => { process.stderr.write('forwarder: ' + e.message + '\\n'); process.exit(127) })
}
egress.listen(Number(egressPort), '127.0.0.1', go)
inbound.listen(serverSocket, go)
`;

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
  for (const d of [os2.homedir(), process.env.RUNNER_TEMP]) {
    if (!d || realOrResolved(d) === "/" || realOrResolved(workDir) === realOrResolved(d)) continue;
    out.push(d);
  }
  return out;
}
async function prepareAgentSide(i) {
  const tag = randomBytes(12).toString("hex");
  const stateDir = path6.join(i.tmp, "opencode-state");
  const state = stateEnv(stateDir);
  const safeDir = i.containment.active && i.containment.agent ? { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*" } : {};
  const set = { ...state, ...safeDir, [PROCESS_TAG_VAR]: tag };
  const serverEnv = agentEnv({ from: process.env, keyNames: i.keyNames, pass: i.envPass, set });
  const codeEnv = agentEnv({ from: process.env, keyNames: [], pass: i.envPass, set });
  const plain = (work) => work();
  if (!i.containment.active) return { serverEnv, codeEnv, tag, wrap: (command, args) => ({ command, args }), duringCase: plain };
  const views = await sanitizedViews(i.credentials, path6.join(i.tmp, "views"));
  for (const d of i.harnessDirs) mkdirSync3(d, { recursive: true });
  const bridge = i.networkNamespace === false ? void 0 : makeBridgeDirs();
  const policy = derivePolicy({
    workDir: i.workDir,
    writeAllowlist: i.writeAllowlist,
    harnessPaths: i.harnessPaths,
    commonDir: i.commonDir,
    otherCheckouts: i.otherCheckouts,
    hidden: [...i.harnessDirs, ...userSecretsDirs(i.workDir)],
    stateDirs: [stateDir],
    // Node (T3's checks and the bridge's forwarder run it) and the opencode binary may live under a hidden HOME.
    readable: [...i.readable, path6.dirname(path6.dirname(process.execPath))],
    views,
    readAllow: i.readAllow,
    bridge
  });
  if (!bridge) policy.sharedNetwork = true;
  const wrap = (command, args) => contain(i.containment, policy, command, args);
  const agent = i.containment.agent;
  if (!agent) return { policy, serverEnv, codeEnv, tag, bridge, wrap, duringCase: plain };
  const problems = [];
  await grantWrites(policy, agent, "run", problems);
  if (problems.length > 0) throw new PreflightError(problems.map((p) => `a folder of the run cannot be given to the agent's uid ${agent.uid}: ${p}`));
  const duringCase = async (work, note) => {
    const granted = [];
    const grant = await grantWrites(policy, agent, "case", granted);
    try {
      return await work();
    } finally {
      for (const line of [...granted, ...await grant.giveBack()]) note?.(`write grant: ${line}`);
    }
  };
  return { policy, serverEnv, codeEnv, tag, bridge, wrap, duringCase };
}
function registeredSecrets(env, roles, keyNames, credentials) {
  const out = /* @__PURE__ */ new Map();
  const names = [...roles.map((r) => r.key_env), ...keyNames];
  for (const [name, value] of Object.entries(env)) if (value && secretValues({ [name]: value }, names).length > 0) out.set(`env ${name}`, value);
  for (const [n, f] of credentials.entries())
    for (const [i, s] of f.secrets.entries()) if (s.length >= 8) out.set(`git config credential ${n + 1} (${f.kind}) part ${i + 1}`, s);
  return out;
}

// src/suite/prepare.ts
import { existsSync as existsSync5, mkdirSync as mkdirSync5, mkdtempSync as mkdtempSync2, realpathSync } from "node:fs";
import os3 from "node:os";
import path11 from "node:path";

// src/cases/catalog.ts
var import_ajv = __toESM(require_ajv(), 1);
import { readFileSync as readFileSync2 } from "node:fs";

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
      params: { latency_budget_ms: 3e3, work: { command: "sleep 30", min_duration_ms: 3e4 } },
      prompt: "Run this exact shell command with your bash tool and wait for it to finish: sleep 30. Do not run it in the background and do not shorten it. Then reply with the single word: done",
      turns: [
        { delay_ms: 50, tool_calls: [{ name: "bash", arguments: { command: "sleep 30", description: "Wait 30 seconds as asked" } }] },
        { delay_ms: 50, text: "done" }
      ]
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
          check: { enum: ["agent", "read_only", "write", "append", "codegen", "review", "ping", "roles", "invalid_model", "delete_sentinel", "bugfix", "testgen", "empty_prompt", "timeout"] },
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
                token_delay_ms: { type: "integer", minimum: 0, maximum: 6e4 },
                fault: {
                  type: "object",
                  required: ["kind"],
                  additionalProperties: false,
                  properties: {
                    kind: { enum: ["http", "cut", "malformed", "refused", "unresolvable"] },
                    status: { type: "integer", minimum: 400, maximum: 599 },
                    retry_after_s: { type: "integer", minimum: 0, maximum: 3600 },
                    times: { type: "integer", minimum: 1 }
                  },
                  if: { properties: { kind: { const: "http" } } },
                  then: { required: ["status"] }
                },
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
var USER_CHECKS = ["agent", "read_only", "write", "append", "codegen", "review"];
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  return JSON.stringify(v ?? null);
}
function definition(c) {
  const { id, stage, expected_outcome, expected_failure_code, purpose, check, prevention, prompt, params } = c;
  return canonical({ id, stage, expected_outcome, expected_failure_code, purpose, check, prevention, prompt, params });
}
function loadCases(casesFile) {
  const cases = builtinCases();
  if (!casesFile) return cases;
  let text;
  try {
    text = readFileSync2(casesFile, "utf8");
  } catch (e) {
    throw new InputError("--cases-file", `cannot read ${casesFile} (${e.code ?? e.message})`);
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const restated = /* @__PURE__ */ new Set();
  for (const c of parseCasesFile(casesFile, text)) {
    const known = byId.get(c.id);
    if (known) {
      if (restated.has(c.id) || known.source !== "builtin" || definition(known) !== definition(c))
        throw new InputError(
          "--cases-file",
          `case id ${c.id} is already defined (built-in ids: T1C01\u2026T4E02 of the plan packet); a case that reuses a built-in id must restate it exactly, changing only its turns`
        );
      restated.add(c.id);
      known.turns = c.turns;
      known.source = casesFile;
      continue;
    }
    if (!USER_CHECKS.includes(c.check))
      throw new InputError("--cases-file", `case ${c.id}: check '${c.check}' belongs to the built-in cases; allowed: ${USER_CHECKS.join(", ")}`);
    byId.set(c.id, c);
    cases.push(c);
  }
  return cases.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
}

// src/ledger/run-id.ts
import { lstatSync as lstatSync3, mkdirSync as mkdirSync4, readdirSync as readdirSync3 } from "node:fs";
import path7 from "node:path";
var RUN_DIR = /^RUN_([0-9]{4,})$/;
function highestRunNumber(ledgerDir) {
  let names;
  try {
    names = readdirSync3(ledgerDir);
  } catch {
    return 0;
  }
  return names.reduce((max, n) => {
    const m = RUN_DIR.exec(n);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
}
function formatRunId(n) {
  if (n > MAX_RUN_NUMBER) throw new Error(`run number ${n} does not fit the seed's RUN_XXXX pattern (at most RUN_9999)`);
  return `RUN_${String(n).padStart(4, "0")}`;
}
function allocateRun(ledgerDir, input = "--ledger-dir") {
  mkdirSync4(ledgerDir, { recursive: true });
  for (let attempt = 0; attempt < 1e3; attempt++) {
    const next = highestRunNumber(ledgerDir) + 1;
    if (next > MAX_RUN_NUMBER)
      throw new InputError(
        input,
        `${ledgerDir} already holds RUN_${MAX_RUN_NUMBER}: run ids end there (four digits, the plan packet's rule); give another folder`
      );
    const runId = formatRunId(next);
    const runDir = path7.join(ledgerDir, runId);
    try {
      mkdirSync4(runDir);
      return { runId, runDir };
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
  }
  throw new Error(`could not allocate a run id in ${ledgerDir}`);
}
var MAX_RUN_NUMBER = 9999;
function checkLedgerFolders(root, dir, input) {
  const rel = path7.relative(root, dir);
  if (rel === "" || rel.startsWith("..") || path7.isAbsolute(rel)) return;
  let here = root;
  for (const part of rel.split(path7.sep)) {
    here = path7.join(here, part);
    let isLink = false;
    let isDir = false;
    try {
      const st = lstatSync3(here);
      isLink = st.isSymbolicLink();
      isDir = st.isDirectory();
    } catch {
      return;
    }
    const shown = path7.relative(root, here);
    if (isLink)
      throw new InputError(
        input,
        `${shown} is a symbolic link in the checkout: the run's ledger and transcripts go in real folders of the checkout (a link would carry them elsewhere); remove the link, or give --ledger-dir a folder outside the checkout`
      );
    if (!isDir)
      throw new InputError(input, `${shown} is in the checkout but not a folder: the run's ledger and transcripts go there; move it away, or give --ledger-dir`);
  }
}
function checkLedgerHome(root, ledgerDir, agentCallsRoot, input) {
  checkLedgerFolders(root, ledgerDir, input);
  checkLedgerFolders(root, agentCallsRoot, input);
  const highest = highestRunNumber(ledgerDir);
  if (highest >= MAX_RUN_NUMBER)
    throw new InputError(
      input,
      `${ledgerDir} already holds RUN_${highest}: run ids end at RUN_${MAX_RUN_NUMBER} (four digits, the plan packet's rule); move earlier runs elsewhere, or give --ledger-dir another folder`
    );
  const next = path7.join(agentCallsRoot, formatRunId(highest + 1));
  let there = true;
  try {
    lstatSync3(next);
  } catch {
    there = false;
  }
  if (there) throw new InputError(input, `${next} exists already: the next run's transcripts need a folder of their own; move it away`);
}

// src/suite/backends.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { rmSync, writeFileSync as writeFileSync3 } from "node:fs";
import path8 from "node:path";
function defaultServerEnv(o, pass = [], set = {}) {
  const keyNames = [...o.hermetic ? [] : providerKeyNames(o.model), ...o.roles.map((r) => r.key_env)];
  return agentEnv({ from: process.env, keyNames, pass, set: { ...stateEnv(path8.join(o.tmp, "opencode-state")), ...set } });
}
function hermeticKeys(roles) {
  const keyEnv = { [SCRIPTED_KEY_ENV]: `dogfood-${randomBytes2(12).toString("hex")}` };
  for (const r of roles) keyEnv[r.key_env] = `dogfood-${r.name}-${randomBytes2(12).toString("hex")}`;
  return keyEnv;
}
var PLACEHOLDER_KEY = "dogfood-placeholder-key-held-by-the-egress-proxy";
function portOf(args) {
  return Number(args[args.indexOf("--port") + 1]);
}
function proxyEnv(url) {
  const loop = "127.0.0.1,localhost,::1";
  return { HTTP_PROXY: url, HTTPS_PROXY: url, ALL_PROXY: url, http_proxy: url, https_proxy: url, all_proxy: url, NO_PROXY: loop, no_proxy: loop };
}
async function startNetworkSide(b, tmp, scriptedUrl, providers, allow) {
  const policy = deriveNetworkPolicy({ scriptedUrl, providers, allow, upstreams: upstreamOverrides(process.env, providers) });
  const log = path8.join(tmp, "egress.jsonl");
  writeFileSync3(log, "");
  return { policy, log, proxy: await startEgressProxy({ socketPath: b.egressSocket, logFile: log, policy, keys: process.env }) };
}
async function sandboxNetns(pid) {
  for (let i = 0; i < 20; i++) {
    const ref = findNetns(pid);
    if (ref) return ref;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { unknown: `no process under the server's pid ${pid} is in a network namespace of its own` };
}
async function startBackends(o) {
  const keyEnv = o.keyEnv ?? (o.hermetic ? hermeticKeys(o.roles) : {});
  let scripted;
  let scriptedLog;
  if (o.hermetic) {
    scriptedLog = path8.join(o.tmp, "scripted-model.jsonl");
    writeFileSync3(scriptedLog, "");
    scripted = await startScriptedModel({ scripts: new Map(o.cases.map((c) => [c.id, c.turns])), logFile: scriptedLog });
  }
  const b = o.bridge;
  const providers = o.hermetic ? [] : routedProviders([o.model, ...o.roles.map((r) => r.model)]);
  const net2 = b ? await startNetworkSide(b, o.tmp, scripted?.url, providers, o.egressAllow ?? []) : void 0;
  const closeNetwork = async () => {
    await net2?.front?.close();
    await net2?.proxy.close();
    if (b) rmSync(b.root, { recursive: true });
  };
  const scriptedUrl = scripted && b ? `${b.insideUrl}/r/scripted` : scripted?.url;
  let server;
  const config = buildConfig({ model: o.model, scriptedUrl, roles: o.roles, writeAllowlist: o.writeAllowlist });
  const placeholders = {};
  if (b && net2) {
    const provider = config.provider ?? {};
    for (const r of net2.policy.routes.filter((x) => x.key)) {
      provider[r.name] = { options: { baseURL: `${b.insideUrl}/r/${r.name}`, apiKey: PLACEHOLDER_KEY } };
      placeholders[r.key.env] = PLACEHOLDER_KEY;
    }
    if (Object.keys(provider).length > 0) config.provider = provider;
    if (!o.hermetic) for (const r of o.roles) placeholders[r.key_env] = PLACEHOLDER_KEY;
  }
  const behind = (command, args) => b ? behindForwarder(b, portOf(args), command, args) : { command, args };
  const wrap = (command, args) => {
    const f = behind(command, args);
    return o.wrap ? o.wrap(f.command, f.args) : f;
  };
  const reach = b && net2 ? async () => {
    net2.front = await expose(b.serverSocket);
    return net2.front.url;
  } : void 0;
  try {
    const env = { ...o.env ?? defaultServerEnv(o), ...keyEnv, ...b ? proxyEnv(b.insideUrl) : {}, ...placeholders };
    server = await startServer({ binary: o.binary, cwd: o.cwd, logDir: o.tmp, config, env, wrap, reach, signal: o.signal, onSpawn: o.onSpawn });
  } catch (e) {
    await scripted?.close();
    await closeNetwork();
    throw e;
  }
  const netns = b ? await sandboxNetns(server.pid) : void 0;
  return {
    url: server.url,
    password: server.password,
    scriptedLog,
    keyEnv,
    configSha256: sha256(JSON.stringify(config)),
    pid: server.pid,
    network: net2?.policy,
    egressLog: net2?.log,
    netns,
    async stop(graceMs) {
      await server.stop(graceMs);
      await closeNetwork();
      await scripted?.close();
    }
  };
}

// src/suite/layout.ts
import { existsSync as existsSync2 } from "node:fs";
async function repoLayout(dir) {
  const commonDir = realOrResolved((await gitOk(dir, ["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim());
  const r = await git(dir, ["worktree", "list", "--porcelain", "-z"]);
  const checkouts = [];
  let current;
  let bare = false;
  const flush = () => {
    if (current && !bare && existsSync2(current)) checkouts.push(realOrResolved(current));
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

// src/suite/preflight.ts
import { existsSync as existsSync3 } from "node:fs";
import path9 from "node:path";
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
  if (dirty.length > 0)
    failures.push(`working tree not clean (git status --porcelain): ${dirty.slice(0, 5).join(", ")}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ""}`);
  if (!existsSync3(path9.join(workDir, SCRATCH_TARGET))) failures.push(`scratch target missing: ${SCRATCH_TARGET} (run 'opencode-dogfood init')`);
  if (!existsSync3(path9.join(workDir, SANDBOX_FIXTURES))) failures.push(`sandbox fixtures missing: ${SANDBOX_FIXTURES} (run 'opencode-dogfood init')`);
  else for (const p of fixturePaths(cases)) if (!existsSync3(path9.join(workDir, p))) failures.push(`fixture missing: ${p} (run 'opencode-dogfood init')`);
  return failures;
}

// src/suite/worktree.ts
import { existsSync as existsSync4, readdirSync as readdirSync4 } from "node:fs";
import path10 from "node:path";
function createWorktree(repoDir, worktreePath) {
  const made = creating.then(() => addWorktree(repoDir, worktreePath));
  creating = made.catch(() => void 0);
  return made;
}
var creating = Promise.resolve();
async function addWorktree(repoDir, worktreePath) {
  const target = path10.resolve(worktreePath);
  if (existsSync4(target) && readdirSync4(target).length > 0) throw new InputError("--worktree", `${target} exists and is not empty; give a new path`);
  const r = await git(repoDir, ["worktree", "add", "--detach", "--", target, "HEAD"]);
  if (r.exitCode !== 0) throw new InputError("--worktree", `git worktree add ${target} failed: ${r.stderr.trim()}`);
  return target;
}
async function removeWorktree(repoDir, worktreePath) {
  const r = await git(repoDir, ["worktree", "remove", "--", worktreePath]);
  if (r.exitCode === 0) return { removed: true, message: `worktree ${worktreePath} removed` };
  return { removed: false, message: `worktree left at ${worktreePath}: git refused to remove it (${r.stderr.trim().split("\n")[0]})` };
}

// src/suite/prepare.ts
var DEFAULT_ROLES = (model) => model === BUILTIN_MODEL ? ["planner", "coder", "reviewer"].map((name) => ({ name, model: `${SCRIPTED_PROVIDER}-${name}/scripted`, key_env: `DOGFOOD_${name.toUpperCase()}_KEY` })) : [];
function relInside(root, target) {
  const rel = path11.relative(root, target);
  if (rel === "" || rel.startsWith("..") || path11.isAbsolute(rel)) return void 0;
  return toPosix(rel) + "/";
}
async function toplevel(dir, input) {
  if (!existsSync5(dir)) throw new InputError(input, `${dir} does not exist`);
  try {
    return realpathSync((await gitOk(dir, ["rev-parse", "--show-toplevel"])).trim());
  } catch (e) {
    const said = e instanceof GitError ? e.stderr : "";
    const m = /detected dubious ownership in repository at '([^']+)'/.exec(said);
    if (m)
      throw new InputError(
        input,
        `git refuses ${m[1]}: detected dubious ownership (it belongs to another user); if you trust it: git config --global --add safe.directory ${m[1]}`
      );
    throw new InputError(input, `${dir} is not a git repository (or has no commit)${said ? `: ${said.trim().split("\n")[0]}` : ""}`);
  }
}
function binaryFolders(binary) {
  const real = realpathSync(binary);
  const out = [path11.dirname(real)];
  const i = real.lastIndexOf(`${path11.sep}node_modules${path11.sep}`);
  if (i >= 0) out.push(real.slice(0, i + "/node_modules".length));
  return out;
}
async function resolveInputs(opts) {
  const catalogue = loadCases(opts.casesFile);
  const share = shareOf(selectCases(catalogue, opts.stages, opts.caseId), opts);
  const cases = share.cases;
  const containment = resolveContainment(
    opts.containment ?? "auto",
    opts.serverUrl ? "the OpenCode server is yours (--server-url): it was not started by us, so it cannot be contained" : opts.backends ? "the servers were started by the caller" : void 0,
    opts.bwrapPath
  );
  const repoDir = await toplevel(opts.repoDir, "--repo");
  await gitOk(repoDir, ["rev-parse", "--verify", "HEAD"]).catch(() => {
    throw new InputError("--repo", `${repoDir} has no commit yet`);
  });
  const ledgerDir = path11.resolve(opts.ledgerDir ?? path11.join(repoDir, LEDGER_SUBDIR));
  const model = opts.model;
  const userPassword = opts.serverUrl ? process.env[SERVER_PASSWORD_ENV] || void 0 : void 0;
  if (opts.serverUrl) {
    const h = await health(opts.serverUrl, 5e3, userPassword);
    if (!h.healthy) throw new InputError("--server-url", `${opts.serverUrl} does not answer GET /global/health (${h.error ?? "healthy=false"})`);
    if (h.version) checkOpencodeVersion(h.version, opts.serverUrl, "--server-url");
  }
  const binary = (opts.serverUrl || opts.backends) && opts.transport === "sdk" ? void 0 : resolveOpencodeBinary(opts.opencodePath);
  return {
    opts,
    progress: opts.onProgress ?? (() => {
    }),
    catalogue,
    cases,
    share,
    containment,
    repoDir,
    ledgerDir,
    // Transcripts go to logs/agent_calls/ of the checkout, or beside a custom ledger.
    agentCallsRoot: opts.ledgerDir ? path11.join(ledgerDir, "agent_calls") : path11.join(repoDir, AGENT_CALLS_SUBDIR),
    model,
    hermetic: model === BUILTIN_MODEL,
    roles: opts.roles ?? DEFAULT_ROLES(model),
    userPassword,
    binary
  };
}
function harnessIn(i, root) {
  return [relInside(root, i.ledgerDir), relInside(root, i.agentCallsRoot)].filter((x) => !!x);
}
async function prepareCheckouts(i) {
  const { opts, repoDir, cases, containment } = i;
  const failures = await preflight(repoDir, cases, harnessIn(i, repoDir));
  if (failures.length > 0) throw new PreflightError(failures);
  checkLedgerHome(repoDir, i.ledgerDir, i.agentCallsRoot, "--ledger-dir");
  const credentials = await checkCredentials(repoDir, containment);
  const runWorktree = opts.worktreePath ? await createWorktree(repoDir, opts.worktreePath) : void 0;
  const workDir = runWorktree ? realpathSync(runWorktree) : repoDir;
  const layout = await repoLayout(repoDir);
  const protectedCheckouts = layout.checkouts.filter((d) => d !== workDir).map((dir) => ({ dir, exclude: harnessIn(i, dir) }));
  const protectedBefore = await Promise.all(protectedCheckouts.map((p) => takeFingerprint(p.dir, p.exclude)));
  const opencodeStateFile = path11.join(layout.commonDir, "opencode");
  const hadOpencodeState = existsSync5(opencodeStateFile);
  const inWorktree = (await checkWorktree(workDir)).is_worktree;
  const repoCommit = (await gitOk(workDir, ["rev-parse", "HEAD"])).trim();
  const blind = unlistable(await ledgerState([i.ledgerDir, i.agentCallsRoot]));
  if (blind.length > 0)
    throw new InputError(
      "--ledger-dir",
      `${blind[0]}${blind.length > 1 ? ` (and ${blind.length - 1} more)` : ""} cannot be listed or looked at by this user: the ledger watch would not see what is written below it; give it back its permissions (chmod -R u+rwX) or move it out of the ledger`
    );
  const { runId, runDir } = allocateRun(i.ledgerDir);
  const agentCallsDir = path11.join(i.agentCallsRoot, runId);
  mkdirSync5(i.agentCallsRoot, { recursive: true });
  try {
    mkdirSync5(agentCallsDir);
  } catch (e) {
    throw new InputError(
      "--ledger-dir",
      `${agentCallsDir} exists already (${e.code}): the run's transcripts need a folder of their own; move it away`
    );
  }
  const harnessPaths = harnessIn(i, workDir);
  return {
    workDir,
    runWorktree,
    commonDir: layout.commonDir,
    protectedCheckouts,
    protectedBefore,
    opencodeStateFile,
    hadOpencodeState,
    inWorktree,
    repoCommit,
    runId,
    runDir,
    agentCallsDir,
    harnessPaths,
    // The tree the agent works in (the checkout the run started in, or the run's worktree), before any
    // server starts: only what remains after the cases' restores counts (content, not stat data) — what
    // changed outside every case (a plugin of the repository's loaded by the server) is found at the end.
    workBefore: await takeSnapshot(workDir, { exclude: harnessPaths }),
    credentials
  };
}
function plantCanaries(i, c) {
  const parent = path11.dirname(c.workDir);
  const sharedParent = [os3.tmpdir(), "/tmp", "/var/tmp", "/"].map((d) => path11.resolve(d)).includes(parent);
  const stale = c.inWorktree ? sweepStaleCanaries(parent) : [];
  const canaries = c.inWorktree ? [plantCanary(parent, c.runId, !i.containment.active && !sharedParent)] : [];
  i.progress({ kind: "run-start", runId: c.runId, runDir: c.runDir, cases: i.cases.length });
  if (stale.length > 0)
    i.progress({
      kind: "note",
      line: `removed ${stale.length} canary file(s) of killed runs beside the worktree: ${stale.map((f) => path11.basename(f)).join(", ")}`
    });
  i.progress({ kind: "containment", line: containmentLabel(i.containment) });
  const blind = c.protectedBefore.flatMap((f) => [...f.tree].filter(([, e]) => unlistableEntry(e)).map(([rel]) => path11.join(f.root, rel)));
  if (blind.length > 0)
    i.progress({
      kind: "note",
      line: `not watched inside (this user cannot list them, in a checkout the run protects): ${blind.slice(0, 5).join(", ")}${blind.length > 5 ? ` and ${blind.length - 5} more` : ""}`
    });
  if (!i.containment.active) i.progress({ kind: "note", line: `network: ${openNetwork(i.containment.reason).summary}` });
  return canaries;
}
function serverInputOf(i, c, o) {
  const { opts } = i;
  return {
    model: i.model,
    hermetic: i.hermetic,
    roles: i.roles,
    writeAllowlist: opts.writeAllowlist,
    cases: i.catalogue,
    binary: o.binary,
    keyEnv: o.keyEnv,
    launcher: opts.launcher,
    egressAllow: opts.egressAllow,
    signal: opts.interrupt ? AbortSignal.any([opts.interrupt, o.giveUp]) : o.giveUp,
    // Killed outright, the run's reaper removes these (this run's own files outside the worktree and the ledger).
    leftovers: {
      canaries: o.canaries.map((x) => ({ file: x.file, content: x.content })),
      created: c.hadOpencodeState ? [] : [c.opencodeStateFile],
      caseTag: o.caseTag
    }
  };
}
async function prepareRun(opts) {
  const inputs = await resolveInputs(opts);
  const checkouts = await prepareCheckouts(inputs);
  const { credentials } = checkouts;
  const { model, roles, hermetic, binary, containment } = inputs;
  const tmp = mkdtempSync2(path11.join(os3.tmpdir(), `opencode-dogfood-${checkouts.runId}-`));
  const limits = opts.caseLimits ?? DEFAULT_CASE_LIMITS;
  const runCgroups = limits.procs !== null || limits.memory !== null ? openRunCgroups(checkouts.runId) : { reason: "processes and memory are not bounded (--case-limits)" };
  const canaries = plantCanaries(inputs, checkouts);
  const keyNames = [...hermetic ? [] : providerKeyNames(model), ...roles.map((r) => r.key_env)];
  const harnessDirs = [inputs.ledgerDir, inputs.agentCallsRoot, tmp];
  const agent = await prepareAgentSide({
    containment,
    workDir: checkouts.workDir,
    commonDir: checkouts.commonDir,
    otherCheckouts: checkouts.protectedCheckouts.map((p) => p.dir),
    writeAllowlist: opts.writeAllowlist,
    harnessPaths: checkouts.harnessPaths,
    harnessDirs,
    tmp,
    readable: binary ? binaryFolders(binary) : [],
    readAllow: opts.readAllow,
    credentials,
    keyNames,
    envPass: opts.envPass ?? [],
    networkNamespace: opts.networkNamespace
  });
  const keyEnv = opts.backends?.keyEnv ?? (hermetic && !opts.serverUrl ? hermeticKeys(roles) : {});
  const slotsGiveUp = new AbortController();
  const serverInput = binary ? serverInputOf(inputs, checkouts, { binary, keyEnv, canaries, caseTag: agent.tag, giveUp: slotsGiveUp.signal }) : void 0;
  return {
    ...inputs,
    ...checkouts,
    tmp,
    runCgroups,
    canaries,
    keyNames,
    agent,
    keyEnv,
    serverInput,
    slotsGiveUp,
    harnessDirs,
    runScope: {
      runId: checkouts.runId,
      model,
      transport: opts.transport,
      writeAllowlist: opts.writeAllowlist,
      deletionAllowlist: opts.deletionAllowlist,
      latencyBudgetMs: opts.latencyBudgetMs,
      caseTokenBudget: opts.caseTokenBudget,
      evidenceMaxBytes: opts.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES,
      limits,
      cgroups: runCgroups.cgroups,
      cgroupReason: runCgroups.reason,
      caseTimeoutMs: opts.caseTimeoutMs,
      roles,
      opencodeBinary: binary,
      launcher: opts.launcher,
      // Under containment the other checkouts are out of reach: fingerprinted once a run, not per case.
      protectedCheckouts: containment.active ? [] : checkouts.protectedCheckouts,
      containment,
      evidenceDirs: [inputs.ledgerDir, inputs.agentCallsRoot]
    }
  };
}

// src/suite/slots.ts
import { mkdirSync as mkdirSync6, realpathSync as realpathSync2 } from "node:fs";
import path12 from "node:path";
async function startSlotServer(agent, workDir, tmp, o) {
  const launch = (command, args) => {
    const c = agent.wrap(command, args);
    return o.launcher ? { command: o.launcher, args: [c.command, ...c.args] } : c;
  };
  const reapers = [];
  const reaper = (group) => {
    reapers.push(startReaper({ cli: cliEntry(), parent: process.pid, group, tag: agent.tag, leftovers: o.leftovers }));
  };
  const started = await startBackends({
    model: o.model,
    hermetic: o.hermetic,
    roles: o.roles,
    writeAllowlist: o.writeAllowlist,
    cases: o.cases,
    binary: o.binary,
    cwd: workDir,
    tmp,
    env: agent.serverEnv,
    wrap: launch,
    keyEnv: o.keyEnv,
    signal: o.signal,
    onSpawn: reaper,
    bridge: agent.bridge,
    egressAllow: o.egressAllow
  });
  const backends = {
    ...started,
    async stop(graceMs) {
      await started.stop(graceMs);
      for (const r of reapers) r.dismiss();
    }
  };
  return {
    ...backends,
    warmUp: await warmUp(backends.url, workDir, { password: backends.password, model: o.hermetic ? o.model : void 0, signal: o.signal })
  };
}
async function startSlot(o) {
  mkdirSync6(o.tmp, { recursive: true });
  const workDir = realpathSync2(await createWorktree(o.repoDir, o.dir));
  try {
    const agent = await prepareAgentSide({
      containment: o.containment,
      workDir,
      commonDir: o.commonDir,
      otherCheckouts: o.otherCheckouts,
      writeAllowlist: o.writeAllowlist,
      harnessPaths: [],
      harnessDirs: o.harnessDirs,
      tmp: o.tmp,
      readable: o.readable,
      readAllow: o.readAllow,
      credentials: o.credentials,
      keyNames: o.keyNames,
      envPass: o.envPass,
      networkNamespace: o.networkNamespace
    });
    const backends = await startSlotServer(agent, workDir, o.tmp, o);
    return {
      index: o.index,
      workDir,
      serverUrl: backends.url,
      serverPassword: backends.password,
      agent,
      backends,
      warm: describeWarmUp(backends.warmUp),
      ownWorktree: workDir
    };
  } catch (e) {
    await removeWorktree(o.repoDir, workDir);
    throw e;
  }
}
async function stopSlot(slot, repoDir, graceMs) {
  await slot.backends?.stop(graceMs);
  if (!slot.ownWorktree) return `slot ${slot.index}: stopped`;
  const r = await removeWorktree(repoDir, slot.ownWorktree);
  return `slot ${slot.index}: ${r.message}`;
}
function slotPaths(runTmp, index) {
  return { dir: path12.join(runTmp, `slot-${index}`, "wt"), tmp: path12.join(runTmp, `slot-${index}`, "tmp") };
}

// src/suite/pool.ts
function slotScope(run2, slot) {
  return {
    serverUrl: slot.serverUrl,
    serverPassword: slot.serverPassword,
    workDir: slot.workDir,
    scriptedLog: slot.backends?.scriptedLog,
    harnessPaths: slot.index === 0 ? run2.harnessPaths : [],
    policy: slot.agent.policy,
    network: slot.backends?.network,
    egressLog: slot.backends?.egressLog,
    netns: slot.backends?.netns,
    processTag: slot.agent.tag,
    codeEnv: slot.agent.codeEnv,
    canaries: slot.index === 0 ? run2.canaries : [],
    configSha256: slot.backends?.configSha256
  };
}
async function startFirstServer(run2) {
  const { opts, progress } = run2;
  const serverUrl = opts.serverUrl ?? opts.backends?.url;
  if (serverUrl || !run2.serverInput) return { backends: opts.backends, serverUrl };
  const t0 = Date.now();
  try {
    const started = await startSlotServer(run2.agent, run2.workDir, run2.tmp, run2.serverInput);
    progress({ kind: "server-start", url: started.url, ms: Date.now() - t0, warm: describeWarmUp(started.warmUp) });
    return { backends: started, serverUrl: started.url };
  } catch (e) {
    const serverError = e.message;
    run2.slotsGiveUp.abort(new Error("slot 0 could not start"));
    progress({ kind: "stop", reason: `OpenCode server could not start: ${serverError}` });
    return { serverError, serverUrl: "http://127.0.0.1:9" };
  }
}
function defaultJobs(hermetic, cores = os4.availableParallelism()) {
  return hermetic ? Math.max(1, Math.floor(cores / 2)) : Math.max(1, cores);
}
function startMoreSlots(run2, widest, up, secrets) {
  const { opts, progress, serverInput } = run2;
  if (!serverInput || opts.serverUrl || opts.backends) return [];
  const jobs = opts.jobs ?? defaultJobs(serverInput.hermetic);
  const wanted = Math.min(jobs, widest) - 1;
  if (wanted <= 0) return [];
  const alone = !run2.containment.active ? "without containment (each parallel worktree needs a sandbox that hides the others)" : (
    // Run in a checkout that is no worktree, T2b and later fail WORKTREE_REQUIRED there: a slot's worktree would change the verdict.
    !run2.inWorktree ? "in a checkout that is not a worktree (a parallel slot's worktree would change what they find)" : void 0
  );
  if (alone) {
    progress({ kind: "note", line: `--jobs ${jobs}: cases run one at a time ${alone}` });
    return [];
  }
  const dirs = Array.from({ length: wanted }, (_, k) => slotPaths(run2.tmp, k + 1));
  return dirs.map((d, k) => {
    const others = [...run2.protectedCheckouts.map((p2) => p2.dir), run2.workDir, ...dirs.filter((_, j) => j !== k).map((x) => x.dir)];
    const p = startSlot({
      ...serverInput,
      index: k + 1,
      dir: d.dir,
      tmp: d.tmp,
      repoDir: run2.repoDir,
      commonDir: run2.commonDir,
      otherCheckouts: others,
      containment: run2.containment,
      harnessDirs: run2.harnessDirs,
      readable: binaryFolders(serverInput.binary),
      readAllow: opts.readAllow,
      credentials: run2.credentials,
      keyNames: run2.keyNames,
      envPass: opts.envPass ?? [],
      networkNamespace: opts.networkNamespace
    });
    p.then(
      (s) => {
        up.push(s);
        if (s.serverPassword) secrets.byLabel?.set(`OpenCode server password (slot ${s.index})`, s.serverPassword);
        progress({ kind: "note", line: `slot ${s.index}: OpenCode server ready at ${s.serverUrl} (worktree ${s.workDir}; ${s.warm})` });
      },
      (e) => progress({ kind: "note", line: `slot ${k + 1} could not start (its cases run on the other slots): ${e.message}` })
    );
    return p;
  });
}
async function startPool(run2, widest) {
  const up = [];
  const secrets = {};
  const firstStart = startFirstServer(run2);
  const more = startMoreSlots(run2, widest, up, secrets);
  const { backends, serverError, serverUrl } = await firstStart;
  const caseEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...run2.keyEnv, [CASE_PROCESS_VAR]: run2.agent.tag, [SUITE_PID_VAR]: String(process.pid) }).filter(
      (e) => typeof e[1] === "string"
    )
  );
  const secretsByLabel = registeredSecrets(caseEnv, run2.roles, run2.keyNames, run2.credentials);
  secrets.byLabel = secretsByLabel;
  const password0 = backends?.password ?? run2.userPassword;
  if (password0) secretsByLabel.set("OpenCode server password (slot 0)", password0);
  for (const s of up) if (s.serverPassword) secretsByLabel.set(`OpenCode server password (slot ${s.index})`, s.serverPassword);
  const first = { index: 0, workDir: run2.workDir, serverUrl, serverPassword: password0, agent: run2.agent, backends };
  return { first, more, up, backends, serverError, caseEnv, secretsByLabel, waitMs: run2.opts.caseTimeoutMs + 6e4, spares: /* @__PURE__ */ new Map(), started: 0 };
}
function takeCaseProcess(pool, run2, slot, ahead) {
  const start = () => startCaseProcess(run2.tmp, pool.started++, pool.caseEnv, pool.waitMs);
  const spare = pool.spares.get(slot.index);
  pool.spares.delete(slot.index);
  let proc;
  if (spare && Date.now() - spare.since < pool.waitMs - 15e3) proc = spare.proc;
  else {
    if (spare) cancelCaseProcess(spare.proc).catch(() => {
    });
    proc = start();
  }
  if (ahead) pool.spares.set(slot.index, { proc: start(), since: Date.now() });
  return proc;
}
async function stopPool(run2, pool) {
  await Promise.all([...pool.spares.values()].map((s) => cancelCaseProcess(s.proc)));
  pool.spares.clear();
  await Promise.allSettled(pool.more);
  const grace = run2.opts.interrupt?.aborted ? 1e3 : void 0;
  await Promise.all([
    ...pool.up.map(async (s) => run2.progress({ kind: "note", line: await stopSlot(s, run2.repoDir, grace) })),
    pool.backends && pool.backends !== run2.opts.backends ? pool.backends.stop(grace) : void 0
  ]);
}
function caseContext(run2, slot, own) {
  return { ...run2.runScope, ...slotScope(run2, slot), ...own };
}

// src/suite/repeat.ts
import { copyFileSync as copyFileSync2, mkdirSync as mkdirSync7, readdirSync as readdirSync5, readFileSync as readFileSync3, statSync } from "node:fs";
import path13 from "node:path";
function attemptDir(runDir, id, k) {
  return path13.join(runDir, "attempts", id, String(k));
}
function attemptCallsDir(agentCallsDir, k) {
  return path13.join(agentCallsDir, "attempts", String(k));
}
function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync5(dir)) {
    const abs = path13.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...filesUnder(abs));
    else if (!name.endsWith(SIDECAR_EXT)) out.push(abs);
  }
  return out;
}
function aggregateAttempts(runDir, id, attempts, notRun) {
  const results = attempts.map((_, k) => JSON.parse(readFileSync3(path13.join(attemptDir(runDir, id, k + 1), "cases", `${id}.result.json`), "utf8")));
  const passed = attempts.filter((a2) => a2.status === "PASS").length;
  const rep = Math.max(
    0,
    attempts.findIndex((a2) => a2.status !== "PASS")
  );
  const from = path13.join(attemptDir(runDir, id, rep + 1), "evidence", id);
  const to = path13.join(runDir, "evidence", id);
  mkdirSync7(to, { recursive: true });
  for (const f of filesUnder(from)) {
    const dest = path13.join(to, path13.relative(from, f));
    mkdirSync7(path13.dirname(dest), { recursive: true });
    copyFileSync2(f, dest);
  }
  writeEvidence(
    runDir,
    id,
    "attempts.json",
    JSON.stringify(
      attempts.map((a2, k) => {
        const file2 = path13.join(attemptDir(runDir, id, k + 1), "cases", `${id}.result.json`);
        return {
          attempt: k + 1,
          status: a2.status,
          actual_outcome: a2.actual_outcome,
          failure_code: a2.failure_code,
          duration_ms: a2.duration_ms,
          reason: a2.reason,
          result: toPosix(path13.relative(runDir, file2)),
          result_sha256: sha256File(file2)
        };
      }),
      null,
      2
    ) + "\n"
  );
  const counted = attempts.filter((a2) => a2.tokens);
  const tokens = counted.length > 0 ? sumUsage(counted.map((a2) => a2.tokens)) : void 0;
  if (tokens)
    writeEvidence(
      runDir,
      id,
      "tokens.json",
      JSON.stringify({ total: tokens, attempts: attempts.map((a2, k) => ({ attempt: k + 1, ...a2.tokens ?? {} })) }, null, 2) + "\n"
    );
  const r = results[rep];
  const total = attempts.length;
  const status = passed === total && !notRun ? "PASS" : "FAIL";
  const rate = `${passed}/${total} attempts passed${notRun ? `; ${notRun}` : ""}`;
  const reason = status === "PASS" ? `${rate}; ${r.reason ?? ""}` : `${rate}; attempt ${rep + 1}: ${r.reason ?? ""}`;
  const duration = attempts.reduce((s, a2) => s + a2.duration_ms, 0);
  const result = { ...r, status, duration_ms: duration, reason, evidence: sealEvidence(runDir, id) };
  if (status === "FAIL" && !result.failure_code) result.failure_code = "EVIDENCEMISMATCH";
  if (notRun && passed === total) Object.assign(result, { actual_outcome: "FAIL", failure_code: "EVIDENCEMISMATCH" });
  const file = writeCaseResult(runDir, result);
  const a = attempts[rep];
  return {
    case_id: id,
    stage: a.stage,
    expected_outcome: a.expected_outcome,
    actual_outcome: result.actual_outcome,
    status,
    failure_code: result.failure_code ?? null,
    duration_ms: duration,
    reason,
    offending_paths: a.offending_paths,
    result_sha256: sha256File(file),
    attempts: { passed, total },
    ...tokens ? { tokens } : {}
  };
}

// src/suite/finish.ts
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
  const counted = cases.filter((c) => c.tokens);
  if (counted.length > 0) summary.tokens = sumUsage(counted.map((c) => c.tokens));
  if (stopReason) summary.stop_reason = stopReason;
  else if (summary.final_verdict === "FAIL" && cases.length === 0) summary.stop_reason = "no case selected";
  return summary;
}
async function closeRun(run2, pool) {
  if (pool) await stopPool(run2, pool);
  run2.canaries.forEach(removeCanary);
  const cgroups = run2.runCgroups.cgroups;
  for (const d of cgroups ? closeRunCgroups(cgroups) : []) run2.progress({ kind: "note", line: `cgroup left (it still holds processes): ${d}` });
  if (!run2.hadOpencodeState && existsSync6(run2.opencodeStateFile)) rmSync2(run2.opencodeStateFile);
}
async function sealLedger(run2, pool, done) {
  const { opts, runDir, runId, repoCommit } = run2;
  if (opts.runnerSetup) writeRunnerSetup(runDir, opts.runnerSetup);
  const facts = runFacts(run2.model, opts.serverUrl ? (await health(opts.serverUrl, 5e3, run2.userPassword)).version : void 0, run2.binary);
  const containment = containmentLabel(run2.containment);
  const unsealed = { ...buildSummary(runId, repoCommit, done.summaries, done.stopReason), containment, ...facts };
  writeRunReport(runDir, unsealed, pool.secretsByLabel);
  const summary = sealRunSummary(runDir, { ...unsealed, ...run2.share.field({ commit: repoCommit, ...facts }) });
  if (opts.signKey) signSummary(runDir, opts.signKey);
  const problems = verifyRun(runDir);
  const inLedger = (p) => p.startsWith(runDir + path14.sep) || p.startsWith(run2.agentCallsDir + path14.sep);
  const tampered = done.summaries.some((c) => c.offending_paths?.some(inLedger));
  if (problems.length > 0 && !tampered) throw new Error(`harness bug: the ledger of ${runId} does not verify:
${problems.join("\n")}`);
  return { summary, problems };
}
async function workChanges(run2) {
  const before = run2.workBefore;
  return compareSnapshots(before, await takeSnapshotAfter(before, { exclude: run2.harnessPaths })).map((c) => `${c.kind} ${path14.join(run2.workDir, c.path)}`);
}
async function protectedChanges(run2, pool) {
  const worktreesDir = path14.join(run2.commonDir, "worktrees");
  const before = run2.protectedBefore;
  return (await Promise.all(run2.protectedCheckouts.map(async (p, i) => compareFingerprints(before[i], await takeFingerprint(p.dir, p.exclude, before[i]))))).flat().filter((c) => !((run2.runWorktree || (pool?.more.length ?? 0) > 0) && c.path.startsWith(worktreesDir))).map((c) => `${c.kind} ${c.path}`);
}
async function finishRun(run2, pool, done) {
  const { opts, runDir, runId, repoDir, runWorktree } = run2;
  const { summary, problems } = await sealLedger(run2, pool, done);
  const outside = await workChanges(run2);
  let worktree;
  if (runWorktree) {
    const r = summary.final_verdict === "PASS" && outside.length === 0 ? await removeWorktree(repoDir, runWorktree) : {
      removed: false,
      message: `worktree left for inspection at ${runWorktree} (${outside.length > 0 ? `it holds ${outside.length} change(s) no case made` : `verdict ${summary.final_verdict}`})`
    };
    worktree = { path: runWorktree, ...r };
    run2.progress({ kind: "cleanup", message: r.message });
  }
  const changes = [...await protectedChanges(run2, pool), ...outside];
  if (opts.recordFile)
    writeRecording(opts.recordFile, {
      cases: run2.cases,
      runId,
      model: run2.model,
      transcriptFile: (id) => path14.join((opts.repeat ?? 1) > 1 ? attemptCallsDir(run2.agentCallsDir, 1) : run2.agentCallsDir, `${id}.json`),
      workDir: run2.workDir,
      latencyBudgetMs: opts.latencyBudgetMs,
      secrets: [...pool.secretsByLabel.values()]
    });
  if (summary.final_verdict === "PASS" && !pool.serverError) rmSync2(run2.tmp, { recursive: true });
  return { runId, runDir, summary, worktree, checkoutChanges: changes, containment: containmentLabel(run2.containment), ledgerProblems: problems };
}

// src/suite/schedule.ts
import path15 from "node:path";
function planEntries(cases, repeat, attemptsOf = () => repeat) {
  return cases.flatMap(
    (caseDef, index) => repeat === 1 ? [{ index, caseDef, attempt: 0 }] : Array.from({ length: attemptsOf(caseDef.id) }, (_, k) => ({ index, caseDef, attempt: k + 1 }))
  );
}
function stagesOf(entries) {
  const out = [];
  entries.forEach((e, i) => {
    if (i > 0 && entries[i - 1].caseDef.stage === e.caseDef.stage) out.at(-1).push(e);
    else out.push([e]);
  });
  return out;
}
function casesOf(entries) {
  return entries.filter((e, i) => entries.findIndex((x) => x.index === e.index) === i);
}
function widestStage(entries) {
  return Math.max(0, ...stagesOf(entries).map((s) => casesOf(s).length));
}
function writtenFile(file) {
  const dir = path15.dirname(file);
  const name = path15.basename(file);
  return [name, name + SIDECAR_EXT].flatMap((n) => [{ exact: path15.join(dir, n) }, { temp: path15.join(dir, `.${n}.`) }]);
}
function neighbourWrites(run2, other) {
  const { runDir, agentCallsDir } = run2;
  const calls = [agentCallsDir, ...Array.from({ length: run2.opts.repeat ?? 1 }, (_, k) => attemptCallsDir(agentCallsDir, k + 1))];
  return [
    { below: path15.join(runDir, "evidence", other) },
    { below: path15.join(runDir, "attempts", other) },
    ...writtenFile(path15.join(runDir, "cases", `${other}.result.json`)),
    ...calls.flatMap((d) => writtenFile(path15.join(d, `${other}.json`))),
    // The folders the harness makes when it first writes into them, whichever case gets there first.
    ...[path15.join(runDir, "cases"), path15.join(runDir, "evidence"), path15.join(runDir, "attempts"), path15.join(agentCallsDir, "attempts"), ...calls].map(
      (d) => ({ exact: d + path15.sep })
    )
  ];
}
function caseScope(run2, e, besides) {
  const { runDir, agentCallsDir } = run2;
  const id = e.caseDef.id;
  return {
    caseDef: e.caseDef,
    runDir: e.attempt > 0 ? attemptDir(runDir, id, e.attempt) : runDir,
    agentCallsDir: e.attempt > 0 ? attemptCallsDir(agentCallsDir, e.attempt) : agentCallsDir,
    evidenceExclude: besides.flatMap((other) => neighbourWrites(run2, other)),
    verdictFile: path15.join(run2.tmp, e.attempt > 0 ? `${id}.attempt-${e.attempt}.verdict.json` : `${id}.verdict.json`)
  };
}
function runEntry(s, slot, e, stop, besides, parallel) {
  const { run: run2, pool } = s;
  const c = e.caseDef;
  if (e.attempt <= 1) run2.progress({ kind: "case-start", caseId: c.id, stage: c.stage, index: e.index + 1, total: run2.cases.length });
  s.left--;
  const ctx = caseContext(run2, slot, caseScope(run2, e, besides));
  const proc = takeCaseProcess(pool, run2, slot, s.left > 0 && !parallel);
  return slot.agent.duringCase(
    () => execCase(ctx, proc, pool.secretsByLabel, run2.repoCommit, stop),
    (line) => run2.progress({ kind: "note", line })
  );
}
function endEntry(run2, e, got, attempts, queue, stop) {
  if (e.attempt === 0) return got;
  const c = e.caseDef;
  const done = [...attempts.get(e.index) ?? [], got];
  attempts.set(e.index, done);
  const planned = done.length + queue.filter((x) => x.index === e.index).length;
  run2.progress({
    kind: "note",
    line: `  ${c.id} attempt ${done.length}/${planned}: ${got.status}${got.failure_code ? ` ${got.failure_code}` : ""} \u2014 ${got.reason ?? ""}`
  });
  const last = done.length === planned || stop.aborted || afterCase(got, c, false).stop;
  if (!last) return void 0;
  for (let k = queue.length - 1; k >= 0; k--) if (queue[k].index === e.index) queue.splice(k, 1);
  return aggregateAttempts(run2.runDir, c.id, done);
}
function endCase(s, e, summary) {
  const { run: run2 } = s;
  const { opts } = run2;
  run2.progress({ kind: "case-end", summary, index: e.index + 1, total: run2.cases.length });
  if (opts.interrupt?.aborted && (s.left > 0 || summary.status !== "PASS")) return `${interruptedBy(opts.interrupt)} during ${e.caseDef.id}`;
  return afterCase(summary, e.caseDef, opts.failFast).reason;
}
async function runStage(s, stage) {
  const { run: run2, pool } = s;
  const cases = casesOf(stage);
  const parallel = cases.length > 1 && pool.more.length > 0;
  const queue = [...stage];
  const attempts = /* @__PURE__ */ new Map();
  const results = /* @__PURE__ */ new Map();
  const stageStop = new AbortController();
  const stop = run2.opts.interrupt ? AbortSignal.any([run2.opts.interrupt, stageStop.signal]) : stageStop.signal;
  let why;
  const inFlight = /* @__PURE__ */ new Set();
  const take = () => {
    const k = queue.findIndex((e) => !inFlight.has(e.index));
    return k < 0 ? void 0 : queue.splice(k, 1)[0];
  };
  const worker = async (slot) => {
    for (let e = stop.aborted ? void 0 : take(); e; e = stop.aborted ? void 0 : take()) {
      inFlight.add(e.index);
      const besides = parallel ? cases.filter((x) => x.index !== e.index).map((x) => x.caseDef.id) : [];
      const got = await runEntry(s, slot, e, stop, besides, parallel);
      inFlight.delete(e.index);
      const summary = endEntry(run2, e, got, attempts, queue, stop);
      if (!summary) continue;
      results.set(e.index, summary);
      const w = endCase(s, e, summary);
      if (w && !why) {
        why = w;
        run2.progress({ kind: "stop", reason: w });
        stageStop.abort(w);
      }
    }
  };
  const running = /* @__PURE__ */ new Set();
  const launch = (slot) => {
    const w = worker(slot).finally(() => running.delete(w));
    running.add(w);
  };
  let over = false;
  launch(pool.first);
  for (const more of pool.more)
    more.then(
      (slot) => !over && queue.length > 0 && !stop.aborted && launch(slot),
      () => {
      }
    );
  while (running.size > 0) await Promise.race(running);
  over = true;
  return { summaries: cases.map((e) => results.get(e.index) ?? skipped(e.caseDef, why ?? "not run")), stopReason: why };
}
async function scheduleRun(run2, pool, entries) {
  const s = { run: run2, pool, left: entries.length };
  const summaries = [];
  let stopReason;
  for (const stage of stagesOf(entries)) {
    const first = stage[0].caseDef;
    const interrupt = run2.opts.interrupt;
    if (!stopReason && interrupt?.aborted) {
      stopReason = `${interruptedBy(interrupt)} before ${first.id}`;
      run2.progress({ kind: "stop", reason: stopReason });
    }
    const gate = stopReason ? { stop: true, reason: stopReason } : stageGate(first.stage, summaries);
    if (gate.stop) {
      if (!stopReason && gate.reason) run2.progress({ kind: "stage-gate", stage: first.stage, reason: gate.reason });
      stopReason ??= gate.reason;
      for (const e of casesOf(stage)) summaries.push(skipped(e.caseDef, gate.reason));
      s.left -= stage.length;
      continue;
    }
    const r = await runStage(s, stage);
    summaries.push(...r.summaries);
    stopReason ??= r.stopReason;
  }
  return { summaries, stopReason };
}

// src/suite/run.ts
async function runSuite(opts) {
  const run2 = await prepareRun(opts);
  const entries = planEntries(run2.cases, opts.repeat ?? 1, run2.share.attempts);
  let pool;
  let done;
  try {
    pool = await startPool(run2, widestStage(entries));
    done = await scheduleRun(run2, pool, entries);
  } finally {
    await closeRun(run2, pool);
  }
  return finishRun(run2, pool, done);
}

export {
  builtinCases,
  loadCases,
  allocateRun,
  writeCaseResult,
  attemptDir,
  aggregateAttempts,
  cliEntry,
  grantWrites,
  startBackends,
  createWorktree,
  removeWorktree,
  DEFAULT_ROLES,
  buildSummary,
  runSuite
};
