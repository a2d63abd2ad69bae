// The RUN_XXXX folder as a workflow artifact, through the real @actions/artifact.
// Its name is unique per run, attempt and job, and per matrix leg: the job's
// backend id (from the runtime token's results scope) tells legs of one matrix
// apart, so a re-run or a matrix job never gets 409 for a name already taken.
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'

export interface UploadResult {
  name: string
  id?: number
  size?: number
  digest?: string
}

/** The job run's backend id from ACTIONS_RUNTIME_TOKEN's `scp` claim (read, not verified, as the toolkit does). */
export function jobBackendId(token: string | undefined): string | undefined {
  const payload = token?.split('.')[1]
  if (!payload) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string }
    for (const scope of (claims.scp ?? '').split(' ')) {
      const parts = scope.split(':')
      if (parts[0] === 'Actions.Results' && parts.length === 3) return parts[2]
    }
  } catch {
    return undefined
  }
  return undefined
}

const UNSAFE = /["':<>|*?\\/\r\n\s]+/g

/**
 * `<base>-<run id>-<attempt>-<job>[-shard-<I>of<N>][-<leg key>]`: unique per
 * run, attempt, job and matrix leg (the leg key hashes the job's backend id),
 * so a re-run or a matrix leg never gets 409; unsafe characters become `_`.
 */
export function artifactName(
  base: string,
  ids: { runId: string; runAttempt: string; job: string; jobBackendId?: string; shard?: { index: number; total: number } },
): string {
  const parts = [base, ids.runId || 'local', ids.runAttempt || '1', ids.job || 'job']
  if (ids.shard) parts.push(`shard-${ids.shard.index}of${ids.shard.total}`)
  if (ids.jobBackendId) parts.push(createHash('sha256').update(ids.jobBackendId).digest('hex').slice(0, 8))
  return parts.map((p) => p.replace(UNSAFE, '_')).join('-')
}

/** Every file of the run folder, sorted (the zip holds these, under RUN_XXXX/). */
export function ledgerFiles(runDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
  return walk(runDir).sort()
}

export async function uploadLedger(runDir: string, name: string, retentionDays: number): Promise<UploadResult> {
  const client = new DefaultArtifactClient()
  const files = ledgerFiles(runDir)
  const r = await client.uploadArtifact(name, files, path.dirname(runDir), retentionDays > 0 ? { retentionDays } : {})
  return { name, id: r.id, size: r.size, digest: r.digest }
}

/**
 * Upload `runDir` as `name` and say what happened: the upload's id, size and
 * digest with its download page (`runPage`), or, when it failed, the error
 * (logged with `log`; the step decides later whether it fails).
 */
export async function uploadReported(
  runDir: string,
  name: string,
  retentionDays: number,
  runPage: string | undefined,
  log: { info: (line: string) => void; error: (line: string) => void },
): Promise<UploadResult & { url?: string; error?: string }> {
  try {
    const r = await uploadLedger(runDir, name, retentionDays)
    log.info(`artifact ${name}: id ${r.id}, ${r.size} bytes, sha256 ${r.digest}`)
    return { ...r, url: artifactUrl(runPage, r.id) }
  } catch (e) {
    log.error(`upload-artifact: ${path.basename(runDir)} could not be uploaded as ${name}: ${(e as Error).message}`)
    return { name, error: (e as Error).message }
  }
}

/** Where a person downloads an artifact of this run. */
export function artifactUrl(runPage: string | undefined, id: number | undefined): string | undefined {
  return runPage && id !== undefined ? `${runPage}/artifacts/${id}` : undefined
}
