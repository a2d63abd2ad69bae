// HTML built by a tagged template that escapes every value it is given unless
// the value is itself built by the template (Html). Agent text, file content
// and paths therefore can only ever become text: there is no other way into
// the page than through escapeHtml().

/** A piece of markup that has already been escaped or built from escaped parts. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML text or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c])
}

function piece(v: unknown): string {
  if (v instanceof Html) return v.value
  if (v === undefined || v === null || v === false) return ''
  if (Array.isArray(v)) return v.map(piece).join('')
  return escapeHtml(String(v))
}

/** The template tag: `html\`<td>${text}</td>\`` escapes `text`; Html values, and arrays of them, go in as they are. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1]
  return new Html(out)
}

/** Markup written by this module itself (never agent content): a constant, or text already escaped. */
export function trusted(markup: string): Html {
  return new Html(markup)
}

/** A relative link target inside the RUN folder: every segment percent-encoded. */
export function runHref(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/')
}
