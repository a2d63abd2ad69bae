// `opencode-dogfood compare RUN_DIR... [--allow-different-cases] [--json] [--markdown FILE] [--html FILE]`:
// exit 0 when no case got worse against the first run, 1 when one did (a
// baseline gate), 2 when a run is refused or the input is wrong.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { InputError } from '../errors.js'
import { writeFileAtomic } from '../fsutil.js'
import { renderHtml } from './html.js'
import { loadRunFigures } from './load.js'
import { renderJson, renderMarkdown, renderText } from './render.js'
import { compareRuns } from './table.js'

/** Run the command; `write` receives stdout. Throws InputError (exit 2) for a refused run or wrong arguments. */
export function compareCommand(argv: string[], cwd: string, write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'allow-different-cases': { type: 'boolean' }, json: { type: 'boolean' }, markdown: { type: 'string' }, html: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length < 2)
    throw new InputError('compare', `give two run folders or more, the baseline first (got ${positionals.length}), e.g. ledger/RUN_0001 ledger/RUN_0002`)
  if (values.markdown !== undefined && values.markdown.trim() === '') throw new InputError('--markdown', 'is empty; give a file to write the Markdown table to')
  if (values.html !== undefined && values.html.trim() === '') throw new InputError('--html', 'is empty; give a file to write the HTML page to')
  const cmp = compareRuns(positionals.map(loadRunFigures), values['allow-different-cases'] === true)
  if (values.markdown !== undefined) writeFileAtomic(path.resolve(cwd, values.markdown), renderMarkdown(cmp))
  if (values.html !== undefined) writeFileAtomic(path.resolve(cwd, values.html), renderHtml(cmp))
  write(values.json ? renderJson(cmp) : renderText(cmp))
  return cmp.worse.length > 0 ? 1 : 0
}
