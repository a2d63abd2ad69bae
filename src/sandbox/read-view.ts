// The read view: what of the host the contained processes see, as an
// allowlist. The sandbox's root is an empty read-only folder; only the
// system folders tools need are shown in it (read-only), /etc less its
// secrets, plus what the run itself adds (the worktree, the common git dir,
// OpenCode's package and state, `--read-allow`). Everything else of the host
// — /home, /root, /opt, /srv, /mnt, /media, /var, /run, a runner's install
// folder, other workspaces — does not exist inside. Policy only: mechanism.ts
// turns these rules into mounts. Stricter than a container runtime's default
// (which shows its whole image) and than sandbox-runtime's/Codex's read
// policies (which show the host's root read-only, less a deny list).
import { existsSync, lstatSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import type { ContainmentRule } from './rules.js'

/** The top-level folders tools need: programs, libraries, their data. A symlink among them (merged /usr) is shown as the same symlink. */
export const SYSTEM_FOLDERS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'] as const

/**
 * Files of /etc that hold secrets or say who may become root: each is shown
 * as an empty file. Sources: shadow(5), gshadow(5), sshd(8) host keys,
 * sudoers(5), security/opasswd (pam_pwhistory), the machine's Kerberos keytab.
 */
export const ETC_SECRETS = [
  '/etc/shadow',
  '/etc/shadow-',
  '/etc/gshadow',
  '/etc/gshadow-',
  '/etc/sudoers',
  '/etc/security/opasswd',
  '/etc/krb5.keytab',
] as const

/** Folders of /etc hidden whole (each becomes an empty folder): host keys, sudo rules, the runner's and the machine's private keys. */
export const ETC_SECRET_FOLDERS = ['/etc/ssh', '/etc/sudoers.d', '/etc/ssl/private'] as const

/** Folders a `--read-allow` entry may not name: they would show the host's secrets or the harness itself wholesale. */
const NEVER_ALLOWED = ['/', '/proc', '/sys', '/dev', '/root', '/home', '/etc', '/var', '/run']

/**
 * The rules of the system view, shallowest first: `read` for a system
 * folder, `link` for a top-level symlink (merged /usr: /bin → usr/bin),
 * `hidden` for /etc's secrets. Folders the host lacks are left out.
 */
export function systemView(): ContainmentRule[] {
  const rules: ContainmentRule[] = []
  for (const dir of SYSTEM_FOLDERS) {
    const s = lstatOrUndefined(dir)
    if (!s) continue
    if (s.isSymbolicLink()) rules.push({ path: dir, access: 'link', source: readlinkSync(dir), why: 'system folder (a symlink, as on the host)' })
    else if (s.isDirectory())
      rules.push({ path: dir, access: 'read', why: dir === '/etc' ? 'system configuration, less its secrets' : 'programs and libraries' })
  }
  for (const file of ETC_SECRETS)
    if (lstatOrUndefined(file)?.isFile()) rules.push({ path: file, access: 'hidden', file: true, why: 'a secret of the host (shown empty)' })
  for (const dir of ETC_SECRET_FOLDERS)
    if (lstatOrUndefined(dir)?.isDirectory()) rules.push({ path: dir, access: 'hidden', why: 'host keys or sudo rules (shown empty)' })
  return rules
}

/** The rules `--read-allow` adds: each an absolute, existing folder or file, shown read-only, recorded with the option's name. */
export function readAllowRules(entries: string[]): ContainmentRule[] {
  return entries.map((p) => ({ path: p, access: 'read' as const, why: '--read-allow (the user added it)' }))
}

/**
 * Check `--read-allow` entries (already split): absolute, normalized,
 * existing, and none of the folders that would show the host wholesale.
 * Throws InputError naming `option` and what is allowed.
 */
export function parseReadAllow(entries: string[], option: string): string[] {
  const out: string[] = []
  for (const raw of entries) {
    if (!path.isAbsolute(raw))
      throw new InputError(option, `'${raw}' is not an absolute path; allowed: absolute paths of existing folders or files, comma-separated`)
    const p = path.resolve(raw)
    if (NEVER_ALLOWED.includes(p))
      throw new InputError(option, `'${raw}' would show the host wholesale; name a folder below it (not ${NEVER_ALLOWED.join(', ')})`)
    if (!existsSync(p)) throw new InputError(option, `'${raw}' does not exist; allowed: existing folders or files`)
    out.push(p)
  }
  return out
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p)
  } catch {
    return undefined
  }
}
