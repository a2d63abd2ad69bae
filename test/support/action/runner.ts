// Runs a bundled entry (dist/index.js, dist/post.js) the way the Actions
// runner does: inputs as INPUT_<NAME> with action.yml's defaults filled in,
// file commands in GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY, the
// main step's saved state handed to the post step as STATE_<name>.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post: string }
}

export function actionYml(): ActionYml {
  return parse(readFileSync('action.yml', 'utf8')) as ActionYml
}

/** `name<<DELIM\nvalue\nDELIM` records, as @actions/core writes them. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) {
      const kv = /^([^=]+)=(.*)$/.exec(lines[i])
      if (kv) out[kv[1]] = kv[2]
      continue
    }
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    out[m[1]] = value.join('\n')
  }
  return out
}

export interface StepResult {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  ms: number
}

export interface StepOptions {
  node: string
  entry: string
  /** Input values (names as in action.yml); the rest get action.yml's defaults. */
  inputs?: Record<string, string>
  env: Record<string, string>
  /** Where GITHUB_OUTPUT etc. are written. */
  dir: string
  /** STATE_* for a post step. */
  state?: Record<string, string>
  timeoutMs?: number
}

export async function runStep(opts: StepOptions): Promise<StepResult> {
  mkdirSync(opts.dir, { recursive: true })
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_ENV: 'env', GITHUB_PATH: 'path' }
  const env: Record<string, string> = { ...opts.env }
  for (const [k, f] of Object.entries(files)) {
    env[k] = path.join(opts.dir, f)
    if (!existsSync(env[k])) writeFileSync(env[k], '')
  }
  const spec = actionYml()
  for (const [name, def] of Object.entries(spec.inputs)) {
    // The runner evaluates `${{ github.token }}`; tests pass github-token explicitly.
    const value = opts.inputs?.[name] ?? (def.default?.includes('${{') ? '' : (def.default ?? ''))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v
  const t0 = Date.now()
  const child = spawn(opts.node, [opts.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000)
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? 128 : 1))))
  clearTimeout(timer)
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(env.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(env.GITHUB_STATE, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'),
    ms: Date.now() - t0,
  }
}

/** Workflow commands the step printed (::warning::, ::error::, ::notice::, ::add-mask::). */
export function commands(stdout: string, kind: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}`))
    .map((l) => l.replace(/^::[^:]*::/, ''))
}
