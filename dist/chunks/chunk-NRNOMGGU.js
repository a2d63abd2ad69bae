import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  errorPage,
  loadRun,
  renderPage
} from "./chunk-67MZIT2P.js";
import {
  scrubFile
} from "./chunk-YKXVS3YO.js";
import {
  REPORT_FILE
} from "./chunk-SNJX4VWM.js";
import {
  writeSidecar
} from "./chunk-C7L6GWJA.js";
import {
  writeFileAtomic
} from "./chunk-GXU4NOQI.js";
import {
  InputError
} from "./chunk-BOMUDAXD.js";

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
function inside(dir, file) {
  const rel = path.relative(dir, file);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function reportToFile(runDirArg, outArg, cwd) {
  const runDir = path.resolve(cwd, runDirArg);
  const run = loadRun(runDir);
  const out = path.resolve(cwd, outArg ?? `${run.summary.run_id ?? path.basename(runDir)}.report.html`);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new InputError("--out", `${out} is a directory; give a file name, e.g. ${path.join(out, "report.html")}`);
  const realRun = realpathSync(runDir);
  const realOutDir = existsSync(path.dirname(out)) ? realpathSync(path.dirname(out)) : path.dirname(out);
  if (inside(realRun, path.join(realOutDir, path.basename(out))))
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
