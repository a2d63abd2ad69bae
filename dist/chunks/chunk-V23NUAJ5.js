import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/opencode/usage.ts
function zeroUsage() {
  return { input: 0, output: 0, reasoning: 0, cache_read: 0, cache_write: 0, total: 0, cost: 0 };
}
function roundCost(x) {
  return Math.round(x * 1e10) / 1e10;
}
function count(v) {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}
function addUsage(a, b) {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
    cache_read: a.cache_read + b.cache_read,
    cache_write: a.cache_write + b.cache_write,
    total: a.total + b.total,
    cost: roundCost(a.cost + b.cost)
  };
}
function sumUsage(list) {
  return list.reduce(addUsage, zeroUsage());
}
function infoUsage(info) {
  if (!info || typeof info !== "object") return zeroUsage();
  const i = info;
  if (i.role !== "assistant") return zeroUsage();
  const t = i.tokens && typeof i.tokens === "object" ? i.tokens : {};
  const c = t.cache && typeof t.cache === "object" ? t.cache : {};
  const u = { input: count(t.input), output: count(t.output), reasoning: count(t.reasoning), cache_read: count(c.read), cache_write: count(c.write) };
  const cost = typeof i.cost === "number" && Number.isFinite(i.cost) && i.cost >= 0 ? roundCost(i.cost) : 0;
  return { ...u, total: u.input + u.output + u.reasoning + u.cache_read + u.cache_write, cost };
}
function messagesUsage(messages) {
  return sumUsage((Array.isArray(messages) ? messages : []).map((m) => infoUsage(m && typeof m === "object" ? m.info : void 0)));
}
function asUsage(v) {
  if (!v || typeof v !== "object") return void 0;
  const o = v;
  const keys = ["input", "output", "reasoning", "cache_read", "cache_write", "total", "cost"];
  if (!keys.every((k) => typeof o[k] === "number" && Number.isFinite(o[k]) && o[k] >= 0)) return void 0;
  const u = Object.fromEntries(keys.map((k) => [k, o[k]]));
  if (![u.input, u.output, u.reasoning, u.cache_read, u.cache_write, u.total].every(Number.isInteger)) return void 0;
  if (u.total !== u.input + u.output + u.reasoning + u.cache_read + u.cache_write) return void 0;
  return u;
}
function overTokenBudget(messages, budget) {
  if (budget === void 0) return void 0;
  const used = messagesUsage(messages).total;
  return used > budget ? `token budget exceeded: the session used ${used} tokens, the budget is ${budget}` : void 0;
}

export {
  zeroUsage,
  addUsage,
  sumUsage,
  messagesUsage,
  asUsage,
  overTokenBudget
};
