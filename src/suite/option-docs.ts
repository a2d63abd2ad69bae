// The option table (option-table.ts) as text: the `Run options:` part of
// `--help` and the README's `run` options table. test/option-table.test.ts
// holds README.md and action.yml to it; `npm run docs` rewrites both.
import { OPTION_TABLE, type OptionDef } from './option-table.js'

/** The default as a person reads it: the computed text, the literal, `off` for a switch, `–` for none. */
export function shownDefault(o: OptionDef): string {
  if (o.shownDefault !== undefined) return o.shownDefault
  if (o.boolean) return o.default === 'true' ? 'on' : 'off'
  if (o.default === undefined || o.default === '') return '–'
  return `\`${o.default}\``
}

/** `--flag META` as the user types it. */
export function flagText(o: OptionDef): string {
  return `--${o.flag}${o.meta ? ` ${o.meta}` : ''}`
}

/** Greedy word wrap at `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** The `Run options:` lines of `--help`: flag, then the help text and its default, wrapped at 100 columns. */
export function runOptionsHelp(): string {
  const col = 25
  const out: string[] = []
  for (const o of OPTION_TABLE) {
    if (!o.flag) continue
    const d = shownDefault(o)
    const text = `${o.help ?? ''}${d === '–' || d === 'off' ? '' : ` (default: ${d.replace(/`/g, '')})`}`
    const head = `  ${flagText(o)}`
    const body = wrap(text, 100 - col)
    const first = head.length < col - 1 ? `${head.padEnd(col)}${body[0] ?? ''}` : `${head} ${body[0] ?? ''}`
    out.push(first, ...body.slice(1).map((l) => `${' '.repeat(col)}${l}`))
  }
  return out.join('\n') + '\n'
}

/** The README's `run` options table (markdown). */
export function runOptionsReadme(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|')
  const rows = OPTION_TABLE.filter((o) => o.flag).map((o) => `| \`${cell(flagText(o))}\` | ${cell(shownDefault(o))} | ${cell(o.doc ?? o.help ?? '')} |`)
  return ['| option | default | what it does |', '| --- | --- | --- |', ...rows].join('\n') + '\n'
}

export const README_START = '<!-- run-options:start -->'
export const README_END = '<!-- run-options:end -->'
