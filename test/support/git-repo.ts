// Throwaway git repositories for the guard's tests: committed files, no user config.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
}

export const gitIn = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' })

/** A maker of repositories under `base` (r1, r2, …): `files` written and committed; `init` extra `git init` flags. */
export function repoMaker(base: string): (files: Record<string, string>, init?: string[]) => string {
  let n = 0
  return (files, init = []) => {
    const dir = path.join(base, `r${++n}`)
    mkdirSync(dir)
    gitIn(dir, 'init', '-q', '-b', 'main', ...init)
    for (const [rel, data] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
      writeFileSync(path.join(dir, rel), data)
    }
    gitIn(dir, 'add', '-A')
    gitIn(dir, 'commit', '-q', '-m', 'init')
    return dir
  }
}
