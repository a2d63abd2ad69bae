// The ledger watch (guard/ledger-watch.ts): the ledger and transcripts folders
// before the agent's first turn and after its last; any file changed, removed
// or added there — of this run or an earlier one — is the agent's doing, but
// for the harness's own writes. A small ledger is walked by Node; one of many
// earlier runs by GNU find, its second look read against the first walk. Both
// must find the same changes.
import { chmodSync, linkSync, mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareLedger, ledgerState } from '../src/guard/ledger-watch.js'
import { hasGnuFindSync } from '../src/guard/walk.js'

const base = mkdtempSync(path.join(os.tmpdir(), 'dogfood-ledger-watch-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

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

const summary = (changes: { path: string; kind: string }[], root: string) => changes.map((c) => `${c.kind} ${path.relative(root, c.path)}`)

// 2 runs: Node's walk. 12 runs: find's (the size hint passes FIND_THRESHOLD), where GNU find is there.
for (const runs of [2, 12]) {
  describe(`a ledger of ${runs} runs`, () => {
    it(`is walked by ${runs > 2 ? 'find, its second look read against the first' : "Node's walker"}`, async () => {
      const root = ledgerWith(runs)
      const s = await ledgerState([root])
      expect(s.get(root)!.entries.size).toBe(runs * 4)
      expect(s.get(root)!.find !== undefined).toBe(runs > 2 && hasGnuFindSync())
      expect(compareLedger(s, await ledgerState([root], s), new Set())).toEqual([])
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
      const changes = summary(compareLedger(before, after, new Set([own])), root)
      expect(changes.sort()).toEqual(
        [
          'created .git/HEAD',
          'created RUN_0001/evidence/T9X99/planted.txt',
          'deleted RUN_0001/evidence/T2B01/stdout.txt.sha256',
          'modified RUN_0001/evidence/T1C01/stdout.txt',
          'modified RUN_0001/evidence/T2B01/stdout.txt',
          `modified ${path.relative(root, path.join(last, 'T1C01', 'stdout.txt'))}`,
        ].sort(),
      )
    })
  })
}

it('folders that are not there are empty, and one made later holds what was added', async () => {
  const missing = path.join(base, 'not-yet')
  const before = await ledgerState([missing])
  expect(before.get(missing)!.entries.size).toBe(0)
  mkdirSync(missing)
  writeFileSync(path.join(missing, 'x.json'), '[]\n')
  expect(summary(compareLedger(before, await ledgerState([missing], before), new Set()), missing)).toEqual(['created x.json'])
})
