// Real git repositories for tests: a throwaway repo with the sandbox fixtures
// committed (as `opencode-dogfood init` + commit would leave it).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const CLI = path.resolve('dist/cli.js')

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  })
}

/** A temp folder holding repo/ (fixtures committed); worktrees go beside it. */
export function fixtureRepo(): { base: string; repo: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-test-'))
  const repo = path.join(base, 'repo')
  execFileSync('git', ['init', '-q', '-b', 'main', repo])
  writeFileSync(path.join(repo, 'README.md'), '# test repository\n')
  const init = spawnSync(process.execPath, [CLI, 'init', repo], { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`)
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'fixtures')
  return { base, repo }
}

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: opts.timeoutMs ?? 600_000,
  })
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}

export function ledgerDir(repo: string): string {
  return path.join(repo, 'artifacts', 'ledger', 'opencode_dogfood')
}

/** Like cli(), without blocking the event loop (for tests that serve something in-process). */
export function cliAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }))
  })
}
