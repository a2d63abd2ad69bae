// Typed errors, each with its own name, caught with instanceof at the edge
// (cli.ts, main.ts) and turned into one clear line and a non-zero exit.
import { printable } from './printable.js'

/** A user input is invalid: names the input and what is allowed. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`${input}: ${message}`)
  }
}

/**
 * The suite entry checklist failed; nothing was run. The message is one line for one failure (what CI logs
 * and people grep), else a list, one failure a line; each failure is made printable here (it may quote a
 * name from the repository under test), so the list's own newlines are the only ones in it.
 */
export class PreflightError extends Error {
  override name = 'PreflightError'
  constructor(readonly failures: string[]) {
    const shown = failures.map(printable)
    super(shown.length === 1 ? `suite entry checklist failed: ${shown[0]}` : `suite entry checklist failed:\n${shown.map((f) => `  - ${f}`).join('\n')}`)
  }
}

/** A result or summary failed its JSON schema: a harness bug, never a verdict. */
export class SchemaError extends Error {
  override name = 'SchemaError'
  constructor(
    readonly schemaId: string,
    readonly problems: string[],
  ) {
    super(`${schemaId} failed its schema: ${problems.join('; ')}`)
  }
}

/** The OpenCode server could not be started or reached. */
export class ServerStartError extends Error {
  override name = 'ServerStartError'
}

/** A git command failed where the harness cannot go on. */
export class GitError extends Error {
  override name = 'GitError'
  constructor(
    readonly args: string[],
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim().split('\n')[0] ?? ''}`)
  }
}

/**
 * `opencode-dogfood merge` refused its shards: one line naming what is wrong
 * (a pair missing or twice, a shard that does not verify, shards that
 * disagree). An InputError (exit 2): the shards given are the input.
 */
export class MergeError extends InputError {
  override name = 'MergeError'
  constructor(message: string) {
    super('merge', message)
  }
}
