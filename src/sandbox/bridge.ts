// The bridge across the agent's network namespace. Inside the namespace
// there is loopback and nothing else; two unix sockets cross it (unix sockets
// live in the file system, not the network namespace):
//   out/egress.sock  (read-only inside) — the egress proxy, in the harness;
//   in/server.sock   (made inside)      — the OpenCode server's port, for the harness.
// A small forwarder runs first inside the sandbox (node's own binary, by its
// real path, with a script from out/): it listens on the namespace's
// 127.0.0.1:EGRESS_PORT and relays each connection to out/egress.sock, binds
// in/server.sock and relays each connection to 127.0.0.1:<server port>, then
// runs the server and ends with it. Outside, `expose` listens on the host's
// 127.0.0.1 and relays to in/server.sock: the URL the harness uses.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** The port the forwarder listens on inside the namespace (below the ephemeral range the server's port comes from). */
export const EGRESS_PORT = 15080

/** Unix socket paths must be shorter than this (sun_path). */
const SUN_PATH_MAX = 108

export interface BridgeDirs {
  /** The bridge's folder (short, under the temp folder or /tmp). */
  root: string
  /** Read-only inside: the proxy's socket and the forwarder's script. */
  outDir: string
  /** Writable inside: the server's socket. */
  inDir: string
  egressSocket: string
  serverSocket: string
  script: string
  /** The proxy's base URL inside the namespace. */
  insideUrl: string
}

/**
 * Make the bridge's folders: under os.tmpdir() when the socket paths fit in
 * sun_path (108 bytes), else under /tmp. Throws when neither fits.
 */
export function makeBridgeDirs(): BridgeDirs {
  let root = ''
  for (const base of [os.tmpdir(), '/tmp']) {
    const candidate = mkdtempSync(path.join(base, 'odf-net-'))
    if (path.join(candidate, 'out', 'egress.sock').length < SUN_PATH_MAX) {
      root = candidate
      break
    }
  }
  if (!root) throw new Error('no temp folder short enough for a unix socket path (108 bytes): set TMPDIR to a short path')
  const outDir = path.join(root, 'out')
  const inDir = path.join(root, 'in')
  mkdirSync(outDir)
  mkdirSync(inDir)
  chmodSync(root, 0o700)
  const script = path.join(outDir, 'forwarder.cjs')
  writeFileSync(script, FORWARDER)
  return {
    root,
    outDir,
    inDir,
    egressSocket: path.join(outDir, 'egress.sock'),
    serverSocket: path.join(inDir, 'server.sock'),
    script,
    insideUrl: `http://127.0.0.1:${EGRESS_PORT}`,
  }
}

/** The command line that runs `command args` behind the forwarder (to be wrapped by the sandbox). `serverPort`: the port the server will listen on inside. */
export function behindForwarder(b: BridgeDirs, serverPort: number, command: string, args: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: [b.script, b.egressSocket, String(EGRESS_PORT), b.serverSocket, String(serverPort), '--', command, ...args] }
}

/**
 * Listen on the host's 127.0.0.1 (a free port) and relay each connection to
 * the server's socket inside. Returns the URL and a close().
 */
export async function expose(serverSocket: string): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const srv = net.createServer((c) => {
    sockets.add(c)
    const up = net.connect(serverSocket)
    c.pipe(up)
    up.pipe(c)
    const end = () => {
      c.destroy()
      up.destroy()
      sockets.delete(c)
    }
    c.on('error', end)
    up.on('error', end)
    c.on('close', end)
    up.on('close', end)
  })
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (srv.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        srv.close(() => r())
      }),
  }
}

/**
 * The forwarder (CommonJS, node only, no dependency): argv = egressSocket
 * egressPort serverSocket serverPort -- command args…. Listens before it runs
 * the command; passes SIGTERM/SIGINT on; exits with the command's status.
 */
const FORWARDER = `'use strict'
const net = require('node:net')
const fs = require('node:fs')
const { spawn } = require('node:child_process')
const [egressSocket, egressPort, serverSocket, serverPort, sep, command, ...args] = process.argv.slice(2)
if (sep !== '--' || !command) { process.stderr.write('forwarder: bad arguments\\n'); process.exit(2) }
function relay(c, connectUp) {
  const up = connectUp()
  c.pipe(up); up.pipe(c)
  const end = () => { c.destroy(); up.destroy() }
  c.on('error', end); up.on('error', end); c.on('close', end); up.on('close', end)
}
const egress = net.createServer((c) => relay(c, () => net.connect(egressSocket)))
const inbound = net.createServer((c) => relay(c, () => net.connect(Number(serverPort), '127.0.0.1')))
try { fs.unlinkSync(serverSocket) } catch {}
let ready = 0
const go = () => {
  if (++ready < 2) return
  const child = spawn(command, args, { stdio: 'inherit' })
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => child.kill(s))
  child.on('exit', (code, signal) => process.exit(code === null ? 128 + (require('node:os').constants.signals[signal] || 9) : code))
  child.on('error', (e) => { process.stderr.write('forwarder: ' + e.message + '\\n'); process.exit(127) })
}
egress.listen(Number(egressPort), '127.0.0.1', go)
inbound.listen(serverSocket, go)
`
