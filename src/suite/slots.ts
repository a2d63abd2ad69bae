// Parallel slots (--jobs N): a slot is one place a case can run — a worktree,
// and an OpenCode server contained to it (its own sandbox, its own policy,
// its own process tag). Slot 0 is the run's own worktree and server; slots 1…
// are worktrees of the same HEAD made in the run's temp folder, each with its
// server, started while the first cases run. Each slot's sandbox hides every
// other checkout, the other slots' worktrees among them, so a case can reach
// only its own worktree and the guard's verdicts stay the serial run's.
import { mkdirSync, realpathSync } from 'node:fs'
import path from 'node:path'
import type { CredentialFinding } from '../sandbox/credentials.js'
import type { Containment } from '../sandbox/mechanism.js'
import { startReaper } from '../sandbox/reaper.js'
import type { Role } from '../types.js'
import type { CaseDef } from '../cases/catalog.js'
import { startBackends, type Backends } from './backends.js'
import { cliEntry } from './case-process.js'
import { prepareAgentSide, type AgentSide } from './containment.js'
import { createWorktree, removeWorktree } from './worktree.js'

export interface Slot {
  index: number
  workDir: string
  serverUrl: string
  agent: AgentSide
  backends?: Backends
  /** Made by the run (slots 1…): removed at its end with a plain `git worktree remove`. */
  ownWorktree?: string
}

export interface SlotInput {
  index: number
  /** Where the slot's worktree goes (its parent folder must exist). */
  dir: string
  repoDir: string
  commonDir: string
  /** Every checkout of the repository but this slot's: hidden from its sandbox. */
  otherCheckouts: string[]
  containment: Containment
  writeAllowlist: string[]
  /** The harness's folders (ledger, transcripts, temp). */
  harnessDirs: string[]
  /** The slot's own temp folder (OpenCode's state and log). */
  tmp: string
  readable: string[]
  credentials: CredentialFinding[]
  keyNames: string[]
  envPass: string[]
  model: string
  hermetic: boolean
  roles: Role[]
  cases: CaseDef[]
  binary: string
  /** Slot 0's made-up keys: every case process has one environment. */
  keyEnv: Record<string, string>
  launcher?: string
  signal?: AbortSignal
}

/**
 * Make slot `index`: `git worktree add --detach DIR HEAD`, its agent side
 * (policy, environment, tag), its OpenCode server (and scripted model) inside
 * its sandbox, and a reaper. Throws what createWorktree or startBackends
 * throw; the caller runs the stage on the slots it has.
 */
export async function startSlot(o: SlotInput): Promise<Slot> {
  mkdirSync(o.tmp, { recursive: true })
  const workDir = realpathSync(await createWorktree(o.repoDir, o.dir))
  const agent = await prepareAgentSide({
    containment: o.containment,
    workDir,
    commonDir: o.commonDir,
    otherCheckouts: o.otherCheckouts,
    writeAllowlist: o.writeAllowlist,
    harnessPaths: [],
    harnessDirs: o.harnessDirs,
    tmp: o.tmp,
    readable: o.readable,
    credentials: o.credentials,
    keyNames: o.keyNames,
    envPass: o.envPass,
  })
  const launch = (command: string, args: string[]) => {
    const c = agent.wrap(command, args)
    return o.launcher ? { command: o.launcher, args: [c.command, ...c.args] } : c
  }
  try {
    const backends = await startBackends({ model: o.model, hermetic: o.hermetic, roles: o.roles, writeAllowlist: o.writeAllowlist, cases: o.cases, binary: o.binary, cwd: workDir, tmp: o.tmp, env: agent.serverEnv, wrap: launch, keyEnv: o.keyEnv, signal: o.signal })
    startReaper({ cli: cliEntry(), parent: process.pid, group: backends.pid, tag: agent.tag })
    return { index: o.index, workDir, serverUrl: backends.url, agent, backends, ownWorktree: workDir }
  } catch (e) {
    await removeWorktree(o.repoDir, workDir)
    throw e
  }
}

/** Stop a slot's server and remove its worktree (kept, with the reason, when git refuses). Returns a line for the progress log. */
export async function stopSlot(slot: Slot, repoDir: string, graceMs?: number): Promise<string> {
  await slot.backends?.stop(graceMs)
  if (!slot.ownWorktree) return `slot ${slot.index}: stopped`
  const r = await removeWorktree(repoDir, slot.ownWorktree)
  return `slot ${slot.index}: ${r.message}`
}

/** Where slot `index`'s worktree and temp folder go, under the run's temp folder. */
export function slotPaths(runTmp: string, index: number): { dir: string; tmp: string } {
  return { dir: path.join(runTmp, `slot-${index}`, 'wt'), tmp: path.join(runTmp, `slot-${index}`, 'tmp') }
}
