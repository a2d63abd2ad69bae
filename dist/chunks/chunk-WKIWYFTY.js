import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  runSuite
} from "./chunk-KUDM2OG4.js";
import {
  scaffold
} from "./chunk-VJ2AAJIP.js";
import {
  verdictTable
} from "./chunk-GEUVHT7J.js";
import {
  BUILTIN_MODEL,
  DEFAULT_DELETION_ALLOWLIST,
  DEFAULT_WRITE_ALLOWLIST
} from "./chunk-DCJP7OYH.js";
import {
  gitOk
} from "./chunk-NARH4RFJ.js";
import {
  verifyRun
} from "./chunk-EJWB2SWA.js";
import {
  STAGES
} from "./chunk-AUNSJMXT.js";
import {
  printable
} from "./chunk-AMQZFXVW.js";

// src/demo.ts
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
async function makeThrowawayRepo(prefix = "opencode-dogfood-demo-") {
  const base = mkdtempSync(path.join(os.tmpdir(), prefix));
  const repo = path.join(base, "repo");
  await gitOk(base, ["init", "-q", "-b", "main", repo]);
  writeFileSync(path.join(repo, "README.md"), "# dogfood demo repository\n");
  scaffold(repo);
  await gitOk(repo, ["add", "-A"]);
  await gitOk(repo, ["-c", "user.name=opencode-dogfood", "-c", "user.email=dogfood@localhost", "commit", "-q", "-m", "opencode-dogfood fixtures"]);
  return repo;
}
function hermeticSuite(repo, worktreePath) {
  return {
    repoDir: repo,
    worktreePath,
    stages: [...STAGES],
    failFast: true,
    model: BUILTIN_MODEL,
    transport: "sdk",
    writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
    deletionAllowlist: DEFAULT_DELETION_ALLOWLIST,
    caseTimeoutMs: 3e5,
    latencyBudgetMs: 12e4
  };
}
async function runDemo(_argv, onProgress) {
  const repo = await makeThrowawayRepo();
  process.stderr.write(`throwaway repository: ${repo}
`);
  const outcome = await runSuite({
    ...hermeticSuite(repo, path.join(path.dirname(repo), "dogfood_worktree")),
    onProgress: onProgress ?? ((e) => process.stderr.write(progressLine(e)))
  });
  const problems = verifyRun(outcome.runDir);
  process.stdout.write(verdictTable(outcome.summary));
  process.stdout.write(`ledger: ${outcome.runDir}
`);
  process.stdout.write(`verify: ${problems.length === 0 ? "ledger verified" : printable(problems.join("; "))}
`);
  if (outcome.worktree) process.stdout.write(`${printable(outcome.worktree.message)}
`);
  if (outcome.checkoutChanges.length > 0) process.stdout.write(`the run changed the checkout: ${printable(outcome.checkoutChanges.join(", "))}
`);
  return outcome.summary.final_verdict === "PASS" && problems.length === 0 && outcome.checkoutChanges.length === 0 ? 0 : 1;
}
function progressLine(e) {
  return `${printable(progressText(e))}
`;
}
function progressText(e) {
  switch (e.kind) {
    case "run-start":
      return `${e.runId}: ${e.cases} case(s)`;
    case "server-start":
      return `OpenCode server ready at ${e.url} (${e.ms} ms${e.warm ? `; ${e.warm}` : ""})`;
    case "containment":
      return `containment: ${e.line}`;
    case "note":
      return `${e.line}`;
    case "case-start":
      return `[${e.index}/${e.total}] ${e.caseId} (${e.stage}) \u2026`;
    case "case-end":
      return `[${e.index}/${e.total}] ${e.summary.case_id} ${e.summary.status}${e.summary.failure_code ? ` ${e.summary.failure_code}` : ""} in ${e.summary.duration_ms} ms \u2014 ${e.summary.reason ?? ""}`;
    case "stage-gate":
    case "stop":
      return `stopping: ${e.reason}`;
    case "cleanup":
      return `${e.message}`;
  }
}

export {
  makeThrowawayRepo,
  hermeticSuite,
  runDemo,
  progressLine
};
