// What a run summary says about what was tested (added fields, beside the
// plan packet's): the model and the OpenCode version, so that runs can be
// compared across models and versions (`opencode-dogfood compare`).
import { opencodeVersion, parseVersion } from '../opencode/binary.js'

export interface RunFacts {
  model: string
  opencode_version?: string
}

/**
 * The run's facts: `model`, and the OpenCode version — the one a server of
 * the user's reported (`serverVersion`), else the one the binary the run
 * started says; absent when neither is known (servers the caller brought).
 */
export function runFacts(model: string, serverVersion: string | undefined, binary: string | undefined): RunFacts {
  const said = serverVersion ?? (binary ? opencodeVersion(binary) : undefined)
  const version = said ? parseVersion(said)?.version : undefined
  return version ? { model, opencode_version: version } : { model }
}
