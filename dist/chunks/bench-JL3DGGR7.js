import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo
} from "./chunk-WKIWYFTY.js";
import {
  DEFAULT_ROLES,
  builtinCases,
  cliEntry,
  createWorktree,
  removeWorktree,
  runSuite,
  startBackends
} from "./chunk-KUDM2OG4.js";
import {
  startReaper
} from "./chunk-3G5L2OZU.js";
import "./chunk-VJ2AAJIP.js";
import "./chunk-GEUVHT7J.js";
import {
  BUILTIN_MODEL,
  DEFAULT_WRITE_ALLOWLIST,
  resolveOpencodeBinary
} from "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import {
  caseTag,
  sdkTransport
} from "./chunk-NARH4RFJ.js";
import "./chunk-V23NUAJ5.js";
import {
  DEFAULT_CASE_LIMITS,
  LIMIT_NAMES,
  agentFor,
  formatLimits
} from "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import {
  interruptOnSignals
} from "./chunk-3YSQRXBE.js";
import "./chunk-ED74ZWEH.js";
import "./chunk-EJWB2SWA.js";
import "./chunk-6ZERPRDS.js";
import "./chunk-RBMSUNWZ.js";
import "./chunk-BKJWIMPC.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-EPGW6SGM.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";

// src/bench.ts
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
var LATENCY_BUDGET_MS = 12e4;
var BenchInterrupted = class extends Error {
  constructor(signal) {
    super(`bench: interrupted by ${signal}`);
    this.signal = signal;
  }
  signal;
  name = "BenchInterrupted";
};
function checkInterrupt(signal) {
  if (signal.aborted) throw new BenchInterrupted(String(signal.reason));
}
async function floor(url, password, directory, signal, verbose = false) {
  const transport = sdkTransport(url, password);
  const t0 = Date.now();
  for (const c of builtinCases()) {
    if (c.check === "invalid_model") continue;
    const text = c.check === "empty_prompt" ? "" : `${caseTag(c.id)} ${c.prompt}`;
    const budgetMs = Number(c.params?.latency_budget_ms ?? LATENCY_BUDGET_MS);
    const models = c.check === "roles" ? DEFAULT_ROLES(BUILTIN_MODEL).map((r) => r.model) : [BUILTIN_MODEL];
    for (const model of models) {
      checkInterrupt(signal);
      const r = await transport.prompt({ directory, model, agent: agentFor(c.prevention), text, budgetMs });
      if (verbose) process.stdout.write(`  floor ${c.id} ${model}: ${r.durationMs} ms
`);
      if (r.error && c.check !== "empty_prompt") throw new Error(`floor: ${c.id} failed: ${r.error}`);
    }
  }
  return Date.now() - t0;
}
async function networkBench(rounds) {
  const pairs = [];
  for (let i = 0; i < rounds; i++) {
    const once = async (ns) => {
      const repo = await makeThrowawayRepo("opencode-dogfood-bench-net-");
      const t0 = Date.now();
      const outcome = await runSuite({ ...hermeticSuite(repo, path.join(path.dirname(repo), "wt")), containment: "required", networkNamespace: ns });
      const ms = Date.now() - t0;
      if (outcome.summary.final_verdict !== "PASS") throw new Error(`bench: the suite did not pass (${outcome.summary.stop_reason ?? "see " + outcome.runDir})`);
      return ms;
    };
    const first = i % 2 === 0;
    const a = await once(first);
    const b = await once(!first);
    const pair = first ? { with: a, without: b } : { with: b, without: a };
    pairs.push(pair);
    process.stdout.write(
      `round ${i + 1}: with the network namespace ${pair.with} ms, without ${pair.without} ms, ratio ${(pair.with / pair.without).toFixed(3)}\xD7
`
    );
  }
  const mid = pairs.map((p) => ({ ...p, ratio: p.with / p.without })).sort((x, y) => x.ratio - y.ratio)[Math.floor(pairs.length / 2)];
  process.stdout.write(
    `median round of ${pairs.length}:
suite contained, own network namespace + bridge + egress proxy: ${mid.with} ms
suite contained, host network: ${mid.without} ms
ratio: ${mid.ratio.toFixed(3)}\xD7 (target \u2264 1.05\xD7)
`
  );
  return 0;
}
var NO_LIMITS = { disk: null, files: null, procs: null, memory: null };
function boundsCost(runDir) {
  const out = { samples: 0, ms: 0 };
  const dir = path.join(runDir, "evidence");
  for (const id of existsSync(dir) ? readdirSync(dir) : []) {
    const f = path.join(dir, id, "stdout.txt");
    const m = existsSync(f) ? /bounds: ([0-9]+) samples in ([0-9.]+) ms, cgroup ([0-9.]+) ms/.exec(readFileSync(f, "utf8")) : null;
    if (!m) continue;
    out.samples += Number(m[1]);
    out.ms += Number(m[2]) + Number(m[3]);
  }
  return out;
}
var STAMP = / \+([0-9]+(?:\.[0-9]+)?)s: /;
var CALL_ENDED = /: (?:.*: )?(?:answer [0-9]+ chars in|budget [0-9]+ ms, elapsed) ([0-9]+) ms/;
function suiteBreakdown(runDir, cases, wallMs) {
  const out = { beforePrompt: 0, agent: 0, checkWork: 0, afterAnswer: 0, outsideLog: 0, runLevel: wallMs };
  for (const c of cases) {
    out.runLevel -= c.duration_ms;
    const f = path.join(runDir, "evidence", c.case_id, "stdout.txt");
    const lines = existsSync(f) ? readFileSync(f, "utf8").split("\n") : [];
    const at = (l) => Number(STAMP.exec(l)?.[1] ?? Number.NaN) * 1e3;
    const stamps = lines.map(at).filter((t) => !Number.isNaN(t));
    const end = stamps.at(-1) ?? 0;
    out.outsideLog += Math.max(0, c.duration_ms - end);
    const prompt = at(lines.find((l) => l.includes(": prompt \u2192 ")) ?? "");
    const calls = lines.filter((l) => CALL_ENDED.test(l));
    if (Number.isNaN(prompt) || calls.length === 0) {
      out.beforePrompt += end;
      continue;
    }
    const agent = calls.reduce((a, l) => a + Number(CALL_ENDED.exec(l)[1]), 0);
    const lastAnswer = at(calls.at(-1));
    out.beforePrompt += prompt;
    out.agent += agent;
    out.checkWork += Math.max(0, lastAnswer - prompt - agent);
    out.afterAnswer += end - lastAnswer;
  }
  return out;
}
function breakdownLine(b, cases) {
  const part = (label, ms) => `${label} ${Math.round(ms)} ms (${Math.round(ms / cases)}/case)`;
  return `  where it went: ${[
    part("before the prompt", b.beforePrompt),
    part("agent calls", b.agent),
    part("the check's own work", b.checkWork),
    part("after the answer", b.afterAnswer),
    part("outside the case log", b.outsideLog)
  ].join(", ")}, run level ${Math.round(b.runLevel)} ms
`;
}
async function runBoundsBench(argv) {
  const rounds = Number(argv[argv.indexOf("--rounds") + 1] || 1) || 1;
  const repo = await makeThrowawayRepo("opencode-dogfood-bench-bounds-");
  const base = path.dirname(repo);
  const variants = [
    ...LIMIT_NAMES.map((n) => ({ label: n, limits: { ...NO_LIMITS, [n]: DEFAULT_CASE_LIMITS[n] } })),
    { label: "all", limits: DEFAULT_CASE_LIMITS }
  ];
  const times = /* @__PURE__ */ new Map();
  const costs = /* @__PURE__ */ new Map();
  let k = 0;
  const once = async (label, limits) => {
    const outcome = await runSuite({ ...hermeticSuite(repo, path.join(base, `suite_${k++}`)), caseLimits: limits, containment: "auto", jobs: 1 });
    if (outcome.summary.final_verdict !== "PASS")
      throw new Error(`bench: the suite did not pass with ${formatLimits(limits)} (${outcome.summary.stop_reason ?? "see " + outcome.runDir})`);
    const ms = outcome.summary.cases.reduce((a, c) => a + c.duration_ms, 0);
    const cost = boundsCost(outcome.runDir);
    costs.set(label, [...costs.get(label) ?? [], cost]);
    process.stdout.write(
      `  ${label.padEnd(6)} ${formatLimits(limits).padEnd(44)} cases ${ms} ms; the bounds' own work ${cost.ms.toFixed(0)} ms in ${cost.samples} samples (${outcome.containment})
`
    );
    times.set(label, [...times.get(label) ?? [], ms]);
    return ms;
  };
  for (let i = 0; i < rounds; i++) {
    process.stdout.write(`round ${i + 1}:
`);
    const before = await once("none", NO_LIMITS);
    for (const v of variants) await once(v.label, v.limits);
    const after = await once("none", NO_LIMITS);
    times.set("none", [...(times.get("none") ?? []).slice(0, -2), Math.round((before + after) / 2)]);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const none = median(times.get("none"));
  process.stdout.write(
    `cost of each bound, median of ${rounds} round(s). Wall: the cases' time against no bound (${none} ms, the mean of the runs before and after; noisy on a shared machine). Own work: the time the case processes spent in the bound's cgroup set-up, removal and samples, against the unbounded cases' time (steady):
`
  );
  for (const v of variants) {
    const ms = median(times.get(v.label));
    const own = median(costs.get(v.label).map((c) => c.ms));
    process.stdout.write(
      `  ${v.label.padEnd(6)} wall ${String(ms).padStart(7)} ms  ratio ${(ms / none).toFixed(3)}\xD7   own work ${own.toFixed(0).padStart(5)} ms  ratio ${((none + own) / none).toFixed(4)}\xD7
`
    );
  }
  return 0;
}
async function startBenchBackends(repo, tmp, roles, signal, reapers) {
  const starting = startBackends({
    model: BUILTIN_MODEL,
    hermetic: true,
    roles,
    writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
    cases: builtinCases(),
    binary: resolveOpencodeBinary(),
    cwd: repo,
    tmp,
    signal,
    onSpawn: (group) => reapers.push(startReaper({ cli: cliEntry(), parent: process.pid, group, tag: `opencode-dogfood-bench-${process.pid}` }))
  });
  return starting.catch((e) => {
    if (!signal.aborted) throw e;
    for (const r of reapers) r.dismiss();
    return void 0;
  });
}
async function runBench(argv) {
  if (argv.includes("--view")) return (await import("./bench-view-ZFF7IVDF.js")).runViewBench(argv);
  if (argv.includes("--bounds")) return runBoundsBench(argv);
  if (argv.includes("--merge")) return (await import("./bench-merge-3CF2UBOB.js")).runMergeBench(argv);
  const rounds = Number(argv[argv.indexOf("--rounds") + 1] || 1) || 1;
  if (argv.includes("--network")) return networkBench(rounds);
  const interrupt = interruptOnSignals((line) => process.stderr.write(`bench: ${line}
`));
  const repo = await makeThrowawayRepo("opencode-dogfood-bench-");
  const base = path.dirname(repo);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "opencode-dogfood-bench-state-"));
  const roles = DEFAULT_ROLES(BUILTIN_MODEL);
  const reapers = [];
  const backends = interrupt.signal.aborted ? void 0 : await startBenchBackends(repo, tmp, roles, interrupt.signal, reapers);
  if (!backends) {
    process.stderr.write(`bench: interrupted by ${String(interrupt.signal.reason)} before the server was up: nothing left running, no ratio printed
`);
    return interrupt.signal.reason === "SIGINT" ? 130 : 143;
  }
  Object.assign(process.env, backends.keyEnv);
  const results = [];
  try {
    const floorDir = await createWorktree(repo, path.join(base, "floor_worktree"));
    await floor(backends.url, backends.password, floorDir, interrupt.signal);
    await removeWorktree(repo, floorDir);
    for (let i = 0; i < rounds; i++) {
      const floorOnce = async (label) => {
        const fdir = await createWorktree(repo, path.join(base, `floor_${i}_${label}`));
        const ms = await floor(backends.url, backends.password, fdir, interrupt.signal, argv.includes("--verbose"));
        await removeWorktree(repo, fdir);
        return ms;
      };
      const floorBefore = await floorOnce("before");
      const t0 = Date.now();
      const outcome = await runSuite({
        ...hermeticSuite(repo, path.join(base, `suite_${i}`)),
        latencyBudgetMs: LATENCY_BUDGET_MS,
        roles,
        backends,
        interrupt: interrupt.signal
      });
      const suiteMs = Date.now() - t0;
      checkInterrupt(interrupt.signal);
      if (outcome.summary.final_verdict !== "PASS") throw new Error(`bench: the suite did not pass (${outcome.summary.stop_reason ?? "see " + outcome.runDir})`);
      const floorAfter = await floorOnce("after");
      const floorMs = Math.round((floorBefore + floorAfter) / 2);
      results.push({ suite: suiteMs, floor: floorMs, containment: outcome.containment });
      process.stdout.write(
        `round ${i + 1}: suite ${suiteMs} ms, floor ${floorMs} ms (before ${floorBefore}, after ${floorAfter}), ratio ${(suiteMs / floorMs).toFixed(2)}\xD7
`
      );
      process.stdout.write(breakdownLine(suiteBreakdown(outcome.runDir, outcome.summary.cases, suiteMs), outcome.summary.cases.length));
    }
  } catch (e) {
    if (!(e instanceof BenchInterrupted)) throw e;
    process.stderr.write(`${e.message}: the server is stopped, no ratio printed
`);
    return e.signal === "SIGINT" ? 130 : 143;
  } finally {
    await backends.stop();
    for (const r of reapers) r.dismiss();
  }
  const mid = results.map((r) => ({ ...r, ratio: r.suite / r.floor })).sort((a, b) => a.ratio - b.ratio)[Math.floor(results.length / 2)];
  process.stdout.write(
    `median round of ${results.length}:
suite (15 cases, case processes, guard, ledger): ${mid.suite} ms
containment: ${mid.containment} (so each case also fingerprints the user's checkout before and after)
floor (same agent calls, same warm server, mean of before and after the suite): ${mid.floor} ms
ratio: ${mid.ratio.toFixed(2)}\xD7 (target \u2264 1.15\xD7)
`
  );
  return 0;
}
export {
  runBench,
  suiteBreakdown
};
