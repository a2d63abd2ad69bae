// What the action needs to know about the workflow run, read once from the
// runner's environment and the event payload.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface RunContext {
  owner: string
  repo: string
  eventName: string
  /** The commit a check run belongs to: the PR head on pull_request events. */
  headSha: string
  runId: string
  runAttempt: string
  job: string
  serverUrl: string
  apiUrl: string
  workspace: string
  /** RUNNER_TEMP, or a sibling of the workspace when the runner gave none. */
  runnerTemp: string
  /** A pull request from a fork (its token is read-only). */
  fromFork: boolean
}

interface PullRequestPayload {
  pull_request?: { head?: { sha?: string; repo?: { full_name?: string } }; base?: { repo?: { full_name?: string } } }
  repository?: { full_name?: string }
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

function readPayload(file: string | undefined): PullRequestPayload {
  if (!file) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PullRequestPayload
  } catch {
    return {}
  }
}

/** On pull_request GITHUB_SHA is the merge commit; the check belongs on the head. */
export function checkSha(eventName: string, payload: PullRequestPayload, sha: string): string {
  const head = payload.pull_request?.head?.sha
  return PR_EVENTS.has(eventName) && head ? head : sha
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd())
  const headRepo = payload.pull_request?.head?.repo?.full_name
  const baseRepo = payload.pull_request?.base?.repo?.full_name ?? payload.repository?.full_name
  return {
    owner,
    repo,
    eventName,
    headSha: checkSha(eventName, payload, env.GITHUB_SHA ?? ''),
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? '',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    workspace,
    runnerTemp: env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP) : env.GITHUB_WORKSPACE ? path.dirname(workspace) : os.tmpdir(),
    fromFork: !!headRepo && !!baseRepo && headRepo !== baseRepo,
  }
}

/** The run's page, for the check run's details link and the artifact link. */
export function runUrl(ctx: RunContext): string | undefined {
  if (!ctx.owner || !ctx.runId) return undefined
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`
}
