// The plan packet forbids git clean -f*, git reset --hard, git checkout -- .
// and forced removals. None may appear in the project's code paths: the
// sources, the scripts, the workflows, and the bundle GitHub runs.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string, exts: RegExp): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n)
    return statSync(p).isDirectory() ? files(p, exts) : exts.test(n) ? [p] : []
  })
}

const FORBIDDEN: [string, RegExp][] = [
  ['git clean -f', /\bclean['"`]?\s*(,\s*['"`]|\s+)-[a-zA-Z]*[fx]/],
  ['git reset --hard', /\breset['"`]?\s*(,\s*['"`]|\s+)--hard/],
  ['git checkout -- .', /\bcheckout['"`]?\s*(,\s*['"`]|\s+)--['"`]?\s*(,\s*['"`]|\s+)\.['"`]?/],
  ['--force', /['"`\s]--force\b/],
  ['git worktree remove -f', /worktree['"`]?\s*(,\s*['"`]|\s+)remove['"`]?\s*(,\s*['"`]|\s+)-f\b/],
]

describe('forbidden operations', () => {
  const ours = [...files('src', /\.ts$/), ...files('scripts', /\.(m?js|ts|sh)$/), ...files('.github', /\.ya?ml$/), ...files('.ci', /.*/), 'action.yml'].filter(
    existsSync,
  )
  it('scans the project code', () => expect(ours.length).toBeGreaterThan(30))
  for (const [name, pattern] of FORBIDDEN) {
    it(`'${name}' appears in no source, script or workflow`, () => {
      const hits = ours.filter((f) => pattern.test(readFileSync(f, 'utf8')))
      expect(hits).toEqual([])
    })
    it(`'${name}' appears nowhere in the bundle as a git argument`, () => {
      const hits = files('dist', /\.js$/).filter((f) => name !== '--force' && pattern.test(readFileSync(f, 'utf8')))
      expect(hits).toEqual([])
    })
  }
  it('the patterns catch what they are meant to catch', () => {
    const samples = [
      "git(dir, ['clean', '-fd'])",
      'git clean -x',
      "['reset', '--hard']",
      'git checkout -- .',
      "['worktree', 'remove', '--force', p]",
      "['worktree', 'remove', '-f', p]",
    ]
    for (const s of samples)
      expect(
        FORBIDDEN.some(([, p]) => p.test(s)),
        s,
      ).toBe(true)
    expect(FORBIDDEN.some(([, p]) => p.test("git(dir, ['worktree', 'remove', '--', p])"))).toBe(false)
  })
})
