// Parallel slots (--jobs N): a slot is one place a case can run — a worktree,
// and an OpenCode server contained to it (its own sandbox, its own policy,
// its own process tag). Slot 0 is the run's own worktree and server; slots 1…
// are worktrees of the same HEAD made in the run's temp folder, each with its
// server; every slot's server starts at the same moment as slot 0's. Each
// slot's sandbox hides every other checkout, the other slots' worktrees among
// them, so a case can reach only its own worktree and the guard's verdicts
// stay the serial run's.
import { mkdirSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { startReaper, type RunLeftovers } from '../sandbox/reaper.js'
import { describeWarmUp, warmUp, type WarmUp } from '../opencode/warm-up.js'
import { startBackends, type BackendOptions, type Backends } from './backends.js'
import { cliEntry } from './case-process.js'
import { type AgentSide, type AgentSideInput, prepareAgentSide } from './containment.js'
import { createWorktree, removeWorktree } from './worktree.js'

export interface Slot {
  index: number
  workDir: string
  serverUrl: string
  /** Its server's password (undefined: a server of the user's without one). */
  serverPassword?: string
  agent: AgentSide
  backends?: Backends
  /** How its server was warmed (slots 1…; for the progress log). */
  warm?: string
  /** Made by the run (slots 1…): removed at its end with a plain `git worktree remove`. */
  ownWorktree?: string
}

/** What every slot's server is started from: the run's model, roles, cases and keys (see BackendOptions). */
export type SlotServerInput = Pick<BackendOptions, 'model' | 'hermetic' | 'roles' | 'writeAllowlist' | 'cases' | 'binary' | 'egressAllow'> & {
  /** The run's made-up keys (hermetic mode), made before any server starts: every case process has one environment. */
  keyEnv: Record<string, string>
  launcher?: string
  /** Aborted when the run is interrupted (or slot 0 could not start): a start in progress is given up. */
  signal?: AbortSignal
  /** What the run leaves outside its worktree and ledger: removed by each slot's reaper if the run is killed. */
  leftovers?: RunLeftovers
}

/**
 * One slot: its index, where its worktree goes, and what its sandbox is made of (the agent side's inputs:
 * `tmp` is the slot's own temp folder, OpenCode's state and log; `otherCheckouts` every checkout of the
 * repository but this slot's, hidden from its sandbox).
 */
export type SlotInput = SlotServerInput &
  Pick<
    AgentSideInput,
    | 'commonDir'
    | 'otherCheckouts'
    | 'containment'
    | 'harnessDirs'
    | 'tmp'
    | 'readable'
    | 'readAllow'
    | 'credentials'
    | 'keyNames'
    | 'envPass'
    | 'networkNamespace'
  > & {
    index: number
    /** Where the slot's worktree goes (its parent folder must exist). */
    dir: string
    repoDir: string
  }

/**
 * Start the OpenCode server (and, hermetic, the scripted model) of a slot
 * whose worktree and agent side exist: inside the slot's sandbox (agent.wrap,
 * then the launcher), with a reaper that ends the server's group and every
 * process carrying the slot's tag if the run is killed, and warmed for the
 * slot's worktree (see warmUp). Slot 0 — the run's own worktree — and slots
 * 1… start through here, at the same moment. `tmp`: the slot's temp folder
 * (logs, OpenCode's state). Throws what startBackends throws.
 */
export async function startSlotServer(agent: AgentSide, workDir: string, tmp: string, o: SlotServerInput): Promise<Backends & { warmUp: WarmUp }> {
  const launch = (command: string, args: string[]) => {
    const c = agent.wrap(command, args)
    return o.launcher ? { command: o.launcher, args: [c.command, ...c.args] } : c
  }
  // Killed outright, the suite runs no finally: the reaper ends the server and the agent's processes then, and removes the run's leftovers.
  // It starts with the server's process (not once it listens): a kill during a slow start leaves nothing running either.
  const reapers: { dismiss(): void }[] = []
  const reaper = (group: number): void => {
    reapers.push(startReaper({ cli: cliEntry(), parent: process.pid, group, tag: agent.tag, leftovers: o.leftovers }))
  }
  const started = await startBackends({
    model: o.model,
    hermetic: o.hermetic,
    roles: o.roles,
    writeAllowlist: o.writeAllowlist,
    cases: o.cases,
    binary: o.binary,
    cwd: workDir,
    tmp,
    env: agent.serverEnv,
    wrap: launch,
    keyEnv: o.keyEnv,
    signal: o.signal,
    onSpawn: reaper,
    bridge: agent.bridge,
    egressAllow: o.egressAllow,
  })
  // Stopped the normal way, the suite cleans up itself: its reapers end with the server, not a poll later.
  const backends: Backends = {
    ...started,
    async stop(graceMs?: number) {
      await started.stop(graceMs)
      for (const r of reapers) r.dismiss()
    },
  }
  // Hermetic: the scripted model answers the warm-up prompt (an untagged request in its log); a real provider is never prompted here.
  return {
    ...backends,
    warmUp: await warmUp(backends.url, workDir, { password: backends.password, model: o.hermetic ? o.model : undefined, signal: o.signal }),
  }
}

/**
 * Make slot `index` (1…): `git worktree add --detach DIR HEAD`, its agent
 * side (policy, environment, tag), and its server (startSlotServer). Throws
 * what createWorktree or startBackends throw, the worktree removed again; the
 * caller runs the stage on the slots it has.
 */
export async function startSlot(o: SlotInput): Promise<Slot> {
  mkdirSync(o.tmp, { recursive: true })
  const workDir = realpathSync(await createWorktree(o.repoDir, o.dir))
  try {
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
      readAllow: o.readAllow,
      credentials: o.credentials,
      keyNames: o.keyNames,
      envPass: o.envPass,
      networkNamespace: o.networkNamespace,
    })
    const backends = await startSlotServer(agent, workDir, o.tmp, o)
    return {
      index: o.index,
      workDir,
      serverUrl: backends.url,
      serverPassword: backends.password,
      agent,
      backends,
      warm: describeWarmUp(backends.warmUp),
      ownWorktree: workDir,
    }
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
