// Tokens and cost as OpenCode reports them: every assistant message's info
// carries `tokens` {input, output, reasoning, cache: {read, write}} and
// `cost` (dollars, from the provider's price table in OpenCode's config). A
// session's usage is the sum over its assistant messages; a case's, the sum
// over its sessions. Messages are read as untrusted shapes: a missing or
// malformed count is 0, never NaN.
import type { TokenUsage } from '../types.js'

/** Usage with every count 0. */
export function zeroUsage(): TokenUsage {
  return { input: 0, output: 0, reasoning: 0, cache_read: 0, cache_write: 0, total: 0, cost: 0 }
}

/** Costs are kept to 1e-10 dollars, so that sums written and re-added agree digit for digit. */
export function roundCost(x: number): number {
  return Math.round(x * 1e10) / 1e10
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0
}

/** `a + b`, field by field (cost rounded, see roundCost). */
export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
    cache_read: a.cache_read + b.cache_read,
    cache_write: a.cache_write + b.cache_write,
    total: a.total + b.total,
    cost: roundCost(a.cost + b.cost),
  }
}

/** The sum of `list` (zero for an empty list). */
export function sumUsage(list: TokenUsage[]): TokenUsage {
  return list.reduce(addUsage, zeroUsage())
}

/** One assistant message's usage from its info (anything else, or a malformed one: zero). */
function infoUsage(info: unknown): TokenUsage {
  if (!info || typeof info !== 'object') return zeroUsage()
  const i = info as { role?: unknown; tokens?: unknown; cost?: unknown }
  if (i.role !== 'assistant') return zeroUsage()
  const t = (i.tokens && typeof i.tokens === 'object' ? i.tokens : {}) as { input?: unknown; output?: unknown; reasoning?: unknown; cache?: unknown }
  const c = (t.cache && typeof t.cache === 'object' ? t.cache : {}) as { read?: unknown; write?: unknown }
  const u = { input: count(t.input), output: count(t.output), reasoning: count(t.reasoning), cache_read: count(c.read), cache_write: count(c.write) }
  const cost = typeof i.cost === 'number' && Number.isFinite(i.cost) && i.cost >= 0 ? roundCost(i.cost) : 0
  return { ...u, total: u.input + u.output + u.reasoning + u.cache_read + u.cache_write, cost }
}

/** The usage of a session's messages (as GET /session/{id}/message returns them): the sum over its assistant messages. */
export function messagesUsage(messages: unknown[]): TokenUsage {
  return sumUsage((Array.isArray(messages) ? messages : []).map((m) => infoUsage(m && typeof m === 'object' ? (m as { info?: unknown }).info : undefined)))
}

/** `v` as usage when it has that shape (every field a finite number ≥ 0, total the sum of the counts); else undefined. */
export function asUsage(v: unknown): TokenUsage | undefined {
  if (!v || typeof v !== 'object') return undefined
  const o = v as Record<string, unknown>
  const keys = ['input', 'output', 'reasoning', 'cache_read', 'cache_write', 'total', 'cost'] as const
  if (!keys.every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) >= 0)) return undefined
  const u = Object.fromEntries(keys.map((k) => [k, o[k] as number])) as unknown as TokenUsage
  if (![u.input, u.output, u.reasoning, u.cache_read, u.cache_write, u.total].every(Number.isInteger)) return undefined
  if (u.total !== u.input + u.output + u.reasoning + u.cache_read + u.cache_write) return undefined
  return u
}

/** Why a session's `messages` are over `budget` tokens (their total), or undefined when they are not or there is no budget. */
export function overTokenBudget(messages: unknown[], budget: number | undefined): string | undefined {
  if (budget === undefined) return undefined
  const used = messagesUsage(messages).total
  return used > budget ? `token budget exceeded: the session used ${used} tokens, the budget is ${budget}` : undefined
}
