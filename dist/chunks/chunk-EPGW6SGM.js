import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";

// src/secrets.ts
import { readFileSync } from "node:fs";
var SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i;
var MIN_SECRET_LENGTH = 8;
var MIN_FORM_LENGTH = 8;
function secretValues(env = process.env, extraNames = []) {
  const values = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    if (SECRET_NAME.test(name) || extraNames.includes(name)) values.add(value);
  }
  return [...values].sort((a, b) => b.length - a.length);
}
function secretForms(secret) {
  const out = [{ form: "as is", text: secret }];
  const bytes = Buffer.from(secret, "utf8");
  for (let o = 0; o < 3; o++) {
    const enc = Buffer.concat([Buffer.alloc(o), bytes]).toString("base64");
    const start = Math.ceil(8 * o / 6);
    const end = Math.floor(8 * (o + bytes.length) / 6);
    const text = enc.slice(start, end);
    if (text.length >= MIN_FORM_LENGTH) {
      out.push({ form: "base64", text });
      const url = text.replace(/\+/g, "-").replace(/\//g, "_");
      if (url !== text) out.push({ form: "base64url", text: url });
    }
  }
  const uri = encodeURIComponent(secret);
  if (uri !== secret) out.push({ form: "URL-encoded", text: uri });
  const json = JSON.stringify(secret).slice(1, -1);
  if (json !== secret) out.push({ form: "JSON-escaped", text: json });
  return out;
}
function redact(text, secrets) {
  let out = text;
  for (const s of secrets) for (const f of secretForms(s)) if (out.includes(f.text)) out = out.split(f.text).join("***");
  return out;
}
function containsSecret(text, secrets) {
  return secrets.some((s) => secretForms(s).some((f) => text.includes(f.text)));
}
function scrubFile(file, secrets) {
  let text = readFileSync(file).toString("latin1");
  const found = [];
  const all = [...secrets].flatMap(([label, value]) => secretForms(value).map((f) => ({ label, ...f, bytes: Buffer.from(f.text, "utf8").toString("latin1") })));
  all.sort((a, b) => b.bytes.length - a.bytes.length);
  for (const f of all) {
    if (!text.includes(f.bytes)) continue;
    const parts = text.split(f.bytes);
    found.push({ secret: f.label, form: f.form, count: parts.length - 1 });
    text = parts.join("***");
  }
  if (found.length > 0) writeFileAtomic(file, Buffer.from(text, "latin1"));
  return found;
}

export {
  secretValues,
  redact,
  containsSecret,
  scrubFile
};
