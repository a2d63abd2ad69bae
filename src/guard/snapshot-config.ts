// What a snapshot needs of the repository's configuration: where its git dirs
// are, its object format, and whether any config or attribute could make an
// index blob differ from the raw bytes on disk (then the index cannot vouch).
import { existsSync, lstatSync, statSync, type BigIntStats } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { git, gitOk, gitRaw } from '../git.js'
import { decodePath, encodePath } from './paths.js'
import { readUntrustedFile } from './reader.js'
import { RACY_WINDOW_FINE } from './snapshot-types.js'

/** The config a snapshot depends on. */
export interface RepoConfig {
  autocrlf: boolean
  attributesFile: boolean
  objectFormat: 'sha1' | 'sha256'
}

/** The config a snapshot depends on: what can make a blob differ from the bytes on disk, and the hash. */
async function repoConfig(root: string): Promise<RepoConfig> {
  const r = await git(root, ['config', '-z', '--get-regexp', '^(core\\.(autocrlf|attributesfile)|extensions\\.objectformat)$'])
  if (r.exitCode > 1) throw new Error(`git config failed in ${root}: ${r.stderr.trim()}`)
  let autocrlf = false
  let attributesFile = false
  let objectFormat: 'sha1' | 'sha256' = 'sha1'
  for (const rec of r.stdout.split('\0')) {
    const nl = rec.indexOf('\n')
    const key = (nl < 0 ? rec : rec.slice(0, nl)).toLowerCase()
    const value = nl < 0 ? 'true' : rec.slice(nl + 1).toLowerCase()
    if (key === 'core.autocrlf') autocrlf = ['true', 'input', 'yes', 'on', '1'].includes(value)
    if (key === 'core.attributesfile') attributesFile = true
    if (key === 'extensions.objectformat') objectFormat = value === 'sha256' ? 'sha256' : 'sha1'
  }
  if (existsSync(xdgAttributes())) attributesFile = true
  return { autocrlf, attributesFile, objectFormat }
}

/** git's default attributes file ($XDG_CONFIG_HOME/git/attributes). */
function xdgAttributes(): string {
  const home = process.env.HOME ?? os.homedir()
  return path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'attributes')
}

const configCache = new Map<string, { key: string; at: number; cfg: RepoConfig }>()

/**
 * The files git reads config from (and the default attributes file), as a
 * key: their identity and stat data. Undefined (no caching) when config
 * could come from anywhere else: the environment, or an include.
 */
function configKey(gitDir: string, commonDir: string): { key: string; newest: number; mentions: boolean } | undefined {
  const env = process.env
  if (env.GIT_CONFIG_PARAMETERS || env.GIT_CONFIG_COUNT || env.GIT_CONFIG) return undefined
  const home = env.HOME ?? os.homedir()
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config')
  const files = [
    path.join(commonDir, 'config'),
    path.join(gitDir, 'config.worktree'),
    path.join(commonDir, 'config.worktree'),
    path.join(xdg, 'git', 'attributes'),
  ]
  if (env.GIT_CONFIG_GLOBAL !== undefined) files.push(env.GIT_CONFIG_GLOBAL)
  else files.push(path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config'))
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig')
  const parts: string[] = []
  let newest = 0
  let mentions = false
  for (const f of files) {
    let st: BigIntStats
    try {
      st = statSync(f, { bigint: true })
    } catch {
      parts.push(`${f}:-`)
      continue
    }
    // Not a regular file of its own (a user's dotfile link, or one the agent swapped in): git is asked instead.
    let text = ''
    try {
      text = st.isFile() ? readUntrustedFile(f).toString('latin1') : ''
    } catch {
      return undefined
    }
    if (/include/i.test(text)) return undefined
    if (/autocrlf|attributesfile|objectformat/i.test(text)) mentions = true
    parts.push(`${f}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`)
    newest = Math.max(newest, Number(st.ctimeNs / 1_000_000n), Number(st.mtimeNs / 1_000_000n))
  }
  return { key: parts.join('\0'), newest, mentions }
}

/**
 * repoConfig, remembered for the process while none of the config files has
 * changed (and none changed so recently that a change could hide in the
 * same timestamp): a process taking many snapshots asks git once.
 */
export async function repoConfigCached(root: string, gitDir: string, commonDir: string): Promise<RepoConfig> {
  const k = configKey(gitDir, commonDir)
  // No config file (nor the environment) names any of the keys: git's defaults, without asking git.
  if (k && !k.mentions) return { autocrlf: false, attributesFile: existsSync(xdgAttributes()), objectFormat: 'sha1' }
  const hit = configCache.get(root)
  if (k && hit && hit.key === k.key && k.newest < hit.at - RACY_WINDOW_FINE) return hit.cfg
  const at = Date.now()
  const cfg = await repoConfig(root)
  if (k) configCache.set(root, { key: k.key, at, cfg })
  return cfg
}

/**
 * The object format, from the repository's own config file when it states
 * none (sha1, the default, needs no extension) or sha256; else from git.
 */
export async function objectFormatOf(commonDir: string, config: Promise<RepoConfig>): Promise<'sha1' | 'sha256'> {
  try {
    const text = readUntrustedFile(path.join(commonDir, 'config')).toString('utf8')
    if (!/objectformat/i.test(text)) return 'sha1'
  } catch {
    // unreadable: ask git
  }
  return (await config).objectFormat
}

/**
 * The git dirs of a work tree's top folder, read from its `.git` (a folder,
 * or a file naming a linked worktree's git dir, whose `commondir` names the
 * repository's); anything else is asked of git.
 */
export async function gitDirsOf(root: string): Promise<{ gitDir: string; commonDir: string }> {
  try {
    const dotGit = path.join(root, '.git')
    const s = lstatSync(dotGit)
    if (s.isDirectory() && existsSync(path.join(dotGit, 'HEAD'))) return { gitDir: dotGit, commonDir: dotGit }
    if (s.isFile()) {
      const m = /^gitdir: (.+?)\r?\n?$/.exec(readUntrustedFile(dotGit, 64 << 10).toString('utf8'))
      if (m) {
        const gitDir = path.resolve(root, m[1])
        let commonDir = gitDir
        try {
          commonDir = path.resolve(
            gitDir,
            readUntrustedFile(path.join(gitDir, 'commondir'), 64 << 10)
              .toString('utf8')
              .trim(),
          )
        } catch {
          // no commondir: the git dir is the repository's own
        }
        if (existsSync(path.join(gitDir, 'HEAD'))) return { gitDir, commonDir }
      }
    }
  } catch {
    // fall through to git
  }
  const r = await resolveGitDirs(root)
  return { gitDir: r.gitDir, commonDir: r.commonDir }
}

const CONVERSION_ATTRS = ['text', 'eol', 'crlf', 'ident', 'filter', 'working-tree-encoding']

/** Of the candidate paths (some attribute or config could apply), those whose index blob is their raw bytes. */
export async function conversionFree(root: string, cfg: RepoConfig, candidates: string[]): Promise<Set<string>> {
  const input = Buffer.concat(candidates.flatMap((c) => [encodePath(c), Buffer.from([0])]))
  const r = await gitRaw(root, ['check-attr', '-z', '--stdin', ...CONVERSION_ATTRS], { input })
  if (r.exitCode !== 0) return new Set()
  const attrs = new Map<string, Map<string, string>>()
  const parts = r.stdout.toString('latin1').split('\0')
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const p = decodePath(Buffer.from(parts[i], 'latin1'))
    let m = attrs.get(p)
    if (!m) {
      m = new Map()
      attrs.set(p, m)
    }
    m.set(parts[i + 1], parts[i + 2])
  }
  const safe = new Set<string>()
  for (const c of candidates) {
    const m = attrs.get(c)
    if (!m) continue
    const v = (a: string) => m.get(a) ?? 'missing'
    const textOff = v('text') === 'unset' || (v('text') === 'unspecified' && v('crlf') === 'unset')
    const textFree = textOff || (v('text') === 'unspecified' && v('crlf') === 'unspecified' && !cfg.autocrlf)
    const rest =
      v('eol') === 'unspecified' &&
      ['unspecified', 'unset'].includes(v('ident')) &&
      ['unspecified', 'unset'].includes(v('filter')) &&
      v('working-tree-encoding') === 'unspecified'
    if (textFree && rest) safe.add(c)
  }
  return safe
}

/** The git dir, common dir and object format of the work tree at `root`, asked of git (throws when git fails). */
export async function resolveGitDirs(root: string): Promise<{ gitDir: string; commonDir: string; objectFormat: 'sha1' | 'sha256' }> {
  const out = await gitOk(root, ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir', '--show-object-format'])
  const [gitDir, commonDir, format] = out.trim().split('\n')
  return { gitDir, commonDir, objectFormat: format === 'sha256' ? 'sha256' : 'sha1' }
}
