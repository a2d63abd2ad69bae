// The kernel counters of a sandbox's network namespace (sandbox/netns-counters.ts),
// with the real bwrap --unshare-net: each class of attempt that never reaches
// the egress proxy moves its own counter and no other class's, the count is
// exact, the harness finds the namespace from the sandbox's pid, a pid that
// left the namespace is refused, and a watch opened before the sandbox ends
// still reads its counters after (ending the sandbox does not blind it).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { findNetns, openNetnsCounters, parseSnmp, unroutedEntries, watchUnrouted, type NetnsRef } from '../src/sandbox/netns-counters.js'
import { onPath } from '../src/sandbox/which.js'

const bwrap = onPath('bwrap')
const required = process.env.DOGFOOD_REQUIRE_TOOLS === '1'

/**
 * A bash in its own network namespace that waits for a line on stdin, runs
 * `script`, prints `done` and waits for stdin to end.
 */
function sandbox(script: string): { child: ChildProcessWithoutNullStreams; done: Promise<void>; exited: Promise<void> } {
  const child = spawn(bwrap!, [
    '--dev-bind',
    '/',
    '/',
    '--proc',
    '/proc',
    '--unshare-pid',
    '--unshare-net',
    '--die-with-parent',
    'bash',
    '-c',
    `read go; ${script}; echo done; cat >/dev/null`,
  ])
  let out = ''
  const done = new Promise<void>((resolve) =>
    child.stdout.on('data', (d) => {
      out += d
      if (out.includes('done')) resolve()
    }),
  )
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return { child, done, exited }
}

async function namespaceOf(pid: number): Promise<NetnsRef> {
  for (let i = 0; i < 50; i++) {
    const ref = findNetns(pid)
    if (ref) return ref
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no namespace under ${pid}`)
}

describe('parse and classes', () => {
  it('reads snmp pairs and snmp6 lines; a class counts only its own counters', () => {
    const c = parseSnmp(
      'Ip: Forwarding OutNoRoutes\nIp: 2 5\nTcp: ActiveOpens AttemptFails\nTcp: 3 1\nUdp: InDatagrams NoPorts\nUdp: 0 2\n',
      'Ip6OutNoRoutes                  \t7\nUdp6NoPorts 1\n',
    )
    expect(c).toMatchObject({ 'Ip.OutNoRoutes': 5, 'Tcp.AttemptFails': 1, 'Udp.NoPorts': 2, 'Ip6.OutNoRoutes': 7, 'Udp6.NoPorts': 1 })
    const after = { ...c, 'Udp.NoPorts': 4, 'Udp6.NoPorts': 2, 'Tcp.ActiveOpens': 90 }
    expect(unroutedEntries(c, after, 't').map((e) => [e.kind, e.dest, e.count, e.allowed])).toEqual([['unrouted', 'loopback udp (no listener)', 3, false]])
    expect(unroutedEntries(c, c, 't')).toEqual([])
  })

  it('a namespace that cannot be had is an unknown entry, not silence', () => {
    expect(watchUnrouted({ unknown: 'no namespace found' }).finish()).toMatchObject([
      { kind: 'unrouted', allowed: false, why: expect.stringMatching(/^unknown: .*no namespace found/) },
    ])
    expect(watchUnrouted({ pid: process.pid, ns: 'net:[1]' }).finish()[0].why).toMatch(/^unknown: .*not the sandbox's network namespace net:\[1\]/)
  })
})

describe.skipIf(!bwrap && !required)('in a real bwrap network namespace', () => {
  it('each class moves its counter by the exact number of attempts; the harness finds the namespace; no other class moves', async () => {
    const s = sandbox(
      [
        '(exec 3<>/dev/tcp/192.0.2.7/80)', // IPv4 out: no route
        '(printf x > /dev/udp/192.0.2.53/53)', // UDP out: no route
        '(exec 3<>/dev/tcp/2001:db8::7/80)', // IPv6 out: no route
        '(exec 3<>/dev/tcp/127.0.0.1/9)', // loopback, nobody listens: refused
        '(exec 3<>/dev/tcp/::1/9)', // the same on IPv6
        '(exec 3<>/dev/udp/127.0.0.53/53; printf x >&3; timeout 1 head -c1 <&3)', // UDP to loopback, nobody listens
      ]
        .map((c) => `${c} 2>/dev/null`)
        .join('; '),
    )
    try {
      const ref = await namespaceOf(s.child.pid!)
      expect(ref.ns).toMatch(/^net:\[[0-9]+\]$/)
      const watch = watchUnrouted(ref)
      s.child.stdin.write('go\n')
      await s.done
      expect(watch.finish().map((e) => [e.dest, e.count])).toEqual([
        ['ipv4 (no route)', 2],
        ['ipv6 (no route)', 1],
        ['loopback tcp (refused)', 2],
        ['loopback udp (no listener)', 1],
      ])
    } finally {
      s.child.stdin.end()
      await s.exited
    }
  })

  it('a watch opened before the sandbox ends reads its counters after; a pid gone from the namespace is refused', async () => {
    const s = sandbox('(exec 3<>/dev/tcp/192.0.2.7/80) 2>/dev/null')
    const ref = await namespaceOf(s.child.pid!)
    const watch = watchUnrouted(ref)
    s.child.stdin.write('go\n')
    await s.done
    s.child.stdin.end()
    await s.exited
    expect(watch.finish().map((e) => [e.dest, e.count])).toEqual([['ipv4 (no route)', 1]])
    expect(() => openNetnsCounters(ref)).toThrow(/gone from the sandbox's network namespace|not the sandbox's network namespace/)
  })

  it('the limit the README states: an attempt from a network namespace made inside (unshare -rn, where user namespaces nest) is not counted, and has no way out either', async () => {
    const s = sandbox('unshare -rn bash -c "(exec 3<>/dev/tcp/192.0.2.7/80) 2>/dev/null; echo nested=\\$?" || echo nested=none')
    const ref = await namespaceOf(s.child.pid!)
    const watch = watchUnrouted(ref)
    let out = ''
    s.child.stdout.on('data', (d) => (out += d))
    s.child.stdin.write('go\n')
    await s.done
    s.child.stdin.end()
    await s.exited
    // Where unshare is refused there is no nested namespace, and nothing to state.
    if (out.includes('nested=none')) return
    expect(out).toContain('nested=1')
    expect(watch.finish()).toEqual([])
  })

  it('the harness itself is not in a namespace of its own: findNetns of a process in the host network finds none', async () => {
    const child = spawn('sleep', ['5'])
    try {
      await new Promise((r) => setTimeout(r, 100))
      expect(findNetns(process.pid)).toBeUndefined()
    } finally {
      child.kill()
    }
  })
})
