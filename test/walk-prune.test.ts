// The harness's own folders inside a checkout (the ledger, the transcripts) are
// excluded from the snapshot and the fingerprint; Node's walker lists such a
// folder and does not enter it. Entered, every earlier run's files were stat'd
// and dropped, before and after every case: measured with a real run's folder
// (410 entries) copied into the ledger, the fingerprint took 62 ms with 20
// earlier runs against 3 ms with none; pruned, 1.3 ms.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareFingerprints, takeFingerprint } from '../src/guard/fingerprint.js'
import { takeSnapshot } from '../src/guard/snapshot.js'
import { prunedFolders, walkNode } from '../src/guard/walk.js'
import { repoMaker } from './support/git-repo.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-prune-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const makeRepo = repoMaker(base)

const LEDGER = 'artifacts/ledger/opencode_dogfood/'
const CALLS = 'logs/agent_calls/'

/** A checkout with two earlier runs in its ledger and a transcript, beside the user's own files. */
function checkoutWithLedger(): string {
  const repo = makeRepo({ 'README.md': 'r\n', 'artifacts/keep.txt': 'k\n', 'logs/own.log': 'l\n' })
  for (const run of ['RUN_0001', 'RUN_0002']) {
    mkdirSync(path.join(repo, LEDGER, run, 'evidence', 'T1C01'), { recursive: true })
    writeFileSync(path.join(repo, LEDGER, run, 'evidence', 'T1C01', 'stdout.txt'), 'x\n')
  }
  mkdirSync(path.join(repo, CALLS, 'RUN_0002'), { recursive: true })
  writeFileSync(path.join(repo, CALLS, 'RUN_0002', 'T1C01.json'), '[]\n')
  return repo
}

describe('prunedFolders', () => {
  it('prunes a folder only when every path below it is excluded (prefix entries, ending in /)', () => {
    const prune = prunedFolders([LEDGER, CALLS, 'README.md'])!
    expect(prune('artifacts/ledger/opencode_dogfood')).toBe(true)
    expect(prune('artifacts/ledger/opencode_dogfood/RUN_0001')).toBe(true)
    expect(prune('logs/agent_calls')).toBe(true)
    // Above the excluded folders, and beside them: entered.
    expect(prune('artifacts')).toBe(false)
    expect(prune('artifacts/ledger')).toBe(false)
    expect(prune('logs')).toBe(false)
    expect(prune('artifacts/ledger/opencode_dogfood2')).toBe(false)
    // A one-path entry prunes nothing.
    expect(prunedFolders(['README.md'])).toBeUndefined()
  })
})

describe('walking a checkout with a ledger in it', () => {
  it("Node's walker lists an excluded folder and does not enter it", () => {
    const repo = checkoutWithLedger()
    const w = walkNode(repo, prunedFolders([LEDGER, CALLS]))
    expect(w.dirs.has('artifacts/ledger/opencode_dogfood')).toBe(true)
    expect(w.dirs.has('logs/agent_calls')).toBe(true)
    expect([...w.dirs].filter((d) => d.startsWith(LEDGER) || d.startsWith(CALLS))).toEqual([])
    expect([...w.entries.keys()].sort()).toEqual(['README.md', 'artifacts/keep.txt', 'logs/own.log'])
  })

  it('the snapshot holds no folder or file below the excluded folders', async () => {
    const repo = checkoutWithLedger()
    const s = await takeSnapshot(repo, { exclude: [LEDGER, CALLS] })
    expect([...s.dirs].filter((d) => d.startsWith(LEDGER) || d.startsWith(CALLS))).toEqual([])
    expect([...s.tree.keys()].filter((p) => p.startsWith(LEDGER) || p.startsWith(CALLS))).toEqual([])
    expect(s.tree.has('artifacts/keep.txt')).toBe(true)
  })

  it('the fingerprint still sees every change beside the excluded folders, and none inside them', async () => {
    const repo = checkoutWithLedger()
    const exclude = [LEDGER, CALLS]
    const before = await takeFingerprint(repo, exclude)
    writeFileSync(path.join(repo, LEDGER, 'RUN_0003.txt'), 'new run\n')
    writeFileSync(path.join(repo, CALLS, 'RUN_0002', 'T1C02.json'), '[]\n')
    writeFileSync(path.join(repo, 'artifacts', 'keep.txt'), 'changed\n')
    writeFileSync(path.join(repo, 'logs', 'agent.log'), 'planted\n')
    const after = await takeFingerprint(repo, exclude, before)
    expect(
      compareFingerprints(before, after)
        .map((c) => `${c.kind} ${c.path}`)
        .sort(),
    ).toEqual([`created ${path.join(repo, 'logs', 'agent.log')}`, `modified ${path.join(repo, 'artifacts', 'keep.txt')}`])
  })
})
