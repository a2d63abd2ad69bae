import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  errorPage,
  loadRun,
  renderPage
} from "./chunk-BKJWIMPC.js";
import {
  scrubFile
} from "./chunk-EPGW6SGM.js";
import {
  REPORT_FILE
} from "./chunk-SNJX4VWM.js";
import {
  writeSidecar
} from "./chunk-5JSGXJPI.js";
import {
  isInside,
  realPathOfNew,
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/report/html/index.ts
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
function renderReport(runDir, opts = {}) {
  return renderPage(loadRun(runDir, opts.summary), opts.origin ?? "cli");
}
function writeRunReport(runDir, summary, secrets) {
  const file = path.join(runDir, REPORT_FILE);
  let page;
  try {
    page = renderReport(runDir, { summary, origin: "run" });
  } catch (e) {
    page = errorPage(summary, e.stack ?? String(e));
  }
  writeFileAtomic(file, page);
  scrubFile(file, secrets);
  writeSidecar(file);
  return file;
}
function reportToFile(runDirArg, outArg, cwd) {
  const runDir = path.resolve(cwd, runDirArg);
  const run = loadRun(runDir);
  const runId = typeof run.summary.run_id === "string" && /^RUN_[0-9]{4,}$/.test(run.summary.run_id) ? run.summary.run_id : "run";
  const out = path.resolve(cwd, outArg ?? `${runId}.report.html`);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new InputError("--out", `${out} is a directory; give a file name, e.g. ${path.join(out, "report.html")}`);
  const realRun = realpathSync(runDir);
  if (isInside(realRun, path.join(realPathOfNew(path.dirname(out)), path.basename(out))))
    throw new InputError(
      "--out",
      `${out} is inside the ledger ${runDir}, which stays as the run sealed it (its report.html has a sidecar); write the report outside the RUN folder`
    );
  writeFileAtomic(out, renderPage(run, "cli"));
  return out;
}

export {
  renderReport,
  writeRunReport,
  reportToFile
};
