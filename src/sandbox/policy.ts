// The containment policy: what the agent's processes may see and write, as
// plain data derived from the allowlists and the run's layout. It knows
// nothing of the mechanism (bwrap, or none) that enforces it; mechanism.ts
// turns it into mounts. What is not named here does not exist inside: the
// read view (read-view.ts) names the system folders tools need.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { realOrResolved } from '../fsutil.js'
import { readAllowRules, systemView } from './read-view.js'
import type { Access, ContainmentPolicy, ContainmentRule } from './rules.js'

export type { Access, ContainmentPolicy, ContainmentRule } from './rules.js'

export interface PolicyInput {
  /** The worktree (or checkout) the agent works in. */
  workDir: string
  /** The write allowlist, relative to workDir (`dir/` is a folder). */
  writeAllowlist: string[]
  /** Allowlist entries that are the harness's (ledger, transcripts): hidden from the agent. */
  harnessPaths: string[]
  /** The repository's common git dir: readable (git needs it), never writable. */
  commonDir: string
  /** Other checkouts of the repository (main checkout, other worktrees): hidden. */
  otherCheckouts: string[]
  /** Further folders the agent must not see (ledger, transcripts, the harness's temp folder, the real HOME). */
  hidden: string[]
  /** Folders OpenCode keeps its own state in (isolated HOME/XDG/TMPDIR): writable. */
  stateDirs: string[]
  /** Folders the contained processes must still read inside hidden ones (the opencode binary's package). */
  readable: string[]
  /** Files shown in another file's place: [target, source]. */
  views: [string, string][]
  /** Absolute folders or files shown read-only beyond the system view (`--read-allow`, checked by parseReadAllow). */
  readAllow?: string[]
  /** The bridge out of the network namespace (bridge.ts): the proxy's socket folder (read), the server's (write). */
  bridge?: { outDir: string; inDir: string }
}

function isFile(p: string): boolean {
  try {
    return !statSync(p).isDirectory()
  } catch {
    return false
  }
}

/** Path components: rules apply shallow first, so a deeper rule can open a hole in a hidden folder. */
export function depth(p: string): number {
  return p.split(path.sep).filter(Boolean).length
}

/**
 * Derive the policy: the worktree read-only but for its write allowlist (as
 * bind mounts, where an entry exists), the harness's allowlist entries
 * hidden, the common git dir read-only, every other checkout hidden, state
 * folders writable, /tmp private.
 */
export function derivePolicy(input: PolicyInput): ContainmentPolicy {
  const rules: ContainmentRule[] = [...systemView(), { path: '/tmp', access: 'private', why: 'private tmp' }, ...readAllowRules(input.readAllow ?? [])]
  const unmounted: string[] = []
  const workDir = realOrResolved(input.workDir)
  rules.push({ path: workDir, access: 'read', why: 'the worktree (read-only but for the write allowlist)' })
  rules.push({ path: realOrResolved(input.commonDir), access: 'read', why: 'the common git dir (git reads it; nothing may change it)' })
  for (const dir of input.otherCheckouts) rules.push({ path: realOrResolved(dir), access: 'hidden', why: 'another checkout of the repository' })
  for (const dir of input.hidden) if (existsSync(dir)) rules.push({ path: realOrResolved(dir), access: 'hidden', why: 'the harness', file: isFile(dir) })
  for (const dir of input.readable) if (existsSync(dir)) rules.push({ path: realOrResolved(dir), access: 'read', why: 'needed by the contained processes' })
  for (const entry of input.writeAllowlist) {
    const abs = path.join(workDir, entry)
    if (input.harnessPaths.includes(entry)) {
      if (existsSync(abs)) rules.push({ path: realOrResolved(abs), access: 'hidden', why: `${entry}: the harness's, not the agent's`, file: isFile(abs) })
      continue
    }
    if (!existsSync(abs)) {
      unmounted.push(`${entry}: does not exist, so it cannot be made writable (the agent cannot create it)`)
      continue
    }
    const r = realOrResolved(abs)
    if (r !== abs && !r.startsWith(workDir + path.sep)) {
      unmounted.push(`${entry}: resolves outside the worktree (${r}); left read-only`)
      continue
    }
    rules.push({ path: r, access: 'write', why: `write allowlist: ${entry}`, file: isFile(r) })
  }
  for (const dir of input.stateDirs) rules.push({ path: realOrResolved(dir), access: 'write', why: "OpenCode's own state", scope: 'run' })
  if (input.bridge) {
    rules.push({
      path: realOrResolved(input.bridge.outDir),
      access: 'read',
      why: "the bridge: the egress proxy's socket (the only way out of the network namespace)",
    })
    rules.push({ path: realOrResolved(input.bridge.inDir), access: 'write', why: "the bridge: the server's socket, for the harness", scope: 'run' })
  }
  for (const [target, source] of input.views)
    rules.push({ path: realOrResolved(target), access: 'view', source, why: 'sanitized view (credentials removed)', file: true })
  // Shallow first; at equal depth the later (more specific) rule wins, so keep insertion order.
  const ordered = rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => depth(a.r.path) - depth(b.r.path) || a.i - b.i)
    .map((x) => x.r)
  return { rules: ordered, unmounted, cwd: workDir }
}

/** A path the agent can see: at or under a rule that shows something (read, write, private, view, link). */
export function shown(p: string, rules: ContainmentRule[]): boolean {
  return rules.some((r) => r.access !== 'hidden' && (p === r.path || p.startsWith(r.path === '/' ? '/' : r.path + path.sep)))
}

/** What the policy lets the agent see and write, in words (policy.json, README): a hidden rule outside the view is left out (it is not there at all). */
export function describePolicy(p: ContainmentPolicy): { writable: string[]; hidden: string[]; read_only: string[]; not_shown: string; unmounted: string[] } {
  const pick = (a: Access[]) => p.rules.filter((r) => a.includes(r.access)).map((r) => `${r.path} (${r.why})`)
  const hidden = p.rules.filter((r) => r.access === 'hidden' && shown(r.path, p.rules)).map((r) => `${r.path} (${r.why})`)
  const links = p.rules.filter((r) => r.access === 'link').map((r) => `${r.path} -> ${r.source} (${r.why})`)
  return {
    writable: pick(['write', 'private']),
    hidden,
    read_only: [...pick(['read', 'view']), ...links],
    not_shown: 'everything of the host not listed here',
    unmounted: p.unmounted,
  }
}
