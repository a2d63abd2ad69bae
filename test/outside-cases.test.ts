// Hostile probe B (session 7): the repository's own OpenCode plugin (.opencode/plugin/*.js; OpenCode 1.18
// loads it even with OPENCODE_DISABLE_PROJECT_CONFIG) runs in the server for the whole run, contained in
// the sandbox but outside every case's window: a file it wrote before the first case's before-snapshot was
// no case's change, the run passed, and only the worktree's removal failed. The tree the agent works in
// is now snapshotted before any server starts and compared at the end: what remains is MODIFICATIONFAIL
// (exit 1, the paths named), and the worktree is left for inspection.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, fixtureRepo, git } from './support/repo.js'

const PLUGIN = `import fs from 'node:fs'
const t = setInterval(() => {
  try {
    fs.writeFileSync(process.cwd() + '/scripts/opencode_dogfood/sandbox/plugin_was_here.txt', 'x\\n')
    clearInterval(t)
  } catch {}
}, 50)
`

describe("a change in the agent's tree that no case made", () => {
  it('(a repository plugin writing as the server starts) fails the run: MODIFICATIONFAIL naming the file; the worktree left', () => {
    const { base, repo } = fixtureRepo()
    mkdirSync(path.join(repo, '.opencode', 'plugin'), { recursive: true })
    writeFileSync(path.join(repo, '.opencode', 'plugin', 'writer.js'), PLUGIN)
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'a plugin that writes')
    const wt = path.join(base, 'wt')
    const r = cli(['run', '--case', 'T1C01', '--worktree', wt], { cwd: repo })
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toMatch(/MODIFICATIONFAIL: the run changed your checkout:\n\s+created \S*scripts\/opencode_dogfood\/sandbox\/plugin_was_here\.txt/)
    expect(existsSync(wt)).toBe(true)
    expect(r.stderr + r.stdout).toMatch(/worktree left for inspection at \S+ \(it holds 1 change\(s\) no case made\)/)
  }, 180_000)
})
