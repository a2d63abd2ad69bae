// Keys are registered with the runner before anything runs, so no log line,
// error message or summary can show them: every env var whose name says it is
// a secret (the github-token input, provider keys) and every role's key env.
import { secretValues } from '../secrets.js'
import type { Role } from '../suite/options.js'

export function maskSecrets(setSecret: (value: string) => void, env: NodeJS.ProcessEnv, roles: Role[] = []): number {
  const values = secretValues(env, roles.map((r) => r.key_env))
  for (const v of values) setSecret(v)
  return values.length
}
