import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/proc.ts
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

export {
  alive,
  interruptOnSignals
};
