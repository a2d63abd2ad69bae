// The repository's own OpenCode configuration, as input from the repository
// under test: which of its files are there (by name, never read), and what
// the server does with them. The server runs with OPENCODE_DISABLE_PROJECT_CONFIG=1
// (server.ts NETWORK_FREE_ENV): opencode.json(c) and .opencode/ (plugins,
// agents, commands, MCP entries) are not loaded, whatever a pull request adds;
// AGENTS.md is still read by OpenCode as instructions for the model.
import { lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { NETWORK_FREE_ENV } from './server.js'
import { existsNoFollow } from '../fsutil.js'

export interface ProjectConfigRecord {
  /** Project config files present in the worktree (relative paths; .opencode/ listed one level deep). */
  present: string[]
  /** Whether the server loads opencode.json and .opencode/, and why. */
  loaded: string
  /** AGENTS.md: present or not, and what OpenCode does with it. */
  agents_md: string
}

/** What the worktree holds of OpenCode's project config (names only: nothing is opened). */
export function projectConfigRecord(workDir: string): ProjectConfigRecord {
  const present = ['opencode.json', 'opencode.jsonc', 'AGENTS.md', 'CLAUDE.md'].filter((f) => existsNoFollow(path.join(workDir, f)))
  const dir = path.join(workDir, '.opencode')
  try {
    // A link there is named, never followed (its target's names would leak into policy.json).
    if (lstatSync(dir).isSymbolicLink()) present.push('.opencode (a link: not followed)')
    else for (const e of readdirSync(dir, { withFileTypes: true })) present.push(`.opencode/${e.name}${e.isDirectory() ? '/' : ''}`)
  } catch {
    // none
  }
  const disabled = NETWORK_FREE_ENV.OPENCODE_DISABLE_PROJECT_CONFIG === '1'
  return {
    present,
    loaded: disabled ? 'no: the server runs with OPENCODE_DISABLE_PROJECT_CONFIG=1 (opencode.json and .opencode/ are ignored; our config is injected)' : 'yes',
    agents_md: present.includes('AGENTS.md') ? 'present: OpenCode reads it as instructions (no code runs from it)' : 'absent',
  }
}
