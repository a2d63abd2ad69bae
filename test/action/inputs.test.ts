// Inputs: action.yml and the code agree on every name and default; each bad
// value fails with one line naming the input and what is allowed; keys are
// masked before anything runs.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTION_INPUTS, readActionInputs, type ActionInputName } from '../../src/action/inputs.js'
import { ACTION_OUTPUTS } from '../../src/action/outputs.js'
import { maskSecrets } from '../../src/action/secrets.js'
import { InputError } from '../../src/errors.js'
import { DEFAULT_WRITE_ALLOWLIST } from '../../src/suite/options.js'
import { STAGES } from '../../src/types.js'
import { actionYml } from '../support/action/runner.js'

const spec = actionYml()
const WS = '/home/runner/work/app/app'

function getter(overrides: Partial<Record<ActionInputName, string>> = {}) {
  return (name: ActionInputName) =>
    overrides[name] ?? (spec.inputs[name].default?.includes('${{') ? 'ghs_dummy_token_for_tests' : (spec.inputs[name].default ?? ''))
}

function errorOf(overrides: Partial<Record<ActionInputName, string>>): InputError {
  try {
    readActionInputs(getter(overrides), WS)
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error(`no InputError for ${JSON.stringify(overrides)}`)
}

describe('action.yml ↔ code', () => {
  it('every input of action.yml is read, and nothing else', () => {
    expect(Object.keys(spec.inputs)).toEqual([...ACTION_INPUTS])
  })

  it('every output of action.yml is set, and nothing else', () => {
    expect(Object.keys(spec.outputs)).toEqual([...ACTION_OUTPUTS])
  })

  it('runs on node24 with a post step; every input has a description and a default', () => {
    expect(spec.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' })
    for (const [name, def] of Object.entries(spec.inputs)) {
      expect(def.description.length, name).toBeGreaterThan(10)
      expect(def.default, name).toBeTypeOf('string')
    }
  })

  it('opencode-version defaults to the opencode-ai version the tests run', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> }
    expect(spec.inputs['opencode-version'].default).toBe(lock.packages['node_modules/opencode-ai'].version)
  })

  it("the defaults parse to the engine's defaults", () => {
    const i = readActionInputs(getter(), WS)
    expect(i).toMatchObject({
      stages: [...STAGES],
      failFast: true,
      model: 'dogfood/scripted',
      transport: 'sdk',
      caseTimeoutMs: 300_000,
      latencyBudgetMs: 120_000,
      repoDir: WS,
      writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
      deletionAllowlist: [],
      uploadArtifact: true,
      retentionDays: 0,
      createCheck: true,
      checkName: 'opencode-dogfood',
    })
    expect(i.worktreePath).toBeUndefined()
    expect(i.caseId).toBeUndefined()
  })

  it('containment: the Action is fail-closed by default (required); auto and off are allowed when the workflow says so', () => {
    expect(readActionInputs(getter(), WS).containment).toBe('required')
    expect(readActionInputs(getter({ containment: 'auto' }), WS).containment).toBe('auto')
    expect(readActionInputs(getter({ containment: 'off' }), WS).containment).toBe('off')
    expect(() => readActionInputs(getter({ containment: 'maybe' }), WS)).toThrow("containment: 'maybe' is not allowed; allowed: auto, required, off")
    // The description no longer sends users to apt-get and sysctl: the Action does it.
    expect(spec.inputs.containment.description).not.toMatch(/run `sudo apt-get|sudo sysctl/)
  })

  it('paths are resolved against the workspace; lists take commas or newlines', () => {
    const i = readActionInputs(
      getter({ 'working-directory': 'sub', 'worktree-path': '../wt', 'ledger-dir': 'out/ledger', 'write-allowlist': 'a/\nb.md, c/', stages: 't2a,T1' }),
      WS,
    )
    expect(i.repoDir).toBe(path.join(WS, 'sub'))
    expect(i.worktreePath).toBe(path.resolve(WS, '../wt'))
    expect(i.ledgerDir).toBe(path.join(WS, 'out/ledger'))
    expect(i.writeAllowlist).toEqual(['a/', 'b.md', 'c/'])
    expect(i.stages).toEqual(['T1', 'T2a'])
  })
})

describe('a bad input fails with one line naming it and what is allowed', () => {
  const bad: [Partial<Record<ActionInputName, string>>, ActionInputName, RegExp][] = [
    [{ stages: 'T1,T9' }, 'stages', /unknown stage 'T9'; allowed: T1, T2a, T2b, T3, T4/],
    [{ stages: '' }, 'stages', /empty/],
    [{ case: 'X1' }, 'case', /not a case id/],
    [{ case: 'T1C09' }, 'case', /unknown case 'T1C09'; known: T1C01/],
    [{ 'fail-fast': 'yes' }, 'fail-fast', /'yes' is not a boolean; allowed: true, false/],
    [{ model: 'gpt4' }, 'model', /not provider\/model/],
    [{ roles: 'planner=anthropic/x' }, 'roles', /name=provider\/model:KEY_ENV/],
    [
      { model: 'anthropic/claude-sonnet-4-5', roles: 'planner=anthropic/claude-sonnet-4-5:DOGFOOD_TEST_UNSET_KEY' },
      'roles',
      /DOGFOOD_TEST_UNSET_KEY, which is not set/,
    ],
    [{ 'cases-file': 'no/such/file.json' }, 'cases-file', /cannot read/],
    [{ record: 'no/such/folder/rec.json' }, 'record', /the folder of 'no\/such\/folder\/rec\.json' does not exist/],
    [{ 'opencode-version': '^1.18' }, 'opencode-version', /not an exact version/],
    [{ 'opencode-version': '2.0.1' }, 'opencode-version', /opencode 2\.0\.1 is not supported; supported: >=1\.18\.0 <2/],
    [{ 'opencode-version': '1.17.0' }, 'opencode-version', /opencode 1\.17\.0 is not supported; supported: >=1\.18\.0 <2/],
    [{ 'server-url': 'ftp://x' }, 'server-url', /not an http\(s\) URL/],
    [{ transport: 'grpc' }, 'transport', /allowed: sdk, cli/],
    [{ timeout: '5m' }, 'timeout', /not a whole number of seconds/],
    [{ timeout: '0' }, 'timeout', /allowed 1\.\.3600/],
    [{ 'latency-budget': '-1' }, 'latency-budget', /whole number/],
    [{ 'write-allowlist': '../outside' }, 'write-allowlist', /not a path inside the repository/],
    [{ 'deletion-allowlist': '.git/' }, 'deletion-allowlist', /\.git/],
    [{ 'upload-artifact': '1' }, 'upload-artifact', /allowed: true, false/],
    [{ 'artifact-name': 'a/b' }, 'artifact-name', /may not have/],
    [{ 'retention-days': '999' }, 'retention-days', /out of range/],
    [{ 'create-check': 'on' }, 'create-check', /allowed: true, false/],
    [{ 'check-name': '' }, 'check-name', /empty/],
    [{ 'github-token': '' }, 'github-token', /create-check is true/],
  ]
  it.each(bad)('%j → %s', (overrides, input, message) => {
    const e = errorOf(overrides)
    expect(e.input).toBe(input)
    expect(e.message.startsWith(`${input}: `)).toBe(true)
    expect(e.message).toMatch(message)
    expect(e.message).not.toContain('\n')
  })

  it('create-check false needs no token', () => {
    expect(readActionInputs(getter({ 'create-check': 'false', 'github-token': '' }), WS).createCheck).toBe(false)
  })
})

describe('masking', () => {
  it('registers secret-named env values and role keys, nothing else', () => {
    const masked: string[] = []
    const env = {
      'INPUT_GITHUB-TOKEN': 'ghs_abcdefghijklmnop',
      ANTHROPIC_API_KEY: 'sk-ant-0123456789',
      MY_ROLE_CRED_VAR: 'role-secret-value-1',
      PATH: '/usr/bin:/bin',
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
    }
    maskSecrets((v) => masked.push(v), env, [{ name: 'coder', model: 'a/b', key_env: 'MY_ROLE_CRED_VAR' }])
    expect(masked.sort()).toEqual(['ghs_abcdefghijklmnop', 'role-secret-value-1', 'sk-ant-0123456789'])
    // A second pass (after the roles are known) registers only what is new.
    const again: string[] = []
    const done = maskSecrets((v) => again.push(v), { ANTHROPIC_API_KEY: 'sk-ant-0123456789' })
    maskSecrets(
      (v) => again.push(v),
      { ANTHROPIC_API_KEY: 'sk-ant-0123456789', LATE_KEY_VAR: 'late-secret-value' },
      [{ name: 'r', model: 'a/b', key_env: 'LATE_KEY_VAR' }],
      done,
    )
    expect(again).toEqual(['sk-ant-0123456789', 'late-secret-value'])
  })
})
