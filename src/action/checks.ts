// The commit check: created in_progress when the suite starts, completed with
// the verdict at the end. A token that may not write checks (a fork PR's
// read-only token: HTTP 403) costs one warning and nothing else: the job
// summary still has the verdict, and the verdict still decides the step.
import { getOctokit } from '@actions/github'
import type { CreateBody, UpdateBody } from '../report/check-run.js'

export interface CheckRunApi {
  create(body: CreateBody): Promise<{ id: number; html_url?: string | null }>
  update(id: number, body: UpdateBody): Promise<void>
}

export function octokitChecks(token: string, apiUrl: string, owner: string, repo: string): CheckRunApi {
  const octokit = getOctokit(token, { baseUrl: apiUrl })
  return {
    async create(body) {
      const r = await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, ...body })
      return { id: Number(r.data.id), html_url: r.data.html_url }
    },
    async update(id, body) {
      await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: id, ...body })
    },
  }
}

function describe(e: unknown): { status?: number; message: string } {
  const err = e as { status?: number; message?: string; response?: { data?: { message?: string } } }
  return { status: typeof err.status === 'number' ? err.status : undefined, message: err.response?.data?.message ?? err.message ?? String(e) }
}

export class CheckRun {
  id?: number
  url?: string
  private off = false

  constructor(
    private readonly api: CheckRunApi,
    private readonly warn: (message: string) => void,
    private readonly fromFork = false,
  ) {}

  /** False once a request failed: no further request is sent. */
  get active(): boolean {
    return !this.off
  }

  private giveUp(e: unknown, what: string): void {
    this.off = true
    const { status, message } = describe(e)
    const why =
      status === 403
        ? `the token may not write check runs (HTTP 403: ${message})${this.fromFork ? ' — a pull request from a fork gets a read-only token' : ''}`
        : `the API answered ${status ? `HTTP ${status}: ` : ''}${message}`
    this.warn(`create-check: could not ${what} the check run: ${why}. The verdict is in the job summary and decides this step.`)
  }

  async start(body: CreateBody): Promise<void> {
    if (this.off) return
    try {
      const r = await this.api.create(body)
      this.id = r.id
      this.url = r.html_url ?? undefined
    } catch (e) {
      this.giveUp(e, 'create')
    }
  }

  async finish(bodies: UpdateBody[]): Promise<void> {
    if (this.off || this.id === undefined) return
    for (const body of bodies) {
      try {
        await this.api.update(this.id, body)
      } catch (e) {
        this.giveUp(e, 'complete')
        return
      }
    }
  }
}
