import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  aggregateAttempts,
  allocateRun,
  attemptDir,
  buildSummary
} from "./chunk-KUDM2OG4.js";
import {
  caseSetHash,
  runPairs,
  shardPlan
} from "./chunk-DCJP7OYH.js";
import {
  asUsage
} from "./chunk-V23NUAJ5.js";
import {
  runState,
  schemaProblems,
  sealRunSummary,
  verifyRun
} from "./chunk-EJWB2SWA.js";
import {
  writeRunReport
} from "./chunk-RBMSUNWZ.js";
import {
  readLedgerFile,
  walkLedger
} from "./chunk-YYLLAMEM.js";
import {
  SIDECAR_EXT,
  parseSidecar,
  writeSidecar
} from "./chunk-5JSGXJPI.js";
import {
  isInside,
  realPathOfNew,
  sha256,
  toPosix,
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";
import {
  MergeError
} from "./chunk-LZO5H7YI.js";

// src/merge/build.ts
import { existsSync, mkdirSync, realpathSync as realpathSync2, rmSync, statSync } from "node:fs";
import path2 from "node:path";

// src/merge/check.ts
import { realpathSync } from "node:fs";
var label = (s) => `${s.arg} (shard ${s.shard.index}/${s.shard.total})`;
var key = (id, k) => `${id}#${k}`;
function disagreement(a, b) {
  const sa = a.summary;
  const sb = b.summary;
  if (sa.repo_commit !== sb.repo_commit) return `shards disagree on the commit: ${label(a)} is at ${sa.repo_commit}, ${label(b)} at ${sb.repo_commit}`;
  if (a.shard.case_set_hash !== b.shard.case_set_hash || a.shard.repeat !== b.shard.repeat || a.shard.cases.join() !== b.shard.cases.join())
    return `shards disagree on the case set: ${label(a)} ran ${a.shard.cases.length} case(s) \xD7 ${a.shard.repeat} (hash ${a.shard.case_set_hash.slice(0, 12)}), ${label(b)} ${b.shard.cases.length} \xD7 ${b.shard.repeat} (hash ${b.shard.case_set_hash.slice(0, 12)})`;
  if ((sa.opencode_version ?? "") !== (sb.opencode_version ?? ""))
    return `shards disagree on the OpenCode version: ${label(a)} ran ${sa.opencode_version ?? "an unknown version"}, ${label(b)} ${sb.opencode_version ?? "an unknown version"}`;
  if ((sa.model ?? "") !== (sb.model ?? ""))
    return `shards disagree on the model: ${label(a)} ran ${sa.model ?? "an unknown model"}, ${label(b)} ${sb.model ?? "an unknown model"}`;
  if (a.shard.total !== b.shard.total)
    return `shards disagree on N: ${a.arg} is shard ${a.shard.index} of ${a.shard.total}, ${b.arg} shard ${b.shard.index} of ${b.shard.total}`;
  if (a.shard.set_id !== b.shard.set_id) return `shards of different sets: ${label(a)} is of set ${a.shard.set_id}, ${label(b)} of set ${b.shard.set_id}`;
  return void 0;
}
function checkSet(shards) {
  if (shards.length === 0) throw new MergeError("give the shards: RUN_DIR... (the N ledgers of one set)");
  const seen = /* @__PURE__ */ new Map();
  for (const s of shards) {
    const real = realpathSync(s.dir);
    if (seen.has(real)) throw new MergeError(`${s.arg} is given twice (also as ${seen.get(real)})`);
    seen.set(real, s.arg);
  }
  const first = shards[0];
  for (const s of shards.slice(1)) {
    const d = disagreement(first, s);
    if (d) throw new MergeError(d);
  }
  const { cases, repeat, total } = first.shard;
  if (caseSetHash(cases, repeat) !== first.shard.case_set_hash)
    throw new MergeError(`${label(first)}: its case_set_hash is not the hash of its cases and repeat count`);
  const all = runPairs(cases, repeat);
  const homes = /* @__PURE__ */ new Map();
  for (const s of shards) {
    const mine = shardPlan(all, s.shard);
    const declared = Object.entries(s.shard.pairs).flatMap(([id, ks]) => ks.map((k) => key(id, k)));
    if (declared.join() !== mine.map((p) => key(p.caseId, p.attempt)).join())
      throw new MergeError(`${label(s)}: the pairs it ran are not its share of the set (${declared.length} declared, ${mine.length} in its share)`);
    const local = /* @__PURE__ */ new Map();
    for (const p of mine) {
      const k = key(p.caseId, p.attempt);
      const other = homes.get(k);
      if (other) throw new MergeError(`(${p.caseId}, attempt ${p.attempt}) is present twice: in ${label(other.shard)} and ${label(s)}`);
      const n = (local.get(p.caseId) ?? 0) + 1;
      local.set(p.caseId, n);
      homes.set(k, { shard: s, local: n });
    }
  }
  const missing = all.filter((p) => !homes.has(key(p.caseId, p.attempt)));
  if (missing.length > 0) {
    const p = missing[0];
    const absent = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !shards.some((s) => s.shard.index === i));
    throw new MergeError(
      `(${p.caseId}, attempt ${p.attempt})${missing.length > 1 ? ` and ${missing.length - 1} more pair(s)` : ""} missing: shard(s) ${absent.map((i) => `${i}/${total}`).join(", ")} of set ${first.shard.set_id} not given`
    );
  }
  return {
    set_id: first.shard.set_id,
    total,
    case_set_hash: first.shard.case_set_hash,
    repeat,
    cases,
    commit: first.summary.repo_commit,
    model: first.summary.model,
    opencode_version: first.summary.opencode_version,
    shards: [...shards].sort((a, b) => a.shard.index - b.shard.index),
    homes
  };
}

// src/merge/load.ts
import path from "node:path";
var SHARD_LIMITS = { jsonBytes: 64 * 1024 ** 2 };
function checkShape(dir, arg) {
  const walk = walkLedger(dir);
  if (walk.problems.length > 0) throw new MergeError(`${arg}: refused: ${walk.problems[0]}`);
  return walk;
}
function readShardJson(file, arg, id) {
  try {
    const bytes = readLedgerFile(file, SHARD_LIMITS.jsonBytes, id);
    if (bytes.length >= SHARD_LIMITS.jsonBytes) throw new Error(`larger than ${SHARD_LIMITS.jsonBytes} bytes`);
    return { data: JSON.parse(bytes.toString("utf8")), bytes };
  } catch (e) {
    throw new MergeError(`${arg}: refused: ${path.basename(file)} cannot be read as JSON (${e.message.split("\n")[0]})`);
  }
}
function loadShard(arg) {
  const dir = path.resolve(arg);
  const state = runState(dir);
  if (state === "not-a-run") throw new MergeError(`${arg}: not a run folder (a RUN_XXXX folder of a ledger)`);
  if (state === "incomplete") throw new MergeError(`${arg}: refused: no run_summary.json (the shard never sealed its ledger)`);
  const walk = checkShape(dir, arg);
  const problems = verifyRun(dir);
  if (problems.length > 0) throw new MergeError(`${arg}: refused: the shard does not verify (${problems.length} problem(s); first: ${problems[0]})`);
  const summaryFile = path.join(dir, "run_summary.json");
  const { data, bytes } = readShardJson(summaryFile, arg, walk.ids.get("run_summary.json"));
  const side = parseSidecar(readLedgerFile(summaryFile + SIDECAR_EXT, 4096, walk.ids.get(`run_summary.json${SIDECAR_EXT}`)).toString("utf8"));
  if (!side || side.hash !== sha256(bytes)) throw new MergeError(`${arg}: refused: run_summary.json changed while it was being read`);
  const schema = schemaProblems("opencode_dogfood_run_summary", data);
  if (schema.length > 0) throw new MergeError(`${arg}: refused: run_summary.json: ${schema[0]}`);
  const summary = data;
  if (!summary.shard) throw new MergeError(`${arg}: refused: not a shard (its run_summary.json has no shard field; run it with --shard I/N)`);
  return { arg, dir, summary, shard: summary.shard, walk };
}

// src/merge/build.ts
function idIn(s, file) {
  return s.walk.ids.get(toPosix(path2.relative(s.dir, file)));
}
function copyTree(s, from, to) {
  const prefix = `${toPosix(path2.relative(s.dir, from))}/`;
  for (const f of s.walk.files)
    if (f.startsWith(prefix))
      writeFileAtomic(path2.join(to, f.slice(prefix.length)), readLedgerFile(path2.join(s.dir, f), Number.MAX_SAFE_INTEGER, s.walk.ids.get(f)));
}
function copyResult(s, from, to, runId) {
  const r = readShardJson(from, s.arg, idIn(s, from)).data;
  const text = JSON.stringify({ ...r, run_id: runId }, null, 2) + "\n";
  mkdirSync(path2.dirname(to), { recursive: true });
  writeFileAtomic(to, text);
  writeSidecar(to);
  return sha256(text);
}
function entryOf(s, id) {
  const e = s.summary.cases.find((c) => c.case_id === id);
  if (!e) throw new MergeError(`${s.arg}: its run_summary.json does not list ${id}, which its share holds`);
  return e;
}
var tag = (s) => `shard ${s.shard.index}/${s.shard.total}`;
function ran(h, id, repeat) {
  const e = entryOf(h.shard, id);
  if (e.status === "SKIPPED") return false;
  return repeat === 1 || h.local <= (e.attempts?.total ?? 0);
}
function plainCase(set, id, runDir, runId) {
  const h = set.homes.get(`${id}#1`);
  const e = entryOf(h.shard, id);
  if (e.status === "SKIPPED") return { ...e, reason: `${tag(h.shard)}: ${e.reason ?? "not run"}` };
  copyTree(h.shard, path2.join(h.shard.dir, "evidence", id), path2.join(runDir, "evidence", id));
  const sha = copyResult(h.shard, path2.join(h.shard.dir, "cases", `${id}.result.json`), path2.join(runDir, "cases", `${id}.result.json`), runId);
  return { ...e, result_sha256: sha };
}
function shardAttempts(s, id) {
  const e = entryOf(s, id);
  const n = e.attempts?.total ?? 0;
  const tokensFile = path2.join(s.dir, "evidence", id, "tokens.json");
  let perAttempt = [];
  try {
    const t = readShardJson(tokensFile, s.arg, idIn(s, tokensFile)).data;
    if (Array.isArray(t.attempts)) perAttempt = t.attempts;
  } catch {
  }
  const list = Array.from({ length: n }, (_, j) => {
    const f = path2.join(attemptDir(s.dir, id, j + 1), "cases", `${id}.result.json`);
    return readShardJson(f, s.arg, idIn(s, f)).data;
  });
  const rep = Math.max(
    0,
    list.findIndex((r) => r.status !== "PASS")
  );
  return list.map((r, j) => {
    const tokens = asUsage(Object.fromEntries(Object.entries(perAttempt[j] ?? {}).filter(([k]) => k !== "attempt")));
    return {
      case_id: id,
      stage: r.stage,
      expected_outcome: r.expected_outcome,
      actual_outcome: r.actual_outcome,
      status: r.status,
      failure_code: r.failure_code ?? null,
      duration_ms: r.duration_ms,
      reason: r.reason,
      // The shard kept the paths of its representative attempt only (the one the merged case is made from, if any of its).
      ...j === rep && e.offending_paths ? { offending_paths: e.offending_paths } : {},
      ...tokens ? { tokens } : {}
    };
  });
}
function repeatedCase(set, id, runDir, runId) {
  const homes = Array.from({ length: set.repeat }, (_, k) => set.homes.get(`${id}#${k + 1}`));
  const done = homes.filter((h) => ran(h, id, set.repeat));
  const missed = homes.map((h, k) => ({ h, k: k + 1 })).filter((x) => !ran(x.h, id, set.repeat));
  const why = (h) => `${tag(h.shard)}: ${entryOf(h.shard, id).reason ?? h.shard.summary.stop_reason ?? "not run"}`;
  if (done.length === 0) {
    const e = entryOf(homes[0].shard, id);
    return {
      case_id: id,
      stage: e.stage,
      expected_outcome: e.expected_outcome,
      actual_outcome: null,
      status: "SKIPPED",
      failure_code: null,
      duration_ms: 0,
      reason: why(homes[0])
    };
  }
  const cache = /* @__PURE__ */ new Map();
  const summaries = done.map((h, j) => {
    if (!cache.has(h.shard)) cache.set(h.shard, shardAttempts(h.shard, id));
    const from = attemptDir(h.shard.dir, id, h.local);
    const to = attemptDir(runDir, id, j + 1);
    copyTree(h.shard, path2.join(from, "evidence"), path2.join(to, "evidence"));
    copyResult(h.shard, path2.join(from, "cases", `${id}.result.json`), path2.join(to, "cases", `${id}.result.json`), runId);
    return cache.get(h.shard)[h.local - 1];
  });
  const notRun = missed.length > 0 ? `attempt(s) ${missed.map((x) => x.k).join(", ")} of ${set.repeat} not run (${why(missed[0].h)})` : void 0;
  return aggregateAttempts(runDir, id, summaries, notRun);
}
function containmentOf(set) {
  const labels = set.shards.map((s) => s.summary.containment);
  if (labels.every((l) => l === labels[0])) return labels[0];
  return set.shards.map((s) => `${tag(s)}: ${s.summary.containment ?? "unknown"}`).join("; ");
}
function keepShardSummaries(set, runDir) {
  for (const s of set.shards) {
    const to = path2.join(runDir, "shards", String(s.shard.index));
    mkdirSync(to, { recursive: true });
    for (const name of s.walk.files.filter((n) => n.startsWith("run_summary.json") && !n.includes("/")))
      writeFileAtomic(path2.join(to, name), readLedgerFile(path2.join(s.dir, name), Number.MAX_SAFE_INTEGER, s.walk.ids.get(name)));
  }
}
function pinRoots(shards, roots) {
  if (roots.length === 0) return;
  if (roots.length !== shards.length)
    throw new MergeError(`--root given ${roots.length} time(s) for ${shards.length} shard(s): give each shard's published root once`);
  const left = [...roots];
  for (const s of shards) {
    const at = left.indexOf(s.summary.ledger_root);
    if (at < 0)
      throw new MergeError(
        `${s.arg}: refused: its ledger root ${s.summary.ledger_root} is not among the published roots given with --root (the shard was rewritten after its run, or it is another run)`
      );
    left.splice(at, 1);
  }
}
function checkOut(outDir, shards) {
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new MergeError(`--out ${outDir} is a file; give a folder (the merged run becomes its next RUN_XXXX)`);
  const out = realPathOfNew(outDir);
  for (const s of shards)
    if (isInside(realpathSync2(s.dir), out))
      throw new MergeError(`--out ${outDir} is inside the shard ${s.arg}, which stays as its run sealed it; give a folder outside every shard`);
}
function mergeShards(args, outDir, roots = []) {
  const shards = args.map(loadShard);
  pinRoots(shards, roots);
  const set = checkSet(shards);
  checkOut(outDir, set.shards);
  const { runId, runDir } = allocateRun(path2.resolve(outDir), "--out");
  try {
    const entries = set.cases.map((id) => set.repeat === 1 ? plainCase(set, id, runDir, runId) : repeatedCase(set, id, runDir, runId));
    keepShardSummaries(set, runDir);
    const stops = set.shards.filter((s) => s.summary.stop_reason).map((s) => `${tag(s)}: ${s.summary.stop_reason}`);
    const containment = containmentOf(set);
    const facts = {
      ...containment ? { containment } : {},
      ...set.model ? { model: set.model } : {},
      ...set.opencode_version ? { opencode_version: set.opencode_version } : {}
    };
    const base = { ...buildSummary(runId, set.commit, entries, stops.length > 0 ? stops.join("; ") : void 0), ...facts };
    writeRunReport(runDir, base, /* @__PURE__ */ new Map());
    const merged = {
      set_id: set.set_id,
      total: set.total,
      case_set_hash: set.case_set_hash,
      repeat: set.repeat,
      shards: set.shards.map((s) => ({ index: s.shard.index, run_id: s.summary.run_id, ledger_root: s.summary.ledger_root }))
    };
    const summary = sealRunSummary(runDir, { ...base, merged });
    const problems = verifyRun(runDir);
    if (problems.length > 0) throw new Error(`harness bug: the merged ledger ${runId} does not verify:
${problems.join("\n")}`);
    return { runId, runDir, summary, set };
  } catch (e) {
    if (existsSync(runDir)) rmSync(runDir, { recursive: true });
    throw e;
  }
}

export {
  mergeShards
};
