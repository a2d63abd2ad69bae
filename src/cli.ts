#!/usr/bin/env node
// The command line: `opencode-dogfood run|verify|report|diff|compare|merge|init|demo|bench`. It only
// parses, validates and orchestrates; the engine lives in suite/, cases/,
// guard/, ledger/ and opencode/.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CaseContext } from './cases/context.js'
import { GitError, InputError, PreflightError, SchemaError, ServerStartError } from './errors.js'
import type { ProgressEvent } from './suite/options.js'
import { alive, interruptOnSignals } from './proc.js'
import { SUITE_PID_VAR } from './sandbox/processes.js'
import { printable } from './printable.js'

// Each command loads only what it needs: a case process starts 15 times a run.

/** `--help`; its run options come from the option table (suite/option-docs.ts), loaded only when asked for. */
async function help(): Promise<string> {
  const RUN_OPTIONS_HELP = (await import('./suite/option-docs.js')).runOptionsHelp()
  return `opencode-dogfood — validate the OpenCode coding agent before it works on your repository

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
                                        case, a column per run — pass rate over attempts, median
                                        latency, tokens, cost — and the flips against the first run;
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
                                        merged at 1×, 2× and 4× their size
  opencode-dogfood bench --view         what the read view costs: sandbox starts and write grants
                                        against their floor, as a share of one contained suite run

Run options:
${RUN_OPTIONS_HELP}
Exit status: 0 when the verdict is PASS, 1 when it is FAIL, 2 on bad input or a failed entry checklist,
3 on an internal error, 130/143 when SIGINT/SIGTERM interrupted the run (its ledger sealed as interrupted).
`
}

async function printProgress(): Promise<(e: ProgressEvent) => void> {
  const { progressLine } = await import('./demo.js')
  return (e) => process.stderr.write(progressLine(e))
}

async function cmdRun(argv: string[]): Promise<number> {
  const { joinNegativeValues, parseRunSettings, engineOptions, RUN_OPTIONS } = await import('./suite/inputs.js')
  const stringOptions = new Set(
    Object.entries(RUN_OPTIONS)
      .filter(([, o]) => o.type === 'string')
      .map(([k]) => k),
  )
  const { values } = parseArgs({ args: joinNegativeValues(argv, stringOptions), options: RUN_OPTIONS, strict: true, allowPositionals: false })
  const { runSuite } = await import('./suite/run.js')
  const { verdictTable } = await import('./report/table.js')
  const settings = parseRunSettings(values as Record<string, string | boolean | undefined>, process.cwd())
  const opts = engineOptions(settings)
  const junitFile = settings.junitPath
  const junit = junitFile !== undefined ? await import('./report/junit.js') : undefined
  let ended = false
  const interrupt = interruptOnSignals(
    (line) => process.stderr.write(`opencode-dogfood: ${line}\n`),
    () => ended,
  )
  const outcome = await runSuite({ ...opts, onProgress: await printProgress(), interrupt: interrupt.signal })
  ended = true
  if (junitFile) junit!.writeJunit(junitFile, outcome.summary)
  process.stdout.write(
    settings.json
      ? JSON.stringify(outcome.summary, null, 2) + '\n'
      : verdictTable(outcome.summary) +
          `ledger: ${outcome.runDir}\nledger root: ${outcome.summary.ledger_root} (publish it; check with: opencode-dogfood verify RUN_DIR --root HEX)\n${junitFile ? `junit: ${junitFile}\n` : ''}`,
  )
  if (outcome.ledgerProblems.length > 0)
    process.stderr.write(
      `opencode-dogfood: the agent tampered with this run's ledger; verify finds:\n${outcome.ledgerProblems.map((p) => `  ${printable(p)}`).join('\n')}\n`,
    )
  if (outcome.checkoutChanges.length > 0) {
    process.stderr.write(
      `opencode-dogfood: MODIFICATIONFAIL: the run changed your checkout:\n${outcome.checkoutChanges.map((c) => `  ${printable(c)}`).join('\n')}\n`,
    )
    return 1
  }
  // Interrupted: the ledger is sealed (stop_reason says where); the exit status is the shell's 128 + signal.
  // A signal that cut nothing (it came as the last case ran to its end, or during the run's own last checks)
  // leaves a whole run: the ledger says so, and the exit status is its verdict's.
  if (outcome.summary.stop_reason?.startsWith('interrupted')) return interrupt.signal.reason === 'SIGINT' ? 130 : 143
  if (interrupt.signal.aborted)
    process.stderr.write(
      `opencode-dogfood: ${String(interrupt.signal.reason)} cut nothing: the last case had run to its end; the run is whole, its exit status its verdict's\n`,
    )
  return outcome.summary.final_verdict === 'PASS' ? 0 : 1
}

async function cmdVerify(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { root: { type: 'string' }, 'allowed-signers': { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length !== 1) throw new InputError('verify', 'give exactly one RUN_DIR, e.g. artifacts/ledger/opencode_dogfood/RUN_0001')
  if (values.root !== undefined && !/^[0-9a-f]{64}$/.test(values.root))
    throw new InputError('--root', `'${values.root}' is not a ledger root; give the 64 hex digits the run printed ('ledger root: …')`)
  const { runState, verifyRun } = await import('./ledger/verify.js')
  const dir = positionals[0]
  const runDir = path.resolve(dir)
  const state = runState(runDir)
  if (state === 'not-a-run')
    throw new InputError('verify', `${dir} is not a run folder (a RUN_XXXX folder of the ledger, holding cases/, evidence/ and run_summary.json)`)
  if (state === 'incomplete') {
    process.stdout.write(`${dir}: incomplete: no run_summary.json — the run was killed before it sealed its ledger (or it is still running)\n`)
    return 1
  }
  const problems = verifyRun(runDir, { root: values.root })
  if (values['allowed-signers'] !== undefined) {
    const { verifySignature } = await import('./ledger/sign.js')
    const sig = verifySignature(runDir, values['allowed-signers'])
    if (!sig.ok) problems.push(sig.error ?? 'signature does not verify')
    else process.stdout.write(`${dir}: run_summary.json signed by ${sig.principal} (namespace opencode-dogfood)\n`)
  }
  if (problems.length > 0) {
    process.stdout.write(problems.map((p) => `problem: ${printable(p)}`).join('\n') + `\n${problems.length} problem(s) in ${dir}\n`)
    return 1
  }
  const summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as {
    final_verdict: string
    stop_reason?: string
    ledger_root: string
  }
  const checked = values.root ? 'the published root' : 'its own root (give --root to check it against the published one)'
  process.stdout.write(`${dir}: ledger verified (sidecars, schemas, counts, entries against results, ${checked}); verdict ${summary.final_verdict}\n`)
  if (summary.stop_reason?.startsWith('interrupted')) process.stdout.write(`${dir}: the run was interrupted: ${printable(summary.stop_reason)}\n`)
  process.stdout.write(`ledger root: ${summary.ledger_root}\n`)
  return 0
}

async function cmdReport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' } }, strict: true, allowPositionals: true })
  if (positionals.length !== 1)
    throw new InputError('report', 'give exactly one RUN_DIR, e.g. artifacts/ledger/opencode_dogfood/RUN_0001 (and optionally --out FILE)')
  const { reportToFile } = await import('./report/html/index.js')
  const file = reportToFile(positionals[0], values.out, process.cwd())
  process.stdout.write(`report: ${file}\n`)
  return 0
}

async function cmdInit(argv: string[]): Promise<number> {
  if (argv.length > 1) throw new InputError('init', 'give at most one directory')
  const { scaffold } = await import('./init.js')
  const dir = path.resolve(argv[0] ?? '.')
  const r = scaffold(dir)
  for (const f of r.created) process.stdout.write(`created ${f}\n`)
  process.stdout.write(`${r.created.length} file(s) created, ${r.unchanged.length} already in place in ${dir}\n`)
  if (r.created.length > 0)
    process.stdout.write("commit them before a run (the suite needs a clean tree): git add docs scripts && git commit -m 'opencode-dogfood fixtures'\n")
  return 0
}

/** How often a case process started ahead of its turn looks for its context. */
const CONTEXT_POLL_MS = 10
/** How often a running case process checks that its suite is still there. */
const PARENT_POLL_MS = 250

/**
 * `__case CTX PIDFILE [WAIT_MS]`: run one case. The suite may start a case
 * process ahead of its turn (its Node start then overlaps the case before);
 * such a process loads the case code and waits up to WAIT_MS for its context
 * file, and ends quietly if the context says cancel or the suite is gone.
 */
async function cmdCase(argv: string[]): Promise<number> {
  const [ctxFile, pidFile, waitArg] = argv
  if (pidFile) writeFileSync(pidFile, String(process.pid))
  const loading = import('./cases/run-case.js')
  // Loaded ahead of its turn, the process warms what the case would load on first use.
  loading.then((m) => m.warmCase()).catch(() => {})
  const waitMs = Number(waitArg ?? 0)
  if (!Number.isFinite(waitMs) || waitMs < 0) {
    process.stderr.write(`case process: WAIT_MS must be a number of milliseconds ≥ 0, got '${waitArg}'\n`)
    return 2
  }
  const until = Date.now() + waitMs
  // Waiting, a signal ends the process quietly (nothing has started); running, see below.
  // The suite's pid as the suite gave it: process.ppid read here would be 1 already when the suite was killed
  // while this process was still starting (measured: such a process then waited out its whole WAIT_MS).
  const parent = Number(process.env[SUITE_PID_VAR]) || process.ppid
  let onSignal = (sig: NodeJS.Signals): void => process.exit(sig === 'SIGINT' ? 130 : 143)
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => onSignal(sig))
  while (!existsSync(ctxFile)) {
    // Orphaned, a process is reparented: a new ppid means the suite is gone.
    if (Date.now() > until || process.ppid !== parent || !alive(parent)) {
      process.stderr.write(`case process: no context at ${ctxFile} within ${waitMs} ms (or the suite is gone); exiting\n`)
      // Exit now, not by returning: measured after a SIGKILL of the suite, a waiting process whose suite was gone
      // stayed in epoll for minutes (a handle of the case code it had started to load kept it alive).
      process.exit(3)
    }
    await new Promise((r) => setTimeout(r, CONTEXT_POLL_MS))
  }
  const ctx = JSON.parse(readFileSync(ctxFile, 'utf8')) as CaseContext | { cancel: true }
  if ('cancel' in ctx) return 0
  // A case bounds itself; the suite's backstop is only for a case that cannot.
  const timer = setTimeout(() => {
    process.stderr.write(`${ctx.caseDef.id}: case exceeded ${ctx.caseTimeoutMs} ms; exiting\n`)
    process.exit(124)
  }, ctx.caseTimeoutMs)
  timer.unref()
  const { interruptCase, runCase } = await loading
  // Interrupted (a signal, or the suite gone — killed outright), the case ends
  // early but still restores its tree and writes its verdict; a second signal ends it at once.
  let signalled = false
  onSignal = (sig) => {
    if (signalled) process.exit(sig === 'SIGINT' ? 130 : 143)
    signalled = true
    // The suite says why (a signal it got, or a safety stop elsewhere in a parallel stage); a signal from elsewhere speaks for itself.
    const told = existsSync(`${ctxFile}.stop`) ? readFileSync(`${ctxFile}.stop`, 'utf8').trim() : ''
    interruptCase(`${told || `interrupted by ${sig}`} during ${ctx.caseDef.id}`)
  }
  const watchdog = setInterval(() => {
    if (process.ppid !== parent || !alive(parent)) interruptCase(`the suite process ended (killed) during ${ctx.caseDef.id}`)
  }, PARENT_POLL_MS)
  watchdog.unref()
  const v = await runCase(ctx)
  return v.actual_outcome === 'SUCCESS' ? 0 : 1
}

/** The commands a user may give (the `__` ones are the harness's own). */
const COMMANDS = ['run', 'verify', 'report', 'diff', 'compare', 'merge', 'init', 'demo', 'bench']

export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`verify RUN | head -1`) closes the pipe: that ends the output, not in a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
  const [cmd, ...rest] = argv
  try {
    // `COMMAND --help` (or -h) is the usage, for every command: never an argument (`init --help` scaffolds nothing).
    if (cmd !== undefined && COMMANDS.includes(cmd) && (rest.includes('--help') || rest.includes('-h'))) {
      process.stdout.write(await help())
      return 0
    }
    switch (cmd) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(await help())
        return cmd === undefined ? 2 : 0
      case 'run':
        return await cmdRun(rest)
      case 'verify':
        return await cmdVerify(rest)
      case 'report':
        return await cmdReport(rest)
      case 'diff':
        return (await import('./ledger/diff.js')).diffCommand(rest)
      case 'compare':
        return (await import('./compare/command.js')).compareCommand(rest, process.cwd())
      case 'merge':
        if (rest.includes('--help') || rest.includes('-h')) {
          process.stdout.write(await help())
          return 0
        }
        return (await import('./merge/command.js')).mergeCommand(rest)
      case 'init':
        return await cmdInit(rest)
      case 'demo':
        if (rest.length > 0)
          throw new InputError('demo', `takes no arguments, got '${rest.join(' ')}' (it runs the full hermetic suite on a throwaway repository; see --help)`)
        return await (await import('./demo.js')).runDemo(rest)
      case 'bench':
        return await (await import('./bench.js')).runBench(rest)
      case '__case':
        return await cmdCase(rest)
      case '__reaper': {
        const [parent, group, tag, leftovers] = rest
        await (await import('./sandbox/reaper.js')).reap(Number(parent), Number(group), tag, leftovers ? JSON.parse(leftovers) : undefined)
        return 0
      }
      default:
        throw new InputError('command', `unknown command '${cmd}'; allowed: ${COMMANDS.join(', ')} (see --help)`)
    }
  } catch (e) {
    // (A PreflightError's message is printable line by line already: its newlines are its list's.)
    if (e instanceof PreflightError) {
      process.stderr.write(`opencode-dogfood: ${e.message}\n`)
      return 2
    }
    if (e instanceof InputError) {
      process.stderr.write(`opencode-dogfood: ${printable(e.message)}\n`)
      return 2
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`opencode-dogfood: ${printable(e.message)} (see --help)\n`)
      return 2
    }
    // SigningError (ledger/sign.ts): ssh-keygen ran and did not sign; its name keeps sign.js out of the start-up.
    if (e instanceof SchemaError || e instanceof ServerStartError || e instanceof GitError || (e as Error).name === 'SigningError') {
      const err = e as Error
      process.stderr.write(`opencode-dogfood: ${err.name}: ${printable(err.message)}\n`)
      return 3
    }
    process.stderr.write(`opencode-dogfood: ${(e as Error).stack ?? String(e)}\n`)
    return 3
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
