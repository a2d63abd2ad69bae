// `npm run local-action [-- ENV_FILE]`: the action's TypeScript entry run
// locally by @github/local-action (src/main.ts, then src/post.ts), inputs from
// ENV_FILE, else .env, else the committed .env.example, on a throwaway sandbox repository scaffolded
// with `opencode-dogfood init` in a temp folder, as a workflow would have it.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
process.chdir(root)
// Case processes run from dist/cli.js.
if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })

const base = mkdtempSync(path.join(os.tmpdir(), 'opencode-dogfood-local-action-'))
const repo = path.join(base, 'repo')
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { stdio: 'ignore' })
execFileSync('git', ['init', '-q', '-b', 'main', repo])
writeFileSync(path.join(repo, 'README.md'), '# local-action sandbox\n')
execFileSync(process.execPath, ['dist/cli.js', 'init', repo], { stdio: 'ignore' })
git('add', '-A')
git('-c', 'user.name=local-action', '-c', 'user.email=local-action@localhost', 'commit', '-q', '-m', 'opencode-dogfood fixtures')

const dirs = { RUNNER_TEMP: 'runner-temp', LOCAL_ACTION_WORKSPACE: 'workspace', LOCAL_ACTION_ARTIFACT_PATH: 'artifacts', LOCAL_ACTION_CACHE_PATH: 'cache' }
const added = { GITHUB_WORKSPACE: repo, GITHUB_SHA: execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim() }
for (const [k, d] of Object.entries(dirs)) {
  added[k] = path.join(base, d)
  mkdirSync(added[k], { recursive: true })
}
added.GITHUB_STEP_SUMMARY = path.join(base, 'step-summary.md')
writeFileSync(added.GITHUB_STEP_SUMMARY, '')

// An env file given on the command line wins (npm run local-action -- my.env).
const source = process.argv[2] ?? (existsSync('.env') ? '.env' : '.env.example')
const envFile = path.join(base, 'local-action.env')
const lines = readFileSync(source, 'utf8').split('\n')
const setInFile = new Set(lines.map((l) => /^([A-Za-z_][A-Za-z0-9_-]*)=/.exec(l)?.[1]).filter(Boolean))
for (const [k, v] of Object.entries(added)) if (!setInFile.has(k)) lines.push(`${k}=${v}`)
writeFileSync(envFile, lines.join('\n') + '\n')
console.log(`sandbox repository: ${repo}\ninputs: ${source}\n`)

const bin = path.join(root, 'node_modules', '.bin', 'local-action')
const r = spawnSync(bin, ['run', root, 'src/main.ts', envFile, '--post', 'src/post.ts'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_PACKAGE_MANAGER: 'npm' },
})
console.log(`\njob summary: ${added.GITHUB_STEP_SUMMARY}\nartifacts: ${added.LOCAL_ACTION_ARTIFACT_PATH}`)
process.exitCode = r.status ?? 1
