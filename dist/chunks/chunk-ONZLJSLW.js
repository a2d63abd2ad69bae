import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/proc.ts
import { readFileSync } from "node:fs";
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function interruptOnSignals(say) {
  const c = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      if (c.signal.aborted) {
        say(`${sig} again: ending now (the ledger of this run stays unsealed)`);
        process.exit(sig === "SIGINT" ? 130 : 143);
      }
      say(`${sig}: stopping \u2014 ending the case in flight, restoring its tree, sealing the ledger (send it again to end at once)`);
      c.abort(sig);
    });
  }
  return c;
}
var FIFO_WAIT_CHANNELS = /* @__PURE__ */ new Set(["wait_for_partner", "fifo_open"]);
function waitsOnFifo(pid) {
  const wchan = (p) => {
    try {
      return readFileSync(`/proc/${p}/wchan`, "latin1");
    } catch {
      return "";
    }
  };
  if (FIFO_WAIT_CHANNELS.has(wchan(pid))) return true;
  let children;
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1");
  } catch {
    return false;
  }
  return children.split(" ").filter(Boolean).some((c) => FIFO_WAIT_CHANNELS.has(wchan(Number(c))));
}

export {
  alive,
  interruptOnSignals,
  waitsOnFifo
};
