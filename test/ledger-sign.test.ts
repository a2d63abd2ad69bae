// SSHSIG signing of run_summary.json with the real ssh-keygen: what a signed
// summary passes (plain ssh-keygen -Y verify and verifySignature) and what it
// must not (any change to the summary, a wrong namespace, a signer not allowed),
// and the key problems that must fail in one line without ever prompting.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyRun } from '../src/ledger/verify.js'
import { sha256 } from '../src/fsutil.js'
import {
  checkSignKey,
  inspectPrivateKey,
  SIGNATURE_FILE,
  SIGNATURE_NAMESPACE,
  signSummary,
  SignKeyError,
  sshKeygen,
  SshKeygenMissingError,
  verifySignature,
} from '../src/ledger/sign.js'

let dir: string
let key: string
let otherKey: string
let encKey: string
let allowed: string

function newKey(name: string, passphrase = ''): string {
  const f = path.join(dir, name)
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', f])
  return f
}

/** A run folder holding a summary (as the run writes it) and its sidecar. */
function runFolder(name: string): string {
  const run = path.join(dir, `run-${name}`, 'RUN_0001')
  mkdirSync(run, { recursive: true })
  const summary = {
    schema_id: 'opencode_dogfood_run_summary',
    schema_version: '1.0',
    run_id: 'RUN_0001',
    repo_commit: 'a'.repeat(40),
    total_cases: 1,
    passed: 1,
    failed: 0,
    skipped: 0,
    final_verdict: 'PASS',
    cases: [],
  }
  const text = JSON.stringify(summary, null, 2) + '\n'
  writeFileSync(path.join(run, 'run_summary.json'), text)
  writeFileSync(path.join(run, 'run_summary.json.sha256'), `${sha256(text)} *run_summary.json\n`)
  return run
}

/** Plain OpenSSH, as the README tells an auditor to run it. */
function plainVerify(run: string, principal = 'ci@dogfood', namespace = SIGNATURE_NAMESPACE): number {
  const r = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', principal, '-n', namespace, '-s', path.join(run, SIGNATURE_FILE)], {
    input: readFileSync(path.join(run, 'run_summary.json')),
    encoding: 'utf8',
  })
  return r.status ?? -1
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-sign-'))
  key = newKey('signer')
  otherKey = newKey('stranger')
  encKey = newKey('encrypted', 'a passphrase')
  allowed = path.join(dir, 'allowed_signers')
  writeFileSync(allowed, `ci@dogfood namespaces="${SIGNATURE_NAMESPACE}" ${readFileSync(key + '.pub', 'utf8')}`)
})

describe('signSummary / verifySignature', () => {
  it('a signed summary passes plain ssh-keygen -Y verify and verifySignature, and the ledger rule of a sidecar per file', () => {
    const run = runFolder('good')
    const sig = signSummary(run, key)
    expect(sig).toBe(path.join(run, SIGNATURE_FILE))
    expect(readFileSync(sig, 'utf8')).toMatch(/^-----BEGIN SSH SIGNATURE-----\n[\s\S]+-----END SSH SIGNATURE-----\n$/)
    expect(readFileSync(sig + '.sha256', 'utf8')).toBe(`${sha256(readFileSync(sig))} *${SIGNATURE_FILE}\n`)
    expect(plainVerify(run)).toBe(0)
    expect(verifySignature(run, allowed)).toEqual({ ok: true, principal: 'ci@dogfood' })
    // verify's own sidecar rule holds for the .sig (its other problems are about this synthetic summary).
    expect(verifyRun(run).filter((p) => p.includes('.sig'))).toEqual([])
    // Signing again replaces the signature (ssh-keygen alone would ask, get no answer, and keep the old one).
    writeFileSync(sig, 'stale')
    signSummary(run, key)
    expect(verifySignature(run, allowed).ok).toBe(true)
  })

  it('any change to run_summary.json is rejected: a flipped byte, the same JSON reformatted', () => {
    const run = runFolder('changed')
    signSummary(run, key)
    const file = path.join(run, 'run_summary.json')
    const original = readFileSync(file)
    for (const at of [0, Math.floor(original.length / 2), original.length - 1]) {
      const flipped = Buffer.from(original)
      flipped[at] ^= 0x01
      writeFileSync(file, flipped)
      expect(plainVerify(run), `byte ${at}`).not.toBe(0)
      const check = verifySignature(run, allowed)
      expect(check.ok, `byte ${at}`).toBe(false)
      expect(check.error).toMatch(/does not verify/)
    }
    writeFileSync(file, JSON.stringify(JSON.parse(original.toString('utf8'))) + '\n')
    expect(plainVerify(run)).not.toBe(0)
    expect(verifySignature(run, allowed).ok).toBe(false)
    writeFileSync(file, original)
    expect(verifySignature(run, allowed).ok).toBe(true)
  })

  it('a signature made for another namespace is rejected', () => {
    const run = runFolder('namespace')
    const r = sshKeygen(['-Y', 'sign', '-f', key, '-n', 'file', 'run_summary.json'], { cwd: run })
    expect(r.status).toBe(0)
    expect(existsSync(path.join(run, SIGNATURE_FILE))).toBe(true)
    expect(plainVerify(run)).not.toBe(0)
    const check = verifySignature(run, allowed)
    expect(check.ok).toBe(false)
    expect(check.error).toMatch(/opencode-dogfood|not in/)
  })

  it('a signer that is not in allowed_signers is rejected', () => {
    const run = runFolder('stranger')
    signSummary(run, otherKey)
    expect(plainVerify(run)).not.toBe(0)
    const check = verifySignature(run, allowed)
    expect(check).toMatchObject({ ok: false })
    expect(check.error).toContain('not in')
    expect(check.principal).toBeUndefined()
  })

  it('an unsigned run and a missing allowed_signers file are named', () => {
    const run = runFolder('unsigned')
    expect(verifySignature(run, allowed)).toEqual({ ok: false, error: `${SIGNATURE_FILE}: missing (the run was not signed)` })
    expect(() => verifySignature(run, path.join(dir, 'nope'))).toThrow(/--allowed-signers: .*nope: no such file/)
  })
})

describe('sign key checks (one line each, no prompt)', () => {
  it('names a missing file, a public key, a PEM key, an encrypted key and open permissions', () => {
    const expectKeyError = (file: string, re: RegExp) => {
      let err: unknown
      try {
        checkSignKey(file)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(SignKeyError)
      expect((err as Error).name).toBe('SignKeyError')
      expect((err as Error).message).toMatch(re)
      expect((err as Error).message).not.toContain('\n')
      // The key never shows in a message.
      if (existsSync(file))
        for (const line of readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.length > 20 && !l.startsWith('-----')))
          expect((err as Error).message).not.toContain(line)
    }
    expectKeyError(path.join(dir, 'missing'), /^--sign-key: .*missing: no such file/)
    expectKeyError(key + '.pub', /is a public key/)
    const pem = path.join(dir, 'pem')
    writeFileSync(pem, '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n', { mode: 0o600 })
    expectKeyError(pem, /PEM private key, not an OpenSSH one/)
    const junk = path.join(dir, 'junk')
    writeFileSync(junk, 'hello\n', { mode: 0o600 })
    expectKeyError(junk, /not an OpenSSH private key/)
    expectKeyError(encKey, /is encrypted with a passphrase \(aes256-ctr\)/)
    const open = path.join(dir, 'open')
    writeFileSync(open, readFileSync(key))
    chmodSync(open, 0o644)
    expectKeyError(open, /permissions 0644 are too open.*chmod 600/)
    expect(checkSignKey(key)).toBe(key)
    expect(inspectPrivateKey(readFileSync(key, 'utf8'))).toBeUndefined()
  })

  it('ssh-keygen on an encrypted key fails at once instead of prompting (no tty, stdin closed)', () => {
    const run = runFolder('prompt')
    const t0 = Date.now()
    const r = sshKeygen(['-Y', 'sign', '-f', encKey, '-n', SIGNATURE_NAMESPACE, 'run_summary.json'], { cwd: run })
    expect(r.status).not.toBe(0)
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(existsSync(path.join(run, SIGNATURE_FILE))).toBe(false)
  })

  it('ssh-keygen missing names the Debian package', () => {
    const saved = process.env.PATH
    process.env.PATH = path.join(dir, 'empty-bin')
    try {
      expect(() => checkSignKey(key)).toThrow(SshKeygenMissingError)
      expect(() => signSummary(runFolder('nokeygen'), key)).toThrow(/openssh-client/)
    } finally {
      process.env.PATH = saved
    }
  })
})
