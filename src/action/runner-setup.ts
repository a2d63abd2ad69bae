// The runner setup's policy: what the Action tries, in what order, on which
// runner, so that bubblewrap works before the run (runner-host.ts runs the
// commands). It stops at the first step after which bwrap works:
//   1. bwrap missing: apt-get install -y bubblewrap (apt-get update once if
//      the package lists are missing);
//   2. bwrap refused (user namespaces): an AppArmor profile for that bwrap
//      only (the packaged bwrap-userns-restrict, else a minimal one);
//   3. still refused, GitHub-hosted only: the sysctl that lifts the
//      restriction for the whole machine (a throwaway VM there).
// Privileged steps run as root when we are root, else through `sudo -n`: a
// password prompt is never shown, a refusal is "cannot". Self-hosted runners
// are someone's machine: the machine-wide sysctl is named as the fix, not run.
import type { CommandResult, RunnerHost } from './runner-host.js'
import { usernsRefused } from '../sandbox/mechanism.js'

/** The record of a setup whose bwrap works now. */
function worked<T extends { works: boolean }>(rec: T): T {
  rec.works = true
  return rec
}

export type RunnerKind = 'github-hosted' | 'self-hosted' | 'local'

/** One step the setup took, as recorded in runner_setup.json. */
export interface SetupStep {
  step: 'probe' | 'install' | 'apt-update' | 'apparmor-profile' | 'sysctl'
  /** The command line, as run. */
  command: string
  ok: boolean
  /** First line of the command's complaint, or what it achieved. */
  detail: string
}

/** What the kernel and AppArmor said before any step (null: not readable here). */
export interface KernelFacts {
  kernel: string | null
  apparmor_restrict_unprivileged_userns: string | null
  unprivileged_userns_clone: string | null
  max_user_namespaces: string | null
  apparmor_enabled: boolean | null
}

/** The "runner setup" record (the ledger's runner_setup.json). */
export interface RunnerSetupRecord {
  schema_id: 'opencode_dogfood_runner_setup'
  schema_version: 1
  runner: RunnerKind
  platform: string
  as_root: boolean
  facts: KernelFacts
  steps: SetupStep[]
  /** bwrap works here (after the steps). */
  works: boolean
  /** The bwrap that works (or was found), when any. */
  bwrap?: string
  /** One line: what is missing and the fix, when bwrap does not work. */
  missing?: string
}

/** Where Debian/Ubuntu install bwrap; looked at when PATH has none. */
export const PACKAGE_BWRAP = '/usr/bin/bwrap'
/** The profile apparmor-profiles ships (Ubuntu 24.04, AppArmor 4). */
export const PACKAGED_PROFILE = '/usr/share/apparmor/extra-profiles/bwrap-userns-restrict'
/** Where our profile is written. */
export const PROFILE_FILE = '/etc/apparmor.d/opencode-dogfood-bwrap'
// A fresh runner's unattended upgrades may hold dpkg's lock for a while: wait for it rather than fail.
const APT_INSTALL = ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '--no-install-recommends', 'bubblewrap']
const APT_UPDATE = ['-o', 'DPkg::Lock::Timeout=120', 'update']
const RESTRICT_KNOB = 'kernel.apparmor_restrict_unprivileged_userns'
const CLONE_KNOB = 'kernel.unprivileged_userns_clone'

/** The smallest profile that lets `bwrap` (and only that file) create user namespaces. */
export function minimalProfile(bwrap: string): string {
  return `abi <abi/4.0>,\ninclude <tunables/global>\n\nprofile opencode-dogfood-bwrap ${bwrap} flags=(unconfined) {\n  userns,\n}\n`
}

/** RUNNER_ENVIRONMENT as the runner sets it; without it, a GitHub image (ImageOS) under Actions is hosted, anything else local. */
export function runnerKind(env: NodeJS.ProcessEnv): RunnerKind {
  if (env.RUNNER_ENVIRONMENT === 'github-hosted') return 'github-hosted'
  if (env.RUNNER_ENVIRONMENT === 'self-hosted') return 'self-hosted'
  if (env.GITHUB_ACTIONS === 'true' && env.ImageOS) return 'github-hosted'
  return env.GITHUB_ACTIONS === 'true' ? 'self-hosted' : 'local'
}

/** What the kernel says; nothing is changed. */
export function readFacts(host: RunnerHost): KernelFacts {
  const enabled = host.read('/sys/module/apparmor/parameters/enabled')
  return {
    kernel: host.read('/proc/sys/kernel/osrelease') ?? null,
    apparmor_restrict_unprivileged_userns: host.read(`/proc/sys/${RESTRICT_KNOB.replace(/\./g, '/')}`) ?? null,
    unprivileged_userns_clone: host.read(`/proc/sys/${CLONE_KNOB.replace(/\./g, '/')}`) ?? null,
    max_user_namespaces: host.read('/proc/sys/user/max_user_namespaces') ?? null,
    apparmor_enabled: enabled === undefined ? null : enabled === 'Y',
  }
}

function firstLine(r: CommandResult): string {
  const text = (r.stderr.trim() || r.stdout.trim() || `exit ${r.status}`).split('\n')
  // apt-get's last line is the one that says why.
  return (text.find((l) => /^E: /.test(l)) ?? text[0]).trim()
}

/** sudo said it would need a password (or is not allowed): the step cannot be taken without asking. */
function sudoRefused(r: CommandResult): boolean {
  return (
    /sudo: a password is required|sudo: .*not allowed|is not in the sudoers|sudo: a terminal is required/i.test(r.stderr) ||
    (r.status === null && /sudo/.test(r.stderr) && /ENOENT/.test(r.stderr))
  )
}

/** Options of setUpRunner. */
export interface SetupOptions {
  env: NodeJS.ProcessEnv
  /** Progress lines (the Action logs them). */
  log?: (line: string) => void
}

/**
 * Make bubblewrap work on this runner, the narrowest way that works, and
 * record what was read and done. Never throws: a step that fails is recorded
 * and the next one is tried; when none works, `missing` says in one line
 * what is missing and the fix. Not Linux: nothing is done (`works` false).
 */
export function setUpRunner(host: RunnerHost, opts: SetupOptions): RunnerSetupRecord {
  const log = opts.log ?? (() => {})
  const kind = runnerKind(opts.env)
  const rec: RunnerSetupRecord = {
    schema_id: 'opencode_dogfood_runner_setup',
    schema_version: 1,
    runner: kind,
    platform: host.platform,
    as_root: host.isRoot,
    facts:
      host.platform === 'linux'
        ? readFacts(host)
        : { kernel: null, apparmor_restrict_unprivileged_userns: null, unprivileged_userns_clone: null, max_user_namespaces: null, apparmor_enabled: null },
    steps: [],
    works: false,
  }
  if (host.platform !== 'linux') {
    rec.missing = `no sandbox mechanism on ${host.platform} (bubblewrap is Linux-only); fix: run on a Linux runner, or containment: off`
    return rec
  }
  const step = (s: SetupStep): SetupStep => {
    rec.steps.push(s)
    log(`runner setup: ${s.step}: ${s.command} → ${s.ok ? 'ok' : 'failed'}${s.detail ? ` (${s.detail})` : ''}`)
    return s
  }
  // Privileged: as root directly, else sudo without a prompt.
  const priv = (name: SetupStep['step'], command: string, args: string[], input?: string): SetupStep & { refused: boolean } => {
    const argv = host.isRoot ? [command, ...args] : ['sudo', '-n', command, ...args]
    const r = host.run(argv[0], argv.slice(1), input)
    const refused = !host.isRoot && sudoRefused(r)
    const s = step({
      step: name,
      command: argv.join(' '),
      ok: r.status === 0,
      detail: r.status === 0 ? '' : refused ? `sudo refused without a password: ${firstLine(r)}` : firstLine(r),
    })
    return { ...s, refused }
  }
  const probe = (bwrap: string): string | undefined => {
    const p = host.probe(bwrap)
    step({ step: 'probe', command: `${bwrap} --ro-bind / / --dev /dev --proc /proc --unshare-pid … -- true`, ok: p.ok, detail: p.ok ? 'bwrap works' : p.error })
    return p.ok ? undefined : p.error
  }
  const fail = (missing: string): RunnerSetupRecord => {
    rec.missing = missing
    log(`runner setup: cannot contain: ${missing}`)
    return rec
  }
  const found = (): string | undefined => host.which('bwrap') ?? (host.exists(PACKAGE_BWRAP) ? PACKAGE_BWRAP : undefined)

  // 1. bubblewrap present?
  let bwrap = host.which('bwrap')
  if (!bwrap) {
    if (!host.which('apt-get'))
      return fail('bubblewrap (bwrap) is not installed and there is no apt-get here; fix: install bubblewrap with the system package manager')
    let install = priv('install', 'apt-get', APT_INSTALL)
    if (!install.ok && !install.refused) {
      // Fresh runner images ship without package lists: fetch them once and try again.
      const update = priv('apt-update', 'apt-get', APT_UPDATE)
      if (update.ok) install = priv('install', 'apt-get', APT_INSTALL)
    }
    bwrap = found()
    if (!bwrap)
      return fail(
        `bubblewrap (bwrap) is not installed and could not be installed (${install.detail || 'bwrap still not found'}); fix: sudo apt-get install -y bubblewrap`,
      )
  }
  rec.bwrap = bwrap
  let error = probe(bwrap)
  if (!error) return worked(rec)
  if (!usernsRefused(error)) return fail(`bwrap does not work here (${error}); fix: check that ${bwrap} is bubblewrap and runs: ${bwrap} --ro-bind / / true`)

  // 2. An AppArmor profile that lets this bwrap alone create user namespaces.
  const profileFix = `an AppArmor profile letting ${bwrap} create user namespaces (${PROFILE_FILE}: ${minimalProfile(bwrap).replace(/\n\s*/g, ' ').trim()}) loaded with sudo apparmor_parser -r`
  if (rec.facts.apparmor_enabled && host.which('apparmor_parser')) {
    // The packaged profile (it also confines what runs inside) first, when it is there and matches this bwrap; else the minimal one.
    const packaged = bwrap === PACKAGE_BWRAP && host.exists(PACKAGED_PROFILE) ? host.read(PACKAGED_PROFILE) : undefined
    for (const text of [packaged, minimalProfile(bwrap)]) {
      if (text === undefined) continue
      const write = priv('apparmor-profile', 'tee', [PROFILE_FILE], text.endsWith('\n') ? text : text + '\n')
      if (!write.ok) break
      if (!priv('apparmor-profile', 'apparmor_parser', ['-r', PROFILE_FILE]).ok) continue
      error = probe(bwrap)
      if (!error) return worked(rec)
    }
  }

  // 3. The machine-wide switch: only where the machine is thrown away after the job.
  const knob =
    rec.facts.apparmor_restrict_unprivileged_userns === '1' ? `${RESTRICT_KNOB}=0` : rec.facts.unprivileged_userns_clone === '0' ? `${CLONE_KNOB}=1` : undefined
  if (knob && kind === 'github-hosted') {
    const s = priv('sysctl', 'sysctl', ['-w', knob])
    if (s.ok) error = probe(bwrap)
    if (!error) return worked(rec)
  }
  const fix = knob
    ? `sudo sysctl -w ${knob}, or ${profileFix}`
    : rec.facts.max_user_namespaces === '0'
      ? 'sudo sysctl -w user.max_user_namespaces=15000'
      : rec.facts.apparmor_enabled
        ? profileFix
        : 'user namespaces are refused by neither AppArmor nor a sysctl here (a container’s seccomp filter?): run the job on the runner itself, not in a container'
  return fail(`bwrap cannot create user namespaces here (${error}); fix: ${fix}`)
}
