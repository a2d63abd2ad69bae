import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  realOrResolved
} from "./chunk-ARXRJ6KT.js";
import {
  InputError
} from "./chunk-LZO5H7YI.js";

// src/sandbox/limits.ts
var LIMIT_NAMES = ["disk", "files", "procs", "memory"];
var UNITS = { "": 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
var BYTES = /* @__PURE__ */ new Set(["disk", "memory"]);
var DEFAULT_CASE_LIMITS = { disk: 512 * 2 ** 20, files: 2e4, procs: 512, memory: 4 * 2 ** 30 };
var DEFAULT_CASE_LIMITS_TEXT = formatLimits(DEFAULT_CASE_LIMITS);
var MINIMUM = { disk: 2 ** 20, files: 10, procs: 8, memory: 64 * 2 ** 20 };
function allowed() {
  return `a comma-separated list of NAME=VALUE with NAME one of ${LIMIT_NAMES.join(", ")}; VALUE a number (disk and memory with an optional K, M, G or T suffix) or off; e.g. ${DEFAULT_CASE_LIMITS_TEXT}`;
}
function parseCaseLimits(raw, option = "--case-limits") {
  const out = { ...DEFAULT_CASE_LIMITS };
  const text = raw.trim();
  if (text === "") return out;
  if (text === "off" || text === "none") return { disk: null, files: null, procs: null, memory: null };
  for (const part of text.split(",").map((p) => p.trim())) {
    const m = /^([a-z]+)=(.+)$/.exec(part);
    if (!m) throw new InputError(option, `'${part}' is not NAME=VALUE: ${allowed()}`);
    const name = m[1];
    if (!LIMIT_NAMES.includes(name)) throw new InputError(option, `'${m[1]}' is not a limit: ${allowed()}`);
    const value = m[2].trim();
    if (value === "off" || value === "none") {
      out[name] = null;
      continue;
    }
    const v = /^([0-9]+)([KMGT]?)i?B?$/i.exec(value);
    if (!v || !BYTES.has(name) && v[2] !== "") throw new InputError(option, `${name}=${value} is not allowed: ${allowed()}`);
    const n = Number(v[1]) * UNITS[v[2].toUpperCase()];
    if (!Number.isSafeInteger(n) || n < MINIMUM[name])
      throw new InputError(option, `${name}=${value} is below the least allowed (${formatValue(name, MINIMUM[name])}) or too large: ${allowed()}`);
    out[name] = n;
  }
  return out;
}
function formatValue(name, n) {
  if (n === null) return "off";
  if (!BYTES.has(name)) return String(n);
  for (const u of ["T", "G", "M", "K"]) if (n % UNITS[u] === 0) return `${n / UNITS[u]}${u}`;
  return String(n);
}
function formatLimits(l) {
  return LIMIT_NAMES.map((n) => `${n}=${formatValue(n, l[n])}`).join(",");
}
function humanBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v >= 10 ? 0 : 1)} ${units[i]}`;
}
function describeBreach(b) {
  const v = (n) => BYTES.has(b.limit) ? humanBytes(n) : String(n);
  const what = { disk: "bytes written", files: "files created", procs: "processes", memory: "memory" };
  return `case limit ${b.limit} exceeded: ${what[b.limit]} ${v(b.measured)}, the limit is ${v(b.max)} (${b.by}); the case's processes were ended and its tree restored`;
}

// src/sandbox/read-view.ts
import { existsSync, lstatSync, readlinkSync } from "node:fs";
import path from "node:path";
var SYSTEM_FOLDERS = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"];
var ETC_SECRETS = [
  "/etc/shadow",
  "/etc/shadow-",
  "/etc/gshadow",
  "/etc/gshadow-",
  "/etc/sudoers",
  "/etc/security/opasswd",
  "/etc/krb5.keytab"
];
var ETC_SECRET_FOLDERS = ["/etc/ssh", "/etc/sudoers.d", "/etc/ssl/private"];
var NEVER_ALLOWED = ["/", "/proc", "/sys", "/dev", "/root", "/home", "/etc", "/var", "/run"];
function systemView() {
  const rules = [];
  for (const dir of SYSTEM_FOLDERS) {
    const s = lstatOrUndefined(dir);
    if (!s) continue;
    if (s.isSymbolicLink()) rules.push({ path: dir, access: "link", source: readlinkSync(dir), why: "system folder (a symlink, as on the host)" });
    else if (s.isDirectory())
      rules.push({ path: dir, access: "read", why: dir === "/etc" ? "system configuration, less its secrets" : "programs and libraries" });
  }
  for (const file of ETC_SECRETS)
    if (lstatOrUndefined(file)?.isFile()) rules.push({ path: file, access: "hidden", file: true, why: "a secret of the host (shown empty)" });
  for (const dir of ETC_SECRET_FOLDERS)
    if (lstatOrUndefined(dir)?.isDirectory()) rules.push({ path: dir, access: "hidden", why: "host keys or sudo rules (shown empty)" });
  return rules;
}
function readAllowRules(entries) {
  return entries.map((p) => ({ path: p, access: "read", why: "--read-allow (the user added it)" }));
}
function parseReadAllow(entries, option) {
  const out = [];
  for (const raw of entries) {
    if (!path.isAbsolute(raw))
      throw new InputError(option, `'${raw}' is not an absolute path; allowed: absolute paths of existing folders or files, comma-separated`);
    const p = path.resolve(raw);
    if (NEVER_ALLOWED.includes(p))
      throw new InputError(option, `'${raw}' would show the host wholesale; name a folder below it (not ${NEVER_ALLOWED.join(", ")})`);
    if (!existsSync(p)) throw new InputError(option, `'${raw}' does not exist; allowed: existing folders or files`);
    out.push(p);
  }
  return out;
}
function lstatOrUndefined(p) {
  try {
    return lstatSync(p);
  } catch {
    return void 0;
  }
}

// src/sandbox/policy.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import path2 from "node:path";
function isFile(p) {
  try {
    return !statSync(p).isDirectory();
  } catch {
    return false;
  }
}
function depth(p) {
  return p.split(path2.sep).filter(Boolean).length;
}
function derivePolicy(input) {
  const rules = [...systemView(), { path: "/tmp", access: "private", why: "private tmp" }, ...readAllowRules(input.readAllow ?? [])];
  const unmounted = [];
  const workDir = realOrResolved(input.workDir);
  rules.push({ path: workDir, access: "read", why: "the worktree (read-only but for the write allowlist)" });
  rules.push({ path: realOrResolved(input.commonDir), access: "read", why: "the common git dir (git reads it; nothing may change it)" });
  for (const dir of input.otherCheckouts) rules.push({ path: realOrResolved(dir), access: "hidden", why: "another checkout of the repository" });
  for (const dir of input.hidden) if (existsSync2(dir)) rules.push({ path: realOrResolved(dir), access: "hidden", why: "the harness", file: isFile(dir) });
  for (const dir of input.readable) if (existsSync2(dir)) rules.push({ path: realOrResolved(dir), access: "read", why: "needed by the contained processes" });
  for (const entry of input.writeAllowlist) {
    const abs = path2.join(workDir, entry);
    if (input.harnessPaths.includes(entry)) {
      if (existsSync2(abs)) rules.push({ path: realOrResolved(abs), access: "hidden", why: `${entry}: the harness's, not the agent's`, file: isFile(abs) });
      continue;
    }
    if (!existsSync2(abs)) {
      unmounted.push(`${entry}: does not exist, so it cannot be made writable (the agent cannot create it)`);
      continue;
    }
    const r = realOrResolved(abs);
    if (r !== abs && !r.startsWith(workDir + path2.sep)) {
      unmounted.push(`${entry}: resolves outside the worktree (${r}); left read-only`);
      continue;
    }
    rules.push({ path: r, access: "write", why: `write allowlist: ${entry}`, file: isFile(r) });
  }
  for (const dir of input.stateDirs) rules.push({ path: realOrResolved(dir), access: "write", why: "OpenCode's own state", scope: "run" });
  if (input.bridge) {
    rules.push({
      path: realOrResolved(input.bridge.outDir),
      access: "read",
      why: "the bridge: the egress proxy's socket (the only way out of the network namespace)"
    });
    rules.push({ path: realOrResolved(input.bridge.inDir), access: "write", why: "the bridge: the server's socket, for the harness", scope: "run" });
  }
  for (const [target, source] of input.views)
    rules.push({ path: realOrResolved(target), access: "view", source, why: "sanitized view (credentials removed)", file: true });
  const ordered = rules.map((r, i) => ({ r, i })).sort((a, b) => depth(a.r.path) - depth(b.r.path) || a.i - b.i).map((x) => x.r);
  return { rules: ordered, unmounted, cwd: workDir };
}
function shown(p, rules) {
  return rules.some((r) => r.access !== "hidden" && (p === r.path || p.startsWith(r.path === "/" ? "/" : r.path + path2.sep)));
}
function describePolicy(p) {
  const pick = (a) => p.rules.filter((r) => a.includes(r.access)).map((r) => `${r.path} (${r.why})`);
  const hidden = p.rules.filter((r) => r.access === "hidden" && shown(r.path, p.rules)).map((r) => `${r.path} (${r.why})`);
  const links = p.rules.filter((r) => r.access === "link").map((r) => `${r.path} -> ${r.source} (${r.why})`);
  return {
    writable: pick(["write", "private"]),
    hidden,
    read_only: [...pick(["read", "view"]), ...links],
    not_shown: "everything of the host not listed here",
    unmounted: p.unmounted
  };
}

// src/sandbox/mechanism.ts
import { spawnSync } from "node:child_process";
import { realpathSync as realpathSync2 } from "node:fs";

// src/sandbox/identity.ts
import { readFileSync, realpathSync } from "node:fs";

// src/sandbox/which.ts
import { accessSync, constants } from "node:fs";
import path3 from "node:path";
function onPath(name, pathEnv = process.env.PATH ?? "") {
  for (const dir of pathEnv.split(path3.delimiter).filter(Boolean)) {
    const file = path3.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
    }
  }
  return void 0;
}

// src/sandbox/identity.ts
var CANDIDATES = Array.from({ length: 100 }, (_, i) => 61400 + i);
function namedUids(passwd = "/etc/passwd") {
  try {
    return new Set(
      readFileSync(passwd, "utf8").split("\n").map((l) => Number(l.split(":")[2])).filter(Number.isInteger)
    );
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function agentIdentity(euid = process.geteuid?.() ?? -1, pathEnv = process.env.PATH ?? "") {
  if (euid !== 0) return void 0;
  const setpriv = onPath("setpriv", pathEnv);
  if (!setpriv)
    throw new Error(
      "the harness runs as root and setpriv (util-linux) is not on PATH, so the agent would be root inside the sandbox: apt-get install -y util-linux"
    );
  const named = namedUids();
  const uid = CANDIDATES.find((u) => !named.has(u)) ?? CANDIDATES[0];
  return { uid, gid: uid, setpriv: realpathSync(setpriv) };
}
function dropArgs(id) {
  return [id.setpriv, `--reuid=${id.uid}`, `--regid=${id.gid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"];
}

// src/sandbox/mechanism.ts
var CONTAINMENT_MODES = ["auto", "required", "off"];
function containmentLabel(c) {
  return c.active ? `${c.mechanism} (${c.requested})` : `none (${c.requested}): ${c.reason}`;
}
function parseContainmentMode(value, input = "--containment") {
  if (CONTAINMENT_MODES.includes(value)) return value;
  throw new InputError(input, `'${value}' is not allowed; allowed: ${CONTAINMENT_MODES.join(", ")}`);
}
var BASE = ["--dev", "/dev", "--proc", "/proc", "--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session"];
function usernsRefused(stderr) {
  return /uid map|Permission denied|Operation not permitted|No permissions to creat/i.test(stderr);
}
function probeBwrap(bwrap, agent) {
  const args = [...mountArgs(systemView()), "--chdir", "/", "--", ...agent ? dropArgs(agent) : [], realTrue()];
  const r = spawnSync(bwrap, args, { encoding: "utf8", timeout: 1e4 });
  if (r.status === 0) return { ok: true };
  return { ok: false, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split("\n")[0] };
}
function fixFor(stderr) {
  if (usernsRefused(stderr)) {
    return "unprivileged user namespaces are refused: on Ubuntu 24.04 run `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (or give /usr/bin/bwrap an AppArmor profile), or run as root";
  }
  return "see bwrap --help";
}
function resolveContainment(mode, notOurs, bwrapPath) {
  const none = (reason) => {
    if (mode === "required") throw new InputError("--containment", `required, but ${reason}`);
    return { requested: mode, active: false, mechanism: "none", reason };
  };
  if (mode === "off") return { requested: mode, active: false, mechanism: "none", reason: "turned off (--containment off)" };
  if (notOurs) return none(notOurs);
  if (process.platform !== "linux") return none(`no sandbox mechanism on ${process.platform} (bubblewrap is Linux-only)`);
  const bwrap = bwrapPath ?? onPath("bwrap");
  if (!bwrap) return none("bubblewrap (bwrap) is not on PATH: apt-get install -y bubblewrap");
  let agent;
  try {
    agent = agentIdentity();
  } catch (e) {
    return none(e.message);
  }
  const probe = probeBwrap(bwrap, agent);
  if (!probe.ok) return none(`bwrap does not work here (${probe.error}): ${fixFor(probe.error)}`);
  const who = agent ? `, the agent as uid ${agent.uid} (not root)` : "";
  return {
    requested: mode,
    active: true,
    mechanism: "bwrap",
    bwrap,
    agent,
    reason: `bubblewrap ${bwrap}: an allowlist read view, writable allowlist, own PID and network namespaces${who}`
  };
}
function ancestors(p) {
  const parts = p.split("/").filter(Boolean);
  return parts.slice(0, -1).map((_, i) => "/" + parts.slice(0, i + 1).join("/"));
}
function realTrue() {
  const t = onPath("true") ?? "/usr/bin/true";
  try {
    return realpathSync2(t);
  } catch {
    return t;
  }
}
function bwrapArgs(policy) {
  const args = mountArgs(policy.rules);
  return [...policy.sharedNetwork ? args.filter((a) => a !== "--unshare-net") : args, "--chdir", policy.cwd];
}
function mountArgs(rules) {
  const args = [...BASE];
  const remount = [];
  const binds = [];
  const made = /* @__PURE__ */ new Set();
  for (const r of rules) {
    if (r.access === "hidden" && !shown(r.path, rules)) continue;
    for (const a of ancestors(r.path)) {
      if (made.has(a) || binds.some((b) => a === b || a.startsWith(b + "/"))) continue;
      args.push("--perms", "0755", "--dir", a);
      made.add(a);
    }
    made.add(r.path);
    if (r.access === "read" || r.access === "write" || r.access === "view") binds.push(r.path);
    switch (r.access) {
      case "private":
        args.push("--perms", "1777", "--tmpfs", r.path);
        break;
      case "hidden":
        if (r.file) args.push("--ro-bind", "/dev/null", r.path);
        else {
          args.push("--tmpfs", r.path);
          remount.push(r.path);
        }
        break;
      case "read":
        args.push("--ro-bind", r.path, r.path);
        break;
      case "write":
        args.push("--bind", r.path, r.path);
        break;
      case "view":
        args.push("--ro-bind", r.source, r.path);
        break;
      case "link":
        args.push("--symlink", r.source, r.path);
        break;
    }
  }
  for (const p of remount) args.push("--remount-ro", p);
  args.push("--remount-ro", "/");
  return args;
}
function contain(c, policy, command, args) {
  if (!c.active || !policy) return { command, args };
  return { command: c.bwrap, args: [...bwrapArgs(policy), "--", ...c.agent ? dropArgs(c.agent) : [], command, ...args] };
}

// src/opencode/config.ts
var SCRIPTED_PROVIDER = "dogfood";
var SCRIPTED_MODEL = "scripted";
var SCRIPTED_KEY_ENV = "DOGFOOD_SCRIPTED_KEY";
var SCRIPTED_COST = { input: 1, output: 4, cache_read: 0.1, cache_write: 1.25 };
function agentFor(prevention) {
  return `dogfood-${prevention}`;
}
var READ_COMMANDS = ["ls", "ls *", "cat *", "head *", "tail *", "wc *", "grep *", "pwd", "git status*", "git diff*", "git log*", "sleep *"];
var BUILD_COMMANDS = ["node --check *", "node --test*"];
function bashAllowlist(commands) {
  const rules = { "*": "deny" };
  for (const c of commands) rules[c] = "allow";
  return rules;
}
function editGlob(entry) {
  return entry.endsWith("/") ? `${entry}*` : entry;
}
function permissionFor(prevention, writeAllowlist) {
  const common = {
    question: "deny",
    webfetch: "deny",
    websearch: "deny",
    task: "deny",
    todowrite: "allow",
    lsp: "deny",
    skill: "deny",
    doom_loop: "deny",
    read: "allow",
    glob: "allow",
    grep: "allow",
    list: "allow"
  };
  if (prevention === "off") return { ...common, edit: "allow", bash: "allow", external_directory: "allow" };
  if (prevention === "readonly") return { ...common, edit: "deny", bash: bashAllowlist(READ_COMMANDS), external_directory: "deny" };
  const edit = { "*": "deny" };
  for (const e of writeAllowlist) edit[editGlob(e)] = "allow";
  return { ...common, edit, bash: bashAllowlist([...READ_COMMANDS, ...BUILD_COMMANDS]), external_directory: "deny" };
}
function splitModel(model) {
  const i = model.indexOf("/");
  return { providerID: model.slice(0, i), modelID: model.slice(i + 1) };
}
function buildConfig(input) {
  const agent = {};
  for (const p of ["readonly", "enforce", "off"]) {
    agent[agentFor(p)] = { description: `opencode-dogfood case agent (prevention: ${p})`, mode: "primary", permission: permissionFor(p, input.writeAllowlist) };
  }
  const config = {
    $schema: "https://opencode.ai/config.json",
    autoupdate: false,
    share: "disabled",
    // OpenCode's undo snapshots: a `git add` of the whole worktree into a repository of its own at every
    // step (a copy of everything the agent can see, the ledger of earlier cases included when uncontained,
    // kept in OpenCode's state). The guard takes its own snapshots; without these a hermetic run takes
    // about a quarter less time (26–27 s against 35–38 s for the 15 cases, --worktree, measured here).
    snapshot: false,
    model: input.model,
    small_model: input.model,
    agent,
    permission: permissionFor("readonly", input.writeAllowlist)
  };
  if (input.scriptedUrl) {
    const provider = {};
    const scripted = (key) => ({
      npm: "@ai-sdk/openai-compatible",
      name: "opencode-dogfood scripted model",
      options: { baseURL: input.scriptedUrl, apiKey: `{env:${key}}` },
      models: { [SCRIPTED_MODEL]: { name: "Scripted (deterministic, offline)", tool_call: true, cost: SCRIPTED_COST } }
    });
    provider[SCRIPTED_PROVIDER] = scripted(SCRIPTED_KEY_ENV);
    for (const r of input.roles) {
      const { providerID } = splitModel(r.model);
      if (providerID !== SCRIPTED_PROVIDER) provider[providerID] = scripted(r.key_env);
    }
    config.provider = provider;
    config.enabled_providers = Object.keys(provider);
  }
  return config;
}

// src/sandbox/env.ts
var BASE_NAMES = ["PATH", "LANG", "TZ", "TERM"];
var BASE_PREFIXES = ["LC_"];
var PROVIDER_ENV = {
  anthropic: ["ANTHROPIC_API_KEY"],
  openai: ["OPENAI_API_KEY"],
  google: ["GOOGLE_GENERATIVE_AI_API_KEY", "GEMINI_API_KEY"],
  "google-vertex": ["GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "VERTEX_LOCATION"],
  "amazon-bedrock": ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE", "AWS_BEARER_TOKEN_BEDROCK"],
  azure: ["AZURE_API_KEY", "AZURE_RESOURCE_NAME"],
  openrouter: ["OPENROUTER_API_KEY"],
  groq: ["GROQ_API_KEY"],
  mistral: ["MISTRAL_API_KEY"],
  xai: ["XAI_API_KEY"],
  deepseek: ["DEEPSEEK_API_KEY"],
  togetherai: ["TOGETHER_AI_API_KEY"],
  "fireworks-ai": ["FIREWORKS_API_KEY"],
  cerebras: ["CEREBRAS_API_KEY"],
  opencode: ["OPENCODE_API_KEY"]
};
function providerKeyNames(model) {
  const { providerID } = splitModel(model);
  return PROVIDER_ENV[providerID] ?? [`${providerID.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_API_KEY`];
}
function baseEnv(from = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(from)) {
    if (v === void 0) continue;
    if (BASE_NAMES.includes(k) || BASE_PREFIXES.some((p) => k.startsWith(p))) out[k] = v;
  }
  return out;
}
function agentEnv(i) {
  const env = baseEnv(i.from);
  for (const name of [...i.keyNames, ...i.pass]) {
    const v = i.from[name];
    if (v !== void 0) env[name] = v;
  }
  return { ...env, ...i.set };
}

// src/sandbox/network-policy.ts
var PROVIDER_HOSTS = {
  anthropic: { base: "https://api.anthropic.com/v1", header: "x-api-key" },
  openai: { base: "https://api.openai.com/v1", header: "authorization", scheme: "Bearer" },
  openrouter: { base: "https://openrouter.ai/api/v1", header: "authorization", scheme: "Bearer" },
  groq: { base: "https://api.groq.com/openai/v1", header: "authorization", scheme: "Bearer" },
  mistral: { base: "https://api.mistral.ai/v1", header: "authorization", scheme: "Bearer" },
  xai: { base: "https://api.x.ai/v1", header: "authorization", scheme: "Bearer" },
  deepseek: { base: "https://api.deepseek.com", header: "authorization", scheme: "Bearer" },
  google: { base: "https://generativelanguage.googleapis.com/v1beta", header: "x-goog-api-key" }
};
function providerHostList() {
  return Object.entries(PROVIDER_HOSTS).map(([p, h]) => `${p}: ${new URL(h.base).host}`).join(", ");
}
function parseEgressEntry(entry, input = "--egress-allow") {
  const m = /^([a-z0-9.-]+|\[[0-9a-f:]+\])(?::([0-9]{1,5}))?$/i.exec(entry.trim());
  const port = m?.[2] ? Number(m[2]) : 443;
  if (!m || port < 1 || port > 65535 || m[1].includes("*")) throw new InputError(input, `'${entry}' is not HOST[:PORT] (no wildcard, port 1-65535)`);
  return { host: m[1].toLowerCase().replace(/^\[|\]$/g, ""), port, why: `${input} ${entry.trim()}` };
}
function routeDest(r) {
  const u = new URL(r.upstream);
  return `${u.hostname}:${u.port || (u.protocol === "https:" ? 443 : 80)}`;
}
function upstreamOverrides(env, providers) {
  const out = {};
  for (const p of providers) {
    const v = env[`OPENCODE_DOGFOOD_${p.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_BASE_URL`];
    if (v) out[p] = v;
  }
  return out;
}
function routedProviders(models) {
  return [...new Set(models.map((m) => m.slice(0, m.indexOf("/"))))].filter((p) => p in PROVIDER_HOSTS);
}
function deriveNetworkPolicy(i) {
  const routes = [];
  const rules = [];
  if (i.scriptedUrl) routes.push({ name: "scripted", upstream: i.scriptedUrl, why: "the scripted model (hermetic mode)" });
  for (const p of i.providers) {
    const h = PROVIDER_HOSTS[p];
    if (!h) continue;
    routes.push({
      name: p,
      upstream: i.upstreams?.[p] ?? h.base,
      key: { header: h.header, env: providerKeyNames(`${p}/x`)[0], scheme: h.scheme },
      why: `the ${p} API (--model/--roles)`
    });
  }
  rules.push(...i.allow);
  const dests = [...routes.map((r) => `${r.name} \u2192 ${routeDest(r)}`), ...rules.map((r) => `${r.host}:${r.port}`)];
  return { mode: "namespace", routes, rules, summary: `own network namespace; out only through the egress proxy to ${dests.join(", ") || "nothing"}` };
}
function shownPolicy(p) {
  const shown2 = (url) => {
    try {
      const u = new URL(url);
      const hidden = u.username !== "" || u.password !== "";
      u.username = "";
      u.password = "";
      u.search = "";
      u.hash = "";
      return hidden ? u.href.replace("://", "://***@") : u.href;
    } catch {
      return "(not a URL)";
    }
  };
  return { ...p, routes: p.routes.map((r) => ({ ...r, upstream: shown2(r.upstream) })) };
}
function openNetwork(reason) {
  return { mode: "open", routes: [], rules: [], summary: `OPEN: the agent reaches any host and holds the provider key in its environment (${reason})` };
}
function allowedBy(p, host, port) {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return p.rules.find((r) => r.host === h && r.port === port);
}

// src/guard/allowlist.ts
import path4 from "node:path";
function normalize(p, backslashIsSeparator) {
  if (p.length === 0 || p.includes("\0")) return void 0;
  const s = backslashIsSeparator ? p.replace(/\\/g, "/") : p;
  if (s.startsWith("/") || /^[A-Za-z]:/.test(s)) return void 0;
  const n = path4.posix.normalize(s).replace(/\/+$/, "");
  if (n === "" || n === "." || n === ".." || n.startsWith("../")) return void 0;
  return n;
}
function inGitDir(n) {
  const first = n.split("/")[0].toLowerCase();
  return first === ".git";
}
function normalizeRelPath(p) {
  return normalize(p, true);
}
function normalizeEntry(e) {
  const isDir = /[/\\]$/.test(e);
  const n = normalizeRelPath(e);
  if (!n || inGitDir(n)) return void 0;
  return isDir ? `${n}/` : n;
}
function validateAllowlist(input, entries) {
  return entries.map((e) => {
    const n = normalizeRelPath(e);
    if (!n) throw new InputError(input, `'${e}' is not a path inside the repository (relative, no '..', not empty)`);
    if (inGitDir(n)) throw new InputError(input, `'${e}' points into .git, which can never be allowed`);
    return normalizeEntry(e);
  });
}
function isAllowed(relPath, allowlist) {
  const n = normalize(relPath, false);
  if (!n || inGitDir(n)) return false;
  return allowlist.some((raw) => {
    const entry = normalizeEntry(raw);
    if (!entry) return false;
    return entry.endsWith("/") ? n.startsWith(entry) : n === entry;
  });
}

export {
  validateAllowlist,
  isAllowed,
  LIMIT_NAMES,
  DEFAULT_CASE_LIMITS,
  DEFAULT_CASE_LIMITS_TEXT,
  parseCaseLimits,
  formatLimits,
  describeBreach,
  onPath,
  systemView,
  parseReadAllow,
  derivePolicy,
  describePolicy,
  containmentLabel,
  parseContainmentMode,
  usernsRefused,
  probeBwrap,
  resolveContainment,
  bwrapArgs,
  contain,
  SCRIPTED_PROVIDER,
  SCRIPTED_KEY_ENV,
  agentFor,
  permissionFor,
  splitModel,
  buildConfig,
  providerKeyNames,
  agentEnv,
  providerHostList,
  parseEgressEntry,
  upstreamOverrides,
  routedProviders,
  deriveNetworkPolicy,
  shownPolicy,
  openNetwork,
  allowedBy
};
