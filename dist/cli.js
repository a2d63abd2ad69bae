#!/usr/bin/env node
import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  SUITE_PID_VAR
} from "./chunks/chunk-3QWB5MIY.js";
import {
  alive,
  interruptOnSignals
} from "./chunks/chunk-3YSQRXBE.js";
import {
  GitError,
  InputError,
  PreflightError,
  SchemaError,
  ServerStartError
} from "./chunks/chunk-LZO5H7YI.js";
import {
  printable
} from "./chunks/chunk-AMQZFXVW.js";
import "./chunks/chunk-LHSCZ3D7.js";

// src/cli.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
async function help() {
  const RUN_OPTIONS_HELP = (await import("./chunks/option-docs-NHMQNN7P.js")).runOptionsHelp();
  return `opencode-dogfood \u2014 validate the OpenCode coding agent before it works on your repository

Usage:
  opencode-dogfood run [options]        run the suite (or one case) in this repository
  opencode-dogfood verify RUN_DIR [--root HEX] [--allowed-signers FILE]
                                        re-check a run's ledger: hashes, schemas, counts, evidence,
                                        the ledger root (against the published one with --root), and
                                        the SSHSIG signature of run_summary.json (--allowed-signers)
  opencode-dogfood report RUN_DIR [--out FILE]
                                        render the run's HTML report from its ledger to FILE
                                        (default: ./RUN_XXXX.report.html; the ledger is not written to)
  opencode-dogfood diff RUN_A RUN_B [--json]
                                        what changed between two runs, case by case (status, code,
                                        reason, evidence beyond times, ids, ports and temp paths);
                                        exit 0 when none, 1 when some
  opencode-dogfood compare RUN_DIR... [--allow-different-cases] [--json] [--markdown FILE] [--html FILE]
                                        one table across runs (models, OpenCode versions): a row per
                                        case, a column per run \u2014 pass rate over attempts, median
                                        latency, tokens, cost \u2014 and the flips against the first run;
                                        every run's ledger is verified first (a run that does not is
                                        refused), runs of different case sets are refused unless
                                        --allow-different-cases; exit 1 when a case got worse than in
                                        the first run (a baseline gate), 0 when none did, 2 when refused
  opencode-dogfood merge RUN_DIR... --out DIR [--root HEX]... [--json]
                                        one RUN ledger from the N shards of a set (runs with --shard I/N):
                                        every shard is verified first (with --root, once per shard: against
                                        the roots the shards' jobs published); refused, with one line naming
                                        what is wrong, when a (case, attempt) is missing or present twice or the
                                        shards disagree on commit, case set, OpenCode version, model or N;
                                        the merged run gets the next RUN_XXXX in DIR (never an existing
                                        one); exit 0 when its verdict is PASS, 1 when FAIL, 2 when refused
  opencode-dogfood init [DIR]           scaffold the sandbox fixtures the cases need (default: .)
  opencode-dogfood demo                 the full hermetic suite on a throwaway repository (npm run dogfood)
  opencode-dogfood bench                the suite against its floor, same warm server (npm run bench)
  opencode-dogfood bench --merge [--from RUN_DIR] [--shards N]
                                        what merge costs: N shard ledgers synthesized from a real run's,
                                        merged at 1\xD7, 2\xD7 and 4\xD7 their size
  opencode-dogfood bench --view         what the read view costs: sandbox starts and write grants
                                        against their floor, as a share of one contained suite run

Run options:
${RUN_OPTIONS_HELP}
Exit status: 0 when the verdict is PASS, 1 when it is FAIL, 2 on bad input or a failed entry checklist,
3 on an internal error, 130/143 when SIGINT/SIGTERM interrupted the run (its ledger sealed as interrupted).
`;
}
async function printProgress() {
  const { progressLine } = await import("./chunks/demo-X2WGRJKJ.js");
  return (e) => process.stderr.write(progressLine(e));
}
async function cmdRun(argv) {
  const { joinNegativeValues, parseRunSettings, engineOptions, RUN_OPTIONS } = await import("./chunks/inputs-IH3ZUJTY.js");
  const stringOptions = new Set(
    Object.entries(RUN_OPTIONS).filter(([, o]) => o.type === "string").map(([k]) => k)
  );
  const { values } = parseArgs({ args: joinNegativeValues(argv, stringOptions), options: RUN_OPTIONS, strict: true, allowPositionals: false });
  const { runSuite } = await import("./chunks/run-K3PC27ZW.js");
  const { verdictTable } = await import("./chunks/table-MOWFVN2B.js");
  const settings = parseRunSettings(values, process.cwd());
  const opts = engineOptions(settings);
  const junitFile = settings.junitPath;
  const junit = junitFile !== void 0 ? await import("./chunks/junit-IYGU5J2Q.js") : void 0;
  let ended = false;
  const interrupt = interruptOnSignals(
    (line) => process.stderr.write(`opencode-dogfood: ${line}
`),
    () => ended
  );
  const outcome = await runSuite({ ...opts, onProgress: await printProgress(), interrupt: interrupt.signal });
  ended = true;
  if (junitFile) junit.writeJunit(junitFile, outcome.summary);
  process.stdout.write(
    settings.json ? JSON.stringify(outcome.summary, null, 2) + "\n" : verdictTable(outcome.summary) + `ledger: ${outcome.runDir}
ledger root: ${outcome.summary.ledger_root} (publish it; check with: opencode-dogfood verify RUN_DIR --root HEX)
${junitFile ? `junit: ${junitFile}
` : ""}`
  );
  if (outcome.ledgerProblems.length > 0)
    process.stderr.write(
      `opencode-dogfood: the agent tampered with this run's ledger; verify finds:
${outcome.ledgerProblems.map((p) => `  ${printable(p)}`).join("\n")}
`
    );
  if (outcome.checkoutChanges.length > 0) {
    process.stderr.write(
      `opencode-dogfood: MODIFICATIONFAIL: the run changed your checkout:
${outcome.checkoutChanges.map((c) => `  ${printable(c)}`).join("\n")}
`
    );
    return 1;
  }
  if (outcome.summary.stop_reason?.startsWith("interrupted")) return interrupt.signal.reason === "SIGINT" ? 130 : 143;
  if (interrupt.signal.aborted)
    process.stderr.write(
      `opencode-dogfood: ${String(interrupt.signal.reason)} cut nothing: the last case had run to its end; the run is whole, its exit status its verdict's
`
    );
  return outcome.summary.final_verdict === "PASS" ? 0 : 1;
}
async function cmdVerify(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: "string" }, "allowed-signers": { type: "string" } },
    strict: true,
    allowPositionals: true
  });
  if (positionals.length !== 1) throw new InputError("verify", "give exactly one RUN_DIR, e.g. artifacts/ledger/opencode_dogfood/RUN_0001");
  if (values.root !== void 0 && !/^[0-9a-f]{64}$/.test(values.root))
    throw new InputError("--root", `'${values.root}' is not a ledger root; give the 64 hex digits the run printed ('ledger root: \u2026')`);
  const { runState, verifyRun } = await import("./chunks/verify-ARPSGMUY.js");
  const dir = positionals[0];
  const runDir = path.resolve(dir);
  const state = runState(runDir);
  if (state === "not-a-run")
    throw new InputError("verify", `${dir} is not a run folder (a RUN_XXXX folder of the ledger, holding cases/, evidence/ and run_summary.json)`);
  if (state === "incomplete") {
    process.stdout.write(`${dir}: incomplete: no run_summary.json \u2014 the run was killed before it sealed its ledger (or it is still running)
`);
    return 1;
  }
  const problems = verifyRun(runDir, { root: values.root });
  if (values["allowed-signers"] !== void 0) {
    const { verifySignature } = await import("./chunks/sign-OU2MHNZ4.js");
    const sig = verifySignature(runDir, values["allowed-signers"]);
    if (!sig.ok) problems.push(sig.error ?? "signature does not verify");
    else process.stdout.write(`${dir}: run_summary.json signed by ${sig.principal} (namespace opencode-dogfood)
`);
  }
  if (problems.length > 0) {
    process.stdout.write(problems.map((p) => `problem: ${printable(p)}`).join("\n") + `
${problems.length} problem(s) in ${dir}
`);
    return 1;
  }
  const summary = JSON.parse(readFileSync(path.join(runDir, "run_summary.json"), "utf8"));
  const checked = values.root ? "the published root" : "its own root (give --root to check it against the published one)";
  process.stdout.write(`${dir}: ledger verified (sidecars, schemas, counts, entries against results, ${checked}); verdict ${summary.final_verdict}
`);
  if (summary.stop_reason?.startsWith("interrupted")) process.stdout.write(`${dir}: the run was interrupted: ${printable(summary.stop_reason)}
`);
  process.stdout.write(`ledger root: ${summary.ledger_root}
`);
  return 0;
}
async function cmdReport(argv) {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: "string" } }, strict: true, allowPositionals: true });
  if (positionals.length !== 1)
    throw new InputError("report", "give exactly one RUN_DIR, e.g. artifacts/ledger/opencode_dogfood/RUN_0001 (and optionally --out FILE)");
  const { reportToFile } = await import("./chunks/html-Y4QUE4M2.js");
  const file = reportToFile(positionals[0], values.out, process.cwd());
  process.stdout.write(`report: ${file}
`);
  return 0;
}
async function cmdInit(argv) {
  if (argv.length > 1) throw new InputError("init", "give at most one directory");
  const { scaffold } = await import("./chunks/init-BRALHIMB.js");
  const dir = path.resolve(argv[0] ?? ".");
  const r = scaffold(dir);
  for (const f of r.created) process.stdout.write(`created ${f}
`);
  process.stdout.write(`${r.created.length} file(s) created, ${r.unchanged.length} already in place in ${dir}
`);
  if (r.created.length > 0)
    process.stdout.write("commit them before a run (the suite needs a clean tree): git add docs scripts && git commit -m 'opencode-dogfood fixtures'\n");
  return 0;
}
var CONTEXT_POLL_MS = 10;
var PARENT_POLL_MS = 250;
async function cmdCase(argv) {
  const [ctxFile, pidFile, waitArg] = argv;
  if (pidFile) writeFileSync(pidFile, String(process.pid));
  const loading = import("./chunks/run-case-UJ6FWZOW.js");
  loading.then((m) => m.warmCase()).catch(() => {
  });
  const waitMs = Number(waitArg ?? 0);
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    process.stderr.write(`case process: WAIT_MS must be a number of milliseconds \u2265 0, got '${waitArg}'
`);
    return 2;
  }
  const until = Date.now() + waitMs;
  const parent = Number(process.env[SUITE_PID_VAR]) || process.ppid;
  let onSignal = (sig) => process.exit(sig === "SIGINT" ? 130 : 143);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => onSignal(sig));
  while (!existsSync(ctxFile)) {
    if (Date.now() > until || process.ppid !== parent || !alive(parent)) {
      process.stderr.write(`case process: no context at ${ctxFile} within ${waitMs} ms (or the suite is gone); exiting
`);
      process.exit(3);
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
  const { interruptCase, runCase } = await loading;
  let signalled = false;
  onSignal = (sig) => {
    if (signalled) process.exit(sig === "SIGINT" ? 130 : 143);
    signalled = true;
    const told = existsSync(`${ctxFile}.stop`) ? readFileSync(`${ctxFile}.stop`, "utf8").trim() : "";
    interruptCase(`${told || `interrupted by ${sig}`} during ${ctx.caseDef.id}`);
  };
  const watchdog = setInterval(() => {
    if (process.ppid !== parent || !alive(parent)) interruptCase(`the suite process ended (killed) during ${ctx.caseDef.id}`);
  }, PARENT_POLL_MS);
  watchdog.unref();
  const v = await runCase(ctx);
  return v.actual_outcome === "SUCCESS" ? 0 : 1;
}
var COMMANDS = ["run", "verify", "report", "diff", "compare", "merge", "init", "demo", "bench"];
async function main(argv) {
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const [cmd, ...rest] = argv;
  try {
    if (cmd !== void 0 && COMMANDS.includes(cmd) && (rest.includes("--help") || rest.includes("-h"))) {
      process.stdout.write(await help());
      return 0;
    }
    switch (cmd) {
      case void 0:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(await help());
        return cmd === void 0 ? 2 : 0;
      case "run":
        return await cmdRun(rest);
      case "verify":
        return await cmdVerify(rest);
      case "report":
        return await cmdReport(rest);
      case "diff":
        return (await import("./chunks/diff-ZIYMV4JI.js")).diffCommand(rest);
      case "compare":
        return (await import("./chunks/command-SRLCEQUG.js")).compareCommand(rest, process.cwd());
      case "merge":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(await help());
          return 0;
        }
        return (await import("./chunks/command-MCU3DG2V.js")).mergeCommand(rest);
      case "init":
        return await cmdInit(rest);
      case "demo":
        if (rest.length > 0)
          throw new InputError("demo", `takes no arguments, got '${rest.join(" ")}' (it runs the full hermetic suite on a throwaway repository; see --help)`);
        return await (await import("./chunks/demo-X2WGRJKJ.js")).runDemo(rest);
      case "bench":
        return await (await import("./chunks/bench-JL3DGGR7.js")).runBench(rest);
      case "__case":
        return await cmdCase(rest);
      case "__reaper": {
        const [parent, group, tag, leftovers] = rest;
        await (await import("./chunks/reaper-OXY7VBUI.js")).reap(Number(parent), Number(group), tag, leftovers ? JSON.parse(leftovers) : void 0);
        return 0;
      }
      default:
        throw new InputError("command", `unknown command '${cmd}'; allowed: ${COMMANDS.join(", ")} (see --help)`);
    }
  } catch (e) {
    if (e instanceof PreflightError) {
      process.stderr.write(`opencode-dogfood: ${e.message}
`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`opencode-dogfood: ${printable(e.message)}
`);
      return 2;
    }
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`opencode-dogfood: ${printable(e.message)} (see --help)
`);
      return 2;
    }
    if (e instanceof SchemaError || e instanceof ServerStartError || e instanceof GitError || e.name === "SigningError") {
      const err = e;
      process.stderr.write(`opencode-dogfood: ${err.name}: ${printable(err.message)}
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
