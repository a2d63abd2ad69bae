// `opencode-dogfood merge RUN_DIR... --out DIR [--root HEX]... [--json]`: one
// verified RUN ledger from the N shards of a set (--shard I/N runs), each shard
// pinned to its published root when --root is given. Exit 0 when the merged
// verdict is PASS, 1 when FAIL, 2 when the shards are refused (one line
// naming what is wrong) or the arguments are wrong.
import { printable } from '../printable.js'
import { parseArgs } from 'node:util'
import { InputError } from '../errors.js'
import { ROOT_PATTERN } from '../ledger/root.js'
import { mergeShards } from './build.js'

/** Run the command; `write` receives stdout. Throws MergeError / InputError (exit 2) when refused. */
export function mergeCommand(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, json: { type: 'boolean' }, root: { type: 'string', multiple: true } },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length === 0) throw new InputError('merge', 'give the shard folders, RUN_DIR... (the N ledgers of one set), and --out DIR')
  if (values.out === undefined || values.out.trim() === '')
    throw new InputError('--out', 'give the ledger folder the merged RUN_XXXX goes into (e.g. artifacts/ledger/opencode_dogfood)')
  const roots = values.root ?? []
  for (const r of roots) if (!ROOT_PATTERN.test(r)) throw new InputError('--root', `'${r}' is not a ledger root (64 lowercase hex digits, as a run prints it)`)
  const m = mergeShards(positionals, values.out, roots)
  const s = m.summary
  if (values.json) write(JSON.stringify(s, null, 2) + '\n')
  else
    write(
      [
        `merged ${m.set.shards.length} shard(s) of set ${m.set.set_id} (${m.set.cases.length} case(s) × ${m.set.repeat} attempt(s), commit ${s.repo_commit.slice(0, 12)}) into ${m.runId}`,
        `verdict ${s.final_verdict}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped of ${s.total_cases}${s.stop_reason ? ` (${s.stop_reason})` : ''}`,
        `ledger: ${m.runDir}`,
        `ledger root: ${s.ledger_root} (publish it; check with: opencode-dogfood verify RUN_DIR --root HEX)`,
      ]
        // (The shards' strings, a stop reason naming the agent's files among them, shown inert.)
        .map((l) => `${printable(l)}\n`)
        .join(''),
    )
  return s.final_verdict === 'PASS' ? 0 : 1
}
