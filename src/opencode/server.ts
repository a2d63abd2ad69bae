// One OpenCode server per run: the real `opencode serve` on 127.0.0.1, its
// state under the run's temp folder, network-free flags, the repository's own
// config disabled and ours injected. Stopped with its whole process group.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { ServerStartError } from '../errors.js'

export const NETWORK_FREE_ENV = {
  OPENCODE_DISABLE_MODELS_FETCH: '1',
  OPENCODE_DISABLE_AUTOUPDATE: '1',
  OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
  OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
  OPENCODE_DISABLE_CLAUDE_CODE: '1',
  OPENCODE_DISABLE_EXTERNAL_SKILLS: '1',
  OPENCODE_DISABLE_PROJECT_CONFIG: '1',
}

export interface ServerHandle {
  url: string
  /** The server's basic-auth password (user `opencode`): every request must carry it (authHeaders). A secret. */
  password: string
  pid: number
  logFile: string
  /** SIGTERM to the server's group, SIGKILL after `graceMs` (default 5000; an interrupted run gives it less). */
  stop(graceMs?: number): Promise<void>
}

export interface StartServerOptions {
  binary: string
  cwd: string
  /** Where the server's log goes (a folder of the harness's, not the agent's). */
  logDir: string
  config: Record<string, unknown>
  /**
   * The server's whole environment (built from an allowlist by the caller:
   * sandbox/env.ts); the network-free flags and the config are added. Never logged.
   */
  env: Record<string, string>
  /** Wraps the server's command line (the sandbox); default: as it is. */
  wrap?: (command: string, args: string[]) => { command: string; args: string[] }
  startTimeoutMs?: number
  /** Aborted (the run was interrupted): the start is given up, the server's group killed, ServerStartError thrown. */
  signal?: AbortSignal
  /**
   * Called with the server's pid (its process group) the moment it is
   * spawned, before it listens: what must end it if the caller is killed
   * (the reaper) starts then, not after a start that can take seconds.
   */
  onSpawn?: (pid: number) => void
  /** The URL the harness reaches the server at, from the one it prints: set when it listens inside a network namespace (sandbox/bridge.ts). */
  reach?: (printed: string) => Promise<string>
}

/** The variable OpenCode reads its server password from (`opencode serve` and `opencode run --attach` alike). */
export const SERVER_PASSWORD_ENV = 'OPENCODE_SERVER_PASSWORD'

/**
 * The Authorization header for an OpenCode server started with `password`
 * (basic auth, user `opencode`, OpenCode's default); {} for a server without
 * one. Every request the harness sends carries it.
 */
export function authHeaders(password?: string): Record<string, string> {
  return password ? { Authorization: `Basic ${Buffer.from(`opencode:${password}`).toString('base64')}` } : {}
}

/** GET /global/health with a per-request timeout (a request sent too early can hang); `password`: see authHeaders. */
export async function health(url: string, timeoutMs = 2000, password?: string): Promise<{ healthy: boolean; version?: string; error?: string }> {
  try {
    const r = await fetch(new URL('/global/health', url), { headers: authHeaders(password), signal: AbortSignal.timeout(timeoutMs) })
    if (r.status === 401)
      return { healthy: false, error: `HTTP 401: the server wants a password${password ? ' (the one given was refused)' : ` (set ${SERVER_PASSWORD_ENV})`}` }
    if (!r.ok) return { healthy: false, error: `HTTP ${r.status}` }
    const body = (await r.json()) as { healthy?: boolean; version?: string }
    return { healthy: body.healthy === true, version: body.version }
  } catch (e) {
    return { healthy: false, error: (e as Error).message }
  }
}

/**
 * OpenCode's own state folders under `stateDir` (created): HOME, the XDG
 * folders and TMPDIR. They are the only places outside the write allowlist
 * that a contained server may write.
 */
export function stateEnv(stateDir: string): Record<string, string> {
  const dirs = { HOME: 'home', XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', XDG_STATE_HOME: 'state', TMPDIR: 'tmp' }
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(dirs)) {
    env[k] = path.join(stateDir, v)
    mkdirSync(env[k], { recursive: true })
  }
  settleConfigDependencies(path.join(env.XDG_CONFIG_HOME, 'opencode'))
  return env
}

/** The package OpenCode adds to each config folder it loads (for users' local plugins; none run here). */
const CONFIG_DEPENDENCY = '@opencode-ai/plugin'

/**
 * At every start OpenCode installs @opencode-ai/plugin into its global config
 * folder, in the background: an npm reify inside the server that fetches from
 * the npm registry — network in hermetic mode, and seconds of CPU that slow
 * every case when parallel slots start at once (measured: a server's first
 * prompt 1.7 s alone, 5 s with three starting together). OpenCode 1.18 skips
 * the install when the folder has node_modules/ and a package-lock.json whose
 * root names every dependency of its package.json; this writes that state
 * into a fresh config folder (an existing one is left as it is). Nothing
 * loads the package: the suite runs no plugin. Source: OpenCode's
 * Npm.install (checkNodeModules, checkDirty).
 */
function settleConfigDependencies(configDir: string): void {
  if (existsSync(path.join(configDir, 'package.json'))) return
  mkdirSync(path.join(configDir, 'node_modules'), { recursive: true })
  const deps = { [CONFIG_DEPENDENCY]: '*' }
  writeFileSync(path.join(configDir, 'package.json'), JSON.stringify({ dependencies: deps }, null, 2) + '\n')
  writeFileSync(path.join(configDir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: deps } } }, null, 2) + '\n')
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** A free loopback port (opencode treats --port 0 as its fixed default, 4096). */
export async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (srv.address() as net.AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

export async function startServer(opts: StartServerOptions): Promise<ServerHandle> {
  mkdirSync(opts.logDir, { recursive: true })
  const logFile = path.join(opts.logDir, 'opencode-server.log')
  const log = createWriteStream(logFile)
  const argv = ['serve', '--hostname', '127.0.0.1', '--port', String(await freePort()), '--print-logs', '--log-level', 'WARN']
  const cmd = opts.wrap ? opts.wrap(opts.binary, argv) : { command: opts.binary, args: argv }
  // A password per server: any process on the machine can reach 127.0.0.1, another slot's agent among them.
  const password = randomBytes(24).toString('base64url')
  const child = spawn(cmd.command, cmd.args, {
    cwd: opts.cwd,
    env: { ...opts.env, ...NETWORK_FREE_ENV, OPENCODE_CONFIG_CONTENT: JSON.stringify(opts.config), [SERVER_PASSWORD_ENV]: password },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() leaves nothing behind
  })
  if (child.pid !== undefined) opts.onSpawn?.(child.pid)
  let exited: string | undefined
  child.on('exit', (code, signal) => (exited = `exited with ${signal ?? code}`))
  child.on('error', (e) => (exited = `could not start: ${e.message}`))
  let onAbort = (): void => {}
  const printed = await new Promise<string>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(
      () => reject(new ServerStartError(`opencode serve printed no address within ${opts.startTimeoutMs ?? 60000} ms (log: ${logFile})`)),
      opts.startTimeoutMs ?? 60000,
    )
    const onData = (d: Buffer) => {
      log.write(d)
      seen += d.toString('utf8')
      const m = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(seen)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', () => {
      clearTimeout(timer)
      reject(new ServerStartError(`opencode serve ${exited ?? 'exited'} before listening (log: ${logFile})`))
    })
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(new ServerStartError(`opencode serve could not start: ${e.message}`))
    })
    onAbort = () => {
      clearTimeout(timer)
      reject(new ServerStartError(`opencode serve: start given up (${String(opts.signal?.reason ?? 'interrupted')})`))
    }
    if (opts.signal?.aborted) onAbort()
    else opts.signal?.addEventListener('abort', onAbort, { once: true })
  })
    .catch((e) => {
      killGroup(child, 'SIGKILL')
      throw e
    })
    .finally(() => opts.signal?.removeEventListener('abort', onAbort))
  const url = opts.reach
    ? await opts.reach(printed).catch((e) => {
        killGroup(child, 'SIGKILL')
        throw new ServerStartError(`opencode serve: its port cannot be reached from outside its sandbox (${(e as Error).message})`)
      })
    : printed
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60000)
  for (;;) {
    const h = await health(url, 2000, password)
    if (h.healthy) break
    if (exited || Date.now() > deadline || opts.signal?.aborted) {
      killGroup(child, 'SIGKILL')
      throw new ServerStartError(`opencode serve at ${url} never became healthy (${exited ?? h.error}; log: ${logFile})`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const stop = async (graceMs = 5000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise<void>((r) => child.once('exit', () => r()))
    killGroup(child, 'SIGTERM')
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs)
    await gone
    clearTimeout(timer)
    // Stragglers of the group (tool processes) go too.
    killGroup(child, 'SIGKILL')
    log.end()
  }
  return { url, password, pid: child.pid!, logFile, stop }
}
