// SSHSIG signatures of a run summary with the standard tool, so anyone can
// check a downloaded ledger with plain OpenSSH:
//
//   ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n opencode-dogfood \
//     -s run_summary.json.sig < run_summary.json
//
// Shapes: signSummary(runDir, keyFile) writes RUN_XXXX/run_summary.json.sig
// (the armored SSHSIG of run_summary.json, namespace `opencode-dogfood`) and its
// `.sha256` sidecar, and returns the .sig path; verifySignature(runDir,
// allowedSigners) → {ok, principal?, error?}. checkSignKey(file, input) is the
// up-front check of `--sign-key` (and of the Action's `sign-key`, through
// inspectPrivateKey on the content).
// Errors: SignKeyError (an InputError: missing file, not an OpenSSH private
// key, encrypted, permissions too open), SshKeygenMissingError (an InputError
// of the option that needs it: no ssh-keygen, Debian package openssh-client),
// SigningError (ssh-keygen ran and failed).
// Source of the formats: OpenSSH PROTOCOL.sshsig and PROTOCOL.key
// (openssh-key-v1: magic, then the cipher name; "none" means unencrypted).
// ssh-keygen never gets a terminal: stdin is closed, it runs in its own session
// (no controlling tty to prompt on), SSH_ASKPASS is disabled and the agent
// socket removed, and each call is bounded — no passphrase prompt can hang.
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process'
import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import { writeSidecar } from './sidecar.js'

export const SIGNATURE_NAMESPACE = 'opencode-dogfood'
export const SUMMARY_FILE = 'run_summary.json'
/** Written next to the summary; it gets a `.sha256` sidecar like every ledger file. */
export const SIGNATURE_FILE = 'run_summary.json.sig'
/** Bound on one ssh-keygen call. */
const SSH_KEYGEN_TIMEOUT_MS = 30_000

/** The --sign-key / sign-key input is unusable: names the input and what is needed. */
export class SignKeyError extends InputError {
  override name = 'SignKeyError'
}

/** ssh-keygen is not on PATH: an InputError of the option that needs it (bad environment, exit 2). */
export class SshKeygenMissingError extends InputError {
  override name = 'SshKeygenMissingError'
  constructor(input = 'ssh-keygen') {
    super(input, 'ssh-keygen not found on PATH; install OpenSSH (Debian/Ubuntu: apt-get install -y openssh-client)')
  }
}

/** ssh-keygen ran but did not sign (its own message, first line). */
export class SigningError extends Error {
  override name = 'SigningError'
}

const ARMOR_BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----'
const ARMOR_END = '-----END OPENSSH PRIVATE KEY-----'
const KEY_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1')

/**
 * What is wrong with a private key's text for unattended signing, or
 * undefined when it is an unencrypted OpenSSH private key. Never echoes the
 * key: the answers are fixed sentences.
 */
export function inspectPrivateKey(text: string): string | undefined {
  const t = text.replace(/\r\n/g, '\n').trim()
  if (!t.startsWith(ARMOR_BEGIN) || !t.endsWith(ARMOR_END)) {
    if (/-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(t) || /^(ssh-|ecdsa-|sk-)/.test(t)) return 'is a public key; give the private key (the file without .pub)'
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t))
      return 'is a PEM private key, not an OpenSSH one; convert it with ssh-keygen -p -f FILE (or make one: ssh-keygen -t ed25519 -N "" -f FILE)'
    return `is not an OpenSSH private key (it must start with '${ARMOR_BEGIN}'; make one with ssh-keygen -t ed25519 -N "" -f FILE)`
  }
  const body = Buffer.from(t.slice(ARMOR_BEGIN.length, -ARMOR_END.length).replace(/\s+/g, ''), 'base64')
  if (body.length < KEY_MAGIC.length + 4 || !body.subarray(0, KEY_MAGIC.length).equals(KEY_MAGIC))
    return 'is not an OpenSSH private key (its body is not openssh-key-v1)'
  const len = body.readUInt32BE(KEY_MAGIC.length)
  const cipher = body.subarray(KEY_MAGIC.length + 4, KEY_MAGIC.length + 4 + len).toString('latin1')
  if (cipher !== 'none') return `is encrypted with a passphrase (${cipher}); unattended signing needs a key without one (ssh-keygen -t ed25519 -N "" -f FILE)`
  return undefined
}

/** Throws SshKeygenMissingError (naming `input`, the option that needs it) when ssh-keygen cannot be started. */
export function requireSshKeygen(input?: string): void {
  const r = spawnSync('ssh-keygen', ['-?'], { stdio: 'ignore', timeout: SSH_KEYGEN_TIMEOUT_MS })
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new SshKeygenMissingError(input)
}

/** The key text as ssh-keygen wants it: LF line ends, one final newline. */
export function canonicalKeyText(value: string): string {
  return value.replace(/\r\n/g, '\n').trim() + '\n'
}

/** Validate a key's content (the Action's `sign-key` input, from a secret); returns it canonicalised. Throws SignKeyError / SshKeygenMissingError; never quotes the value. */
export function parseSignKeyContent(value: string, input = 'sign-key'): string {
  const problem = inspectPrivateKey(value)
  // The value is never quoted in the message: it is a secret.
  if (problem) throw new SignKeyError(input, `the value ${problem}; give the content of the private key file, from a secret`)
  requireSshKeygen(input)
  return canonicalKeyText(value)
}

/**
 * The up-front check of a key file (`--sign-key`): it exists, is a regular
 * file only its owner can read (ssh-keygen ignores it otherwise), holds an
 * unencrypted OpenSSH private key, and ssh-keygen is there to use it.
 * Returns the absolute path. Throws SignKeyError or SshKeygenMissingError.
 */
export function checkSignKey(file: string, input = '--sign-key'): string {
  const abs = path.resolve(file)
  if (!existsSync(abs)) throw new SignKeyError(input, `${file}: no such file; give an OpenSSH private key file (ssh-keygen -t ed25519 -N "" -f FILE)`)
  const st = statSync(abs)
  if (!st.isFile()) throw new SignKeyError(input, `${file}: not a file; give an OpenSSH private key file`)
  const problem = inspectPrivateKey(readFileSync(abs, 'utf8'))
  if (problem) throw new SignKeyError(input, `${file}: ${problem}`)
  // ssh-keygen's own rule (sshkey_perm_ok): a key of ours others can read is ignored.
  if (typeof process.getuid === 'function' && st.uid === process.getuid() && (st.mode & 0o077) !== 0)
    throw new SignKeyError(
      input,
      `${file}: permissions ${(st.mode & 0o777).toString(8).padStart(4, '0')} are too open, ssh-keygen would ignore the key; run chmod 600 ${file}`,
    )
  requireSshKeygen(input)
  return abs
}

/**
 * Run ssh-keygen with no terminal, no agent, no askpass, stdin closed (or
 * `input`), bounded in time: a passphrase prompt fails at once instead of
 * waiting. Throws SshKeygenMissingError when it is not on PATH.
 */
export function sshKeygen(args: string[], opts: { cwd?: string; input?: Buffer } = {}): { status: number; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, SSH_ASKPASS_REQUIRE: 'never' }
  delete env.SSH_AUTH_SOCK
  delete env.DISPLAY
  delete env.SSH_ASKPASS
  // `detached` (setsid) works for spawnSync too, though its type does not list it.
  const options: SpawnSyncOptionsWithStringEncoding & { detached: boolean } = {
    cwd: opts.cwd,
    env,
    input: opts.input,
    stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    // Its own session: no controlling terminal, so read_passphrase() cannot open /dev/tty.
    detached: true,
    timeout: SSH_KEYGEN_TIMEOUT_MS,
    encoding: 'utf8',
  }
  const r = spawnSync('ssh-keygen', args, options)
  const err = r.error as NodeJS.ErrnoException | undefined
  if (err?.code === 'ENOENT') throw new SshKeygenMissingError()
  if (err) throw new SigningError(`ssh-keygen ${args[0]} ${args[1] ?? ''}: ${err.message}`)
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^(Signing file|Write signature to)/.test(l))[0] ?? 'no message'
  )
}

/**
 * Sign RUN_DIR/run_summary.json with the private key KEY_FILE:
 * `ssh-keygen -Y sign -f KEY_FILE -n opencode-dogfood run_summary.json` in
 * RUN_DIR, which writes run_summary.json.sig; then its sidecar. A stale .sig
 * is removed first (ssh-keygen would ask to overwrite it, and with no answer
 * leave it in place yet exit 0). Returns the .sig's absolute path.
 */
export function signSummary(runDir: string, keyFile: string): string {
  const key = checkSignKey(keyFile)
  const summary = path.join(runDir, SUMMARY_FILE)
  if (!existsSync(summary)) throw new SigningError(`${summary}: missing; sign only after the run summary is written`)
  const sig = path.join(runDir, SIGNATURE_FILE)
  if (existsSync(sig)) unlinkSync(sig)
  const r = sshKeygen(['-Y', 'sign', '-f', key, '-n', SIGNATURE_NAMESPACE, SUMMARY_FILE], { cwd: runDir })
  if (r.status !== 0 || !existsSync(sig)) throw new SigningError(`ssh-keygen -Y sign failed (exit ${r.status}): ${firstLine(r.stderr)}`)
  if (!readFileSync(sig, 'utf8').startsWith('-----BEGIN SSH SIGNATURE-----')) throw new SigningError(`${sig}: ssh-keygen wrote no SSHSIG signature`)
  writeSidecar(sig)
  return sig
}

export interface SignatureCheck {
  ok: boolean
  /** The allowed_signers principal whose key made the signature. */
  principal?: string
  /** Why it is not ok, in one line. */
  error?: string
}

/**
 * Check RUN_DIR/run_summary.json.sig against an allowed_signers file (format
 * of ssh-keygen(1), ALLOWED SIGNERS): `-Y find-principals` names who signed,
 * then `-Y verify -n opencode-dogfood` checks the signature over the summary's
 * bytes. Not ok (with the reason): no signature, a signer not in the file, a
 * wrong namespace, any change to the summary. Throws InputError (allowed_signers
 * file missing) and SshKeygenMissingError, both naming `input`.
 */
export function verifySignature(runDir: string, allowedSignersFile: string, input = '--allowed-signers'): SignatureCheck {
  const allowed = path.resolve(allowedSignersFile)
  if (!existsSync(allowed) || !statSync(allowed).isFile())
    throw new InputError(
      input,
      `${allowedSignersFile}: no such file; give an allowed_signers file (lines of 'PRINCIPAL namespaces="${SIGNATURE_NAMESPACE}" ssh-ed25519 AAAA...')`,
    )
  const sig = path.join(runDir, SIGNATURE_FILE)
  const summary = path.join(runDir, SUMMARY_FILE)
  if (!existsSync(sig)) return { ok: false, error: `${SIGNATURE_FILE}: missing (the run was not signed)` }
  if (!existsSync(summary)) return { ok: false, error: `${SUMMARY_FILE}: missing` }
  requireSshKeygen(input)
  const found = sshKeygen(['-Y', 'find-principals', '-s', sig, '-f', allowed])
  const principals = found.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  if (found.status !== 0 || principals.length === 0)
    return { ok: false, error: `${SIGNATURE_FILE}: signed by a key that is not in ${allowedSignersFile} (${firstLine(found.stderr)})` }
  const data = readFileSync(summary)
  const errors: string[] = []
  for (const principal of principals) {
    const r = sshKeygen(['-Y', 'verify', '-f', allowed, '-I', principal, '-n', SIGNATURE_NAMESPACE, '-s', sig], { input: data })
    if (r.status === 0) return { ok: true, principal }
    errors.push(firstLine(r.stderr || r.stdout))
  }
  return { ok: false, error: `${SIGNATURE_FILE}: does not verify for ${principals.join(', ')} with namespace ${SIGNATURE_NAMESPACE}: ${errors[0]}` }
}
