import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  writeSidecar
} from "./chunk-5JSGXJPI.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/ledger/sign.ts
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
var SIGNATURE_NAMESPACE = "opencode-dogfood";
var SUMMARY_FILE = "run_summary.json";
var SIGNATURE_FILE = "run_summary.json.sig";
var SSH_KEYGEN_TIMEOUT_MS = 3e4;
var SignKeyError = class extends InputError {
  name = "SignKeyError";
};
var SshKeygenMissingError = class extends InputError {
  name = "SshKeygenMissingError";
  constructor(input = "ssh-keygen") {
    super(input, "ssh-keygen not found on PATH; install OpenSSH (Debian/Ubuntu: apt-get install -y openssh-client)");
  }
};
var SigningError = class extends Error {
  name = "SigningError";
};
var ARMOR_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
var ARMOR_END = "-----END OPENSSH PRIVATE KEY-----";
var KEY_MAGIC = Buffer.from("openssh-key-v1\0", "latin1");
function inspectPrivateKey(text) {
  const t = text.replace(/\r\n/g, "\n").trim();
  if (!t.startsWith(ARMOR_BEGIN) || !t.endsWith(ARMOR_END)) {
    if (/-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(t) || /^(ssh-|ecdsa-|sk-)/.test(t)) return "is a public key; give the private key (the file without .pub)";
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t))
      return 'is a PEM private key, not an OpenSSH one; convert it with ssh-keygen -p -f FILE (or make one: ssh-keygen -t ed25519 -N "" -f FILE)';
    return `is not an OpenSSH private key (it must start with '${ARMOR_BEGIN}'; make one with ssh-keygen -t ed25519 -N "" -f FILE)`;
  }
  const body = Buffer.from(t.slice(ARMOR_BEGIN.length, -ARMOR_END.length).replace(/\s+/g, ""), "base64");
  if (body.length < KEY_MAGIC.length + 4 || !body.subarray(0, KEY_MAGIC.length).equals(KEY_MAGIC))
    return "is not an OpenSSH private key (its body is not openssh-key-v1)";
  const len = body.readUInt32BE(KEY_MAGIC.length);
  const cipher = body.subarray(KEY_MAGIC.length + 4, KEY_MAGIC.length + 4 + len).toString("latin1");
  if (cipher !== "none") return `is encrypted with a passphrase (${cipher}); unattended signing needs a key without one (ssh-keygen -t ed25519 -N "" -f FILE)`;
  return void 0;
}
function requireSshKeygen(input) {
  const r = spawnSync("ssh-keygen", ["-?"], { stdio: "ignore", timeout: SSH_KEYGEN_TIMEOUT_MS });
  if (r.error?.code === "ENOENT") throw new SshKeygenMissingError(input);
}
function canonicalKeyText(value) {
  return value.replace(/\r\n/g, "\n").trim() + "\n";
}
function parseSignKeyContent(value, input = "sign-key") {
  const problem = inspectPrivateKey(value);
  if (problem) throw new SignKeyError(input, `the value ${problem}; give the content of the private key file, from a secret`);
  requireSshKeygen(input);
  return canonicalKeyText(value);
}
function checkSignKey(file, input = "--sign-key") {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new SignKeyError(input, `${file}: no such file; give an OpenSSH private key file (ssh-keygen -t ed25519 -N "" -f FILE)`);
  const st = statSync(abs);
  if (!st.isFile()) throw new SignKeyError(input, `${file}: not a file; give an OpenSSH private key file`);
  const problem = inspectPrivateKey(readFileSync(abs, "utf8"));
  if (problem) throw new SignKeyError(input, `${file}: ${problem}`);
  if (typeof process.getuid === "function" && st.uid === process.getuid() && (st.mode & 63) !== 0)
    throw new SignKeyError(
      input,
      `${file}: permissions ${(st.mode & 511).toString(8).padStart(4, "0")} are too open, ssh-keygen would ignore the key; run chmod 600 ${file}`
    );
  requireSshKeygen(input);
  return abs;
}
function sshKeygen(args, opts = {}) {
  const env = { ...process.env, SSH_ASKPASS_REQUIRE: "never" };
  delete env.SSH_AUTH_SOCK;
  delete env.DISPLAY;
  delete env.SSH_ASKPASS;
  const options = {
    cwd: opts.cwd,
    env,
    input: opts.input,
    stdio: [opts.input ? "pipe" : "ignore", "pipe", "pipe"],
    // Its own session: no controlling terminal, so read_passphrase() cannot open /dev/tty.
    detached: true,
    timeout: SSH_KEYGEN_TIMEOUT_MS,
    encoding: "utf8"
  };
  const r = spawnSync("ssh-keygen", args, options);
  const err = r.error;
  if (err?.code === "ENOENT") throw new SshKeygenMissingError();
  if (err) throw new SigningError(`ssh-keygen ${args[0]} ${args[1] ?? ""}: ${err.message}`);
  return { status: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
function firstLine(text) {
  return text.split("\n").map((l) => l.trim()).filter((l) => l && !/^(Signing file|Write signature to)/.test(l))[0] ?? "no message";
}
function signSummary(runDir, keyFile) {
  const key = checkSignKey(keyFile);
  const summary = path.join(runDir, SUMMARY_FILE);
  if (!existsSync(summary)) throw new SigningError(`${summary}: missing; sign only after the run summary is written`);
  const sig = path.join(runDir, SIGNATURE_FILE);
  if (existsSync(sig)) unlinkSync(sig);
  const r = sshKeygen(["-Y", "sign", "-f", key, "-n", SIGNATURE_NAMESPACE, SUMMARY_FILE], { cwd: runDir });
  if (r.status !== 0 || !existsSync(sig)) throw new SigningError(`ssh-keygen -Y sign failed (exit ${r.status}): ${firstLine(r.stderr)}`);
  if (!readFileSync(sig, "utf8").startsWith("-----BEGIN SSH SIGNATURE-----")) throw new SigningError(`${sig}: ssh-keygen wrote no SSHSIG signature`);
  writeSidecar(sig);
  return sig;
}
function verifySignature(runDir, allowedSignersFile, input = "--allowed-signers") {
  const allowed = path.resolve(allowedSignersFile);
  if (!existsSync(allowed) || !statSync(allowed).isFile())
    throw new InputError(
      input,
      `${allowedSignersFile}: no such file; give an allowed_signers file (lines of 'PRINCIPAL namespaces="${SIGNATURE_NAMESPACE}" ssh-ed25519 AAAA...')`
    );
  const sig = path.join(runDir, SIGNATURE_FILE);
  const summary = path.join(runDir, SUMMARY_FILE);
  if (!existsSync(sig)) return { ok: false, error: `${SIGNATURE_FILE}: missing (the run was not signed)` };
  if (!existsSync(summary)) return { ok: false, error: `${SUMMARY_FILE}: missing` };
  requireSshKeygen(input);
  const found = sshKeygen(["-Y", "find-principals", "-s", sig, "-f", allowed]);
  const principals = found.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
  if (found.status !== 0 || principals.length === 0)
    return { ok: false, error: `${SIGNATURE_FILE}: signed by a key that is not in ${allowedSignersFile} (${firstLine(found.stderr)})` };
  const data = readFileSync(summary);
  const errors = [];
  for (const principal of principals) {
    const r = sshKeygen(["-Y", "verify", "-f", allowed, "-I", principal, "-n", SIGNATURE_NAMESPACE, "-s", sig], { input: data });
    if (r.status === 0) return { ok: true, principal };
    errors.push(firstLine(r.stderr || r.stdout));
  }
  return { ok: false, error: `${SIGNATURE_FILE}: does not verify for ${principals.join(", ")} with namespace ${SIGNATURE_NAMESPACE}: ${errors[0]}` };
}

export {
  SIGNATURE_NAMESPACE,
  SUMMARY_FILE,
  SIGNATURE_FILE,
  SignKeyError,
  SshKeygenMissingError,
  SigningError,
  inspectPrivateKey,
  requireSshKeygen,
  canonicalKeyText,
  parseSignKeyContent,
  checkSignKey,
  sshKeygen,
  signSummary,
  verifySignature
};
