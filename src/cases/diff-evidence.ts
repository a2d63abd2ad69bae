// changes.diff: what the agent did to each file that existed before the case,
// as a unified diff against the before-state — taken while both sides are at
// hand (the after-state on disk, the before-state in git's object store, where
// the guard's before-snapshot put every file's content), before the tree is
// put back. Files the agent created are kept whole as item_NN evidence.
//
// One block per path, git's layout: `diff --git a/P b/P`, then mode lines or a
// note, then `--- a/P` / `+++ b/P` and the hunks. A path with a space, quote,
// backslash or control character is written as a JSON string (git quotes such
// paths too). Binary, oversized or too-different files get a one-line note.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff'
import type { Change } from '../guard/compare.js'
import { describeInspection, lookAt, readBeneath } from '../guard/reader.js'
import { readBlobs } from '../guard/restore.js'
import type { Snapshot } from '../guard/snapshot.js'

/** A side larger than this is not diffed (the note gives both sizes). */
export const MAX_DIFF_SIDE_BYTES = 1024 * 1024
/** Edits beyond this many (Myers' D) are not worth a diff a person reads. */
const MAX_EDIT_LENGTH = 20_000
/** Time one file's diff may take before it is given up, ms. */
const DIFF_TIMEOUT_MS = 2_000
/** Bytes looked at for a NUL, as git does to call a file binary. */
const BINARY_PROBE = 8000

/** A path as it goes into a diff header: plain, or a JSON string when it holds a space, quote, backslash or control character. */
export function diffPathToken(prefix: string, p: string): string {
  const full = prefix + p
  return /[\s"\\\u0000-\u001f\u007f]/.test(full) ? JSON.stringify(full) : full
}

function isBinary(b: Buffer): boolean {
  return b.subarray(0, BINARY_PROBE).includes(0)
}

const octal = (mode: number) => (mode & 0o177777).toString(8).padStart(6, '0')

/** What the entry is after the case, for a note (through the evidence reader: a link's target text, never followed). */
function describeEntry(root: string, rel: string): string {
  const seen = lookAt(root, rel)
  if (seen.kind === 'missing') return 'gone'
  if (seen.kind === 'directory') return 'folder'
  if (seen.kind === 'symlink') return `symlink to ${seen.target ?? '?'}`
  return describeInspection(seen)
}

/** One path's block: header, then a note or the hunks. */
function block(rel: string, head: string[], before: Buffer | undefined, after: Buffer | undefined, deleted: boolean): string {
  const a = diffPathToken('a/', rel)
  const b = deleted ? '/dev/null' : diffPathToken('b/', rel)
  const lines = [`diff --git ${a} ${diffPathToken('b/', rel)}`, ...head]
  if (before === undefined || after === undefined) return lines.join('\n') + '\n'
  if (isBinary(before) || isBinary(after)) return [...lines, `Binary files ${a} and ${b} differ`].join('\n') + '\n'
  if (before.length > MAX_DIFF_SIDE_BYTES || after.length > MAX_DIFF_SIDE_BYTES)
    return [...lines, `# not diffed: ${before.length} bytes before, ${after.length} bytes after (a side over ${MAX_DIFF_SIDE_BYTES} bytes)`].join('\n') + '\n'
  const patch = createTwoFilesPatch(a, b, before.toString('utf8'), after.toString('utf8'), undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS,
  })
  if (patch === undefined) return [...lines, `# not diffed: more than ${MAX_EDIT_LENGTH} edits (or over ${DIFF_TIMEOUT_MS} ms)`].join('\n') + '\n'
  return lines.join('\n') + '\n' + patch.replace(/^---\s.*\n\+\+\+\s.*\n/, `--- ${a}\n+++ ${b}\n`)
}

/**
 * The unified diff of every work-tree path the case modified or deleted
 * (content, mode, type), against the guard's before-snapshot; '' when there
 * is none. Must run before the tree is restored.
 */
export async function changesDiff(before: Snapshot, after: Snapshot, changes: Change[]): Promise<string> {
  const wanted = changes.filter((c) => c.area === 'tree' && c.kind !== 'created')
  if (wanted.length === 0) return ''
  const ids = wanted.flatMap((c) => {
    const e = before.tree.get(c.path)
    return e?.type === 'file' && e.hash ? [{ id: e.hash, size: e.size }] : []
  })
  const blobs = await readBlobs(before.root, ids)
  const out: string[] = []
  for (const c of wanted) {
    const was = before.tree.get(c.path)
    const now = after.tree.get(c.path)
    const old = was?.type === 'file' && was.hash ? blobs.get(was.hash) : undefined
    const missingOld = was?.type === 'file' && !old ? [`# before-content not in the object store (blob ${was.hash ?? 'unknown'})`] : []
    if (c.kind === 'deleted') {
      const head =
        was?.type === 'file'
          ? [`deleted file mode ${octal(was.mode)}`, ...missingOld]
          : [`# deleted: ${was?.type ?? 'entry'}${was?.type === 'symlink' ? ` to ${was.hash?.slice('link:'.length)}` : ''}`]
      out.push(block(c.path, head, old, old ? Buffer.alloc(0) : undefined, true))
    } else if (c.kind === 'mode') {
      out.push(block(c.path, [`old mode ${octal(was?.mode ?? 0)}`, `new mode ${octal(now?.mode ?? 0)}`], undefined, undefined, false))
    } else if (c.kind === 'type') {
      out.push(block(c.path, [`# type changed: ${was?.type ?? 'unknown'} before, ${describeEntry(before.root, c.path)} after`], undefined, undefined, false))
    } else {
      const modeLines = was && now && was.mode !== now.mode ? [`old mode ${octal(was.mode)}`, `new mode ${octal(now.mode)}`] : []
      if (was?.type === 'symlink') {
        out.push(
          block(
            c.path,
            [...modeLines, `# symlink target: ${was.hash?.slice('link:'.length)} before, ${describeEntry(before.root, c.path)} after`],
            undefined,
            undefined,
            false,
          ),
        )
        continue
      }
      // The after-side through the evidence reader: a regular file of one name, up to the diff's side limit.
      const cur = readBeneath(before.root, c.path, { maxBytes: MAX_DIFF_SIDE_BYTES })
      if (!cur.data && cur.kind === 'file' && cur.links === 1 && cur.size > MAX_DIFF_SIDE_BYTES) {
        out.push(
          block(
            c.path,
            [
              ...modeLines,
              ...missingOld,
              `# not diffed: ${old?.length ?? 'unknown'} bytes before, ${cur.size} bytes after (a side over ${MAX_DIFF_SIDE_BYTES} bytes)`,
            ],
            undefined,
            undefined,
            false,
          ),
        )
        continue
      }
      const note = cur.data ? [] : [`# after-content not read (${describeInspection(cur)})`]
      out.push(block(c.path, [...modeLines, ...missingOld, ...note], old, cur.data, false))
    }
  }
  return out.join('')
}
