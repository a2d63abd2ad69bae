// AN EMULATION of the GitHub Actions results service, for tests only: the
// Twirp JSON API that @actions/artifact (v6) talks to when it uploads an
// artifact. It is not GitHub's service. It keeps the rules that matter to a
// client — bearer token whose `scp` claim names the run and job, snake_case
// fields, int64 values as strings, errors as {code, msg} with Twirp's HTTP
// statuses, a name taken once per workflow run (409 already_exists), size and
// sha256 checked at finalize — and hands out SAS-signed URLs into a real blob
// store (Azurite), where the client PUTs blocks as it would to Azure.
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters } from '@azure/storage-blob'
import type { Azurite } from './azurite.js'

const PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
const CONTAINER = 'actions-results'

export interface EmulatedArtifact {
  id: string
  workflow_run_backend_id: string
  workflow_job_run_backend_id: string
  name: string
  blobName: string
  mime_type?: string
  expires_at?: string
  version: number
  size?: string
  digest?: string
  created_at: string
  finalized: boolean
}

export interface TwirpCall {
  method: string
  body: Record<string, unknown>
  status: number
}

export interface ResultsService {
  /** ACTIONS_RESULTS_URL */
  url: string
  artifacts: EmulatedArtifact[]
  calls: TwirpCall[]
  /** The uploaded blob's bytes. */
  download(artifact: EmulatedArtifact): Promise<Buffer>
  close(): Promise<void>
}

/** An unsigned JWT as the runner's ACTIONS_RUNTIME_TOKEN looks to the toolkit (it never verifies it). */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:00000000 Actions.Results:${runBackendId}:${jobBackendId}`, exp: Math.floor(Date.now() / 1000) + 3600 })}.emulated`
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
  ) {
    super(msg)
  }
}

function scopes(auth: string | undefined): Set<string> {
  const token = /^Bearer (.+)$/.exec(auth ?? '')?.[1]
  const payload = token?.split('.')[1]
  if (!payload) throw new TwirpError(401, 'unauthenticated', 'missing bearer token')
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string }
    return new Set((claims.scp ?? '').split(' ').filter((s) => s.startsWith('Actions.Results:')))
  } catch {
    throw new TwirpError(401, 'unauthenticated', 'token is not a JWT')
  }
}

function str(body: Record<string, unknown>, field: string): string {
  const v = body[field]
  if (typeof v !== 'string' || v === '') throw new TwirpError(400, 'invalid_argument', `${field} is required`)
  return v
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (data += c))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}

export async function startResultsService(azurite: Azurite): Promise<ResultsService> {
  const blobs = new BlobServiceClient(azurite.blobEndpoint, azurite.credential)
  await blobs.getContainerClient(CONTAINER).createIfNotExists()
  const artifacts: EmulatedArtifact[] = []
  const calls: TwirpCall[] = []
  let nextId = 1000

  const sas = (blobName: string, permissions: string) => {
    const q = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + 3600_000),
      },
      azurite.credential,
    )
    return `${blobs.getContainerClient(CONTAINER).getBlobClient(blobName).url}?${q.toString()}`
  }

  const authorize = (req: http.IncomingMessage, body: Record<string, unknown>) => {
    const run = str(body, 'workflow_run_backend_id')
    const job = str(body, 'workflow_job_run_backend_id')
    if (!scopes(req.headers.authorization).has(`Actions.Results:${run}:${job}`))
      throw new TwirpError(403, 'permission_denied', 'token scope does not cover this workflow run and job')
    return { run, job }
  }

  // Reads: a job's token reads every artifact of its workflow run (the merge job downloads the shard jobs' ledgers).
  const authorizeRead = (req: http.IncomingMessage, body: Record<string, unknown>) => {
    const run = str(body, 'workflow_run_backend_id')
    if (![...scopes(req.headers.authorization)].some((s) => s.startsWith(`Actions.Results:${run}:`)))
      throw new TwirpError(403, 'permission_denied', 'token scope does not cover this workflow run')
    return { run }
  }

  const methods: Record<string, (req: http.IncomingMessage, body: Record<string, unknown>) => Promise<object>> = {
    async CreateArtifact(req, body) {
      const { run, job } = authorize(req, body)
      const name = str(body, 'name')
      const version = Number(body.version ?? 0)
      if (version < 4) throw new TwirpError(400, 'invalid_argument', `artifact version ${version} is not supported`)
      if (artifacts.some((a) => a.workflow_run_backend_id === run && a.name === name))
        throw new TwirpError(409, 'already_exists', `an artifact named '${name}' already exists on this workflow run`)
      const blobName = `${run}/${job}/${name}.zip`
      const mime = body.mime_type as string | { value?: string } | undefined
      artifacts.push({
        id: String(nextId++),
        workflow_run_backend_id: run,
        workflow_job_run_backend_id: job,
        name,
        blobName,
        mime_type: typeof mime === 'string' ? mime : mime?.value,
        expires_at: typeof body.expires_at === 'string' ? body.expires_at : undefined,
        version,
        created_at: new Date().toISOString(),
        finalized: false,
      })
      return { ok: true, signed_upload_url: sas(blobName, 'cw') }
    },
    async FinalizeArtifact(req, body) {
      const { run } = authorize(req, body)
      const name = str(body, 'name')
      const a = artifacts.find((x) => x.workflow_run_backend_id === run && x.name === name)
      if (!a) throw new TwirpError(404, 'not_found', `no artifact named '${name}' was created on this workflow run`)
      if (a.finalized) throw new TwirpError(409, 'already_exists', `artifact '${name}' is already finalized`)
      const size = str(body, 'size')
      if (!/^[0-9]+$/.test(size)) throw new TwirpError(400, 'invalid_argument', 'size must be an int64 string')
      const blob = blobs.getContainerClient(CONTAINER).getBlobClient(a.blobName)
      if (!(await blob.exists())) throw new TwirpError(400, 'failed_precondition', 'nothing was uploaded to the signed URL')
      const bytes = await blob.downloadToBuffer()
      if (String(bytes.length) !== size) throw new TwirpError(400, 'invalid_argument', `size ${size} does not match the ${bytes.length} bytes uploaded`)
      const hash = body.hash as string | { value?: string } | undefined
      const claimed = typeof hash === 'string' ? hash : hash?.value
      const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
      if (claimed !== undefined && claimed !== actual) throw new TwirpError(400, 'invalid_argument', `hash ${claimed} does not match the upload (${actual})`)
      a.size = size
      a.digest = actual
      a.finalized = true
      return { ok: true, artifact_id: a.id }
    },
    async ListArtifacts(req, body) {
      const { run } = authorizeRead(req, body)
      const nameFilter = (body.name_filter as { value?: string } | string | undefined) ?? undefined
      const wanted = typeof nameFilter === 'string' ? nameFilter : nameFilter?.value
      const idFilter = (body.id_filter as { value?: string } | string | undefined) ?? undefined
      const wantedId = typeof idFilter === 'string' ? idFilter : idFilter?.value
      return {
        artifacts: artifacts
          .filter((a) => a.finalized && a.workflow_run_backend_id === run && (!wanted || a.name === wanted) && (!wantedId || a.id === wantedId))
          .map((a) => ({
            workflow_run_backend_id: a.workflow_run_backend_id,
            workflow_job_run_backend_id: a.workflow_job_run_backend_id,
            database_id: a.id,
            name: a.name,
            size: a.size,
            created_at: a.created_at,
            digest: a.digest,
          })),
      }
    },
    async GetSignedArtifactURL(req, body) {
      const { run } = authorizeRead(req, body)
      const name = str(body, 'name')
      const a = artifacts.find((x) => x.finalized && x.workflow_run_backend_id === run && x.name === name)
      if (!a) throw new TwirpError(404, 'not_found', `no finalized artifact named '${name}'`)
      return { signed_url: sas(a.blobName, 'r') }
    },
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      let status = 200
      let out: object
      let body: Record<string, unknown> = {}
      const method = req.url?.startsWith(PREFIX) ? req.url.slice(PREFIX.length) : ''
      try {
        if (req.method !== 'POST') throw new TwirpError(404, 'bad_route', `${req.method} ${req.url}`)
        const handler = methods[method]
        if (!handler) throw new TwirpError(404, 'bad_route', `no method ${req.url}`)
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
          throw new TwirpError(400, 'malformed', 'Content-Type must be application/json')
        body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>
        out = await handler(req, body)
      } catch (e) {
        // 4xx, never 5xx: the client retries 5xx for ~25 s, which would only slow a failing test.
        status = e instanceof TwirpError ? e.status : 400
        out = { code: e instanceof TwirpError ? e.code : 'malformed', msg: (e as Error).message }
      }
      calls.push({ method, body, status })
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(out))
    })()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    artifacts,
    calls,
    download: (a) => blobs.getContainerClient(CONTAINER).getBlobClient(a.blobName).downloadToBuffer(),
    close: () => new Promise((r) => server.close(() => r())),
  }
}
