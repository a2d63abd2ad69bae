// Text the agent or the repository controls (file names, reasons quoting
// them, a ledger's strings), made safe for a terminal and a CI log: a name
// with a newline must not start a line of its own (`::error::…` is a workflow
// command to GitHub's runner), and ESC, OSC or a carriage return must not
// drive the terminal (colour, title, a line overwritten).

/**
 * Characters a terminal or a log reader acts on rather than shows: C0 controls
 * (newline, tab and carriage return included), DEL, C1 controls, the Unicode
 * line and paragraph separators, the bidirectional controls and marks
 * ("Trojan Source": text shown in another order than it is), and the
 * invisible format characters (soft hyphen, zero-width space and joiners,
 * word joiner, interlinear annotation marks) that make one name look like another.
 */
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with every character a terminal or log reader would act on written
 * as an escape (`\n`, `\r`, `\t`, `\xHH`, `\u{HHHH}`), so that it shows as
 * one line of inert text. Every other character (printable ASCII, letters of
 * any script) is kept as it is. For display only: the ledger keeps the exact value.
 */
export function printable(text: string): string {
  return text.replace(ACTIVE, (c) => {
    const n = c.codePointAt(0)!
    return NAMED[c] ?? (n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`)
  })
}
