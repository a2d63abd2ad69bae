// The Action sets the runner's sandbox up itself, for real: the bundled
// dist/index.js run as on a GitHub-hosted runner (RUNNER_ENVIRONMENT), as
// root, with a PATH that has every tool of this machine but bwrap. The setup
// runs the real `apt-get install -y bubblewrap` (a quick no-op where the
// package is already installed, a real install where it is not), finds the
// packaged /usr/bin/bwrap, probes it, and the run is contained; what it read
// and did is runner_setup.json in the ledger, covered by its sidecar, the
// ledger root and `verify`. A bwrap that is refused (the Ubuntu 24.04 uid-map
// error) with nothing left to try stops the step before any case, in one line.
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunnerSetupRecord } from '../../src/action/runner-setup.js'
import { makeThrowawayRepo } from '../../src/demo.js'
import { verifyRun } from '../../src/ledger/verify.js'
import type { RunSummary } from '../../src/types.js'
import { startGitHubApi } from '../support/action/github-api.js'
import { node24 } from '../support/action/node24.js'
import { commands, runStep } from '../support/action/runner.js'

const node = node24()
const TOKEN = 'ghs_runnerSetupTokenNeverLogged0123'
const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')

/** A folder of links to every executable on PATH (node_modules left out, as a consumer's runner has none), bwrap excepted; `extra` adds files. */
function pathWithoutBwrap(base: string, extra: Record<string, string> = {}): string {
  const farm = path.join(base, 'bin')
  mkdirSync(farm)
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !d.includes('node_modules') && existsSync(d))
  const seen = new Set(Object.keys(extra))
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(path.join(farm, name), text)
    chmodSync(path.join(farm, name), 0o755)
  }
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (name === 'bwrap' || seen.has(name)) continue
      seen.add(name)
      symlinkSync(path.join(dir, name), path.join(farm, name))
    }
  }
  return farm
}

async function runHosted(name: string, extraBin: Record<string, string> = {}) {
  const repo = await makeThrowawayRepo(`opencode-dogfood-setup-${name}-`)
  const base = path.dirname(repo)
  const runnerTemp = path.join(base, 'runner-temp')
  mkdirSync(runnerTemp)
  const farm = pathWithoutBwrap(base, extraBin)
  const api = await startGitHubApi({ owner: 'o', repo: 'r' })
  try {
    const env = {
      PATH: farm,
      HOME: process.env.HOME ?? os.homedir(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_ENVIRONMENT: 'github-hosted',
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: runnerTemp,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_RUN_ID: '7001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: api.url,
    }
    // containment is not given: the Action's default (required) is what is tested.
    const main = await runStep({
      node: node.bin,
      entry: 'dist/index.js',
      inputs: { stages: 'T1', 'upload-artifact': 'false', 'github-token': TOKEN },
      env,
      dir: path.join(base, 'main'),
    })
    return { main, api, farm, base }
  } finally {
    await api.close()
  }
}

describe.runIf(canInstall)('the Action sets up containment on a GitHub-hosted runner (real apt-get, real bwrap, as root)', () => {
  it('bwrap not on PATH: apt-get install runs, /usr/bin/bwrap is found and works, the run is contained and runner_setup.json is in the ledger', async () => {
    const { main, farm } = await runHosted('install')
    // On failure: the step's error lines and the end of its log, not the (masked, long) beginning.
    expect(main.exitCode, `${commands(main.stdout, 'error').join('\n')}\n${main.stdout.slice(-3000)}\n${main.stderr.slice(-2000)}`).toBe(0)
    expect(existsSync(path.join(farm, 'bwrap'))).toBe(false)
    expect(main.stdout).toMatch(/runner setup: install: apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends bubblewrap → ok/)
    expect(main.stdout).toContain('runner setup: probe: /usr/bin/bwrap --ro-bind / / --dev /dev --proc /proc --unshare-pid … -- true → ok (bwrap works)')

    const ledger = main.outputs['ledger-path']
    const summary = JSON.parse(readFileSync(path.join(ledger, 'run_summary.json'), 'utf8')) as RunSummary
    expect(summary.final_verdict).toBe('PASS')
    expect(summary.containment).toBe('bwrap (required)')
    const policy = JSON.parse(readFileSync(path.join(ledger, 'evidence', 'T1C01', 'policy.json'), 'utf8')) as { containment: { mode: string } }
    expect(policy.containment.mode).toBe('bwrap (required)')
    expect(main.summary).not.toContain('UNCONTAINED')
    expect(commands(main.stdout, 'warning')).toEqual([])

    // The record: what was read (as this machine says it) and what was done.
    const rec = JSON.parse(readFileSync(path.join(ledger, 'runner_setup.json'), 'utf8')) as RunnerSetupRecord
    const proc = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').trim() : null)
    expect(rec).toMatchObject({
      schema_id: 'opencode_dogfood_runner_setup',
      runner: 'github-hosted',
      platform: 'linux',
      as_root: true,
      works: true,
      bwrap: '/usr/bin/bwrap',
    })
    expect(rec.facts).toEqual({
      kernel: os.release(),
      apparmor_restrict_unprivileged_userns: proc('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
      unprivileged_userns_clone: proc('/proc/sys/kernel/unprivileged_userns_clone'),
      max_user_namespaces: proc('/proc/sys/user/max_user_namespaces'),
      apparmor_enabled: existsSync('/sys/module/apparmor/parameters/enabled') ? proc('/sys/module/apparmor/parameters/enabled') === 'Y' : null,
    })
    expect(rec.steps.map((s) => [s.step, s.ok])).toEqual([
      ['install', true],
      ['probe', true],
    ])
    expect(execFileSync('dpkg-query', ['-W', '-f', '${Status}', 'bubblewrap'], { encoding: 'utf8' })).toBe('install ok installed')

    // Covered like every other file: its sidecar, the ledger root, verify.
    expect(readFileSync(path.join(ledger, 'runner_setup.json.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64} \*runner_setup\.json\n$/)
    expect(verifyRun(ledger, { root: main.outputs['ledger-root'] })).toEqual([])
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'setup-tamper-')), path.basename(ledger))
    cpSync(ledger, copy, { recursive: true })
    writeFileSync(path.join(copy, 'runner_setup.json'), JSON.stringify({ ...rec, steps: [] }, null, 2) + '\n')
    expect(verifyRun(copy).join('\n')).toMatch(/runner_setup\.json: sha256 does not match its sidecar/)
  }, 600_000)

  it('bwrap refused (uid map) and nothing left to try: the step fails before any case, in one line naming what is missing and the fix', async () => {
    // A bwrap that answers as Ubuntu 24.04's does under its AppArmor rule; no AppArmor or userns sysctl here to lift.
    const refused = "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n"
    const { main, api, farm } = await runHosted('refused', { bwrap: refused })
    expect(main.exitCode).toBe(1)
    const errors = commands(main.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).not.toContain('%0A')
    expect(errors[0]).toMatch(
      /^containment: required \(the default\), but bwrap cannot create user namespaces here \(bwrap: setting up uid map: Permission denied\); fix: .+; or set containment: auto to run uncontained and say so$/,
    )
    expect(main.stdout).toContain(`runner setup: probe: ${farm}/bwrap --ro-bind / /`)
    // No case ran: no ledger, no verdict; the check run is closed, never left spinning.
    expect(main.outputs['ledger-path'] ?? '').toBe('')
    expect(main.outputs.verdict ?? '').toBe('')
    expect(api.checkRuns).toHaveLength(1)
    expect(api.checkRuns[0]).toMatchObject({ conclusion: 'failure', history: ['in_progress', 'completed'] })
    expect(String(api.checkRuns[0].output?.summary)).toMatch(/^containment: required \(the default\), but bwrap cannot create user namespaces/)
    // The token only in the runner's mask command, nowhere else.
    expect(main.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
  }, 300_000)
})
