#!/usr/bin/env node
import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  alive
} from "./chunks/chunk-OU5FJGLE.js";
import {
  RUN_OPTIONS
} from "./chunks/chunk-HUV6R2M2.js";
import {
  GitError,
  InputError,
  PreflightError,
  SchemaError,
  ServerStartError
} from "./chunks/chunk-UZ2KPXWI.js";
import "./chunks/chunk-LHSCZ3D7.js";

// src/cli.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
var HELP = `opencode-dogfood \u2014 validate the OpenCode coding agent before it works on your repository

Usage:
  opencode-dogfood run [options]        run the suite (or one case) in this repository
  opencode-dogfood verify RUN_DIR       re-check a run's ledger: hashes, schemas, counts, evidence
  opencode-dogfood init [DIR]           scaffold the sandbox fixtures the cases need (default: .)
  opencode-dogfood demo                 the full hermetic suite on a throwaway repository (npm run dogfood)
  opencode-dogfood bench                the suite against its floor, same warm server (npm run bench)

Run options:
  --stages LIST          stages to run, comma-separated, in order T1,T2a,T2b,T3,T4 (default: all)
  --case ID              run one case, e.g. T1C01; exit 0 iff its status is PASS
  --fail-fast            stop at the first failing case; the rest are counted as skipped
  --model P/M            provider/model (default: dogfood/scripted, the built-in offline model)
  --roles LIST           T1C02 roles: name=provider/model:KEY_ENV,... (default for the built-in model:
                         planner, coder, reviewer with generated keys)
  --server-url URL       use a running OpenCode server instead of starting one
  --transport sdk|cli    REST API through @opencode-ai/sdk (default) or 'opencode run --format json'
  --worktree PATH        create this git worktree (git worktree add PATH HEAD) and run inside it;
                         removed after a PASS, kept for inspection after a FAIL
  --ledger-dir DIR       where RUN_XXXX folders go (default: artifacts/ledger/opencode_dogfood)
  --cases-file FILE      add user-defined cases (JSON, format in README.md)
  --write-allowlist L    comma-separated; 'dir/' is a folder prefix, anything else one file
                         (default: the plan packet's four entries)
  --deletion-allowlist L comma-separated, same rules (default: empty \u2014 any deletion is GITCLEANFAIL)
  --timeout SECONDS      hard bound on one case process (default: 300)
  --latency-budget MS    budget for one agent request (default: 120000)
  --containment MODE     auto (default): the OS sandbox (bubblewrap) where it works, and say so where not;
                         required: stop before any case without it; off: none
  --env-pass LIST        env var names passed to the agent beyond PATH, LANG, LC_*, TZ, TERM and the
                         model's/roles' key variables (the agent's env is an allowlist)
  --opencode-path FILE   opencode binary (default: the one from the opencode-ai package, else PATH)
  --repo DIR             the repository (default: the current directory)
  --json                 print the run summary as JSON instead of the table

Exit status: 0 when the verdict is PASS, 1 when it is FAIL, 2 on bad input or a failed entry checklist.
`;
async function printProgress() {
  const { progressLine } = await import("./chunks/demo-57Z7TYGT.js");
  return (e) => process.stderr.write(progressLine(e));
}
async function cmdRun(argv) {
  const { values } = parseArgs({ args: argv, options: RUN_OPTIONS, strict: true, allowPositionals: false });
  const { parseSuiteInputs } = await import("./chunks/inputs-E5PFLFUX.js");
  const { runSuite } = await import("./chunks/run-UVWAJKV5.js");
  const { verdictTable } = await import("./chunks/table-A5GKVMLZ.js");
  const opts = parseSuiteInputs(values, process.cwd());
  const outcome = await runSuite({ ...opts, onProgress: await printProgress() });
  process.stdout.write(values.json ? JSON.stringify(outcome.summary, null, 2) + "\n" : verdictTable(outcome.summary) + `ledger: ${outcome.runDir}
`);
  if (outcome.checkoutChanges.length > 0) {
    process.stderr.write(`opencode-dogfood: MODIFICATIONFAIL: the run changed your checkout:
${outcome.checkoutChanges.map((c) => `  ${c}`).join("\n")}
`);
    return 1;
  }
  return outcome.summary.final_verdict === "PASS" ? 0 : 1;
}
async function cmdVerify(argv) {
  if (argv.length !== 1) throw new InputError("verify", "give exactly one RUN_DIR, e.g. artifacts/ledger/opencode_dogfood/RUN_0001");
  const { verifyRun } = await import("./chunks/verify-KD377CUF.js");
  const problems = verifyRun(path.resolve(argv[0]));
  if (problems.length === 0) {
    process.stdout.write(`${argv[0]}: ledger verified (sidecars, schemas, counts, evidence)
`);
    return 0;
  }
  process.stdout.write(problems.map((p) => `problem: ${p}`).join("\n") + `
${problems.length} problem(s) in ${argv[0]}
`);
  return 1;
}
async function cmdInit(argv) {
  if (argv.length > 1) throw new InputError("init", "give at most one directory");
  const { scaffold } = await import("./chunks/init-QPHMA4JG.js");
  const dir = path.resolve(argv[0] ?? ".");
  const r = scaffold(dir);
  for (const f of r.created) process.stdout.write(`created ${f}
`);
  process.stdout.write(`${r.created.length} file(s) created, ${r.unchanged.length} already in place in ${dir}
`);
  if (r.created.length > 0) process.stdout.write("commit them before a run (the suite needs a clean tree): git add docs scripts && git commit -m 'opencode-dogfood fixtures'\n");
  return 0;
}
var CONTEXT_POLL_MS = 10;
async function cmdCase(argv) {
  const [ctxFile, pidFile, waitArg] = argv;
  if (pidFile) writeFileSync(pidFile, String(process.pid));
  const loading = import("./chunks/run-case-YNVA4UVY.js");
  loading.catch(() => {
  });
  const waitMs = Number(waitArg ?? 0);
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    process.stderr.write(`case process: WAIT_MS must be a number of milliseconds \u2265 0, got '${waitArg}'
`);
    return 2;
  }
  const until = Date.now() + waitMs;
  while (!existsSync(ctxFile)) {
    if (Date.now() > until || !alive(process.ppid)) {
      process.stderr.write(`case process: no context at ${ctxFile} within ${waitMs} ms (or the suite is gone); exiting
`);
      return 3;
    }
    await new Promise((r) => setTimeout(r, CONTEXT_POLL_MS));
  }
  const ctx = JSON.parse(readFileSync(ctxFile, "utf8"));
  if ("cancel" in ctx) return 0;
  const timer = setTimeout(() => {
    process.stderr.write(`${ctx.caseDef.id}: case exceeded ${ctx.caseTimeoutMs} ms; exiting
`);
    process.exit(124);
  }, ctx.caseTimeoutMs);
  timer.unref();
  const { runCase } = await loading;
  const v = await runCase(ctx);
  return v.actual_outcome === "SUCCESS" ? 0 : 1;
}
async function main(argv) {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case void 0:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(HELP);
        return cmd === void 0 ? 2 : 0;
      case "run":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(HELP);
          return 0;
        }
        return await cmdRun(rest);
      case "verify":
        return await cmdVerify(rest);
      case "init":
        return await cmdInit(rest);
      case "demo":
        return await (await import("./chunks/demo-57Z7TYGT.js")).runDemo(rest);
      case "bench":
        return await (await import("./chunks/bench-HX77AYXU.js")).runBench(rest);
      case "__case":
        return await cmdCase(rest);
      default:
        throw new InputError("command", `unknown command '${cmd}'; allowed: run, verify, init, demo, bench (see --help)`);
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof PreflightError) {
      process.stderr.write(`opencode-dogfood: ${e.message}
`);
      return 2;
    }
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`opencode-dogfood: ${e.message} (see --help)
`);
      return 2;
    }
    if (e instanceof SchemaError || e instanceof ServerStartError || e instanceof GitError) {
      process.stderr.write(`opencode-dogfood: ${e.name}: ${e.message}
`);
      return 3;
    }
    process.stderr.write(`opencode-dogfood: ${e.stack ?? String(e)}
`);
    return 3;
  }
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
export {
  main
};
