// Finding a program on PATH without running a shell.
import { accessSync, constants } from 'node:fs'
import path from 'node:path'

/** The first executable `name` on `pathEnv` (default: this process's PATH), or undefined. */
export function onPath(name: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name)
    try {
      accessSync(file, constants.X_OK)
      return file
    } catch {
      // not here
    }
  }
  return undefined
}
