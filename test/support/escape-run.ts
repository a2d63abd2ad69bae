// One cell of the escape matrix: the catalogue as a cases file, run in one
// flow (--worktree, or a worktree made by hand with `run` inside it), one
// containment mode and one prevention level, with the job's secrets planted
// in the environment; then everything a test asserts, collected.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { CaseResult, RunSummary } from '../../src/types.js'
import { escapes, escapeTargets, plantedSecrets, type Escape, type Expect } from './escapes.js'
import { cliAsync, fixtureRepo, git, type CliResult } from './repo.js'

export type Flow = 'worktree-option' | 'hand-made'

export interface Cell {
  flow: Flow
  containment: 'off' | 'required'
  prevention: 'off' | 'enforce'
}

export interface CellOutcome {
  cell: Cell
  base: string
  repo: string
  runDir: string
  cli: CliResult
  summary: RunSummary
  /** The escapes that ran, with what the cell expects of each. */
  ran: { e: Escape; expect: Expect }[]
  results: Map<string, CaseResult>
  /** Manifests (path → content hash) of the main checkout and of the folder beside the worktree, before and after. */
  mainBefore: Map<string, string>
  mainAfter: Map<string, string>
  besideBefore: string[]
  besideAfter: string[]
  /** Processes whose working folder lies under base, after the run. */
  leftover: string[]
  targetsChanged: string[]
  /** What the planted fsmonitor wrote (it must never run): '' when nothing. */
  marker: string
  /** `git worktree list --porcelain` and the common dir's config, before and after the run. */
  worktreesBefore: string
  worktreesAfter: string
  configBefore: string
  configAfter: string
  secrets: Record<string, string>
}

/** Every file, symlink and folder under `root` → its content hash (harness folders left out). */
export function manifest(root: string, skip: (rel: string) => boolean): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel))) {
      const r = rel ? `${rel}/${name}` : name
      if (skip(r)) continue
      const abs = path.join(root, r)
      const s = lstatSync(abs)
      if (s.isDirectory()) {
        out.set(r, 'dir')
        walk(r)
      } else if (s.isSymbolicLink()) out.set(r, `link:${readlinkSync(abs)}`)
      else out.set(r, createHash('sha256').update(readFileSync(abs)).digest('hex') + `:${s.mode}`)
    }
  }
  walk('')
  return out
}

// The object store only gains content-addressed objects (an uncontained `git add` leaves its fan-out folders).
const HARNESS = /^(artifacts|logs)(\/|$)|^\.git\/(worktrees|logs|objects)(\/|$)/

function processesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(name)) continue
    try {
      const cwd = readlinkSync(`/proc/${name}/cwd`)
      if (cwd === dir || cwd.startsWith(dir + '/')) out.push(`${name} ${readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ')}`)
    } catch {
      // gone, or not ours to look at
    }
  }
  return out
}

export function expectationIn(cell: Cell, e: Escape): Expect {
  return cell.containment === 'required' ? e.on : e.off
}

export async function runCell(cell: Cell): Promise<CellOutcome> {
  const { base, repo } = fixtureRepo()
  writeFileSync(path.join(repo, '.gitignore'), 'build/\n')
  git(repo, 'add', '.gitignore')
  git(repo, 'commit', '-q', '-m', 'ignore build/')
  const tag = randomBytes(6).toString('hex')
  const targets = escapeTargets(tag)
  writeFileSync(targets.tmpFile, 'target\n')
  writeFileSync(targets.homeFile, 'target\n')
  const ran = escapes(targets)
    .map((e) => ({ e, expect: expectationIn(cell, e) }))
    .filter((x) => x.expect !== 'skip')
  const file = path.join(base, 'escapes.json')
  const cases = ran.map(({ e, expect }) => {
    const code = expect === 'MODIFICATIONFAIL' || expect === 'GITCLEANFAIL' ? expect : undefined
    const turns = Array.isArray(e.turn) ? e.turn : [e.turn]
    return {
      id: e.id,
      stage: 'T2b',
      expected_outcome: code ? 'EXPECTED_FAIL' : 'SUCCESS',
      ...(code ? { expected_failure_code: code } : {}),
      purpose: e.purpose,
      prevention: cell.prevention,
      prompt: `Escape attempt: ${e.purpose}.`,
      turns: [...turns, { text: 'done' }],
    }
  })
  writeFileSync(file, JSON.stringify({ cases }, null, 2))
  const wt = path.join(base, 'wt')
  const secrets = plantedSecrets(tag)
  const mainBefore = manifest(repo, (r) => HARNESS.test(r))
  let cwd = repo
  const args = ['run', '--stages', 'T2b', '--cases-file', file, '--containment', cell.containment]
  if (cell.flow === 'worktree-option') args.push('--worktree', wt)
  else {
    git(repo, 'worktree', 'add', '-q', '--detach', wt, 'HEAD')
    cwd = wt
  }
  const worktreesBefore = git(repo, 'worktree', 'list', '--porcelain')
  const configBefore = readFileSync(path.join(repo, '.git', 'config'), 'utf8')
  const beside = () =>
    readdirSync(base)
      .filter((n) => n !== 'wt' && n !== 'repo')
      .sort()
  const besideBefore = beside()
  const r = await cliAsync(args, { cwd, env: secrets })
  const ledger = path.join(cwd, 'artifacts', 'ledger', 'opencode_dogfood')
  const runDir = path.join(ledger, 'RUN_0001')
  if (!existsSync(path.join(runDir, 'run_summary.json'))) throw new Error(`no run summary; the CLI exited ${r.status}:\n${r.stderr}`)
  const summary = JSON.parse(readFileSync(path.join(runDir, 'run_summary.json'), 'utf8')) as RunSummary
  const results = new Map<string, CaseResult>()
  for (const { e } of ran) {
    const f = path.join(runDir, 'cases', `${e.id}.result.json`)
    if (existsSync(f)) results.set(e.id, JSON.parse(readFileSync(f, 'utf8')) as CaseResult)
  }
  // Give a process that escaped (none should) the time to show itself.
  await new Promise((res) => setTimeout(res, 2500))
  const leftover = processesUnder(base)
  const targetsChanged = [targets.tmpFile, targets.homeFile].filter((f) => readFileSync(f, 'utf8') !== 'target\n')
  rmSync(targets.tmpFile)
  rmSync(targets.homeFile)
  const marker = existsSync(targets.marker) ? readFileSync(targets.marker, 'utf8') : ''
  rmSync(targets.marker, { force: true })
  // (The --worktree flow's own worktree is gone when the run passed; a hand-made one stays, as made.)
  const worktreesAfter = git(repo, 'worktree', 'list', '--porcelain')
  const configAfter = readFileSync(path.join(repo, '.git', 'config'), 'utf8')
  return {
    marker,
    worktreesBefore,
    worktreesAfter,
    configBefore,
    configAfter,
    cell,
    base,
    repo,
    runDir,
    cli: r,
    summary,
    ran,
    results,
    mainBefore,
    mainAfter: manifest(repo, (x) => HARNESS.test(x)),
    besideBefore,
    besideAfter: beside(),
    leftover,
    targetsChanged,
    secrets,
  }
}

/** Every file under `dirs` that holds any planted secret in any form (as is, base64 at each offset, URL-encoded, JSON-escaped). */
export function filesHolding(dirs: string[], secrets: string[], forms: (s: string) => string[]): string[] {
  const needles = secrets.flatMap(forms)
  const out: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name)
      const s = lstatSync(abs)
      if (s.isDirectory()) walk(abs)
      else if (s.isFile()) {
        const text = readFileSync(abs).toString('latin1')
        if (needles.some((n) => text.includes(n))) out.push(abs)
      }
    }
  }
  dirs.forEach(walk)
  return out
}
