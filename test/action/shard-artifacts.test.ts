// The merge half's download through the real @actions/artifact, against the
// results-service emulation over Azurite: every ledger of this run and prefix
// comes back byte for byte (each RUN_XXXX in a folder of its own), other
// prefixes and other runs are left alone, and of one shard uploaded by two
// attempts only the latest is kept.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactName, jobBackendId, ledgerFiles, uploadLedger } from '../../src/action/artifact.js'
import { downloadLedgers, latestAttempts, parseLedgerName } from '../../src/action/shard-artifacts.js'
import { startAzurite, type Azurite } from '../support/action/azurite.js'
import { runtimeToken, startResultsService, type ResultsService } from '../support/action/results-service.js'

let azurite: Azurite
let service: ResultsService
const saved = { ...process.env }

beforeAll(async () => {
  azurite = await startAzurite()
  service = await startResultsService(azurite)
  process.env.ACTIONS_RESULTS_URL = service.url
  delete process.env.GITHUB_SERVER_URL
})

afterAll(async () => {
  process.env = saved
  await service?.close()
  await azurite?.stop()
})

function fakeRun(id: string, marker: string): string {
  const run = path.join(mkdtempSync(path.join(os.tmpdir(), 'shard-artifact-')), id)
  mkdirSync(path.join(run, 'evidence', 'T1C01'), { recursive: true })
  writeFileSync(path.join(run, 'run_summary.json'), `{"run_id":"${id}","marker":"${marker}"}\n`)
  writeFileSync(path.join(run, 'evidence', 'T1C01', 'stdout.txt'), createHash('sha256').update(marker).digest())
  return run
}

async function uploadAs(run: string, runId: string, attempt: string, jobKey: string, prefix = 'opencode-dogfood'): Promise<string> {
  process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-s1', jobKey)
  const name = artifactName(prefix, { runId, runAttempt: attempt, job: 'dogfood', jobBackendId: jobBackendId(process.env.ACTIONS_RUNTIME_TOKEN) })
  await uploadLedger(run, name, 1)
  return name
}

describe('shard ledgers: download for the merge half', () => {
  it('downloads every ledger of the run and prefix, byte for byte; other prefixes stay', async () => {
    const runs = [fakeRun('RUN_0001', 'a'), fakeRun('RUN_0001', 'b'), fakeRun('RUN_0002', 'c')]
    const names = [await uploadAs(runs[0], '77', '1', 'leg-a'), await uploadAs(runs[1], '77', '1', 'leg-b'), await uploadAs(runs[2], '77', '2', 'leg-a2')]
    await uploadAs(fakeRun('RUN_0009', 'other'), '77', '1', 'leg-x', 'someone-else')

    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-s1', 'merge-job')
    const dest = mkdtempSync(path.join(os.tmpdir(), 'shard-dl-'))
    const got = await downloadLedgers({ prefix: 'opencode-dogfood', runId: '77', dest })
    expect(got.map((g) => g.name)).toEqual([...names].sort())
    expect(got.map((g) => g.attempt).sort()).toEqual([1, 1, 2])
    for (const g of got) {
      const source = runs[names.indexOf(g.name)]
      const rel = (f: string, root: string) => path.relative(root, f)
      expect(ledgerFiles(g.runDir).map((f) => rel(f, g.runDir))).toEqual(ledgerFiles(source).map((f) => rel(f, source)))
      for (const f of ledgerFiles(source)) expect(readFileSync(path.join(g.runDir, rel(f, source))).equals(readFileSync(f))).toBe(true)
    }
  })

  it('a digest that does not match the bytes is refused, naming the artifact', async () => {
    const name = await uploadAs(fakeRun('RUN_0003', 'd'), '78', '1', 'leg-d')
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-s1', 'merge-job')
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const real = new DefaultArtifactClient()
    const lying = {
      listArtifacts: async () => ({ artifacts: (await real.listArtifacts()).artifacts.map((a) => ({ ...a, digest: `sha256:${'0'.repeat(64)}` })) }),
      downloadArtifact: (id: number, o: { path: string; expectedHash?: string }) => real.downloadArtifact(id, o),
    }
    const dest = mkdtempSync(path.join(os.tmpdir(), 'shard-dl-'))
    await expect(downloadLedgers({ prefix: 'opencode-dogfood', runId: '78', dest, client: lying })).rejects.toThrow(
      new RegExp(`artifact ${name}: the downloaded bytes do not match`),
    )
  })

  it('names: the attempt is read after the prefix and run id; the latest attempt per key wins', () => {
    expect(parseLedgerName('opencode-dogfood-77-2-dogfood-abcd1234', 'opencode-dogfood', '77')).toEqual({ attempt: 2, stem: 'dogfood-abcd1234' })
    expect(parseLedgerName('opencode-dogfood-merged-77-1-merge', 'opencode-dogfood', '77')).toBeUndefined()
    expect(parseLedgerName('opencode-dogfood-770-1-x', 'opencode-dogfood', '77')).toBeUndefined()
    const items = [
      { name: 'p-1-1-a', attempt: 1, shard: 1 },
      { name: 'p-1-2-b', attempt: 2, shard: 1 },
      { name: 'p-1-1-c', attempt: 1, shard: 2 },
    ]
    expect(latestAttempts(items, (i) => String(i.shard)).map((i) => i.name)).toEqual(['p-1-1-c', 'p-1-2-b'])
  })
})
