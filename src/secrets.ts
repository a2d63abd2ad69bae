// Secrets never reach stdout, logs or the ledger: every text the harness
// writes passes through redact(), which knows the values of the role keys
// and of any environment variable whose name says it is a secret.
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i
const MIN_SECRET_LENGTH = 8

export function secretValues(env: NodeJS.ProcessEnv = process.env, extraNames: string[] = []): string[] {
  const values = new Set<string>()
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < MIN_SECRET_LENGTH) continue
    if (SECRET_NAME.test(name) || extraNames.includes(name)) values.add(value)
  }
  // Longest first, so a key that contains another is masked whole.
  return [...values].sort((a, b) => b.length - a.length)
}

export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***')
  return out
}

export function containsSecret(text: string, secrets: string[]): boolean {
  return secrets.some((s) => text.includes(s))
}
