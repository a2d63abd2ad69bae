import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  findProcesses
} from "./chunk-DR4IFN7H.js";
import {
  alive
} from "./chunk-7S2WGD5M.js";

// src/sandbox/reaper.ts
import { spawn } from "node:child_process";
var REAPER_POLL_MS = 250;
function startReaper(o) {
  const child = spawn(process.execPath, [o.cli, "__reaper", String(o.parent), String(o.group), o.tag], { detached: true, stdio: "ignore", cwd: "/" });
  child.on("error", () => {
  });
  child.unref();
}
function groupAlive(group) {
  try {
    process.kill(-group, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
async function reap(parent, group, tag) {
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
}

export {
  REAPER_POLL_MS,
  startReaper,
  reap
};
