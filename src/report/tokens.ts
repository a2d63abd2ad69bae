// Tokens and cost as the reports show them (verdict table, job summary, JUnit, HTML, compare).
import type { TokenUsage } from '../types.js'

/** Dollars for a person: `0` for none, 4 significant digits under a cent, else 4 decimals. */
export function formatCost(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return '0'
  if (x < 0.01)
    return x
      .toPrecision(4)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '')
  return x.toFixed(4)
}

/** A table cell: `1234 tok · $0.0012`; `—` when the run recorded none. */
export function usageText(u: TokenUsage | undefined): string {
  if (!u) return '—'
  return `${u.total} tok · $${formatCost(u.cost)}`
}

/** Every count by name, for a line of detail: `in 10 · out 5 · reasoning 0 · cache read 0 · cache write 0 · total 15 · $0.00002`. */
export function usageDetail(u: TokenUsage): string {
  return `in ${u.input} · out ${u.output} · reasoning ${u.reasoning} · cache read ${u.cache_read} · cache write ${u.cache_write} · total ${u.total} · $${formatCost(u.cost)}`
}
