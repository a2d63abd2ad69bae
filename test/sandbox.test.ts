// The sandbox room on its own: the policy (pure data), the bwrap mechanism
// against a real bwrap, the environment allowlist, the process sweep, the
// credential finder and the secret scrubber.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { findCredentials, sanitizedViews } from '../src/sandbox/credentials.js'
import { agentEnv, providerKeyNames } from '../src/sandbox/env.js'
import { grantWrites } from '../src/sandbox/grant.js'
import { bwrapArgs, contain, resolveContainment } from '../src/sandbox/mechanism.js'
import { derivePolicy, depth } from '../src/sandbox/policy.js'
import { endNewProcesses, PROCESS_TAG_VAR, processBaseline } from '../src/sandbox/processes.js'
import { gitEnv } from '../src/git.js'
import { scrubFile, secretForms } from '../src/secrets.js'
import { git } from './support/repo.js'

function layout() {
  const base = mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'))
  const main = path.join(base, 'main')
  const wt = path.join(base, 'wt')
  for (const d of [
    path.join(main, '.git'),
    path.join(wt, 'docs/zz_scratch'),
    path.join(wt, 'sandbox'),
    path.join(wt, 'ledger'),
    path.join(base, 'state'),
    path.join(base, 'harness'),
  ])
    mkdirSync(d, { recursive: true })
  writeFileSync(path.join(wt, 'docs/zz_scratch/probe.md'), 'probe\n')
  writeFileSync(path.join(wt, 'README.md'), 'readme\n')
  writeFileSync(path.join(main, 'README.md'), 'main\n')
  const policy = derivePolicy({
    workDir: wt,
    writeAllowlist: ['docs/zz_scratch/probe.md', 'sandbox/', 'ledger/', 'missing/'],
    harnessPaths: ['ledger/'],
    commonDir: path.join(main, '.git'),
    otherCheckouts: [main],
    hidden: [path.join(base, 'harness')],
    stateDirs: [path.join(base, 'state')],
    readable: [],
    views: [],
  })
  return { base, main, wt, policy }
}

describe('containment policy', () => {
  it('mounts shallow first, so a deeper rule opens a hole in a hidden folder; harness entries are hidden; a missing entry is named', () => {
    const { policy, wt, main } = layout()
    const depths = policy.rules.map((r) => depth(r.path))
    expect(depths).toEqual([...depths].sort((a, b) => a - b))
    const access = Object.fromEntries(policy.rules.map((r) => [r.path, r.access]))
    expect(access[path.join(wt, 'sandbox')]).toBe('write')
    expect(access[path.join(wt, 'docs/zz_scratch/probe.md')]).toBe('write')
    expect(access[path.join(wt, 'ledger')]).toBe('hidden')
    expect(access[main]).toBe('hidden')
    expect(access[path.join(main, '.git')]).toBe('read')
    expect(policy.unmounted).toEqual([expect.stringMatching(/^missing\/: does not exist/)])
  })

  it('an allowlist entry that is a symlink out of the worktree stays read-only', () => {
    const { base, main } = layout()
    const wt = path.join(base, 'wt2')
    mkdirSync(wt)
    symlinkSync(main, path.join(wt, 'out'))
    const p = derivePolicy({
      workDir: wt,
      writeAllowlist: ['out/'],
      harnessPaths: [],
      commonDir: path.join(main, '.git'),
      otherCheckouts: [],
      hidden: [],
      stateDirs: [],
      readable: [],
      views: [],
    })
    expect(p.rules.some((r) => r.access === 'write')).toBe(false)
    expect(p.unmounted[0]).toMatch(/resolves outside the worktree/)
  })
})

describe('bwrap mechanism (real bubblewrap)', () => {
  const c = resolveContainment('auto')
  it.runIf(c.active)('writes land only on the allowlist; the main checkout and the harness are hidden; its own PID namespace', async () => {
    const { wt, main, base, policy } = layout()
    const owners = () => ['docs/zz_scratch', 'docs/zz_scratch/probe.md', 'sandbox', 'README.md'].map((p) => `${p} ${statSync(path.join(wt, p)).uid}`)
    const before = owners()
    // Run as root, the agent is a uid of its own: the allowlist is its own while it works, the user's again after.
    const grant = c.agent ? await grantWrites(policy, c.agent, 'case') : undefined
    const script = [
      'echo ok >> docs/zz_scratch/probe.md',
      'echo new > sandbox/new.txt',
      '(echo x >> README.md) 2>/dev/null && echo README-WRITTEN',
      `ls ${main} | wc -l`,
      `ls ${path.join(base, 'harness')} 2>/dev/null | wc -l`,
      `(echo x > ${path.join(main, 'pwned')}) 2>/dev/null && echo MAIN-WRITTEN`,
      'echo pid=$$',
    ].join('; ')
    const cmd = contain(c, policy, '/bin/sh', ['-c', script])
    const r = spawnSync(cmd.command, cmd.args, { encoding: 'utf8', cwd: wt })
    expect(await grant?.giveBack()).toEqual(grant ? [] : undefined)
    expect(owners()).toEqual(before)
    if (c.agent) expect(statSync(path.join(wt, 'sandbox/new.txt')).uid).toBe(statSync(path.join(wt, 'sandbox')).uid)
    expect(r.stderr).toBe('')
    expect(r.stdout).not.toMatch(/README-WRITTEN|MAIN-WRITTEN/)
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['0', '0'])
    expect(Number(/pid=(\d+)/.exec(r.stdout)![1])).toBeLessThan(10)
    expect(readFileSync(path.join(wt, 'docs/zz_scratch/probe.md'), 'utf8')).toBe('probe\nok\n')
    expect(readFileSync(path.join(wt, 'sandbox/new.txt'), 'utf8')).toBe('new\n')
    expect(readFileSync(path.join(wt, 'README.md'), 'utf8')).toBe('readme\n')
    expect(existsSync(path.join(main, 'pwned'))).toBe(false)
  })

  it('the arguments hide a folder with a tmpfs made read-only after its holes are mounted', () => {
    const { policy, main } = layout()
    const args = bwrapArgs(policy)
    // The read view: an empty root, made read-only last; the host's / is never bound whole.
    expect(args.join(' ')).not.toMatch(/--ro-bind \/ \/ /)
    expect(args.slice(-4)).toEqual(['--remount-ro', '/', '--chdir', policy.cwd])
    expect(args).toContain('--unshare-pid')
    expect(args).toContain('--die-with-parent')
    const tmpfs = args.indexOf(main)
    expect(args[tmpfs - 1]).toBe('--tmpfs')
    expect(args.lastIndexOf(main)).toBeGreaterThan(args.indexOf(path.join(main, '.git')))
    expect(args[args.lastIndexOf(main) - 1]).toBe('--remount-ro')
  })

  it('required without bwrap: one InputError naming what is missing and the fix; auto says why it is off', () => {
    const old = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      expect(() => resolveContainment('required')).toThrow(InputError)
      expect(() => resolveContainment('required')).toThrow(/--containment: required, but bubblewrap \(bwrap\) is not on PATH: apt-get install -y bubblewrap/)
      expect(resolveContainment('auto')).toMatchObject({ active: false, reason: expect.stringMatching(/not on PATH/) })
    } finally {
      process.env.PATH = old
    }
    expect(resolveContainment('off')).toMatchObject({ active: false, mechanism: 'none' })
    expect(() => resolveContainment('required', 'a server you run')).toThrow(/required, but a server you run/)
  })
})

describe('agent environment', () => {
  it('is an allowlist: names with a hyphen, tokens and OIDC variables never pass; named keys and --env-pass do', () => {
    const from = {
      PATH: '/bin',
      LANG: 'C.UTF-8',
      LC_ALL: 'C',
      TZ: 'UTC',
      TERM: 'xterm',
      HOME: '/root',
      GH_TOKEN: 'g',
      'INPUT_GITHUB-TOKEN': 't',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
      ANTHROPIC_API_KEY: 'a',
      MY_VAR: 'm',
      NODE_OPTIONS: '--require x',
    }
    const env = agentEnv({ from, keyNames: providerKeyNames('anthropic/claude-sonnet-4-5'), pass: ['MY_VAR'], set: { HOME: '/state/home' } })
    expect(env).toEqual({ PATH: '/bin', LANG: 'C.UTF-8', LC_ALL: 'C', TZ: 'UTC', TERM: 'xterm', ANTHROPIC_API_KEY: 'a', MY_VAR: 'm', HOME: '/state/home' })
    expect(providerKeyNames('some-provider/m')).toEqual(['SOME_PROVIDER_API_KEY'])
  })
})

describe('processes left by a case', () => {
  it('a tagged setsid process is found, stopped and killed; the baseline is spared', async () => {
    const tag = `t${Date.now()}`
    const env = { ...process.env, [PROCESS_TAG_VAR]: tag }
    const keep = spawn('sleep', ['30'], { env, stdio: 'ignore' })
    await new Promise((r) => setTimeout(r, 100))
    const b = processBaseline(tag)
    spawn('setsid', ['sh', '-c', 'sleep 30 & sleep 30'], { env, stdio: 'ignore', detached: true }).unref()
    await new Promise((r) => setTimeout(r, 200))
    const ended = await endNewProcesses(b, 5000, 50)
    expect(ended.map((p) => p.cmdline).sort()).toEqual(['sh -c sleep 30 & sleep 30', 'sleep 30', 'sleep 30'])
    expect(await endNewProcesses(b, 5000, 0)).toEqual([])
    expect(keep.exitCode).toBe(null)
    keep.kill('SIGKILL')
  })

  it("a process that cleared its environment and left the sandbox's PID namespace for a nested one is found (it descends from the sandbox)", async () => {
    // The "sandbox": a shell in a PID namespace of its own (user namespace too when not root), holding the tag.
    const asRoot = process.getuid?.() === 0
    const own = asRoot ? [] : ['--user', '--map-root-user']
    const tag = `t${Date.now()}n`
    const env = { ...process.env, [PROCESS_TAG_VAR]: tag }
    const nested = `unshare ${own.join(' ')} --pid --fork env -i sleep 31`
    const box = spawn('unshare', [...own, '--pid', '--fork', 'sh', '-c', `sleep 0.3; ${nested} & sleep 30`], { env, stdio: 'ignore', detached: true })
    await new Promise((r) => setTimeout(r, 150))
    const b = processBaseline(tag)
    expect(b.namespaces.size).toBe(1)
    await new Promise((r) => setTimeout(r, 600))
    const ended = await endNewProcesses(b, 5000, 50)
    expect(ended.map((p) => p.cmdline)).toContain('sleep 31')
    expect(await endNewProcesses(b, 5000, 0)).toEqual([])
    try {
      process.kill(-box.pid!, 'SIGKILL')
    } catch {
      // the namespace's init ended with its children
    }
  })
})

describe('credentials in the git config', () => {
  it('finds an extraheader (also in an included file) and a URL with a token; the view drops them and keeps the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cred-test-'))
    const repo = path.join(dir, 'repo')
    spawnSync('git', ['init', '-q', repo])
    const token = 'ghs_abcdefghijklmnop0123'
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
    git(repo, 'config', 'http.https://github.com/.extraheader', header)
    git(repo, 'config', 'remote.origin.url', `https://x-access-token:${token}@github.com/o/r`)
    const inc = path.join(dir, 'credentials.config')
    writeFileSync(inc, `[http "https://github.com/"]\n\textraheader = ${header}\n`)
    git(repo, 'config', `includeIf.gitdir:${repo}/.git.path`, inc)
    const found = await findCredentials(repo, gitEnv({ GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }))
    expect(found.map((f) => [f.kind, path.basename(f.file)]).sort()).toEqual([
      ['URL with credentials', 'config'],
      ['http extraheader', 'config'],
      ['http extraheader', 'credentials.config'],
    ])
    expect(found.every((f) => f.secrets.includes(token))).toBe(true)
    const views = await sanitizedViews(found, path.join(dir, 'views'))
    expect(views).toHaveLength(2)
    for (const [, copy] of views) expect(readFileSync(copy, 'utf8')).not.toContain(token)
    expect(readFileSync(views.find(([f]) => f.endsWith('/config'))![1], 'utf8')).toContain('includeIf')
  })
})

describe('secret scrubbing', () => {
  it('redacts every form (as is, base64 at each alignment, base64url, URL-encoded, JSON-escaped) and names secret and form, never the value', () => {
    // '???>>>' makes '/' and '+' in base64, so its base64url form differs.
    const secret = 'ghp_Secret/Value+With"Quotes&more???>>>'
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scrub-test-'))
    const file = path.join(dir, 'evidence.txt')
    const b64 = (prefix: string) => Buffer.from(prefix + secret + 'tail').toString('base64')
    const text = [
      secret,
      b64(''),
      b64('x'),
      b64('xy'),
      b64('xy').replace(/\+/g, '-').replace(/\//g, '_'),
      encodeURIComponent(secret),
      JSON.stringify({ s: secret }),
    ].join('\n')
    writeFileSync(file, text)
    const found = scrubFile(file, new Map([['env GH_TOKEN', secret]]))
    const after = readFileSync(file, 'utf8')
    for (const f of secretForms(secret)) expect(after).not.toContain(f.text)
    expect(new Set(found.map((f) => f.form))).toEqual(new Set(['as is', 'base64', 'base64url', 'URL-encoded', 'JSON-escaped']))
    expect(found.every((f) => f.secret === 'env GH_TOKEN')).toBe(true)
    expect(scrubFile(file, new Map([['env GH_TOKEN', secret]]))).toEqual([])
  })
})
