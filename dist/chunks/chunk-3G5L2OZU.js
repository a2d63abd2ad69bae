import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  readBeneath
} from "./chunk-NXCGP3UY.js";
import {
  CASE_PROCESS_VAR,
  findProcesses
} from "./chunk-3QWB5MIY.js";
import {
  alive
} from "./chunk-3YSQRXBE.js";

// src/sandbox/reaper.ts
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
var CASE_WAIT_MS = 6e4;
function removeLeftovers(l) {
  const removed = [];
  const rm = (file) => {
    try {
      rmSync(file);
      removed.push(file);
    } catch {
    }
  };
  for (const c of l.canaries) {
    try {
      if (readBeneath(path.dirname(c.file), path.basename(c.file), { maxBytes: 4096 }).data?.toString("utf8") === c.content) rm(c.file);
    } catch {
    }
  }
  for (const f of l.created) if (existsSync(f)) rm(f);
  return removed;
}
var REAPER_POLL_MS = 250;
function startReaper(o) {
  const child = spawn(
    process.execPath,
    [o.cli, "__reaper", String(o.parent), String(o.group), o.tag, JSON.stringify(o.leftovers ?? { canaries: [], created: [] })],
    { detached: true, stdio: "ignore", cwd: "/" }
  );
  child.on("error", () => {
  });
  child.unref();
  return {
    dismiss() {
      if (child.pid === void 0 || child.exitCode !== null || child.signalCode !== null) return;
      try {
        child.kill("SIGKILL");
      } catch {
      }
    }
  };
}
function groupAlive(group) {
  try {
    process.kill(-group, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
async function reap(parent, group, tag, leftovers = { canaries: [], created: [] }) {
  for (; ; ) {
    if (!groupAlive(group)) return;
    if (!alive(parent)) break;
    await new Promise((r) => setTimeout(r, REAPER_POLL_MS));
  }
  try {
    process.kill(-group, "SIGKILL");
  } catch {
  }
  for (let round = 0; round < 2; round++) {
    for (const p of findProcesses(tag)) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const until = Date.now() + CASE_WAIT_MS;
  while (leftovers.caseTag && findProcesses(leftovers.caseTag, /* @__PURE__ */ new Set(), CASE_PROCESS_VAR).length > 0 && Date.now() < until)
    await new Promise((r) => setTimeout(r, REAPER_POLL_MS));
  removeLeftovers(leftovers);
}

export {
  CASE_WAIT_MS,
  removeLeftovers,
  REAPER_POLL_MS,
  startReaper,
  reap
};
