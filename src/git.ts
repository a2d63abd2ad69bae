// The one git wrapper: argument arrays (never a shell), `--` before paths by the
// caller, and {exitCode, stdout, stderr} back. It never writes optional locks
// (so a `git status` of ours does not rewrite the index it is guarding).
//
// Every git the harness runs ignores the config an agent can plant (issue 17):
// uncontained, the agent can write the repository's config (and every other
// config file the user can), and config names programs git runs — fsmonitor,
// hooks, filters, diff drivers, pagers, editors, credential helpers, signing
// programs. The harness's own `git status` must not run them outside the
// case. Config given on the command line (here: GIT_CONFIG_COUNT, the same
// scope as `git -c`) beats every config file and every include, so one fixed
// list neutralises all but the filters; filter drivers are named by the agent
// (`filter.<name>.clean`), so their names are read from the config first and
// each is emptied (see neutralConfig).
import { spawn } from 'node:child_process'
import { lstatSync } from 'node:fs'
import { GitError } from './errors.js'
import { waitsOnFifo } from './proc.js'

export interface GitOutput {
  exitCode: number
  stdout: string
  stderr: string
}

export interface GitRunOptions {
  /** Return raw bytes as latin1-safe buffer text (NUL-separated output stays intact either way). */
  input?: string | Buffer
  env?: NodeJS.ProcessEnv
  /** Most bytes of stdout taken: past it git is killed, the output kept so far, the exit code -1 (stderr says why). */
  maxStdoutBytes?: number
  /** Longest a call may take (ms; default GIT_TIME_LIMIT_MS): past it git is killed, the exit code -1 (stderr says why). */
  timeLimitMs?: number
}

/**
 * The time limit of every git call of the harness (10 minutes): a config the
 * agent replaced by a FIFO (or an include naming one) would keep git waiting
 * on its open for ever. Far above any call's own need on a big repository.
 */
export const GIT_TIME_LIMIT_MS = 600_000

/**
 * How often a running git call is looked at for a FIFO wait (ms): git opens
 * every file it reads (config, includes, HEAD, .gitignore, …) blocking, so a
 * named pipe the agent put in one's place holds it for ever. A call found
 * waiting on one twice in a row is ended at once (Linux's /proc says so;
 * elsewhere the time limit ends it).
 */
export const FIFO_POLL_MS = 500

/** Environment variables that would point git at another repository (or at more object stores). */
const GIT_LOCATION_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_NAMESPACE',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
]

/**
 * Config that runs no program, whatever the config files say (each a
 * command-line setting: it wins over the repository's, the user's and the
 * system's config and anything they include). Why each:
 * - core.fsmonitor: a command `git status` runs to ask what changed.
 * - core.hooksPath=/dev/null: no hook (post-checkout of `worktree add`, reference-transaction, post-index-change…) is found.
 * - core.pager / core.editor / sequence.editor: programs (never started with a pipe for stdout, pinned all the same).
 * - core.sshCommand, core.askPass, credential.helper (empty: the helper list is reset), protocol.allow=never: no transport, no helper.
 * - gpg.*program, log.showSignature, commit/tag.gpgSign: signing programs stay unused.
 * - gc.auto=0, maintenance.auto=false: a command that writes objects starts no background gc (nor its pre-auto-gc hook).
 * - submodule.recurse=false, status.submoduleSummary=false: no git run in a submodule on our behalf beyond status's own check.
 * - color.ui=false: evidence files hold no escape sequences the config asked for.
 * Not here: core.untrackedCache (a cache in the index, runs nothing); diff
 * drivers and diff.external (see EXT_DIFF_FLAGS); filters (named by the agent: neutralConfig).
 */
export const NEUTRAL_CONFIG: readonly (readonly [string, string])[] = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.pager', 'cat'],
  ['core.editor', ':'],
  ['sequence.editor', ':'],
  ['core.sshCommand', 'false'],
  ['core.askPass', ''],
  ['credential.helper', ''],
  ['protocol.allow', 'never'],
  ['gpg.program', 'false'],
  ['gpg.ssh.program', 'false'],
  ['gpg.x509.program', 'false'],
  ['log.showSignature', 'false'],
  ['commit.gpgSign', 'false'],
  ['tag.gpgSign', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['submodule.recurse', 'false'],
  // Never into a submodule: git status/diff start git in each one, where a filter named in the submodule's own
  // config (which the agent can write: a repository made in a committed gitlink folder) would run here.
  ['diff.ignoreSubmodules', 'all'],
  ['status.submoduleSummary', 'false'],
  ['color.ui', 'false'],
]

/** Commands that print diffs: an external diff (diff.external, diff.<driver>.command) or a textconv program could run. */
const DIFF_COMMANDS = new Set(['diff', 'log', 'show'])
const EXT_DIFF_FLAGS = ['--no-ext-diff', '--no-textconv']

/**
 * The subcommand of a git argument list (global options such as `-c k=v` and
 * `-C dir` skipped) and where it is; undefined when there is none.
 */
function subcommand(args: string[]): { name: string; at: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-c' || a === '-C' || a === '--git-dir' || a === '--work-tree' || a === '--namespace') i++
    else if (!a.startsWith('-')) return { name: a, at: i }
  }
  return undefined
}

/**
 * Whether git may run a filter driver (`filter.<name>.clean`/`smudge`/
 * `process`) for this call: anything that reads or writes work-tree content
 * through git's conversion (status, diff, add, worktree add/remove,
 * checkout-index, hash-object without --no-filters, ls-files -m, …). The
 * calls listed here only read the repository's own data and never a work
 * tree file's content through a filter.
 */
export function mayRunFilters(args: string[]): boolean {
  const sub = subcommand(args)
  if (!sub) return false
  const rest = args.slice(sub.at + 1)
  switch (sub.name) {
    case 'rev-parse':
    case 'config':
    case 'check-attr':
    case 'check-ignore':
    case 'ls-tree':
    case 'for-each-ref':
    case 'show-ref':
    case 'symbolic-ref':
    case 'update-ref':
    case 'init':
    case 'version':
      return false
    case 'cat-file':
      return rest.some((a) => a === '--filters' || a === '--textconv')
    case 'hash-object':
      return !rest.includes('--no-filters')
    case 'ls-files':
      return rest.some((a) => a === '-m' || a === '--modified' || /^-[a-zA-Z]*m/.test(a))
    case 'worktree':
      return !(rest[0] === 'list' || rest[0] === 'prune')
    default:
      return true
  }
}

/**
 * The command-line config every harness git call carries, as
 * GIT_CONFIG_COUNT/KEY_n/VALUE_n appended to any the environment already
 * has (ours come later, so they win). `filters`: filter driver names found
 * in the config; each driver is emptied (no clean, smudge or process
 * command, not required), so git uses the bytes as they are.
 */
export function neutralConfig(base: NodeJS.ProcessEnv, filters: string[] = []): NodeJS.ProcessEnv {
  const pairs: [string, string][] = [...NEUTRAL_CONFIG.map(([k, v]): [string, string] => [k, v])]
  for (const name of filters)
    for (const [v, value] of [
      ['clean', ''],
      ['smudge', ''],
      ['process', ''],
      ['required', 'false'],
    ])
      pairs.push([`filter.${name}.${v}`, value])
  const start = Number.parseInt(base.GIT_CONFIG_COUNT ?? '0', 10)
  const n = Number.isFinite(start) && start > 0 ? start : 0
  const out: NodeJS.ProcessEnv = { GIT_CONFIG_COUNT: String(n + pairs.length) }
  pairs.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${n + i}`] = k
    out[`GIT_CONFIG_VALUE_${n + i}`] = v
  })
  return out
}

/**
 * The environment of every harness git call: the process's, without any
 * variable that redirects git to another repository, with the neutral
 * config (and the filter names given) on top, no pager, editor or external
 * diff from the environment, and trace2 off unless the user asked for it
 * (trace2 targets can be set in the user's global config, which an
 * uncontained agent can write: git would append to any file it names).
 */
export function gitEnv(extra?: NodeJS.ProcessEnv, filters: string[] = []): NodeJS.ProcessEnv {
  // OPENCODE_DOGFOOD_GIT marks the harness's own git calls (the forbidden-operations test audits them).
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', OPENCODE_DOGFOOD_GIT: '1' }
  // The repository is always the one given by cwd: a stray GIT_DIR in the
  // environment must not redirect the guard to another repository.
  for (const v of GIT_LOCATION_VARS) delete env[v]
  delete env.GIT_EXTERNAL_DIFF
  Object.assign(env, { GIT_PAGER: 'cat', PAGER: 'cat', GIT_EDITOR: ':', GIT_SEQUENCE_EDITOR: ':' })
  for (const v of ['GIT_TRACE2', 'GIT_TRACE2_EVENT', 'GIT_TRACE2_PERF']) env[v] ??= '0'
  const merged = { ...env, ...extra }
  return { ...merged, ...neutralConfig(merged, filters) }
}

/**
 * The names of the filter drivers the config defines (`filter.<name>.*` in
 * any config file or include git reads for `cwd`); read with the neutral
 * config, which runs nothing. Empty when git cannot say (no repository).
 */
export async function filterDrivers(cwd: string, env?: NodeJS.ProcessEnv, timeLimitMs?: number): Promise<string[]> {
  const r = await spawnGit(cwd, ['config', '-z', '--name-only', '--get-regexp', '^filter\\.'], gitEnv(env), undefined, undefined, timeLimitMs)
  if (r.exitCode !== 0) return []
  const names = new Set<string>()
  for (const key of r.stdout.toString('utf8').split('\0')) {
    const first = key.indexOf('.')
    const last = key.lastIndexOf('.')
    if (first >= 0 && last > first) names.add(key.slice(first + 1, last))
  }
  return [...names]
}

/** The folder a `git worktree remove [--] <path>` names (its last argument); undefined for any other call. */
function worktreeRemoved(args: string[]): string | undefined {
  const sub = subcommand(args)
  if (sub?.name !== 'worktree' || args[sub.at + 1] !== 'remove') return undefined
  return args.at(-1)
}

/** A folder, not through a link (the agent may have swapped it for one: then git refuses it anyway). */
function isDirNoFollow(p: string): boolean {
  try {
    return lstatSync(p).isDirectory()
  } catch {
    return false
  }
}

/** With --no-ext-diff --no-textconv after the subcommand when it prints diffs. */
function withDiffFlags(args: string[]): string[] {
  const sub = subcommand(args)
  if (!sub || !DIFF_COMMANDS.has(sub.name)) return args
  return [...args.slice(0, sub.at + 1), ...EXT_DIFF_FLAGS, ...args.slice(sub.at + 1)]
}

function spawnGit(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string | Buffer | undefined,
  maxStdoutBytes = Number.POSITIVE_INFINITY,
  timeLimitMs = GIT_TIME_LIMIT_MS,
): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group: git starts git in each submodule, and an end must reach them all (a grandchild
    // left holding our pipes would keep the call open after git itself was killed).
    const child = spawn('git', args, { cwd, env, detached: true, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let taken = 0
    let ended: 'late' | 'fifo' | 'over' | undefined
    let waits = 0
    const endAll = (why: 'late' | 'fifo' | 'over') => {
      ended ??= why
      killGroup(child.pid)
    }
    const timer = setTimeout(() => endAll('late'), timeLimitMs)
    // (Most calls end before the first look: a quick call costs no /proc read.)
    const poll = setInterval(() => {
      waits = child.pid !== undefined && waitsOnFifo(child.pid) ? waits + 1 : 0
      if (waits >= 2) endAll('fifo')
    }, FIFO_POLL_MS)
    let grace: NodeJS.Timeout | undefined
    const stop = () => {
      clearTimeout(timer)
      clearInterval(poll)
      clearTimeout(grace)
    }
    child.stdout!.on('data', (d: Buffer) => {
      if (ended === 'over') return
      taken += d.length
      if (taken > maxStdoutBytes) {
        // (An object store the agent could write may hold a zlib bomb: its output is not taken whole.)
        endAll('over')
        return
      }
      out.push(d)
    })
    child.stderr!.on('data', (d: Buffer) => err.push(d))
    child.on('error', (e) => {
      stop()
      reject(e)
    })
    // git has ended: what it started and left holding our pipes is ended too, after a moment to finish writing.
    child.on('exit', () => {
      grace = setTimeout(() => {
        // (The group only: git's own pid may belong to another process by now.)
        killGroup(child.pid, false)
        child.stdout!.destroy()
        child.stderr!.destroy()
      }, EXIT_GRACE_MS)
    })
    child.on('close', (code) => {
      stop()
      const stderr = Buffer.concat(err).toString('utf8')
      const stdout = Buffer.concat(out)
      if (ended === 'fifo') {
        const why = 'git waited on opening a FIFO (a named pipe in the place of a file git reads: its config, an include, HEAD, a .gitignore…): ended\n'
        resolve({ exitCode: -1, stdout, stderr: `${stderr}${why}` })
      } else if (ended === 'late') resolve({ exitCode: -1, stdout, stderr: `${stderr}git did not finish within ${timeLimitMs} ms: ended\n` })
      else if (ended === 'over') resolve({ exitCode: -1, stdout, stderr: `${stderr}git's output passed ${maxStdoutBytes} bytes: ended\n` })
      else resolve({ exitCode: code ?? 1, stdout, stderr })
    })
    if (child.stdin) {
      // git may exit before reading all input; that is its answer, not our crash.
      child.stdin.on('error', () => {})
      child.stdin.end(input)
    }
  })
}

/** How long the pipes of a git that has exited may stay open (ms) before what holds them is ended. */
const EXIT_GRACE_MS = 2000

/** SIGKILL to git's process group (git and every git it started); to git alone when the group is gone and `alone`. */
function killGroup(pid: number | undefined, alone = true): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    if (!alone) return
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

/**
 * Run git in `cwd` with `args` (never through a shell) and the neutral
 * environment (gitEnv); a call that may run a filter driver first reads the
 * drivers' names so that each is emptied. Resolves with git's exit code, raw
 * stdout and stderr text; rejects only when git cannot be started.
 */
export async function gitRaw(cwd: string, args: string[], opts: GitRunOptions = {}): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const filters = mayRunFilters(args) ? await filterDrivers(cwd, opts.env, opts.timeLimitMs) : []
  // `worktree remove` runs git status in the worktree it removes, which reads that worktree's own config
  // (config.worktree, when the agent turned per-worktree config on): its filters are emptied too.
  const removed = worktreeRemoved(args)
  if (removed && isDirNoFollow(removed)) filters.push(...(await filterDrivers(removed, opts.env, opts.timeLimitMs)))
  return spawnGit(cwd, withDiffFlags(args), gitEnv(opts.env, filters), opts.input, opts.maxStdoutBytes, opts.timeLimitMs)
}

export async function git(cwd: string, args: string[], opts: GitRunOptions = {}): Promise<GitOutput> {
  const r = await gitRaw(cwd, args, opts)
  return { exitCode: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr }
}

/** Like git(), but throws GitError on a non-zero exit. */
export async function gitOk(cwd: string, args: string[], opts: GitRunOptions = {}): Promise<string> {
  const r = await git(cwd, args, opts)
  if (r.exitCode !== 0) throw new GitError(args, r.exitCode, r.stderr)
  return r.stdout
}

/** Split NUL-separated output; the trailing empty field is dropped. */
export function splitNul(text: string): string[] {
  const parts = text.split('\0')
  if (parts.at(-1) === '') parts.pop()
  return parts
}
