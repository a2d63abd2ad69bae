import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  BUILTIN_MODEL,
  DEFAULT_WRITE_ALLOWLIST,
  checkOpencodeVersion,
  parseSetId,
  parseShard,
  parseStages
} from "./chunk-DCJP7OYH.js";
import {
  DEFAULT_CASE_LIMITS_TEXT,
  parseCaseLimits,
  parseContainmentMode,
  parseEgressEntry,
  parseReadAllow,
  providerHostList,
  validateAllowlist
} from "./chunk-YVT2LATV.js";
import {
  MAX_EVIDENCE_LIMIT
} from "./chunk-NXCGP3UY.js";
import {
  checkSignKey,
  parseSignKeyContent
} from "./chunk-ED74ZWEH.js";
import {
  parseJunitPath
} from "./chunk-7IVKAL7K.js";
import {
  ROOT_PATTERN
} from "./chunk-6ZERPRDS.js";
import {
  CASE_ID_PATTERN
} from "./chunk-AUNSJMXT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/suite/parse.ts
import { existsSync, readdirSync, statSync } from "node:fs";
var MODEL_PATTERN = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._:@/-]+$/;
function parseModel(value, input = "--model") {
  if (!MODEL_PATTERN.test(value)) throw new InputError(input, `'${value}' is not provider/model (e.g. ${BUILTIN_MODEL} or anthropic/claude-sonnet-4-5)`);
  return value;
}
function parseRoles(value, input = "--roles") {
  const roles = value.split(",").map((s) => s.trim()).filter(Boolean).map((item) => {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=([^:]+):([A-Z_][A-Z0-9_]*)$/.exec(item);
    if (!m) throw new InputError(input, `'${item}' is not name=provider/model:KEY_ENV (e.g. planner=anthropic/claude-sonnet-4-5:ANTHROPIC_API_KEY)`);
    return { name: m[1], model: parseModel(m[2], input), key_env: m[3] };
  });
  if (roles.length === 0) throw new InputError(input, "empty role list; give name=provider/model:KEY_ENV,...");
  const names = /* @__PURE__ */ new Set();
  for (const r of roles) {
    if (names.has(r.name)) throw new InputError(input, `role '${r.name}' is given twice`);
    names.add(r.name);
  }
  return roles;
}
function parsePositiveInt(value, input, unit, max) {
  if (!/^[0-9]+$/.test(value.trim())) throw new InputError(input, `'${value}' is not a whole number of ${unit}`);
  const n = Number(value);
  if (n <= 0 || n > max) throw new InputError(input, `${n} is out of range; allowed 1..${max} ${unit}`);
  return n;
}
function parseUrl(value, input) {
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("scheme");
    return u.toString().replace(/\/$/, "");
  } catch {
    throw new InputError(input, `'${value}' is not an http(s) URL (e.g. http://127.0.0.1:4096)`);
  }
}
function parseList(value) {
  if (value === void 0) return void 0;
  return value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}
function parseEnvNames(value, input = "--env-pass") {
  const names = parseList(value) ?? [];
  for (const n of names)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new InputError(input, `'${n}' is not an env var name (letters, digits and _, not starting with a digit)`);
  return names;
}
function parseWorktreePath(p, input = "--worktree") {
  if (!existsSync(p)) return p;
  if (!statSync(p).isDirectory())
    throw new InputError(input, `${p} is a file; give a path that does not exist yet (or an empty folder): the run creates the worktree there`);
  if (readdirSync(p).length > 0) throw new InputError(input, `${p} is a folder that is not empty; give a path that does not exist yet (or an empty folder)`);
  return p;
}
function joinNegativeValues(argv, stringOptions) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a.startsWith("--") && !a.includes("=") && stringOptions.has(a.slice(2)) && next !== void 0 && /^-[0-9.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

// src/suite/option-table.ts
import path3 from "node:path";

// src/suite/option-entries.ts
import path2 from "node:path";

// src/cases/record-path.ts
import { existsSync as existsSync2, statSync as statSync2 } from "node:fs";
import path from "node:path";
function parseRecordPath(value, cwd, input = "--record") {
  const file = path.resolve(cwd, value);
  const dir = path.dirname(file);
  if (value.trim() === "" || !existsSync2(dir) || !statSync2(dir).isDirectory())
    throw new InputError(input, `the folder of '${value}' does not exist; give a file in an existing folder, e.g. recording.json`);
  if (existsSync2(file) && statSync2(file).isDirectory())
    throw new InputError(input, `'${value}' is a folder; give a file name, e.g. ${path.join(value, "recording.json")}`);
  return file;
}

// src/suite/option-entries.ts
var VERSION_PATTERN = /^(latest|[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$/;
function parseCaseId(raw, name) {
  if (!CASE_ID_PATTERN.test(raw)) throw new InputError(name, `'${raw}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`);
  return raw;
}
function parseTransport(raw, name) {
  if (raw !== "sdk" && raw !== "cli") throw new InputError(name, `'${raw}' is not allowed; allowed: sdk, cli`);
  return raw;
}
function parseOpencodeVersion(raw, name) {
  if (!VERSION_PATTERN.test(raw)) throw new InputError(name, `'${raw}' is not an exact version (e.g. ${OPENCODE_PINNED}) or 'latest'`);
  if (raw !== "latest") checkOpencodeVersion(raw, `input ${name}`, name);
  return raw;
}
var OPENCODE_PINNED = "1.18.33";
var CASE_AGENT_SANDBOX_OPTIONS = [
  {
    key: "stages",
    flag: "stages",
    input: "stages",
    meta: "LIST",
    default: "T1,T2a,T2b,T3,T4",
    help: "stages to run, comma-separated, in order T1,T2a,T2b,T3,T4",
    doc: "stages to run, comma-separated; always run in the order T1 \u2192 T2a \u2192 T2b \u2192 T3 \u2192 T4",
    action: "Stages to run, comma-separated, in the order T1,T2a,T2b,T3,T4. A stage runs only if the previous selected stage passed.",
    parse: (raw, c) => parseStages(raw, c.name)
  },
  {
    key: "caseId",
    flag: "case",
    input: "case",
    meta: "ID",
    help: "run one case, e.g. T1C01; exit 0 iff its status is PASS",
    doc: "run one case (`T1C01` \u2026 `T4E02`, or a user-defined id); exit 0 iff its status is PASS",
    action: "Run this one case instead (e.g. T1C01); the step passes iff its status is PASS. Empty: run the stages.",
    parse: (raw, c) => parseCaseId(raw, c.name)
  },
  {
    key: "failFast",
    flag: "fail-fast",
    input: "fail-fast",
    boolean: true,
    default: "false",
    actionDefault: "true",
    help: "stop at the first failing case; the rest are counted as skipped",
    doc: "stop at the first failing case; every case not run is counted as skipped, the reason is `stop_reason`",
    action: "Stop at the first failing case; the rest are counted as skipped."
  },
  {
    key: "model",
    flag: "model",
    input: "model",
    meta: "P/M",
    default: BUILTIN_MODEL,
    help: "provider/model",
    doc: "provider/model for the cases; the default is the built-in offline scripted model",
    action: "provider/model the agent uses. The default, dogfood/scripted, is the built-in hermetic model: no key, no network. A real provider (e.g. anthropic/claude-sonnet-4-5) reads its key from the env var OpenCode expects (e.g. ANTHROPIC_API_KEY), mapped from a secret in the step's env.",
    parse: (raw, c) => parseModel(raw, c.name)
  },
  {
    key: "roles",
    flag: "roles",
    input: "roles",
    meta: "LIST",
    help: "T1C02 roles: name=provider/model:KEY_ENV,...",
    shownDefault: "planner, coder, reviewer (built-in model, generated keys)",
    doc: "T1C02's roles: `name=provider/model:KEY_ENV,...` \u2014 the env var that holds each role's key",
    action: "The roles of case T1C02, comma-separated name=provider/model:KEY_ENV (KEY_ENV is the name of the env var holding that role's key, never the key itself). Empty: planner, coder and reviewer of the built-in model with generated keys.",
    parse: (raw, c) => parseRoles(raw, c.name)
  },
  {
    key: "casesFile",
    flag: "cases-file",
    input: "cases-file",
    meta: "FILE",
    help: "add user-defined cases (JSON, format in README.md)",
    doc: "add user-defined cases (format below)",
    action: "A JSON file of extra cases (format in README.md), relative to the workspace. Empty: the 15 built-in cases.",
    parse: (raw, c) => path2.resolve(c.cwd, raw)
  },
  {
    key: "recordFile",
    flag: "record",
    input: "record",
    meta: "FILE",
    help: "write what the provider answered (every model turn of every case, never a key) to FILE as a cases file: replay it offline with --cases-file FILE",
    doc: "write what the provider answered \u2014 every model turn of every case, never a key \u2014 to FILE as a cases file; replay it offline with `--cases-file FILE` ([recordings](#recordings-record-on-main-replay-in-pull-requests))",
    action: "Write what the provider answered \u2014 every model turn of every case, text and tool calls, never a key \u2014 to this file (relative to the workspace) as a cases file. Record on main with a key; replay it with cases-file where there is none (pull requests from forks). Empty: no recording.",
    parse: (raw, c) => parseRecordPath(raw, c.cwd, c.name)
  },
  {
    key: "opencodeVersion",
    input: "opencode-version",
    engine: false,
    default: OPENCODE_PINNED,
    action: "The opencode-ai npm version installed into RUNNER_TEMP when no opencode binary is found (opencode-path, then PATH, then the package next to the action).",
    parse: (raw, c) => parseOpencodeVersion(raw, c.name)
  },
  {
    key: "opencodePath",
    flag: "opencode-path",
    input: "opencode-path",
    meta: "FILE",
    help: "opencode binary",
    shownDefault: "from `opencode-ai`",
    doc: 'the `opencode` binary; else the platform binary of the `opencode-ai` package, else `opencode` on PATH. Its version must be in the supported range (see "Which OpenCode")',
    action: "An opencode binary to use. Empty: PATH, then the bundled package, then install opencode-version.",
    parse: (raw, c) => path2.resolve(c.cwd, raw)
  },
  {
    key: "serverUrl",
    flag: "server-url",
    input: "server-url",
    meta: "URL",
    help: "use a running OpenCode server instead of starting one",
    doc: "use an OpenCode server you already run (must answer `GET /global/health`; its password, if it has one, from `OPENCODE_SERVER_PASSWORD`)",
    action: "Use an OpenCode server that is already running (e.g. http://127.0.0.1:4096) instead of starting one; its password, if it has one, is read from the step's env OPENCODE_SERVER_PASSWORD (map it from a secret). Empty: the action starts one for the run, with a password of its own, and stops it after.",
    parse: (raw, c) => parseUrl(raw, c.name)
  },
  {
    key: "transport",
    flag: "transport",
    input: "transport",
    meta: "sdk|cli",
    default: "sdk",
    help: "REST API through @opencode-ai/sdk or 'opencode run --format json'",
    doc: "the REST API through `@opencode-ai/sdk`, or `opencode run --attach \u2026 --format json`; recorded in each result",
    action: "How cases talk to OpenCode: sdk (REST through @opencode-ai/sdk) or cli (opencode run --format json).",
    parse: (raw, c) => parseTransport(raw, c.name)
  },
  {
    key: "caseTimeoutMs",
    flag: "timeout",
    input: "timeout",
    meta: "SECONDS",
    default: "300",
    help: "hard bound on one case process",
    doc: "hard bound on one case process; a case that hangs is ended and recorded as `CLIFAIL`",
    action: "Hard bound on one case process, in seconds.",
    parse: (raw, c) => parsePositiveInt(raw, c.name, "seconds", 3600) * 1e3
  },
  {
    key: "latencyBudgetMs",
    flag: "latency-budget",
    input: "latency-budget",
    meta: "MS",
    default: "120000",
    help: "budget for one agent request",
    doc: "budget for one agent request; over it the request and the OpenCode session are aborted (`TIMEOUTEXCEEDED`)",
    action: "Latency budget for one agent request, in milliseconds.",
    parse: (raw, c) => parsePositiveInt(raw, c.name, "milliseconds", 36e5)
  },
  {
    key: "caseTokenBudget",
    flag: "case-token-budget",
    input: "case-token-budget",
    meta: "N",
    shownDefault: "off",
    help: "tokens one case may use (input, output, reasoning and cache, as OpenCode counts them); over it the case is ended",
    doc: "tokens one case's agent calls may use in all (input + output + reasoning + cache read/write, as OpenCode reports them); over it the session is aborted and the case FAILs `CLIFAIL` with the reason (sdk transport: checked as the session runs; cli: when its request ends). Off by default",
    action: "Tokens one case's agent calls may use in all (input, output, reasoning and cache, as OpenCode reports them); over it the case is ended and FAILs with the reason. Empty: no limit.",
    parse: (raw, c) => parsePositiveInt(raw, c.name, "tokens", 1e9)
  },
  {
    key: "evidenceMaxBytes",
    flag: "evidence-max-bytes",
    input: "evidence-max-bytes",
    meta: "N",
    help: "a file the agent left is copied into the evidence up to N bytes; past it only its size and sha256 are recorded",
    shownDefault: "`1048576`",
    doc: "a file the agent left is copied into the evidence up to N bytes; past it only its size and sha256 are recorded (a link, FIFO, socket, device or hard link: by what it is, never its content)",
    action: "A file the agent left is copied into the evidence up to this many bytes; past it only its size and sha256 are recorded (a link, FIFO, socket, device or hard link is recorded by what it is, never by its content). Empty means 1048576 (1 MiB).",
    parse: (raw, c) => parsePositiveInt(raw, c.name, "bytes", MAX_EVIDENCE_LIMIT)
  },
  {
    key: "caseLimits",
    flag: "case-limits",
    input: "case-limits",
    meta: "LIST",
    default: DEFAULT_CASE_LIMITS_TEXT,
    help: "bounds of each case: disk=BYTES (written), files=N (created), procs=N (tasks), memory=BYTES; NAME=off turns one off, off turns all off",
    doc: "bounds of each case: bytes written and files created in the paths it may write (a watchdog's lstat walk every 250 ms), tasks (processes and threads) and memory (a cgroup leaf per case where one is writable, else the watchdog); a case over one is ended (TIMEOUTEXCEEDED, the bound, the measure and the limit in its reason) and restored. Any subset; `NAME=off` turns one off, `off` all; sizes take K, M, G, T",
    action: "Bounds of each case: disk (bytes written) and files (files created) in the paths it may write, procs (processes and threads) and memory; a case over one is ended with TIMEOUTEXCEEDED, its reason naming the bound, the measure and the limit, and its tree restored. A comma-separated list such as disk=512M,files=20000,procs=512,memory=4G (any subset; NAME=off turns one off, off turns all off). Empty means the default.",
    parse: (raw, c) => parseCaseLimits(raw, c.name)
  },
  {
    key: "containment",
    flag: "containment",
    input: "containment",
    meta: "MODE",
    default: "auto",
    actionDefault: "required",
    help: "auto: the OS sandbox (bubblewrap) where it works, and say so where not; required: stop before any case without it; off: none",
    doc: "the OS sandbox (bubblewrap) around the OpenCode server and everything it starts: `auto` uses it where it works and says why not where it does not; `required` stops before any case (exit 2) with one line naming what is missing and the fix; `off` runs without it",
    action: "The OS sandbox around the OpenCode server and everything it starts (Linux, bubblewrap). required (the default): before the run the action sets the runner up itself \u2014 installs bubblewrap when it is missing and lets it create user namespaces (an AppArmor profile for bwrap alone, else, on GitHub-hosted runners only, the userns sysctl) \u2014 and stops before any case, with one line naming what is missing and the fix, when the sandbox still cannot work (self-hosted runners: only what sudo -n allows, never a prompt). What it read and did is runner_setup.json in the ledger. auto: the same setup, but a runner where it fails runs uncontained and every report says UNCONTAINED in its first line (macOS and Windows runners have no sandbox: use auto or off there). off: no sandbox, no setup.",
    parse: (raw, c) => parseContainmentMode(raw, c.name)
  },
  {
    key: "envPass",
    flag: "env-pass",
    input: "env-pass",
    meta: "LIST",
    default: "",
    help: "env var names passed to the agent beyond PATH, LANG, LC_*, TZ, TERM and the model's/roles' key variables (the agent's env is an allowlist)",
    shownDefault: "\u2013",
    doc: "env var names passed to the agent beyond the base allowlist (PATH, LANG, LC_*, TZ, TERM) and the key variables `--model`/`--roles` name",
    action: "Env var names (comma-separated) passed to the agent beyond PATH, LANG, LC_*, TZ, TERM and the model's and roles' key variables. The agent's environment is built from this allowlist; nothing else of the job's env reaches it.",
    parse: (raw, c) => parseEnvNames(raw, c.name)
  },
  {
    key: "readAllow",
    flag: "read-allow",
    input: "read-allow",
    meta: "PATHS",
    default: "",
    shownDefault: "\u2013",
    help: "absolute folders or files the contained agent may read beyond the system view (/usr, /bin, /lib*, /etc less its secrets), comma-separated; each is recorded in policy.json",
    doc: "absolute folders or files the contained agent may read beyond its minimal view (`/usr`, `/bin`, `/lib*`, `/etc` less its secrets, the worktree, OpenCode's package and state); each is recorded in `policy.json` ([read view](#what-the-agent-can-read))",
    action: "Absolute folders or files (comma-separated) the contained agent may read beyond its minimal view (/usr, /bin, /lib*, /etc less its secrets, the worktree, OpenCode's package and state), e.g. /opt/hostedtoolcache for a build's toolchain. Each is recorded in policy.json. Not /, /home, /root, /etc, /var, /run, /proc, /sys, /dev.",
    parse: (raw, c) => parseReadAllow(parseList(raw) ?? [], c.name)
  },
  {
    key: "egressAllow",
    flag: "egress-allow",
    input: "egress-allow",
    meta: "LIST",
    default: "",
    help: `HOST[:PORT] (default port 443) the agent may reach through the egress proxy besides its model's API (contained runs; providers: ${providerHostList()})`,
    shownDefault: "\u2013",
    doc: "`HOST[:PORT]` entries (port 443 unless given) the agent's processes may reach through the egress proxy besides the model's API; everything else is refused and recorded (contained runs only)",
    action: "HOST[:PORT] entries (comma-separated; port 443 unless given) the agent may reach through the egress proxy besides its model's API, e.g. registry.npmjs.org. Everything else is refused at the proxy and recorded in each case's egress log. Contained runs only.",
    parse: (raw, c) => raw.split(",").map((x) => x.trim()).filter(Boolean).map((x) => parseEgressEntry(x, c.name))
  }
];

// src/suite/option-table.ts
var ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/;
function parseArtifactName(raw, name) {
  if (ARTIFACT_NAME_FORBIDDEN.test(raw)) throw new InputError(name, `'${raw}' holds a character artifact names may not have (" : < > | * ? \\ / or a newline)`);
  return raw;
}
function parseRoots(raw, name) {
  const roots = raw.split(/[\s,]+/).filter(Boolean);
  for (const r of roots) if (!ROOT_PATTERN.test(r)) throw new InputError(name, `'${r}' is not a ledger root (64 lowercase hex digits, as a run prints it)`);
  if (new Set(roots).size !== roots.length) throw new InputError(name, "names a root twice; give each shard's published root once");
  return roots;
}
function parseMode(raw, name) {
  if (raw === "run" || raw === "merge") return raw;
  throw new InputError(name, `'${raw}' is not a mode; allowed: run, merge`);
}
function parseCheckName(raw, name) {
  if (raw.length > 255) throw new InputError(name, `is ${raw.length} characters long; allowed: at most 255`);
  return raw;
}
var OPTION_TABLE = [
  ...CASE_AGENT_SANDBOX_OPTIONS,
  {
    key: "jobs",
    flag: "jobs",
    input: "jobs",
    meta: "N",
    help: "run the cases of one stage N at a time, each in its own worktree with its own contained OpenCode server",
    shownDefault: "the number of cores (hermetic: half, at least 1)",
    doc: "the cases of one stage run N at a time, each in its own worktree of the same HEAD with its own contained OpenCode server; the stage gate still waits for the whole stage, a safety stop ends the cases in flight (restored and recorded). Needs containment: without it the run is serial and says so ([parallel cases](#parallel-cases---jobs))",
    action: "Cases of one stage run this many at a time, each in its own worktree with its own contained OpenCode server (empty \u2014 the default \u2014 means the number of cores; in hermetic mode half of them, at least 1). Needs containment; without it cases run one at a time.",
    parse: (raw, c) => parsePositiveInt(raw, c.name, "parallel cases", 64)
  },
  {
    key: "repeat",
    flag: "repeat",
    input: "repeat",
    meta: "N",
    help: "run each selected case N times, each attempt in a fresh session; a case passes only when every attempt does; the pass rate goes into the summary",
    shownDefault: "`1`",
    doc: "each selected case runs N times, each attempt in a fresh session and case process (its tree restored after it); the case passes only when every attempt does; its pass rate goes into the summary (`attempts: {passed, total}`), the verdict table and the job summary ([repeats](#repeats---repeat))",
    action: "Run each selected case this many times, each attempt in a fresh session; a case passes only when every attempt does, and its pass rate (e.g. 2/3) goes into the summary, the verdict table and the job summary. Empty means 1.",
    parse: (raw, c) => parsePositiveInt(raw, c.name, "attempts", 100)
  },
  {
    key: "shard",
    flag: "shard",
    input: "shard",
    meta: "I/N",
    help: "run shard I of N: a deterministic share of the (case, attempt) pairs, stage order kept; merge the N ledgers with `opencode-dogfood merge`",
    shownDefault: "off",
    doc: "run shard I of N: every N-th of the run's (case, attempt) pairs (attempts from `--repeat`), stage order kept; gates and `--fail-fast` act on the shard's own cases; the summary says which shard of which set it is; `opencode-dogfood merge` makes one run of the N ledgers ([shards](#shards-and-merge---shard-merge))",
    action: "Run shard I of N (e.g. 2/3, from a matrix): a deterministic share of the (case, attempt) pairs, stage order kept; the ledger's summary says which shard of which set it is, and `opencode-dogfood merge` makes one verified run of the N ledgers. Empty: the whole run.",
    parse: (raw, c) => parseShard(raw, c.name)
  },
  {
    key: "shardSet",
    flag: "shard-set",
    input: "shard-set",
    meta: "ID",
    help: "the set id a shard records (default: derived from commit, case set, model, OpenCode version and N)",
    shownDefault: "derived",
    doc: "the set id the shard's summary records (`A-Z a-z 0-9 . _ -`, at most 64); by default 16 hex digits of sha256 over commit, case-set hash, model, OpenCode version and N, the same for every shard of one set (a re-run shard joins its set again)",
    action: "The set id the shard records (letters, digits, . _ -; at most 64). Empty: derived from commit, case set, model, OpenCode version and the number of shards, the same for every shard of the set.",
    parse: (raw, c) => parseSetId(raw, c.name)
  },
  {
    key: "repoDir",
    flag: "repo",
    input: "working-directory",
    meta: "DIR",
    default: ".",
    help: "the repository",
    doc: "the repository to run in",
    action: "The git checkout to validate, relative to the workspace. It must be clean and have the fixtures (opencode-dogfood init).",
    parse: (raw, c) => path3.resolve(c.cwd, raw)
  },
  {
    key: "worktreePath",
    flag: "worktree",
    input: "worktree-path",
    meta: "PATH",
    help: "create this git worktree (git worktree add PATH HEAD) and run inside it; removed after a PASS, kept for inspection after a FAIL",
    doc: "`git worktree add PATH HEAD`, run inside it; removed after PASS (plain `git worktree remove`), kept after FAIL",
    action: "Where the run's git worktree is created (a new, empty path). Empty: a new folder under RUNNER_TEMP. Removed after a PASS, kept for inspection after a FAIL.",
    parse: (raw, c) => parseWorktreePath(path3.resolve(c.cwd, raw), c.name)
  },
  {
    key: "ledgerDir",
    flag: "ledger-dir",
    input: "ledger-dir",
    meta: "DIR",
    help: "where RUN_XXXX folders go",
    shownDefault: "`artifacts/ledger/opencode_dogfood`",
    doc: "where `RUN_XXXX` folders go (transcripts then go to `DIR/agent_calls/`)",
    action: "Where RUN_XXXX folders go. Empty: artifacts/ledger/opencode_dogfood in the checkout.",
    parse: (raw, c) => path3.resolve(c.cwd, raw)
  },
  {
    key: "junitPath",
    flag: "junit",
    input: "junit-path",
    engine: false,
    meta: "FILE",
    help: "also write the verdicts as JUnit XML to FILE (one testsuite per stage)",
    doc: "also write the verdicts as JUnit XML: one testsuite per stage, one testcase per case, a failure with its code and reason, a skipped case with the stop reason",
    action: "Also write the verdicts as JUnit XML to this file, relative to the workspace (one testsuite per stage, one testcase per case; a failure carries its code and reason, a skipped case the stop reason), for test-report tools. Empty: no JUnit file.",
    parse: (raw, c) => parseJunitPath(raw, c.cwd, c.name)
  },
  {
    key: "writeAllowlist",
    flag: "write-allowlist",
    input: "write-allowlist",
    meta: "L",
    default: DEFAULT_WRITE_ALLOWLIST.join(","),
    help: "comma-separated; 'dir/' is a folder prefix, anything else one file",
    shownDefault: "the plan packet's four entries",
    doc: "comma-separated; `dir/` is a folder prefix, anything else one exact file",
    action: "Paths the agent may modify, comma- or newline-separated; an entry ending in / is a folder prefix, any other entry one file. Anything else is MODIFICATIONFAIL.",
    parse: (raw, c) => validateAllowlist(c.name, parseList(raw) ?? [])
  },
  {
    key: "deletionAllowlist",
    flag: "deletion-allowlist",
    input: "deletion-allowlist",
    meta: "L",
    default: "",
    help: "comma-separated, same rules",
    shownDefault: "empty",
    doc: "same rules; by default any deletion is `GITCLEANFAIL`",
    action: "Paths the agent may delete, same format. Empty: any deletion is GITCLEANFAIL.",
    parse: (raw, c) => validateAllowlist(c.name, parseList(raw) ?? [])
  },
  {
    key: "signKey",
    flag: "sign-key",
    input: "sign-key",
    meta: "FILE",
    help: "sign run_summary.json with this OpenSSH private key (ssh-keygen -Y sign, namespace opencode-dogfood) into run_summary.json.sig",
    doc: 'sign `run_summary.json` with this OpenSSH private key (SSHSIG, namespace `opencode-dogfood`) into `run_summary.json.sig`; the key is checked before the run (see "Signing the run summary")',
    action: "The content of an OpenSSH ed25519 private key without a passphrase, from a secret (e.g. the secret DOGFOOD_SIGN_KEY): run_summary.json is signed with it (ssh-keygen -Y sign, namespace opencode-dogfood) into run_summary.json.sig, which plain ssh-keygen -Y verify checks. The key is masked, written to a 0600 file under RUNNER_TEMP for the run and removed after. Empty: the run is not signed.",
    parse: (raw, c) => c.surface === "cli" ? checkSignKey(path3.resolve(c.cwd, raw), c.name) : parseSignKeyContent(raw, c.name)
  },
  {
    key: "uploadArtifact",
    input: "upload-artifact",
    boolean: true,
    engine: false,
    default: "true",
    action: "Upload the RUN_XXXX folder as a workflow artifact."
  },
  {
    key: "artifactName",
    input: "artifact-name",
    engine: false,
    default: "opencode-dogfood",
    action: "Prefix of the artifact name; the run id, attempt, job, the shard (shard-IofN) and a per-job key are appended, so re-runs and matrix jobs never collide. The full name is the artifact-name output. mode: merge reads every artifact under this prefix and uploads the merged ledger as <prefix>-merged-\u2026.",
    parse: (raw, c) => parseArtifactName(raw, c.name)
  },
  {
    key: "retentionDays",
    input: "retention-days",
    engine: false,
    default: "0",
    action: "Days to keep the artifact (at most the repository's limit). 0 means the repository's setting.",
    parse: (raw, c) => raw === "0" ? 0 : parsePositiveInt(raw, c.name, "days (0 = the repository setting)", 400)
  },
  {
    key: "createCheck",
    input: "create-check",
    boolean: true,
    engine: false,
    default: "true",
    action: "Post a commit check run (in_progress at the start, success or failure at the end, annotations on the paths that broke a gate). Needs checks: write; with a read-only token (fork pull requests) the step warns once and the job summary carries the verdict."
  },
  {
    key: "checkName",
    input: "check-name",
    engine: false,
    default: "opencode-dogfood",
    action: "Name of the check run.",
    parse: (raw, c) => parseCheckName(raw, c.name)
  },
  {
    key: "githubToken",
    input: "github-token",
    engine: false,
    secret: true,
    emptyOk: true,
    default: "${{ github.token }}",
    action: "Token for the check run (checks: write)."
  },
  {
    key: "mode",
    input: "mode",
    engine: false,
    default: "run",
    action: "run: run the suite (or the shard that input shard names). merge: run no case; download every ledger artifact of this workflow run under artifact-name (of each shard its latest run attempt), merge each set's shards into one verified ledger, upload it as <artifact-name>-merged-\u2026, and post one job summary and one check run for all of them, with a comparison when there are several sets (models, OpenCode versions).",
    parse: (raw, c) => parseMode(raw, c.name)
  },
  {
    key: "mergeRoots",
    input: "merge-roots",
    engine: false,
    default: "",
    action: "mode: merge only. The shards' ledger roots as their jobs published them (each leg's ledger-root output; 64 hex digits each, separated by spaces, commas or newlines). Given, every shard merged must have one of them, each once, and every one must belong to a shard merged: a shard rewritten after its job (files, sidecars and root made to fit) or missing is refused. Empty: each shard is verified on its own.",
    parse: (raw, c) => parseRoots(raw, c.name)
  },
  {
    key: "json",
    flag: "json",
    boolean: true,
    engine: false,
    default: "false",
    help: "print the run summary as JSON instead of the table",
    doc: "print the run summary as JSON instead of the table"
  }
];

export {
  joinNegativeValues,
  OPTION_TABLE
};
