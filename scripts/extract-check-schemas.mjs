// Extracts the request-body schemas of `checks/create` and `checks/update` from
// GitHub's own OpenAPI description (npm @octokit/openapi) into schemas/github/,
// so the tests can validate every body the action sends with ajv.
//
//   node scripts/extract-check-schemas.mjs          write the files
//   node scripts/extract-check-schemas.mjs --check  exit 1 if the committed files differ
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const pkgDir = path.dirname(require.resolve('@octokit/openapi/package.json'))
const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version
const spec = JSON.parse(readFileSync(path.join(pkgDir, 'generated', 'api.github.com.json'), 'utf8'))

const OPERATIONS = [
  { file: 'checks-create.request.schema.json', path: '/repos/{owner}/{repo}/check-runs', method: 'post' },
  { file: 'checks-update.request.schema.json', path: '/repos/{owner}/{repo}/check-runs/{check_run_id}', method: 'patch' },
]

/** Inline local $refs so each file stands alone (these two bodies have none today). */
function inline(node, seen = new Set()) {
  if (Array.isArray(node)) return node.map((n) => inline(n, seen))
  if (!node || typeof node !== 'object') return node
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) throw new Error(`recursive $ref ${node.$ref}`)
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
    return inline(target, new Set([...seen, node.$ref]))
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, seen)]))
}

export function extract() {
  return OPERATIONS.map((op) => {
    const operation = spec.paths[op.path]?.[op.method]
    if (!operation) throw new Error(`${op.method.toUpperCase()} ${op.path} is not in @octokit/openapi ${version}`)
    const schema = inline(operation.requestBody.content['application/json'].schema)
    const doc = {
      $comment: `Request body of ${operation.operationId} (${op.method.toUpperCase()} ${op.path}), extracted from @octokit/openapi ${version} generated/api.github.com.json by scripts/extract-check-schemas.mjs. Do not edit.`,
      ...schema,
    }
    return { file: op.file, text: JSON.stringify(doc, null, 2) + '\n' }
  })
}

const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'schemas', 'github')
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const check = process.argv.includes('--check')
  let stale = 0
  mkdirSync(outDir, { recursive: true })
  for (const { file, text } of extract()) {
    const target = path.join(outDir, file)
    let current = ''
    try {
      current = readFileSync(target, 'utf8')
    } catch {
      // not written yet
    }
    if (current === text) continue
    if (check) {
      console.error(`schemas/github/${file} is stale: run node scripts/extract-check-schemas.mjs`)
      stale++
    } else {
      writeFileSync(target, text)
      console.log(`wrote schemas/github/${file}`)
    }
  }
  process.exitCode = stale ? 1 : 0
}
