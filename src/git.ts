// The one git wrapper: argument arrays (never a shell), `--` before paths by the
// caller, and {exitCode, stdout, stderr} back. It never writes optional locks
// (so a `git status` of ours does not rewrite the index it is guarding).
import { spawn } from 'node:child_process'
import { GitError } from './errors.js'

export interface GitOutput {
  exitCode: number
  stdout: string
  stderr: string
}

export interface GitRunOptions {
  /** Return raw bytes as latin1-safe buffer text (NUL-separated output stays intact either way). */
  input?: string | Buffer
  env?: NodeJS.ProcessEnv
}

/** Environment variables that would point git at another repository. */
const GIT_LOCATION_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE']

export function gitEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // OPENCODE_DOGFOOD_GIT marks the harness's own git calls (the forbidden-operations test audits them).
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', OPENCODE_DOGFOOD_GIT: '1' }
  // The repository is always the one given by cwd: a stray GIT_DIR in the
  // environment must not redirect the guard to another repository.
  for (const v of GIT_LOCATION_VARS) delete env[v]
  return { ...env, ...extra }
}

export function gitRaw(cwd: string, args: string[], opts: GitRunOptions = {}): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(opts.env), stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout!.on('data', (d: Buffer) => out.push(d))
    child.stderr!.on('data', (d: Buffer) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }))
    if (child.stdin) {
      // git may exit before reading all input; that is its answer, not our crash.
      child.stdin.on('error', () => {})
      child.stdin.end(opts.input)
    }
  })
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
