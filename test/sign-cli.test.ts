// Signing through the CLI: `run --sign-key` refuses a bad key in one line
// before anything is written; a real run signed by `run --sign-key` passes
// `verify --allowed-signers` (its .sig and sidecar fit the ledger's rules and
// root) and plain ssh-keygen, holds no trace of the key, and fails both once
// the summary changes.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { SIGNATURE_FILE, signSummary } from '../src/ledger/sign.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'

let base: string
let repo: string
let key: string
let allowed: string

beforeAll(() => {
  ;({ base, repo } = fixtureRepo())
  key = path.join(base, 'sign_key')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci', '-f', key])
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret words', '-f', path.join(base, 'enc_key')])
  allowed = path.join(base, 'allowed_signers')
  writeFileSync(allowed, `ci@dogfood namespaces="opencode-dogfood" ${readFileSync(key + '.pub', 'utf8')}`)
})

describe('run --sign-key: bad keys are one line, exit 2, nothing written', () => {
  it('a missing file, a public key, an encrypted key, open permissions', () => {
    const open = path.join(base, 'open_key')
    writeFileSync(open, readFileSync(key))
    chmodSync(open, 0o644)
    for (const [file, re] of [
      [path.join(base, 'no_such_key'), /^opencode-dogfood: --sign-key: .*no_such_key: no such file/],
      [key + '.pub', /^opencode-dogfood: --sign-key: .*sign_key\.pub: is a public key/],
      [path.join(base, 'enc_key'), /^opencode-dogfood: --sign-key: .*enc_key: is encrypted with a passphrase/],
      [open, /^opencode-dogfood: --sign-key: .*open_key: permissions 0644 are too open/],
    ] as [string, RegExp][]) {
      const r = cli(['run', '--case', 'T1C01', '--sign-key', file], { cwd: repo })
      expect(r.status, r.stderr).toBe(2)
      expect(r.stderr).toMatch(re)
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(r.stdout).toBe('')
      expect(existsSync(ledgerDir(repo))).toBe(false)
    }
  })
})

describe('ssh-keygen missing', () => {
  it('run --sign-key and verify --allowed-signers name the option and the Debian package, exit 2', () => {
    const env = { PATH: path.join(base, 'empty-bin') }
    const r = cli(['run', '--case', 'T1C01', '--sign-key', key], { cwd: repo, env })
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('opencode-dogfood: --sign-key: ssh-keygen not found on PATH; install OpenSSH (Debian/Ubuntu: apt-get install -y openssh-client)\n')
    expect(existsSync(ledgerDir(repo))).toBe(false)
  })
})

describe('a signed real run', () => {
  it('passes verify --allowed-signers and plain ssh-keygen; a changed summary fails both', () => {
    const r = cli(['run', '--case', 'T1C01', '--sign-key', key], { cwd: repo })
    expect(r.status, r.stderr + r.stdout).toBe(0)
    const run = path.join(ledgerDir(repo), 'RUN_0001')
    expect(readFileSync(path.join(run, SIGNATURE_FILE), 'utf8')).toMatch(/^-----BEGIN SSH SIGNATURE-----\n/)
    // The private key is nowhere in the ledger or the output.
    const body = readFileSync(key, 'utf8')
      .split('\n')
      .filter((l) => l.length > 20 && !l.startsWith('-----'))
    const ledgerText = execFileSync('cat', execFileSync('find', [run, '-type', 'f']).toString().trim().split('\n')).toString()
    for (const l of body) {
      expect(ledgerText).not.toContain(l)
      expect(r.stdout + r.stderr).not.toContain(l)
    }
    // Signing again (as the lead's glue or a user would) replaces the signature; it still verifies.
    signSummary(run, key)
    const v = cli(['verify', run, '--allowed-signers', allowed])
    expect(v.stdout).toContain('run_summary.json signed by ci@dogfood')
    expect(v.stdout).toContain('ledger verified')
    expect(v.status, v.stdout + v.stderr).toBe(0)
    const plain = () =>
      spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', 'ci@dogfood', '-n', 'opencode-dogfood', '-s', path.join(run, SIGNATURE_FILE)], {
        input: readFileSync(path.join(run, 'run_summary.json')),
      }).status
    expect(plain()).toBe(0)
    // Reformat the summary (same JSON) and fix its sidecar, as a careful forger would.
    const summaryFile = path.join(run, 'run_summary.json')
    const text = JSON.stringify(JSON.parse(readFileSync(summaryFile, 'utf8')), null, 1) + '\n'
    writeFileSync(summaryFile, text)
    writeFileSync(summaryFile + '.sha256', `${execFileSync('sha256sum', [summaryFile]).toString().split(' ')[0]} *run_summary.json\n`)
    expect(plain()).not.toBe(0)
    const bad = cli(['verify', run, '--allowed-signers', allowed])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toMatch(/problem: run_summary\.json\.sig: does not verify for ci@dogfood/)
    // A missing allowed_signers file is bad input.
    const missing = cli(['verify', run, '--allowed-signers', path.join(base, 'nope')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/^opencode-dogfood: --allowed-signers: .*nope: no such file/)
    const noKeygen = cli(['verify', run, '--allowed-signers', allowed], { env: { PATH: path.join(base, 'empty-bin') } })
    expect(noKeygen.status).toBe(2)
    expect(noKeygen.stderr).toBe(
      'opencode-dogfood: --allowed-signers: ssh-keygen not found on PATH; install OpenSSH (Debian/Ubuntu: apt-get install -y openssh-client)\n',
    )
  })
})
