import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/printable.ts
var ACTIVE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function printable(text) {
  return text.replace(ACTIVE, (c) => {
    const n = c.codePointAt(0);
    return NAMED[c] ?? (n <= 255 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`);
  });
}

export {
  printable
};
