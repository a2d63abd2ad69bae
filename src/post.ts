// The Action's post step (dist/post.js): runs even when the main step crashed.
// It stops any opencode server or case process the run left alive and reports
// a worktree left behind (it never removes one: a FAIL keeps it for inspection).
import { existsSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { isEntry } from './action/entry.js'
import { stopLeftovers } from './action/pids.js'
import { STATE } from './action/state.js'
import { printable } from './printable.js'

async function post(): Promise<void> {
  const stateDir = core.getState(STATE.stateDir)
  if (stateDir) {
    for (const p of await stopLeftovers(stateDir)) {
      const what = printable(`pid ${p.pid} (${p.command.slice(0, 200)})`)
      if (p.stopped) core.warning(`post: stopped a process the run left behind: ${what}`)
      else core.error(`post: could not stop ${what}`)
    }
  }
  // A main step killed before it sealed its ledger (a cancelled job that did not stop in time): say so, where verify would.
  const runDir = core.getState(STATE.runDir)
  if (runDir && existsSync(runDir) && !existsSync(path.join(runDir, 'run_summary.json')))
    core.error(
      `post: ${runDir} is incomplete: no run_summary.json — the main step was stopped before it sealed its ledger; the evidence written so far is kept`,
    )
  const worktree = core.getState(STATE.worktree)
  if (worktree && existsSync(worktree)) {
    // (The path is shown inert in the messages: printable.)
    const shown = printable(worktree)
    const verdict = core.getState(STATE.verdict)
    const repo = core.getState(STATE.repoDir)
    const remove = `git -C ${repo || '<checkout>'} worktree remove ${shown}`
    if (verdict === 'FAIL') core.notice(`post: worktree kept for inspection at ${shown} (verdict FAIL). Remove it with: ${remove}`)
    else if (verdict === 'PASS')
      core.warning(`post: worktree left behind at ${shown} although the verdict was PASS (git refused to remove it). Remove it with: ${remove}`)
    else core.warning(`post: worktree left behind at ${shown}: the main step ended without a verdict. Inspect it, then: ${remove}`)
  }
  if (!stateDir && !worktree) core.info(`post: nothing to clean up (the main step stopped before it started anything)`)
  else core.info(`post: done${stateDir ? ` (state in ${path.basename(stateDir)})` : ''}`)
}

/** The post step must never fail the job for its own sake: problems become warnings. */
export async function run(): Promise<void> {
  try {
    await post()
  } catch (e) {
    core.warning(`post: ${(e as Error).message}`)
  }
}

if (isEntry(import.meta.url)) await run()
