// Which opencode the action runs: opencode-path, then PATH, then the package
// next to the bundle, then a real `npm install opencode-ai@<version>` into
// RUNNER_TEMP (from the npm registry; npm's cache makes repeats quick).
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveActionBinary } from '../../src/action/opencode-binary.js'
import { InputError } from '../../src/errors.js'
import { actionYml } from '../support/action/runner.js'

const VERSION = actionYml().inputs['opencode-version'].default!
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'opencode-binary-'))

function fakeOpencode(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const bin = path.join(dir, 'opencode')
  writeFileSync(bin, '#!/bin/sh\necho fake-opencode\n')
  chmodSync(bin, 0o755)
  return bin
}

describe('opencode binary resolution', () => {
  it('opencode-path wins; a path that is not executable fails naming the input', async () => {
    const bin = fakeOpencode(tmp())
    expect(await resolveActionBinary({ explicit: bin, version: VERSION, installRoot: tmp(), pathEnv: '' })).toEqual({ path: bin, source: 'opencode-path' })
    const notExec = path.join(tmp(), 'opencode')
    writeFileSync(notExec, 'x')
    await expect(resolveActionBinary({ explicit: notExec, version: VERSION, installRoot: tmp(), pathEnv: '' })).rejects.toThrow(
      /^opencode-path: .* is not an executable file/,
    )
  })

  it('then `opencode` on PATH, before the bundled package', async () => {
    const dir = path.join(tmp(), 'bin')
    const bin = fakeOpencode(dir)
    expect(await resolveActionBinary({ version: VERSION, installRoot: tmp(), pathEnv: ['/nonexistent', dir].join(path.delimiter) })).toEqual({
      path: bin,
      source: 'PATH',
    })
  })

  it('then the opencode-ai package next to the bundle', async () => {
    const r = await resolveActionBinary({ version: VERSION, installRoot: tmp(), pathEnv: '' })
    expect(r.source).toBe('bundled package')
    expect(r.path).toMatch(/node_modules\/opencode-[a-z0-9-]+\/bin\/opencode$/)
  })

  it('else installs opencode-ai@<opencode-version> with npm into RUNNER_TEMP, once', async () => {
    const root = tmp()
    process.env.npm_config_prefer_offline = 'true'
    try {
      const r = await resolveActionBinary({ version: VERSION, installRoot: root, pathEnv: '', bundled: () => undefined, log: () => {} })
      expect(r.source).toBe('installed')
      expect(r.path.startsWith(path.join(root, `opencode-ai-${VERSION}`))).toBe(true)
      expect(execFileSync(r.path, ['--version'], { encoding: 'utf8' }).trim()).toBe(VERSION)
      // A second step of the same job reuses it: no second install.
      const again = await resolveActionBinary({
        version: VERSION,
        installRoot: root,
        pathEnv: '',
        bundled: () => undefined,
        install: () => Promise.reject(new Error('must not install twice')),
      })
      expect(again).toEqual(r)
    } finally {
      delete process.env.npm_config_prefer_offline
    }
  }, 300_000)

  it('an install that fails names opencode-version', async () => {
    const e = await resolveActionBinary({ version: '0.0.0-no-such-version', installRoot: tmp(), pathEnv: '', bundled: () => undefined, log: () => {} }).catch(
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(InputError)
    expect((e as InputError).message).toMatch(/^opencode-version: could not install opencode-ai@0\.0\.0-no-such-version/)
  }, 120_000)
})
