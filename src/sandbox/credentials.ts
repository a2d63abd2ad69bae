// Credentials in the checkout's git config: actions/checkout leaves
// `http.https://github.com/.extraheader = AUTHORIZATION: basic …` (v6: in a
// file the config includes); a remote URL may carry `user:token@`; a
// credential helper hands out whatever it stores. The agent's git reads the
// same config, so before any case these are found: under containment the
// agent sees a copy of each file without them, otherwise the run stops.
import { copyFileSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { git, splitNul } from '../git.js'

export interface CredentialFinding {
  kind: 'http extraheader' | 'URL with credentials' | 'credential helper'
  /** The config key (for a URL in a key, the key itself is the place). */
  key: string
  /** The config file that holds it. */
  file: string
  /** The secret values it carries (never printed; registered for redaction). */
  secrets: string[]
}

const USERINFO = /[a-z][a-z0-9+.-]*:\/\/([^/\s@]+)@/i

function userinfoSecrets(text: string): string[] {
  const m = USERINFO.exec(text)
  if (!m) return []
  const info = decodeURIComponent(m[1])
  const i = info.indexOf(':')
  // user:token → the token (and the pair); a bare token used as the user name → itself.
  return i >= 0 ? [info, info.slice(i + 1), m[1]] : [info, m[1]]
}

function headerSecrets(value: string): string[] {
  const out = [value]
  const m = /^\s*authorization:\s*(basic|bearer|token)\s+(\S+)/i.exec(value)
  if (m) {
    out.push(m[2])
    if (m[1].toLowerCase() === 'basic') {
      const decoded = Buffer.from(m[2], 'base64').toString('utf8')
      out.push(decoded)
      const i = decoded.indexOf(':')
      if (i >= 0) out.push(decoded.slice(i + 1))
    }
  }
  return out
}

/** The findings in the output of `git config --list --show-origin -z` run in `dir`. */
function findingsIn(stdout: string, dir: string): CredentialFinding[] {
  const fields = splitNul(stdout)
  const out: CredentialFinding[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const origin = fields[i].replace(/^file:/, '')
    const nl = fields[i + 1].indexOf('\n')
    const key = nl < 0 ? fields[i + 1] : fields[i + 1].slice(0, nl)
    const value = nl < 0 ? '' : fields[i + 1].slice(nl + 1)
    const file = path.resolve(dir, origin)
    const lower = key.toLowerCase()
    if (/^http\.(.*\.)?extraheader$/.test(lower) && value) out.push({ kind: 'http extraheader', key, file, secrets: headerSecrets(value) })
    else if (USERINFO.test(key) || USERINFO.test(value))
      out.push({ kind: 'URL with credentials', key, file, secrets: [...userinfoSecrets(key), ...userinfoSecrets(value)] })
    else if (/^credential\.(.*\.)?helper$/.test(lower) && value) out.push({ kind: 'credential helper', key, file, secrets: [] })
  }
  return out
}

/** Most submodule git dirs looked at (nested ones included) under `<common dir>/modules`. */
const MODULES_MAX = 1000

/**
 * The config files of the repository's other git dirs, which its own `git config --list` does not read:
 * each submodule's (`<common dir>/modules/<name>/config`, nested modules too; actions/checkout with
 * `submodules:` leaves its extraheader there) and each worktree's own (`worktrees/<id>/config.worktree`).
 * Folders are looked at without following links; at most MODULES_MAX git dirs.
 */
function otherConfigFiles(commonDir: string): string[] {
  const out: string[] = []
  const isFile = (f: string) => {
    try {
      return lstatSync(f).isFile()
    } catch {
      return false
    }
  }
  const subdirs = (d: string): string[] => {
    try {
      return readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => path.join(d, e.name))
    } catch {
      return []
    }
  }
  // A submodule's name may hold slashes (modules/a/b): a folder with a config file is a git dir, else look below.
  const queue = subdirs(path.join(commonDir, 'modules'))
  for (let n = 0; queue.length > 0 && n < MODULES_MAX; n++) {
    const d = queue.shift()!
    if (isFile(path.join(d, 'config'))) {
      out.push(path.join(d, 'config'))
      queue.push(...subdirs(path.join(d, 'modules')))
    } else queue.push(...subdirs(d))
  }
  for (const w of subdirs(path.join(commonDir, 'worktrees'))) if (isFile(path.join(w, 'config.worktree'))) out.push(path.join(w, 'config.worktree'))
  return out
}

/**
 * Every credential the git config of `dir` shows to a git run with `env`
 * (the agent's: its own HOME, so the user's global config is not read), and
 * every credential in the config of the repository's submodules and
 * worktrees (the agent's git reads those in them).
 * Sources: `git config --list --show-origin -z` (includes followed), and
 * `--file` for each other config file (otherConfigFiles).
 */
export async function findCredentials(dir: string, env: NodeJS.ProcessEnv): Promise<CredentialFinding[]> {
  const r = await git(dir, ['config', '--list', '--show-origin', '-z'], { env })
  if (r.exitCode !== 0) return []
  const out = findingsIn(r.stdout, dir)
  const common = await git(dir, ['rev-parse', '--path-format=absolute', '--git-common-dir'], { env })
  if (common.exitCode !== 0) return out
  for (const file of otherConfigFiles(common.stdout.trim())) {
    const f = await git(dir, ['config', '--list', '--show-origin', '-z', '--includes', '--file', file], { env })
    if (f.exitCode === 0) out.push(...findingsIn(f.stdout, dir))
  }
  return out
}

/**
 * A copy of each config file that holds a finding, without those entries,
 * written under `dir`: [original, copy] pairs to show in place of the
 * originals (containment's 'view' rules).
 */
export async function sanitizedViews(findings: CredentialFinding[], dir: string): Promise<[string, string][]> {
  const byFile = new Map<string, CredentialFinding[]>()
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f])
  mkdirSync(dir, { recursive: true })
  const views: [string, string][] = []
  let n = 0
  for (const [file, list] of byFile) {
    const copy = path.join(dir, `gitconfig-${++n}`)
    copyFileSync(file, copy)
    for (const key of new Set(list.map((f) => f.key))) {
      const r = await git(dir, ['config', '--file', copy, '--unset-all', key])
      if (r.exitCode !== 0 && r.exitCode !== 5) throw new Error(`could not remove ${key} from a copy of ${file}: ${r.stderr.trim()}`)
    }
    views.push([file, copy])
  }
  return views
}

/** One line per finding, never the value: "http extraheader http.https://github.com/.extraheader in /repo/.git/config". */
export function describeFindings(findings: CredentialFinding[]): string[] {
  return findings.map((f) => `${f.kind} ${f.key.replace(USERINFO, (m, info: string) => m.replace(info, '***'))} in ${f.file}`)
}
