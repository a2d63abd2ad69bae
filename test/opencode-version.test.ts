// Issue 17: the OpenCode versions the harness speaks to (SUPPORTED_OPENCODE, README "Which OpenCode"). The real 1.x
// binary is accepted; one outside the range is refused before any case, in one line, exit 2, nothing written.
// OpenCode 2.x (another server API: /api/*, no /global/*) is not on the npm registry reachable here, so a fake
// `opencode` script that prints what a 2.x binary prints for --version stands in for it; the range check reads
// nothing else of the binary.
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOpencodeVersion, opencodeVersion, resolveOpencodeBinary, SUPPORTED_OPENCODE } from '../src/opencode/binary.js'
import { cli, fixtureRepo, ledgerDir } from './support/repo.js'

function fakeOpencode(prints: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-fake-opencode-'))
  const bin = path.join(dir, 'opencode')
  writeFileSync(bin, `#!/bin/sh\necho '${prints}'\n`)
  chmodSync(bin, 0o755)
  return bin
}

describe('OpenCode versions', () => {
  const { repo } = fixtureRepo()

  it('the real 1.x binary is accepted: the bundled package and the npm launcher (which is asked with --version)', () => {
    const bundled = resolveOpencodeBinary()
    expect(opencodeVersion(bundled)).toMatch(/^1\.\d+\.\d+/)
    const launcher = path.resolve('node_modules/.bin/opencode')
    expect(checkOpencodeVersion(opencodeVersion(launcher) ?? 'none', launcher)).toMatch(/^1\.\d+\.\d+$/)
    expect(resolveOpencodeBinary(launcher)).toBe(launcher)
    expect(SUPPORTED_OPENCODE.text).toBe('>=1.18.0 <2')
  })

  it('a run with the real binary passed as --opencode-path works', () => {
    const r = cli(['run', '--case', 'T1C01', '--containment', 'off', '--opencode-path', path.resolve('node_modules/.bin/opencode')], { cwd: repo })
    expect(r.status, r.stderr + r.stdout).toBe(0)
  }, 300_000)

  for (const [prints, version] of [
    ['2.0.1', '2.0.1'],
    ['opencode 2.0.1', '2.0.1'],
    ['1.17.9', '1.17.9'],
  ] as const) {
    it(`--opencode-path to an opencode printing '${prints}' is refused before any case (exit 2, one line)`, () => {
      const fake = fakeOpencode(prints)
      const runs = () => (existsSync(ledgerDir(repo)) ? readdirSync(ledgerDir(repo)).filter((n) => n.startsWith('RUN_')).length : 0)
      const before = runs()
      const r = cli(['run', '--case', 'T1C01', '--containment', 'off', '--opencode-path', fake], { cwd: repo })
      expect(r.status, r.stderr).toBe(2)
      expect(r.stderr).toBe(`opencode-dogfood: opencode-path: opencode ${version} is not supported; supported: >=1.18.0 <2 (${fake})\n`)
      expect(r.stdout).toBe('')
      // Nothing was run: no new RUN folder.
      expect(runs()).toBe(before)
    })
  }

  it('a binary that prints no version is refused in one line too', () => {
    const fake = fakeOpencode('hello')
    const r = cli(['run', '--case', 'T1C01', '--opencode-path', fake], { cwd: repo })
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(`opencode-dogfood: opencode-path: could not read the version of ${fake} (it said 'hello'); supported: >=1.18.0 <2\n`)
  })

  it('the range: 1.18.0 and later 1.x in, below 1.18 and 2.x out', () => {
    for (const v of ['1.18.0', '1.18.33', '1.99.0', '1.18.1-beta.2']) expect(checkOpencodeVersion(v, 'x')).toBe(v)
    for (const v of ['1.17.9', '0.9.0', '2.0.0', '2.0.1', '10.0.0'])
      expect(() => checkOpencodeVersion(v, 'x')).toThrow(`opencode ${v} is not supported; supported: >=1.18.0 <2 (x)`)
  })
})
