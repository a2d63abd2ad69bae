// --server-url: the suite uses a server the user already runs (here: one we
// start the way a user would, with the scripted model behind it) and starts none.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinCases } from '../src/cases/catalog.js'
import { resolveOpencodeBinary } from '../src/opencode/binary.js'
import { startBackends, type Backends } from '../src/suite/backends.js'
import { BUILTIN_MODEL, DEFAULT_WRITE_ALLOWLIST } from '../src/suite/options.js'
import { DEFAULT_ROLES } from '../src/suite/run.js'
import type { CaseResult, RunSummary } from '../src/types.js'
import { cliAsync, fixtureRepo, ledgerDir } from './support/repo.js'

describe('--server-url', () => {
  let backends: Backends
  const { repo } = fixtureRepo()
  beforeAll(async () => {
    backends = await startBackends({
      model: BUILTIN_MODEL,
      hermetic: true,
      roles: DEFAULT_ROLES(BUILTIN_MODEL),
      writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
      cases: builtinCases(),
      binary: resolveOpencodeBinary(),
      cwd: repo,
      tmp: mkdtempSync(path.join(os.tmpdir(), 'dogfood-user-server-')),
    })
  }, 120_000)
  afterAll(async () => backends?.stop())

  it('runs T1 and T2a against the user server, with the role keys from the environment', async () => {
    // The user's environment holds the role keys their server was started with, and its password where OpenCode's client reads it.
    const r = await cliAsync(['run', '--stages', 'T1,T2a', '--server-url', backends.url], {
      cwd: repo,
      env: { ...backends.keyEnv, OPENCODE_SERVER_PASSWORD: backends.password },
    })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).not.toMatch(/OpenCode server ready/)
    const summary = JSON.parse(readFileSync(path.join(ledgerDir(repo), 'RUN_0001', 'run_summary.json'), 'utf8')) as RunSummary
    expect(summary).toMatchObject({ total_cases: 6, passed: 6, final_verdict: 'PASS' })
    const policy = JSON.parse(readFileSync(path.join(ledgerDir(repo), 'RUN_0001', 'evidence', 'T2A01', 'policy.json'), 'utf8'))
    expect(policy.server_config_sha256).toMatch(/unknown: a server the user runs/)
  })

  it('the password is in no file of the ledger or the transcripts', () => {
    const g = spawnSync('grep', ['-rlF', '--', backends.password, path.join(repo, 'artifacts'), path.join(repo, 'logs')], { encoding: 'utf8' })
    expect(g.stdout).toBe('')
    expect(g.status).toBe(1) // grep: searched, nothing found
  })

  it('without the password: one line naming --server-url and the variable to set, exit 2', async () => {
    const r = await cliAsync(['run', '--case', 'T1C01', '--server-url', backends.url], { cwd: repo, env: { OPENCODE_SERVER_PASSWORD: '' } })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/--server-url: .* does not answer GET \/global\/health \(HTTP 401: the server wants a password \(set OPENCODE_SERVER_PASSWORD\)\)/)
  })

  it('fails T1C02 with CLIFAIL when a role key is missing from the environment', async () => {
    const r = await cliAsync(['run', '--case', 'T1C02', '--server-url', backends.url], { cwd: repo, env: { OPENCODE_SERVER_PASSWORD: backends.password } })
    expect(r.status).toBe(1)
    const res = JSON.parse(readFileSync(path.join(ledgerDir(repo), 'RUN_0002', 'cases', 'T1C02.result.json'), 'utf8')) as CaseResult
    expect(res).toMatchObject({ status: 'FAIL', failure_code: 'CLIFAIL' })
    expect(res.reason).toMatch(/env var DOGFOOD_PLANNER_KEY is not set/)
  })
})
