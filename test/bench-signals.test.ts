// The bench starts its own OpenCode server (and scripted model). A bench
// stopped by SIGINT/SIGTERM stops them and exits 130/143 saying so; one killed
// outright (SIGKILL) leaves them to its reaper, which ends them within moments.
// Before, either left the server running for ever.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { processesUnder } from './support/processes.js'
import { CLI } from './support/repo.js'

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (cond()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return cond()
}

describe('a bench stopped early leaves no server running', () => {
  for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
    it(`${sig} during the warm-up: ${sig === 'SIGTERM' ? 'exit 143, saying so' : 'its reaper ends the server'}; no process of the bench is left`, async () => {
      // The bench's throwaway repository (the server's working folder) goes under TMPDIR: its processes are found by it.
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'dogfood-bench-sig-'))
      const child = spawn(process.execPath, [CLI, 'bench', '--rounds', '1'], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.stdout.resume()
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })))
      const server = () => processesUnder(tmp).filter((p) => /opencode/.test(p))
      expect(await until(() => server().length > 0, 90_000)).toBe(true)
      // Into the warm-up (the server answers its first prompts).
      await new Promise((r) => setTimeout(r, 2000))
      child.kill(sig)
      const end = await exited
      if (sig === 'SIGTERM') {
        expect(end.code, stderr).toBe(143)
        expect(stderr).toMatch(/bench: interrupted by SIGTERM: the server is stopped/)
      } else expect(end.signal).toBe('SIGKILL')
      const gone = await until(() => processesUnder(tmp).length === 0, 10_000)
      expect(gone, processesUnder(tmp).join('\n')).toBe(true)
    })
  }
})
