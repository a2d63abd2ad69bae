// The seed's suite entry checklist, checked before anything runs. Each failing
// item is one clear line; a failed checklist writes nothing to the ledger.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { PreflightError } from '../errors.js'
import { git } from '../git.js'
import type { CaseDef } from '../cases/catalog.js'

export const SCRATCH_TARGET = 'docs/zz_scratch/opencode_dogfood_probe.md'
export const SANDBOX_FIXTURES = 'scripts/opencode_dogfood/sandbox/fixtures/'

/** Fixture paths the selected built-in cases read. */
function fixturePaths(cases: CaseDef[]): string[] {
  const out = new Set<string>()
  for (const c of cases) {
    if (c.source !== 'builtin') continue
    for (const key of ['read_path', 'test', 'module']) {
      const v = c.params?.[key]
      if (typeof v === 'string') out.add(v)
    }
    if (c.check === 'delete_sentinel' || c.check === 'bugfix' || c.check === 'append') {
      const v = c.params?.target
      if (typeof v === 'string') out.add(v)
    }
  }
  return [...out].sort()
}

export async function preflight(workDir: string, cases: CaseDef[], harnessPaths: string[]): Promise<string[]> {
  const failures: string[] = []
  const status = await git(workDir, ['status', '--porcelain', '-z', '--untracked-files=all'])
  if (status.exitCode !== 0) throw new PreflightError([`${workDir} is not a git repository: ${status.stderr.trim()}`])
  const dirty = status.stdout
    .split('\0')
    .filter(Boolean)
    .map((rec) => rec.slice(3))
    .filter((p) => !harnessPaths.some((h) => p === h || p.startsWith(h) || h.startsWith(p.endsWith('/') ? p : `${p}/`)))
  if (dirty.length > 0)
    failures.push(`working tree not clean (git status --porcelain): ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ''}`)
  if (!existsSync(path.join(workDir, SCRATCH_TARGET))) failures.push(`scratch target missing: ${SCRATCH_TARGET} (run 'opencode-dogfood init')`)
  if (!existsSync(path.join(workDir, SANDBOX_FIXTURES))) failures.push(`sandbox fixtures missing: ${SANDBOX_FIXTURES} (run 'opencode-dogfood init')`)
  else for (const p of fixturePaths(cases)) if (!existsSync(path.join(workDir, p))) failures.push(`fixture missing: ${p} (run 'opencode-dogfood init')`)
  return failures
}
