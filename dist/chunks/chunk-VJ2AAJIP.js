import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/init.ts
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function fixturesRoot() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, "fixtures", "sandbox");
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("fixtures/sandbox not found next to the opencode-dogfood package");
}
function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}
function scaffold(targetDir) {
  if (!existsSync(targetDir) || !statSync(targetDir).isDirectory()) throw new InputError("init", `${targetDir} is not a directory`);
  const src = fixturesRoot();
  const files = listFiles(src).sort();
  const conflicts = files.filter((f) => existsSync(path.join(targetDir, f)) && !readFileSync(path.join(targetDir, f)).equals(readFileSync(path.join(src, f))));
  if (conflicts.length > 0) throw new InputError("init", `these files exist with other content and are left alone: ${conflicts.join(", ")}`);
  const result = { created: [], unchanged: [] };
  for (const f of files) {
    const dest = path.join(targetDir, f);
    if (existsSync(dest)) {
      result.unchanged.push(f);
      continue;
    }
    mkdirSync(path.dirname(dest), { recursive: true });
    copyFileSync(path.join(src, f), dest);
    result.created.push(f);
  }
  return result;
}

export {
  fixturesRoot,
  scaffold
};
