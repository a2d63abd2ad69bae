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
import { until } from './support/wait.js'
import { CLI } from './support/repo.js'

describe('a bench stopped early leaves no server running', () => {
  const trials = [
    { sig: 'SIGTERM', waitMs: 2000, what: 'during the warm-up: exit 143, saying so' },
    { sig: 'SIGTERM', waitMs: 0, what: 'as the server process appears (it is still starting: the start is given up): exit 143, saying so' },
    { sig: 'SIGKILL', waitMs: 2000, what: 'during the warm-up: its reaper ends the server' },
  ] as const
  for (const { sig, waitMs, what } of trials) {
    it(`${sig} ${what}; no process of the bench is left`, async () => {
      // The bench's throwaway repository (the server's working folder) goes under TMPDIR: its processes are found by it.
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'dogfood-bench-sig-'))
      const child = spawn(process.execPath, [CLI, 'bench', '--rounds', '1'], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      child.stdout.resume()
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })))
      // The server itself (`opencode … serve`), not the git calls that make the bench's repository (their paths name opencode too).
      const server = () => processesUnder(tmp).filter((p) => /opencode\S* serve\b/.test(p))
      expect(await until(() => server().length > 0, 90_000)).toBe(true)
      // Into the warm-up (the server answers its first prompts), or at once.
      await new Promise((r) => setTimeout(r, waitMs))
      child.kill(sig)
      const end = await exited
      if (sig === 'SIGTERM') {
        expect(end.code, stderr).toBe(143)
        // (The server may still be starting when the signal comes, on a loaded machine: the bench says which.)
        expect(stderr).toMatch(
          waitMs === 0
            ? /bench: interrupted by SIGTERM before the server was up: nothing left running/
            : /bench: interrupted by SIGTERM(: the server is stopped| before the server was up: nothing left running)/,
        )
      } else expect(end.signal).toBe('SIGKILL')
      const gone = await until(() => processesUnder(tmp).length === 0, 10_000)
      expect(gone, processesUnder(tmp).join('\n')).toBe(true)
    })
  }
})
