// The one table of run options: each option of `opencode-dogfood run` and each
// input of action.yml is declared here once — its CLI flag, its Action input,
// its default, how it is parsed and checked, and its help texts. The CLI's
// parser (RUN_OPTIONS, parseRunSettings), the Action's input reader
// (action/inputs.ts), `--help`, the README's option table and action.yml's
// input descriptions come from it or are checked against it
// (test/option-table.test.ts; `npm run docs` rewrites the README table and
// action.yml's descriptions). A parse error names the option as the user wrote
// it: `--timeout` on the command line, `timeout` in a workflow. The entries
// are kept by group: what runs, its budgets and the sandbox in
// option-entries.ts; scheduling, places, the ledger and the Action's own
// inputs here. The shapes are in option-types.ts.
import path from 'node:path'
import { validateAllowlist } from '../guard/allowlist.js'
import { InputError } from '../errors.js'
import { ROOT_PATTERN } from '../ledger/root.js'
import { checkSignKey, parseSignKeyContent } from '../ledger/sign.js'
import { parseJunitPath } from '../report/junit.js'
import { parseList, parsePositiveInt, parseWorktreePath } from './parse.js'
import { DEFAULT_WRITE_ALLOWLIST } from './options.js'
import { CASE_AGENT_SANDBOX_OPTIONS } from './option-entries.js'
import type { ActionMode, OptionDef } from './option-types.js'
import { parseSetId, parseShard } from './shard.js'
export { OPENCODE_PINNED } from './option-entries.js'
export type { ActionMode, ActionOnlySettings, OptionDef, ParseContext, RunSettings, Surface } from './option-types.js'

// Artifact names may not hold these (the results service refuses them).
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/

function parseArtifactName(raw: string, name: string): string {
  if (ARTIFACT_NAME_FORBIDDEN.test(raw)) throw new InputError(name, `'${raw}' holds a character artifact names may not have (" : < > | * ? \\ / or a newline)`)
  return raw
}

/** merge-roots: ledger roots (64 lowercase hex digits), separated by spaces, commas or newlines; none: []. */
function parseRoots(raw: string, name: string): string[] {
  const roots = raw.split(/[\s,]+/).filter(Boolean)
  for (const r of roots) if (!ROOT_PATTERN.test(r)) throw new InputError(name, `'${r}' is not a ledger root (64 lowercase hex digits, as a run prints it)`)
  if (new Set(roots).size !== roots.length) throw new InputError(name, "names a root twice; give each shard's published root once")
  return roots
}
function parseMode(raw: string, name: string): ActionMode {
  if (raw === 'run' || raw === 'merge') return raw
  throw new InputError(name, `'${raw}' is not a mode; allowed: run, merge`)
}

function parseCheckName(raw: string, name: string): string {
  if (raw.length > 255) throw new InputError(name, `is ${raw.length} characters long; allowed: at most 255`)
  return raw
}

/** Every option, in the order of `--help`, the README and action.yml. */
export const OPTION_TABLE: readonly OptionDef[] = [
  ...CASE_AGENT_SANDBOX_OPTIONS,
  {
    key: 'jobs',
    flag: 'jobs',
    input: 'jobs',
    meta: 'N',
    help: 'run the cases of one stage N at a time, each in its own worktree with its own contained OpenCode server',
    shownDefault: 'the number of cores (hermetic: half, at least 1)',
    doc: 'the cases of one stage run N at a time, each in its own worktree of the same HEAD with its own contained OpenCode server; the stage gate still waits for the whole stage, a safety stop ends the cases in flight (restored and recorded). Needs containment: without it the run is serial and says so ([parallel cases](#parallel-cases---jobs))',
    action:
      'Cases of one stage run this many at a time, each in its own worktree with its own contained OpenCode server (empty — the default — means the number of cores; in hermetic mode half of them, at least 1). Needs containment; without it cases run one at a time.',
    parse: (raw, c) => parsePositiveInt(raw, c.name, 'parallel cases', 64),
  },
  {
    key: 'repeat',
    flag: 'repeat',
    input: 'repeat',
    meta: 'N',
    help: 'run each selected case N times, each attempt in a fresh session; a case passes only when every attempt does; the pass rate goes into the summary',
    shownDefault: '`1`',
    doc: 'each selected case runs N times, each attempt in a fresh session and case process (its tree restored after it); the case passes only when every attempt does; its pass rate goes into the summary (`attempts: {passed, total}`), the verdict table and the job summary ([repeats](#repeats---repeat))',
    action:
      'Run each selected case this many times, each attempt in a fresh session; a case passes only when every attempt does, and its pass rate (e.g. 2/3) goes into the summary, the verdict table and the job summary. Empty means 1.',
    parse: (raw, c) => parsePositiveInt(raw, c.name, 'attempts', 100),
  },
  {
    key: 'shard',
    flag: 'shard',
    input: 'shard',
    meta: 'I/N',
    help: 'run shard I of N: a deterministic share of the (case, attempt) pairs, stage order kept; merge the N ledgers with `opencode-dogfood merge`',
    shownDefault: 'off',
    doc: "run shard I of N: every N-th of the run's (case, attempt) pairs (attempts from `--repeat`), stage order kept; gates and `--fail-fast` act on the shard's own cases; the summary says which shard of which set it is; `opencode-dogfood merge` makes one run of the N ledgers ([shards](#shards-and-merge---shard-merge))",
    action:
      "Run shard I of N (e.g. 2/3, from a matrix): a deterministic share of the (case, attempt) pairs, stage order kept; the ledger's summary says which shard of which set it is, and `opencode-dogfood merge` makes one verified run of the N ledgers. Empty: the whole run.",
    parse: (raw, c) => parseShard(raw, c.name),
  },
  {
    key: 'shardSet',
    flag: 'shard-set',
    input: 'shard-set',
    meta: 'ID',
    help: 'the set id a shard records (default: derived from commit, case set, model, OpenCode version and N)',
    shownDefault: 'derived',
    doc: "the set id the shard's summary records (`A-Z a-z 0-9 . _ -`, at most 64); by default 16 hex digits of sha256 over commit, case-set hash, model, OpenCode version and N, the same for every shard of one set (a re-run shard joins its set again)",
    action:
      'The set id the shard records (letters, digits, . _ -; at most 64). Empty: derived from commit, case set, model, OpenCode version and the number of shards, the same for every shard of the set.',
    parse: (raw, c) => parseSetId(raw, c.name),
  },
  {
    key: 'repoDir',
    flag: 'repo',
    input: 'working-directory',
    meta: 'DIR',
    default: '.',
    help: 'the repository',
    doc: 'the repository to run in',
    action: 'The git checkout to validate, relative to the workspace. It must be clean and have the fixtures (opencode-dogfood init).',
    parse: (raw, c) => path.resolve(c.cwd, raw),
  },
  {
    key: 'worktreePath',
    flag: 'worktree',
    input: 'worktree-path',
    meta: 'PATH',
    help: 'create this git worktree (git worktree add PATH HEAD) and run inside it; removed after a PASS, kept for inspection after a FAIL',
    doc: '`git worktree add PATH HEAD`, run inside it; removed after PASS (plain `git worktree remove`), kept after FAIL',
    action:
      "Where the run's git worktree is created (a new, empty path). Empty: a new folder under RUNNER_TEMP. Removed after a PASS, kept for inspection after a FAIL.",
    parse: (raw, c) => parseWorktreePath(path.resolve(c.cwd, raw), c.name),
  },
  {
    key: 'ledgerDir',
    flag: 'ledger-dir',
    input: 'ledger-dir',
    meta: 'DIR',
    help: 'where RUN_XXXX folders go',
    shownDefault: '`artifacts/ledger/opencode_dogfood`',
    doc: 'where `RUN_XXXX` folders go (transcripts then go to `DIR/agent_calls/`)',
    action: 'Where RUN_XXXX folders go. Empty: artifacts/ledger/opencode_dogfood in the checkout.',
    parse: (raw, c) => path.resolve(c.cwd, raw),
  },
  {
    key: 'junitPath',
    flag: 'junit',
    input: 'junit-path',
    engine: false,
    meta: 'FILE',
    help: 'also write the verdicts as JUnit XML to FILE (one testsuite per stage)',
    doc: 'also write the verdicts as JUnit XML: one testsuite per stage, one testcase per case, a failure with its code and reason, a skipped case with the stop reason',
    action:
      'Also write the verdicts as JUnit XML to this file, relative to the workspace (one testsuite per stage, one testcase per case; a failure carries its code and reason, a skipped case the stop reason), for test-report tools. Empty: no JUnit file.',
    parse: (raw, c) => parseJunitPath(raw, c.cwd, c.name),
  },
  {
    key: 'writeAllowlist',
    flag: 'write-allowlist',
    input: 'write-allowlist',
    meta: 'L',
    default: DEFAULT_WRITE_ALLOWLIST.join(','),
    help: "comma-separated; 'dir/' is a folder prefix, anything else one file",
    shownDefault: "the plan packet's four entries",
    doc: 'comma-separated; `dir/` is a folder prefix, anything else one exact file',
    action:
      'Paths the agent may modify, comma- or newline-separated; an entry ending in / is a folder prefix, any other entry one file. Anything else is MODIFICATIONFAIL.',
    parse: (raw, c) => validateAllowlist(c.name, parseList(raw) ?? []),
  },
  {
    key: 'deletionAllowlist',
    flag: 'deletion-allowlist',
    input: 'deletion-allowlist',
    meta: 'L',
    default: '',
    help: 'comma-separated, same rules',
    shownDefault: 'empty',
    doc: 'same rules; by default any deletion is `GITCLEANFAIL`',
    action: 'Paths the agent may delete, same format. Empty: any deletion is GITCLEANFAIL.',
    parse: (raw, c) => validateAllowlist(c.name, parseList(raw) ?? []),
  },
  {
    key: 'signKey',
    flag: 'sign-key',
    input: 'sign-key',
    meta: 'FILE',
    help: 'sign run_summary.json with this OpenSSH private key (ssh-keygen -Y sign, namespace opencode-dogfood) into run_summary.json.sig',
    doc: 'sign `run_summary.json` with this OpenSSH private key (SSHSIG, namespace `opencode-dogfood`) into `run_summary.json.sig`; the key is checked before the run (see "Signing the run summary")',
    action:
      'The content of an OpenSSH ed25519 private key without a passphrase, from a secret (e.g. the secret DOGFOOD_SIGN_KEY): run_summary.json is signed with it (ssh-keygen -Y sign, namespace opencode-dogfood) into run_summary.json.sig, which plain ssh-keygen -Y verify checks. The key is masked, written to a 0600 file under RUNNER_TEMP for the run and removed after. Empty: the run is not signed.',
    parse: (raw, c) => (c.surface === 'cli' ? checkSignKey(path.resolve(c.cwd, raw), c.name) : parseSignKeyContent(raw, c.name)),
  },
  {
    key: 'uploadArtifact',
    input: 'upload-artifact',
    boolean: true,
    engine: false,
    default: 'true',
    action: 'Upload the RUN_XXXX folder as a workflow artifact.',
  },
  {
    key: 'artifactName',
    input: 'artifact-name',
    engine: false,
    default: 'opencode-dogfood',
    action:
      'Prefix of the artifact name; the run id, attempt, job, the shard (shard-IofN) and a per-job key are appended, so re-runs and matrix jobs never collide. The full name is the artifact-name output. mode: merge reads every artifact under this prefix and uploads the merged ledger as <prefix>-merged-….',
    parse: (raw, c) => parseArtifactName(raw, c.name),
  },
  {
    key: 'retentionDays',
    input: 'retention-days',
    engine: false,
    default: '0',
    action: "Days to keep the artifact (at most the repository's limit). 0 means the repository's setting.",
    parse: (raw, c) => (raw === '0' ? 0 : parsePositiveInt(raw, c.name, 'days (0 = the repository setting)', 400)),
  },
  {
    key: 'createCheck',
    input: 'create-check',
    boolean: true,
    engine: false,
    default: 'true',
    action:
      'Post a commit check run (in_progress at the start, success or failure at the end, annotations on the paths that broke a gate). Needs checks: write; with a read-only token (fork pull requests) the step warns once and the job summary carries the verdict.',
  },
  {
    key: 'checkName',
    input: 'check-name',
    engine: false,
    default: 'opencode-dogfood',
    action: 'Name of the check run.',
    parse: (raw, c) => parseCheckName(raw, c.name),
  },
  {
    key: 'githubToken',
    input: 'github-token',
    engine: false,
    secret: true,
    emptyOk: true,
    default: '${{ github.token }}',
    action: 'Token for the check run (checks: write).',
  },
  {
    key: 'mode',
    input: 'mode',
    engine: false,
    default: 'run',
    action:
      "run: run the suite (or the shard that input shard names). merge: run no case; download every ledger artifact of this workflow run under artifact-name (of each shard its latest run attempt), merge each set's shards into one verified ledger, upload it as <artifact-name>-merged-…, and post one job summary and one check run for all of them, with a comparison when there are several sets (models, OpenCode versions).",
    parse: (raw, c) => parseMode(raw, c.name),
  },
  {
    key: 'mergeRoots',
    input: 'merge-roots',
    engine: false,
    default: '',
    action:
      "mode: merge only. The shards' ledger roots as their jobs published them (each leg's ledger-root output; 64 hex digits each, separated by spaces, commas or newlines). Given, every shard merged must have one of them, each once, and every one must belong to a shard merged: a shard rewritten after its job (files, sidecars and root made to fit) or missing is refused. Empty: each shard is verified on its own.",
    parse: (raw, c) => parseRoots(raw, c.name),
  },
  {
    key: 'json',
    flag: 'json',
    boolean: true,
    engine: false,
    default: 'false',
    help: 'print the run summary as JSON instead of the table',
    doc: 'print the run summary as JSON instead of the table',
  },
]
