// What two runs may differ in without anything having changed: the rules that
// `opencode-dogfood diff` applies to both sides before it compares evidence and
// reasons. Each rule replaces a volatile value with a fixed placeholder, the
// same on both sides, so only what the agent, OpenCode or the harness did
// differently is left. README.md ("Comparing two runs") lists them for users;
// test/ledger-diff.test.ts has one example per rule.
//
// Shapes: RunContext (what is learned from one run: its id, commit and the
// absolute roots it ran in) → normalizeText(text, ctx), normalizeJson(value,
// ctx), normalizeEvidence(fileName, bytes, ctx) → string (or undefined for a
// binary file, which is compared byte for byte).
// Sources of the volatile shapes: the evidence of two `npm run dogfood` runs
// (stdout.txt's "+0.27s:" clock, "in 34173 ms", OpenCode's ses_/msg_/prt_ ids
// and epoch-ms times in transcript.json, the scripted model's per-run keys in
// role_*.json, ports in policy.json and processes.txt, mkdtemp folders).
import os from 'node:os'
import { AGENT_CALLS_SUBDIR, LEDGER_SUBDIR } from './layout.js'

export interface RunContext {
  /** RUN_XXXX of the run. */
  runId: string
  /** The run's repo_commit (40 hex), or '' when unknown. */
  commit: string
  /** Absolute folders the run worked in, mapped to placeholders (the worktree, the main checkout). */
  roots: { path: string; placeholder: string }[]
}

/** processes.txt when the case left nothing running. */
export const NO_PROCESS_LINE = 'no process started during the case was left running'

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Temp folders whose first component is a mkdtemp() folder (prefix + 6 random characters). */
function tempBases(): string[] {
  const bases = new Set(['/tmp', '/var/tmp', '/private/tmp', os.tmpdir()])
  if (process.env.RUNNER_TEMP) bases.add(process.env.RUNNER_TEMP)
  return [...bases].filter((b) => b.length > 1).sort((a, b) => b.length - a.length)
}

/** Words that make the number after (or before) them a setting, not a measurement. */
const SETTING_WORDS = /(budget|timeout|limit|bound|max|maximum|at most|up to)\s*$/i

/**
 * The text rules, in order:
 * 1. the run's own roots (worktree, main checkout) → `<worktree>`, `<repo>`;
 * 2. other temp folders: `/tmp/NAME-XXXXXX` (and $TMPDIR, $RUNNER_TEMP, macOS
 *    /var/folders/…/T) → `<tmp>/NAME-*`;
 * 3. run ids `RUN_0042` → `RUN_####`; a canary's random suffix → `-<id>`;
 * 4. the run's commit (and any prefix of ≥ 7 hex digits of it) → `<commit>`;
 * 5. ISO-8601 dates and times → `<date>`; epoch milliseconds (2017–2033) → `<time>`;
 * 6. OpenCode ids (`ses_…`, `msg_…`, `prt_…`: a prefix, `_`, ≥ 20 letters and
 *    digits) → `ses_<id>`; UUIDs → `<uuid>`;
 * 7. ports of local addresses (`127.0.0.1:38735`, `--port 38735`) → `<port>`;
 *    `pid 1234` → `pid <pid>`;
 * 8. measured times: the case clock `+1.28s:`, a number with a time unit
 *    (`34173 ms`, `0.5s`), `duration_ms: 1.9` / `elapsed_ms 12` → `<t>`; a number
 *    next to budget/timeout/limit is a setting and stays;
 * 9. the egress log's byte counts (`"bytes_out":21308`: a request carries the run's paths) → `<bytes>`.
 */
export function normalizeText(text: string, ctx: RunContext): string {
  let t = text
  for (const r of [...ctx.roots].sort((a, b) => b.path.length - a.path.length)) if (r.path.length > 1) t = t.split(r.path).join(r.placeholder)
  for (const base of tempBases()) {
    t = t.replace(new RegExp(`${escapeRe(base)}/([^/\\s"'():,]+)`, 'g'), (_m, name: string) => `<tmp>/${name.replace(/-[A-Za-z0-9]{6}$/, '-*')}`)
  }
  t = t.replace(/\/(?:private\/)?var\/folders\/[^/\s]+\/[^/\s]+\/T\/([^/\s"'():,]+)/g, (_m, name: string) => `<tmp>/${name.replace(/-[A-Za-z0-9]{6}$/, '-*')}`)
  t = t.replace(/\bRUN_[0-9]{4}\b/g, 'RUN_####')
  // A canary's name ends in 8 random hex digits (guard/canary.ts): two checkouts of one folder may both be at RUN_0001.
  t = t.replace(/(\.opencode-dogfood-canary-RUN_####)-[0-9a-f]{8}\b/g, '$1-<id>')
  // --jobs: a slot's worktree and temp folder under the run's temp folder (suite/slots.ts).
  t = t.replace(/<tmp>\/opencode-dogfood-RUN_####-\*\/slot-\d+\/wt\b/g, '<worktree>')
  t = t.replace(/(<tmp>\/opencode-dogfood-RUN_####-\*)\/slot-\d+(?:<tmp>|\/tmp)/g, '$1')
  // A worktree's name in the common git dir is git's pick from its folder's name.
  t = t.replace(/\.git\/worktrees\/[^/\s"']+/g, '.git/worktrees/<name>')
  if (/^[0-9a-f]{40}$/.test(ctx.commit))
    t = t.replace(new RegExp(`\\b${ctx.commit.slice(0, 7)}[0-9a-f]{0,33}\\b`, 'g'), (m) => (ctx.commit.startsWith(m) ? '<commit>' : m))
  t = t.replace(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g, '<date>')
  t = t.replace(/\b1[5-9]\d{11}\b/g, '<time>')
  t = t.replace(/\b([a-z]{2,8})_[0-9A-Za-z]{20,}\b/g, '$1_<id>')
  t = t.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
  t = t.replace(/\b(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]):\d{2,5}\b/g, '$1:<port>')
  t = t.replace(/(--port[ =])\d{2,5}\b/g, '$1<port>')
  t = t.replace(/\bpid([ :=]\s*)\d+\b/gi, 'pid$1<pid>')
  t = t.replace(/(^|\s)\+\d+(?:\.\d+)?s:/gm, '$1+<t>s:')
  t = t.replace(/\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds|milliseconds)\b(?!\s*budget)/g, (m, offset: number, whole: string) =>
    SETTING_WORDS.test(whole.slice(Math.max(0, offset - 20), offset)) ? m : '<t>',
  )
  t = t.replace(/\b(duration_ms|durationMs|duration|elapsed_ms|elapsedMs|elapsed)(["']?\s*[:=]?\s*)\d+(?:\.\d+)?\b/g, '$1$2<t>')
  t = t.replace(/"(bytes_out|bytes_in)":\d+/g, '"$1":"<bytes>"')
  return t
}

/** JSON keys whose number is a measured time (a budget, timeout or limit is a setting). */
const TIME_KEY = /^(duration|elapsed|created|completed|updated|started|ended|timestamp)|(_ms|Ms|_at|At)$/
const SETTING_KEY = /budget|timeout|limit/i
/**
 * JSON keys whose value differs by construction from run to run. result_sha256
 * (attempts.json under --repeat): the hash of an attempt's result file, which
 * holds its run_id and duration_ms — an id and a timing — so two runs of one
 * commit (or a merged run and an unsharded one) never share it; what the
 * result says is compared through the rest of attempts.json.
 */
const VOLATILE_KEYS = new Set(['key_fingerprint', 'server_config_sha256', 'port', 'pid', 'result_sha256'])

/** JSON keys whose numbers are token counts or cost (OpenCode's message info, tokens.json, the summary's tokens). */
const TOKEN_KEYS = new Set(['tokens', 'cost', 'cost_usd', 'total'])

/** Every number in `v` → `<tokens>` (a budget stays: it is a setting). */
function measured(v: unknown, key = ''): unknown {
  if (typeof v === 'number') return SETTING_KEY.test(key) ? v : '<tokens>'
  if (Array.isArray(v)) return v.map((x) => measured(x, key))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, measured(x, k)]))
  return v
}

/** A git object id (sha1 or sha256), as OpenCode's snapshots are named. */
const GIT_OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * OpenCode's snapshot ids in a transcript: `snapshot` of step-start,
 * step-finish and snapshot parts (and a session's `revert.snapshot`), and
 * `hash` of a patch part. Each is the id of a git tree OpenCode wrote of the
 * whole worktree in its own snapshot repository — the harness's ledger and
 * transcripts of earlier cases and runs included, when the run is not
 * contained (contained, they are hidden from OpenCode) — so it differs from
 * run to run by construction. What the agent changed is compared through the
 * rest of the evidence (changes.diff, the guard's files, the tool calls).
 */
function isSnapshotId(key: string, value: unknown, holder: Record<string, unknown>): boolean {
  return typeof value === 'string' && GIT_OID.test(value) && (key === 'snapshot' || (key === 'hash' && holder.type === 'patch'))
}

/**
 * The JSON rules: a number under a time key (duration_ms, durationMs,
 * created, completed, *_at, …, and start/end under `time`) → `<t>`;
 * key_fingerprint (the sha256 prefix of a key: the hermetic keys are made per
 * run), server_config_sha256 (a hash over ports and temp paths), port, pid,
 * result_sha256 (an attempt result's hash: over its run id and duration) →
 * `<volatile>`; OpenCode's snapshot ids (`snapshot`, a patch part's `hash`:
 * see isSnapshotId) → `<snapshot>`; every string through normalizeText. Key order is kept.
 */
export function normalizeJson(value: unknown, ctx: RunContext, key = '', parentKey = ''): unknown {
  if (typeof value === 'string') return normalizeText(value, ctx)
  if (typeof value === 'number') {
    if (VOLATILE_KEYS.has(key)) return '<volatile>'
    if (!SETTING_KEY.test(key) && (TIME_KEY.test(key) || parentKey === 'time')) return '<t>'
    return value
  }
  if (Array.isArray(value)) return value.map((v) => normalizeJson(v, ctx, key, parentKey))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      // OpenCode computes a message's summary.diffs from its snapshots after the turn, in the background: there or not yet, by timing.
      if (k === 'diffs' && key === 'summary') out[k] = '<volatile>'
      // Token counts and cost are measurements, as times are: they follow the prompt's bytes, temp paths included.
      else if (TOKEN_KEYS.has(k)) out[k] = measured(v)
      else if (isSnapshotId(k, v, value as Record<string, unknown>)) out[k] = '<snapshot>'
      else out[k] = VOLATILE_KEYS.has(k) && (typeof v === 'string' || typeof v === 'number') ? '<volatile>' : normalizeJson(v, ctx, k, key)
    }
    return out
  }
  return value
}

/**
 * processes.txt: each line `PID<TAB>ended<TAB>"command"`, or NO_PROCESS_LINE.
 * Pids → `<pid>`. OpenCode's own processes that the sweep happened to catch
 * mid-flight — its snapshot git calls (`git … --git-dir …/opencode/snapshot/…`)
 * and `opencode serve` — are timing, not behaviour: dropped; nothing left is
 * NO_PROCESS_LINE.
 */
function normalizeProcesses(text: string, ctx: RunContext): string {
  const kept = text
    .split('\n')
    .filter((l) => l.trim() !== '' && l.trim() !== NO_PROCESS_LINE)
    .filter((l) => !/\bgit\b.*--git-dir[ =]\S*\/opencode\/snapshot\//.test(l) && !/\bopencode(?:\.exe)?"?\s+serve\b/.test(l))
    // OpenCode's other own git calls (check-ignore, status, …) carry its fixed -c prefix.
    .filter((l) => !/\bgit -c core\.autocrlf=false -c core\.longpaths=true -c core\.symlinks=true\b/.test(l))
    // A process caught while it exits has no command line left ("").
    .filter((l) => !/\t""$/.test(l))
    .map((l) => l.replace(/^\d+\t/, '<pid>\t'))
  return kept.length === 0 ? NO_PROCESS_LINE + '\n' : normalizeText(kept.join('\n') + '\n', ctx)
}

/** The harness's own output folders in a checkout (the ledger, the transcripts). */
const HARNESS_OUTPUT = [`${LEDGER_SUBDIR}/`, `${AGENT_CALLS_SUBDIR}/`]

/**
 * git_status.txt of a run in place: the ledger and transcript folders of this
 * and earlier runs show up untracked (`?? artifacts/`, `?? logs/`), depending
 * on how many runs and cases came before. Such a line — an untracked entry
 * that is one of those folders or a folder above them — is the harness's
 * output, not the agent's work: dropped. Anything inside them is kept.
 */
function isHarnessOutputStatus(line: string): boolean {
  const m = /^\?\? (.+\/)$/.exec(line)
  return !!m && HARNESS_OUTPUT.some((h) => h.startsWith(m[1]))
}

function isText(data: Buffer): boolean {
  if (data.includes(0)) return false
  return !!Buffer.from(data.toString('utf8'), 'utf8').equals(data)
}

/**
 * One evidence file, normalised for comparison: JSON files by the JSON rules
 * (pretty-printed, so differences are reported by line), processes.txt,
 * stdout.txt and git_status.txt by their own rules, other text by the text rules. undefined: a binary file.
 */
/**
 * policy.json: the other checkouts a sandbox hides are the machine's (its
 * worktrees, and under --jobs the run's other slots), and where the harness's
 * ledger lies is the run's layout — not the agent's: those entries are left out, and what is left is sorted (the paths they sort by
 * are placeholders by now).
 */
function withoutOtherCheckouts(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value
      .filter((v) => !(typeof v === 'string' && (v.endsWith('(another checkout of the repository)') || v.endsWith("the harness's, not the agent's)"))))
      .map(withoutOtherCheckouts)
    return kept.every((v) => typeof v === 'string') ? [...kept].sort() : kept
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutOtherCheckouts(v)]))
  return value
}

export function normalizeEvidence(fileName: string, data: Buffer, ctx: RunContext): string | undefined {
  if (!isText(data)) return undefined
  const text = data.toString('utf8')
  if (fileName === 'processes.txt') return normalizeProcesses(text, ctx)
  if (fileName === 'git_status.txt')
    return normalizeText(
      text
        .split('\n')
        .filter((l) => !isHarnessOutputStatus(l))
        .join('\n'),
      ctx,
    )
  // stdout.txt's "ended N process(es) the case left running: …" line is a cut-short copy of
  // processes.txt, which is compared in full by its own rule above.
  // The bounds' own cost (case-bounds.ts) is a timing: its figures differ from run to run.
  if (fileName === 'stdout.txt')
    return normalizeText(
      text
        .replace(/^.*\bended \d+ process\(es\) the case left running: .*\n?/gm, '')
        .replace(/\bbounds: \d+ samples in [0-9.]+ ms, cgroup [0-9.]+ ms/g, 'bounds: <samples> samples in <ms> ms, cgroup <ms> ms'),
      ctx,
    )
  if (fileName.endsWith('.json')) {
    try {
      const json = normalizeJson(JSON.parse(text), ctx)
      const shaped = fileName === 'policy.json' ? withoutOtherCheckouts(json) : fileName === 'tokens.json' ? measured(json) : json
      return JSON.stringify(shaped, null, 2) + '\n'
    } catch {
      // Not JSON after all: compared as text.
    }
  }
  return normalizeText(text, ctx)
}
