// Secrets never reach stdout, logs or the ledger: every text the harness
// writes passes through redact(), and before a case's evidence is sealed
// every file of it is scanned (scrubFile) for every registered secret in each
// form it could take there: as is, base64 (at any of the three alignments a
// larger encoded string can give it), base64url, URL-encoded, JSON-escaped.
import { readFileSync } from 'node:fs'
import { writeFileAtomic } from './fsutil.js'

const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i
const MIN_SECRET_LENGTH = 8
/** A base64 fragment shorter than this is too likely to occur by chance. */
const MIN_FORM_LENGTH = 8

export function secretValues(env: NodeJS.ProcessEnv = process.env, extraNames: string[] = []): string[] {
  const values = new Set<string>()
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < MIN_SECRET_LENGTH) continue
    if (SECRET_NAME.test(name) || extraNames.includes(name)) values.add(value)
  }
  // Longest first, so a key that contains another is masked whole.
  return [...values].sort((a, b) => b.length - a.length)
}

export type SecretForm = 'as is' | 'base64' | 'base64url' | 'URL-encoded' | 'JSON-escaped'

/**
 * The forms of `secret` that can appear in a file. A base64 form is the run
 * of characters that depend on the secret's bytes alone, for each of the
 * three byte offsets it can start at inside a larger encoded string.
 */
export function secretForms(secret: string): { form: SecretForm; text: string }[] {
  const out: { form: SecretForm; text: string }[] = [{ form: 'as is', text: secret }]
  const bytes = Buffer.from(secret, 'utf8')
  for (let o = 0; o < 3; o++) {
    const enc = Buffer.concat([Buffer.alloc(o), bytes]).toString('base64')
    const start = Math.ceil((8 * o) / 6)
    const end = Math.floor((8 * (o + bytes.length)) / 6)
    const text = enc.slice(start, end)
    if (text.length >= MIN_FORM_LENGTH) {
      out.push({ form: 'base64', text })
      const url = text.replace(/\+/g, '-').replace(/\//g, '_')
      if (url !== text) out.push({ form: 'base64url', text: url })
    }
  }
  const uri = encodeURIComponent(secret)
  if (uri !== secret) out.push({ form: 'URL-encoded', text: uri })
  const json = JSON.stringify(secret).slice(1, -1)
  if (json !== secret) out.push({ form: 'JSON-escaped', text: json })
  return out
}

export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of secrets) for (const f of secretForms(s)) if (out.includes(f.text)) out = out.split(f.text).join('***')
  return out
}

export function containsSecret(text: string, secrets: string[]): boolean {
  return secrets.some((s) => secretForms(s).some((f) => text.includes(f.text)))
}

export interface Redaction {
  /** Which secret (its label, never its value). */
  secret: string
  form: SecretForm
  count: number
}

/**
 * Redact every form of every secret in `file` (bytes compared as such, so a
 * binary file is scanned too); rewrite it atomically when something was
 * found. `secrets`: label → value.
 */
export function scrubFile(file: string, secrets: Map<string, string>): Redaction[] {
  let text = readFileSync(file).toString('latin1')
  const found: Redaction[] = []
  // Longest first, so a value that contains another is masked whole.
  const all = [...secrets].flatMap(([label, value]) => secretForms(value).map((f) => ({ label, ...f, bytes: Buffer.from(f.text, 'utf8').toString('latin1') })))
  all.sort((a, b) => b.bytes.length - a.bytes.length)
  for (const f of all) {
    if (!text.includes(f.bytes)) continue
    const parts = text.split(f.bytes)
    found.push({ secret: f.label, form: f.form, count: parts.length - 1 })
    text = parts.join('***')
  }
  if (found.length > 0) writeFileAtomic(file, Buffer.from(text, 'latin1'))
  return found
}
