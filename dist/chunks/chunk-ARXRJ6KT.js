import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);

// src/fsutil.ts
import { createHash, randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, realpathSync, renameSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
function writeFileAtomic(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
function writeJsonAtomic(file, value) {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + "\n");
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function sha256File(file) {
  return sha256(readFileSync(file));
}
function toPosix(p) {
  return p.split(path.sep).join("/");
}
function compareC(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function realOrResolved(p) {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
function realPathOfNew(p) {
  let at = path.resolve(p);
  const rest = [];
  while (!existsNoFollow(at) && path.dirname(at) !== at) {
    rest.unshift(path.basename(at));
    at = path.dirname(at);
  }
  return path.join(realpathSync(at), ...rest);
}
function isInside(dir, p) {
  const rel = path.relative(dir, p);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
function existsNoFollow(p) {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

export {
  writeFileAtomic,
  writeJsonAtomic,
  sha256,
  sha256File,
  toPosix,
  compareC,
  realOrResolved,
  realPathOfNew,
  isInside,
  existsNoFollow
};
