// The evidence watch: the ledger and the transcripts are the harness's, even
// where the write allowlist names them (its entries for
// artifacts/ledger/opencode_dogfood/ and logs/agent_calls/ are for the
// harness). Before the agent's first turn the files under those folders are
// listed with their stat identity; after its last turn, any file changed,
// removed or added — of this run or an earlier one — is the agent's doing
// (the harness writes there only outside that window, but for its own
// evidence of the case, which it names). Under containment the folders are
// out of the agent's reach; the watch still runs, as a second line.
import { type BigIntStats, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** abs path → `dev:ino:size:mtimeNs:ctimeNs:mode` (ctime moves on any write or chmod, and cannot be set back). */
export type LedgerState = Map<string, string>

export interface LedgerChange {
  path: string
  kind: 'created' | 'modified' | 'deleted'
}

function walk(dir: string, out: LedgerState): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return // not there (yet): nothing to watch
  }
  for (const name of names) {
    const abs = path.join(dir, name)
    let s: BigIntStats
    try {
      s = lstatSync(abs, { bigint: true })
    } catch {
      continue
    }
    if (s.isDirectory()) walk(abs, out)
    else out.set(abs, `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.mode}`)
  }
}

/** The state of every file under `dirs` (folders that do not exist are empty). */
export function ledgerState(dirs: string[]): LedgerState {
  const out: LedgerState = new Map()
  for (const d of dirs) walk(d, out)
  return out
}

/**
 * What changed between two states, leaving out `ownWrites` (absolute paths
 * the harness itself wrote in the window). Sorted by path.
 */
export function compareLedger(before: LedgerState, after: LedgerState, ownWrites: Set<string>): LedgerChange[] {
  const out: LedgerChange[] = []
  for (const [p, k] of before) {
    if (ownWrites.has(p)) continue
    const a = after.get(p)
    if (a === undefined) out.push({ path: p, kind: 'deleted' })
    else if (a !== k) out.push({ path: p, kind: 'modified' })
  }
  for (const p of after.keys()) if (!before.has(p) && !ownWrites.has(p)) out.push({ path: p, kind: 'created' })
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
}
