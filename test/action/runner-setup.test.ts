// The runner setup's policy with an injected machine: what it runs, in what
// order, on which runner, and what it records. (The real commands run in
// runner-setup-e2e.test.ts.)
import { describe, expect, it } from 'vitest'
import { prepareContainment } from '../../src/action/containment.js'
import type { CommandResult, RunnerHost } from '../../src/action/runner-host.js'
import { minimalProfile, PACKAGED_PROFILE, PROFILE_FILE, runnerKind, setUpRunner } from '../../src/action/runner-setup.js'
import { InputError } from '../../src/errors.js'
import type { BwrapProbe } from '../../src/sandbox/mechanism.js'

const OK: CommandResult = { status: 0, stdout: '', stderr: '' }
const UIDMAP: BwrapProbe = { ok: false, error: 'bwrap: setting up uid map: Permission denied' }
const UBUNTU: Record<string, string> = {
  '/proc/sys/kernel/osrelease': '6.8.0-1017-azure',
  '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1',
  '/proc/sys/user/max_user_namespaces': '63705',
  '/sys/module/apparmor/parameters/enabled': 'Y',
}

interface Fake extends RunnerHost {
  calls: string[]
  inputs: (string | undefined)[]
}

/** A machine whose commands answer from `answer` (default: success); bwrap appears after a successful apt-get install. */
function fake(o: {
  platform?: NodeJS.Platform
  root?: boolean
  files?: Record<string, string>
  tools?: string[]
  bwrap?: boolean
  probes?: BwrapProbe[]
  answer?: (line: string) => CommandResult
}): Fake {
  let bwrap = o.bwrap ?? true
  const probes = [...(o.probes ?? [{ ok: true }])]
  const files = o.files ?? UBUNTU
  const tools = o.tools ?? ['apt-get', 'apparmor_parser', 'sysctl']
  const host: Fake = {
    calls: [],
    inputs: [],
    platform: o.platform ?? 'linux',
    isRoot: o.root ?? false,
    run(command, args, input) {
      const line = [command, ...args].join(' ')
      host.calls.push(line)
      host.inputs.push(input)
      const r = o.answer?.(line) ?? OK
      if (r.status === 0 && / install .*bubblewrap$/.test(line)) bwrap = true
      return r
    },
    read: (f) => files[f],
    which: (name) => (name === 'bwrap' ? (bwrap ? '/usr/bin/bwrap' : undefined) : tools.includes(name) ? `/usr/bin/${name}` : undefined),
    exists: (f) => f in files || (f === '/usr/bin/bwrap' && bwrap),
    probe: () => probes.shift() ?? UIDMAP,
  }
  return host
}
const HOSTED = { RUNNER_ENVIRONMENT: 'github-hosted' }
const SELF = { RUNNER_ENVIRONMENT: 'self-hosted' }
const SUDO_PASSWORD: CommandResult = { status: 1, stdout: '', stderr: 'sudo: a password is required\n' }

describe('runner setup policy', () => {
  it('github-hosted, bwrap missing: install through sudo -n, then probe; nothing else', () => {
    const h = fake({ bwrap: false })
    const r = setUpRunner(h, { env: HOSTED })
    expect(h.calls).toEqual(['sudo -n apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends bubblewrap'])
    expect(r.steps.map((s) => [s.step, s.ok])).toEqual([
      ['install', true],
      ['probe', true],
    ])
    expect(r).toMatchObject({ runner: 'github-hosted', works: true, bwrap: '/usr/bin/bwrap', as_root: false })
    expect(r.missing).toBeUndefined()
    expect(r.facts).toEqual({
      kernel: '6.8.0-1017-azure',
      apparmor_restrict_unprivileged_userns: '1',
      unprivileged_userns_clone: null,
      max_user_namespaces: '63705',
      apparmor_enabled: true,
    })
  })

  it('as root: no sudo; an install that fails for lack of package lists runs apt-get update once, then installs', () => {
    let installs = 0
    const h = fake({
      root: true,
      bwrap: false,
      answer: (l) =>
        / install /.test(l) && installs++ === 0
          ? { status: 100, stdout: '', stderr: 'Reading package lists...\nE: Unable to locate package bubblewrap\n' }
          : OK,
    })
    const r = setUpRunner(h, { env: HOSTED })
    expect(
      h.calls.map((c) =>
        c
          .split(' ')
          .filter((w) => !w.startsWith('-') && !w.includes('Timeout'))
          .join(' '),
      ),
    ).toEqual(['apt-get install bubblewrap', 'apt-get update', 'apt-get install bubblewrap'])
    expect(h.calls.some((c) => c.startsWith('sudo'))).toBe(false)
    expect(r.steps[0]).toMatchObject({ step: 'install', ok: false, detail: 'E: Unable to locate package bubblewrap' })
    expect(r.works).toBe(true)
  })

  it('bwrap refused (uid map): the AppArmor profile for bwrap alone first, then the sysctl, probing after each', () => {
    const h = fake({ probes: [UIDMAP, UIDMAP, { ok: true }] })
    const r = setUpRunner(h, { env: HOSTED })
    expect(h.calls).toEqual([
      `sudo -n tee ${PROFILE_FILE}`,
      `sudo -n apparmor_parser -r ${PROFILE_FILE}`,
      'sudo -n sysctl -w kernel.apparmor_restrict_unprivileged_userns=0',
    ])
    expect(h.inputs[0]).toBe(minimalProfile('/usr/bin/bwrap'))
    expect(h.inputs[0]).toMatch(
      /^abi <abi\/4\.0>,\ninclude <tunables\/global>\n\nprofile opencode-dogfood-bwrap \/usr\/bin\/bwrap flags=\(unconfined\) \{\n {2}userns,\n\}\n$/,
    )
    expect(r.steps.map((s) => `${s.step}:${s.ok}`)).toEqual([
      'probe:false',
      'apparmor-profile:true',
      'apparmor-profile:true',
      'probe:false',
      'sysctl:true',
      'probe:true',
    ])
    expect(r.works).toBe(true)
  })

  it('the profile works: it stops there (no sysctl); the packaged bwrap-userns-restrict is tried before the minimal one', () => {
    const h = fake({ files: { ...UBUNTU, [PACKAGED_PROFILE]: 'abi <abi/4.0>,\nprofile bwrap /usr/bin/bwrap {}' }, probes: [UIDMAP, UIDMAP, { ok: true }] })
    const r = setUpRunner(h, { env: HOSTED })
    expect(h.calls).toEqual([
      `sudo -n tee ${PROFILE_FILE}`,
      `sudo -n apparmor_parser -r ${PROFILE_FILE}`,
      `sudo -n tee ${PROFILE_FILE}`,
      `sudo -n apparmor_parser -r ${PROFILE_FILE}`,
    ])
    expect(h.inputs[0]).toBe('abi <abi/4.0>,\nprofile bwrap /usr/bin/bwrap {}\n')
    expect(h.inputs[2]).toBe(minimalProfile('/usr/bin/bwrap'))
    expect(r.works).toBe(true)
    expect(h.calls.join()).not.toContain('sysctl')
  })

  it('AppArmor off: no profile; the sysctl still lifts an unprivileged_userns_clone=0 (older Debian kernels)', () => {
    const h = fake({ files: { '/proc/sys/kernel/unprivileged_userns_clone': '0' }, probes: [UIDMAP, { ok: true }] })
    const r = setUpRunner(h, { env: HOSTED })
    expect(h.calls).toEqual(['sudo -n sysctl -w kernel.unprivileged_userns_clone=1'])
    expect(r.works).toBe(true)
  })

  it('self-hosted: only sudo -n (never a prompt); a refusal is "cannot", said in one line naming what is missing and the fix', () => {
    const h = fake({ bwrap: false, answer: () => SUDO_PASSWORD })
    const r = setUpRunner(h, { env: SELF })
    expect(h.calls).toEqual(['sudo -n apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends bubblewrap'])
    expect(r.works).toBe(false)
    expect(r.missing).not.toContain('\n')
    expect(r.missing).toMatch(
      /^bubblewrap \(bwrap\) is not installed and could not be installed \(sudo refused without a password: sudo: a password is required\); fix: sudo apt-get install -y bubblewrap$/,
    )
  })

  it('self-hosted, bwrap refused: the profile through sudo -n; the machine-wide sysctl is named as the fix, never run', () => {
    const h = fake({ answer: () => SUDO_PASSWORD, probes: [UIDMAP] })
    const r = setUpRunner(h, { env: SELF })
    expect(h.calls).toEqual([`sudo -n tee ${PROFILE_FILE}`])
    expect(r.works).toBe(false)
    expect(r.missing).not.toContain('\n')
    expect(r.missing).toMatch(
      /^bwrap cannot create user namespaces here \(bwrap: setting up uid map: Permission denied\); fix: sudo sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile letting \/usr\/bin\/bwrap/,
    )
  })

  it('not Linux: nothing is run or read; one line says why', () => {
    const h = fake({ platform: 'darwin', bwrap: false })
    h.read = () => {
      throw new Error('read on darwin')
    }
    const r = setUpRunner(h, { env: HOSTED })
    expect(h.calls).toEqual([])
    expect(r.works).toBe(false)
    expect(r.missing).toMatch(/^no sandbox mechanism on darwin .*containment: off$/)
  })

  it('no apt-get: says so without running anything', () => {
    const h = fake({ bwrap: false, tools: [] })
    const r = setUpRunner(h, { env: HOSTED })
    expect(h.calls).toEqual([])
    expect(r.missing).toMatch(/no apt-get here; fix: install bubblewrap/)
  })

  it('the runner kind: RUNNER_ENVIRONMENT, else a GitHub image under Actions, else local', () => {
    expect(runnerKind(HOSTED)).toBe('github-hosted')
    expect(runnerKind(SELF)).toBe('self-hosted')
    expect(runnerKind({ GITHUB_ACTIONS: 'true', ImageOS: 'ubuntu24' })).toBe('github-hosted')
    expect(runnerKind({ GITHUB_ACTIONS: 'true' })).toBe('self-hosted')
    expect(runnerKind({})).toBe('local')
  })
})

describe('the Action around it (prepareContainment)', () => {
  const quiet = { log: () => {}, warn: () => {} }
  it('off, or a server of the user’s: nothing is set up, nothing run', () => {
    const h = fake({ bwrap: false })
    expect(prepareContainment({ mode: 'off', env: HOSTED, host: h, ...quiet })).toEqual({})
    expect(prepareContainment({ mode: 'required', serverUrl: 'http://127.0.0.1:4096', env: HOSTED, host: h, ...quiet })).toEqual({})
    expect(h.calls).toEqual([])
  })

  it('required (the default) and no sandbox: an InputError of one line naming the input, what is missing and the fix', () => {
    const h = fake({ answer: () => SUDO_PASSWORD, probes: [UIDMAP] })
    let err: unknown
    try {
      prepareContainment({ mode: 'required', env: SELF, host: h, ...quiet })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    const msg = (err as InputError).message
    expect(msg).not.toContain('\n')
    expect(msg).toMatch(
      /^containment: required \(the default\), but bwrap cannot create user namespaces here \(bwrap: setting up uid map: Permission denied\); fix: sudo sysctl -w kernel\.apparmor_restrict_unprivileged_userns=0, .*; or set containment: auto/,
    )
  })

  it('auto and no sandbox: one warning line, the record for the ledger, no bwrap', () => {
    const warnings: string[] = []
    const r = prepareContainment({
      mode: 'auto',
      env: SELF,
      host: fake({ answer: () => SUDO_PASSWORD, probes: [UIDMAP] }),
      log: () => {},
      warn: (l) => warnings.push(l),
    })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^containment: bwrap cannot create user namespaces here/)
    expect(r.bwrapPath).toBeUndefined()
    expect(r.record?.works).toBe(false)
  })

  it('works: the bwrap to use and the record', () => {
    const r = prepareContainment({ mode: 'required', env: HOSTED, host: fake({}), ...quiet })
    expect(r.bwrapPath).toBe('/usr/bin/bwrap')
    expect(r.record?.steps.map((s) => s.step)).toEqual(['probe'])
  })
})
