// The shapes of the option table (option-table.ts): an option's declaration,
// what its parser gets, and the settings the table resolves.
import type { SuiteOptions } from './options.js'

/** Where a value came from: the command line or a workflow's `with:`. */
export type Surface = 'cli' | 'action'

/** What a parser gets besides the raw value. */
export interface ParseContext {
  /** The option as the user wrote it (`--timeout` or `timeout`): errors name it. */
  name: string
  /** Relative paths resolve against it (the CLI's cwd; GITHUB_WORKSPACE on a runner). */
  cwd: string
  surface: Surface
}

/** The Action's own inputs beyond the engine's options (artifact, check run, install). */
export interface ActionOnlySettings {
  opencodeVersion: string
  uploadArtifact: boolean
  artifactName: string
  /** 0 means the repository's setting. */
  retentionDays: number
  createCheck: boolean
  checkName: string
  githubToken: string
  /** run: a suite run (or one shard of a set); merge: join this workflow run's shard ledgers into one. */
  mode: ActionMode
  /** mode: merge: the shards' published ledger roots, each once ([]: each shard verified on its own). */
  mergeRoots: string[]
}

/** What the Action's step does (input `mode`). */
export type ActionMode = 'run' | 'merge'

/** Every setting the table resolves: the engine's options, the CLI's output options, the Action's own inputs. */
export type RunSettings = Omit<SuiteOptions, 'onProgress'> & Partial<ActionOnlySettings> & { junitPath?: string; json?: boolean }

/** One option. `flag` and/or `input` say where it exists. */
export interface OptionDef {
  /** The field of the resolved settings it sets. */
  key: keyof RunSettings
  /** The CLI flag without `--`; absent: the Action only. */
  flag?: string
  /** The action.yml input; absent: the CLI only. */
  input?: string
  /** A switch: a bare flag on the CLI, true/false in a workflow. */
  boolean?: true
  /** false: not an option of the engine (output, artifact, check run); runSuite never sees it. */
  engine?: false
  /** Its value is a secret: never shown, never defaulted in help. */
  secret?: true
  /** An Action input whose action.yml default may be emptied on purpose (github-token: no token, no check run). */
  emptyOk?: true
  /** The placeholder in `--help` (`--timeout SECONDS`). */
  meta?: string
  /** The value used when none is given, as a user would write it. */
  default?: string
  /** action.yml's default where it differs from the CLI's. */
  actionDefault?: string
  /** How `--help` and the README show a default that is computed or has no literal (`the number of cores`). */
  shownDefault?: string
  /** One line for `--help`. */
  help?: string
  /** The README table's text. */
  doc?: string
  /** action.yml's description. */
  action?: string
  /** Raw text → the setting; throws InputError naming ctx.name. Absent: the text as it is. */
  parse?: (raw: string, ctx: ParseContext) => unknown
}
