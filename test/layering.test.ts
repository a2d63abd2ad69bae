// The layering of src/, as a small dependency rule list (as Playwright keeps
// one in DEPS.list): each room names the rooms it may import from. A new
// import that points upward (the ledger reaching into the suite, OpenCode's
// transport into the cases) fails here, naming the file, the import and the
// rule. Also: no import cycle between files.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve('src')

/** The files directly in src/ that everything may use (no room of their own). */
const BASE = new Set(['types', 'errors', 'fsutil', 'proc', 'secrets', 'git', 'printable', 'ledger-files'])
/** The files directly in src/ that start a process (the CLI, the Action's steps): they may use everything. */
const ENTRIES = new Set(['main', 'cli', 'bench', 'bench-view', 'bench-merge', 'demo', 'init', 'post'])

/**
 * Room → the rooms it may import from (besides itself and BASE). Lowest first:
 * detection, the ledger, OpenCode and the scripted model know nothing above
 * them; the sandbox reads through the guard's reader and OpenCode's model
 * names; reports read the ledger; cases use all of those; the suite runs
 * cases; the Action drives the suite.
 */
const MAY_USE: Record<string, readonly string[]> = {
  base: [],
  guard: [],
  ledger: [],
  opencode: [],
  'scripted-model': [],
  report: ['ledger'],
  // `compare RUN_DIR...`: reads verified ledgers (through the guard's reader), OpenCode's usage figures, the reports' formats.
  compare: ['guard', 'ledger', 'opencode', 'report'],
  // `merge RUN_DIR... --out DIR`: verified shard ledgers (through the guard's reader) into one run, made as the suite makes it (suite/repeat.ts, suite/shard.ts).
  merge: ['guard', 'ledger', 'opencode', 'report', 'suite'],
  sandbox: ['guard', 'opencode'],
  cases: ['guard', 'ledger', 'opencode', 'scripted-model', 'report', 'sandbox'],
  suite: ['guard', 'ledger', 'opencode', 'scripted-model', 'report', 'sandbox', 'cases'],
  action: ['guard', 'ledger', 'opencode', 'scripted-model', 'report', 'sandbox', 'cases', 'suite', 'merge', 'compare'],
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return files(p)
    return e.name.endsWith('.ts') ? [p] : []
  })
}

/** The room a file of src/ belongs to: its first folder, `base`, or `entry`. */
function roomOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep)
  if (rel.length > 1) return rel[0]
  const name = rel[0].replace(/\.ts$/, '')
  if (BASE.has(name)) return 'base'
  if (ENTRIES.has(name)) return 'entry'
  return `unknown:${name}`
}

/** Relative imports of a file (static, re-exports and dynamic), resolved to .ts files of src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1])
  return specs.map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts')).filter((p) => p.startsWith(SRC + path.sep) && p.endsWith('.ts'))
}

/** For each [file, imported file] pair that breaks MAY_USE: one line naming both and the rule. */
function upwardImports(pairs: [string, string][]): string[] {
  const out: string[] = []
  for (const [file, target] of pairs) {
    const from = roomOf(file)
    const to = roomOf(target)
    if (from === 'entry' || to === from || to === 'base') continue
    if (to !== 'entry' && MAY_USE[from]?.includes(to)) continue
    out.push(`${path.relative(SRC, file)} imports ${path.relative(SRC, target)}: ${from} may use ${['base', ...(MAY_USE[from] ?? [])].join(', ')}`)
  }
  return out
}

const all = files(SRC)

describe('layering of src/', () => {
  it('every file belongs to a known room', () => {
    const unknown = all.map(roomOf).filter((r) => r.startsWith('unknown:') || (r !== 'entry' && !(r in MAY_USE)))
    expect(unknown, 'add the room to MAY_USE (or the file to BASE/ENTRIES) in test/layering.test.ts').toEqual([])
  })

  it('no room imports from a room above it', () => {
    expect(upwardImports(all.flatMap((f) => importsOf(f).map((t): [string, string] => [f, t])))).toEqual([])
  })

  it('no import cycle between files', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f)]))
    const state = new Map<string, 'open' | 'done'>()
    const cycles: string[] = []
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((p) => path.relative(SRC, p)).join(' → '))
        return
      }
      state.set(f, 'open')
      for (const t of graph.get(f) ?? []) visit(t, [...trail, f])
      state.set(f, 'done')
    }
    for (const f of all) visit(f, [])
    expect(cycles).toEqual([])
  })

  it('the check finds an upward import (ledger → suite, as it was before ledger/layout.ts)', () => {
    const found = upwardImports([[path.join(SRC, 'ledger', 'normalize.ts'), path.join(SRC, 'suite', 'options.ts')]])
    expect(found).toEqual(['ledger/normalize.ts imports suite/options.ts: ledger may use base'])
    expect(upwardImports([[path.join(SRC, 'opencode', 'sdk-transport.ts'), path.join(SRC, 'cli.ts')]])).toHaveLength(1)
  })
})

/** A file of src/ longer than this is split by concern (issue 19). */
const MAX_FILE_LINES = 400
/** A function in these files (the suite's rooms, runCase) longer than this is split. */
const MAX_FUNCTION_LINES = 80
const FUNCTION_ROOMS = (file: string) => file.startsWith(path.join(SRC, 'suite') + path.sep) || file === path.join(SRC, 'cases', 'run-case.ts')

/** Lines of a file's text (a final newline ends the last line, it does not start one). */
function lineCount(text: string): number {
  return text.replace(/\n$/, '').split('\n').length
}

/** Every function of `text` (declarations, methods, arrows, expressions with a body) longer than `limit` lines: `name lines`. */
function longFunctions(file: string, text: string, limit: number): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const out: string[] = []
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const from = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line
      const to = sf.getLineAndCharacterOfPosition(n.end).line
      const named = n.name?.getText(sf) ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : '(anonymous)')
      if (to - from + 1 > limit) out.push(`${named}:${from + 1} ${to - from + 1} lines`)
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return out
}

describe('sizes in src/', () => {
  it(`no file over ${MAX_FILE_LINES} lines`, () => {
    const long = all.map((f) => [path.relative(SRC, f), lineCount(readFileSync(f, 'utf8'))] as const).filter(([, n]) => n > MAX_FILE_LINES)
    expect(long.map(([f, n]) => `${f}: ${n} lines`)).toEqual([])
  })

  it(`no function over ${MAX_FUNCTION_LINES} lines in src/suite/ and src/cases/run-case.ts`, () => {
    const long = all
      .filter(FUNCTION_ROOMS)
      .flatMap((f) => longFunctions(f, readFileSync(f, 'utf8'), MAX_FUNCTION_LINES).map((l) => `${path.relative(SRC, f)} ${l}`))
    expect(long).toEqual([])
  })

  it('the checks find a long file and a long function', () => {
    expect(lineCount('a\n'.repeat(MAX_FILE_LINES + 1))).toBe(MAX_FILE_LINES + 1)
    expect(lineCount('a\n'.repeat(MAX_FILE_LINES))).toBe(MAX_FILE_LINES)
    const body = (n: number) => `function f() {\n${'  x()\n'.repeat(n - 2)}}\nconst g = () => {\n${'  y()\n'.repeat(n - 2)}}\n`
    expect(longFunctions('x.ts', body(MAX_FUNCTION_LINES), MAX_FUNCTION_LINES)).toEqual([])
    expect(longFunctions('x.ts', body(MAX_FUNCTION_LINES + 1), MAX_FUNCTION_LINES)).toEqual([
      `f:1 ${MAX_FUNCTION_LINES + 1} lines`,
      `g:${MAX_FUNCTION_LINES + 2} ${MAX_FUNCTION_LINES + 1} lines`,
    ])
  })
})
