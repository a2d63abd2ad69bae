// changes.diff as a case writes it: real snapshots of a real repository, the
// before-side read back from git's object store (tracked and untracked files
// alike), before the tree is restored; and read by the report.
import { chmodSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { applyPatch } from 'diff'
import { describe, expect, it } from 'vitest'
import { changesDiff, diffPathToken } from '../src/cases/diff-evidence.js'
import { compareSnapshots } from '../src/guard/compare.js'
import { takeSnapshot, takeSnapshotAfter } from '../src/guard/snapshot.js'
import { splitDiff } from '../src/report/html/diff.js'
import { repoMaker } from './support/git-repo.js'

const make = repoMaker(mkdtempSync(path.join(os.tmpdir(), 'dogfood-diffev-')))

async function diffAfter(dir: string, act: () => void): Promise<string> {
  const before = await takeSnapshot(dir)
  act()
  const after = await takeSnapshotAfter(before)
  return changesDiff(before, after, compareSnapshots(before, after))
}

describe('changes.diff', () => {
  it('a modified tracked file: a unified diff against the committed content that patches before into after', async () => {
    const before = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\n'
    const after = 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\n'
    const dir = make({ 'src/a.txt': before, 'keep.txt': 'k\n' })
    const text = await diffAfter(dir, () => writeFileSync(path.join(dir, 'src/a.txt'), after))
    expect(text).toMatch(/^diff --git a\/src\/a\.txt b\/src\/a\.txt\n--- a\/src\/a\.txt\n\+\+\+ b\/src\/a\.txt\n@@ /)
    expect(text).toContain('-three\n+THREE\n')
    expect(text).not.toContain('keep.txt')
    // The patch is a real one: applied to the before-content it gives the after-content.
    const [file] = splitDiff(text)
    expect(applyPatch(before, ['--- a', '+++ b', ...file.body].join('\n') + '\n')).toBe(after)
  })

  it('an untracked file that existed before the case: its before-side comes from the snapshot, a deletion diffs to /dev/null', async () => {
    const dir = make({ 'tracked.txt': 't\n' })
    writeFileSync(path.join(dir, 'notes.md'), 'draft\nline\n')
    writeFileSync(path.join(dir, 'gone.txt'), 'precious\n')
    const text = await diffAfter(dir, () => {
      writeFileSync(path.join(dir, 'notes.md'), 'draft\nline\n<script>x</script>\n')
      unlinkSync(path.join(dir, 'gone.txt'))
    })
    const files = splitDiff(text)
    expect(files.map((f) => f.path)).toEqual(['gone.txt', 'notes.md'])
    expect(files[0].header).toEqual(['deleted file mode 100644', '--- a/gone.txt', '+++ /dev/null'])
    expect(files[0].body).toEqual(['@@ -1,1 +0,0 @@', '-precious'])
    expect(files[1].body).toContain('+<script>x</script>')
  })

  it('mode and type changes, binary content and paths with spaces are said, not diffed as text', async () => {
    const dir = make({ 'run.sh': 'echo hi\n', 'img.bin': 'a\u0000b', 'link.txt': 'plain\n', 'my notes.txt': 'a\n' })
    const text = await diffAfter(dir, () => {
      chmodSync(path.join(dir, 'run.sh'), 0o755)
      writeFileSync(path.join(dir, 'img.bin'), 'a\u0000c')
      rmSync(path.join(dir, 'link.txt'))
      symlinkSync('/etc/passwd', path.join(dir, 'link.txt'))
      writeFileSync(path.join(dir, 'my notes.txt'), 'b\n')
    })
    expect(text).toContain('diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n')
    expect(text).toContain('Binary files a/img.bin and b/img.bin differ')
    expect(text).toMatch(/diff --git a\/link\.txt b\/link\.txt\n# type changed: file before, symlink to \/etc\/passwd after/)
    expect(text).toContain(`diff --git ${diffPathToken('a/', 'my notes.txt')} "b/my notes.txt"`)
    expect(splitDiff(text).map((f) => f.path)).toEqual(['img.bin', 'link.txt', 'my notes.txt', 'run.sh'])
  })

  it('nothing but created files: no diff at all (created files are kept whole as item_NN)', async () => {
    const dir = make({ 'a.txt': 'a\n' })
    expect(await diffAfter(dir, () => writeFileSync(path.join(dir, 'new.txt'), 'n\n'))).toBe('')
  })
})
