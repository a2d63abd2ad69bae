// Keys are registered with the runner before anything runs, so no log line,
// error message or summary can show them: every env var whose name says it is
// a secret (the github-token input, provider keys) and every role's key env.
import { secretValues } from '../secrets.js'
import type { Role } from '../suite/options.js'

/** Registers each value once; pass the returned set back in to register only new ones. */
export function maskSecrets(setSecret: (value: string) => void, env: NodeJS.ProcessEnv, roles: Role[] = [], done = new Set<string>()): Set<string> {
  for (const v of secretValues(
    env,
    roles.map((r) => r.key_env),
  )) {
    if (done.has(v)) continue
    setSecret(v)
    done.add(v)
  }
  return done
}
