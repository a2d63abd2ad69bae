// The README's action section is generated from action.yml (npm run docs) and
// must be current; the schemas of the check-run bodies must match the
// @octokit/openapi they were extracted from.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionYml } from '../support/action/runner.js'

describe('generated files are current', () => {
  it('README action section matches action.yml (npm run docs -- --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/action-docs.mjs', '--check'], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('a README whose section drifted from action.yml is caught, and npm run docs repairs it', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'docs-test-')), 'README.md')
    copyFileSync('README.md', file)
    writeFileSync(file, readFileSync(file, 'utf8').replace('| `fail-fast` | `true` |', '| `fail-fast` | `false` |'))
    const stale = spawnSync(process.execPath, ['scripts/action-docs.mjs', '--check', '--readme', file], { encoding: 'utf8' })
    expect(stale.status).toBe(1)
    expect(stale.stderr).toMatch(/stale; run npm run docs/)
    execFileSync(process.execPath, ['scripts/action-docs.mjs', '--readme', file])
    expect(readFileSync(file, 'utf8')).toBe(readFileSync('README.md', 'utf8'))
  })

  it('the section lists every input with its default and every output', () => {
    const readme = readFileSync('README.md', 'utf8')
    const spec = actionYml()
    for (const [name, i] of Object.entries(spec.inputs)) expect(readme).toContain(`| \`${name}\` | ${i.default ? `\`${i.default}\`` : '*(empty)*'} |`)
    for (const name of Object.keys(spec.outputs)) expect(readme).toContain(`| \`${name}\` |`)
  })

  it('the rest of the README is left alone: exactly one marked section', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme.split('<!-- action-usage:start -->')).toHaveLength(2)
    expect(readme.split('<!-- action-usage:end -->')).toHaveLength(2)
  })

  it('schemas/github/*.json are what scripts/extract-check-schemas.mjs takes from @octokit/openapi', () => {
    const r = spawnSync(process.execPath, ['scripts/extract-check-schemas.mjs', '--check'], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
