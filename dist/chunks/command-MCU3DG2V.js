import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  mergeShards
} from "./chunk-L4NPBY7P.js";
import "./chunk-KUDM2OG4.js";
import "./chunk-3G5L2OZU.js";
import "./chunk-DCJP7OYH.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-NARH4RFJ.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-YVT2LATV.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
import "./chunk-ED74ZWEH.js";
import "./chunk-EJWB2SWA.js";
import {
  ROOT_PATTERN
} from "./chunk-6ZERPRDS.js";
import "./chunk-RBMSUNWZ.js";
import "./chunk-BKJWIMPC.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-EPGW6SGM.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";
import {
  printable
} from "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";

// src/merge/command.ts
import { parseArgs } from "node:util";
function mergeCommand(argv, write = (s) => process.stdout.write(s)) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: "string" }, json: { type: "boolean" }, root: { type: "string", multiple: true } },
    strict: true,
    allowPositionals: true
  });
  if (positionals.length === 0) throw new InputError("merge", "give the shard folders, RUN_DIR... (the N ledgers of one set), and --out DIR");
  if (values.out === void 0 || values.out.trim() === "")
    throw new InputError("--out", "give the ledger folder the merged RUN_XXXX goes into (e.g. artifacts/ledger/opencode_dogfood)");
  const roots = values.root ?? [];
  for (const r of roots) if (!ROOT_PATTERN.test(r)) throw new InputError("--root", `'${r}' is not a ledger root (64 lowercase hex digits, as a run prints it)`);
  const m = mergeShards(positionals, values.out, roots);
  const s = m.summary;
  if (values.json) write(JSON.stringify(s, null, 2) + "\n");
  else
    write(
      [
        `merged ${m.set.shards.length} shard(s) of set ${m.set.set_id} (${m.set.cases.length} case(s) \xD7 ${m.set.repeat} attempt(s), commit ${s.repo_commit.slice(0, 12)}) into ${m.runId}`,
        `verdict ${s.final_verdict}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped of ${s.total_cases}${s.stop_reason ? ` (${s.stop_reason})` : ""}`,
        `ledger: ${m.runDir}`,
        `ledger root: ${s.ledger_root} (publish it; check with: opencode-dogfood verify RUN_DIR --root HEX)`
      ].map((l) => `${printable(l)}
`).join("")
    );
  return s.final_verdict === "PASS" ? 0 : 1;
}
export {
  mergeCommand
};
