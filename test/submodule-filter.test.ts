// Hostile probe B (session 7): the repository's own code — a committed fixture test run before the prompt —
// made a repository in an empty submodule folder (a committed gitlink) and named a clean filter in that
// repository's config. The harness's later `git status` calls recurse into submodules, and the child git
// there ran the filter on the host, as the harness's user (root on a runner); the case still passed. The
// harness's git calls never look into submodules now (diff.ignoreSubmodules=all with the neutral config,
// --ignore-submodules=all on status): a filter named in a submodule's config never runs outside the sandbox.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, fixtureRepo, git } from './support/repo.js'

describe("a filter named in a submodule's own config", () => {
  it('never runs in a harness git call (the case runs as before; no marker outside the sandbox)', () => {
    const { base, repo } = fixtureRepo()
    // Outside the worktree and the sandbox's view (its /tmp is its own): only a host process can write here.
    const markerDir = mkdtempSync(path.join(os.tmpdir(), 'dogfood-submodule-filter-'))
    const marker = path.join(markerDir, 'ran')
    const head = git(repo, 'rev-parse', 'HEAD').trim()
    git(repo, 'update-index', '--add', '--cacheinfo', `160000,${head},scripts/opencode_dogfood/sandbox/sub`)
    mkdirSync(path.join(repo, 'scripts/opencode_dogfood/sandbox/sub'))
    const test = path.join(repo, 'scripts/opencode_dogfood/sandbox/fixtures/calc.test.mjs')
    // The filter writes only when a harness git call runs it (OPENCODE_DOGFOOD_GIT marks those).
    const filter = `sh -c '[ "$OPENCODE_DOGFOOD_GIT" = 1 ] && echo harness >> ${marker}; cat'`
    const payload = [
      "import { execFileSync } from 'node:child_process'",
      "import { writeFileSync } from 'node:fs'",
      'try {',
      "  const d = new URL('../sub/', import.meta.url).pathname",
      "  const g = (...a) => execFileSync('git', ['-C', d, ...a], { stdio: 'ignore' })",
      "  g('init', '-q')",
      `  g('config', 'filter.evil.clean', ${JSON.stringify(filter)})`,
      "  writeFileSync(d + '.gitattributes', 'f filter=evil\\n')",
      "  writeFileSync(d + 'f', 'a\\n')",
      "  g('add', 'f', '.gitattributes')",
      "  writeFileSync(d + 'f', 'b\\n')",
      '} catch {}',
      '',
    ].join('\n')
    writeFileSync(test, payload + readFileSync(test, 'utf8'))
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'a gitlink, and a fixture test that plants a filter in it')
    const r = cli(['run', '--case', 'T3C02', '--worktree', path.join(base, 'wt')], { cwd: repo })
    expect(r.stderr).toMatch(/T3C02/)
    expect(existsSync(marker), existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe(false)
  }, 180_000)
})
