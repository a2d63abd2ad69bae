import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  mergeShards
} from "./chunk-L4NPBY7P.js";
import {
  hermeticSuite,
  makeThrowawayRepo
} from "./chunk-WKIWYFTY.js";
import {
  aggregateAttempts,
  allocateRun,
  attemptDir,
  buildSummary,
  runSuite,
  writeCaseResult
} from "./chunk-KUDM2OG4.js";
import "./chunk-3G5L2OZU.js";
import "./chunk-VJ2AAJIP.js";
import "./chunk-GEUVHT7J.js";
import {
  caseSetHash,
  runPairs,
  shardPlan
} from "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import {
  resultPath
} from "./chunk-NARH4RFJ.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
import "./chunk-ED74ZWEH.js";
import {
  sealRunSummary,
  verifyRun
} from "./chunk-EJWB2SWA.js";
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

// src/bench-merge.ts
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const s = sizeOf(p);
      files += s.files;
      bytes += s.bytes;
    } else {
      files++;
      bytes += statSync(p).size;
    }
  }
  return { files, bytes };
}
function synthesize(source, dir, total, repeat) {
  const src = JSON.parse(readFileSync(path.join(source, "run_summary.json"), "utf8"));
  const executed = src.cases.filter((c) => c.status !== "SKIPPED");
  const ids = executed.map((c) => c.case_id);
  const all = runPairs(ids, repeat);
  const out = [];
  for (let index = 1; index <= total; index++) {
    const { runId, runDir } = allocateRun(dir);
    const pairs = {};
    for (const p of shardPlan(all, { index, total })) pairs[p.caseId] = [...pairs[p.caseId] ?? [], p.attempt];
    const entries = executed.filter((c) => pairs[c.case_id]).map((c) => {
      const result = JSON.parse(readFileSync(resultPath(source, c.case_id), "utf8"));
      const attempts = pairs[c.case_id].map((_, k) => {
        const at = attemptDir(runDir, c.case_id, k + 1);
        cpSync(path.join(source, "evidence", c.case_id), path.join(at, "evidence", c.case_id), { recursive: true });
        writeCaseResult(at, { ...result, run_id: runId });
        const entry = { ...c };
        delete entry.attempts;
        delete entry.result_sha256;
        return entry;
      });
      return aggregateAttempts(runDir, c.case_id, attempts);
    });
    const shard = { set_id: "bench", index, total, case_set_hash: caseSetHash(ids, repeat), repeat, cases: ids, pairs };
    sealRunSummary(runDir, {
      ...buildSummary(runId, src.repo_commit, entries),
      ...src.model ? { model: src.model } : {},
      ...src.opencode_version ? { opencode_version: src.opencode_version } : {},
      shard
    });
    out.push(runDir);
  }
  return out;
}
async function runMergeBench(argv) {
  const arg = (name, dflt) => Number(argv[argv.indexOf(name) + 1] || dflt) || dflt;
  const total = argv.includes("--shards") ? arg("--shards", 50) : 50;
  const rounds = argv.includes("--rounds") ? arg("--rounds", 3) : 3;
  let source = argv.includes("--from") ? path.resolve(argv[argv.indexOf("--from") + 1]) : void 0;
  if (!source) {
    const repo = await makeThrowawayRepo("opencode-dogfood-bench-merge-");
    process.stdout.write("running the hermetic suite once for a real ledger\u2026\n");
    source = (await runSuite({ ...hermeticSuite(repo, path.join(path.dirname(repo), "wt")), jobs: 1 })).runDir;
  }
  const problems = verifyRun(source);
  if (problems.length > 0) throw new Error(`bench --merge: ${source} does not verify: ${problems[0]}`);
  const cases = JSON.parse(readFileSync(path.join(source, "run_summary.json"), "utf8")).cases.filter((c) => c.status !== "SKIPPED");
  if (cases.some((c) => c.attempts)) throw new Error(`bench --merge: ${source} is a run of --repeat N; give one of --repeat 1`);
  const base = Math.ceil(total / cases.length);
  const work = mkdtempSync(path.join(os.tmpdir(), "opencode-dogfood-bench-merge-"));
  process.stdout.write(`source: ${source} (${cases.length} executed cases, ${(sizeOf(source).bytes / 1e6).toFixed(1)} MB); shards: ${total}; work: ${work}
`);
  const rows = [];
  for (const scale of [1, 2, 4]) {
    const repeat = base * scale;
    const shardsDir = path.join(work, `x${scale}`, "shards");
    mkdirSync(shardsDir, { recursive: true });
    const shards = synthesize(source, shardsDir, total, repeat);
    const size = shards.map(sizeOf).reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }));
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      const m = mergeShards(shards, path.join(work, `x${scale}`, "merged"));
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (m.summary.total_cases !== cases.length) throw new Error(`bench --merge: the merged run has ${m.summary.total_cases} cases`);
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    const mb = size.bytes / 1e6;
    rows.push({ scale, mb, ms });
    process.stdout.write(
      `${scale}\xD7: ${total} shards, ${cases.length * repeat} pairs (${cases.length} cases \xD7 ${repeat}), ${size.files} files, ${mb.toFixed(1)} MB: merge ${Math.round(ms)} ms (median of ${rounds}; ${times.map((t) => Math.round(t)).join(", ")}), ${(ms / mb).toFixed(1)} ms/MB
`
    );
  }
  const [one] = rows;
  process.stdout.write(
    `growth: ${rows.map((r) => `${r.scale}\xD7 size \u2192 ${(r.ms / one.ms).toFixed(2)}\xD7 time`).join("; ")} (linear: time ratio \u2248 size ratio)
target: ${total} shards at 1\xD7 in ${Math.round(one.ms)} ms (< 5000 ms: ${one.ms < 5e3 ? "met" : "NOT met"})
`
  );
  return one.ms < 5e3 ? 0 : 1;
}
export {
  runMergeBench
};
