import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Y4FTFHXJ.js";

// src/sandbox/mechanism.ts
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
var CONTAINMENT_MODES = ["auto", "required", "off"];
function containmentLabel(c) {
  return c.active ? `${c.mechanism} (${c.requested})` : `none (${c.requested}): ${c.reason}`;
}
function parseContainmentMode(value, input = "--containment") {
  if (CONTAINMENT_MODES.includes(value)) return value;
  throw new InputError(input, `'${value}' is not allowed; allowed: ${CONTAINMENT_MODES.join(", ")}`);
}
var BASE = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session"];
function onPath(name, pathEnv = process.env.PATH ?? "") {
  for (const dir of pathEnv.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
    }
  }
  return void 0;
}
function usernsRefused(stderr) {
  return /uid map|Permission denied|Operation not permitted|No permissions to creat/i.test(stderr);
}
function probeBwrap(bwrap) {
  const r = spawnSync(bwrap, [...BASE, "--", "true"], { encoding: "utf8", timeout: 1e4 });
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
  const probe = probeBwrap(bwrap);
  if (!probe.ok) return none(`bwrap does not work here (${probe.error}): ${fixFor(probe.error)}`);
  return { requested: mode, active: true, mechanism: "bwrap", bwrap, reason: `bubblewrap ${bwrap}: read-only root, writable allowlist, own PID and network namespaces` };
}
function bwrapArgs(policy) {
  const args = policy.sharedNetwork ? BASE.filter((a) => a !== "--unshare-net") : [...BASE];
  const remount = [];
  for (const r of policy.rules) {
    switch (r.access) {
      case "private":
        args.push("--tmpfs", r.path);
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
    }
  }
  for (const p of remount) args.push("--remount-ro", p);
  args.push("--chdir", policy.cwd);
  return args;
}
function contain(c, policy, command, args) {
  if (!c.active || !policy) return { command, args };
  return { command: c.bwrap, args: [...bwrapArgs(policy), "--", command, ...args] };
}

// src/opencode/config.ts
var SCRIPTED_PROVIDER = "dogfood";
var SCRIPTED_MODEL = "scripted";
var SCRIPTED_KEY_ENV = "DOGFOOD_SCRIPTED_KEY";
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
  const common = { question: "deny", webfetch: "deny", websearch: "deny", task: "deny", todowrite: "allow", lsp: "deny", skill: "deny", doom_loop: "deny", read: "allow", glob: "allow", grep: "allow", list: "allow" };
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
      models: { [SCRIPTED_MODEL]: { name: "Scripted (deterministic, offline)", tool_call: true } }
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
function openNetwork(reason) {
  return { mode: "open", routes: [], rules: [], summary: `OPEN: the agent reaches any host and holds the provider key in its environment (${reason})` };
}
function allowedBy(p, host, port) {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return p.rules.find((r) => r.host === h && r.port === port);
}

// src/guard/allowlist.ts
import path2 from "node:path";
function normalize(p, backslashIsSeparator) {
  if (p.length === 0 || p.includes("\0")) return void 0;
  const s = backslashIsSeparator ? p.replace(/\\/g, "/") : p;
  if (s.startsWith("/") || /^[A-Za-z]:/.test(s)) return void 0;
  const n = path2.posix.normalize(s).replace(/\/+$/, "");
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
  containmentLabel,
  parseContainmentMode,
  onPath,
  usernsRefused,
  probeBwrap,
  resolveContainment,
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
  openNetwork,
  allowedBy
};
