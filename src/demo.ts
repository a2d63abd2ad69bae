// `npm run dogfood`: the full hermetic suite on a throwaway repository
// scaffolded with `init` in a temp folder, run in a worktree it creates.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gitOk } from './git.js'
import { scaffold } from './init.js'
import { verifyRun } from './ledger/verify.js'
import { verdictTable } from './report/table.js'
import { printable } from './printable.js'
import { DEFAULT_DELETION_ALLOWLIST, DEFAULT_WRITE_ALLOWLIST, BUILTIN_MODEL, type ProgressEvent, type SuiteOptions } from './suite/options.js'
import { runSuite } from './suite/run.js'
import { STAGES } from './types.js'

export async function makeThrowawayRepo(prefix = 'opencode-dogfood-demo-'): Promise<string> {
  const base = mkdtempSync(path.join(os.tmpdir(), prefix))
  const repo = path.join(base, 'repo')
  await gitOk(base, ['init', '-q', '-b', 'main', repo])
  writeFileSync(path.join(repo, 'README.md'), '# dogfood demo repository\n')
  scaffold(repo)
  await gitOk(repo, ['add', '-A'])
  await gitOk(repo, ['-c', 'user.name=opencode-dogfood', '-c', 'user.email=dogfood@localhost', 'commit', '-q', '-m', 'opencode-dogfood fixtures'])
  return repo
}

/** The full hermetic suite, fail-fast, in a worktree: what `npm run dogfood` and the benchmark run. */
export function hermeticSuite(repo: string, worktreePath: string): SuiteOptions {
  return {
    repoDir: repo,
    worktreePath,
    stages: [...STAGES],
    failFast: true,
    model: BUILTIN_MODEL,
    transport: 'sdk',
    writeAllowlist: DEFAULT_WRITE_ALLOWLIST,
    deletionAllowlist: DEFAULT_DELETION_ALLOWLIST,
    caseTimeoutMs: 300_000,
    latencyBudgetMs: 120_000,
  }
}

export async function runDemo(_argv: string[], onProgress?: (e: ProgressEvent) => void): Promise<number> {
  const repo = await makeThrowawayRepo()
  process.stderr.write(`throwaway repository: ${repo}\n`)
  const outcome = await runSuite({
    ...hermeticSuite(repo, path.join(path.dirname(repo), 'dogfood_worktree')),
    onProgress: onProgress ?? ((e) => process.stderr.write(progressLine(e))),
  })
  const problems = verifyRun(outcome.runDir)
  process.stdout.write(verdictTable(outcome.summary))
  process.stdout.write(`ledger: ${outcome.runDir}\n`)
  process.stdout.write(`verify: ${problems.length === 0 ? 'ledger verified' : printable(problems.join('; '))}\n`)
  if (outcome.worktree) process.stdout.write(`${printable(outcome.worktree.message)}\n`)
  if (outcome.checkoutChanges.length > 0) process.stdout.write(`the run changed the checkout: ${printable(outcome.checkoutChanges.join(', '))}\n`)
  return outcome.summary.final_verdict === 'PASS' && problems.length === 0 && outcome.checkoutChanges.length === 0 ? 0 : 1
}

export function progressLine(e: ProgressEvent): string {
  // One line each, whatever the agent named its files (reasons and notes quote them): see printable.
  return `${printable(progressText(e))}\n`
}

function progressText(e: ProgressEvent): string {
  switch (e.kind) {
    case 'run-start':
      return `${e.runId}: ${e.cases} case(s)`
    case 'server-start':
      return `OpenCode server ready at ${e.url} (${e.ms} ms${e.warm ? `; ${e.warm}` : ''})`
    case 'containment':
      return `containment: ${e.line}`
    case 'note':
      return `${e.line}`
    case 'case-start':
      return `[${e.index}/${e.total}] ${e.caseId} (${e.stage}) …`
    case 'case-end':
      return `[${e.index}/${e.total}] ${e.summary.case_id} ${e.summary.status}${e.summary.failure_code ? ` ${e.summary.failure_code}` : ''} in ${e.summary.duration_ms} ms — ${e.summary.reason ?? ''}`
    case 'stage-gate':
    case 'stop':
      return `stopping: ${e.reason}`
    case 'cleanup':
      return `${e.message}`
  }
}
