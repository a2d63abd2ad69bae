// Waiting until something listens on a loopback port (a free one: the engine's freePort).
import net from 'node:net'
export { freePort } from '../../../src/opencode/server.js'

export async function waitForPort(port: number, timeoutMs: number, isDead: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    const dead = isDead()
    if (dead) throw new Error(dead)
    if (Date.now() > deadline) throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
