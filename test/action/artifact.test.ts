// The real @actions/artifact upload, against the results-service emulation
// backed by Azurite: the zip in the blob store holds exactly the ledger's
// files, byte for byte, and names stay unique per run, attempt, job and leg.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactName, jobBackendId, ledgerFiles, uploadLedger } from '../../src/action/artifact.js'
import { startAzurite, type Azurite } from '../support/action/azurite.js'
import { readZip } from '../support/action/zip.js'
import { runtimeToken, startResultsService, type ResultsService } from '../support/action/results-service.js'

let azurite: Azurite
let service: ResultsService
const saved = { ...process.env }

beforeAll(async () => {
  azurite = await startAzurite()
  service = await startResultsService(azurite)
  process.env.ACTIONS_RESULTS_URL = service.url
  delete process.env.GITHUB_SERVER_URL
  delete process.env.GITHUB_RETENTION_DAYS
})

afterAll(async () => {
  process.env = saved
  await service?.close()
  await azurite?.stop()
})

/** A RUN_XXXX-shaped folder: nested, binary, empty and non-ASCII files. */
function fakeRun(): string {
  const base = mkdtempSync(path.join(os.tmpdir(), 'artifact-test-'))
  const run = path.join(base, 'RUN_0007')
  const put = (rel: string, data: string | Buffer) => {
    mkdirSync(path.dirname(path.join(run, rel)), { recursive: true })
    writeFileSync(path.join(run, rel), data)
  }
  put('run_summary.json', '{"run_id":"RUN_0007"}\n')
  put('run_summary.json.sha256', `${createHash('sha256').update('{"run_id":"RUN_0007"}\n').digest('hex')} *run_summary.json\n`)
  put('cases/T1C01.result.json', '{}\n')
  put('evidence/T1C01/stdout.txt', randomBytes(300_000)) // incompressible, several blocks of zip output
  put('evidence/T1C01/stderr.txt', '')
  put('evidence/T1C01/item_01.md', 'ünïcödé ✓\n')
  return run
}

function zipMap(zip: Buffer): Map<string, Buffer> {
  return new Map(
    readZip(zip)
      .filter((e) => !e.name.endsWith('/'))
      .map((e) => [e.name, e.data]),
  )
}

describe('ledger artifact', () => {
  it('uploads RUN_XXXX through @actions/artifact; the blob holds exactly its files, byte for byte', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-b1', 'job-b1')
    const run = fakeRun()
    const name = artifactName('opencode-dogfood', { runId: '41', runAttempt: '1', job: 'dogfood', jobBackendId: 'job-b1' })
    const r = await uploadLedger(run, name, 7)

    const stored = service.artifacts.find((a) => a.name === name)!
    expect(stored.finalized).toBe(true)
    expect(String(r.id)).toBe(stored.id)
    const blob = await service.download(stored)
    expect(r.digest).toBe(createHash('sha256').update(blob).digest('hex'))
    expect(stored.digest).toBe(`sha256:${r.digest}`)
    expect(r.size).toBe(blob.length)

    const entries = zipMap(blob)
    const expected = ledgerFiles(run).map((f) => path.relative(path.dirname(run), f).split(path.sep).join('/'))
    expect([...entries.keys()].sort()).toEqual(expected.sort())
    for (const rel of expected) expect(entries.get(rel)!.equals(readFileSync(path.join(path.dirname(run), rel)))).toBe(true)

    // retention-days reached the service as an expiry about 7 days out.
    const days = (Date.parse(stored.expires_at!) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThan(7.1)
  })

  it('retention-days 0 leaves the expiry to the repository setting', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-b2', 'job-b2')
    const name = artifactName('opencode-dogfood', { runId: '42', runAttempt: '1', job: 'dogfood', jobBackendId: 'job-b2' })
    await uploadLedger(fakeRun(), name, 0)
    expect(service.artifacts.find((a) => a.name === name)!.expires_at).toBeUndefined()
  })

  it('a second upload under a taken name gets 409; re-runs and matrix legs get names of their own', async () => {
    const ids = { runId: '43', runAttempt: '1', job: 'dogfood' }
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-b3', 'job-leg-a')
    const legA = artifactName('opencode-dogfood', { ...ids, jobBackendId: jobBackendId(process.env.ACTIONS_RUNTIME_TOKEN) })
    await uploadLedger(fakeRun(), legA, 1)
    await expect(uploadLedger(fakeRun(), legA, 1)).rejects.toThrow(/409|already exists/)

    // The other leg of the same matrix job (same run, attempt and job id).
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-b3', 'job-leg-b')
    const legB = artifactName('opencode-dogfood', { ...ids, jobBackendId: jobBackendId(process.env.ACTIONS_RUNTIME_TOKEN) })
    expect(legB).not.toBe(legA)
    await uploadLedger(fakeRun(), legB, 1)

    // A re-run of leg A: attempt 2, a new job backend id.
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-b3', 'job-leg-a-attempt-2')
    const rerun = artifactName('opencode-dogfood', { ...ids, runAttempt: '2', jobBackendId: jobBackendId(process.env.ACTIONS_RUNTIME_TOKEN) })
    expect(new Set([legA, legB, rerun]).size).toBe(3)
    await uploadLedger(fakeRun(), rerun, 1)
    expect(service.calls.filter((c) => c.method === 'CreateArtifact' && c.status === 409)).toHaveLength(1)
  })

  it('names: unsafe characters replaced, the run, attempt and job spelled out', () => {
    expect(artifactName('my ledger', { runId: '9', runAttempt: '3', job: 'gate' })).toBe('my_ledger-9-3-gate')
    expect(artifactName('x', { runId: '9', runAttempt: '3', job: 'gate', jobBackendId: 'abc' })).toMatch(/^x-9-3-gate-[0-9a-f]{8}$/)
    expect(artifactName('x', { runId: '9', runAttempt: '1', job: 'gate', shard: { index: 2, total: 3 } })).toBe('x-9-1-gate-shard-2of3')
    expect(jobBackendId(runtimeToken('r', 'the-job'))).toBe('the-job')
    expect(jobBackendId('not-a-jwt')).toBeUndefined()
    expect(jobBackendId(undefined)).toBeUndefined()
  })
})
