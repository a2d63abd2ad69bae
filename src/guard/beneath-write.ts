// Writes and removals below a root the agent could write (its worktree, the
// repository's git dir), never through a link it left on the way. Each folder
// from the root down is opened with O_NOFOLLOW | O_DIRECTORY and the entry is
// reached as /proc/self/fd/<folder>/<name>: a folder swapped for a link after a
// check cannot redirect the write or the removal (restore.ts used path-based
// calls that a leftover process could turn against the user's checkout by
// swapping a folder for a link between the after-snapshot and the restore).
// Elsewhere than Linux each folder is lstat-checked first (a narrower window).
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmdirSync,
  type Stats,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { encodePath } from './paths.js'

const PROC_FD = process.platform === 'linux' && existsSync('/proc/self/fd')
const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW

/** The folders of `rel` below `root`, held open while `use` runs; `create`: missing ones are made. */
function withParent<T>(root: string, rel: string, create: boolean, use: (entry: Buffer, folder: Buffer) => T): T {
  const parts = rel.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`refused: '${rel}' is not a plain relative path`)
  const name = parts.pop()!
  const opened: number[] = []
  try {
    let here: Buffer = encodePath(root)
    if (PROC_FD) {
      opened.push(openSync(here, constants.O_RDONLY | constants.O_DIRECTORY))
      here = Buffer.from(`/proc/self/fd/${opened[0]}`)
    }
    for (const [k, part] of parts.entries()) {
      const next = Buffer.concat([here, Buffer.from('/'), encodePath(part)])
      const shown = parts.slice(0, k + 1).join('/')
      let s: Stats
      try {
        s = lstatSync(next)
      } catch {
        if (!create) throw new Error(`'${shown}' is gone`)
        mkdirSync(next)
        s = lstatSync(next)
      }
      if (s.isSymbolicLink()) throw new Error(`'${shown}' is a symlink: not writing through it`)
      if (!s.isDirectory()) throw new Error(`'${shown}' is not a folder`)
      if (PROC_FD) {
        const fd = openSync(next, DIR_FLAGS)
        opened.push(fd)
        here = Buffer.from(`/proc/self/fd/${fd}`)
      } else here = next
    }
    return use(Buffer.concat([here, Buffer.from('/'), encodePath(name)]), here)
  } finally {
    for (const fd of opened) closeSync(fd)
  }
}

/** Remove `rel` below `root` (a file, a link — never followed — or an empty folder). Throws when a folder on the way is a link or gone. */
export function removeBeneath(root: string, rel: string): void {
  withParent(root, rel, false, (p) => (lstatSync(p).isDirectory() ? rmdirSync(p) : unlinkSync(p)))
}

/** Whether `rel` below `root` is there (a link is, whatever it points at); false when a folder on the way is a link or gone. */
export function existsBeneath(root: string, rel: string): boolean {
  try {
    return withParent(root, rel, false, (p) => {
      lstatSync(p)
      return true
    })
  } catch {
    return false
  }
}

/** The names in folder `rel` below `root`, reached without following a link. */
export function entriesBeneath(root: string, rel: string): string[] {
  // (A name below the folder that is never touched: only the folder itself is read.)
  return withParent(root, `${rel}/_`, false, (_entry, folder) => readdirSync(folder))
}

/** A new file `rel` below `root` (folders made as needed) with `data` and `mode`; fails when something is there. */
export function writeNewBeneath(root: string, rel: string, data: Buffer, mode: number): void {
  withParent(root, rel, true, (p) => {
    const fd = openSync(p, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode & 0o7777)
    try {
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at)
      fchmodSync(fd, mode & 0o7777)
    } finally {
      closeSync(fd)
    }
  })
}

/** A new symlink `rel` below `root` (folders made as needed) pointing at `target`. */
export function symlinkBeneath(root: string, rel: string, target: Buffer): void {
  withParent(root, rel, true, (p) => symlinkSync(target, p))
}

/**
 * Write `data` into the file `rel` below `root` itself (same inode), when it
 * is a regular file with no other name: a file the sandbox mounts on its own
 * is pinned by inode, so a new inode would leave the sandbox an unlinked one.
 * Opened without following a link on the way or at its end, and without
 * blocking (a FIFO put in its place is not waited on). False when it is not
 * such a file or cannot be reached (the caller writes a new one).
 */
export function rewriteInPlaceBeneath(root: string, rel: string, data: Buffer, mode: number): boolean {
  try {
    return withParent(root, rel, false, (p) => {
      const fd = openSync(p, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY)
      try {
        const s = fstatSync(fd)
        if (!s.isFile() || s.nlink !== 1) return false
        ftruncateSync(fd, 0)
        for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at)
        fchmodSync(fd, mode & 0o7777)
        return true
      } finally {
        closeSync(fd)
      }
    })
  } catch {
    return false
  }
}
