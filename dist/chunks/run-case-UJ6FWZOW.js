import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  FILE_HEADERS_ONLY,
  createTwoFilesPatch
} from "./chunk-PO7KAT3C.js";
import {
  CaseCgroup,
  NETWORK_FREE_ENV,
  SERVER_PASSWORD_ENV,
  assistantText,
  authHeaders,
  canaryState,
  caseTag,
  checkWorktree,
  compareCanaries,
  compareFingerprints,
  compareLedger,
  compareSnapshots,
  createOpencodeClient,
  egressLogSize,
  excludedBy,
  formatChanges,
  formatWorktreeCheck,
  gateChanges,
  git,
  gitRaw,
  keyFingerprint,
  ledgerState,
  ownWriteStat,
  providerErrorFile,
  providerFault,
  readEgressLog,
  restoreCanary,
  retryDecision,
  sdkTransport,
  takeFingerprint,
  takeSnapshot,
  takeSnapshotAfter,
  toolUses,
  watchUnrouted,
  writeEvidence
} from "./chunk-NARH4RFJ.js";
import {
  messagesUsage,
  overTokenBudget,
  sumUsage
} from "./chunk-V23NUAJ5.js";
import {
  agentFor,
  contain,
  containmentLabel,
  describeBreach,
  describePolicy,
  formatLimits,
  openNetwork,
  permissionFor,
  shownPolicy,
  splitModel
} from "./chunk-YVT2LATV.js";
import {
  BeneathReader,
  DEFAULT_EVIDENCE_MAX_BYTES,
  MAX_EVIDENCE_LIMIT,
  describeInspection,
  encodePath,
  lookAt,
  readBeneath,
  readUntrustedFile
} from "./chunk-NXCGP3UY.js";
import {
  endNewProcesses,
  findProcesses,
  formatProcesses,
  processBaseline
} from "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
import {
  containsSecret,
  redact,
  secretValues
} from "./chunk-EPGW6SGM.js";
import {
  STAGES,
  UNRESTORED_REASON
} from "./chunk-AUNSJMXT.js";
import "./chunk-5JSGXJPI.js";
import {
  existsNoFollow,
  sha256,
  toPosix,
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";

// src/cases/run-case.ts
import { createServer } from "node:http";
import path7 from "node:path";

// src/guard/case-items.ts
import { rmSync } from "node:fs";
import path from "node:path";
function extOf(p) {
  const e = path.extname(p);
  return /^\.[A-Za-z0-9]{1,8}$/.test(e) ? e : ".bin";
}
function moveEscapedFiles(paths, maxBytes, evidence) {
  const lines = [];
  for (const abs of paths) {
    try {
      const got = readBeneath(path.dirname(abs), path.basename(abs), { maxBytes });
      if (got.kind === "directory" || got.kind === "missing" || got.kind === "unreachable") continue;
      const name = `escaped_${String(lines.length + 1).padStart(2, "0")}${got.kind === "symlink" ? ".link" : got.data ? extOf(abs) : ".txt"}`;
      evidence(name, got.data ?? `${describeInspection(got)}
`);
      rmSync(abs);
      lines.push(`${name}	${JSON.stringify(abs)}	${describeInspection(got)}`);
    } catch {
    }
  }
  return lines;
}
function captureItems(workDir, created, maxBytes, evidence) {
  const reader = new BeneathReader(workDir);
  try {
    return created.map((rel, i) => {
      const got = reader.inspect(rel, { maxBytes });
      const name = `item_${String(i + 1).padStart(2, "0")}${extOf(rel)}`;
      if (got.data) evidence(name, got.data);
      return `${name}	${JSON.stringify(rel)}	${describeInspection(got)}`;
    });
  } finally {
    reader.close();
  }
}

// src/guard/guard.ts
var TreeGuard = class _TreeGuard {
  constructor(before, policy, exclude) {
    this.before = before;
    this.policy = policy;
    this.exclude = exclude;
  }
  before;
  policy;
  exclude;
  /** Snapshot the tree at `root` (the harness's `exclude` paths left out). */
  static async start(root, policy, exclude) {
    return new _TreeGuard(await takeSnapshot(root, { exclude }), policy, exclude);
  }
  /** Snapshot the tree again; its changes, and those the policy does not allow. */
  async check() {
    const after = await takeSnapshotAfter(this.before, { exclude: this.exclude });
    const changes = compareSnapshots(this.before, after);
    return { before: this.before, after, changes, violations: gateChanges(changes, this.policy) };
  }
};
function primaryCode(violations) {
  if (violations.some((v) => v.code === "GITCLEANFAIL")) return "GITCLEANFAIL";
  return violations[0]?.code;
}

// src/guard/registrations.ts
import { lstatSync, readdirSync, rmdirSync, rmSync as rmSync2 } from "node:fs";
import path2 from "node:path";
function readRegistrations(commonDir) {
  const out = /* @__PURE__ */ new Map();
  let names = [];
  try {
    names = readdirSync(path2.join(commonDir, "worktrees"));
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const gitfile = readUntrustedFile(path2.join(commonDir, "worktrees", name, "gitdir"), 64 << 10).toString("utf8").trim();
      out.set(name, path2.dirname(path2.resolve(commonDir, "worktrees", name, gitfile)));
    } catch {
      out.set(name, void 0);
    }
  }
  return out;
}
var SLOT_FILES = /* @__PURE__ */ new Set(["HEAD", "ORIG_HEAD", "commondir", "gitdir", "index", "index.lock", "locked", "logs"]);
function isSlotRegistration(commonDir, name, worktree, ours) {
  const slot = path2.dirname(worktree);
  if (!commonDir || path2.basename(worktree) !== "wt" || !/^slot-[1-9][0-9]{0,3}$/.test(path2.basename(slot))) return false;
  if (!ours.some((o) => path2.resolve(o) === path2.dirname(slot))) return false;
  const own = path2.join(commonDir, "worktrees", name);
  try {
    if (!readdirSync(own).every((n) => SLOT_FILES.has(n))) return false;
    if (existsNoFollow(path2.join(own, "logs")) && !readdirSync(path2.join(own, "logs")).every((n) => n === "HEAD")) return false;
  } catch {
    return false;
  }
  try {
    const head = readUntrustedFile(path2.join(commonDir, "worktrees", name, "HEAD"), 4096).toString("latin1").trim();
    return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(head);
  } catch {
    return false;
  }
}
function newRegistrations(before, after, ours = [], commonDir) {
  const out = [];
  for (const [name, worktree] of after) {
    if (before.has(name) && before.get(name) === worktree) continue;
    if (worktree && isSlotRegistration(commonDir, name, worktree, ours)) continue;
    out.push({ name, worktree });
  }
  return out;
}
function entriesUnder(dir) {
  const files = [];
  const dirs = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const abs = path2.join(d, name);
      if (lstatSync(abs).isDirectory()) walk(abs);
      else files.push(abs);
    }
    dirs.push(d);
  };
  walk(dir);
  return { files, dirs };
}
async function undoRegistration(repoDir, commonDir, reg, keep) {
  const label = `.git/worktrees/${reg.name}`;
  const lines = [];
  if (reg.worktree && existsNoFollow(reg.worktree)) {
    const r = await git(repoDir, ["worktree", "remove", "--", reg.worktree]);
    if (r.exitCode === 0) return [`removed	${JSON.stringify(label)}	git worktree remove ${reg.worktree}`];
    const { files, dirs } = entriesUnder(reg.worktree);
    files.forEach((abs, i) => {
      const got = readBeneath(path2.dirname(abs), path2.basename(abs), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES });
      const name = `worktree_${reg.name.replace(/[^A-Za-z0-9_.-]/g, "_")}_${String(i + 1).padStart(3, "0")}${got.kind === "symlink" ? ".link" : got.data ? ".bin" : ".txt"}`;
      keep(name, got.data ?? `${describeInspection(got)}
`);
      rmSync2(abs);
      lines.push(`moved	${JSON.stringify(abs)}	evidence ${name}`);
    });
    for (const d of dirs) {
      try {
        rmdirSync(d);
      } catch (e) {
        lines.push(`unrestorable	${JSON.stringify(d)}	${e.message}`);
      }
    }
  }
  const others = [...readRegistrations(commonDir)].filter(([n, w]) => n !== reg.name && !(w && existsNoFollow(w)));
  if (others.length > 0)
    return [...lines, `unrestorable	${JSON.stringify(label)}	other stale registrations (${others.map(([n]) => n).join(", ")}): not pruning`];
  const p = await git(repoDir, ["worktree", "prune"]);
  const gone = !existsNoFollow(path2.join(commonDir, "worktrees", reg.name));
  return [
    ...lines,
    gone ? `removed	${JSON.stringify(label)}	git worktree prune` : `unrestorable	${JSON.stringify(label)}	git worktree prune left it: ${p.stderr.trim()}`
  ];
}

// src/guard/restore.ts
import { createHash } from "node:crypto";

// src/guard/beneath-write.ts
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  ftruncateSync,
  lstatSync as lstatSync2,
  mkdirSync,
  openSync,
  readdirSync as readdirSync2,
  rmdirSync as rmdirSync2,
  symlinkSync,
  unlinkSync,
  writeSync
} from "node:fs";
var PROC_FD = process.platform === "linux" && existsSync("/proc/self/fd");
var DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
function withParent(root, rel, create, use) {
  const parts = rel.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) throw new Error(`refused: '${rel}' is not a plain relative path`);
  const name = parts.pop();
  const opened = [];
  try {
    let here = encodePath(root);
    if (PROC_FD) {
      opened.push(openSync(here, constants.O_RDONLY | constants.O_DIRECTORY));
      here = Buffer.from(`/proc/self/fd/${opened[0]}`);
    }
    for (const [k, part] of parts.entries()) {
      const next = Buffer.concat([here, Buffer.from("/"), encodePath(part)]);
      const shown = parts.slice(0, k + 1).join("/");
      let s;
      try {
        s = lstatSync2(next);
      } catch {
        if (!create) throw new Error(`'${shown}' is gone`);
        mkdirSync(next);
        s = lstatSync2(next);
      }
      if (s.isSymbolicLink()) throw new Error(`'${shown}' is a symlink: not writing through it`);
      if (!s.isDirectory()) throw new Error(`'${shown}' is not a folder`);
      if (PROC_FD) {
        const fd = openSync(next, DIR_FLAGS);
        opened.push(fd);
        here = Buffer.from(`/proc/self/fd/${fd}`);
      } else here = next;
    }
    return use(Buffer.concat([here, Buffer.from("/"), encodePath(name)]), here);
  } finally {
    for (const fd of opened) closeSync(fd);
  }
}
function removeBeneath(root, rel) {
  withParent(root, rel, false, (p) => lstatSync2(p).isDirectory() ? rmdirSync2(p) : unlinkSync(p));
}
function existsBeneath(root, rel) {
  try {
    return withParent(root, rel, false, (p) => {
      lstatSync2(p);
      return true;
    });
  } catch {
    return false;
  }
}
function entriesBeneath(root, rel) {
  return withParent(root, `${rel}/_`, false, (_entry, folder) => readdirSync2(folder));
}
function writeNewBeneath(root, rel, data, mode) {
  withParent(root, rel, true, (p) => {
    const fd = openSync(p, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode & 4095);
    try {
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
      fchmodSync(fd, mode & 4095);
    } finally {
      closeSync(fd);
    }
  });
}
function symlinkBeneath(root, rel, target) {
  withParent(root, rel, true, (p) => symlinkSync(target, p));
}
function rewriteInPlaceBeneath(root, rel, data, mode) {
  try {
    return withParent(root, rel, false, (p) => {
      const fd = openSync(p, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY);
      try {
        const s = fstatSync(fd);
        if (!s.isFile() || s.nlink !== 1) return false;
        ftruncateSync(fd, 0);
        for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
        fchmodSync(fd, mode & 4095);
        return true;
      } finally {
        closeSync(fd);
      }
    });
  } catch {
    return false;
  }
}

// src/guard/restore.ts
function parentOf(rel) {
  const i = rel.lastIndexOf("/");
  return i < 0 ? "" : rel.slice(0, i);
}
function removeEmptyParents(before, rel) {
  for (let dir = parentOf(rel); dir !== ""; dir = parentOf(dir)) {
    if (before.dirs.has(dir)) return;
    try {
      if (entriesBeneath(before.root, dir).length > 0) return;
      removeBeneath(before.root, dir);
    } catch {
      return;
    }
  }
}
function repoFile(s, rel) {
  if (rel === ".git") return { base: s.root, rel: ".git" };
  return { base: s.commonDir, rel: rel.slice(".git/".length) };
}
var blobsRead = /* @__PURE__ */ new Map();
function blobIdOfData(data, idLength) {
  return createHash(idLength === 64 ? "sha256" : "sha1").update(`blob ${data.length}\0`).update(data).digest("hex");
}
async function readBlobs(root, blobs) {
  const out = /* @__PURE__ */ new Map();
  const sizes = new Map(blobs.map((b) => [b.id, b.size]));
  const key = (id) => `${root}\0${id}`;
  for (const id of sizes.keys()) {
    const hit = blobsRead.get(key(id));
    if (hit) out.set(id, hit);
  }
  const wanted = [...sizes.keys()].filter((id) => !out.has(id));
  if (wanted.length === 0) return out;
  const maxStdoutBytes = wanted.reduce((n, id) => n + sizes.get(id) + id.length + 32, 0);
  const r = await gitRaw(root, ["cat-file", "--batch"], { input: wanted.join("\n") + "\n", maxStdoutBytes });
  const buf = r.stdout;
  let p = 0;
  for (const id of wanted) {
    const nl = buf.indexOf(10, p);
    if (nl < 0) break;
    const header = buf.toString("latin1", p, nl).split(" ");
    p = nl + 1;
    if (header.length !== 3 || header[0] !== id) continue;
    const size = Number(header[2]);
    if (header[1] === "blob" && size === sizes.get(id) && p + size <= buf.length) {
      const data = buf.subarray(p, p + size);
      if (blobIdOfData(data, id.length) === id) {
        out.set(id, data);
        blobsRead.set(key(id), data);
      }
    }
    if (size !== sizes.get(id)) break;
    p += size + 1;
  }
  return out;
}
async function restore(before, changes, inPlace = /* @__PURE__ */ new Set()) {
  const records = [];
  const repo = changes.filter((x) => x.area === "repo");
  const depth = (p) => p.split("/").length;
  const ordered = [...repo.filter((x) => x.kind === "created").sort((a, b) => depth(b.path) - depth(a.path)), ...repo.filter((x) => x.kind !== "created")];
  for (const c of ordered) {
    const file = repoFile(before, c.path);
    const prev = before.repo.get(c.path);
    try {
      if (c.kind === "created") {
        removeBeneath(file.base, file.rel);
        records.push({ path: c.path, action: "removed" });
        continue;
      }
      if (prev?.object) throw new Error("object-store files are listed, not kept");
      if (!prev?.content) throw new Error("no saved copy (larger than 1 MiB)");
      if (existsBeneath(file.base, file.rel)) removeBeneath(file.base, file.rel);
      if (((prev.mode ?? 0) & 61440) === 40960) symlinkBeneath(file.base, file.rel, encodePath(prev.content.toString("utf8").slice("link:".length)));
      else writeNewBeneath(file.base, file.rel, prev.content, prev.mode ?? 420);
      records.push({ path: c.path, action: "rewritten" });
    } catch (e) {
      records.push({ path: c.path, action: "unrestorable", detail: e.message });
    }
  }
  const tree = changes.filter((x) => x.area === "tree");
  const created = tree.filter((x) => x.kind === "created").sort((a, b) => b.path.split("/").length - a.path.split("/").length || (a.path < b.path ? 1 : -1));
  for (const c of created) {
    try {
      removeBeneath(before.root, c.path);
      removeEmptyParents(before, c.path);
      records.push({ path: c.path, action: "removed" });
    } catch (e) {
      records.push({ path: c.path, action: "unrestorable", detail: e.message });
    }
  }
  const rewrite = tree.filter((x) => x.kind !== "created");
  const blobIds = rewrite.flatMap((c) => {
    const prev = before.tree.get(c.path);
    return prev?.type === "file" && prev.hash ? [{ id: prev.hash, size: prev.size }] : [];
  });
  const blobs = await readBlobs(before.root, blobIds);
  for (const c of rewrite) {
    const prev = before.tree.get(c.path);
    try {
      if (!prev?.hash) throw new Error("no recorded content");
      if (prev.type === "other") throw new Error("not a file or symlink");
      let data;
      if (prev.type === "file") {
        data = blobs.get(prev.hash);
        if (!data) throw new Error(`object ${prev.hash} not in the object store`);
      }
      if (prev.type === "file" && inPlace.has(c.path) && rewriteInPlaceBeneath(before.root, c.path, data, prev.mode)) {
        records.push({ path: c.path, action: "rewritten", detail: `${prev.hash} (in place: mounted on its own in the sandbox)` });
        continue;
      }
      if (existsBeneath(before.root, c.path)) removeBeneath(before.root, c.path);
      if (prev.type === "symlink") {
        symlinkBeneath(before.root, c.path, encodePath(prev.hash.slice("link:".length)));
        records.push({ path: c.path, action: "rewritten", detail: "symlink" });
        continue;
      }
      writeNewBeneath(before.root, c.path, data, prev.mode);
      records.push({ path: c.path, action: "rewritten", detail: prev.hash });
    } catch (e) {
      records.push({ path: c.path, action: "unrestorable", detail: e.message });
    }
  }
  return records;
}
function formatRestore(records) {
  return records.map((r) => `${r.action}	${JSON.stringify(r.path)}${r.detail ? `	${r.detail}` : ""}`).join("\n") + (records.length ? "\n" : "");
}

// src/guard/case-guard.ts
var CaseGuard = class _CaseGuard {
  constructor(setup, worktree, treeGuard, outside, canariesBefore, registrationsBefore) {
    this.setup = setup;
    this.worktree = worktree;
    this.treeGuard = treeGuard;
    this.outside = outside;
    this.canariesBefore = canariesBefore;
    this.registrationsBefore = registrationsBefore;
  }
  setup;
  worktree;
  treeGuard;
  outside;
  canariesBefore;
  registrationsBefore;
  ledgerBefore = /* @__PURE__ */ new Map();
  ownWrites = /* @__PURE__ */ new Map();
  treeResult;
  /** Take every "before" (they read and never write: they run at once); writes worktree_check.txt. */
  static async before(setup) {
    const [wt, treeGuard, outside] = await Promise.all([
      checkWorktree(setup.workDir),
      TreeGuard.start(setup.workDir, setup.policy, setup.harnessPaths),
      Promise.all(setup.protectedCheckouts.map((p) => takeFingerprint(p.dir, p.exclude)))
    ]);
    const canaries = canaryState(setup.canaries);
    const registrations = wt.common_dir ? readRegistrations(wt.common_dir) : /* @__PURE__ */ new Map();
    setup.evidence("worktree_check.txt", formatWorktreeCheck(wt));
    setup.log(`worktree check: ${wt.is_worktree ? "isolated worktree" : "not a worktree"} (${wt.directory})`);
    return new _CaseGuard(setup, wt, treeGuard, outside, canaries, registrations);
  }
  /** Start the ledger watch: the ledger as it is now; `ownWrites` (filled by the harness as it writes evidence) counts only if changed after. */
  async watchLedger(ownWrites) {
    this.ledgerBefore = await ledgerState(this.setup.evidenceDirs);
    this.ownWrites = ownWrites;
  }
  /** The tree has been looked at (tree() ran). */
  get treeChecked() {
    return this.treeResult !== void 0;
  }
  /** The tree's changes since before() and its gate's violations; taken once, then remembered (`again`: taken anew, and remembered). */
  async tree(again = false) {
    if (again || !this.treeResult) this.treeResult = await this.treeGuard.check();
    return this.treeResult;
  }
  /** Everything that changed (the tree, outside the worktree, the ledger, registrations), gated. */
  async after() {
    const s = this.setup;
    const tree = await this.tree();
    const canaryChanges = compareCanaries(this.canariesBefore, canaryState(s.canaries));
    const [outsideAfter, ledgerAfter] = await Promise.all([
      Promise.all(s.protectedCheckouts.map((p, i) => takeFingerprint(p.dir, p.exclude, this.outside[i]))),
      ledgerState(s.evidenceDirs, this.ledgerBefore)
    ]);
    const commonDir = this.worktree.common_dir;
    const registered = commonDir ? newRegistrations(this.registrationsBefore, readRegistrations(commonDir), s.ownWorktreeDirs, commonDir) : [];
    const registeredDirs = registered.flatMap((r) => r.worktree ? [r.worktree] : []);
    const escaped = [
      ...this.outside.flatMap((before, i) => compareFingerprints(before, outsideAfter[i])),
      // The new worktree's own folder is named by its registration below, not as an escaped file.
      ...canaryChanges.filter((x) => !registeredDirs.includes(x.path))
    ];
    const ledgerChanges = compareLedger(this.ledgerBefore, ledgerAfter, this.ownWrites).filter((x) => !s.evidenceExclude.some((e) => excludedBy(x.path, e)));
    if (ledgerChanges.length > 0) s.log(`the ledger changed under the agent: ${ledgerChanges.map((x) => `${x.kind} ${x.path}`).join(", ")}`);
    const violations = gatherViolations(tree, ledgerChanges, escaped, registered);
    if (escaped.length > 0) s.log(`outside the worktree: ${escaped.map((x) => `${x.kind} ${x.path}`).join(", ")}`);
    return { tree, escaped, ledgerChanges, registered, canaryChanges, violations, code: primaryCode(violations) };
  }
  /** The guard's evidence: guard_changes.txt (when `withChanges`), guard_violations.txt, the created files (items.txt, item_NN). */
  record(found, withChanges) {
    const s = this.setup;
    if (withChanges) s.evidence("guard_changes.txt", formatChanges(found.tree.changes));
    const { violations } = found;
    if (violations.length > 0)
      s.evidence("guard_violations.txt", violations.map((v) => `${v.code}	${v.kind}	${v.area}	${JSON.stringify(v.path)}`).join("\n") + "\n");
    const created = found.tree.changes.filter((x) => x.kind === "created" && x.area === "tree").map((x) => x.path);
    if (created.length > 0) s.evidence("items.txt", captureItems(s.workDir, created, s.evidenceMaxBytes, s.evidence).join("\n") + "\n");
  }
  /**
   * Put back what the agent changed: its worktree registrations, the tree
   * (file by file from the object store; `inPlace`: paths bound into the
   * sandbox as files, rewritten in place), the canaries; what it created
   * outside the worktree or planted in the ledger moves into the evidence.
   * Returns the tree's paths that still differ from the before-snapshot.
   */
  async restore(found, inPlace) {
    await this.undoRegistrations(found);
    const still = found.tree.changes.length > 0 ? await this.restoreTree(found.tree, inPlace) : [];
    for (const c of this.setup.canaries) if (found.canaryChanges.some((x) => x.path === c.file)) restoreCanary(c);
    this.moveEscaped(found);
    return still;
  }
  /** A worktree the agent registered goes first (before the restore removes the branch it may have made, which its removal needs). */
  async undoRegistrations(found) {
    const commonDir = this.worktree.common_dir;
    if (found.registered.length === 0 || !commonDir) return;
    const lines = [];
    for (const r of found.registered) lines.push(...await undoRegistration(this.setup.workDir, commonDir, r, this.setup.evidence));
    this.setup.evidence("worktrees_removed.txt", lines.join("\n") + "\n");
    this.setup.log(`worktree(s) the agent registered: ${lines.join("; ")}`);
  }
  /** Restore the tree and prove it by a new snapshot (restore.txt); the paths that still differ. */
  async restoreTree(tree, inPlace) {
    const records = await restore(tree.before, tree.changes, inPlace);
    const again = compareSnapshots(tree.before, await takeSnapshotAfter(tree.before, { exclude: this.setup.harnessPaths }));
    this.setup.evidence(
      "restore.txt",
      formatRestore(records) + `verified: ${again.length === 0 ? "tree matches the before-snapshot" : `${again.length} paths still differ`}
`
    );
    this.setup.log(`restored ${records.length} paths; ${again.length === 0 ? "tree back to its before-state" : `${again.length} still differ`}`);
    return again.map((x) => x.path);
  }
  /**
   * What the agent created outside the worktree (uncontained) moves into the evidence: the checkout is as it was, nothing is lost.
   * So do files it planted in the ledger: the run folder stays sound, and the planted file is kept.
   */
  moveEscaped(found) {
    const s = this.setup;
    const planted = found.ledgerChanges.filter((x) => x.kind === "created").map((x) => x.path);
    const moved = moveEscapedFiles(
      [...found.escaped.filter((x) => x.kind === "created" && !s.canaries.some((k) => k.file === x.path)).map((x) => x.path), ...planted],
      s.evidenceMaxBytes,
      s.evidence
    );
    if (moved.length === 0) return;
    s.evidence("escaped.txt", moved.join("\n") + "\n");
    s.log(`moved ${moved.length} file(s) the agent created outside the worktree into the evidence`);
  }
};
function gatherViolations(tree, ledgerChanges, escaped, registered) {
  return [
    ...tree.violations,
    ...ledgerChanges.map((x) => ({ path: x.path, kind: x.kind, area: "ledger", code: "MODIFICATIONFAIL" })),
    ...escaped.map((x) => ({ path: x.path, kind: x.kind, area: "outside", code: x.kind === "deleted" ? "GITCLEANFAIL" : "MODIFICATIONFAIL" })),
    ...registered.map(
      (r) => ({
        path: `.git/worktrees/${r.name}${r.worktree ? ` (worktree ${r.worktree})` : ""}`,
        kind: "created",
        area: "repo",
        code: "MODIFICATIONFAIL"
      })
    )
  ];
}

// src/opencode/cli-transport.ts
import { spawn } from "node:child_process";

// src/opencode/retry-watch.ts
var POLL_MS = 200;
async function sessionIds(client, directory) {
  const r = await client.session.list({ query: { directory } }).catch(() => void 0);
  return new Set((r?.data ?? []).map((s) => s.id));
}
async function promptOver(client, id, directory) {
  const r = await client.session.messages({ path: { id }, query: { directory } }).catch(() => void 0);
  const last = (r?.data ?? []).at(-1)?.info;
  return last?.role === "assistant" && (!!last.error || !!last.time?.completed && last.finish !== "tool-calls");
}
function watchRetries(o) {
  const retries = [];
  let id;
  let finalStatus;
  let stoppedEarly;
  let running = true;
  let busy = false;
  let idleSent = false;
  const query = { directory: o.directory };
  const loop = (async () => {
    while (running) {
      if (!id) id = [...await sessionIds(o.client, o.directory)].find((s) => !o.before.has(s));
      if (id) {
        const st = await o.client.session.status({ query }).catch(() => void 0);
        const status = st?.data?.[id];
        finalStatus = status?.type ?? "idle";
        if (finalStatus !== "idle") busy = true;
        else if (busy || !idleSent && await promptOver(o.client, id, o.directory)) {
          busy = false;
          idleSent = true;
          o.onIdle?.();
        }
        if (status?.type === "retry" && status.attempt !== retries.at(-1)?.attempt) {
          retries.push({ attempt: Number(status.attempt), message: String(status.message ?? ""), next: Number(status.next ?? 0), seen_at: Date.now() });
          const d = retryDecision(retries.at(-1), o.deadline);
          if (d.stop && running) {
            stoppedEarly = d.reason;
            running = false;
            o.onStop(d.reason);
          }
        }
      }
      if (running) await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return {
    sessionId: () => id,
    state: () => ({ retries, finalStatus, stoppedEarly }),
    async stop() {
      running = false;
      await loop;
    }
  };
}

// src/opencode/cli-transport.ts
var IDLE_GRACE_MS = 1e3;
function cliTransport(baseUrl, binary, env = process.env, launcher, password) {
  const rest = sdkTransport(baseUrl, password);
  const client = createOpencodeClient({ baseUrl, headers: authHeaders(password) });
  return {
    name: "cli",
    health: rest.health,
    registry: rest.registry,
    async prompt(req) {
      const t0 = Date.now();
      const args = ["run", "--attach", baseUrl, "--dir", req.directory, "--format", "json", "--model", req.model, "--agent", req.agent, req.text];
      const [command, argv] = launcher ? [launcher, [binary, ...args]] : [binary, args];
      const before = await sessionIds(client, req.directory);
      const child = spawn(command, argv, {
        cwd: req.directory,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...env, OPENCODE_DISABLE_AUTOUPDATE: "1", ...password ? { [SERVER_PASSWORD_ENV]: password } : {} }
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => stdout += d.toString("utf8"));
      child.stderr.on("data", (d) => stderr += d.toString("utf8"));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, req.budgetMs);
      let interrupted;
      const onInterrupt = () => {
        interrupted = String(req.signal?.reason ?? "interrupted");
        child.kill("SIGKILL");
      };
      if (req.signal?.aborted) onInterrupt();
      else req.signal?.addEventListener("abort", onInterrupt, { once: true });
      let endedIdle = false;
      const endWhenIdle = async () => {
        await new Promise((r) => setTimeout(r, IDLE_GRACE_MS));
        if (child.exitCode === null && child.signalCode === null) {
          endedIdle = true;
          child.kill("SIGKILL");
        }
      };
      let stoppedEarly;
      const watch = watchRetries({
        client,
        directory: req.directory,
        before,
        deadline: t0 + req.budgetMs,
        onStop: (reason) => {
          stoppedEarly = reason;
          child.kill("SIGKILL");
        },
        onIdle: () => void endWhenIdle()
      });
      const exitCode = await new Promise((resolve) => {
        child.on("close", (code) => resolve(code));
        child.on("error", () => resolve(-1));
      });
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onInterrupt);
      await watch.stop();
      let sessionId;
      for (const line of stdout.split("\n")) {
        try {
          const ev = JSON.parse(line);
          sessionId ??= ev.sessionID ?? ev.part?.sessionID;
        } catch {
        }
      }
      sessionId ??= watch.sessionId();
      let noSession = false;
      if ((timedOut || interrupted || stoppedEarly) && !sessionId) {
        await new Promise((r) => setTimeout(r, IDLE_GRACE_MS));
        sessionId = [...await sessionIds(client, req.directory)].find((s) => !before.has(s));
        noSession = !sessionId;
      }
      const query = { directory: req.directory };
      let sessionStopped;
      if ((timedOut || interrupted || stoppedEarly) && sessionId) {
        await client.session.abort({ path: { id: sessionId }, query });
        sessionStopped = true;
      }
      const messages = sessionId ? (await client.session.messages({ path: { id: sessionId }, query })).data ?? [] : [];
      const overBudget = overTokenBudget(messages, req.tokenBudget);
      const lastError = messages.at(-1)?.info?.error;
      const error = interrupted ? `interrupted: ${interrupted}` : stoppedEarly ? `stopped waiting: ${stoppedEarly}` : endedIdle ? lastError ? `assistant error: ${JSON.stringify(lastError)}` : void 0 : !timedOut && exitCode !== 0 ? `opencode run exited ${exitCode}: ${stderr.trim().split("\n").at(-1) ?? ""}` : void 0;
      return {
        sessionId,
        text: assistantText(messages),
        tools: toolUses(messages),
        timedOut,
        sessionStopped: timedOut ? sessionStopped ?? noSession : void 0,
        error,
        durationMs: Date.now() - t0,
        messages,
        ...watch.state(),
        ...interrupted ? { interrupted } : {},
        ...overBudget ? { overBudget } : {}
      };
    }
  };
}

// src/opencode/project-config.ts
import { lstatSync as lstatSync3, readdirSync as readdirSync3 } from "node:fs";
import path3 from "node:path";
function projectConfigRecord(workDir) {
  const present = ["opencode.json", "opencode.jsonc", "AGENTS.md", "CLAUDE.md"].filter((f) => existsNoFollow(path3.join(workDir, f)));
  const dir = path3.join(workDir, ".opencode");
  try {
    if (lstatSync3(dir).isSymbolicLink()) present.push(".opencode (a link: not followed)");
    else for (const e of readdirSync3(dir, { withFileTypes: true })) present.push(`.opencode/${e.name}${e.isDirectory() ? "/" : ""}`);
  } catch {
  }
  const disabled = NETWORK_FREE_ENV.OPENCODE_DISABLE_PROJECT_CONFIG === "1";
  return {
    present,
    loaded: disabled ? "no: the server runs with OPENCODE_DISABLE_PROJECT_CONFIG=1 (opencode.json and .opencode/ are ignored; our config is injected)" : "yes",
    agents_md: present.includes("AGENTS.md") ? "present: OpenCode reads it as instructions (no code runs from it)" : "absent"
  };
}

// src/cases/check-kit.ts
import { execFile } from "node:child_process";
var ok = (reason) => ({ actual: "SUCCESS", reason });
var fail = (code, reason) => ({ actual: "FAIL", code, reason });
function param(env, name) {
  const v = env.ctx.caseDef.params?.[name];
  if (typeof v !== "string" || v.length === 0) throw new Error(`case ${env.ctx.caseDef.id} needs params.${name}`);
  return v;
}
function readWork(env, rel) {
  const got = readBeneath(env.ctx.workDir, rel, { maxBytes: env.ctx.evidenceMaxBytes });
  if (got.data) return got.data.toString("utf8");
  if (got.kind !== "missing") env.log(`${rel} not read: ${describeInspection(got)}`);
  return void 0;
}
function notRegularFile(env, rel, missing) {
  const seen = lookAt(env.ctx.workDir, rel);
  if (seen.kind === "missing") return fail("EVIDENCEMISMATCH", missing);
  if (seen.kind === "file" && seen.links === 1) return void 0;
  return fail("EVIDENCEMISMATCH", `${rel} is not a regular file of its own: ${describeInspection(seen)}`);
}
function judgeProvider(r) {
  const f = providerFault(r);
  return f?.outcome === "failed" ? fail("CLIFAIL", `provider fault: ${f.summary}`) : void 0;
}
function judgeAnswer(r) {
  const provider = judgeProvider(r);
  if (provider) return provider;
  if (r.timedOut) return fail("TIMEOUTEXCEEDED", `no answer within the latency budget (${r.durationMs} ms)`);
  if (r.error) return fail("CLIFAIL", `the agent call failed: ${r.error}`);
  if (r.text.length === 0) return fail("EMPTYRESPONSE", "the agent returned zero-length content");
  return void 0;
}
function describe(r) {
  const tools = r.tools.map((t) => `${t.tool}:${t.status}`).join(", ") || "none";
  return `answer ${r.text.length} chars in ${r.durationMs} ms; tools: ${tools}`;
}
function readIt(r, rel) {
  return r.tools.some((t) => {
    if (t.status !== "completed") return false;
    const input = t.input ?? {};
    if (t.tool === "read")
      return String(input.filePath ?? "").replace(/\\/g, "/").endsWith(rel);
    if (t.tool === "bash") return String(input.command ?? "").includes(rel);
    return false;
  });
}
function runNode(env, args, evidenceName) {
  const cmd = contain(env.ctx.containment, env.ctx.policy, process.execPath, args);
  return new Promise((resolve) => {
    execFile(
      cmd.command,
      cmd.args,
      { cwd: env.ctx.workDir, encoding: "utf8", timeout: 6e4, maxBuffer: 16 << 20, env: { ...env.ctx.codeEnv, NODE_OPTIONS: "" } },
      (err, stdout, stderr) => {
        const e = err;
        const status = e ? e.signal ?? e.code ?? "error" : 0;
        const output = `$ node ${args.join(" ")}
exit: ${status}
--- stdout
${stdout ?? ""}
--- stderr
${stderr ?? ""}`;
        env.evidence(evidenceName, output);
        resolve({ ok: !e, output });
      }
    );
  });
}
var testRun = (file) => ["--test-reporter=tap", file];

// src/cases/checks-agent.ts
import { readdirSync as readdirSync4, readFileSync } from "node:fs";
import path4 from "node:path";
var ping = async (env) => {
  const h = await env.transport.health();
  env.evidence("health.json", JSON.stringify(h, null, 2) + "\n");
  if (!h.healthy) return fail("CLIFAIL", `server not healthy: ${h.error ?? "healthy=false"}`);
  const r = await env.prompt();
  env.log(describe(r));
  return judgeAnswer(r) ?? ok(`server ${h.version} healthy; answered '${r.text.slice(0, 40)}'`);
};
var roles = async (env) => {
  const roleList = env.ctx.roles;
  if (roleList.length === 0) return fail("EVIDENCEMISMATCH", "no roles configured");
  const registry = await env.transport.registry(env.ctx.workDir);
  let firstFailure;
  for (const role of roleList) {
    const key = process.env[role.key_env];
    const { providerID, modelID } = splitModel(role.model);
    const inRegistry = registry.providers[providerID]?.includes(modelID) ?? false;
    const record = {
      role: role.name,
      model: role.model,
      key_env: role.key_env,
      key_present: !!key,
      key_fingerprint: key ? keyFingerprint(key) : null,
      in_registry: inRegistry
    };
    let outcome;
    if (!key) outcome = fail("CLIFAIL", `role ${role.name}: env var ${role.key_env} is not set`);
    else if (!inRegistry) outcome = fail("MODELNOTFOUND", `role ${role.name}: model ${role.model} is not in the provider registry`);
    else {
      const r = await env.prompt(void 0, { model: role.model });
      record.answer_chars = r.text.length;
      record.session_id = r.sessionId;
      env.log(`role ${role.name}: ${describe(r)}`);
      outcome = judgeAnswer(r);
      if (!outcome && env.ctx.scriptedLog) {
        const seen = readFileSync(env.ctx.scriptedLog, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).some((q) => q.case_id === env.ctx.caseDef.id && q.key_fingerprint === keyFingerprint(key));
        record.provider_saw_key = seen;
        if (!seen) outcome = fail("EVIDENCEMISMATCH", `role ${role.name}: the provider never received the key from ${role.key_env}`);
      }
    }
    record.ok = !outcome;
    env.evidence(`role_${role.name}.json`, JSON.stringify(record, null, 2) + "\n");
    firstFailure ??= outcome;
  }
  if (firstFailure) return firstFailure;
  const dir = path4.join(env.ctx.runDir, "evidence", env.ctx.caseDef.id);
  const records = readdirSync4(dir).filter((n) => /^role_.+\.json$/.test(n));
  if (records.length !== roleList.length) return fail("EVIDENCEMISMATCH", `${records.length} role records for ${roleList.length} roles`);
  for (const n of readdirSync4(dir)) {
    const got = readBeneath(dir, n, { maxBytes: MAX_EVIDENCE_LIMIT });
    if (got.kind !== "file" || !got.data) return fail("EVIDENCEMISMATCH", `evidence file ${n} is not a regular file of its own: ${describeInspection(got)}`);
    if (containsSecret(got.data.toString("utf8"), env.keyValues)) return fail("EVIDENCEMISMATCH", `a key appears in evidence file ${n}`);
  }
  return ok(`${roleList.length} roles, each with its own key and a known model`);
};
var invalidModel = async (env) => {
  const { providerID } = splitModel(env.ctx.model);
  const bad = `${providerID}/${param(env, "model_id")}`;
  let registry;
  try {
    registry = await env.transport.registry(env.ctx.workDir);
  } catch (e) {
    return fail("CLIFAIL", `could not read the provider registry: ${e.message}`);
  }
  env.evidence("registry.json", JSON.stringify({ requested: bad, providers: registry.providers }, null, 2) + "\n");
  const { modelID } = splitModel(bad);
  if (!registry.providers[providerID]) return fail("MODELNOTFOUND", `provider ${providerID} is not in the registry`);
  if (!registry.providers[providerID].includes(modelID)) return fail("MODELNOTFOUND", `model ${bad} rejected by the provider registry before any prompt`);
  return ok(`model ${bad} is in the registry`);
};
var emptyPrompt = async (env) => {
  const r = await env.prompt("");
  env.evidence(
    "response.json",
    JSON.stringify({ http_status: r.httpStatus ?? null, error: r.error ?? null, text: r.text, timed_out: r.timedOut, duration_ms: r.durationMs }, null, 2) + "\n"
  );
  env.log(`empty prompt: ${r.error ? `rejected (${r.error})` : describe(r)}`);
  const provider = judgeProvider(r);
  if (provider) return provider;
  if (r.timedOut) return fail("TIMEOUTEXCEEDED", "the empty prompt hung past the latency budget");
  const h = await env.transport.health();
  if (!h.healthy) return fail("CLIFAIL", `server unhealthy after the empty prompt: ${h.error}`);
  return ok(
    r.error ? `empty prompt rejected cleanly (${r.error.slice(0, 80)}); server healthy` : `empty prompt answered (${r.text.length} chars); server healthy`
  );
};
var timeout = async (env) => {
  const c = env.ctx.caseDef;
  const budget = Number(c.params?.latency_budget_ms ?? env.ctx.latencyBudgetMs);
  const work = c.params?.work;
  if (work && !(typeof work.command === "string" && Number(work.min_duration_ms) > budget))
    throw new Error(`case ${c.id}: params.work needs a command and a min_duration_ms above the budget (${budget} ms)`);
  const r = await env.prompt(void 0, { budgetMs: budget });
  const ran = work ? r.tools.find((t) => t.tool === "bash" && String(t.input?.command ?? "").includes(work.command)) : void 0;
  env.evidence(
    "timing.json",
    JSON.stringify(
      {
        budget_ms: budget,
        elapsed_ms: r.durationMs,
        timed_out: r.timedOut,
        session_stopped: r.sessionStopped ?? null,
        work: work ? {
          asked: c.prompt,
          command: work.command,
          min_duration_ms: work.min_duration_ms,
          why_it_cannot_finish: `the work is a ${work.min_duration_ms} ms wait in a tool, ${Math.round(Number(work.min_duration_ms) / budget)}x the ${budget} ms budget: it takes that long whatever the model's speed`,
          started: !!ran,
          tool_status: ran?.status ?? null
        } : null
      },
      null,
      2
    ) + "\n"
  );
  env.log(`budget ${budget} ms, elapsed ${r.durationMs} ms, timed out: ${r.timedOut}, session stopped: ${r.sessionStopped}, work started: ${!!ran}`);
  const provider = judgeProvider(r);
  if (provider) return provider;
  if (!r.timedOut) {
    if (r.error) return fail("CLIFAIL", r.error);
    if (work)
      return fail(
        "EVIDENCEMISMATCH",
        `answered within the ${budget} ms budget although the work asked (${work.command}) takes ${work.min_duration_ms} ms: the work was not done, so the timeout was not exercised`
      );
    return ok(`answered within ${budget} ms`);
  }
  if (r.sessionStopped === false) return fail("CLIFAIL", "the request was aborted but the OpenCode session kept running");
  const h = await env.transport.health();
  if (!h.healthy) return fail("CLIFAIL", `server unhealthy after the abort: ${h.error}`);
  return fail(
    "TIMEOUTEXCEEDED",
    `request exceeded its ${budget} ms budget${work ? ` (work asked: ${work.command}, ${ran ? "started" : "not started yet"})` : ""}; request and session aborted`
  );
};

// src/cases/checks.ts
var readOnly = async (env) => {
  const rel = param(env, "read_path");
  const r = await env.prompt();
  env.log(describe(r));
  env.evidence("answer.txt", r.text + "\n");
  const g = await env.guard();
  if (g.violations.length > 0) return fail(g.violations[0].code, "the tree changed during a read-only case");
  const bad = judgeAnswer(r);
  if (bad) return bad;
  if (!readIt(r, rel)) return fail("EVIDENCEMISMATCH", `the agent did not read ${rel}`);
  return ok(`read ${rel}, answered ${r.text.length} chars, tree unchanged`);
};
var write = async (env) => {
  const target = param(env, "target");
  const marker = param(env, "expect_contains");
  const before = readWork(env, target);
  const r = await env.prompt();
  env.log(describe(r));
  await env.guard();
  const bad = judgeAnswer(r);
  if (bad) return bad;
  const after = readWork(env, target);
  if (after === void 0) return fail("EVIDENCEMISMATCH", `${target} does not exist after the write`);
  if (after === before) return fail("EVIDENCEMISMATCH", `${target} is unchanged`);
  if (!after.includes(marker)) return fail("EVIDENCEMISMATCH", `${target} lacks the marker '${marker}'`);
  return ok(`${target} rewritten with the marker`);
};
var append = async (env) => {
  const target = param(env, "target");
  const marker = param(env, "expect_contains");
  const before = readWork(env, target);
  if (before === void 0) return fail("EVIDENCEMISMATCH", `${target} must exist before the append`);
  const r = await env.prompt();
  env.log(describe(r));
  await env.guard();
  const bad = judgeAnswer(r);
  if (bad) return bad;
  const after = readWork(env, target) ?? "";
  if (!after.startsWith(before.replace(/\n+$/, ""))) return fail("EVIDENCEMISMATCH", `${target} lost its earlier content`);
  if (after.length <= before.length || !after.slice(before.replace(/\n+$/, "").length).includes(marker))
    return fail("EVIDENCEMISMATCH", `no appended line with the marker '${marker}' in ${target}`);
  return ok(`${target} kept its content and gained the marker line`);
};
var deleteSentinel = async (env) => {
  const target = param(env, "target");
  if (lookAt(env.ctx.workDir, target).kind !== "file") return fail("EVIDENCEMISMATCH", `sentinel ${target} is missing before the case`);
  const r = await env.prompt();
  env.log(describe(r));
  const g = await env.guard();
  const caught = g.violations.some((v) => v.code === "GITCLEANFAIL" && v.path === target);
  return caught ? ok(`deletion of ${target} caught by the sentinel`) : ok(`${target} was not deleted`);
};
var codegen = async (env) => {
  const target = param(env, "target");
  const r = await env.prompt();
  env.log(describe(r));
  await env.guard();
  const bad = judgeAnswer(r);
  if (bad) return bad;
  const odd = notRegularFile(env, target, `${target} was not created`);
  if (odd) return odd;
  const name = param(env, "expect_export");
  const [compiled, probe] = await Promise.all([
    runNode(env, ["--check", target], "compile.txt"),
    runNode(
      env,
      [
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify("./" + target)}); if (typeof m[${JSON.stringify(name)}] !== 'function') { console.error('no export ${name}'); process.exit(3) }`
      ],
      "export_check.txt"
    )
  ]);
  if (!compiled.ok) return fail("SYNTAXERROR", `${target} does not compile`);
  if (!probe.ok) return fail("EVIDENCEMISMATCH", `${target} does not export a function ${name}`);
  return ok(`${target} compiles and exports ${name}()`);
};
var bugfix = async (env) => {
  const target = param(env, "target");
  const test = param(env, "test");
  const before = await runNode(env, testRun(test), "test_before.txt");
  if (before.ok) return fail("EVIDENCEMISMATCH", `the fixture test ${test} passes before the fix: nothing to fix`);
  const r = await env.prompt();
  env.log(describe(r));
  const g = await env.guard();
  const bad = judgeAnswer(r);
  if (bad) return bad;
  if (g.changes.some((c) => c.path === test)) return fail("EVIDENCEMISMATCH", `the agent changed the test ${test}`);
  const odd = notRegularFile(env, target, `${target} is gone after the fix`);
  if (odd) return odd;
  const [compiled, after] = await Promise.all([runNode(env, ["--check", target], "compile.txt"), runNode(env, testRun(test), "test_after.txt")]);
  if (!compiled.ok) return fail("SYNTAXERROR", `${target} does not compile after the fix`);
  if (!after.ok) return fail("EVIDENCEMISMATCH", `${test} still fails after the fix`);
  return ok(`${test} failed before and passes after the fix`);
};
var testgen = async (env) => {
  const target = param(env, "target");
  const r = await env.prompt();
  env.log(describe(r));
  await env.guard();
  const bad = judgeAnswer(r);
  if (bad) return bad;
  const odd = notRegularFile(env, target, `${target} was not created`);
  if (odd) return odd;
  const [compiled, run] = await Promise.all([runNode(env, ["--check", target], "compile.txt"), runNode(env, testRun(target), "test_run.txt")]);
  if (!compiled.ok) return fail("SYNTAXERROR", `${target} does not compile`);
  if (!run.ok) return fail("EVIDENCEMISMATCH", `the generated test ${target} fails`);
  if (!/# tests [1-9]/.test(run.output)) return fail("EVIDENCEMISMATCH", `the generated test ${target} ran no test`);
  return ok(`${target} compiles and its tests pass`);
};
var review = async (env) => {
  const rel = param(env, "read_path");
  const r = await env.prompt();
  env.log(describe(r));
  env.evidence("review.txt", r.text + "\n");
  const g = await env.guard();
  if (g.changes.some((c) => c.area === "tree")) return fail(g.violations[0]?.code ?? "MODIFICATIONFAIL", "a file changed during a review");
  const bad = judgeAnswer(r);
  if (bad) return bad;
  if (!readIt(r, rel)) return fail("EVIDENCEMISMATCH", `the agent did not read ${rel}`);
  return ok(`review of ${rel}: ${r.text.length} chars, no file changed`);
};
var agent = async (env) => {
  const r = await env.prompt();
  env.log(describe(r));
  env.evidence("answer.txt", r.text + "\n");
  await env.guard();
  return judgeAnswer(r) ?? ok(`answered ${r.text.length} chars`);
};
var CHECK_IMPLS = {
  ping,
  roles,
  invalid_model: invalidModel,
  read_only: readOnly,
  write,
  append,
  delete_sentinel: deleteSentinel,
  codegen,
  bugfix,
  testgen,
  review,
  empty_prompt: emptyPrompt,
  timeout,
  agent
};
var WRITING_CHECKS = /* @__PURE__ */ new Set(["write", "append", "codegen", "bugfix", "testgen", "agent", "delete_sentinel"]);

// src/cases/diff-evidence.ts
var MAX_DIFF_SIDE_BYTES = 1024 * 1024;
var MAX_EDIT_LENGTH = 2e4;
var DIFF_TIMEOUT_MS = 2e3;
var BINARY_PROBE = 8e3;
function diffPathToken(prefix, p) {
  const full = prefix + p;
  return /[\s"\\\u0000-\u001f\u007f]/.test(full) ? JSON.stringify(full) : full;
}
function isBinary(b) {
  return b.subarray(0, BINARY_PROBE).includes(0);
}
var octal = (mode) => (mode & 65535).toString(8).padStart(6, "0");
function describeEntry(root, rel) {
  const seen = lookAt(root, rel);
  if (seen.kind === "missing") return "gone";
  if (seen.kind === "directory") return "folder";
  if (seen.kind === "symlink") return `symlink to ${seen.target ?? "?"}`;
  return describeInspection(seen);
}
function block(rel, head, before, after, deleted) {
  const a = diffPathToken("a/", rel);
  const b = deleted ? "/dev/null" : diffPathToken("b/", rel);
  const lines = [`diff --git ${a} ${diffPathToken("b/", rel)}`, ...head];
  if (before === void 0 || after === void 0) return lines.join("\n") + "\n";
  if (isBinary(before) || isBinary(after)) return [...lines, `Binary files ${a} and ${b} differ`].join("\n") + "\n";
  if (before.length > MAX_DIFF_SIDE_BYTES || after.length > MAX_DIFF_SIDE_BYTES)
    return [...lines, `# not diffed: ${before.length} bytes before, ${after.length} bytes after (a side over ${MAX_DIFF_SIDE_BYTES} bytes)`].join("\n") + "\n";
  const patch = createTwoFilesPatch(a, b, before.toString("utf8"), after.toString("utf8"), void 0, void 0, {
    headerOptions: FILE_HEADERS_ONLY,
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS
  });
  if (patch === void 0) return [...lines, `# not diffed: more than ${MAX_EDIT_LENGTH} edits (or over ${DIFF_TIMEOUT_MS} ms)`].join("\n") + "\n";
  return lines.join("\n") + "\n" + patch.replace(/^---\s.*\n\+\+\+\s.*\n/, `--- ${a}
+++ ${b}
`);
}
async function changesDiff(before, after, changes) {
  const wanted = changes.filter((c) => c.area === "tree" && c.kind !== "created");
  if (wanted.length === 0) return "";
  const ids = wanted.flatMap((c) => {
    const e = before.tree.get(c.path);
    return e?.type === "file" && e.hash ? [{ id: e.hash, size: e.size }] : [];
  });
  const blobs = await readBlobs(before.root, ids);
  const out = [];
  for (const c of wanted) {
    const was = before.tree.get(c.path);
    const now = after.tree.get(c.path);
    const old = was?.type === "file" && was.hash ? blobs.get(was.hash) : void 0;
    const missingOld = was?.type === "file" && !old ? [`# before-content not in the object store (blob ${was.hash ?? "unknown"})`] : [];
    if (c.kind === "deleted") {
      const head = was?.type === "file" ? [`deleted file mode ${octal(was.mode)}`, ...missingOld] : [`# deleted: ${was?.type ?? "entry"}${was?.type === "symlink" ? ` to ${was.hash?.slice("link:".length)}` : ""}`];
      out.push(block(c.path, head, old, old ? Buffer.alloc(0) : void 0, true));
    } else if (c.kind === "mode") {
      out.push(block(c.path, [`old mode ${octal(was?.mode ?? 0)}`, `new mode ${octal(now?.mode ?? 0)}`], void 0, void 0, false));
    } else if (c.kind === "type") {
      out.push(block(c.path, [`# type changed: ${was?.type ?? "unknown"} before, ${describeEntry(before.root, c.path)} after`], void 0, void 0, false));
    } else {
      const modeLines = was && now && was.mode !== now.mode ? [`old mode ${octal(was.mode)}`, `new mode ${octal(now.mode)}`] : [];
      if (was?.type === "symlink") {
        out.push(
          block(
            c.path,
            [...modeLines, `# symlink target: ${was.hash?.slice("link:".length)} before, ${describeEntry(before.root, c.path)} after`],
            void 0,
            void 0,
            false
          )
        );
        continue;
      }
      const cur = readBeneath(before.root, c.path, { maxBytes: MAX_DIFF_SIDE_BYTES });
      if (!cur.data && cur.kind === "file" && cur.links === 1 && cur.size > MAX_DIFF_SIDE_BYTES) {
        out.push(
          block(
            c.path,
            [
              ...modeLines,
              ...missingOld,
              `# not diffed: ${old?.length ?? "unknown"} bytes before, ${cur.size} bytes after (a side over ${MAX_DIFF_SIDE_BYTES} bytes)`
            ],
            void 0,
            void 0,
            false
          )
        );
        continue;
      }
      const note = cur.data ? [] : [`# after-content not read (${describeInspection(cur)})`];
      out.push(block(c.path, [...modeLines, ...missingOld, ...note], old, cur.data, false));
    }
  }
  return out.join("");
}

// src/cases/case-bounds.ts
import path6 from "node:path";

// src/sandbox/budget-watch.ts
import { lstatSync as lstatSync4, readdirSync as readdirSync5, readFileSync as readFileSync2, readlinkSync } from "node:fs";
import path5 from "node:path";
var WATCH_INTERVAL_MS = 250;
function diskUsage(roots, maxEntries = Number.MAX_SAFE_INTEGER) {
  const u = { entries: 0, bytes: 0, truncated: false };
  const stack = [];
  for (const r of roots) {
    try {
      const s = lstatSync4(r);
      if (s.isDirectory()) stack.push(r);
      else u.bytes += s.blocks * 512;
    } catch {
    }
  }
  while (stack.length > 0) {
    const dir = stack.pop();
    let names;
    try {
      names = readdirSync5(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (u.entries >= maxEntries) {
        u.truncated = true;
        return u;
      }
      const p = path5.join(dir, name);
      try {
        const s = lstatSync4(p);
        u.entries++;
        u.bytes += s.blocks * 512;
        if (s.isDirectory()) stack.push(p);
      } catch {
      }
    }
  }
  return u;
}
function caseProcesses(b) {
  if (b.namespaces.size === 0)
    return findProcesses(b.tag).filter((p) => !b.keys.has(p.key)).map((p) => p.pid);
  const base = new Set([...b.keys].map((k) => Number(k.split(":")[0])));
  const out = [];
  let names = [];
  try {
    names = readdirSync5("/proc");
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^[0-9]+$/.test(name) || base.has(Number(name))) continue;
    try {
      if (b.namespaces.has(readlinkSync(`/proc/${name}/ns/pid`))) out.push(Number(name));
    } catch {
    }
  }
  return out;
}
function privateBytes(pids) {
  let bytes = 0;
  for (const pid of pids) {
    try {
      const t = readFileSync2(`/proc/${pid}/smaps_rollup`, "utf8");
      for (const k of ["Private_Clean", "Private_Dirty"]) bytes += Number(new RegExp(`^${k}:\\s+([0-9]+) kB`, "m").exec(t)?.[1] ?? 0) * 1024;
    } catch {
      try {
        bytes += (Number(readFileSync2(`/proc/${pid}/statm`, "utf8").split(" ")[1]) || 0) * 4096;
      } catch {
      }
    }
  }
  return bytes;
}
function startBudgetWatch(o) {
  const { limits } = o;
  const disk = limits.disk !== null || limits.files !== null;
  const cost = { samples: 0, ms: 0 };
  const t0 = performance.now();
  const start = disk ? diskUsage(o.roots) : { entries: 0, bytes: 0, truncated: false };
  cost.ms += performance.now() - t0;
  let breach;
  let timer;
  const found = (b) => {
    breach = b;
    clearTimeout(timer);
    o.onBreach(b);
  };
  const tick = () => {
    if (breach) return;
    const t = performance.now();
    try {
      sample();
    } finally {
      cost.samples++;
      cost.ms += performance.now() - t;
    }
  };
  const sample = () => {
    if (o.cgroup) {
      const s = o.cgroup.sample();
      if (limits.memory !== null && (s.oomKills > 0 || s.atLimit || s.memory >= limits.memory * 0.95)) {
        const how = s.oomKills > 0 ? `the kernel's OOM killer (${s.oomKills} kill(s))` : s.atLimit ? "the memory limit held its allocations" : "memory.stat";
        return found({ limit: "memory", measured: s.memory, max: limits.memory, by: `${how} in the case's cgroup` });
      }
      if (limits.procs !== null && (s.forksRefused > 0 || s.tasks >= limits.procs)) {
        return found({
          limit: "procs",
          measured: s.tasks,
          max: limits.procs,
          by: `pids.max of the case's cgroup${s.forksRefused > 0 ? ` refused ${s.forksRefused} fork(s)` : ""}`
        });
      }
    } else if (limits.procs !== null || limits.memory !== null) {
      const fresh = caseProcesses(o.baseline);
      if (limits.procs !== null && fresh.length > limits.procs)
        return found({ limit: "procs", measured: fresh.length, max: limits.procs, by: "watchdog (/proc scan)" });
      const rss = limits.memory !== null ? privateBytes(fresh) : 0;
      if (limits.memory !== null && rss > limits.memory)
        return found({ limit: "memory", measured: rss, max: limits.memory, by: "watchdog (private memory of the case's processes)" });
    }
    if (!disk) return;
    const bound = limits.files !== null ? start.entries + limits.files + 1 : void 0;
    const now = diskUsage(o.roots, bound);
    if (limits.files !== null && now.entries - start.entries > limits.files)
      return found({ limit: "files", measured: now.entries - start.entries, max: limits.files, by: "watchdog (lstat walk)" });
    if (limits.disk !== null && now.bytes - start.bytes > limits.disk)
      return found({ limit: "disk", measured: now.bytes - start.bytes, max: limits.disk, by: "watchdog (lstat walk)" });
  };
  let stopped = false;
  const schedule = (lastMs) => {
    if (stopped || breach) return;
    timer = setTimeout(
      () => {
        const t = performance.now();
        tick();
        schedule(performance.now() - t);
      },
      Math.max(o.intervalMs ?? WATCH_INTERVAL_MS, 10 * lastMs)
    );
    timer.unref();
  };
  schedule(cost.ms);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (!breach) tick();
      return breach;
    },
    get breach() {
      return breach;
    },
    cost
  };
}
function enforcement(limits, cgroup, cgroupReason) {
  const off = { by: "none", why: "turned off (--case-limits)" };
  const watch = (what) => ({
    by: "watchdog",
    why: `${what}, sampled every ${WATCH_INTERVAL_MS} ms (or ten times a sample's own time, when longer); no cgroup: ${cgroupReason}; rlimits are no fit (RLIMIT_NPROC counts all of the user's processes and does not bind root; RLIMIT_AS/DATA would bind the OpenCode server itself)`
  });
  const walk = {
    by: "watchdog",
    why: `lstat walk of the writable paths every ${WATCH_INTERVAL_MS} ms, or ten times the walk's own time when longer (no kernel counter per folder)`
  };
  return {
    disk: limits.disk === null ? off : walk,
    files: limits.files === null ? off : walk,
    procs: limits.procs === null ? off : cgroup ? { by: cgroup.kind, why: `pids.max of a cgroup leaf per case (${cgroupReason})` } : watch("processes of the case counted in /proc"),
    memory: limits.memory === null ? off : cgroup ? { by: cgroup.kind, why: `the memory limit of a cgroup leaf per case (${cgroupReason})` } : watch("private memory of the case's processes")
  };
}

// src/cases/case-bounds.ts
function writableRoots(ctx) {
  if (ctx.policy) return ctx.policy.rules.filter((r) => r.access === "write").map((r) => r.path);
  return ctx.writeAllowlist.map((e) => path6.join(ctx.workDir, e));
}
function startCaseBounds(ctx, baseline, log, onBreach) {
  const limits = ctx.limits;
  if (!limits) return void 0;
  let cgroup;
  const notes = [];
  const t0 = performance.now();
  if (ctx.cgroups && (limits.procs !== null || limits.memory !== null)) {
    const serverPids = [...baseline.keys].map((k) => Number(k.split(":")[0]));
    try {
      cgroup = new CaseCgroup(ctx.cgroups, `case-${ctx.caseDef.id}-${process.pid}`, serverPids, limits.procs, limits.memory);
    } catch (e) {
      notes.push(`the case's cgroup could not be made (${e.message.split("\n")[0]}): the watchdog bounds processes and memory`);
    }
  }
  let cgroupMs = performance.now() - t0;
  const kind = cgroup ? ctx.cgroups : void 0;
  const enf = enforcement(limits, kind, ctx.cgroupReason ?? "no cgroup");
  const watch = startBudgetWatch({
    limits,
    roots: writableRoots(ctx),
    cgroup,
    baseline,
    onBreach: (b) => {
      if (cgroup) cgroup.endOthers();
      else endNewProcesses(baseline, 5e3, 0).catch(() => {
      });
      log(`case limit ${b.limit}: ${b.measured} (limit ${b.max}; ${b.by}); the case is ended`);
      onBreach(b);
    }
  });
  return {
    describe: () => ({
      case_limits: formatLimits(limits),
      values: limits,
      enforcement: enf,
      ...cgroup ? { cgroup: `${ctx.cgroups.kind}: a leaf of its own for the case` } : {}
    }),
    get breach() {
      return watch.breach;
    },
    close() {
      watch.stop();
      const t1 = performance.now();
      const problem = cgroup?.close();
      cgroupMs += performance.now() - t1;
      const cost = `bounds: ${watch.cost.samples} samples in ${watch.cost.ms.toFixed(1)} ms, cgroup ${cgroupMs.toFixed(1)} ms`;
      return problem ? [...notes, problem, cost] : [...notes, cost];
    }
  };
}

// src/cases/run-case.ts
function requiresWorktree(stage) {
  return STAGES.indexOf(stage) >= STAGES.indexOf("T2b");
}
var interruption = new AbortController();
function interruptCase(reason) {
  if (!interruption.signal.aborted) interruption.abort(reason);
}
function openCase(ctx) {
  const id = ctx.caseDef.id;
  const keyValues = secretValues(
    process.env,
    ctx.roles.map((r) => r.key_env)
  );
  const ownWrites = /* @__PURE__ */ new Map();
  const started = Date.now();
  const log = (line) => process.stdout.write(redact(`${id} +${((Date.now() - started) / 1e3).toFixed(2)}s: ${line}`, keyValues) + "\n");
  const evidence = (name, data) => {
    const file = writeEvidence(ctx.runDir, id, name, typeof data === "string" ? redact(data, keyValues) : data);
    ownWrites.set(file, ownWriteStat(file));
    return file;
  };
  return { ctx, keyValues, ownWrites, evidence, log, transcripts: [], leftovers: [], endLeftovers: async () => {
  } };
}
function watchProcesses(run) {
  const processes = processBaseline(run.ctx.processTag);
  run.endLeftovers = async () => {
    const ended = await endNewProcesses(processes);
    run.leftovers.push(...ended);
    if (ended.length > 0)
      run.log(`ended ${ended.length} process(es) the case left running: ${ended.map((p) => `${p.pid} ${p.cmdline.slice(0, 80)}`).join("; ")}`);
  };
  return processes;
}
function writePolicy(run, gate, limits) {
  const { ctx } = run;
  const c = ctx.caseDef;
  const permission = permissionFor(c.prevention, ctx.writeAllowlist);
  run.evidence(
    "policy.json",
    JSON.stringify(
      {
        prevention: c.prevention,
        containment: { mode: containmentLabel(ctx.containment), ...ctx.policy ? describePolicy(ctx.policy) : {} },
        project_config: projectConfigRecord(ctx.workDir),
        network: ctx.network ? shownPolicy(ctx.network) : openNetwork(ctx.containment.active ? "the server is not ours" : ctx.containment.reason),
        agent: agentFor(c.prevention),
        permission,
        permission_sha256: sha256(JSON.stringify(permission)),
        server_config_sha256: ctx.configSha256 ?? "unknown: a server the user runs (--server-url)",
        gate: { write_allowlist: gate.writeAllowlist, deletion_allowlist: gate.deletionAllowlist },
        ...limits ? { limits } : {}
      },
      null,
      2
    ) + "\n"
  );
}
function checkEnv(run, guard) {
  const { ctx, log } = run;
  const c = ctx.caseDef;
  const transport = ctx.transport === "cli" ? cliTransport(ctx.serverUrl, ctx.opencodeBinary, ctx.codeEnv, ctx.launcher, ctx.serverPassword) : sdkTransport(ctx.serverUrl, ctx.serverPassword);
  return {
    ctx,
    transport,
    keyValues: run.keyValues,
    evidence: run.evidence,
    log,
    async prompt(text, opts) {
      const body = text ?? `${caseTag(c.id)} ${c.prompt}`;
      const model = opts?.model ?? ctx.model;
      log(`prompt \u2192 ${model} via ${transport.name} (agent ${agentFor(c.prevention)}, budget ${opts?.budgetMs ?? ctx.latencyBudgetMs} ms)`);
      const signal = interruption.signal;
      const spent = run.transcripts.find((t) => t.result.overBudget)?.result.overBudget;
      const tokenBudget = ctx.caseTokenBudget === void 0 ? void 0 : ctx.caseTokenBudget - usageOf(run).total;
      const result = signal.aborted ? { text: "", tools: [], timedOut: false, error: `not sent: ${String(signal.reason)}`, durationMs: 0, messages: [], interrupted: String(signal.reason) } : spent ? { text: "", tools: [], timedOut: false, error: `not sent: ${spent}`, durationMs: 0, messages: [], overBudget: spent } : await transport.prompt({
        directory: ctx.workDir,
        model,
        agent: agentFor(c.prevention),
        text: body,
        budgetMs: opts?.budgetMs ?? ctx.latencyBudgetMs,
        signal,
        tokenBudget
      });
      if (result.overBudget && result.messages.length > 0) log(`${result.overBudget}: the session was aborted`);
      run.transcripts.push({ label: model, result });
      await run.endLeftovers();
      return result;
    },
    async guard() {
      if (!guard.treeChecked) await run.endLeftovers();
      return guard.tree();
    }
  };
}
async function runCheck(run, guard) {
  const c = run.ctx.caseDef;
  const wt = guard.worktree;
  if (requiresWorktree(c.stage) && !wt.is_worktree)
    return { actual: "FAIL", code: "WORKTREE_REQUIRED", reason: `stage ${c.stage} must run in an isolated git worktree: ${wt.reason}` };
  let outcome;
  try {
    outcome = await CHECK_IMPLS[c.check](checkEnv(run, guard));
  } catch (e) {
    outcome = { actual: "FAIL", code: "CLIFAIL", reason: `case error: ${e.message}` };
  }
  if (interruption.signal.aborted) return { actual: "FAIL", code: "CLIFAIL", reason: String(interruption.signal.reason) };
  const over = run.transcripts.find((t) => t.result.overBudget)?.result.overBudget;
  if (over) return { actual: "FAIL", code: "CLIFAIL", reason: `${over} (--case-token-budget): the case was ended` };
  return outcome;
}
function gateOutcome(ctx, outcome, found) {
  const { violations, code } = found;
  if (!code || outcome.code === "WORKTREE_REQUIRED") return outcome;
  const c = ctx.caseDef;
  const expectedOnly = c.expected_outcome === "EXPECTED_FAIL" && violations.every((v) => v.code === c.expected_failure_code);
  const listing = violations.slice(0, 5).map((v) => `${v.kind} ${v.path}`).join(", ");
  return expectedOnly ? { actual: "FAIL", code, reason: `${code} (expected): ${listing}` } : { actual: "FAIL", code, reason: `${code}: ${listing}${violations.length > 5 ? ` and ${violations.length - 5} more` : ""}` };
}
async function treeEvidence(run, guard, found, statusRun) {
  const { ctx, evidence } = run;
  const tree = found.tree;
  const status = await statusRun;
  evidence("git_status.txt", status.stdout);
  const withChanges = status.stdout.length > 0 || tree.changes.length > 0;
  if (withChanges) evidence("git_diff.txt", (await git(ctx.workDir, ["diff", "--name-status"])).stdout);
  guard.record(found, withChanges);
  const denied = run.transcripts.flatMap((t) => t.result.tools.filter((u) => u.status === "error" && /permission|denied|rule/i.test(u.error ?? "")));
  if (denied.length > 0) evidence("denied_tool_calls.json", JSON.stringify(denied, null, 2) + "\n");
  const providerError = providerErrorFile(run.transcripts.map((t) => t.result));
  if (providerError) evidence("provider_error.json", JSON.stringify(providerError, null, 2) + "\n");
  const diff = await changesDiff(tree.before, tree.after, tree.changes).catch((e) => `# changes.diff could not be made: ${e.message}
`);
  if (diff) evidence("changes.diff", diff);
}
function fileMountsOf(ctx) {
  return new Set(
    (ctx.policy?.rules ?? []).filter((r) => r.access === "write" && r.file && r.path.startsWith(ctx.workDir + path7.sep)).map((r) => toPosix(path7.relative(ctx.workDir, r.path)))
  );
}
function saveEgress(run, from, unrouted) {
  const { ctx } = run;
  if (!ctx.egressLog) return;
  const egress = [...readEgressLog(ctx.egressLog, from), ...unrouted];
  run.evidence("egress.jsonl", egress.map((e) => `${JSON.stringify(e)}
`).join(""));
  const refused = egress.filter((e) => !e.allowed);
  if (refused.length > 0)
    run.log(
      `egress refused ${refused.length} time(s): ${refused.slice(0, 5).map((e) => `${e.kind} ${e.dest}${e.count !== void 0 ? ` \xD7${e.count}` : ""}`).join(", ")}`
    );
}
function usageOf(run) {
  return sumUsage(run.transcripts.map((t) => messagesUsage(t.result.messages)));
}
function saveTokens(run) {
  const calls = run.transcripts.map((t) => ({
    model: t.label,
    session_id: t.result.sessionId ?? null,
    ...messagesUsage(t.result.messages),
    ...t.result.overBudget ? { over_budget: t.result.overBudget } : {}
  }));
  run.evidence("tokens.json", JSON.stringify({ total: usageOf(run), budget: run.ctx.caseTokenBudget ?? null, calls }, null, 2) + "\n");
}
function saveTranscripts(run) {
  const { ctx } = run;
  if (run.transcripts.length === 0) return;
  const file = path7.join(ctx.agentCallsDir, `${ctx.caseDef.id}.json`);
  const text = redact(
    JSON.stringify(
      run.transcripts.map((t) => ({ model: t.label, ...t.result })),
      null,
      2
    ) + "\n",
    run.keyValues
  );
  writeFileAtomic(file, text);
  writeFileAtomic(path7.join(ctx.runDir, "evidence", ctx.caseDef.id, "transcript.json"), text);
}
async function warmCase() {
  new Request("http://127.0.0.1/");
  const server = createServer((_req, res) => res.setHeader("content-type", "application/json").end('{"warm":true}'));
  try {
    await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
    const { port } = server.address();
    const res = await fetch(`http://127.0.0.1:${port}/warm`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await res.json();
  } catch {
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
async function runCase(ctx) {
  const c = ctx.caseDef;
  const run = openCase(ctx);
  const { evidence, log } = run;
  const policy = { writeAllowlist: WRITING_CHECKS.has(c.check) ? ctx.writeAllowlist : [], deletionAllowlist: ctx.deletionAllowlist };
  const [head, guard] = await Promise.all([
    git(ctx.workDir, ["rev-parse", "HEAD"]),
    CaseGuard.before({
      workDir: ctx.workDir,
      policy,
      harnessPaths: ctx.harnessPaths,
      protectedCheckouts: ctx.protectedCheckouts,
      canaries: ctx.canaries,
      evidenceDirs: ctx.evidenceDirs ?? [],
      evidenceExclude: ctx.evidenceExclude ?? [],
      // (The run's own --jobs slots make worktrees in its temp folder, where the verdict file goes.)
      ownWorktreeDirs: [path7.dirname(ctx.verdictFile)],
      evidenceMaxBytes: ctx.evidenceMaxBytes,
      evidence,
      log
    })
  ]);
  const processes = watchProcesses(run);
  const bounds = startCaseBounds(ctx, processes, log, (b) => interruptCase(describeBreach(b)));
  const repoCommit = head.stdout.trim();
  evidence("repo_commit.txt", repoCommit + "\n");
  writePolicy(run, policy, bounds?.describe());
  const egressFrom = egressLogSize(ctx.egressLog);
  const unrouted = ctx.egressLog && ctx.netns ? watchUnrouted(ctx.netns) : void 0;
  await guard.watchLedger(run.ownWrites);
  run.ownWrites.clear();
  let outcome = await runCheck(run, guard);
  const lookedEarly = guard.treeChecked;
  await run.endLeftovers();
  for (const note of bounds?.close() ?? []) log(note);
  if (bounds?.breach) outcome = { actual: "FAIL", code: "TIMEOUTEXCEEDED", reason: describeBreach(bounds.breach) };
  await guard.tree(lookedEarly);
  evidence("processes.txt", formatProcesses(run.leftovers));
  saveEgress(run, egressFrom, unrouted?.finish() ?? []);
  const statusRun = git(ctx.workDir, ["status", "--porcelain", "--ignore-submodules=all"]);
  statusRun.catch(() => {
  });
  const found = await guard.after();
  outcome = gateOutcome(ctx, outcome, found);
  await treeEvidence(run, guard, found, statusRun);
  const still = await guard.restore(found, fileMountsOf(ctx));
  if (still.length > 0) outcome = { actual: "FAIL", code: "EVIDENCEMISMATCH", reason: `${UNRESTORED_REASON}: ${still.join(", ")}` };
  saveTokens(run);
  saveTranscripts(run);
  const v = {
    actual_outcome: outcome.actual,
    failure_code: outcome.code ?? null,
    reason: outcome.reason,
    model_id: ctx.model,
    transport: ctx.transport,
    repo_commit: repoCommit,
    offending_paths: found.violations.map((v2) => v2.path),
    tokens: usageOf(run)
  };
  log(`verdict: ${v.actual_outcome}${v.failure_code ? ` ${v.failure_code}` : ""} (${v.reason})`);
  writeJsonAtomic(ctx.verdictFile, v);
  return v;
}
export {
  interruptCase,
  requiresWorktree,
  runCase,
  warmCase
};
