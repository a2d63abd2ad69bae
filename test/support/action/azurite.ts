// Azurite (npm `azurite`, Microsoft's Azure Storage emulator) as the blob store
// behind the results-service emulation: a real block-blob server on a free
// loopback port, in memory, no telemetry. It ignores SIGTERM while requests
// linger, so it is stopped with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { StorageSharedKeyCredential } from '@azure/storage-blob'
import { freePort, waitForPort } from './ports.js'

/** Azurite's well-known development account (public, documented by Microsoft). */
export const DEV_ACCOUNT = 'devstoreaccount1'
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export interface Azurite {
  /** http://127.0.0.1:PORT/devstoreaccount1 */
  blobEndpoint: string
  credential: StorageSharedKeyCredential
  stop(): Promise<void>
}

export async function startAzurite(): Promise<Azurite> {
  const require = createRequire(import.meta.url)
  const main = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js')
  const location = mkdtempSync(path.join(os.tmpdir(), 'azurite-'))
  let lastError: unknown
  // A port found free can be taken before Azurite binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    let log = ''
    const child: ChildProcess = spawn(
      process.execPath,
      [
        main,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--inMemoryPersistence',
        '--disableTelemetry',
        '--skipApiVersionCheck',
        '--loose',
        '--silent',
      ],
      // In memory; anything it still writes lands in its own temp cwd.
      { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
    let exited: string | undefined
    child.on('exit', (code, sig) => (exited = `azurite exited (${sig ?? code}): ${log.slice(-2000)}`))
    try {
      await waitForPort(port, 30_000, () => exited)
    } catch (e) {
      lastError = e
      child.kill('SIGKILL')
      continue
    }
    return {
      blobEndpoint: `http://127.0.0.1:${port}/${DEV_ACCOUNT}`,
      credential: new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_KEY),
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          const gone = new Promise((r) => child.once('exit', r))
          child.kill('SIGKILL')
          await gone
        }
        rmSync(location, { recursive: true, force: true })
      },
    }
  }
  throw lastError
}
