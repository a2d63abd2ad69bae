// The ledger watch (guard/ledger-watch.ts): the ledger and transcripts folders
// before the agent's first turn and after its last; any file changed, removed
// or added there — of this run or an earlier one — is the agent's doing, but
// for the harness's own writes. A small ledger is walked by Node; one of many
// earlier runs by GNU find, its second look read against the first walk. Both
// must find the same changes. Hostile probe findings (each fails without its
// fix): a folder made unreadable, a path past PATH_MAX, an empty folder, the
// watched folder swapped for a link, a non-UTF-8 name under a `.git`, the
// harness's own evidence rewritten later in the window, and a neighbour's
// exclusion that matched more than its files.
import { execFileSync } from 'node:child_process'
import { chmodSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareLedger, excludedBy, ledgerState, ownWriteStat } from '../src/guard/ledger-watch.js'
import { hasGnuFindSync, UNREADABLE, walkNode } from '../src/guard/walk.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-ledger-watch-'))
// (coreutils rm: Node's rmSync fails on a path past PATH_MAX, which one test makes.)
afterAll(() => execFileSync('rm', ['-rf', base]))

/** A ledger root with `runs` run folders, each with two cases' evidence. */
function ledgerWith(runs: number): string {
  const root = mkdtempSync(path.join(base, 'ledger-'))
  for (let r = 1; r <= runs; r++) {
    for (const id of ['T1C01', 'T2B01']) {
      const dir = path.join(root, `RUN_${String(r).padStart(4, '0')}`, 'evidence', id)
      mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, 'stdout.txt'), `${id} of run ${r}\n`)
      writeFileSync(path.join(dir, 'stdout.txt.sha256'), `${'0'.repeat(64)}  stdout.txt\n`)
    }
  }
  return root
}

const summary = (changes: { path: string; kind: string }[], root: string) =>
  changes.map((c) => `${c.kind} ${path.relative(root, c.path)}${c.path.endsWith('/') ? '/' : ''}`)

// 2 runs: Node's walk. 12 runs: find's (the size hint passes FIND_THRESHOLD), where GNU find is there.
for (const runs of [2, 12]) {
  describe(`a ledger of ${runs} runs`, () => {
    it(`is walked by ${runs > 2 ? 'find, its second look read against the first' : "Node's walker"}`, async () => {
      const root = ledgerWith(runs)
      const s = await ledgerState([root])
      expect(s.get(root)!.entries.size).toBe(runs * 4)
      expect(s.get(root)!.find !== undefined).toBe(runs > 2 && hasGnuFindSync())
      expect(compareLedger(s, await ledgerState([root], s), new Map())).toEqual([])
    })

    it('every kind of change is found, in an earlier run and in this one; the harness’s own writes are not', async () => {
      const root = ledgerWith(runs)
      const run1 = path.join(root, 'RUN_0001', 'evidence')
      const last = path.join(root, `RUN_${String(runs).padStart(4, '0')}`, 'evidence')
      const before = await ledgerState([root])
      // Rewritten in place, same size, its times put back (ctime still moves).
      const f = path.join(run1, 'T1C01', 'stdout.txt')
      const st = statSync(f)
      writeFileSync(f, 'T1C01 of run 9\n')
      utimesSync(f, st.atime, st.mtime)
      unlinkSync(path.join(run1, 'T2B01', 'stdout.txt.sha256'))
      chmodSync(path.join(run1, 'T2B01', 'stdout.txt'), 0o600)
      // A second name for an earlier run's file (a later write through it would need no access to the ledger).
      linkSync(path.join(last, 'T1C01', 'stdout.txt'), path.join(base, `link-${runs}`))
      mkdirSync(path.join(root, 'RUN_0001', 'evidence', 'T9X99'))
      writeFileSync(path.join(root, 'RUN_0001', 'evidence', 'T9X99', 'planted.txt'), 'p\n')
      mkdirSync(path.join(root, '.git'))
      writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n')
      // The harness's own evidence of the case, written in the window: named, so left out.
      const own = path.join(last, 'T2B01', 'verdict.json')
      writeFileSync(own, '{}\n')
      const after = await ledgerState([root], before)
      const changes = summary(compareLedger(before, after, new Map([[own, ownWriteStat(own)]])), root)
      expect(changes.sort()).toEqual(
        [
          'created .git',
          'created .git/HEAD',
          'created RUN_0001/evidence/T9X99/',
          'created RUN_0001/evidence/T9X99/planted.txt',
          'deleted RUN_0001/evidence/T2B01/stdout.txt.sha256',
          'modified RUN_0001/evidence/T1C01/stdout.txt',
          'modified RUN_0001/evidence/T2B01/stdout.txt',
          `modified ${path.relative(root, path.join(last, 'T1C01', 'stdout.txt'))}`,
        ].sort(),
      )
    })

    it('a path past PATH_MAX, an empty folder, and a non-UTF-8 name under a .git are found', async () => {
      const root = ledgerWith(runs)
      const before = await ledgerState([root])
      // 25 folders of 200 characters: 5,000 bytes of path (Node's lstat fails with ENAMETOOLONG; find walks relative).
      const n = 'd'.repeat(200)
      execFileSync('bash', ['-c', `cd RUN_0002 && for i in $(seq 25); do mkdir ${n} && cd ${n}; done && echo PLANTED > fake.json`], { cwd: root })
      mkdirSync(path.join(root, 'RUN_0099'))
      mkdirSync(path.join(root, '.git'))
      writeFileSync(Buffer.concat([Buffer.from(path.join(root, '.git') + '/'), Buffer.from([0xff, 0x65])]), 'x')
      const changes = summary(compareLedger(before, await ledgerState([root], before), new Map()), root)
      expect(changes).toContain('created RUN_0099/')
      expect(changes).toContain('created .git')
      expect(changes.filter((c) => c.startsWith('created .git/')).length).toBe(1)
      expect(changes.some((c) => c.startsWith(`created RUN_0002/${n}`))).toBe(true)
      // Node's walker records what it cannot lstat as an entry of its own (a checkout's fingerprint and snapshot compare entries, not folders).
      expect([...walkNode(root).entries].filter(([rel, e]) => rel.startsWith(`RUN_0002/${n}`) && e === UNREADABLE).length).toBe(1)
    })

    it('the watched folder moved away and a link to it left in its place is a change', async () => {
      const root = ledgerWith(runs)
      const before = await ledgerState([root])
      const away = path.join(base, `away-${runs}`)
      renameSync(root, away)
      symlinkSync(away, root)
      const changes = compareLedger(before, await ledgerState([root], before), new Map())
      expect(changes).toEqual([{ path: root, kind: 'modified' }])
    })

    it("the harness's own evidence, rewritten after the harness wrote it in the window, is a change", async () => {
      const root = ledgerWith(runs)
      const before = await ledgerState([root])
      const own = path.join(root, 'RUN_0001', 'evidence', 'T2B01', 'answer.txt')
      const kept = path.join(root, 'RUN_0001', 'evidence', 'T2B01', 'policy.json')
      writeFileSync(own, 'what the agent answered\n')
      writeFileSync(kept, '{}\n')
      const ownWrites = new Map([
        [own, ownWriteStat(own)],
        [kept, ownWriteStat(kept)],
      ])
      writeFileSync(own, 'what the agent would rather have said\n')
      // A write of the harness's outside the watched folders is not the watch's to judge.
      const outside = path.join(base, `outside-${runs}.txt`)
      writeFileSync(outside, 'x\n')
      ownWrites.set(outside, ownWriteStat(outside))
      writeFileSync(outside, 'y\n')
      expect(summary(compareLedger(before, await ledgerState([root], before), ownWrites), root)).toEqual(['modified RUN_0001/evidence/T2B01/answer.txt'])
    })
  })
}

describe('a folder the walker may not list (chmod 100: its files still opened by name), in the ledger, the worktree, a checkout', () => {
  const asRoot = process.getuid?.() === 0
  it('is a change, on both walkers, for a user that cannot list it', () => {
    // Root lists every folder: the walk runs as nobody there (setpriv, util-linux), as the user elsewhere.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-ledger-unlistable-'))
    chmodSync(dir, 0o777)
    const script = path.join(dir, 'probe.mts')
    writeFileSync(
      script,
      `import { mkdirSync, writeFileSync, chmodSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { compareLedger, ledgerState } from ${JSON.stringify(path.resolve('src/guard/ledger-watch.ts'))}
import { takeSnapshot, takeSnapshotAfter } from ${JSON.stringify(path.resolve('src/guard/snapshot.ts'))}
import { compareSnapshots } from ${JSON.stringify(path.resolve('src/guard/compare.ts'))}
import { takeFingerprint, compareFingerprints } from ${JSON.stringify(path.resolve('src/guard/fingerprint.ts'))}
const out = []
for (const runs of [2, 12]) {
  const root = ${JSON.stringify(dir)} + '/ledger-' + runs
  for (let r = 1; r <= runs; r++) { mkdirSync(root + '/RUN_' + String(r).padStart(4, '0') + '/evidence/T1C01', { recursive: true }); writeFileSync(root + '/RUN_' + String(r).padStart(4, '0') + '/evidence/T1C01/stdout.txt', 'x') }
  const before = await ledgerState([root])
  mkdirSync(root + '/RUN_0002/evidence/x')
  writeFileSync(root + '/RUN_0002/evidence/x/verdict.json', 'PLANTED')
  chmodSync(root + '/RUN_0002/evidence/x', 0o100)
  out.push(compareLedger(before, await ledgerState([root], before), new Map()).map((c) => c.kind + ' ' + c.path.slice(root.length + 1)))
}
// The worktree's snapshot and a checkout's fingerprint walk with the same walker.
const repo = ${JSON.stringify(dir)} + '/repo'
mkdirSync(repo + '/src', { recursive: true })
writeFileSync(repo + '/src/app.ts', 'export const a = 1\\n')
const git = (...a) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: repo })
git('init', '-q'); git('add', '-A'); git('commit', '-qm', 'i')
const snap = await takeSnapshot(repo, {})
const print = await takeFingerprint(repo, [])
mkdirSync(repo + '/src/hidden')
writeFileSync(repo + '/src/hidden/payload.ts', 'evil')
chmodSync(repo + '/src/hidden', 0o100)
out.push(compareSnapshots(snap, await takeSnapshotAfter(snap, {})).map((c) => c.kind + ' ' + c.path))
out.push(compareFingerprints(print, await takeFingerprint(repo, [], print)).map((c) => c.kind + ' ' + c.path.slice(repo.length + 1)))
console.log(JSON.stringify(out))
`,
    )
    const tsx = path.resolve('node_modules/.bin/tsx')
    const cmd = asRoot ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', tsx, script]] : [tsx, [script]]
    const out = JSON.parse(execFileSync(cmd[0] as string, cmd[1] as string[], { encoding: 'utf8', cwd: dir, env: { ...process.env, HOME: dir } }))
    const [nodeWalk, findWalk, snapshot, fingerprint] = out
    for (const changes of [nodeWalk, findWalk]) expect(changes).toEqual(['created RUN_0002/evidence/x', 'created RUN_0002/evidence/x/'])
    expect(snapshot).toEqual(['created src/hidden'])
    expect(fingerprint).toEqual(['created src/hidden'])
    execFileSync('chmod', ['-R', 'u+rwx', dir])
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('a folder already unreadable before the case: a chmod to look inside, a write, a chmod back', () => {
  it('is a change in the snapshot, the fingerprint and the ledger (the folder counts by its own stat data)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-ledger-chmodcycle-'))
    chmodSync(dir, 0o777)
    const script = path.join(dir, 'probe.mts')
    const src = (m: string) => JSON.stringify(path.resolve(`src/guard/${m}.ts`))
    writeFileSync(
      script,
      `import { mkdirSync, writeFileSync, chmodSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { compareLedger, ledgerState } from ${src('ledger-watch')}
import { takeSnapshot, takeSnapshotAfter } from ${src('snapshot')}
import { compareSnapshots } from ${src('compare')}
import { takeFingerprint, compareFingerprints } from ${src('fingerprint')}
const repo = ${JSON.stringify(dir)} + '/repo'
mkdirSync(repo + '/src', { recursive: true })
writeFileSync(repo + '/src/app.ts', 'export const a = 1\\n')
const git = (...a) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: repo })
git('init', '-q'); git('add', '-A'); git('commit', '-qm', 'i')
const out = {}
for (const [name, mode] of [['x', 0o100], ['r', 0o400]]) {
  mkdirSync(repo + '/' + name); writeFileSync(repo + '/' + name + '/file', 'before'); chmodSync(repo + '/' + name, mode)
}
const snap = await takeSnapshot(repo, {})
const print = await takeFingerprint(repo, [])
const ledger = await ledgerState([repo])
for (const [name, mode] of [['x', 0o100], ['r', 0o400]]) {
  chmodSync(repo + '/' + name, 0o700); writeFileSync(repo + '/' + name + '/file', 'after'); chmodSync(repo + '/' + name, mode)
}
out.snapshot = compareSnapshots(snap, await takeSnapshotAfter(snap, {})).map((c) => c.kind + ' ' + c.path)
out.fingerprint = compareFingerprints(print, await takeFingerprint(repo, [], print)).map((c) => c.kind + ' ' + c.path.slice(repo.length + 1))
out.ledger = compareLedger(ledger, await ledgerState([repo], ledger), new Map()).map((c) => c.kind + ' ' + c.path.slice(repo.length + 1))
console.log(JSON.stringify(out))
`,
    )
    const tsx = path.resolve('node_modules/.bin/tsx')
    const cmd = process.getuid?.() === 0 ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', tsx, script]] : [tsx, [script]]
    const out = JSON.parse(execFileSync(cmd[0] as string, cmd[1] as string[], { encoding: 'utf8', cwd: dir, env: { ...process.env, HOME: dir } }))
    execFileSync('chmod', ['-R', 'u+rwx', dir])
    rmSync(dir, { recursive: true, force: true })
    for (const name of ['x', 'r']) {
      expect(out.snapshot).toContain(`modified ${name}`)
      expect(out.fingerprint).toContain(`modified ${name}`)
      expect(out.ledger).toContain(`modified ${name}`)
    }
  })
})

describe('what cases beside this one write (excludedBy)', () => {
  const calls = '/l/logs/agent_calls/RUN_0001'
  it('leaves out exactly their files, their folders below, and their atomic-write temp files', () => {
    expect(excludedBy(`${calls}/T2B02.json`, { exact: `${calls}/T2B02.json` })).toBe(true)
    expect(excludedBy(`${calls}/T2B02.json.forged`, { exact: `${calls}/T2B02.json` })).toBe(false)
    expect(excludedBy(`${calls}/.T2B02.json.1234.0a1b2c3d.tmp`, { temp: `${calls}/.T2B02.json.` })).toBe(true)
    expect(excludedBy(`${calls}/.T2B02.json.evil`, { temp: `${calls}/.T2B02.json.` })).toBe(false)
    expect(excludedBy('/l/RUN_0001/evidence/T2B02/stdout.txt', { below: '/l/RUN_0001/evidence/T2B02' })).toBe(true)
    expect(excludedBy('/l/RUN_0001/evidence/T2B02/', { below: '/l/RUN_0001/evidence/T2B02' })).toBe(true)
    expect(excludedBy('/l/RUN_0001/evidence/T2B021/stdout.txt', { below: '/l/RUN_0001/evidence/T2B02' })).toBe(false)
    expect(excludedBy(`${calls}/attempts/`, { exact: `${calls}/attempts/` })).toBe(true)
    expect(excludedBy(`${calls}/attempts/1/T1C01.json`, { exact: `${calls}/attempts/` })).toBe(false)
  })
})

it('folders that are not there are empty, and one made later holds what was added', async () => {
  const missing = path.join(base, 'not-yet')
  const before = await ledgerState([missing])
  expect(before.get(missing)!.entries.size).toBe(0)
  mkdirSync(missing)
  writeFileSync(path.join(missing, 'x.json'), '[]\n')
  expect(summary(compareLedger(before, await ledgerState([missing], before), new Map()), missing)).toEqual(['created x.json'])
})
