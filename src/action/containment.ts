// The Action's containment before the run: set the runner up (runner-setup.ts)
// unless containment is off or the server is not ours, and turn a runner that
// cannot be set up into one line: a failed step under `required` (the
// Action's default), a warning under `auto`.
import { InputError } from '../errors.js'
import type { ContainmentMode } from '../sandbox/mechanism.js'
import { realRunnerHost, type RunnerHost } from './runner-host.js'
import { setUpRunner, type RunnerSetupRecord } from './runner-setup.js'

export interface ActionContainment {
  /** The bwrap the run uses (the setup found or installed it). */
  bwrapPath?: string
  /** The record for the ledger (runner_setup.json); undefined when nothing was set up. */
  record?: RunnerSetupRecord
}

export interface PrepareOptions {
  mode: ContainmentMode
  /** A server the user runs (server-url): its processes are not ours to contain; nothing is set up. */
  serverUrl?: string
  env: NodeJS.ProcessEnv
  log: (line: string) => void
  warn: (line: string) => void
  /** The machine (default: the real one, searching the job's PATH). */
  host?: RunnerHost
}

/**
 * Set the runner up for the sandbox. Returns the bwrap to use and the record;
 * `{}` when containment is off or the server is the user's (the suite says
 * why). Throws InputError('containment', …) — one line naming what is
 * missing and the fix — when `required` and bwrap cannot be made to work.
 */
export function prepareContainment(opts: PrepareOptions): ActionContainment {
  if (opts.mode === 'off' || opts.serverUrl) return {}
  const record = setUpRunner(opts.host ?? realRunnerHost({ pathEnv: opts.env.PATH }), { env: opts.env, log: opts.log })
  if (record.works) return { bwrapPath: record.bwrap, record }
  if (opts.mode === 'required')
    throw new InputError('containment', `required (the default), but ${record.missing}; or set containment: auto to run uncontained and say so`)
  opts.warn(`containment: ${record.missing}`)
  return { record }
}
