// dist/index.js and dist/post.js run their step when node starts them; under
// @github/local-action (which imports the module and calls run()) they do not.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export function isEntry(moduleUrl: string, argv1 = process.argv[1]): boolean {
  if (!argv1) return false
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl))
  } catch {
    return false
  }
}
