// Allowlist semantics (the seed's): an entry ending in '/' is a folder prefix,
// any other entry is one exact file; entries are normalised ('./', '//', '..'
// inside, backslashes as separators) and refused when absolute, empty,
// climbing out, or in .git; observed paths are matched after normalisation
// so '..' cannot carry a write out of an allowed entry, and a backslash in a
// file name is a character, not a separator. Then the gate built on it.
import { describe, expect, it } from 'vitest'
import { isAllowed, normalizeRelPath, validateAllowlist } from '../src/guard/allowlist.js'
import { gateChanges, type Change } from '../src/guard/compare.js'
import { InputError } from '../src/errors.js'

const SEED = ['docs/zz_scratch/opencode_dogfood_probe.md', 'scripts/opencode_dogfood/sandbox/', 'artifacts/ledger/opencode_dogfood/', 'logs/agent_calls/']

describe('validateAllowlist (user input)', () => {
  it("keeps the seed's default list as it is", () => {
    expect(validateAllowlist('--write-allowlist', SEED)).toEqual(SEED)
  })

  it.each([
    ['sandbox/', 'sandbox/'],
    ['./sandbox/', 'sandbox/'],
    ['sandbox//', 'sandbox/'],
    ['./sandbox//', 'sandbox/'],
    ['sandbox/./sub/', 'sandbox/sub/'],
    ['a//b///c', 'a/b/c'],
    ['a/../b/', 'b/'],
    ['a/b/../../c.md', 'c.md'],
    ['docs/probe.md', 'docs/probe.md'],
    ['./docs/probe.md', 'docs/probe.md'],
    ['sandbox\\', 'sandbox/'],
    ['docs\\probe.md', 'docs/probe.md'],
    ['with space/', 'with space/'],
    ['ünï/日本語.md', 'ünï/日本語.md'],
    ['-dash/', '-dash/'],
    ['.github/', '.github/'],
    ['.gitignore', '.gitignore'],
    ['sub/.git/', 'sub/.git/'],
  ])('%j → %j', (entry, normalised) => {
    expect(validateAllowlist('--write-allowlist', [entry])).toEqual([normalised])
  })

  it.each([
    ['', /not a path inside the repository/],
    ['.', /not a path inside the repository/],
    ['./', /not a path inside the repository/],
    ['/', /not a path inside the repository/],
    ['..', /not a path inside the repository/],
    ['../outside/', /not a path inside the repository/],
    ['a/../../outside', /not a path inside the repository/],
    ['/etc/passwd', /not a path inside the repository/],
    ['//server/share/', /not a path inside the repository/],
    ['C:\\work\\x', /not a path inside the repository/],
    ['\\abs', /not a path inside the repository/],
    ['a\0b', /not a path inside the repository/],
    ['.git', /points into \.git/],
    ['.git/', /points into \.git/],
    ['.git/hooks/', /points into \.git/],
    ['./.git/config', /points into \.git/],
    ['sandbox/../.git/', /points into \.git/],
    ['.GIT/hooks/', /points into \.git/],
    ['.git\\hooks\\pre-commit', /points into \.git/],
  ])('%j is refused', (entry, why) => {
    let err: unknown
    try {
      validateAllowlist('--write-allowlist', ['ok/', entry])
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('--write-allowlist')
    expect((err as Error).message).toMatch(why)
  })

  it('normalizeRelPath: relative, normalised, no trailing slash, nothing outside', () => {
    expect(normalizeRelPath('./a//b/')).toBe('a/b')
    expect(normalizeRelPath('a\\b')).toBe('a/b')
    expect(normalizeRelPath('a/..')).toBeUndefined()
    expect(normalizeRelPath('/a')).toBeUndefined()
    expect(normalizeRelPath('')).toBeUndefined()
  })
})

describe('isAllowed (observed paths)', () => {
  const list = validateAllowlist('--write-allowlist', ['sandbox/', 'docs/probe.md', 'with space/', 'new\nline', 'quote"d/'])

  it('a folder entry covers everything below it, at any depth', () => {
    expect(isAllowed('sandbox/x', list)).toBe(true)
    expect(isAllowed('sandbox/a/b/c.txt', list)).toBe(true)
    expect(isAllowed('sandbox/.hidden', list)).toBe(true)
    expect(isAllowed('with space/file name.txt', list)).toBe(true)
    expect(isAllowed('quote"d/x', list)).toBe(true)
  })

  it('a folder entry is a prefix of whole names: not the folder itself, not a sibling with the same start', () => {
    expect(isAllowed('sandbox', list)).toBe(false)
    expect(isAllowed('sandbox2/x', list)).toBe(false)
    expect(isAllowed('sandboxed.txt', list)).toBe(false)
    expect(isAllowed('sandbo/x', list)).toBe(false)
    expect(isAllowed('other/sandbox/x', list)).toBe(false)
  })

  it('a file entry is that one file: not below it, not beside it, not its folder', () => {
    expect(isAllowed('docs/probe.md', list)).toBe(true)
    expect(isAllowed('docs/probe.md/x', list)).toBe(false)
    expect(isAllowed('docs/probe.md.bak', list)).toBe(false)
    expect(isAllowed('docs/probe', list)).toBe(false)
    expect(isAllowed('docs/other.md', list)).toBe(false)
    expect(isAllowed('docs', list)).toBe(false)
    expect(isAllowed('new\nline', list)).toBe(true)
    expect(isAllowed('new', list)).toBe(false)
  })

  it("'..' and './' are resolved before matching: they cannot carry a write out of an entry", () => {
    expect(isAllowed('sandbox/../src/main.ts', list)).toBe(false)
    expect(isAllowed('sandbox/../../etc/passwd', list)).toBe(false)
    expect(isAllowed('sandbox/a/../../docs/probe.md', list)).toBe(true)
    expect(isAllowed('./sandbox/x', list)).toBe(true)
    expect(isAllowed('sandbox//x', list)).toBe(true)
    expect(isAllowed('sandbox/./x', list)).toBe(true)
    expect(isAllowed('sandbox/..', list)).toBe(false)
    expect(isAllowed('..', list)).toBe(false)
  })

  it('absolute paths, empty paths and NUL never match', () => {
    expect(isAllowed('/sandbox/x', list)).toBe(false)
    expect(isAllowed('', list)).toBe(false)
    expect(isAllowed('sandbox/x\0', list)).toBe(false)
  })

  it('a backslash in an observed name is a character: `sandbox\\evil` at the top is outside sandbox/', () => {
    expect(isAllowed('sandbox\\evil', list)).toBe(false)
    expect(isAllowed('sandbox\\..\\src', list)).toBe(false)
    expect(isAllowed('sandbox/back\\slash', list)).toBe(true)
  })

  it('.git is never allowed, whatever the list says', () => {
    const raw = ['.git/', '.git/config', './', 'sandbox/']
    expect(isAllowed('.git/config', raw)).toBe(false)
    expect(isAllowed('.git/hooks/pre-commit', raw)).toBe(false)
    expect(isAllowed('.git', raw)).toBe(false)
    expect(isAllowed('sandbox/../.git/config', raw)).toBe(false)
    expect(isAllowed('.GIT/config', raw)).toBe(false)
    expect(isAllowed('sandbox/x', raw)).toBe(true)
  })

  it('matching is exact: case and Unicode normalisation matter (fail closed)', () => {
    const l = validateAllowlist('x', ['Sandbox/', 'ünï/'])
    expect(isAllowed('sandbox/x', l)).toBe(false)
    expect(isAllowed('Sandbox/x', l)).toBe(true)
    expect(isAllowed('u\u0308nï/x', l)).toBe(false)
    expect(isAllowed('ünï/x', l)).toBe(true)
  })

  it('an empty list allows nothing', () => {
    expect(isAllowed('sandbox/x', [])).toBe(false)
  })
})

describe('gateChanges (allowlist + deletion policy)', () => {
  const write = validateAllowlist('w', ['sandbox/', 'docs/probe.md'])
  const ch = (path: string, kind: Change['kind'], area: Change['area'] = 'tree'): Change => ({ path, kind, area })
  const gate = (changes: Change[], del: string[] = []) =>
    gateChanges(changes, { writeAllowlist: write, deletionAllowlist: del }).map((v) => `${v.code} ${v.kind} ${v.area} ${v.path}`)

  it('changes inside the allowlist pass: created, modified, mode, type', () => {
    expect(gate([ch('sandbox/new', 'created'), ch('sandbox/a', 'modified'), ch('sandbox/b', 'mode'), ch('docs/probe.md', 'type')])).toEqual([])
  })

  it('a change outside is MODIFICATIONFAIL, naming the path', () => {
    expect(gate([ch('src/main.ts', 'modified'), ch('docs/probe.md.bak', 'created'), ch('sandboxed', 'mode')])).toEqual([
      'MODIFICATIONFAIL modified tree src/main.ts',
      'MODIFICATIONFAIL created tree docs/probe.md.bak',
      'MODIFICATIONFAIL mode tree sandboxed',
    ])
  })

  it('a deletion anywhere is GITCLEANFAIL, even inside an allowed folder (the deletion list is empty by default)', () => {
    expect(gate([ch('sandbox/a', 'deleted'), ch('src/x', 'deleted'), ch('docs/probe.md', 'deleted')])).toEqual([
      'GITCLEANFAIL deleted tree sandbox/a',
      'GITCLEANFAIL deleted tree src/x',
      'GITCLEANFAIL deleted tree docs/probe.md',
    ])
  })

  it('a deletion the deletion allowlist names passes; only there', () => {
    expect(gate([ch('sandbox/tmp/a', 'deleted'), ch('sandbox/b', 'deleted')], ['sandbox/tmp/'])).toEqual(['GITCLEANFAIL deleted tree sandbox/b'])
  })

  it('repository state never passes: a change is MODIFICATIONFAIL, a deletion GITCLEANFAIL', () => {
    expect(
      gate([ch('.git/config', 'modified', 'repo'), ch('.git/refs/heads/x', 'created', 'repo'), ch('.git/refs/heads/keep', 'deleted', 'repo')], ['.git/']),
    ).toEqual([
      'MODIFICATIONFAIL modified repo .git/config',
      'MODIFICATIONFAIL created repo .git/refs/heads/x',
      'GITCLEANFAIL deleted repo .git/refs/heads/keep',
    ])
    // Even a repo path that happens to look like an allowed tree path.
    expect(gate([ch('sandbox/x', 'modified', 'repo')])).toEqual(['MODIFICATIONFAIL modified repo sandbox/x'])
  })
})
