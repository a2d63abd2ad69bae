import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  STATE,
  error,
  getState,
  info,
  isEntry,
  notice,
  stopLeftovers,
  warning
} from "./chunks/chunk-FIQNFRLW.js";
import "./chunks/chunk-4LHDLI6U.js";
import "./chunks/chunk-3YSQRXBE.js";
import {
  printable
} from "./chunks/chunk-AMQZFXVW.js";
import "./chunks/chunk-LHSCZ3D7.js";

// src/post.ts
import { existsSync } from "node:fs";
import path from "node:path";
async function post() {
  const stateDir = getState(STATE.stateDir);
  if (stateDir) {
    for (const p of await stopLeftovers(stateDir)) {
      const what = printable(`pid ${p.pid} (${p.command.slice(0, 200)})`);
      if (p.stopped) warning(`post: stopped a process the run left behind: ${what}`);
      else error(`post: could not stop ${what}`);
    }
  }
  const runDir = getState(STATE.runDir);
  if (runDir && existsSync(runDir) && !existsSync(path.join(runDir, "run_summary.json")))
    error(
      `post: ${runDir} is incomplete: no run_summary.json \u2014 the main step was stopped before it sealed its ledger; the evidence written so far is kept`
    );
  const worktree = getState(STATE.worktree);
  if (worktree && existsSync(worktree)) {
    const shown = printable(worktree);
    const verdict = getState(STATE.verdict);
    const repo = getState(STATE.repoDir);
    const remove = `git -C ${repo || "<checkout>"} worktree remove ${shown}`;
    if (verdict === "FAIL") notice(`post: worktree kept for inspection at ${shown} (verdict FAIL). Remove it with: ${remove}`);
    else if (verdict === "PASS")
      warning(`post: worktree left behind at ${shown} although the verdict was PASS (git refused to remove it). Remove it with: ${remove}`);
    else warning(`post: worktree left behind at ${shown}: the main step ended without a verdict. Inspect it, then: ${remove}`);
  }
  if (!stateDir && !worktree) info(`post: nothing to clean up (the main step stopped before it started anything)`);
  else info(`post: done${stateDir ? ` (state in ${path.basename(stateDir)})` : ""}`);
}
async function run() {
  try {
    await post();
  } catch (e) {
    warning(`post: ${e.message}`);
  }
}
if (isEntry(import.meta.url)) await run();
export {
  run
};
