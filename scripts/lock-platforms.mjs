// The npm registry reachable here serves only the linux-x64 builds of OpenCode,
// so `npm install` writes a package-lock.json without opencode-ai's other
// platform packages, and `npm ci` then refuses it as out of sync. This puts
// the missing entries back (version, os, cpu; npm skips them on other
// platforms and fetches them where they apply). Run after any `npm install`:
// `npm run lock:platforms`. test/lockfile.test.ts fails when it is needed.
import { readFileSync, writeFileSync } from 'node:fs'

const OS = { darwin: 'darwin', linux: 'linux', windows: 'win32' }
const file = 'package-lock.json'
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages
const wrapper = packages['node_modules/opencode-ai']
let added = 0
for (const [name, version] of Object.entries(wrapper?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`
  if (packages[key]) continue
  const [os, cpu, ...rest] = name.slice('opencode-'.length).split('-')
  packages[key] = { version, cpu: [cpu], optional: true, os: [OS[os] ?? os], ...(rest.includes('musl') ? { libc: ['musl'] } : {}) }
  added++
}
// npm's own order (localeCompare 'en'), so the file diffs only where entries were added.
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')))
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`${file}: ${added} platform package entr${added === 1 ? 'y' : 'ies'} added`)
