// `npm run local-action`: src/main.ts and src/post.ts under @github/local-action
// with the committed .env.example (one quick case here, to spare CI time).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionYml } from '../support/action/runner.js'

describe('npm run local-action', () => {
  it('.env.example sets only inputs that action.yml has, and no key', () => {
    const text = readFileSync('.env.example', 'utf8')
    const inputs = [...text.matchAll(/^INPUT_([A-Z0-9_-]+)=/gm)].map((m) => m[1].toLowerCase())
    expect(inputs.length).toBeGreaterThan(0)
    for (const i of inputs) expect(Object.keys(actionYml().inputs)).toContain(i)
    expect(text).not.toMatch(/^[A-Z_]*(KEY|TOKEN|SECRET)[A-Z_]*=\S/m)
  })

  it('runs the TypeScript entry and its post step on a sandbox repository', () => {
    const env = path.join(mkdtempSync(path.join(os.tmpdir(), 'local-action-test-')), 'test.env')
    writeFileSync(env, readFileSync('.env.example', 'utf8') + '\nINPUT_CASE=T1C03\n')
    const r = spawnSync(process.execPath, ['scripts/local-action.mjs', env], { encoding: 'utf8', timeout: 300_000 })
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('::set-output name=verdict::PASS')
    expect(r.stdout).toContain('::set-output name=total::1')
    expect(r.stdout).toContain('Running Post Step')
    const summaryFile = /job summary: (.+)/.exec(r.stdout)![1].trim()
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/\| T1C03 \| T1 \| EXPECTED_FAIL \| FAIL \| ✅ PASS \| MODELNOTFOUND \|/)
  }, 300_000)
})
