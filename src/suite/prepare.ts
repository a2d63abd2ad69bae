// Phase 1 of a run: the inputs resolved (cases, containment, repository,
// model, server), the checkout checked (preflight, credentials), the worktree
// made, every other checkout fingerprinted, the ledger allocated, canaries
// planted and slot 0's agent side made. Nothing here starts a server
// (pool.ts does); a failure before allocateRun writes nothing.
import { existsSync, mkdirSync, mkdtempSync, realpathSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadCases } from '../cases/catalog.js'
import { plantCanary, sweepStaleCanaries } from '../guard/canary.js'
import { takeFingerprint } from '../guard/fingerprint.js'
import { ledgerState, unlistable } from '../guard/ledger-watch.js'
import { unlistableEntry } from '../guard/walk.js'
import { DEFAULT_EVIDENCE_MAX_BYTES } from '../guard/reader.js'
import { takeSnapshot } from '../guard/snapshot.js'
import { checkWorktree } from '../guard/worktree.js'
import { AGENT_CALLS_SUBDIR, LEDGER_SUBDIR } from '../ledger/layout.js'
import { allocateRun, checkLedgerHome } from '../ledger/run-id.js'
import { checkOpencodeVersion, resolveOpencodeBinary } from '../opencode/binary.js'
import { SCRIPTED_PROVIDER } from '../opencode/config.js'
import { health, SERVER_PASSWORD_ENV } from '../opencode/server.js'
import { openRunCgroups } from '../sandbox/cgroup.js'
import { providerKeyNames } from '../sandbox/env.js'
import { DEFAULT_CASE_LIMITS } from '../sandbox/limits.js'
import { containmentLabel, resolveContainment } from '../sandbox/mechanism.js'
import { openNetwork } from '../sandbox/network-policy.js'
import { GitError, InputError, PreflightError } from '../errors.js'
import { toPosix } from '../fsutil.js'
import { gitOk } from '../git.js'
import { hermeticKeys } from './backends.js'
import { checkCredentials, prepareAgentSide } from './containment.js'
import { repoLayout } from './layout.js'
import { BUILTIN_MODEL, type Role, type SuiteOptions } from './options.js'
import { selectCases } from './plan.js'
import { shareOf } from './shard.js'
import { preflight } from './preflight.js'
import type { PreparedRun } from './run-state.js'
import type { SlotServerInput } from './slots.js'
import { createWorktree } from './worktree.js'

/** The roles of a model: the scripted model's three (planner, coder, reviewer), none for a real one (--roles gives them). */
export const DEFAULT_ROLES = (model: string): Role[] =>
  model === BUILTIN_MODEL
    ? ['planner', 'coder', 'reviewer'].map((name) => ({ name, model: `${SCRIPTED_PROVIDER}-${name}/scripted`, key_env: `DOGFOOD_${name.toUpperCase()}_KEY` }))
    : []

function relInside(root: string, target: string): string | undefined {
  const rel = path.relative(root, target)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return toPosix(rel) + '/'
}

async function toplevel(dir: string, input: string): Promise<string> {
  if (!existsSync(dir)) throw new InputError(input, `${dir} does not exist`)
  try {
    return realpathSync((await gitOk(dir, ['rev-parse', '--show-toplevel'])).trim())
  } catch (e) {
    // Container jobs check out as one user and run as another: git refuses the repository. Say what git says.
    const said = e instanceof GitError ? e.stderr : ''
    const m = /detected dubious ownership in repository at '([^']+)'/.exec(said)
    if (m)
      throw new InputError(
        input,
        `git refuses ${m[1]}: detected dubious ownership (it belongs to another user); if you trust it: git config --global --add safe.directory ${m[1]}`,
      )
    throw new InputError(input, `${dir} is not a git repository (or has no commit)${said ? `: ${said.trim().split('\n')[0]}` : ''}`)
  }
}

/**
 * What the opencode binary needs to read inside the sandbox: its folder, and
 * for an npm install (node_modules/.bin/opencode is a Node launcher that finds
 * the platform package beside it) the whole node_modules folder it lies in.
 */
export function binaryFolders(binary: string): string[] {
  const real = realpathSync(binary)
  const out = [path.dirname(real)]
  const i = real.lastIndexOf(`${path.sep}node_modules${path.sep}`)
  if (i >= 0) out.push(real.slice(0, i + '/node_modules'.length))
  return out
}

type Inputs = Pick<
  PreparedRun,
  | 'opts'
  | 'progress'
  | 'catalogue'
  | 'cases'
  | 'share'
  | 'containment'
  | 'repoDir'
  | 'ledgerDir'
  | 'agentCallsRoot'
  | 'model'
  | 'hermetic'
  | 'roles'
  | 'userPassword'
  | 'binary'
>

/** The inputs, checked: cases, containment (`required` without a sandbox stops here), the repository, a server of the user's, the binary. */
async function resolveInputs(opts: SuiteOptions): Promise<Inputs> {
  const catalogue = loadCases(opts.casesFile)
  // --shard I/N: this run's share of the (case, attempt) pairs (shard.ts); the whole selection otherwise.
  const share = shareOf(selectCases(catalogue, opts.stages, opts.caseId), opts)
  const cases = share.cases
  // The sandbox first: `required` without one stops here, before anything is written.
  const containment = resolveContainment(
    opts.containment ?? 'auto',
    opts.serverUrl
      ? 'the OpenCode server is yours (--server-url): it was not started by us, so it cannot be contained'
      : opts.backends
        ? 'the servers were started by the caller'
        : undefined,
    opts.bwrapPath,
  )
  const repoDir = await toplevel(opts.repoDir, '--repo')
  await gitOk(repoDir, ['rev-parse', '--verify', 'HEAD']).catch(() => {
    throw new InputError('--repo', `${repoDir} has no commit yet`)
  })
  const ledgerDir = path.resolve(opts.ledgerDir ?? path.join(repoDir, LEDGER_SUBDIR))
  const model = opts.model
  // A server of the user's: its password, if it has one, where OpenCode's own client reads it.
  const userPassword = opts.serverUrl ? process.env[SERVER_PASSWORD_ENV] || undefined : undefined
  if (opts.serverUrl) {
    const h = await health(opts.serverUrl, 5000, userPassword)
    if (!h.healthy) throw new InputError('--server-url', `${opts.serverUrl} does not answer GET /global/health (${h.error ?? 'healthy=false'})`)
    // A server of the user's is checked like a binary of ours (it reports its version in the health answer).
    if (h.version) checkOpencodeVersion(h.version, opts.serverUrl, '--server-url')
  }
  const binary = (opts.serverUrl || opts.backends) && opts.transport === 'sdk' ? undefined : resolveOpencodeBinary(opts.opencodePath)
  return {
    opts,
    progress: opts.onProgress ?? (() => {}),
    catalogue,
    cases,
    share,
    containment,
    repoDir,
    ledgerDir,
    // Transcripts go to logs/agent_calls/ of the checkout, or beside a custom ledger.
    agentCallsRoot: opts.ledgerDir ? path.join(ledgerDir, 'agent_calls') : path.join(repoDir, AGENT_CALLS_SUBDIR),
    model,
    hermetic: model === BUILTIN_MODEL,
    roles: opts.roles ?? DEFAULT_ROLES(model),
    userPassword,
    binary,
  }
}

/** The harness's own folders (ledger, transcripts) inside `root`, relative and `/`-terminated. */
function harnessIn(i: Pick<Inputs, 'ledgerDir' | 'agentCallsRoot'>, root: string): string[] {
  return [relInside(root, i.ledgerDir), relInside(root, i.agentCallsRoot)].filter((x): x is string => !!x)
}

type Checkouts = Pick<
  PreparedRun,
  | 'workDir'
  | 'runWorktree'
  | 'commonDir'
  | 'protectedCheckouts'
  | 'protectedBefore'
  | 'opencodeStateFile'
  | 'hadOpencodeState'
  | 'inWorktree'
  | 'repoCommit'
  | 'runId'
  | 'runDir'
  | 'agentCallsDir'
  | 'harnessPaths'
  | 'workBefore'
  | 'credentials'
>

/** Preflight and credentials (they stop the run before it writes anything), the worktree, the other checkouts' fingerprints, the ledger's run folder. */
async function prepareCheckouts(i: Inputs): Promise<Checkouts> {
  const { opts, repoDir, cases, containment } = i
  // Preflight on the checkout the cases will see (the worktree is created from HEAD).
  const failures = await preflight(repoDir, cases, harnessIn(i, repoDir))
  if (failures.length > 0) throw new PreflightError(failures)
  // Where the run writes: real folders of the checkout (no link the repository committed), with room for a run.
  checkLedgerHome(repoDir, i.ledgerDir, i.agentCallsRoot, '--ledger-dir')
  // Credentials the agent's git would read: hidden from it under containment, else the run stops here.
  const credentials = await checkCredentials(repoDir, containment)
  const runWorktree = opts.worktreePath ? await createWorktree(repoDir, opts.worktreePath) : undefined
  const workDir = runWorktree ? realpathSync(runWorktree) : repoDir
  // Every checkout of the repository but the one the agent works in must come
  // out of the run as it went in: the user's, the main one, other worktrees.
  const layout = await repoLayout(repoDir)
  const protectedCheckouts = layout.checkouts.filter((d) => d !== workDir).map((dir) => ({ dir, exclude: harnessIn(i, dir) }))
  const protectedBefore = await Promise.all(protectedCheckouts.map((p) => takeFingerprint(p.dir, p.exclude)))
  const opencodeStateFile = path.join(layout.commonDir, 'opencode')
  const hadOpencodeState = existsSync(opencodeStateFile)
  const inWorktree = (await checkWorktree(workDir)).is_worktree
  const repoCommit = (await gitOk(workDir, ['rev-parse', 'HEAD'])).trim()
  // A ledger folder this user may not list would hide from the ledger watch what is written below it.
  const blind = unlistable(await ledgerState([i.ledgerDir, i.agentCallsRoot]))
  if (blind.length > 0)
    throw new InputError(
      '--ledger-dir',
      `${blind[0]}${blind.length > 1 ? ` (and ${blind.length - 1} more)` : ''} cannot be listed or looked at by this user: the ledger watch would not see what is written below it; give it back its permissions (chmod -R u+rwX) or move it out of the ledger`,
    )
  const { runId, runDir } = allocateRun(i.ledgerDir)
  // The run's transcripts folder, made now as a real folder (no agent has run yet): one the repository
  // committed under that name, or a link there, stops the run.
  const agentCallsDir = path.join(i.agentCallsRoot, runId)
  mkdirSync(i.agentCallsRoot, { recursive: true })
  try {
    mkdirSync(agentCallsDir)
  } catch (e) {
    throw new InputError(
      '--ledger-dir',
      `${agentCallsDir} exists already (${(e as NodeJS.ErrnoException).code}): the run's transcripts need a folder of their own; move it away`,
    )
  }
  const harnessPaths = harnessIn(i, workDir)
  return {
    workDir,
    runWorktree,
    commonDir: layout.commonDir,
    protectedCheckouts,
    protectedBefore,
    opencodeStateFile,
    hadOpencodeState,
    inWorktree,
    repoCommit,
    runId,
    runDir,
    agentCallsDir,
    harnessPaths,
    // The tree the agent works in (the checkout the run started in, or the run's worktree), before any
    // server starts: only what remains after the cases' restores counts (content, not stat data) — what
    // changed outside every case (a plugin of the repository's loaded by the server) is found at the end.
    workBefore: await takeSnapshot(workDir, { exclude: harnessPaths }),
    credentials,
  }
}

/** Canaries beside a worktree (stale ones of killed runs removed first) and the run's opening lines. */
function plantCanaries(i: Inputs, c: Checkouts): PreparedRun['canaries'] {
  // Beside a worktree: a canary, and (uncontained, where the folder is not a shared temp folder) its neighbours.
  const parent = path.dirname(c.workDir)
  const sharedParent = [os.tmpdir(), '/tmp', '/var/tmp', '/'].map((d) => path.resolve(d)).includes(parent)
  // Canaries of runs killed outright there (their reaper gone too) are removed first: they would be litter, and neighbours of this run's.
  const stale = c.inWorktree ? sweepStaleCanaries(parent) : []
  const canaries = c.inWorktree ? [plantCanary(parent, c.runId, !i.containment.active && !sharedParent)] : []
  i.progress({ kind: 'run-start', runId: c.runId, runDir: c.runDir, cases: i.cases.length })
  if (stale.length > 0)
    i.progress({
      kind: 'note',
      line: `removed ${stale.length} canary file(s) of killed runs beside the worktree: ${stale.map((f) => path.basename(f)).join(', ')}`,
    })
  i.progress({ kind: 'containment', line: containmentLabel(i.containment) })
  // A folder of a checkout this user may not list: its making or a chmod counts, what is written below it is not seen.
  const blind = c.protectedBefore.flatMap((f) => [...f.tree].filter(([, e]) => unlistableEntry(e)).map(([rel]) => path.join(f.root, rel)))
  if (blind.length > 0)
    i.progress({
      kind: 'note',
      line: `not watched inside (this user cannot list them, in a checkout the run protects): ${blind.slice(0, 5).join(', ')}${blind.length > 5 ? ` and ${blind.length - 5} more` : ''}`,
    })
  // Without the sandbox there is no network namespace either: say what that means.
  if (!i.containment.active) i.progress({ kind: 'note', line: `network: ${openNetwork(i.containment.reason).summary}` })
  return canaries
}

/** What every slot's server is started from (see SlotServerInput). */
function serverInputOf(
  i: Inputs,
  c: Checkouts,
  o: { binary: string; keyEnv: Record<string, string>; canaries: PreparedRun['canaries']; caseTag: string; giveUp: AbortSignal },
): SlotServerInput {
  const { opts } = i
  return {
    model: i.model,
    hermetic: i.hermetic,
    roles: i.roles,
    writeAllowlist: opts.writeAllowlist,
    cases: i.catalogue,
    binary: o.binary,
    keyEnv: o.keyEnv,
    launcher: opts.launcher,
    egressAllow: opts.egressAllow,
    signal: opts.interrupt ? AbortSignal.any([opts.interrupt, o.giveUp]) : o.giveUp,
    // Killed outright, the run's reaper removes these (this run's own files outside the worktree and the ledger).
    leftovers: {
      canaries: o.canaries.map((x) => ({ file: x.file, content: x.content })),
      created: c.hadOpencodeState ? [] : [c.opencodeStateFile],
      caseTag: o.caseTag,
    },
  }
}

/**
 * Phase 1 (see the file's header). Throws InputError, PreflightError (nothing
 * written), GitError; after the run folder is allocated, what the agent side's
 * preparation throws.
 */
export async function prepareRun(opts: SuiteOptions): Promise<PreparedRun> {
  const inputs = await resolveInputs(opts)
  const checkouts = await prepareCheckouts(inputs)
  const { credentials } = checkouts
  const { model, roles, hermetic, binary, containment } = inputs
  const tmp = mkdtempSync(path.join(os.tmpdir(), `opencode-dogfood-${checkouts.runId}-`))
  const limits = opts.caseLimits ?? DEFAULT_CASE_LIMITS
  const runCgroups =
    limits.procs !== null || limits.memory !== null ? openRunCgroups(checkouts.runId) : { reason: 'processes and memory are not bounded (--case-limits)' }
  const canaries = plantCanaries(inputs, checkouts)
  const keyNames = [...(hermetic ? [] : providerKeyNames(model)), ...roles.map((r) => r.key_env)]
  const harnessDirs = [inputs.ledgerDir, inputs.agentCallsRoot, tmp]
  const agent = await prepareAgentSide({
    containment,
    workDir: checkouts.workDir,
    commonDir: checkouts.commonDir,
    otherCheckouts: checkouts.protectedCheckouts.map((p) => p.dir),
    writeAllowlist: opts.writeAllowlist,
    harnessPaths: checkouts.harnessPaths,
    harnessDirs,
    tmp,
    readable: binary ? binaryFolders(binary) : [],
    readAllow: opts.readAllow,
    credentials,
    keyNames,
    envPass: opts.envPass ?? [],
    networkNamespace: opts.networkNamespace,
  })
  // Made before any server starts, so every slot's server and every case process share them.
  const keyEnv = opts.backends?.keyEnv ?? (hermetic && !opts.serverUrl ? hermeticKeys(roles) : {})
  // Aborted with the run, or when slot 0's server cannot start (the other slots are then of no use).
  const slotsGiveUp = new AbortController()
  const serverInput = binary ? serverInputOf(inputs, checkouts, { binary, keyEnv, canaries, caseTag: agent.tag, giveUp: slotsGiveUp.signal }) : undefined
  return {
    ...inputs,
    ...checkouts,
    tmp,
    runCgroups,
    canaries,
    keyNames,
    agent,
    keyEnv,
    serverInput,
    slotsGiveUp,
    harnessDirs,
    runScope: {
      runId: checkouts.runId,
      model,
      transport: opts.transport,
      writeAllowlist: opts.writeAllowlist,
      deletionAllowlist: opts.deletionAllowlist,
      latencyBudgetMs: opts.latencyBudgetMs,
      caseTokenBudget: opts.caseTokenBudget,
      evidenceMaxBytes: opts.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES,
      limits,
      cgroups: runCgroups.cgroups,
      cgroupReason: runCgroups.reason,
      caseTimeoutMs: opts.caseTimeoutMs,
      roles,
      opencodeBinary: binary,
      launcher: opts.launcher,
      // Under containment the other checkouts are out of reach: fingerprinted once a run, not per case.
      protectedCheckouts: containment.active ? [] : checkouts.protectedCheckouts,
      containment,
      evidenceDirs: [inputs.ledgerDir, inputs.agentCallsRoot],
    },
  }
}
