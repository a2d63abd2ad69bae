import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  hermeticSuite,
  makeThrowawayRepo
} from "./chunk-WKIWYFTY.js";
import {
  grantWrites,
  runSuite
} from "./chunk-KUDM2OG4.js";
import "./chunk-3G5L2OZU.js";
import "./chunk-VJ2AAJIP.js";
import "./chunk-GEUVHT7J.js";
import {
  DEFAULT_WRITE_ALLOWLIST
} from "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-NARH4RFJ.js";
import "./chunk-V23NUAJ5.js";
import {
  bwrapArgs,
  derivePolicy,
  resolveContainment,
  systemView
} from "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
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

// src/bench-view.ts
import { spawnSync } from "node:child_process";
import path from "node:path";
function medianMs(n, f) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    f();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)];
}
async function runViewBench(argv) {
  const n = Number(argv[argv.indexOf("--samples") + 1] || 30) || 30;
  const c = resolveContainment("auto");
  if (!c.active) {
    process.stderr.write(`bench --view: no sandbox here (${c.reason})
`);
    return 2;
  }
  const repo = await makeThrowawayRepo("opencode-dogfood-bench-view-");
  const policy = derivePolicy({
    workDir: repo,
    writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
    harnessPaths: [],
    commonDir: path.join(repo, ".git"),
    otherCheckouts: [],
    hidden: [],
    stateDirs: [],
    readable: [],
    views: []
  });
  const view = bwrapArgs(policy);
  const system = new Set(systemView().map((r) => r.path));
  const host = bwrapArgs({ ...policy, rules: [{ path: "/", access: "read", why: "floor" }, ...policy.rules.filter((r) => !system.has(r.path))] });
  const sandbox = (args) => () => spawnSync(c.bwrap, [...args, "--", "/usr/bin/true"]);
  let viewMs = 0;
  let hostMs = 0;
  for (let i = 0; i < 3; i++) {
    viewMs += medianMs(Math.ceil(n / 3), sandbox(view)) / 3;
    hostMs += medianMs(Math.ceil(n / 3), sandbox(host)) / 3;
  }
  let grantMs = 0;
  if (c.agent) {
    const times = [];
    for (let i = 0; i < n; i++) {
      const t02 = process.hrtime.bigint();
      const g = await grantWrites(policy, c.agent, "case");
      await g.giveBack();
      times.push(Number(process.hrtime.bigint() - t02) / 1e6);
    }
    grantMs = times.sort((a, b) => a - b)[Math.floor(n / 2)];
  }
  const t0 = Date.now();
  const outcome = await runSuite({ ...hermeticSuite(repo, path.join(path.dirname(repo), "suite")), containment: "required" });
  const suiteMs = Date.now() - t0;
  if (outcome.summary.final_verdict !== "PASS") throw new Error(`bench --view: the suite did not pass (see ${outcome.runDir})`);
  const starts = 1 + outcome.summary.cases.filter((x) => x.case_id.startsWith("T3")).length;
  const added = starts * Math.max(0, viewMs - hostMs) + outcome.summary.cases.length * grantMs;
  process.stdout.write(
    [
      `sandbox start with the read view: ${viewMs.toFixed(2)} ms; with the host's root bound whole (floor): ${hostMs.toFixed(2)} ms; ratio ${(viewMs / hostMs).toFixed(2)}\xD7 (median of ${n} each)`,
      c.agent ? `write grant to uid ${c.agent.uid} and back, per case: ${grantMs.toFixed(2)} ms (median of ${n})` : "write grant: none (the harness is not root; the agent is its uid)",
      `one contained hermetic suite: ${suiteMs} ms (${outcome.summary.cases.length} cases, ${starts} sandbox starts)`,
      `the view's share of the suite: ${added.toFixed(1)} ms = ${(100 * added / suiteMs).toFixed(2)}% (target \u2264 3%)`
    ].join("\n") + "\n"
  );
  return 0;
}
export {
  runViewBench
};
