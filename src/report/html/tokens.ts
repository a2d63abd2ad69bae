// Tokens and cost as a summary read from disk holds them: taken only in their exact shape.
import type { TokenUsage } from '../../types.js'

const KEYS = ['input', 'output', 'reasoning', 'cache_read', 'cache_write', 'total', 'cost'] as const

/** `v` as usage when every field is a finite number ≥ 0; else undefined (the report shows `—`, never a broken figure). */
export function asTokens(v: unknown): TokenUsage | undefined {
  if (!v || typeof v !== 'object') return undefined
  const o = v as Record<string, unknown>
  return KEYS.every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) >= 0) ? (o as unknown as TokenUsage) : undefined
}
