// Write grants for a dropped agent uid (identity.ts). The agent may write
// exactly the policy's writable folders; when it runs as its own uid those
// folders must be its own for as long as it works in them, and the user's
// again afterwards, owners and modes as they were. A rule of scope 'run'
// (OpenCode's state folders: the harness's own, made for this run) is the
// agent's for the whole run; a rule of scope 'case' (the write allowlist in
// the worktree) only while a case runs. The owners are changed by
// `chown -R -h` (coreutils: walks with directory descriptors, never follows a
// link, so a folder the agent swaps for a link mid-walk cannot steer it out).
import { execFile } from 'node:child_process'
import { lstatSync, lchownSync, opendirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { AgentIdentity } from './identity.js'
import type { ContainmentPolicy, ContainmentRule } from './policy.js'

const run = promisify(execFile)

/** Past this many entries under one writable rule the owners are not recorded one by one: the give-back sets the rule's own owner on all. */
const RECORD_LIMIT = 200_000

/** A grant in force: give it back once the case (or run) is over. */
export interface WriteGrant {
  /** Owners back as they were (new entries: the folder's owner). Never throws; returns one line per problem. */
  giveBack(): Promise<string[]>
}

interface Owner {
  uid: number
  gid: number
}

/** The owners under `root` (itself included), by path, not following links; undefined past RECORD_LIMIT. */
function recordOwners(root: string): Map<string, Owner> | undefined {
  const out = new Map<string, Owner>()
  const stack = [root]
  while (stack.length > 0) {
    const p = stack.pop()!
    let s: ReturnType<typeof lstatSync>
    try {
      s = lstatSync(p)
    } catch {
      continue
    }
    out.set(p, { uid: s.uid, gid: s.gid })
    if (out.size > RECORD_LIMIT) return undefined
    if (!s.isDirectory()) continue
    try {
      const d = opendirSync(p)
      try {
        for (let e = d.readSync(); e; e = d.readSync()) stack.push(path.join(p, e.name))
      } finally {
        d.closeSync()
      }
    } catch {
      // unreadable: its own owner is recorded
    }
  }
  return out
}

async function chownTree(p: string, o: Owner): Promise<string | undefined> {
  try {
    await run('chown', ['-R', '-h', `${o.uid}:${o.gid}`, '--', p])
    return undefined
  } catch (e) {
    return `chown ${p}: ${((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n')[0]}`
  }
}

/**
 * Make the policy's writable rules of `scope` the agent's: their owners are
 * recorded, then changed to `agent`. Returns the grant to give back. A rule
 * whose owners cannot be changed is left as it is (the agent then cannot
 * write there: fail closed), with a line in `problems`.
 */
export async function grantWrites(
  policy: ContainmentPolicy,
  agent: AgentIdentity,
  scope: NonNullable<ContainmentRule['scope']>,
  problems: string[] = [],
): Promise<WriteGrant> {
  const rules = policy.rules.filter((r) => r.access === 'write' && (r.scope ?? 'case') === scope)
  const records = rules.map((r) => ({ root: r.path, owners: recordOwners(r.path) }))
  for (const r of records) {
    const problem = await chownTree(r.root, { uid: agent.uid, gid: agent.gid })
    if (problem) problems.push(problem)
  }
  return {
    async giveBack() {
      const out: string[] = []
      for (const r of records) {
        const top = r.owners?.get(r.root)
        if (!top) continue
        const problem = await chownTree(r.root, top)
        if (problem) out.push(problem)
        // The rare entry whose owner differed from its folder's.
        for (const [p, o] of r.owners ?? []) {
          if (o.uid === top.uid && o.gid === top.gid) continue
          try {
            lchownSync(p, o.uid, o.gid)
          } catch {
            // gone since (the case deleted it; the guard's restore put back what it must)
          }
        }
      }
      return out
    },
  }
}
