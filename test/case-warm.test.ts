// A case process started ahead of its turn warms Node's HTTP client
// (run-case.ts warmCase): one loopback request to a server of its own. It
// must leave nothing open behind it: a listening server or a kept-alive
// socket would hold a finished case process alive.
import { describe, expect, it } from 'vitest'
import { warmCase } from '../src/cases/run-case.js'

const netResources = () => process.getActiveResourcesInfo().filter((r) => /TCP|Server|Socket/i.test(r))

describe('warmCase', () => {
  it('resolves after one loopback request and leaves no server or socket open', async () => {
    const before = netResources().length
    await warmCase()
    // Closing is asynchronous: give the handles one turn of the loop to go.
    await new Promise((r) => setTimeout(r, 50))
    expect(netResources().length).toBe(before)
  })
})
