// The option table's first groups (option-table.ts holds the rest and the
// table itself): what runs, its budgets, and the sandbox — one entry each.
import path from 'node:path'
import { MAX_EVIDENCE_LIMIT } from '../guard/reader.js'
import { parseRecordPath } from '../cases/record-path.js'
import { InputError } from '../errors.js'
import { checkOpencodeVersion } from '../opencode/binary.js'
import { DEFAULT_CASE_LIMITS_TEXT, parseCaseLimits } from '../sandbox/limits.js'
import { parseContainmentMode } from '../sandbox/mechanism.js'
import { parseReadAllow } from '../sandbox/read-view.js'
import { parseEgressEntry, providerHostList } from '../sandbox/network-policy.js'
import { CASE_ID_PATTERN, type Transport } from '../types.js'
import { parseEnvNames, parseList, parseModel, parsePositiveInt, parseRoles, parseUrl } from './parse.js'
import { BUILTIN_MODEL } from './options.js'
import { parseStages } from './plan.js'
import type { OptionDef } from './option-types.js'

const VERSION_PATTERN = /^(latest|[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$/

function parseCaseId(raw: string, name: string): string {
  if (!CASE_ID_PATTERN.test(raw)) throw new InputError(name, `'${raw}' is not a case id (pattern T[0-9][A-Z]?[A-Z]?[0-9]{2}, e.g. T1C01)`)
  return raw
}

function parseTransport(raw: string, name: string): Transport {
  if (raw !== 'sdk' && raw !== 'cli') throw new InputError(name, `'${raw}' is not allowed; allowed: sdk, cli`)
  return raw
}

function parseOpencodeVersion(raw: string, name: string): string {
  if (!VERSION_PATTERN.test(raw)) throw new InputError(name, `'${raw}' is not an exact version (e.g. ${OPENCODE_PINNED}) or 'latest'`)
  // Refused here, before anything is installed; the binary itself is checked again where it is resolved.
  if (raw !== 'latest') checkOpencodeVersion(raw, `input ${name}`, name)
  return raw
}

/** The opencode-ai version the Action installs by default (the one this package's tests run; a test holds it to package-lock.json). */
export const OPENCODE_PINNED = '1.18.33'

/** The first groups of the option table, in its order: what runs (stages, case, model, roles, OpenCode), its budgets, and the sandbox. */
export const CASE_AGENT_SANDBOX_OPTIONS: readonly OptionDef[] = [
  {
    key: 'stages',
    flag: 'stages',
    input: 'stages',
    meta: 'LIST',
    default: 'T1,T2a,T2b,T3,T4',
    help: 'stages to run, comma-separated, in order T1,T2a,T2b,T3,T4',
    doc: 'stages to run, comma-separated; always run in the order T1 → T2a → T2b → T3 → T4',
    action: 'Stages to run, comma-separated, in the order T1,T2a,T2b,T3,T4. A stage runs only if the previous selected stage passed.',
    parse: (raw, c) => parseStages(raw, c.name),
  },
  {
    key: 'caseId',
    flag: 'case',
    input: 'case',
    meta: 'ID',
    help: 'run one case, e.g. T1C01; exit 0 iff its status is PASS',
    doc: 'run one case (`T1C01` … `T4E02`, or a user-defined id); exit 0 iff its status is PASS',
    action: 'Run this one case instead (e.g. T1C01); the step passes iff its status is PASS. Empty: run the stages.',
    parse: (raw, c) => parseCaseId(raw, c.name),
  },
  {
    key: 'failFast',
    flag: 'fail-fast',
    input: 'fail-fast',
    boolean: true,
    default: 'false',
    actionDefault: 'true',
    help: 'stop at the first failing case; the rest are counted as skipped',
    doc: 'stop at the first failing case; every case not run is counted as skipped, the reason is `stop_reason`',
    action: 'Stop at the first failing case; the rest are counted as skipped.',
  },
  {
    key: 'model',
    flag: 'model',
    input: 'model',
    meta: 'P/M',
    default: BUILTIN_MODEL,
    help: 'provider/model',
    doc: 'provider/model for the cases; the default is the built-in offline scripted model',
    action:
      "provider/model the agent uses. The default, dogfood/scripted, is the built-in hermetic model: no key, no network. A real provider (e.g. anthropic/claude-sonnet-4-5) reads its key from the env var OpenCode expects (e.g. ANTHROPIC_API_KEY), mapped from a secret in the step's env.",
    parse: (raw, c) => parseModel(raw, c.name),
  },
  {
    key: 'roles',
    flag: 'roles',
    input: 'roles',
    meta: 'LIST',
    help: 'T1C02 roles: name=provider/model:KEY_ENV,...',
    shownDefault: 'planner, coder, reviewer (built-in model, generated keys)',
    doc: "T1C02's roles: `name=provider/model:KEY_ENV,...` — the env var that holds each role's key",
    action:
      "The roles of case T1C02, comma-separated name=provider/model:KEY_ENV (KEY_ENV is the name of the env var holding that role's key, never the key itself). Empty: planner, coder and reviewer of the built-in model with generated keys.",
    parse: (raw, c) => parseRoles(raw, c.name),
  },
  {
    key: 'casesFile',
    flag: 'cases-file',
    input: 'cases-file',
    meta: 'FILE',
    help: 'add user-defined cases (JSON, format in README.md)',
    doc: 'add user-defined cases (format below)',
    action: 'A JSON file of extra cases (format in README.md), relative to the workspace. Empty: the 15 built-in cases.',
    parse: (raw, c) => path.resolve(c.cwd, raw),
  },
  {
    key: 'recordFile',
    flag: 'record',
    input: 'record',
    meta: 'FILE',
    help: 'write what the provider answered (every model turn of every case, never a key) to FILE as a cases file: replay it offline with --cases-file FILE',
    doc: 'write what the provider answered — every model turn of every case, never a key — to FILE as a cases file; replay it offline with `--cases-file FILE` ([recordings](#recordings-record-on-main-replay-in-pull-requests))',
    action:
      'Write what the provider answered — every model turn of every case, text and tool calls, never a key — to this file (relative to the workspace) as a cases file. Record on main with a key; replay it with cases-file where there is none (pull requests from forks). Empty: no recording.',
    parse: (raw, c) => parseRecordPath(raw, c.cwd, c.name),
  },
  {
    key: 'opencodeVersion',
    input: 'opencode-version',
    engine: false,
    default: OPENCODE_PINNED,
    action:
      'The opencode-ai npm version installed into RUNNER_TEMP when no opencode binary is found (opencode-path, then PATH, then the package next to the action).',
    parse: (raw, c) => parseOpencodeVersion(raw, c.name),
  },
  {
    key: 'opencodePath',
    flag: 'opencode-path',
    input: 'opencode-path',
    meta: 'FILE',
    help: 'opencode binary',
    shownDefault: 'from `opencode-ai`',
    doc: 'the `opencode` binary; else the platform binary of the `opencode-ai` package, else `opencode` on PATH. Its version must be in the supported range (see "Which OpenCode")',
    action: 'An opencode binary to use. Empty: PATH, then the bundled package, then install opencode-version.',
    parse: (raw, c) => path.resolve(c.cwd, raw),
  },
  {
    key: 'serverUrl',
    flag: 'server-url',
    input: 'server-url',
    meta: 'URL',
    help: 'use a running OpenCode server instead of starting one',
    doc: 'use an OpenCode server you already run (must answer `GET /global/health`; its password, if it has one, from `OPENCODE_SERVER_PASSWORD`)',
    action:
      "Use an OpenCode server that is already running (e.g. http://127.0.0.1:4096) instead of starting one; its password, if it has one, is read from the step's env OPENCODE_SERVER_PASSWORD (map it from a secret). Empty: the action starts one for the run, with a password of its own, and stops it after.",
    parse: (raw, c) => parseUrl(raw, c.name),
  },
  {
    key: 'transport',
    flag: 'transport',
    input: 'transport',
    meta: 'sdk|cli',
    default: 'sdk',
    help: "REST API through @opencode-ai/sdk or 'opencode run --format json'",
    doc: 'the REST API through `@opencode-ai/sdk`, or `opencode run --attach … --format json`; recorded in each result',
    action: 'How cases talk to OpenCode: sdk (REST through @opencode-ai/sdk) or cli (opencode run --format json).',
    parse: (raw, c) => parseTransport(raw, c.name),
  },
  {
    key: 'caseTimeoutMs',
    flag: 'timeout',
    input: 'timeout',
    meta: 'SECONDS',
    default: '300',
    help: 'hard bound on one case process',
    doc: 'hard bound on one case process; a case that hangs is ended and recorded as `CLIFAIL`',
    action: 'Hard bound on one case process, in seconds.',
    parse: (raw, c) => parsePositiveInt(raw, c.name, 'seconds', 3600) * 1000,
  },
  {
    key: 'latencyBudgetMs',
    flag: 'latency-budget',
    input: 'latency-budget',
    meta: 'MS',
    default: '120000',
    help: 'budget for one agent request',
    doc: 'budget for one agent request; over it the request and the OpenCode session are aborted (`TIMEOUTEXCEEDED`)',
    action: 'Latency budget for one agent request, in milliseconds.',
    parse: (raw, c) => parsePositiveInt(raw, c.name, 'milliseconds', 3_600_000),
  },
  {
    key: 'caseTokenBudget',
    flag: 'case-token-budget',
    input: 'case-token-budget',
    meta: 'N',
    shownDefault: 'off',
    help: 'tokens one case may use (input, output, reasoning and cache, as OpenCode counts them); over it the case is ended',
    doc: "tokens one case's agent calls may use in all (input + output + reasoning + cache read/write, as OpenCode reports them); over it the session is aborted and the case FAILs `CLIFAIL` with the reason (sdk transport: checked as the session runs; cli: when its request ends). Off by default",
    action:
      "Tokens one case's agent calls may use in all (input, output, reasoning and cache, as OpenCode reports them); over it the case is ended and FAILs with the reason. Empty: no limit.",
    parse: (raw, c) => parsePositiveInt(raw, c.name, 'tokens', 1_000_000_000),
  },
  {
    key: 'evidenceMaxBytes',
    flag: 'evidence-max-bytes',
    input: 'evidence-max-bytes',
    meta: 'N',
    help: 'a file the agent left is copied into the evidence up to N bytes; past it only its size and sha256 are recorded',
    shownDefault: '`1048576`',
    doc: 'a file the agent left is copied into the evidence up to N bytes; past it only its size and sha256 are recorded (a link, FIFO, socket, device or hard link: by what it is, never its content)',
    action:
      'A file the agent left is copied into the evidence up to this many bytes; past it only its size and sha256 are recorded (a link, FIFO, socket, device or hard link is recorded by what it is, never by its content). Empty means 1048576 (1 MiB).',
    parse: (raw, c) => parsePositiveInt(raw, c.name, 'bytes', MAX_EVIDENCE_LIMIT),
  },
  {
    key: 'caseLimits',
    flag: 'case-limits',
    input: 'case-limits',
    meta: 'LIST',
    default: DEFAULT_CASE_LIMITS_TEXT,
    help: 'bounds of each case: disk=BYTES (written), files=N (created), procs=N (tasks), memory=BYTES; NAME=off turns one off, off turns all off',
    doc: "bounds of each case: bytes written and files created in the paths it may write (a watchdog's lstat walk every 250 ms), tasks (processes and threads) and memory (a cgroup leaf per case where one is writable, else the watchdog); a case over one is ended (TIMEOUTEXCEEDED, the bound, the measure and the limit in its reason) and restored. Any subset; `NAME=off` turns one off, `off` all; sizes take K, M, G, T",
    action:
      'Bounds of each case: disk (bytes written) and files (files created) in the paths it may write, procs (processes and threads) and memory; a case over one is ended with TIMEOUTEXCEEDED, its reason naming the bound, the measure and the limit, and its tree restored. A comma-separated list such as disk=512M,files=20000,procs=512,memory=4G (any subset; NAME=off turns one off, off turns all off). Empty means the default.',
    parse: (raw, c) => parseCaseLimits(raw, c.name),
  },
  {
    key: 'containment',
    flag: 'containment',
    input: 'containment',
    meta: 'MODE',
    default: 'auto',
    actionDefault: 'required',
    help: 'auto: the OS sandbox (bubblewrap) where it works, and say so where not; required: stop before any case without it; off: none',
    doc: 'the OS sandbox (bubblewrap) around the OpenCode server and everything it starts: `auto` uses it where it works and says why not where it does not; `required` stops before any case (exit 2) with one line naming what is missing and the fix; `off` runs without it',
    action:
      'The OS sandbox around the OpenCode server and everything it starts (Linux, bubblewrap). required (the default): before the run the action sets the runner up itself — installs bubblewrap when it is missing and lets it create user namespaces (an AppArmor profile for bwrap alone, else, on GitHub-hosted runners only, the userns sysctl) — and stops before any case, with one line naming what is missing and the fix, when the sandbox still cannot work (self-hosted runners: only what sudo -n allows, never a prompt). What it read and did is runner_setup.json in the ledger. auto: the same setup, but a runner where it fails runs uncontained and every report says UNCONTAINED in its first line (macOS and Windows runners have no sandbox: use auto or off there). off: no sandbox, no setup.',
    parse: (raw, c) => parseContainmentMode(raw, c.name),
  },
  {
    key: 'envPass',
    flag: 'env-pass',
    input: 'env-pass',
    meta: 'LIST',
    default: '',
    help: "env var names passed to the agent beyond PATH, LANG, LC_*, TZ, TERM and the model's/roles' key variables (the agent's env is an allowlist)",
    shownDefault: '–',
    doc: 'env var names passed to the agent beyond the base allowlist (PATH, LANG, LC_*, TZ, TERM) and the key variables `--model`/`--roles` name',
    action:
      "Env var names (comma-separated) passed to the agent beyond PATH, LANG, LC_*, TZ, TERM and the model's and roles' key variables. The agent's environment is built from this allowlist; nothing else of the job's env reaches it.",
    parse: (raw, c) => parseEnvNames(raw, c.name),
  },
  {
    key: 'readAllow',
    flag: 'read-allow',
    input: 'read-allow',
    meta: 'PATHS',
    default: '',
    shownDefault: '–',
    help: 'absolute folders or files the contained agent may read beyond the system view (/usr, /bin, /lib*, /etc less its secrets), comma-separated; each is recorded in policy.json',
    doc: "absolute folders or files the contained agent may read beyond its minimal view (`/usr`, `/bin`, `/lib*`, `/etc` less its secrets, the worktree, OpenCode's package and state); each is recorded in `policy.json` ([read view](#what-the-agent-can-read))",
    action:
      "Absolute folders or files (comma-separated) the contained agent may read beyond its minimal view (/usr, /bin, /lib*, /etc less its secrets, the worktree, OpenCode's package and state), e.g. /opt/hostedtoolcache for a build's toolchain. Each is recorded in policy.json. Not /, /home, /root, /etc, /var, /run, /proc, /sys, /dev.",
    parse: (raw, c) => parseReadAllow(parseList(raw) ?? [], c.name),
  },
  {
    key: 'egressAllow',
    flag: 'egress-allow',
    input: 'egress-allow',
    meta: 'LIST',
    default: '',
    help: `HOST[:PORT] (default port 443) the agent may reach through the egress proxy besides its model's API (contained runs; providers: ${providerHostList()})`,
    shownDefault: '–',
    doc: "`HOST[:PORT]` entries (port 443 unless given) the agent's processes may reach through the egress proxy besides the model's API; everything else is refused and recorded (contained runs only)",
    action:
      "HOST[:PORT] entries (comma-separated; port 443 unless given) the agent may reach through the egress proxy besides its model's API, e.g. registry.npmjs.org. Everything else is refused at the proxy and recorded in each case's egress log. Contained runs only.",
    parse: (raw, c) =>
      raw
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map((x) => parseEgressEntry(x, c.name)),
  },
]
