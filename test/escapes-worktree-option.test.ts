// The escape catalogue in the --worktree flow: containment off and on
// (prevention off: the gates and the sandbox alone), and prevention on.
import { beforeAll, describe } from 'vitest'
import { assertCell } from './support/escape-asserts.js'
import { runCell, type Cell, type CellOutcome } from './support/escape-run.js'

const CELLS: Cell[] = [
  { flow: 'worktree-option', containment: 'off', prevention: 'off' },
  { flow: 'worktree-option', containment: 'required', prevention: 'off' },
  { flow: 'worktree-option', containment: 'required', prevention: 'enforce' },
]

for (const cell of CELLS) {
  describe(`escapes: --worktree, containment ${cell.containment}, prevention ${cell.prevention}`, () => {
    let o: CellOutcome
    beforeAll(async () => {
      o = await runCell(cell)
    }, 600_000)
    assertCell(() => o)
  })
}
