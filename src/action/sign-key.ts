// The Action's `sign-key` input: the CONTENT of an OpenSSH private key, mapped
// from a secret (`sign-key: ${{ secrets.DOGFOOD_SIGN_KEY }}`). ssh-keygen needs
// a file, so the key is written to a 0600 file in a fresh 0700 folder under the
// action's own state folder (RUNNER_TEMP: outside the workspace, hidden from
// the agent under containment), handed to the suite as SuiteOptions.signKey,
// and removed when the suite is done. The runner empties RUNNER_TEMP at the end
// of every job, so a cancelled job does not leave it behind either.
//
// Shapes: parseSignKeyContent(value, input) (ledger/sign.ts) → the key text
// (validated) or throws SignKeyError / SshKeygenMissingError; maskSignKey(value, setSecret)
// registers the key whole and line by line (the runner masks a multi-line
// secret only per registered string); writeSignKeyFile(text, dir) →
// {file, remove()}. Never logs or returns the key anywhere else.
import { existsSync, mkdtempSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { canonicalKeyText as canonical } from '../ledger/sign.js'

export { parseSignKeyContent } from '../ledger/sign.js'

/** Register the key with the runner's masker: the whole value and each line of its body. */
export function maskSignKey(value: string, setSecret: (v: string) => void): void {
  if (value.trim() === '') return
  setSecret(value)
  for (const line of value.replace(/\r\n/g, '\n').split('\n')) {
    const l = line.trim()
    if (l.length >= 8 && !l.startsWith('-----')) setSecret(l)
  }
}

export interface SignKeyFile {
  /** Absolute path of the 0600 key file. */
  file: string
  /** Remove the file and its folder (idempotent). */
  remove(): void
}

/** Write the key to DIR/sign-key-XXXXXX/key (folder 0700, file 0600, created new). */
export function writeSignKeyFile(text: string, dir: string): SignKeyFile {
  const folder = mkdtempSync(path.join(dir, 'sign-key-'))
  const file = path.join(folder, 'key')
  writeFileSync(file, canonical(text), { mode: 0o600, flag: 'wx' })
  return {
    file,
    remove() {
      if (existsSync(file)) unlinkSync(file)
      if (existsSync(folder)) rmdirSync(folder)
    },
  }
}
