import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/report/tokens.ts
function formatCost(x) {
  if (!Number.isFinite(x) || x <= 0) return "0";
  if (x < 0.01)
    return x.toPrecision(4).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return x.toFixed(4);
}
function usageText(u) {
  if (!u) return "\u2014";
  return `${u.total} tok \xB7 $${formatCost(u.cost)}`;
}
function usageDetail(u) {
  return `in ${u.input} \xB7 out ${u.output} \xB7 reasoning ${u.reasoning} \xB7 cache read ${u.cache_read} \xB7 cache write ${u.cache_write} \xB7 total ${u.total} \xB7 $${formatCost(u.cost)}`;
}

export {
  formatCost,
  usageText,
  usageDetail
};
