// Who the agent's processes are on the host. When the harness runs as root
// (CI containers, many self-hosted runners), a sandboxed root would still
// read every root-owned file the view shows; so, inside the sandbox and after
// its mounts are made, the command drops to an unprivileged host uid of its
// own (setpriv, util-linux) with no supplementary groups, no capabilities and
// no_new_privs (a setuid program inside cannot give root back). When the
// harness is not root, the agent is the harness's own uid, as before.
import { readFileSync, realpathSync } from 'node:fs'
import { onPath } from './which.js'

/** The host identity the contained processes run as, when it differs from the harness's. */
export interface AgentIdentity {
  uid: number
  gid: number
  /** setpriv's real path (it must be inside the read view: /usr/bin). */
  setpriv: string
}

/** The uids tried for the agent, in order: high, unnamed, outside the ranges distributions hand out to people (1000–59999) and systems (<1000). */
const CANDIDATES = Array.from({ length: 100 }, (_, i) => 61_400 + i)

/** uids named in /etc/passwd (an unreadable file: none). */
function namedUids(passwd = '/etc/passwd'): Set<number> {
  try {
    return new Set(
      readFileSync(passwd, 'utf8')
        .split('\n')
        .map((l) => Number(l.split(':')[2]))
        .filter(Number.isInteger),
    )
  } catch {
    return new Set()
  }
}

/**
 * The agent's identity for this harness: undefined when the harness is not
 * root (the agent then is the harness's uid); else the first candidate uid
 * /etc/passwd does not name, with the same gid. Throws Error (one line) when
 * setpriv is missing: dropping root cannot be had, and the caller decides
 * whether that stops the run.
 */
export function agentIdentity(euid = process.geteuid?.() ?? -1, pathEnv = process.env.PATH ?? ''): AgentIdentity | undefined {
  if (euid !== 0) return undefined
  const setpriv = onPath('setpriv', pathEnv)
  if (!setpriv)
    throw new Error(
      'the harness runs as root and setpriv (util-linux) is not on PATH, so the agent would be root inside the sandbox: apt-get install -y util-linux',
    )
  const named = namedUids()
  const uid = CANDIDATES.find((u) => !named.has(u)) ?? CANDIDATES[0]
  return { uid, gid: uid, setpriv: realpathSync(setpriv) }
}

/** The command prefix that drops to `id` inside the sandbox: no groups, no capabilities, no new privileges. */
export function dropArgs(id: AgentIdentity): string[] {
  return [id.setpriv, `--reuid=${id.uid}`, `--regid=${id.gid}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--']
}
