import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/sandbox/processes.ts
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
var PROCESS_TAG_VAR = "OPENCODE_DOGFOOD_SANDBOX";
var CASE_PROCESS_VAR = "OPENCODE_DOGFOOD_CASE_OF";
var SUITE_PID_VAR = "OPENCODE_DOGFOOD_SUITE_PID";
function read(file) {
  try {
    return readFileSync(file);
  } catch {
    return void 0;
  }
}
function nsOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return "";
  }
}
function statOf(pid) {
  const stat = read(`/proc/${pid}/stat`)?.toString("latin1");
  if (!stat) return void 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "?", ppid: Number(fields[1]), start: fields[19] ?? "?" };
}
function findProcesses(tag, namespaces = /* @__PURE__ */ new Set(), variable = PROCESS_TAG_VAR) {
  let names;
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const needle = Buffer.from(`${variable}=${tag}\0`);
  const own = nsOf("self");
  const all = /* @__PURE__ */ new Map();
  for (const name of names) {
    if (!/^[0-9]+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    const st = statOf(pid);
    if (!st) continue;
    const ns = nsOf(pid);
    const inSandbox = !!ns && ns !== own && namespaces.has(ns);
    const ours = inSandbox || (read(`/proc/${pid}/environ`)?.indexOf(needle) ?? -1) >= 0;
    all.set(pid, { ...st, ns, ours });
  }
  const out = [];
  for (const [pid, p] of all) {
    let found = p.ours;
    for (let up = p.ppid, hops = 0; !found && namespaces.size > 0 && hops < 64 && all.has(up); hops++) {
      const a = all.get(up);
      found = !!a.ns && a.ns !== own && namespaces.has(a.ns);
      up = a.ppid;
    }
    if (!found || p.state === "Z") continue;
    const cmdline = (read(`/proc/${pid}/cmdline`)?.toString("utf8") ?? "").split("\0").filter(Boolean).join(" ");
    out.push({ pid, key: `${pid}:${p.start}`, cmdline, ns: p.ns });
  }
  return out;
}
function processBaseline(tag) {
  const own = nsOf("self");
  const procs = findProcesses(tag);
  return { tag, keys: new Set(procs.map((p) => p.key)), namespaces: new Set(procs.map((p) => p.ns).filter((n) => n && n !== own)) };
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
  }
}
async function endNewProcesses(b, timeoutMs = 5e3, graceMs = 300) {
  const seen = /* @__PURE__ */ new Map();
  const graceEnd = Date.now() + graceMs;
  while (findProcesses(b.tag, b.namespaces).some((p) => !b.keys.has(p.key)) && Date.now() < graceEnd) await sleep(25);
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const fresh = findProcesses(b.tag, b.namespaces).filter((p) => !b.keys.has(p.key));
    if (fresh.length === 0) return [...seen.values()];
    if (Date.now() > deadline) throw new Error(`processes still running after ${timeoutMs} ms: ${fresh.map((p) => `${p.pid} ${p.cmdline}`).join("; ")}`);
    for (const p of fresh) if (!seen.has(p.key)) seen.set(p.key, p);
    for (const p of fresh) signal(p.pid, "SIGSTOP");
    for (const p of fresh) signal(p.pid, "SIGKILL");
    await sleep(20);
  }
}
function formatProcesses(list) {
  if (list.length === 0) return "no process started during the case was left running\n";
  return list.map((p) => `${p.pid}	ended	${JSON.stringify(p.cmdline)}`).join("\n") + "\n";
}

export {
  PROCESS_TAG_VAR,
  CASE_PROCESS_VAR,
  SUITE_PID_VAR,
  findProcesses,
  processBaseline,
  endNewProcesses,
  formatProcesses
};
