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
function interruptOnSignals(say, ended = () => false) {
  const c = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      if (c.signal.aborted) {
        say(`${sig} again: ending now (the ledger of this run stays unsealed)`);
        process.exit(sig === "SIGINT" ? 130 : 143);
      }
      say(
        ended() ? `${sig}: the run has already ended and its ledger is sealed \u2014 finishing its output (send it again to end at once)` : `${sig}: stopping \u2014 ending the case in flight, restoring its tree, sealing the ledger (send it again to end at once)`
      );
      c.abort(sig);
    });
  }
  return c;
}
var FIFO_WAIT_CHANNELS = /* @__PURE__ */ new Set(["wait_for_partner", "fifo_open"]);
var FIFO_SCAN_MAX = 256;
function waitsOnFifo(pid) {
  const read = (file) => {
    try {
      return readFileSync(file, "latin1");
    } catch {
      return "";
    }
  };
  const queue = [pid];
  for (let i = 0; i < queue.length && i < FIFO_SCAN_MAX; i++) {
    const p = queue[i];
    if (FIFO_WAIT_CHANNELS.has(read(`/proc/${p}/wchan`))) return true;
    for (const c of read(`/proc/${p}/task/${p}/children`).split(" ")) if (c) queue.push(Number(c));
  }
  return false;
}

export {
  alive,
  interruptOnSignals,
  waitsOnFifo
};
