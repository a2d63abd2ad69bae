// The escape catalogue in the flow of a worktree made by hand (`run` inside it): containment off and on
// (prevention off: the gates and the sandbox alone), and prevention on.
import { beforeAll, describe } from 'vitest'
import { assertCell } from './support/escape-asserts.js'
import { runCell, type Cell, type CellOutcome } from './support/escape-run.js'

const CELLS: Cell[] = [
  { flow: 'hand-made', containment: 'off', prevention: 'off' },
  { flow: 'hand-made', containment: 'required', prevention: 'off' },
  { flow: 'hand-made', containment: 'off', prevention: 'enforce' },
]

for (const cell of CELLS) {
  describe(`escapes: hand-made worktree, containment ${cell.containment}, prevention ${cell.prevention}`, () => {
    let o: CellOutcome
    beforeAll(async () => {
      o = await runCell(cell)
    }, 600_000)
    assertCell(() => o)
  })
}
