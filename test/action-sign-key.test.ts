// The Action's sign-key input (a key's content from a secret): validated up
// front in one line that never shows the key, masked whole and line by line,
// written to a 0600 file under the state folder for the run, removed after; the
// file it writes signs a summary that plain ssh-keygen verifies.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readActionInputs, type ActionInputName } from '../src/action/inputs.js'
import { maskSignKey, parseSignKeyContent, writeSignKeyFile } from '../src/action/sign-key.js'
import { InputError } from '../src/errors.js'
import { SIGNATURE_FILE, signSummary, SignKeyError } from '../src/ledger/sign.js'
import { actionYml } from './support/action/runner.js'

const WS = '/home/runner/work/app/app'
let dir: string
let keyText: string
let encText: string

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-signkey-'))
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci', '-f', path.join(dir, 'k')])
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'pw', '-f', path.join(dir, 'enc')])
  keyText = readFileSync(path.join(dir, 'k'), 'utf8')
  encText = readFileSync(path.join(dir, 'enc'), 'utf8')
})

function inputs(signKey: string) {
  const spec = actionYml()
  const get = (name: ActionInputName) =>
    name === 'sign-key' ? signKey : spec.inputs[name].default?.includes('${{') ? 'ghs_dummy_token_for_tests' : (spec.inputs[name].default ?? '')
  return readActionInputs(get, WS)
}

describe('Action input sign-key', () => {
  it('action.yml declares it, empty by default; empty means no signing', () => {
    expect(actionYml().inputs['sign-key']).toMatchObject({ required: false, default: '' })
    expect(inputs('').signKey).toBeUndefined()
  })

  it('a key content is read as it is (CRLF from a pasted secret made LF)', () => {
    expect(inputs(keyText).signKey).toBe(keyText)
    expect(inputs(keyText.replace(/\n/g, '\r\n')).signKey).toBe(keyText)
  })

  it('bad values: one line naming sign-key, the key never in it', () => {
    const bad: [string, RegExp][] = [
      ['a path/to/key', /^sign-key: the value is not an OpenSSH private key/],
      [readFileSync(path.join(dir, 'k.pub'), 'utf8'), /^sign-key: the value is a public key/],
      [encText, /^sign-key: the value is encrypted with a passphrase/],
    ]
    for (const [value, re] of bad) {
      let err: unknown
      try {
        inputs(value)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(InputError)
      expect(err).toBeInstanceOf(SignKeyError)
      expect((err as Error).message).toMatch(re)
      expect((err as Error).message).not.toContain('\n')
      for (const line of value.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect((err as Error).message).not.toContain(line)
    }
  })

  it('masks the whole key and each line of its body', () => {
    const masked: string[] = []
    maskSignKey(keyText, (v) => masked.push(v))
    expect(masked[0]).toBe(keyText)
    const body = keyText.split('\n').filter((l) => l && !l.startsWith('-----'))
    expect(body.length).toBeGreaterThan(2)
    for (const l of body) expect(masked).toContain(l)
    expect(masked.slice(1).some((m) => m.startsWith('-----'))).toBe(false)
    const none: string[] = []
    maskSignKey('', (v) => none.push(v))
    expect(none).toEqual([])
  })

  it('writes a 0600 file in a fresh 0700 folder, which signs; remove() leaves nothing', () => {
    const state = path.join(dir, 'state')
    mkdirSync(state)
    const k = writeSignKeyFile(parseSignKeyContent(keyText), state)
    expect(path.dirname(path.dirname(k.file))).toBe(state)
    expect(statSync(k.file).mode & 0o777).toBe(0o600)
    expect(statSync(path.dirname(k.file)).mode & 0o777).toBe(0o700)
    expect(readFileSync(k.file, 'utf8')).toBe(keyText)
    const run = path.join(dir, 'RUN_0001')
    mkdirSync(run)
    writeFileSync(path.join(run, 'run_summary.json'), '{"run_id":"RUN_0001"}\n')
    signSummary(run, k.file)
    const allowed = path.join(dir, 'allowed_signers')
    writeFileSync(allowed, `ci namespaces="opencode-dogfood" ${readFileSync(path.join(dir, 'k.pub'), 'utf8')}`)
    const v = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', 'ci', '-n', 'opencode-dogfood', '-s', path.join(run, SIGNATURE_FILE)], {
      input: readFileSync(path.join(run, 'run_summary.json')),
    })
    expect(v.status).toBe(0)
    k.remove()
    expect(existsSync(k.file)).toBe(false)
    expect(existsSync(path.dirname(k.file))).toBe(false)
    k.remove()
  })
})
