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

// CI runs the contained cell here (the uncontained one runs in the --worktree flow's file, and the
// plan packet's flow uncontained in e2e and signals tests); DOGFOOD_LONG=1 all three.
const LONG = process.env.DOGFOOD_LONG === '1'
for (const cell of CELLS.filter((c) => LONG || (c.prevention === 'off' && c.containment === 'required'))) {
  describe(`escapes: hand-made worktree, containment ${cell.containment}, prevention ${cell.prevention}`, () => {
    let o: CellOutcome
    beforeAll(async () => {
      o = await runCell(cell)
    }, 600_000)
    assertCell(() => o)
  })
}
