import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  overTokenBudget
} from "./chunk-V23NUAJ5.js";
import {
  allowedBy,
  isAllowed,
  splitModel
} from "./chunk-YVT2LATV.js";
import {
  BeneathReader,
  DEFAULT_EVIDENCE_MAX_BYTES,
  blobIdOf,
  cQuote,
  contentSha256,
  decodePath,
  decodeRange,
  describeInspection,
  encodePath,
  fsPath,
  packChecksumMatches,
  readBeneath,
  readUntrustedFile
} from "./chunk-NXCGP3UY.js";
import {
  waitsOnFifo
} from "./chunk-3YSQRXBE.js";
import {
  SIDECAR_EXT,
  writeSidecar
} from "./chunk-5JSGXJPI.js";
import {
  compareC,
  realOrResolved,
  sha256,
  toPosix,
  writeFileAtomic
} from "./chunk-ARXRJ6KT.js";
import {
  GitError,
  ServerStartError
} from "./chunk-LZO5H7YI.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-LHSCZ3D7.js";

// node_modules/isexe/windows.js
var require_windows = __commonJS({
  "node_modules/isexe/windows.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs = __require("fs");
    function checkPathExt(path15, options) {
      var pathext = options.pathExt !== void 0 ? options.pathExt : process.env.PATHEXT;
      if (!pathext) {
        return true;
      }
      pathext = pathext.split(";");
      if (pathext.indexOf("") !== -1) {
        return true;
      }
      for (var i = 0; i < pathext.length; i++) {
        var p = pathext[i].toLowerCase();
        if (p && path15.substr(-p.length).toLowerCase() === p) {
          return true;
        }
      }
      return false;
    }
    function checkStat(stat, path15, options) {
      if (!stat.isSymbolicLink() && !stat.isFile()) {
        return false;
      }
      return checkPathExt(path15, options);
    }
    function isexe(path15, options, cb) {
      fs.stat(path15, function(er, stat) {
        cb(er, er ? false : checkStat(stat, path15, options));
      });
    }
    function sync(path15, options) {
      return checkStat(fs.statSync(path15), path15, options);
    }
  }
});

// node_modules/isexe/mode.js
var require_mode = __commonJS({
  "node_modules/isexe/mode.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs = __require("fs");
    function isexe(path15, options, cb) {
      fs.stat(path15, function(er, stat) {
        cb(er, er ? false : checkStat(stat, options));
      });
    }
    function sync(path15, options) {
      return checkStat(fs.statSync(path15), options);
    }
    function checkStat(stat, options) {
      return stat.isFile() && checkMode(stat, options);
    }
    function checkMode(stat, options) {
      var mod = stat.mode;
      var uid = stat.uid;
      var gid = stat.gid;
      var myUid = options.uid !== void 0 ? options.uid : process.getuid && process.getuid();
      var myGid = options.gid !== void 0 ? options.gid : process.getgid && process.getgid();
      var u = parseInt("100", 8);
      var g = parseInt("010", 8);
      var o = parseInt("001", 8);
      var ug = u | g;
      var ret = mod & o || mod & g && gid === myGid || mod & u && uid === myUid || mod & ug && myUid === 0;
      return ret;
    }
  }
});

// node_modules/isexe/index.js
var require_isexe = __commonJS({
  "node_modules/isexe/index.js"(exports, module) {
    var fs = __require("fs");
    var core;
    if (process.platform === "win32" || global.TESTING_WINDOWS) {
      core = require_windows();
    } else {
      core = require_mode();
    }
    module.exports = isexe;
    isexe.sync = sync;
    function isexe(path15, options, cb) {
      if (typeof options === "function") {
        cb = options;
        options = {};
      }
      if (!cb) {
        if (typeof Promise !== "function") {
          throw new TypeError("callback not provided");
        }
        return new Promise(function(resolve, reject) {
          isexe(path15, options || {}, function(er, is) {
            if (er) {
              reject(er);
            } else {
              resolve(is);
            }
          });
        });
      }
      core(path15, options || {}, function(er, is) {
        if (er) {
          if (er.code === "EACCES" || options && options.ignoreErrors) {
            er = null;
            is = false;
          }
        }
        cb(er, is);
      });
    }
    function sync(path15, options) {
      try {
        return core.sync(path15, options || {});
      } catch (er) {
        if (options && options.ignoreErrors || er.code === "EACCES") {
          return false;
        } else {
          throw er;
        }
      }
    }
  }
});

// node_modules/which/which.js
var require_which = __commonJS({
  "node_modules/which/which.js"(exports, module) {
    var isWindows = process.platform === "win32" || process.env.OSTYPE === "cygwin" || process.env.OSTYPE === "msys";
    var path15 = __require("path");
    var COLON = isWindows ? ";" : ":";
    var isexe = require_isexe();
    var getNotFoundError = (cmd) => Object.assign(new Error(`not found: ${cmd}`), { code: "ENOENT" });
    var getPathInfo = (cmd, opt) => {
      const colon = opt.colon || COLON;
      const pathEnv = cmd.match(/\//) || isWindows && cmd.match(/\\/) ? [""] : [
        // windows always checks the cwd first
        ...isWindows ? [process.cwd()] : [],
        ...(opt.path || process.env.PATH || /* istanbul ignore next: very unusual */
        "").split(colon)
      ];
      const pathExtExe = isWindows ? opt.pathExt || process.env.PATHEXT || ".EXE;.CMD;.BAT;.COM" : "";
      const pathExt = isWindows ? pathExtExe.split(colon) : [""];
      if (isWindows) {
        if (cmd.indexOf(".") !== -1 && pathExt[0] !== "")
          pathExt.unshift("");
      }
      return {
        pathEnv,
        pathExt,
        pathExtExe
      };
    };
    var which = (cmd, opt, cb) => {
      if (typeof opt === "function") {
        cb = opt;
        opt = {};
      }
      if (!opt)
        opt = {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      const step = (i) => new Promise((resolve, reject) => {
        if (i === pathEnv.length)
          return opt.all && found.length ? resolve(found) : reject(getNotFoundError(cmd));
        const ppRaw = pathEnv[i];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path15.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        resolve(subStep(p, i, 0));
      });
      const subStep = (p, i, ii) => new Promise((resolve, reject) => {
        if (ii === pathExt.length)
          return resolve(step(i + 1));
        const ext = pathExt[ii];
        isexe(p + ext, { pathExt: pathExtExe }, (er, is) => {
          if (!er && is) {
            if (opt.all)
              found.push(p + ext);
            else
              return resolve(p + ext);
          }
          return resolve(subStep(p, i, ii + 1));
        });
      });
      return cb ? step(0).then((res) => cb(null, res), cb) : step(0);
    };
    var whichSync = (cmd, opt) => {
      opt = opt || {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (let i = 0; i < pathEnv.length; i++) {
        const ppRaw = pathEnv[i];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path15.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        for (let j = 0; j < pathExt.length; j++) {
          const cur = p + pathExt[j];
          try {
            const is = isexe.sync(cur, { pathExt: pathExtExe });
            if (is) {
              if (opt.all)
                found.push(cur);
              else
                return cur;
            }
          } catch (ex) {
          }
        }
      }
      if (opt.all && found.length)
        return found;
      if (opt.nothrow)
        return null;
      throw getNotFoundError(cmd);
    };
    module.exports = which;
    which.sync = whichSync;
  }
});

// node_modules/path-key/index.js
var require_path_key = __commonJS({
  "node_modules/path-key/index.js"(exports, module) {
    "use strict";
    var pathKey = (options = {}) => {
      const environment = options.env || process.env;
      const platform = options.platform || process.platform;
      if (platform !== "win32") {
        return "PATH";
      }
      return Object.keys(environment).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
    };
    module.exports = pathKey;
    module.exports.default = pathKey;
  }
});

// node_modules/cross-spawn/lib/util/resolveCommand.js
var require_resolveCommand = __commonJS({
  "node_modules/cross-spawn/lib/util/resolveCommand.js"(exports, module) {
    "use strict";
    var path15 = __require("path");
    var which = require_which();
    var getPathKey = require_path_key();
    function resolveCommandAttempt(parsed, withoutPathExt) {
      const env = parsed.options.env || process.env;
      const cwd = process.cwd();
      const hasCustomCwd = parsed.options.cwd != null;
      const shouldSwitchCwd = hasCustomCwd && process.chdir !== void 0 && !process.chdir.disabled;
      if (shouldSwitchCwd) {
        try {
          process.chdir(parsed.options.cwd);
        } catch (err) {
        }
      }
      let resolved;
      try {
        resolved = which.sync(parsed.command, {
          path: env[getPathKey({ env })],
          pathExt: withoutPathExt ? path15.delimiter : void 0
        });
      } catch (e) {
      } finally {
        if (shouldSwitchCwd) {
          process.chdir(cwd);
        }
      }
      if (resolved) {
        resolved = path15.resolve(hasCustomCwd ? parsed.options.cwd : "", resolved);
      }
      return resolved;
    }
    function resolveCommand(parsed) {
      return resolveCommandAttempt(parsed) || resolveCommandAttempt(parsed, true);
    }
    module.exports = resolveCommand;
  }
});

// node_modules/cross-spawn/lib/util/escape.js
var require_escape = __commonJS({
  "node_modules/cross-spawn/lib/util/escape.js"(exports, module) {
    "use strict";
    var metaCharsRegExp = /([()\][%!^"`<>&|;, *?])/g;
    function escapeCommand(arg) {
      arg = arg.replace(metaCharsRegExp, "^$1");
      return arg;
    }
    function escapeArgument(arg, doubleEscapeMetaChars) {
      arg = `${arg}`;
      arg = arg.replace(/(?=(\\+?)?)\1"/g, '$1$1\\"');
      arg = arg.replace(/(?=(\\+?)?)\1$/, "$1$1");
      arg = `"${arg}"`;
      arg = arg.replace(metaCharsRegExp, "^$1");
      if (doubleEscapeMetaChars) {
        arg = arg.replace(metaCharsRegExp, "^$1");
      }
      return arg;
    }
    module.exports.command = escapeCommand;
    module.exports.argument = escapeArgument;
  }
});

// node_modules/shebang-regex/index.js
var require_shebang_regex = __commonJS({
  "node_modules/shebang-regex/index.js"(exports, module) {
    "use strict";
    module.exports = /^#!(.*)/;
  }
});

// node_modules/shebang-command/index.js
var require_shebang_command = __commonJS({
  "node_modules/shebang-command/index.js"(exports, module) {
    "use strict";
    var shebangRegex = require_shebang_regex();
    module.exports = (string = "") => {
      const match = string.match(shebangRegex);
      if (!match) {
        return null;
      }
      const [path15, argument] = match[0].replace(/#! ?/, "").split(" ");
      const binary = path15.split("/").pop();
      if (binary === "env") {
        return argument;
      }
      return argument ? `${binary} ${argument}` : binary;
    };
  }
});

// node_modules/cross-spawn/lib/util/readShebang.js
var require_readShebang = __commonJS({
  "node_modules/cross-spawn/lib/util/readShebang.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var shebangCommand = require_shebang_command();
    function readShebang(command) {
      const size = 150;
      const buffer = Buffer.alloc(size);
      let fd;
      try {
        fd = fs.openSync(command, "r");
        fs.readSync(fd, buffer, 0, size, 0);
        fs.closeSync(fd);
      } catch (e) {
      }
      return shebangCommand(buffer.toString());
    }
    module.exports = readShebang;
  }
});

// node_modules/cross-spawn/lib/parse.js
var require_parse = __commonJS({
  "node_modules/cross-spawn/lib/parse.js"(exports, module) {
    "use strict";
    var path15 = __require("path");
    var resolveCommand = require_resolveCommand();
    var escape = require_escape();
    var readShebang = require_readShebang();
    var isWin = process.platform === "win32";
    var isExecutableRegExp = /\.(?:com|exe)$/i;
    var isCmdShimRegExp = /node_modules[\\/].bin[\\/][^\\/]+\.cmd$/i;
    function detectShebang(parsed) {
      parsed.file = resolveCommand(parsed);
      const shebang = parsed.file && readShebang(parsed.file);
      if (shebang) {
        parsed.args.unshift(parsed.file);
        parsed.command = shebang;
        return resolveCommand(parsed);
      }
      return parsed.file;
    }
    function parseNonShell(parsed) {
      if (!isWin) {
        return parsed;
      }
      const commandFile = detectShebang(parsed);
      const needsShell = !isExecutableRegExp.test(commandFile);
      if (parsed.options.forceShell || needsShell) {
        const needsDoubleEscapeMetaChars = isCmdShimRegExp.test(commandFile);
        parsed.command = path15.normalize(parsed.command);
        parsed.command = escape.command(parsed.command);
        parsed.args = parsed.args.map((arg) => escape.argument(arg, needsDoubleEscapeMetaChars));
        const shellCommand = [parsed.command].concat(parsed.args).join(" ");
        parsed.args = ["/d", "/s", "/c", `"${shellCommand}"`];
        parsed.command = process.env.comspec || "cmd.exe";
        parsed.options.windowsVerbatimArguments = true;
      }
      return parsed;
    }
    function parse(command, args, options) {
      if (args && !Array.isArray(args)) {
        options = args;
        args = null;
      }
      args = args ? args.slice(0) : [];
      options = Object.assign({}, options);
      const parsed = {
        command,
        args,
        options,
        file: void 0,
        original: {
          command,
          args
        }
      };
      return options.shell ? parsed : parseNonShell(parsed);
    }
    module.exports = parse;
  }
});

// node_modules/cross-spawn/lib/enoent.js
var require_enoent = __commonJS({
  "node_modules/cross-spawn/lib/enoent.js"(exports, module) {
    "use strict";
    var isWin = process.platform === "win32";
    function notFoundError(original, syscall) {
      return Object.assign(new Error(`${syscall} ${original.command} ENOENT`), {
        code: "ENOENT",
        errno: "ENOENT",
        syscall: `${syscall} ${original.command}`,
        path: original.command,
        spawnargs: original.args
      });
    }
    function hookChildProcess(cp, parsed) {
      if (!isWin) {
        return;
      }
      const originalEmit = cp.emit;
      cp.emit = function(name, arg1) {
        if (name === "exit") {
          const err = verifyENOENT(arg1, parsed);
          if (err) {
            return originalEmit.call(cp, "error", err);
          }
        }
        return originalEmit.apply(cp, arguments);
      };
    }
    function verifyENOENT(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawn");
      }
      return null;
    }
    function verifyENOENTSync(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawnSync");
      }
      return null;
    }
    module.exports = {
      hookChildProcess,
      verifyENOENT,
      verifyENOENTSync,
      notFoundError
    };
  }
});

// node_modules/cross-spawn/index.js
var require_cross_spawn = __commonJS({
  "node_modules/cross-spawn/index.js"(exports, module) {
    "use strict";
    var cp = __require("child_process");
    var parse = require_parse();
    var enoent = require_enoent();
    function spawn4(command, args, options) {
      const parsed = parse(command, args, options);
      const spawned = cp.spawn(parsed.command, parsed.args, parsed.options);
      enoent.hookChildProcess(spawned, parsed);
      return spawned;
    }
    function spawnSync2(command, args, options) {
      const parsed = parse(command, args, options);
      const result = cp.spawnSync(parsed.command, parsed.args, parsed.options);
      result.error = result.error || enoent.verifyENOENTSync(result.status, parsed);
      return result;
    }
    module.exports = spawn4;
    module.exports.spawn = spawn4;
    module.exports.sync = spawnSync2;
    module.exports._parse = parse;
    module.exports._enoent = enoent;
  }
});

// src/ledger/evidence.ts
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
function evidenceDir(runDir, caseId) {
  return path.join(runDir, "evidence", caseId);
}
function resultPath(runDir, caseId) {
  return path.join(runDir, "cases", `${caseId}.result.json`);
}
function writeEvidence(runDir, caseId, name, data) {
  const file = path.join(evidenceDir(runDir, caseId), name);
  writeFileAtomic(file, data);
  return file;
}
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile() && !e.name.endsWith(SIDECAR_EXT) && !e.name.endsWith(".tmp")) out.push(p);
  }
  return out;
}
function sealEvidence(runDir, caseId) {
  const dir = evidenceDir(runDir, caseId);
  mkdirSync(dir, { recursive: true });
  const entries = listFiles(dir).map((file) => {
    const { sha256: sha2562, bytes } = writeSidecar(file);
    return { path: toPosix(path.relative(runDir, file)), sha256: sha2562, bytes };
  });
  return entries.sort((a, b) => compareC(a.path, b.path));
}

// src/opencode/provider-fault.ts
var CLASS_TEXT = {
  rejected_key: "the provider rejected the key",
  rate_limited: "the provider rate-limited the request",
  unavailable: "the provider was unavailable",
  broke_stream: "the provider broke the stream"
};
var STREAM = /socket connection was closed unexpectedly|connection reset|ECONNRESET|premature close|other side closed|terminated|JSON parsing failed|Invalid JSON|unexpected end of (JSON|data|stream)/i;
var UNREACHABLE = /Unable to connect|typo in the url|ECONNREFUSED|ConnectionRefused|ENOTFOUND|EAI_AGAIN|getaddrinfo|FailedToOpenSocket|EHOSTUNREACH|ENETUNREACH|network is unreachable|certificate/i;
var RATE = /rate.?limit|too many requests|quota/i;
var OVERLOAD = /overload|unavailable|internal server error|bad gateway|gateway time-?out|server error|capacity/i;
function classify(e, retrying = false) {
  if (e.name === "MessageAbortedError" || e.name === "MessageOutputLengthError") return void 0;
  if (e.name === "ProviderAuthError") return { cls: "rejected_key", unreachable: false };
  const s = e.statusCode;
  if (s === 401 || s === 403) return { cls: "rejected_key", unreachable: false };
  if (s === 429) return { cls: "rate_limited", unreachable: false };
  if (s !== void 0 && (s >= 500 || s === 408)) return { cls: "unavailable", unreachable: false };
  if (s !== void 0) return void 0;
  if (STREAM.test(e.message)) return { cls: "broke_stream", unreachable: false };
  if (UNREACHABLE.test(e.message)) return { cls: "unavailable", unreachable: true };
  if (RATE.test(e.message)) return { cls: "rate_limited", unreachable: false };
  if (OVERLOAD.test(e.message) || retrying) return { cls: "unavailable", unreachable: false };
  return void 0;
}
function retryDecision(r, deadline) {
  const c = classify({ message: r.message }, true);
  if (c?.unreachable) return { stop: true, reason: "the provider cannot be reached: not waiting for retries" };
  if (r.next > deadline) return { stop: true, reason: `OpenCode's next retry would come ${Math.round((r.next - deadline) / 1e3)} s after the latency budget` };
  return { stop: false };
}
function retryAfterMs(headers) {
  const v = headers?.["retry-after"] ?? headers?.["Retry-After"];
  if (v === void 0) return null;
  if (/^[0-9]+(\.[0-9]+)?$/.test(v.trim())) return Math.round(Number(v) * 1e3);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}
var oneLine = (s) => s.replace(/\s+/g, " ").trim();
function providerAnswered(messages) {
  const last = messages.filter((m) => m.info?.role === "assistant").at(-1);
  return !!last?.parts?.some((p) => p.type === "step-finish");
}
function lastAssistantError(messages) {
  const last = messages.filter((m) => m.info?.role === "assistant").at(-1);
  return last?.info?.error;
}
function providerFault(r) {
  const retries = (r.retries ?? []).map((x) => ({ ...x, message: oneLine(x.message) }));
  const lastRetry = retries.at(-1);
  const err = lastAssistantError(r.messages);
  const errMessage = oneLine(err?.data?.message ?? "");
  const fromError = err ? classify({ name: err.name, statusCode: err.data?.statusCode, message: errMessage }) : void 0;
  const base = { retries: retries.length, retry_after_ms: retryAfterMs(err?.data?.responseHeaders) };
  if (fromError && err) {
    const status = err.data?.statusCode ?? null;
    return {
      class: fromError.cls,
      outcome: "failed",
      summary: `${CLASS_TEXT[fromError.cls]}${status ? ` (HTTP ${status})` : ""}: ${errMessage.slice(0, 120)}${retries.length ? `; OpenCode gave up after ${retries.length} retries` : ""}`,
      http_status: status,
      unreachable: fromError.unreachable,
      ...base,
      stopped_by: "opencode",
      stop_reason: retries.length ? `OpenCode gave up after ${retries.length} retries` : "OpenCode does not retry this error",
      message: errMessage.slice(0, 300),
      source: "message.error"
    };
  }
  if (!lastRetry) return void 0;
  const c = classify({ message: lastRetry.message }, true);
  const endedOnRetry = r.stoppedEarly !== void 0 || r.timedOut && r.finalStatus === "retry" || !r.timedOut && !providerAnswered(r.messages);
  const stopReason = r.stoppedEarly ?? (r.timedOut ? "the latency budget ran out while OpenCode was retrying" : `OpenCode stopped after ${retries.length} retries`);
  const outcome = endedOnRetry ? "failed" : "recovered";
  return {
    class: c.cls,
    outcome,
    summary: outcome === "failed" ? `${CLASS_TEXT[c.cls]}${c.unreachable ? " (cannot be reached)" : ""}: ${lastRetry.message.slice(0, 120)}; ${stopReason}` : `${CLASS_TEXT[c.cls]} (${lastRetry.message.slice(0, 120)}); OpenCode retried ${retries.length} time(s) and the provider answered`,
    http_status: null,
    unreachable: c.unreachable,
    ...base,
    stopped_by: outcome === "failed" ? r.stoppedEarly !== void 0 || r.timedOut ? "harness" : "opencode" : null,
    stop_reason: outcome === "failed" ? stopReason : null,
    message: lastRetry.message.slice(0, 300),
    source: "session.status"
  };
}
function providerErrorFile(results) {
  const faults = results.map(providerFault).filter((f) => !!f);
  if (faults.length === 0) return void 0;
  const decisive = faults.find((f) => f.outcome === "failed") ?? faults[0];
  return {
    schema_id: "opencode_dogfood_provider_error",
    schema_version: "1.0",
    class: decisive.class,
    outcome: decisive.outcome,
    summary: decisive.summary,
    faults
  };
}

// src/git.ts
import { spawn } from "node:child_process";
import { lstatSync } from "node:fs";
var GIT_TIME_LIMIT_MS = 6e5;
var FIFO_POLL_MS = 500;
var GIT_LOCATION_VARS = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_COMMON_DIR",
  "GIT_OBJECT_DIRECTORY",
  "GIT_NAMESPACE",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES"
];
var NEUTRAL_CONFIG = [
  ["core.fsmonitor", "false"],
  ["core.hooksPath", "/dev/null"],
  ["core.pager", "cat"],
  ["core.editor", ":"],
  ["sequence.editor", ":"],
  ["core.sshCommand", "false"],
  ["core.askPass", ""],
  ["credential.helper", ""],
  ["protocol.allow", "never"],
  ["gpg.program", "false"],
  ["gpg.ssh.program", "false"],
  ["gpg.x509.program", "false"],
  ["log.showSignature", "false"],
  ["commit.gpgSign", "false"],
  ["tag.gpgSign", "false"],
  ["gc.auto", "0"],
  ["maintenance.auto", "false"],
  ["submodule.recurse", "false"],
  // Never into a submodule: git status/diff start git in each one, where a filter named in the submodule's own
  // config (which the agent can write: a repository made in a committed gitlink folder) would run here.
  ["diff.ignoreSubmodules", "all"],
  ["status.submoduleSummary", "false"],
  ["color.ui", "false"]
];
var DIFF_COMMANDS = /* @__PURE__ */ new Set(["diff", "log", "show"]);
var EXT_DIFF_FLAGS = ["--no-ext-diff", "--no-textconv"];
function subcommand(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-c" || a === "-C" || a === "--git-dir" || a === "--work-tree" || a === "--namespace") i++;
    else if (!a.startsWith("-")) return { name: a, at: i };
  }
  return void 0;
}
function mayRunFilters(args) {
  const sub = subcommand(args);
  if (!sub) return false;
  const rest = args.slice(sub.at + 1);
  switch (sub.name) {
    case "rev-parse":
    case "config":
    case "check-attr":
    case "check-ignore":
    case "ls-tree":
    case "for-each-ref":
    case "show-ref":
    case "symbolic-ref":
    case "update-ref":
    case "init":
    case "version":
      return false;
    case "cat-file":
      return rest.some((a) => a === "--filters" || a === "--textconv");
    case "hash-object":
      return !rest.includes("--no-filters");
    case "ls-files":
      return rest.some((a) => a === "-m" || a === "--modified" || /^-[a-zA-Z]*m/.test(a));
    case "worktree":
      return !(rest[0] === "list" || rest[0] === "prune");
    default:
      return true;
  }
}
function neutralConfig(base, filters = []) {
  const pairs = [...NEUTRAL_CONFIG.map(([k, v]) => [k, v])];
  for (const name of filters)
    for (const [v, value] of [
      ["clean", ""],
      ["smudge", ""],
      ["process", ""],
      ["required", "false"]
    ])
      pairs.push([`filter.${name}.${v}`, value]);
  const start = Number.parseInt(base.GIT_CONFIG_COUNT ?? "0", 10);
  const n = Number.isFinite(start) && start > 0 ? start : 0;
  const out = { GIT_CONFIG_COUNT: String(n + pairs.length) };
  pairs.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${n + i}`] = k;
    out[`GIT_CONFIG_VALUE_${n + i}`] = v;
  });
  return out;
}
function gitEnv(extra, filters = []) {
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", OPENCODE_DOGFOOD_GIT: "1" };
  for (const v of GIT_LOCATION_VARS) delete env[v];
  delete env.GIT_EXTERNAL_DIFF;
  Object.assign(env, { GIT_PAGER: "cat", PAGER: "cat", GIT_EDITOR: ":", GIT_SEQUENCE_EDITOR: ":" });
  for (const v of ["GIT_TRACE2", "GIT_TRACE2_EVENT", "GIT_TRACE2_PERF"]) env[v] ??= "0";
  const merged = { ...env, ...extra };
  return { ...merged, ...neutralConfig(merged, filters) };
}
async function filterDrivers(cwd, env, timeLimitMs) {
  const r = await spawnGit(cwd, ["config", "-z", "--name-only", "--get-regexp", "^filter\\."], gitEnv(env), void 0, void 0, timeLimitMs);
  if (r.exitCode !== 0) return [];
  const names = /* @__PURE__ */ new Set();
  for (const key of r.stdout.toString("utf8").split("\0")) {
    const first = key.indexOf(".");
    const last = key.lastIndexOf(".");
    if (first >= 0 && last > first) names.add(key.slice(first + 1, last));
  }
  return [...names];
}
function worktreeRemoved(args) {
  const sub = subcommand(args);
  if (sub?.name !== "worktree" || args[sub.at + 1] !== "remove") return void 0;
  return args.at(-1);
}
function isDirNoFollow(p) {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}
function withDiffFlags(args) {
  const sub = subcommand(args);
  if (!sub || !DIFF_COMMANDS.has(sub.name)) return args;
  return [...args.slice(0, sub.at + 1), ...EXT_DIFF_FLAGS, ...args.slice(sub.at + 1)];
}
function spawnGit(cwd, args, env, input, maxStdoutBytes = Number.POSITIVE_INFINITY, timeLimitMs = GIT_TIME_LIMIT_MS) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env, detached: true, stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let taken = 0;
    let ended;
    let waits = 0;
    const endAll = (why) => {
      ended ??= why;
      killGroup(child.pid);
    };
    const timer2 = setTimeout(() => endAll("late"), timeLimitMs);
    const poll = setInterval(() => {
      waits = child.pid !== void 0 && waitsOnFifo(child.pid) ? waits + 1 : 0;
      if (waits >= 2) endAll("fifo");
    }, FIFO_POLL_MS);
    let grace;
    const stop2 = () => {
      clearTimeout(timer2);
      clearInterval(poll);
      clearTimeout(grace);
    };
    child.stdout.on("data", (d) => {
      if (ended === "over") return;
      taken += d.length;
      if (taken > maxStdoutBytes) {
        endAll("over");
        return;
      }
      out.push(d);
    });
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", (e) => {
      stop2();
      reject(e);
    });
    child.on("exit", () => {
      grace = setTimeout(() => {
        killGroup(child.pid, false);
        child.stdout.destroy();
        child.stderr.destroy();
      }, EXIT_GRACE_MS);
    });
    child.on("close", (code) => {
      stop2();
      const stderr = Buffer.concat(err).toString("utf8");
      const stdout = Buffer.concat(out);
      if (ended === "fifo") {
        const why = "git waited on opening a FIFO (a named pipe in the place of a file git reads: its config, an include, HEAD, a .gitignore\u2026): ended\n";
        resolve({ exitCode: -1, stdout, stderr: `${stderr}${why}` });
      } else if (ended === "late") resolve({ exitCode: -1, stdout, stderr: `${stderr}git did not finish within ${timeLimitMs} ms: ended
` });
      else if (ended === "over") resolve({ exitCode: -1, stdout, stderr: `${stderr}git's output passed ${maxStdoutBytes} bytes: ended
` });
      else resolve({ exitCode: code ?? 1, stdout, stderr });
    });
    if (child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(input);
    }
  });
}
var EXIT_GRACE_MS = 2e3;
function killGroup(pid, alone = true) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    if (!alone) return;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
    }
  }
}
async function gitRaw(cwd, args, opts = {}) {
  const filters = mayRunFilters(args) ? await filterDrivers(cwd, opts.env, opts.timeLimitMs) : [];
  const removed = worktreeRemoved(args);
  if (removed && isDirNoFollow(removed)) filters.push(...await filterDrivers(removed, opts.env, opts.timeLimitMs));
  return spawnGit(cwd, withDiffFlags(args), gitEnv(opts.env, filters), opts.input, opts.maxStdoutBytes, opts.timeLimitMs);
}
async function git(cwd, args, opts = {}) {
  const r = await gitRaw(cwd, args, opts);
  return { exitCode: r.exitCode, stdout: r.stdout.toString("utf8"), stderr: r.stderr };
}
async function gitOk(cwd, args, opts = {}) {
  const r = await git(cwd, args, opts);
  if (r.exitCode !== 0) throw new GitError(args, r.exitCode, r.stderr);
  return r.stdout;
}
function splitNul(text) {
  const parts = text.split("\0");
  if (parts.at(-1) === "") parts.pop();
  return parts;
}

// node_modules/@opencode-ai/sdk/dist/gen/core/serverSentEvents.gen.js
var createSseClient = ({ onSseError, onSseEvent, responseTransformer, responseValidator, sseDefaultRetryDelay, sseMaxRetryAttempts, sseMaxRetryDelay, sseSleepFn, url, ...options }) => {
  let lastEventId;
  const sleep3 = sseSleepFn ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const createStream = async function* () {
    let retryDelay = sseDefaultRetryDelay ?? 3e3;
    let attempt = 0;
    const signal = options.signal ?? new AbortController().signal;
    while (true) {
      if (signal.aborted)
        break;
      attempt++;
      const headers = options.headers instanceof Headers ? options.headers : new Headers(options.headers);
      if (lastEventId !== void 0) {
        headers.set("Last-Event-ID", lastEventId);
      }
      try {
        const response = await fetch(url, { ...options, headers, signal });
        if (!response.ok)
          throw new Error(`SSE failed: ${response.status} ${response.statusText}`);
        if (!response.body)
          throw new Error("No body in SSE response");
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        const abortHandler = () => {
          try {
            void reader.cancel();
          } catch {
          }
        };
        signal.addEventListener("abort", abortHandler);
        try {
          while (true) {
            const { done, value } = await reader.read();
            if (done)
              break;
            buffer += value;
            const chunks = buffer.split("\n\n");
            buffer = chunks.pop() ?? "";
            for (const chunk2 of chunks) {
              const lines = chunk2.split("\n");
              const dataLines = [];
              let eventName;
              for (const line of lines) {
                if (line.startsWith("data:")) {
                  dataLines.push(line.replace(/^data:\s*/, ""));
                } else if (line.startsWith("event:")) {
                  eventName = line.replace(/^event:\s*/, "");
                } else if (line.startsWith("id:")) {
                  lastEventId = line.replace(/^id:\s*/, "");
                } else if (line.startsWith("retry:")) {
                  const parsed = Number.parseInt(line.replace(/^retry:\s*/, ""), 10);
                  if (!Number.isNaN(parsed)) {
                    retryDelay = parsed;
                  }
                }
              }
              let data;
              let parsedJson = false;
              if (dataLines.length) {
                const rawData = dataLines.join("\n");
                try {
                  data = JSON.parse(rawData);
                  parsedJson = true;
                } catch {
                  data = rawData;
                }
              }
              if (parsedJson) {
                if (responseValidator) {
                  await responseValidator(data);
                }
                if (responseTransformer) {
                  data = await responseTransformer(data);
                }
              }
              onSseEvent?.({
                data,
                event: eventName,
                id: lastEventId,
                retry: retryDelay
              });
              if (dataLines.length) {
                yield data;
              }
            }
          }
        } finally {
          signal.removeEventListener("abort", abortHandler);
          reader.releaseLock();
        }
        break;
      } catch (error) {
        onSseError?.(error);
        if (sseMaxRetryAttempts !== void 0 && attempt >= sseMaxRetryAttempts) {
          break;
        }
        const backoff = Math.min(retryDelay * 2 ** (attempt - 1), sseMaxRetryDelay ?? 3e4);
        await sleep3(backoff);
      }
    }
  };
  const stream = createStream();
  return { stream };
};

// node_modules/@opencode-ai/sdk/dist/gen/core/auth.gen.js
var getAuthToken = async (auth, callback) => {
  const token = typeof callback === "function" ? await callback(auth) : callback;
  if (!token) {
    return;
  }
  if (auth.scheme === "bearer") {
    return `Bearer ${token}`;
  }
  if (auth.scheme === "basic") {
    return `Basic ${btoa(token)}`;
  }
  return token;
};

// node_modules/@opencode-ai/sdk/dist/gen/core/bodySerializer.gen.js
var jsonBodySerializer = {
  bodySerializer: (body) => JSON.stringify(body, (_key, value) => typeof value === "bigint" ? value.toString() : value)
};

// node_modules/@opencode-ai/sdk/dist/gen/core/pathSerializer.gen.js
var separatorArrayExplode = (style) => {
  switch (style) {
    case "label":
      return ".";
    case "matrix":
      return ";";
    case "simple":
      return ",";
    default:
      return "&";
  }
};
var separatorArrayNoExplode = (style) => {
  switch (style) {
    case "form":
      return ",";
    case "pipeDelimited":
      return "|";
    case "spaceDelimited":
      return "%20";
    default:
      return ",";
  }
};
var separatorObjectExplode = (style) => {
  switch (style) {
    case "label":
      return ".";
    case "matrix":
      return ";";
    case "simple":
      return ",";
    default:
      return "&";
  }
};
var serializeArrayParam = ({ allowReserved, explode, name, style, value }) => {
  if (!explode) {
    const joinedValues2 = (allowReserved ? value : value.map((v) => encodeURIComponent(v))).join(separatorArrayNoExplode(style));
    switch (style) {
      case "label":
        return `.${joinedValues2}`;
      case "matrix":
        return `;${name}=${joinedValues2}`;
      case "simple":
        return joinedValues2;
      default:
        return `${name}=${joinedValues2}`;
    }
  }
  const separator = separatorArrayExplode(style);
  const joinedValues = value.map((v) => {
    if (style === "label" || style === "simple") {
      return allowReserved ? v : encodeURIComponent(v);
    }
    return serializePrimitiveParam({
      allowReserved,
      name,
      value: v
    });
  }).join(separator);
  return style === "label" || style === "matrix" ? separator + joinedValues : joinedValues;
};
var serializePrimitiveParam = ({ allowReserved, name, value }) => {
  if (value === void 0 || value === null) {
    return "";
  }
  if (typeof value === "object") {
    throw new Error("Deeply-nested arrays/objects aren\u2019t supported. Provide your own `querySerializer()` to handle these.");
  }
  return `${name}=${allowReserved ? value : encodeURIComponent(value)}`;
};
var serializeObjectParam = ({ allowReserved, explode, name, style, value, valueOnly }) => {
  if (value instanceof Date) {
    return valueOnly ? value.toISOString() : `${name}=${value.toISOString()}`;
  }
  if (style !== "deepObject" && !explode) {
    let values = [];
    Object.entries(value).forEach(([key, v]) => {
      values = [...values, key, allowReserved ? v : encodeURIComponent(v)];
    });
    const joinedValues2 = values.join(",");
    switch (style) {
      case "form":
        return `${name}=${joinedValues2}`;
      case "label":
        return `.${joinedValues2}`;
      case "matrix":
        return `;${name}=${joinedValues2}`;
      default:
        return joinedValues2;
    }
  }
  const separator = separatorObjectExplode(style);
  const joinedValues = Object.entries(value).map(([key, v]) => serializePrimitiveParam({
    allowReserved,
    name: style === "deepObject" ? `${name}[${key}]` : key,
    value: v
  })).join(separator);
  return style === "label" || style === "matrix" ? separator + joinedValues : joinedValues;
};

// node_modules/@opencode-ai/sdk/dist/gen/core/utils.gen.js
var PATH_PARAM_RE = /\{[^{}]+\}/g;
var defaultPathSerializer = ({ path: path15, url: _url }) => {
  let url = _url;
  const matches = _url.match(PATH_PARAM_RE);
  if (matches) {
    for (const match of matches) {
      let explode = false;
      let name = match.substring(1, match.length - 1);
      let style = "simple";
      if (name.endsWith("*")) {
        explode = true;
        name = name.substring(0, name.length - 1);
      }
      if (name.startsWith(".")) {
        name = name.substring(1);
        style = "label";
      } else if (name.startsWith(";")) {
        name = name.substring(1);
        style = "matrix";
      }
      const value = path15[name];
      if (value === void 0 || value === null) {
        continue;
      }
      if (Array.isArray(value)) {
        url = url.replace(match, serializeArrayParam({ explode, name, style, value }));
        continue;
      }
      if (typeof value === "object") {
        url = url.replace(match, serializeObjectParam({
          explode,
          name,
          style,
          value,
          valueOnly: true
        }));
        continue;
      }
      if (style === "matrix") {
        url = url.replace(match, `;${serializePrimitiveParam({
          name,
          value
        })}`);
        continue;
      }
      const replaceValue = encodeURIComponent(style === "label" ? `.${value}` : value);
      url = url.replace(match, replaceValue);
    }
  }
  return url;
};
var getUrl = ({ baseUrl, path: path15, query, querySerializer, url: _url }) => {
  const pathUrl = _url.startsWith("/") ? _url : `/${_url}`;
  let url = (baseUrl ?? "") + pathUrl;
  if (path15) {
    url = defaultPathSerializer({ path: path15, url });
  }
  let search = query ? querySerializer(query) : "";
  if (search.startsWith("?")) {
    search = search.substring(1);
  }
  if (search) {
    url += `?${search}`;
  }
  return url;
};

// node_modules/@opencode-ai/sdk/dist/gen/client/utils.gen.js
var createQuerySerializer = ({ allowReserved, array, object } = {}) => {
  const querySerializer = (queryParams) => {
    const search = [];
    if (queryParams && typeof queryParams === "object") {
      for (const name in queryParams) {
        const value = queryParams[name];
        if (value === void 0 || value === null) {
          continue;
        }
        if (Array.isArray(value)) {
          const serializedArray = serializeArrayParam({
            allowReserved,
            explode: true,
            name,
            style: "form",
            value,
            ...array
          });
          if (serializedArray)
            search.push(serializedArray);
        } else if (typeof value === "object") {
          const serializedObject = serializeObjectParam({
            allowReserved,
            explode: true,
            name,
            style: "deepObject",
            value,
            ...object
          });
          if (serializedObject)
            search.push(serializedObject);
        } else {
          const serializedPrimitive = serializePrimitiveParam({
            allowReserved,
            name,
            value
          });
          if (serializedPrimitive)
            search.push(serializedPrimitive);
        }
      }
    }
    return search.join("&");
  };
  return querySerializer;
};
var getParseAs = (contentType) => {
  if (!contentType) {
    return "stream";
  }
  const cleanContent = contentType.split(";")[0]?.trim();
  if (!cleanContent) {
    return;
  }
  if (cleanContent.startsWith("application/json") || cleanContent.endsWith("+json")) {
    return "json";
  }
  if (cleanContent === "multipart/form-data") {
    return "formData";
  }
  if (["application/", "audio/", "image/", "video/"].some((type) => cleanContent.startsWith(type))) {
    return "blob";
  }
  if (cleanContent.startsWith("text/")) {
    return "text";
  }
  return;
};
var checkForExistence = (options, name) => {
  if (!name) {
    return false;
  }
  if (options.headers.has(name) || options.query?.[name] || options.headers.get("Cookie")?.includes(`${name}=`)) {
    return true;
  }
  return false;
};
var setAuthParams = async ({ security, ...options }) => {
  for (const auth of security) {
    if (checkForExistence(options, auth.name)) {
      continue;
    }
    const token = await getAuthToken(auth, options.auth);
    if (!token) {
      continue;
    }
    const name = auth.name ?? "Authorization";
    switch (auth.in) {
      case "query":
        if (!options.query) {
          options.query = {};
        }
        options.query[name] = token;
        break;
      case "cookie":
        options.headers.append("Cookie", `${name}=${token}`);
        break;
      case "header":
      default:
        options.headers.set(name, token);
        break;
    }
  }
};
var buildUrl = (options) => getUrl({
  baseUrl: options.baseUrl,
  path: options.path,
  query: options.query,
  querySerializer: typeof options.querySerializer === "function" ? options.querySerializer : createQuerySerializer(options.querySerializer),
  url: options.url
});
var mergeConfigs = (a, b) => {
  const config = { ...a, ...b };
  if (config.baseUrl?.endsWith("/")) {
    config.baseUrl = config.baseUrl.substring(0, config.baseUrl.length - 1);
  }
  config.headers = mergeHeaders(a.headers, b.headers);
  return config;
};
var mergeHeaders = (...headers) => {
  const mergedHeaders = new Headers();
  for (const header of headers) {
    if (!header || typeof header !== "object") {
      continue;
    }
    const iterator = header instanceof Headers ? header.entries() : Object.entries(header);
    for (const [key, value] of iterator) {
      if (value === null) {
        mergedHeaders.delete(key);
      } else if (Array.isArray(value)) {
        for (const v of value) {
          mergedHeaders.append(key, v);
        }
      } else if (value !== void 0) {
        mergedHeaders.set(key, typeof value === "object" ? JSON.stringify(value) : value);
      }
    }
  }
  return mergedHeaders;
};
var Interceptors = class {
  _fns;
  constructor() {
    this._fns = [];
  }
  clear() {
    this._fns = [];
  }
  getInterceptorIndex(id) {
    if (typeof id === "number") {
      return this._fns[id] ? id : -1;
    } else {
      return this._fns.indexOf(id);
    }
  }
  exists(id) {
    const index = this.getInterceptorIndex(id);
    return !!this._fns[index];
  }
  eject(id) {
    const index = this.getInterceptorIndex(id);
    if (this._fns[index]) {
      this._fns[index] = null;
    }
  }
  update(id, fn) {
    const index = this.getInterceptorIndex(id);
    if (this._fns[index]) {
      this._fns[index] = fn;
      return id;
    } else {
      return false;
    }
  }
  use(fn) {
    this._fns = [...this._fns, fn];
    return this._fns.length - 1;
  }
};
var createInterceptors = () => ({
  error: new Interceptors(),
  request: new Interceptors(),
  response: new Interceptors()
});
var defaultQuerySerializer = createQuerySerializer({
  allowReserved: false,
  array: {
    explode: true,
    style: "form"
  },
  object: {
    explode: true,
    style: "deepObject"
  }
});
var defaultHeaders = {
  "Content-Type": "application/json"
};
var createConfig = (override = {}) => ({
  ...jsonBodySerializer,
  headers: defaultHeaders,
  parseAs: "auto",
  querySerializer: defaultQuerySerializer,
  ...override
});

// node_modules/@opencode-ai/sdk/dist/gen/client/client.gen.js
var createClient = (config = {}) => {
  let _config = mergeConfigs(createConfig(), config);
  const getConfig = () => ({ ..._config });
  const setConfig = (config2) => {
    _config = mergeConfigs(_config, config2);
    return getConfig();
  };
  const interceptors = createInterceptors();
  const beforeRequest = async (options) => {
    const opts = {
      ..._config,
      ...options,
      fetch: options.fetch ?? _config.fetch ?? globalThis.fetch,
      headers: mergeHeaders(_config.headers, options.headers),
      serializedBody: void 0
    };
    if (opts.security) {
      await setAuthParams({
        ...opts,
        security: opts.security
      });
    }
    if (opts.requestValidator) {
      await opts.requestValidator(opts);
    }
    if (opts.body && opts.bodySerializer) {
      opts.serializedBody = opts.bodySerializer(opts.body);
    }
    if (opts.serializedBody === void 0 || opts.serializedBody === "") {
      opts.headers.delete("Content-Type");
    }
    const url = buildUrl(opts);
    return { opts, url };
  };
  const request = async (options) => {
    const { opts, url } = await beforeRequest(options);
    const requestInit = {
      redirect: "follow",
      ...opts,
      body: opts.serializedBody
    };
    let request2 = new Request(url, requestInit);
    for (const fn of interceptors.request._fns) {
      if (fn) {
        request2 = await fn(request2, opts);
      }
    }
    const _fetch = opts.fetch;
    let response = await _fetch(request2);
    for (const fn of interceptors.response._fns) {
      if (fn) {
        response = await fn(response, request2, opts);
      }
    }
    const result = {
      request: request2,
      response
    };
    if (response.ok) {
      if (response.status === 204 || response.headers.get("Content-Length") === "0") {
        return opts.responseStyle === "data" ? {} : {
          data: {},
          ...result
        };
      }
      const parseAs = (opts.parseAs === "auto" ? getParseAs(response.headers.get("Content-Type")) : opts.parseAs) ?? "json";
      let data;
      switch (parseAs) {
        case "arrayBuffer":
        case "blob":
        case "formData":
        case "json":
        case "text":
          data = await response[parseAs]();
          break;
        case "stream":
          return opts.responseStyle === "data" ? response.body : {
            data: response.body,
            ...result
          };
      }
      if (parseAs === "json") {
        if (opts.responseValidator) {
          await opts.responseValidator(data);
        }
        if (opts.responseTransformer) {
          data = await opts.responseTransformer(data);
        }
      }
      return opts.responseStyle === "data" ? data : {
        data,
        ...result
      };
    }
    const textError = await response.text();
    let jsonError;
    try {
      jsonError = JSON.parse(textError);
    } catch {
    }
    const error = jsonError ?? textError;
    let finalError = error;
    for (const fn of interceptors.error._fns) {
      if (fn) {
        finalError = await fn(error, response, request2, opts);
      }
    }
    finalError = finalError || {};
    if (opts.throwOnError) {
      throw finalError;
    }
    return opts.responseStyle === "data" ? void 0 : {
      error: finalError,
      ...result
    };
  };
  const makeMethod = (method) => {
    const fn = (options) => request({ ...options, method });
    fn.sse = async (options) => {
      const { opts, url } = await beforeRequest(options);
      return createSseClient({
        ...opts,
        body: opts.body,
        headers: opts.headers,
        method,
        url
      });
    };
    return fn;
  };
  return {
    buildUrl,
    connect: makeMethod("CONNECT"),
    delete: makeMethod("DELETE"),
    get: makeMethod("GET"),
    getConfig,
    head: makeMethod("HEAD"),
    interceptors,
    options: makeMethod("OPTIONS"),
    patch: makeMethod("PATCH"),
    post: makeMethod("POST"),
    put: makeMethod("PUT"),
    request,
    setConfig,
    trace: makeMethod("TRACE")
  };
};

// node_modules/@opencode-ai/sdk/dist/gen/core/params.gen.js
var extraPrefixesMap = {
  $body_: "body",
  $headers_: "headers",
  $path_: "path",
  $query_: "query"
};
var extraPrefixes = Object.entries(extraPrefixesMap);

// node_modules/@opencode-ai/sdk/dist/gen/client.gen.js
var client = createClient(createConfig({
  baseUrl: "http://localhost:4096"
}));

// node_modules/@opencode-ai/sdk/dist/gen/sdk.gen.js
var _HeyApiClient = class {
  _client = client;
  constructor(args) {
    if (args?.client) {
      this._client = args.client;
    }
  }
};
var Global = class extends _HeyApiClient {
  /**
   * Get events
   */
  event(options) {
    return (options?.client ?? this._client).get.sse({
      url: "/global/event",
      ...options
    });
  }
};
var Project = class extends _HeyApiClient {
  /**
   * List all projects
   */
  list(options) {
    return (options?.client ?? this._client).get({
      url: "/project",
      ...options
    });
  }
  /**
   * Get the current project
   */
  current(options) {
    return (options?.client ?? this._client).get({
      url: "/project/current",
      ...options
    });
  }
};
var Pty = class extends _HeyApiClient {
  /**
   * List all PTY sessions
   */
  list(options) {
    return (options?.client ?? this._client).get({
      url: "/pty",
      ...options
    });
  }
  /**
   * Create a new PTY session
   */
  create(options) {
    return (options?.client ?? this._client).post({
      url: "/pty",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * Remove a PTY session
   */
  remove(options) {
    return (options.client ?? this._client).delete({
      url: "/pty/{id}",
      ...options
    });
  }
  /**
   * Get PTY session info
   */
  get(options) {
    return (options.client ?? this._client).get({
      url: "/pty/{id}",
      ...options
    });
  }
  /**
   * Update PTY session
   */
  update(options) {
    return (options.client ?? this._client).put({
      url: "/pty/{id}",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Connect to a PTY session
   */
  connect(options) {
    return (options.client ?? this._client).get({
      url: "/pty/{id}/connect",
      ...options
    });
  }
};
var Config = class extends _HeyApiClient {
  /**
   * Get config info
   */
  get(options) {
    return (options?.client ?? this._client).get({
      url: "/config",
      ...options
    });
  }
  /**
   * Update config
   */
  update(options) {
    return (options?.client ?? this._client).patch({
      url: "/config",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * List all providers
   */
  providers(options) {
    return (options?.client ?? this._client).get({
      url: "/config/providers",
      ...options
    });
  }
};
var Tool = class extends _HeyApiClient {
  /**
   * List all tool IDs (including built-in and dynamically registered)
   */
  ids(options) {
    return (options?.client ?? this._client).get({
      url: "/experimental/tool/ids",
      ...options
    });
  }
  /**
   * List tools with JSON schema parameters for a provider/model
   */
  list(options) {
    return (options.client ?? this._client).get({
      url: "/experimental/tool",
      ...options
    });
  }
};
var Instance = class extends _HeyApiClient {
  /**
   * Dispose the current instance
   */
  dispose(options) {
    return (options?.client ?? this._client).post({
      url: "/instance/dispose",
      ...options
    });
  }
};
var Path = class extends _HeyApiClient {
  /**
   * Get the current path
   */
  get(options) {
    return (options?.client ?? this._client).get({
      url: "/path",
      ...options
    });
  }
};
var Vcs = class extends _HeyApiClient {
  /**
   * Get VCS info for the current instance
   */
  get(options) {
    return (options?.client ?? this._client).get({
      url: "/vcs",
      ...options
    });
  }
};
var Session = class extends _HeyApiClient {
  /**
   * List all sessions
   */
  list(options) {
    return (options?.client ?? this._client).get({
      url: "/session",
      ...options
    });
  }
  /**
   * Create a new session
   */
  create(options) {
    return (options?.client ?? this._client).post({
      url: "/session",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * Get session status
   */
  status(options) {
    return (options?.client ?? this._client).get({
      url: "/session/status",
      ...options
    });
  }
  /**
   * Delete a session and all its data
   */
  delete(options) {
    return (options.client ?? this._client).delete({
      url: "/session/{id}",
      ...options
    });
  }
  /**
   * Get session
   */
  get(options) {
    return (options.client ?? this._client).get({
      url: "/session/{id}",
      ...options
    });
  }
  /**
   * Update session properties
   */
  update(options) {
    return (options.client ?? this._client).patch({
      url: "/session/{id}",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Get a session's children
   */
  children(options) {
    return (options.client ?? this._client).get({
      url: "/session/{id}/children",
      ...options
    });
  }
  /**
   * Get the todo list for a session
   */
  todo(options) {
    return (options.client ?? this._client).get({
      url: "/session/{id}/todo",
      ...options
    });
  }
  /**
   * Analyze the app and create an AGENTS.md file
   */
  init(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/init",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Fork an existing session at a specific message
   */
  fork(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/fork",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Abort a session
   */
  abort(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/abort",
      ...options
    });
  }
  /**
   * Unshare the session
   */
  unshare(options) {
    return (options.client ?? this._client).delete({
      url: "/session/{id}/share",
      ...options
    });
  }
  /**
   * Share a session
   */
  share(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/share",
      ...options
    });
  }
  /**
   * Get the diff for this session
   */
  diff(options) {
    return (options.client ?? this._client).get({
      url: "/session/{id}/diff",
      ...options
    });
  }
  /**
   * Summarize the session
   */
  summarize(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/summarize",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * List messages for a session
   */
  messages(options) {
    return (options.client ?? this._client).get({
      url: "/session/{id}/message",
      ...options
    });
  }
  /**
   * Create and send a new message to a session
   */
  prompt(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/message",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Get a message from a session
   */
  message(options) {
    return (options.client ?? this._client).get({
      url: "/session/{id}/message/{messageID}",
      ...options
    });
  }
  /**
   * Create and send a new message to a session, start if needed and return immediately
   */
  promptAsync(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/prompt_async",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Send a new command to a session
   */
  command(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/command",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Run a shell command
   */
  shell(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/shell",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Revert a message
   */
  revert(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/revert",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Restore all reverted messages
   */
  unrevert(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/unrevert",
      ...options
    });
  }
};
var Command = class extends _HeyApiClient {
  /**
   * List all commands
   */
  list(options) {
    return (options?.client ?? this._client).get({
      url: "/command",
      ...options
    });
  }
};
var Oauth = class extends _HeyApiClient {
  /**
   * Authorize a provider using OAuth
   */
  authorize(options) {
    return (options.client ?? this._client).post({
      url: "/provider/{id}/oauth/authorize",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Handle OAuth callback for a provider
   */
  callback(options) {
    return (options.client ?? this._client).post({
      url: "/provider/{id}/oauth/callback",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
};
var Provider = class extends _HeyApiClient {
  /**
   * List all providers
   */
  list(options) {
    return (options?.client ?? this._client).get({
      url: "/provider",
      ...options
    });
  }
  /**
   * Get provider authentication methods
   */
  auth(options) {
    return (options?.client ?? this._client).get({
      url: "/provider/auth",
      ...options
    });
  }
  oauth = new Oauth({ client: this._client });
};
var Find = class extends _HeyApiClient {
  /**
   * Find text in files
   */
  text(options) {
    return (options.client ?? this._client).get({
      url: "/find",
      ...options
    });
  }
  /**
   * Find files
   */
  files(options) {
    return (options.client ?? this._client).get({
      url: "/find/file",
      ...options
    });
  }
  /**
   * Find workspace symbols
   */
  symbols(options) {
    return (options.client ?? this._client).get({
      url: "/find/symbol",
      ...options
    });
  }
};
var File = class extends _HeyApiClient {
  /**
   * List files and directories
   */
  list(options) {
    return (options.client ?? this._client).get({
      url: "/file",
      ...options
    });
  }
  /**
   * Read a file
   */
  read(options) {
    return (options.client ?? this._client).get({
      url: "/file/content",
      ...options
    });
  }
  /**
   * Get file status
   */
  status(options) {
    return (options?.client ?? this._client).get({
      url: "/file/status",
      ...options
    });
  }
};
var App = class extends _HeyApiClient {
  /**
   * Write a log entry to the server logs
   */
  log(options) {
    return (options?.client ?? this._client).post({
      url: "/log",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * List all agents
   */
  agents(options) {
    return (options?.client ?? this._client).get({
      url: "/agent",
      ...options
    });
  }
};
var Auth = class extends _HeyApiClient {
  /**
   * Remove OAuth credentials for an MCP server
   */
  remove(options) {
    return (options.client ?? this._client).delete({
      url: "/mcp/{name}/auth",
      ...options
    });
  }
  /**
   * Start OAuth authentication flow for an MCP server
   */
  start(options) {
    return (options.client ?? this._client).post({
      url: "/mcp/{name}/auth",
      ...options
    });
  }
  /**
   * Complete OAuth authentication with authorization code
   */
  callback(options) {
    return (options.client ?? this._client).post({
      url: "/mcp/{name}/auth/callback",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  /**
   * Start OAuth flow and wait for callback (opens browser)
   */
  authenticate(options) {
    return (options.client ?? this._client).post({
      url: "/mcp/{name}/auth/authenticate",
      ...options
    });
  }
  /**
   * Set authentication credentials
   */
  set(options) {
    return (options.client ?? this._client).put({
      url: "/auth/{id}",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
};
var Mcp = class extends _HeyApiClient {
  /**
   * Get MCP server status
   */
  status(options) {
    return (options?.client ?? this._client).get({
      url: "/mcp",
      ...options
    });
  }
  /**
   * Add MCP server dynamically
   */
  add(options) {
    return (options?.client ?? this._client).post({
      url: "/mcp",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * Connect an MCP server
   */
  connect(options) {
    return (options.client ?? this._client).post({
      url: "/mcp/{name}/connect",
      ...options
    });
  }
  /**
   * Disconnect an MCP server
   */
  disconnect(options) {
    return (options.client ?? this._client).post({
      url: "/mcp/{name}/disconnect",
      ...options
    });
  }
  auth = new Auth({ client: this._client });
};
var Lsp = class extends _HeyApiClient {
  /**
   * Get LSP server status
   */
  status(options) {
    return (options?.client ?? this._client).get({
      url: "/lsp",
      ...options
    });
  }
};
var Formatter = class extends _HeyApiClient {
  /**
   * Get formatter status
   */
  status(options) {
    return (options?.client ?? this._client).get({
      url: "/formatter",
      ...options
    });
  }
};
var Control = class extends _HeyApiClient {
  /**
   * Get the next TUI request from the queue
   */
  next(options) {
    return (options?.client ?? this._client).get({
      url: "/tui/control/next",
      ...options
    });
  }
  /**
   * Submit a response to the TUI request queue
   */
  response(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/control/response",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
};
var Tui = class extends _HeyApiClient {
  /**
   * Append prompt to the TUI
   */
  appendPrompt(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/append-prompt",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * Open the help dialog
   */
  openHelp(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/open-help",
      ...options
    });
  }
  /**
   * Open the session dialog
   */
  openSessions(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/open-sessions",
      ...options
    });
  }
  /**
   * Open the theme dialog
   */
  openThemes(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/open-themes",
      ...options
    });
  }
  /**
   * Open the model dialog
   */
  openModels(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/open-models",
      ...options
    });
  }
  /**
   * Submit the prompt
   */
  submitPrompt(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/submit-prompt",
      ...options
    });
  }
  /**
   * Clear the prompt
   */
  clearPrompt(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/clear-prompt",
      ...options
    });
  }
  /**
   * Execute a TUI command (e.g. agent_cycle)
   */
  executeCommand(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/execute-command",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * Show a toast notification in the TUI
   */
  showToast(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/show-toast",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  /**
   * Publish a TUI event
   */
  publish(options) {
    return (options?.client ?? this._client).post({
      url: "/tui/publish",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options?.headers
      }
    });
  }
  control = new Control({ client: this._client });
};
var Event = class extends _HeyApiClient {
  /**
   * Get events
   */
  subscribe(options) {
    return (options?.client ?? this._client).get.sse({
      url: "/event",
      ...options
    });
  }
};
var OpencodeClient = class extends _HeyApiClient {
  /**
   * Respond to a permission request
   */
  postSessionIdPermissionsPermissionId(options) {
    return (options.client ?? this._client).post({
      url: "/session/{id}/permissions/{permissionID}",
      ...options,
      headers: {
        "Content-Type": "application/json",
        ...options.headers
      }
    });
  }
  global = new Global({ client: this._client });
  project = new Project({ client: this._client });
  pty = new Pty({ client: this._client });
  config = new Config({ client: this._client });
  tool = new Tool({ client: this._client });
  instance = new Instance({ client: this._client });
  path = new Path({ client: this._client });
  vcs = new Vcs({ client: this._client });
  session = new Session({ client: this._client });
  command = new Command({ client: this._client });
  provider = new Provider({ client: this._client });
  find = new Find({ client: this._client });
  file = new File({ client: this._client });
  app = new App({ client: this._client });
  mcp = new Mcp({ client: this._client });
  lsp = new Lsp({ client: this._client });
  formatter = new Formatter({ client: this._client });
  tui = new Tui({ client: this._client });
  auth = new Auth({ client: this._client });
  event = new Event({ client: this._client });
};

// node_modules/@opencode-ai/sdk/dist/error-interceptor.js
function wrapClientError(error, response, request, opts) {
  if (!opts?.throwOnError)
    return error;
  if (error instanceof Error)
    return error;
  if (typeof error === "object" && error !== null && Object.keys(error).length > 0) {
    const obj = error;
    const message = typeof obj.data?.message === "string" && obj.data.message || typeof obj.message === "string" && obj.message || typeof obj.name === "string" && obj.name || describe(request, response);
    return new Error(message, { cause: { body: error, status: response?.status } });
  }
  if (typeof error === "string" && error.length > 0) {
    return new Error(error, { cause: { body: error, status: response?.status } });
  }
  const reason = response ? "(empty response body)" : "network error (no response)";
  return new Error(`opencode server ${describe(request, response)}: ${reason}`, {
    cause: { body: error, status: response?.status }
  });
}
function describe(request, response) {
  const method = request?.method ?? "?";
  const url = request?.url ?? "?";
  const status = response?.status;
  const statusText = response?.statusText;
  return `${method} ${url}${status ? " \u2192 " + status : ""}${statusText ? " " + statusText : ""}`;
}

// node_modules/@opencode-ai/sdk/dist/client.js
function pick(value, fallback) {
  if (!value)
    return;
  if (!fallback)
    return value;
  if (value === fallback)
    return fallback;
  if (value === encodeURIComponent(fallback))
    return fallback;
  return value;
}
function rewrite(request, directory) {
  if (request.method !== "GET" && request.method !== "HEAD")
    return request;
  const value = pick(request.headers.get("x-opencode-directory"), directory);
  if (!value)
    return request;
  const url = new URL(request.url);
  if (!url.searchParams.has("directory")) {
    url.searchParams.set("directory", value);
  }
  const next = new Request(url, request);
  next.headers.delete("x-opencode-directory");
  return next;
}
function createOpencodeClient(config) {
  if (!config?.fetch) {
    const customFetch = (req) => {
      req.timeout = false;
      return fetch(req);
    };
    config = {
      ...config,
      fetch: customFetch
    };
  }
  if (config?.directory) {
    config.headers = {
      ...config.headers,
      "x-opencode-directory": encodeURIComponent(config.directory)
    };
  }
  const client2 = createClient(config);
  client2.interceptors.request.use((request) => rewrite(request, config?.directory));
  client2.interceptors.error.use(wrapClientError);
  return new OpencodeClient({ client: client2 });
}

// node_modules/@opencode-ai/sdk/dist/server.js
var import_cross_spawn = __toESM(require_cross_spawn(), 1);

// src/opencode/server.ts
import { spawn as spawn2 } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync as existsSync2, mkdirSync as mkdirSync2, writeFileSync } from "node:fs";
import net from "node:net";
import path2 from "node:path";
var NETWORK_FREE_ENV = {
  OPENCODE_DISABLE_MODELS_FETCH: "1",
  OPENCODE_DISABLE_AUTOUPDATE: "1",
  OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
  OPENCODE_DISABLE_DEFAULT_PLUGINS: "1",
  OPENCODE_DISABLE_CLAUDE_CODE: "1",
  OPENCODE_DISABLE_EXTERNAL_SKILLS: "1",
  OPENCODE_DISABLE_PROJECT_CONFIG: "1"
};
var SERVER_PASSWORD_ENV = "OPENCODE_SERVER_PASSWORD";
function authHeaders(password) {
  return password ? { Authorization: `Basic ${Buffer.from(`opencode:${password}`).toString("base64")}` } : {};
}
async function health(url, timeoutMs = 2e3, password) {
  try {
    const r = await fetch(new URL("/global/health", url), { headers: authHeaders(password), signal: AbortSignal.timeout(timeoutMs) });
    if (r.status === 401)
      return { healthy: false, error: `HTTP 401: the server wants a password${password ? " (the one given was refused)" : ` (set ${SERVER_PASSWORD_ENV})`}` };
    if (!r.ok) return { healthy: false, error: `HTTP ${r.status}` };
    const body = await r.json();
    return { healthy: body.healthy === true, version: body.version };
  } catch (e) {
    return { healthy: false, error: e.message };
  }
}
function stateEnv(stateDir) {
  const dirs = { HOME: "home", XDG_CONFIG_HOME: "config", XDG_DATA_HOME: "data", XDG_CACHE_HOME: "cache", XDG_STATE_HOME: "state", TMPDIR: "tmp" };
  const env = {};
  for (const [k, v] of Object.entries(dirs)) {
    env[k] = path2.join(stateDir, v);
    mkdirSync2(env[k], { recursive: true });
  }
  settleConfigDependencies(path2.join(env.XDG_CONFIG_HOME, "opencode"));
  return env;
}
var CONFIG_DEPENDENCY = "@opencode-ai/plugin";
function settleConfigDependencies(configDir) {
  if (existsSync2(path2.join(configDir, "package.json"))) return;
  mkdirSync2(path2.join(configDir, "node_modules"), { recursive: true });
  const deps = { [CONFIG_DEPENDENCY]: "*" };
  writeFileSync(path2.join(configDir, "package.json"), JSON.stringify({ dependencies: deps }, null, 2) + "\n");
  writeFileSync(path2.join(configDir, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: deps } } }, null, 2) + "\n");
}
function killGroup2(child, signal) {
  if (child.pid === void 0) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
    }
  }
}
async function freePort() {
  const srv = net.createServer();
  await new Promise((resolve, reject) => {
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => resolve());
  });
  const port = srv.address().port;
  await new Promise((r) => srv.close(r));
  return port;
}
async function startServer(opts) {
  mkdirSync2(opts.logDir, { recursive: true });
  const logFile = path2.join(opts.logDir, "opencode-server.log");
  const log = createWriteStream(logFile);
  const argv = ["serve", "--hostname", "127.0.0.1", "--port", String(await freePort()), "--print-logs", "--log-level", "WARN"];
  const cmd = opts.wrap ? opts.wrap(opts.binary, argv) : { command: opts.binary, args: argv };
  const password = randomBytes(24).toString("base64url");
  const child = spawn2(cmd.command, cmd.args, {
    cwd: opts.cwd,
    env: { ...opts.env, ...NETWORK_FREE_ENV, OPENCODE_CONFIG_CONTENT: JSON.stringify(opts.config), [SERVER_PASSWORD_ENV]: password },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
    // its own process group, so stop() leaves nothing behind
  });
  if (child.pid !== void 0) opts.onSpawn?.(child.pid);
  let exited;
  child.on("exit", (code, signal) => exited = `exited with ${signal ?? code}`);
  child.on("error", (e) => exited = `could not start: ${e.message}`);
  let onAbort = () => {
  };
  const printed = await new Promise((resolve, reject) => {
    let seen = "";
    const timer2 = setTimeout(
      () => reject(new ServerStartError(`opencode serve printed no address within ${opts.startTimeoutMs ?? 6e4} ms (log: ${logFile})`)),
      opts.startTimeoutMs ?? 6e4
    );
    const onData = (d) => {
      log.write(d);
      seen += d.toString("utf8");
      const m = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(seen);
      if (m) {
        clearTimeout(timer2);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => {
      clearTimeout(timer2);
      reject(new ServerStartError(`opencode serve ${exited ?? "exited"} before listening (log: ${logFile})`));
    });
    child.on("error", (e) => {
      clearTimeout(timer2);
      reject(new ServerStartError(`opencode serve could not start: ${e.message}`));
    });
    onAbort = () => {
      clearTimeout(timer2);
      reject(new ServerStartError(`opencode serve: start given up (${String(opts.signal?.reason ?? "interrupted")})`));
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
  }).catch((e) => {
    killGroup2(child, "SIGKILL");
    throw e;
  }).finally(() => opts.signal?.removeEventListener("abort", onAbort));
  const url = opts.reach ? await opts.reach(printed).catch((e) => {
    killGroup2(child, "SIGKILL");
    throw new ServerStartError(`opencode serve: its port cannot be reached from outside its sandbox (${e.message})`);
  }) : printed;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 6e4);
  for (; ; ) {
    const h = await health(url, 2e3, password);
    if (h.healthy) break;
    if (exited || Date.now() > deadline || opts.signal?.aborted) {
      killGroup2(child, "SIGKILL");
      throw new ServerStartError(`opencode serve at ${url} never became healthy (${exited ?? h.error}; log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop2 = async (graceMs = 5e3) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", () => r()));
    killGroup2(child, "SIGTERM");
    const timer2 = setTimeout(() => killGroup2(child, "SIGKILL"), graceMs);
    await gone;
    clearTimeout(timer2);
    killGroup2(child, "SIGKILL");
    log.end();
  };
  return { url, password, pid: child.pid, logFile, stop: stop2 };
}

// src/opencode/transport.ts
function toolUses(messages) {
  const out = [];
  for (const m of messages) {
    for (const p of m.parts ?? []) {
      if (p.type !== "tool") continue;
      const state = p.state ?? {};
      out.push({
        tool: String(p.tool),
        status: String(state.status),
        input: state.input,
        output: state.output,
        error: state.error
      });
    }
  }
  return out;
}
function assistantText(messages) {
  const texts = [];
  for (const m of messages) {
    if (m.info?.role !== "assistant") continue;
    for (const p of m.parts ?? []) if (p.type === "text" && typeof p.text === "string") texts.push(p.text);
  }
  return texts.join("\n").trim();
}

// src/opencode/sdk-transport.ts
var POLL_MS = 100;
var STOP_WAIT_MS = 15e3;
var REABORT_MS = 1e3;
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
function finished(messages) {
  const last = messages.at(-1)?.info;
  if (last?.role !== "assistant") return false;
  if (last.error) return true;
  return !!last.time?.completed && last.finish !== "tool-calls";
}
function sdkTransport(baseUrl, password) {
  const client2 = createOpencodeClient({ baseUrl, headers: authHeaders(password) });
  return {
    name: "sdk",
    health: () => health(baseUrl, 2e3, password),
    async registry(directory) {
      const r = await client2.config.providers({ query: { directory } });
      if (r.error || !r.data) throw new Error(`GET /config/providers failed: HTTP ${r.response?.status}`);
      const providers = {};
      for (const p of r.data.providers) providers[p.id] = Object.keys(p.models ?? {}).sort();
      return { providers };
    },
    async prompt(req) {
      const t0 = Date.now();
      const query = { directory: req.directory };
      const fail = (error2, httpStatus) => ({
        text: "",
        tools: [],
        timedOut: false,
        error: error2,
        httpStatus,
        durationMs: Date.now() - t0,
        messages: []
      });
      const created = await client2.session.create({ query, body: { title: `opencode-dogfood ${req.text.slice(0, 40)}` } });
      if (created.error || !created.data) return fail(`session.create failed: HTTP ${created.response?.status}`, created.response?.status);
      const id = created.data.id;
      const sent = await client2.session.promptAsync({
        path: { id },
        query,
        body: { model: splitModel(req.model), agent: req.agent, parts: [{ type: "text", text: req.text }] }
      });
      if (sent.error)
        return { ...fail(`session.promptAsync failed: HTTP ${sent.response?.status} ${JSON.stringify(sent.error)}`, sent.response?.status), sessionId: id };
      const deadline = t0 + req.budgetMs;
      let messages = [];
      let timedOut = false;
      const retries = [];
      let finalStatus;
      let stoppedEarly;
      let interrupted;
      let overBudget;
      for (; ; ) {
        const [r, st] = await Promise.all([client2.session.messages({ path: { id }, query }), client2.session.status({ query })]);
        messages = r.data ?? messages;
        const status = st.data?.[id];
        finalStatus = status?.type ?? "idle";
        if (status?.type === "retry" && status.attempt !== retries.at(-1)?.attempt) {
          retries.push({ attempt: Number(status.attempt), message: String(status.message ?? ""), next: Number(status.next ?? 0), seen_at: Date.now() });
        }
        overBudget = overTokenBudget(messages, req.tokenBudget);
        if (overBudget) break;
        if (finished(messages)) break;
        if (req.signal?.aborted) {
          interrupted = String(req.signal.reason ?? "interrupted");
          break;
        }
        if (Date.now() >= deadline) {
          timedOut = true;
          break;
        }
        if (status?.type === "retry") {
          const d = retryDecision(retries.at(-1), deadline);
          if (d.stop) {
            stoppedEarly = d.reason;
            break;
          }
        }
        await sleep(POLL_MS);
      }
      let sessionStopped;
      if (timedOut || stoppedEarly || interrupted || overBudget) {
        sessionStopped = await stopSession(id, req.directory, interrupted ? 1e3 : STOP_WAIT_MS);
        messages = (await client2.session.messages({ path: { id }, query })).data ?? messages;
      }
      const last = messages.at(-1)?.info;
      const error = overBudget ? `stopped: ${overBudget}` : stoppedEarly ? `stopped waiting: ${stoppedEarly}` : !timedOut && last?.error ? `assistant error: ${JSON.stringify(last.error)}` : void 0;
      return {
        sessionId: id,
        text: assistantText(messages),
        tools: toolUses(messages),
        timedOut,
        sessionStopped,
        error,
        durationMs: Date.now() - t0,
        messages,
        retries,
        finalStatus,
        stoppedEarly,
        ...interrupted ? { interrupted } : {},
        ...overBudget ? { overBudget } : {}
      };
    }
  };
  async function stopSession(id, directory, ms) {
    const query = { directory };
    const end = Date.now() + ms;
    let aborted = 0;
    let idleSince;
    while (Date.now() < end) {
      if (Date.now() - aborted >= REABORT_MS) {
        await client2.session.abort({ path: { id }, query }).catch(() => void 0);
        aborted = Date.now();
      }
      const [st, r] = await Promise.all([client2.session.status({ query }), client2.session.messages({ path: { id }, query })]);
      const s = st.data?.[id];
      const idle = !s || s.type === "idle";
      idleSince = idle ? idleSince ?? Date.now() : void 0;
      const msgs = r.data ?? [];
      const last = msgs.at(-1)?.info;
      const settled = last?.role === "assistant" ? !!(last.error || last.time?.completed) : Date.now() - (idleSince ?? Date.now()) >= REABORT_MS * 2;
      if (idle && settled) return true;
      await sleep(POLL_MS);
    }
    return false;
  }
}

// src/sandbox/egress-proxy.ts
import { appendFileSync, chmodSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net2 from "node:net";
import { pipeline } from "node:stream";
var ROUTE = /^\/r\/([a-z0-9-]+)(\/.*)?$/;
var HOP = ["proxy-authorization", "proxy-connection", "connection", "keep-alive", "host"];
var KEY_HEADERS = ["authorization", "x-api-key", "x-goog-api-key", "api-key"];
async function startEgressProxy(o) {
  const record = (e) => {
    appendFileSync(o.logFile, JSON.stringify({ t: e.t ?? (/* @__PURE__ */ new Date()).toISOString(), ...e }) + "\n");
  };
  const server = http.createServer((req, res) => {
    const t = (/* @__PURE__ */ new Date()).toISOString();
    const url = req.url ?? "/";
    const m = ROUTE.exec(url);
    const route2 = m ? o.policy.routes.find((r) => r.name === m[1]) : void 0;
    if (route2) return forward(req, res, route2, m[2] ?? "/", t);
    if (/^http:\/\//i.test(url)) return plainHttp(req, res, url, t);
    record({
      t,
      kind: "other",
      dest: "bridge",
      allowed: false,
      why: `not a route nor a proxy request: ${req.method} ${url.split("?")[0].slice(0, 120)}`,
      bytes_out: 0,
      bytes_in: 0
    });
    refuse(res, "not a route of this proxy");
  });
  const refuse = (res, why) => {
    res.writeHead(403, { "content-type": "text/plain" });
    res.end(`opencode-dogfood egress proxy: refused (${why})
`);
  };
  const forward = (req, res, route2, rest, t) => {
    const target = routeTarget(route2.upstream, rest);
    if (typeof target === "string") {
      record({
        t,
        kind: "route",
        dest: upstreamDest(route2.upstream),
        allowed: false,
        why: `route ${route2.name}: refused: ${target}`,
        bytes_out: 0,
        bytes_in: 0
      });
      return refuse(res, target);
    }
    const headers = {};
    const drop = /* @__PURE__ */ new Set([...HOP, ...route2.key ? KEY_HEADERS : []]);
    for (const [k, v] of Object.entries(req.headers)) if (v !== void 0 && !drop.has(k)) headers[k] = v;
    if (route2.key) {
      const value = o.keys?.[route2.key.env];
      if (value) headers[route2.key.header] = route2.key.scheme ? `${route2.key.scheme} ${value}` : value;
    }
    const dest = `${target.hostname}:${target.port || (target.protocol === "https:" ? 443 : 80)}`;
    let out = 0;
    let back = 0;
    const done = (ok, why) => record({ t, kind: "route", dest, allowed: ok, why, bytes_out: out, bytes_in: back });
    const up = (target.protocol === "https:" ? https : http).request(target, { method: req.method, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.on("data", (d) => back += d.length);
      pipeline(ur, res, (e) => done(true, e ? `route ${route2.name}: upstream broke off` : `route ${route2.name}: ${route2.why}`));
    });
    up.on("error", (e) => {
      done(true, `route ${route2.name}: upstream unreachable (${e.message})`);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.on("data", (d) => out += d.length);
    req.pipe(up);
  };
  const plainHttp = (req, res, url, t) => {
    let target;
    try {
      target = new URL(url);
    } catch {
      return refuse(res, "bad URL");
    }
    const port = Number(target.port || 80);
    const dest = `${target.hostname}:${port}`;
    const rule = allowedBy(o.policy, target.hostname, port);
    if (!rule) {
      record({ t, kind: "http", dest, allowed: false, why: "no network rule names it", bytes_out: 0, bytes_in: 0 });
      return refuse(res, `${dest} is not allowed`);
    }
    let out = 0;
    let back = 0;
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== void 0 && !["proxy-authorization", "proxy-connection"].includes(k)) headers[k] = v;
    const up = http.request(target, { method: req.method, headers }, (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.on("data", (d) => back += d.length);
      pipeline(
        ur,
        res,
        (e) => record({ t, kind: "http", dest, allowed: true, why: e ? `${rule.why}; upstream broke off` : rule.why, bytes_out: out, bytes_in: back })
      );
    });
    up.on("error", () => {
      record({ t, kind: "http", dest, allowed: true, why: `${rule.why}; unreachable`, bytes_out: out, bytes_in: back });
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.on("data", (d) => out += d.length);
    req.pipe(up);
  };
  server.on("connect", (req, client2, head) => {
    const t = (/* @__PURE__ */ new Date()).toISOString();
    const m = /^(\[[0-9a-f:]+\]|[^:]+):([0-9]{1,5})$/i.exec(req.url ?? "");
    const dest = m ? `${m[1]}:${m[2]}` : String(req.url ?? "").slice(0, 120);
    const rule = m ? allowedBy(o.policy, m[1], Number(m[2])) : void 0;
    client2.on("error", () => {
    });
    if (!rule) {
      record({ t, kind: "connect", dest, allowed: false, why: "no network rule names it", bytes_out: 0, bytes_in: 0 });
      client2.end("HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nopencode-dogfood egress proxy: refused\n");
      return;
    }
    let out = head.length;
    let back = 0;
    const up = net2.connect(Number(m[2]), m[1].replace(/^\[|\]$/g, ""), () => {
      client2.write("HTTP/1.1 200 Connection established\r\n\r\n");
      if (head.length > 0) up.write(head);
      client2.pipe(up);
      up.pipe(client2);
    });
    client2.on("data", (d) => out += d.length);
    up.on("data", (d) => back += d.length);
    let logged = false;
    const done = (why) => {
      if (logged) return;
      logged = true;
      record({ t, kind: "connect", dest, allowed: true, why, bytes_out: out, bytes_in: back });
    };
    up.on("close", () => {
      done(rule.why);
      client2.destroy();
    });
    up.on("error", (e) => {
      done(`${rule.why}; unreachable (${e.message})`);
      client2.destroy();
    });
    client2.on("close", () => up.destroy());
  });
  server.on("clientError", (_e, socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.socketPath, () => resolve());
  });
  chmodSync(o.socketPath, 438);
  return {
    socketPath: o.socketPath,
    logFile: o.logFile,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    })
  };
}
function egressLogSize(file) {
  if (!file) return 0;
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
function readEgressLog(file, from = 0) {
  try {
    return parseEgressLog(readFileSync(file).subarray(from).toString("utf8"));
  } catch {
    return [];
  }
}
function parseEgressLog(text) {
  const out = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
    }
  }
  return out;
}
function describeDenied(entries) {
  return entries.filter((e) => !e.allowed).map((e) => `${e.kind} ${e.dest}${e.count !== void 0 ? ` \xD7${e.count}` : ""} (${e.why})`);
}
function summaryDenied(entries) {
  const unrouted = entries.filter((e) => e.kind === "unrouted");
  return describeDenied([...unrouted, ...entries.filter((e) => e.kind !== "unrouted")]).slice(0, 20);
}
var DOT_SEGMENT = /^(\.|%2e){1,2}$/i;
function routeTarget(upstream, rest) {
  const base = new URL(upstream);
  const q = rest.indexOf("?");
  const restPath = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? "" : rest.slice(q);
  if (!restPath.startsWith("/")) return "the path must start with /";
  if (/[\\\u0000-\u0020\u007f]/.test(restPath) || /[\u0000-\u001f\u007f#]/.test(query)) return "a backslash, space, # or control character in the path";
  if (restPath.split("/").some((x) => DOT_SEGMENT.test(x))) return "a dot segment in the path (it would leave the route's base)";
  const basePath = base.pathname.replace(/\/$/, "");
  const target = new URL(`${base.origin}${basePath}${restPath}${query}`);
  if (base.username || base.password) {
    target.username = base.username;
    target.password = base.password;
  }
  if (target.origin !== base.origin || !(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`)))
    return "the path leaves the route's upstream";
  return target;
}
function upstreamDest(upstream) {
  const u = new URL(upstream);
  return `${u.hostname}:${u.port || (u.protocol === "https:" ? 443 : 80)}`;
}

// src/guard/ledger-watch.ts
import { lstatSync as lstatSync3, readdirSync as readdirSync4 } from "node:fs";
import path4 from "node:path";
import { realpathSync } from "node:fs";

// src/guard/walk-parse.ts
var FIND_FORMAT = "%y %m %s %T@ %C@ %i %p\\0";
var TYPE_BITS = { 102: 32768, 108: 40960, 112: 4096, 115: 49152, 99: 8192, 98: 24576, 68: 53248 };
function parseFind(buf, entries, dirs, log) {
  const len = buf.length;
  const text = buf.toString("latin1");
  let i = 0;
  const t = [0, 0, 0, 0];
  while (i < len) {
    const y = buf[i];
    if (buf[i + 1] !== 32) return false;
    let p = i + 2;
    let perm = 0;
    for (let c = buf[p]; c !== 32; c = buf[++p]) {
      if (c < 48 || c > 55) return false;
      perm = perm * 8 + (c - 48);
    }
    p++;
    let size = 0;
    for (let c = buf[p]; c !== 32; c = buf[++p]) {
      if (c < 48 || c > 57) return false;
      size = size * 10 + (c - 48);
    }
    p++;
    for (let k = 0; k < 4; k += 2) {
      let sec = 0;
      let c = buf[p];
      if (c < 48 || c > 57) return false;
      for (; c >= 48 && c <= 57; c = buf[++p]) sec = sec * 10 + (c - 48);
      let ns = 0;
      let digits = 0;
      if (c === 46) {
        for (c = buf[++p]; c >= 48 && c <= 57; c = buf[++p]) {
          if (digits < 9) {
            ns = ns * 10 + (c - 48);
            digits++;
          }
        }
      }
      if (c !== 32) return false;
      for (; digits < 9; digits++) ns *= 10;
      t[k] = sec;
      t[k + 1] = ns;
      p++;
    }
    let ino = 0;
    for (let c = buf[p]; c !== 32; c = buf[++p]) {
      if (c < 48 || c > 57) return false;
      ino = ino * 10 + (c - 48);
    }
    p++;
    const end = buf.indexOf(0, p);
    if (end < 0) return false;
    i = end + 1;
    if (end - p === 1 && buf[p] === 46) {
      if (log) {
        log.rels.push(".");
        log.isDir.push(1);
        log.ends.push(i);
      }
      continue;
    }
    if (buf[p] !== 46 || buf[p + 1] !== 47) return false;
    const rel = decodeRange(buf, text, p + 2, end);
    if (y === 100) {
      if (log) {
        log.rels.push(rel);
        log.isDir.push(1);
        log.ends.push(i);
      }
      dirs.add(rel);
      continue;
    }
    const typeBits = TYPE_BITS[y];
    if (typeBits === void 0 || !Number.isSafeInteger(size) || !Number.isSafeInteger(ino)) return false;
    const e = {
      type: y === 102 ? "file" : y === 108 ? "symlink" : "other",
      mode: typeBits | perm,
      size,
      mtimeS: t[0],
      mtimeN: t[1],
      ctimeS: t[2],
      ctimeN: t[3],
      ino
    };
    entries.set(rel, e);
    if (log) {
      log.rels.push(rel);
      log.isDir.push(0);
      log.ends.push(i);
    }
  }
  return true;
}
function parseRun(bytes, entries, dirs) {
  const log = { rels: [], isDir: [], ends: [] };
  if (!parseFind(bytes, entries, dirs, log)) return void 0;
  return { bytes, rels: log.rels, isDir: Uint8Array.from(log.isDir), ends: Uint32Array.from(log.ends) };
}
function diffRun(bytes, run, seen, out) {
  const n = run.rels.length;
  const old = run.bytes;
  const startOf = (k2) => k2 === 0 ? 0 : run.ends[k2 - 1];
  const same = (k2, pos2) => {
    const s = startOf(k2);
    const e = run.ends[k2];
    return pos2 + (e - s) <= bytes.length && bytes.compare(old, s, e, pos2, pos2 + (e - s)) === 0;
  };
  const keep = (k2) => {
    seen[k2] = 1;
    if (run.isDir[k2] && run.rels[k2] !== ".") out.dirs.add(run.rels[k2]);
  };
  if (bytes.equals(old)) {
    for (let k2 = 0; k2 < n; k2++) keep(k2);
    return true;
  }
  let byRel;
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    if (k < n && same(k, pos)) {
      keep(k);
      pos += run.ends[k] - startOf(k);
      k++;
      continue;
    }
    if (k + 1 < n && same(k + 1, pos)) {
      keep(k + 1);
      pos += run.ends[k + 1] - startOf(k + 1);
      k += 2;
      continue;
    }
    const end = bytes.indexOf(0, pos);
    if (end < 0) return false;
    const log = { rels: [], isDir: [], ends: [] };
    if (!parseFind(bytes.subarray(pos, end + 1), out.changed, out.dirs, log) || log.rels.length !== 1) return false;
    pos = end + 1;
    const rel = log.rels[0];
    if (k < n && run.rels[k] === rel) {
      k++;
      continue;
    }
    if (k < n && same(k, pos)) continue;
    if (!byRel) {
      byRel = /* @__PURE__ */ new Map();
      for (let j = 0; j < n; j++) byRel.set(run.rels[j], j);
    }
    const at = byRel.get(rel);
    if (at !== void 0 && at >= k) k = at + 1;
  }
  return true;
}

// src/guard/walk-lanes.ts
import { spawn as spawn3, spawnSync } from "node:child_process";
import { randomBytes as randomBytes2 } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync as readdirSync2, readSync, unlinkSync } from "node:fs";
import os from "node:os";
import path3 from "node:path";
var gnuFind;
function hasGnuFindSync() {
  if (gnuFind === void 0) {
    const r = spawnSync("find", ["--version"], { encoding: "latin1", stdio: ["ignore", "pipe", "ignore"] });
    gnuFind = r.status === 0 && r.stdout.includes("GNU findutils");
  }
  return gnuFind;
}
function runFind(root, args) {
  let fd;
  try {
    const file = path3.join(os.tmpdir(), `dogfood-guard-find-${process.pid}-${randomBytes2(8).toString("hex")}`);
    fd = openSync(file, "wx+", 384);
    unlinkSync(file);
  } catch {
    return Promise.resolve(void 0);
  }
  return new Promise((resolve) => {
    const c = spawn3("find", args, { cwd: root, stdio: ["ignore", fd, "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let ok = true;
    let done = false;
    c.stderr.on("data", () => ok = false);
    c.on("error", () => {
      if (done) return;
      done = true;
      closeSync(fd);
      resolve(void 0);
    });
    c.on("close", (code) => {
      if (done) return;
      done = true;
      let bytes;
      try {
        const size = fstatSync(fd).size;
        bytes = Buffer.allocUnsafe(size);
        if (readSync(fd, bytes, 0, size, 0) !== size) ok = false;
      } catch {
        ok = false;
        bytes = Buffer.alloc(0);
      } finally {
        closeSync(fd);
      }
      if (!ok || code !== 0 || bytes.length > 0 && bytes[bytes.length - 1] !== 0) return resolve(void 0);
      resolve(bytes);
    });
  });
}
function planFind(root, dirs) {
  const starts = [];
  let top;
  try {
    top = readdirSync2(root, { withFileTypes: true, encoding: "buffer" });
  } catch {
    return void 0;
  }
  for (const d of top) {
    const name = decodePath(d.name);
    if (name === ".git") continue;
    if (name !== d.name.toString("utf8")) {
      dirs.clear();
      return [[[".", "-path", "./.git", "-prune", "-o"]]];
    }
    if (!d.isDirectory()) {
      starts.push(`./${name}`);
      continue;
    }
    dirs.add(name);
    let children;
    try {
      children = readdirSync2(fsPath(root, name), { encoding: "buffer" });
    } catch {
      return void 0;
    }
    const names = children.map((c) => c.toString("utf8"));
    if (children.some((c, k2) => decodePath(c) !== names[k2])) starts.push(`./${name}`);
    else for (const c of names) starts.push(`./${name}/${c}`);
  }
  if (starts.length === 0) return [];
  const k = starts.length < SMALL_TREE_STARTS ? 1 : Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4, starts.length));
  const lanes = [];
  for (let l = 0; l < k; l++) lanes.push([]);
  const per = lanes.map(() => []);
  for (const s of starts) per[k === 1 ? 0 : laneOf(s, k)].push(s);
  per.forEach((list, l) => {
    let chunk2 = [];
    let bytes = 0;
    for (const s of list) {
      if (bytes + s.length > MAX_ARGS_BYTES && chunk2.length > 0) {
        lanes[l].push(chunk2);
        chunk2 = [];
        bytes = 0;
      }
      chunk2.push(s);
      bytes += Buffer.byteLength(s) + 1;
    }
    if (chunk2.length > 0) lanes[l].push(chunk2);
  });
  return lanes;
}
var MAX_ARGS_BYTES = 64 * 1024;
var SMALL_TREE_STARTS = 200;
function laneOf(name, k) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}
async function runLanes(root, lanes, each) {
  const results = await Promise.all(
    lanes.map(async (chunks, l) => {
      const outputs = [];
      for (const chunk2 of chunks) {
        const bytes = await runFind(root, ["-P", ...chunk2, "-printf", FIND_FORMAT]);
        if (!bytes) return false;
        outputs.push(bytes);
      }
      return each(`lane ${l} of ${lanes.length}`, outputs.length === 1 ? outputs[0] : Buffer.concat(outputs));
    })
  );
  return !results.includes(false);
}

// src/guard/walk-stat.ts
import { lstatSync as lstatSync2, readdirSync as readdirSync3 } from "node:fs";
var NS = 1000000000n;
function statEntry(s) {
  const type = s.isFile() ? "file" : s.isSymbolicLink() ? "symlink" : "other";
  return {
    type,
    mode: Number(s.mode),
    size: Number(s.size),
    mtimeS: Number(s.mtimeNs / NS),
    mtimeN: Number(s.mtimeNs % NS),
    ctimeS: Number(s.ctimeNs / NS),
    ctimeN: Number(s.ctimeNs % NS),
    ino: Number(s.ino)
  };
}
function prunedFolders(exclude) {
  const prefixes = exclude.filter((e) => e.endsWith("/"));
  if (prefixes.length === 0) return void 0;
  return (rel) => prefixes.some((e) => `${rel}/`.startsWith(e));
}
var UNREADABLE = { type: "other", mode: 0, size: 0, mtimeS: 0, mtimeN: 0, ctimeS: 0, ctimeN: 0, ino: 0 };
function sameStat(a, b) {
  return a.type === b.type && a.mode === b.mode && a.size === b.size && a.mtimeS === b.mtimeS && a.mtimeN === b.mtimeN && a.ctimeS === b.ctimeS && a.ctimeN === b.ctimeN && a.ino === b.ino;
}
function unlistableEntry(e) {
  return e.type === "other" && ((e.mode & 61440) === 16384 || e.mode === 0);
}
function vanished(e) {
  return e?.code === "ENOENT";
}
function walkNode(root, prune, topGit = false) {
  const entries = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Set();
  const stack = [{ rel: "" }];
  while (stack.length > 0) {
    const { rel, stat } = stack.pop();
    let names;
    try {
      names = readdirSync3(rel ? fsPath(root, rel) : root, { encoding: "buffer" });
    } catch (e) {
      if (stat && !vanished(e)) entries.set(rel, { ...statEntry(stat), type: "other" });
      continue;
    }
    for (const nb of names) {
      const name = decodePath(nb);
      if (rel === "" && name === ".git" && !topGit) continue;
      const childRel = rel ? `${rel}/${name}` : name;
      let s;
      try {
        s = lstatSync2(fsPath(root, childRel), { bigint: true });
      } catch (e) {
        if (vanished(e)) continue;
        entries.set(childRel, UNREADABLE);
        if (stat) entries.set(rel, { ...statEntry(stat), type: "other" });
        continue;
      }
      if (s.isDirectory()) {
        dirs.add(childRel);
        if (!prune?.(childRel)) stack.push({ rel: childRel, stat: s });
      } else entries.set(childRel, statEntry(s));
    }
  }
  return { entries, dirs, walker: "node" };
}

// src/guard/walk.ts
async function walkFind(root) {
  const entries = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Set();
  const lanes = planFind(root, dirs);
  if (!lanes) return void 0;
  const state = { runs: /* @__PURE__ */ new Map() };
  const ok = await runLanes(root, lanes, (key, bytes) => {
    const run = parseRun(bytes, entries, dirs);
    if (run) state.runs.set(key, run);
    return run !== void 0;
  });
  if (!ok) return void 0;
  dirs.delete(".");
  return { entries, dirs, walker: "find", state };
}
async function walkSince(root, prev) {
  if (!hasGnuFindSync()) return void 0;
  const out = { changed: /* @__PURE__ */ new Map(), removed: /* @__PURE__ */ new Set(), dirs: /* @__PURE__ */ new Set() };
  const lanes = planFind(root, out.dirs);
  if (!lanes) return void 0;
  const seen = /* @__PURE__ */ new Map();
  for (const run of prev.runs.values()) seen.set(run, new Uint8Array(run.rels.length));
  const ok = await runLanes(root, lanes, (key, bytes) => {
    const run = prev.runs.get(key);
    if (!run) return parseFind(bytes, out.changed, out.dirs);
    return diffRun(bytes, run, seen.get(run), out);
  });
  if (!ok) return void 0;
  for (const [run, marks] of seen) {
    for (let k = 0; k < marks.length; k++) {
      if (marks[k] || run.isDir[k]) continue;
      const rel = run.rels[k];
      if (!out.changed.has(rel)) out.removed.add(rel);
    }
  }
  out.dirs.delete(".");
  return out;
}
var FIND_THRESHOLD = 3e3;
async function walk(root, walker = "auto", sizeHint, prune) {
  if (walker === "node" || walker === "auto" && sizeHint !== void 0 && sizeHint < FIND_THRESHOLD) return walkNode(root, prune);
  if (hasGnuFindSync()) {
    const r = await walkFind(root);
    if (r) return r;
  }
  if (walker === "find") throw new Error('walker "find" requested, but GNU find is not available or failed');
  return walkNode(root, prune);
}

// src/guard/ledger-watch.ts
var ENTRIES_PER_RUN = 400;
function walkDotGit(dir) {
  const top = path4.join(dir, ".git");
  const out = /* @__PURE__ */ new Map();
  let s;
  try {
    s = lstatSync3(top, { bigint: true });
  } catch (e) {
    if (e.code !== "ENOENT") out.set(top, UNREADABLE);
    return out;
  }
  if (!s.isDirectory()) return out.set(top, statEntry(s));
  out.set(top, { ...statEntry(s), type: "other" });
  for (const [rel, e] of walkNode(top, void 0, true).entries) out.set(path4.join(top, ...rel.split("/")), e);
  return out;
}
function identityOf(dir) {
  try {
    const s = lstatSync3(dir, { bigint: true });
    return `${s.dev}:${s.ino}:${s.mode} ${realpathSync(dir)}`;
  } catch {
    return "missing";
  }
}
function topCount(dir) {
  try {
    return readdirSync4(dir).length;
  } catch {
    return 0;
  }
}
async function ledgerState(dirs, prev) {
  const out = /* @__PURE__ */ new Map();
  for (const d of dirs) {
    const base = prev?.get(d);
    const delta = base?.find && !base.delta ? await walkSince(d, base.find) : void 0;
    const identity = identityOf(d);
    if (base && delta) out.set(d, { identity, entries: base.entries, dirs: delta.dirs, find: base.find, delta, dotGit: walkDotGit(d) });
    else {
      const w = await walk(d, "auto", topCount(d) * ENTRIES_PER_RUN);
      out.set(d, { identity, entries: w.entries, dirs: w.dirs, find: w.state, dotGit: walkDotGit(d) });
    }
  }
  return out;
}
function folderChanges(before, after) {
  const was = before?.entries ?? /* @__PURE__ */ new Map();
  const out = [];
  if (after.delta && before && after.find === before.find) {
    for (const rel of after.delta.removed) if (was.has(rel)) out.push([rel, "deleted"]);
    for (const [rel, e] of after.delta.changed) {
      const b = was.get(rel);
      if (!b) out.push([rel, "created"]);
      else if (!sameStat(b, e)) out.push([rel, "modified"]);
    }
    return [...out, ...folderSetChanges(before.dirs, after.dirs)];
  }
  return [...folderSetChanges(before?.dirs ?? /* @__PURE__ */ new Set(), after.dirs), ...mapChanges(was, after.entries)];
}
function mapChanges(before, after) {
  const out = [];
  for (const [p, b] of before) {
    const a = after.get(p);
    if (!a) out.push([p, "deleted"]);
    else if (!sameStat(a, b)) out.push([p, "modified"]);
  }
  for (const p of after.keys()) if (!before.has(p)) out.push([p, "created"]);
  return out;
}
function folderSetChanges(before, after) {
  const out = [];
  for (const d of before) if (!after.has(d)) out.push([`${d}/`, "deleted"]);
  for (const d of after) if (!before.has(d)) out.push([`${d}/`, "created"]);
  return out;
}
function ownWriteStat(file) {
  try {
    return statEntry(lstatSync3(file, { bigint: true }));
  } catch {
    return void 0;
  }
}
function foundAt(after, abs) {
  for (const [d, f] of after) {
    const rel = path4.relative(d, abs);
    if (rel === "" || rel.startsWith("..") || path4.isAbsolute(rel)) continue;
    const key = rel.split(path4.sep).join("/");
    if (f.delta?.changed.has(key)) return { inside: true, stat: f.delta.changed.get(key) };
    if (f.delta?.removed.has(key)) return { inside: true };
    return { inside: true, stat: f.entries.get(key) ?? f.dotGit.get(abs) };
  }
  return { inside: false };
}
function compareLedger(before, after, ownWrites) {
  const out = [];
  for (const [d, a] of after) {
    const b = before.get(d);
    if (b && b.identity !== "missing" && a.identity !== b.identity) out.push({ path: d, kind: "modified" });
    const found = [
      ...folderChanges(b, a).map(([rel, kind]) => [path4.join(d, ...rel.split("/")) + (rel.endsWith("/") ? "/" : ""), kind]),
      ...mapChanges(b?.dotGit ?? /* @__PURE__ */ new Map(), a.dotGit)
    ];
    for (const [p, kind] of found) if (!ownWrites.has(p)) out.push({ path: p, kind });
  }
  for (const [p, left] of ownWrites) {
    const { inside, stat: now } = foundAt(after, p);
    if (!inside || !left) continue;
    if (!now) out.push({ path: p, kind: "deleted" });
    else if (!sameStat(left, now)) out.push({ path: p, kind: "modified" });
  }
  return out.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
var TEMP_TAIL = /^[0-9]+\.[0-9a-f]{8}\.tmp$/;
function excludedBy(p, x) {
  if ("below" in x) return p.startsWith(x.below.endsWith(path4.sep) ? x.below : x.below + path4.sep);
  if ("exact" in x) return p === x.exact;
  return p.startsWith(x.temp) && TEMP_TAIL.test(p.slice(x.temp.length));
}
function unlistable(state) {
  const out = [];
  for (const [d, f] of state) for (const [rel, e] of f.entries) if (unlistableEntry(e)) out.push(path4.join(d, ...rel.split("/")));
  return out.sort();
}

// src/sandbox/netns-counters.ts
import { closeSync as closeSync2, openSync as openSync2, readdirSync as readdirSync5, readFileSync as readFileSync2, readlinkSync, readSync as readSync2 } from "node:fs";
var UNROUTED_CLASSES = [
  {
    dest: "ipv4 (no route)",
    counters: ["Ip.OutNoRoutes"],
    why: "IPv4 to an address outside the namespace (a raw socket, a proxy variable ignored, a DNS server out there): no route, never left"
  },
  { dest: "ipv6 (no route)", counters: ["Ip6.OutNoRoutes"], why: "IPv6 to an address outside the namespace: no route, never left" },
  {
    dest: "loopback tcp (refused)",
    counters: ["Tcp.AttemptFails"],
    why: "TCP to a port of the namespace's own loopback that nobody listens on (v4 or v6; the host's loopback services are not there): refused"
  },
  {
    dest: "loopback udp (no listener)",
    counters: ["Udp.NoPorts", "Udp6.NoPorts"],
    why: "UDP to a port of the namespace's own loopback that nobody listens on (a DNS lookup to a local resolver such as 127.0.0.53): dropped"
  }
];
function parentOf(pid) {
  try {
    const stat = readFileSync2(`/proc/${pid}/stat`, "latin1");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return void 0;
  }
}
function netnsOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return void 0;
  }
}
function childrenOf(pid) {
  let tids;
  try {
    tids = readdirSync5(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out = [];
  for (const tid of tids) {
    try {
      out.push(...readFileSync2(`/proc/${pid}/task/${tid}/children`, "latin1").split(" ").filter(Boolean).map(Number));
    } catch (e) {
      if (e.code === "ENOENT" && tid === String(pid)) return void 0;
    }
  }
  return out;
}
function childrenByScan() {
  const children = /* @__PURE__ */ new Map();
  let pids;
  try {
    pids = readdirSync5("/proc").filter((n) => /^[0-9]+$/.test(n)).map(Number);
  } catch {
    return children;
  }
  for (const pid of pids) {
    const ppid = parentOf(pid);
    if (ppid !== void 0) children.set(ppid, [...children.get(ppid) ?? [], pid]);
  }
  return children;
}
function findNetns(rootPid) {
  const own = netnsOf("self");
  if (!own) return void 0;
  let scan;
  const kids = (pid) => {
    const direct = scan ? void 0 : childrenOf(pid);
    if (direct) return direct;
    scan ??= childrenByScan();
    return scan.get(pid) ?? [];
  };
  const queue = kids(rootPid);
  while (queue.length > 0) {
    const pid = queue.shift();
    const ns = netnsOf(pid);
    if (ns && ns !== own) return { pid, ns };
    queue.push(...kids(pid));
  }
  return void 0;
}
function parseSnmp(snmp, snmp6) {
  const out = {};
  const lines = snmp.split("\n");
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const head = lines[i].trim().split(/\s+/);
    const vals = lines[i + 1].trim().split(/\s+/);
    if (!head[0]?.endsWith(":") || head[0] !== vals[0]) continue;
    const group = head[0].slice(0, -1);
    for (let k = 1; k < head.length; k++) out[`${group}.${head[k]}`] = Number(vals[k]);
  }
  for (const line of snmp6.split("\n")) {
    const m = /^(Ip6|Icmp6|Udp6|UdpLite6)(\S+)\s+([0-9]+)$/.exec(line.trim());
    if (m) out[`${m[1]}.${m[2]}`] = Number(m[3]);
  }
  return out;
}
function readAll(fd) {
  const chunks = [];
  let pos = 0;
  for (; ; ) {
    const b = Buffer.alloc(16384);
    const n = readSync2(fd, b, 0, b.length, pos);
    if (n <= 0) break;
    chunks.push(b.subarray(0, n));
    pos += n;
  }
  return Buffer.concat(chunks).toString("latin1");
}
function openNetnsCounters(ref) {
  const check = () => {
    const now = netnsOf(ref.pid);
    if (now !== ref.ns) throw new Error(`pid ${ref.pid} is ${now ? `in ${now}, not` : "gone from"} the sandbox's network namespace ${ref.ns}`);
  };
  check();
  const fds = [openSync2(`/proc/${ref.pid}/net/snmp`, "r")];
  try {
    fds.push(openSync2(`/proc/${ref.pid}/net/snmp6`, "r"));
    check();
  } catch (e) {
    for (const fd of fds) closeSync2(fd);
    throw e;
  }
  return {
    read: () => parseSnmp(readAll(fds[0]), readAll(fds[1])),
    close: () => {
      for (const fd of fds.splice(0)) closeSync2(fd);
    }
  };
}
function unroutedEntries(before, after, t) {
  const out = [];
  for (const c of UNROUTED_CLASSES) {
    const count = c.counters.reduce((n, k) => n + Math.max(0, (after[k] ?? 0) - (before[k] ?? 0)), 0);
    if (count === 0) continue;
    const from = c.counters.map((k) => k.replace(".", " ")).join(" + ");
    out.push({ t, kind: "unrouted", dest: c.dest, allowed: false, why: `${c.why} (kernel counter ${from})`, bytes_out: 0, bytes_in: 0, count });
  }
  return out;
}
function watchUnrouted(ref) {
  const t = (/* @__PURE__ */ new Date()).toISOString();
  const unknown = (why) => [
    {
      t,
      kind: "unrouted",
      dest: "namespace counters",
      allowed: false,
      why: `unknown: attempts outside the proxy were not counted (${why})`,
      bytes_out: 0,
      bytes_in: 0
    }
  ];
  if ("unknown" in ref) return { finish: () => unknown(ref.unknown) };
  let counters;
  let before;
  try {
    counters = openNetnsCounters(ref);
    before = counters.read();
  } catch (e) {
    return { finish: () => unknown(e.message) };
  }
  return {
    finish: () => {
      try {
        return unroutedEntries(before, counters.read(), t);
      } catch (e) {
        return unknown(e.message);
      } finally {
        counters.close();
      }
    }
  };
}

// src/scripted-model/script.ts
function caseTag(caseId) {
  return `[dogfood-case:${caseId}]`;
}
var TAG_PATTERN = /\[dogfood-case:([A-Za-z0-9_-]+)\]/;
function findCaseTag(text) {
  return TAG_PATTERN.exec(text)?.[1];
}

// src/guard/canary.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { lstatSync as lstatSync4, readdirSync as readdirSync6, readFileSync as readFileSync3, rmSync, unlinkSync as unlinkSync2, writeFileSync as writeFileSync2 } from "node:fs";
import os2 from "node:os";
import path5 from "node:path";
var CANARY_PREFIX = ".opencode-dogfood-canary-";
function readOr(file, fallback) {
  try {
    return readFileSync3(file, "utf8").trim();
  } catch {
    return fallback;
  }
}
function startTime(pid) {
  const stat = readOr(`/proc/${pid}/stat`, "");
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "-" : "-";
}
var bootId = () => readOr("/proc/sys/kernel/random/boot_id", "-");
function currentOwner() {
  return { host: os2.hostname(), boot: bootId(), pid: process.pid, start: startTime(process.pid) };
}
function ownerAlive(o) {
  if (o.host !== os2.hostname()) return true;
  if (o.boot !== "-" && bootId() !== "-" && o.boot !== bootId()) return false;
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    if (e.code !== "EPERM") return false;
  }
  const now = startTime(o.pid);
  return o.start === "-" || now === "-" || now === o.start;
}
function canaryContent(runId, owner, nonce = randomBytes3(16).toString("hex")) {
  return `opencode-dogfood canary for ${runId}: a change to this file means a write escaped the worktree.
owner: host=${owner.host} boot=${owner.boot} pid=${owner.pid} start=${owner.start}
${nonce}
`;
}
var CANARY_CONTENT = /^opencode-dogfood canary for RUN_[0-9]{4,}: a change to this file means a write escaped the worktree\.\nowner: host=(\S+) boot=(\S+) pid=([0-9]+) start=(\S+)\n[0-9a-f]{32}\n$/;
var CANARY_NAME = /^\.opencode-dogfood-canary-RUN_[0-9]{4,}-[0-9a-f]{8}$/;
function plantCanary(dir, runId, neighbours = false) {
  const file = path5.join(dir, `${CANARY_PREFIX}${runId}-${randomBytes3(4).toString("hex")}`);
  const content = canaryContent(runId, currentOwner());
  writeFileSync2(file, content, { flag: "wx" });
  return { file, content, neighbours };
}
function sweepStaleCanaries(dir) {
  let names;
  try {
    names = readdirSync6(dir);
  } catch {
    return [];
  }
  const removed = [];
  for (const name of names) {
    if (!CANARY_NAME.test(name)) continue;
    const file = path5.join(dir, name);
    try {
      const st = lstatSync4(file);
      if (!st.isFile() || st.size > 4096) continue;
      const m = CANARY_CONTENT.exec(readBeneath(dir, name, { maxBytes: 4096 }).data?.toString("utf8") ?? "");
      if (!m || ownerAlive({ host: m[1], boot: m[2], pid: Number(m[3]), start: m[4] })) continue;
      rmSync(file);
      removed.push(file);
    } catch {
    }
  }
  return removed;
}
function neighbourKey(p) {
  try {
    const s = lstatSync4(p, { bigint: true });
    return s.isDirectory() ? "folder" : `${s.mode}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}
function canaryState(canaries) {
  const out = /* @__PURE__ */ new Map();
  for (const c of canaries) {
    out.set(c.file, canaryHash(c.file));
    if (!c.neighbours) continue;
    const dir = path5.dirname(c.file);
    let names = [];
    try {
      names = readdirSync6(dir);
    } catch {
    }
    for (const n of names) if (path5.join(dir, n) !== c.file) out.set(path5.join(dir, n), neighbourKey(path5.join(dir, n)));
  }
  return out;
}
function compareCanaries(before, after) {
  const out = [];
  for (const [file, h] of before) {
    const a = after.get(file) ?? null;
    if (a === h) continue;
    out.push({ path: file, kind: a === null ? "deleted" : h === null ? "created" : "modified" });
  }
  for (const [file, a] of after) if (!before.has(file) && a !== null) out.push({ path: file, kind: "created" });
  return out;
}
function restoreCanary(c) {
  try {
    unlinkSync2(c.file);
  } catch {
  }
  writeFileSync2(c.file, c.content, { flag: "wx" });
}
function canaryHash(file) {
  const seen = readBeneath(path5.dirname(file), path5.basename(file), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES });
  if (seen.kind === "missing") return null;
  return seen.data ? sha256(seen.data) : `${describeInspection(seen)}`;
}
function removeCanary(c) {
  if (readBeneath(path5.dirname(c.file), path5.basename(c.file), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES }).data?.toString("utf8") === c.content) rmSync(c.file);
}

// src/guard/gitindex.ts
import { createHash as createHash2 } from "node:crypto";

// src/guard/fsmonitor-ext.ts
var MAX_WORDS = 1 << 24;
function fsmonitorDirty(data, count) {
  if (data.length < 4) return void 0;
  const version = data.readUInt32BE(0);
  let p = 4;
  if (version === 1) p += 8;
  else if (version === 2) {
    const nul = data.indexOf(0, p);
    if (nul < 0) return void 0;
    p = nul + 1;
  } else return void 0;
  if (p + 4 > data.length) return void 0;
  const size = data.readUInt32BE(p);
  p += 4;
  if (p + size !== data.length) return void 0;
  return ewahBits(data.subarray(p), count);
}
function ewahBits(b, count) {
  if (b.length < 8) return void 0;
  const bitSize = b.readUInt32BE(0);
  const words = b.readUInt32BE(4);
  if (bitSize > count || words > MAX_WORDS || b.length !== 8 + words * 8 + 4) return void 0;
  const out = new Uint8Array(count);
  let bit = 0;
  const set = (from, n) => {
    for (let k = from; k < from + n; k++) {
      if (k >= bitSize) return false;
      out[k] = 1;
    }
    return true;
  };
  for (let i = 0; i < words; ) {
    const w = b.readBigUInt64BE(8 + i * 8);
    i++;
    const running = Number(w & 1n);
    const runLen = Number(w >> 1n & 0xffffffffn);
    const literals = Number(w >> 33n);
    if (running === 1 && !set(bit, runLen * 64)) return void 0;
    bit += runLen * 64;
    if (i + literals > words) return void 0;
    for (let k = 0; k < literals; k++, i++) {
      const halves = [b.readUInt32BE(8 + i * 8 + 4), b.readUInt32BE(8 + i * 8)];
      for (let h = 0; h < 2; h++) {
        const v = halves[h];
        if (v === 0) continue;
        for (let j = 0; j < 32; j++) if (v >>> j & 1 && !set(bit + h * 32 + j, 1)) return void 0;
      }
      bit += 64;
    }
  }
  return out;
}

// src/guard/gitindex.ts
import { statSync as statSync2 } from "node:fs";
import path6 from "node:path";

// src/guard/cache-tree.ts
import { createHash } from "node:crypto";
function lowerBound(entries, key, lo = 0, hi = entries.length) {
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (entries[mid].name < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function rangeOf(entries, prefix) {
  if (prefix === "") return [0, entries.length];
  const lo = lowerBound(entries, prefix);
  return [lo, lowerBound(entries, `${prefix.slice(0, -1)}0`, lo)];
}
function computeTree(entries, prefix, lo, hi, oidLen, memo) {
  const known = memo.get(prefix);
  if (known) return known;
  const parts = [];
  let kept = 0;
  let ok = true;
  for (let i = lo; i < hi; ) {
    const rest = entries[i].name.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) {
      const e = entries[i++];
      if (e.stage !== 0) ok = false;
      if (!ok || e.ita) continue;
      kept++;
      parts.push(Buffer.from(`${e.mode.toString(8)} ${rest}\0`, "latin1"), e.oid);
      continue;
    }
    const sub = `${prefix}${rest.slice(0, slash + 1)}`;
    const end = lowerBound(entries, `${sub.slice(0, -1)}0`, i, hi);
    const t = computeTree(entries, sub, i, end, oidLen, memo);
    i = end;
    if (!t.oid) ok = false;
    if (!ok || t.kept === 0) continue;
    kept += t.kept;
    parts.push(Buffer.from(`40000 ${rest.slice(0, slash)}\0`, "latin1"), t.oid);
  }
  const out = { oid: void 0, all: hi - lo, kept };
  if (ok) {
    const body = Buffer.concat(parts);
    out.oid = createHash(oidLen === 32 ? "sha256" : "sha1").update(`tree ${body.length}\0`).update(body).digest();
  }
  memo.set(prefix, out);
  return out;
}
function cacheTreeConsistent(ext, entries, oidLen) {
  try {
    const memo = /* @__PURE__ */ new Map();
    const at = { p: 0 };
    return checkNode(ext, at, void 0, entries, oidLen, memo) && at.p === ext.length;
  } catch {
    return false;
  }
}
function checkNode(ext, at, parent, entries, oidLen, memo) {
  const nul = ext.indexOf(0, at.p);
  if (nul < 0) return false;
  const name = ext.toString("latin1", at.p, nul);
  if (parent === void 0 ? name !== "" : name === "" || name.includes("/")) return false;
  const nl = ext.indexOf(10, nul + 1);
  if (nl < 0) return false;
  const m = /^(-1|\d{1,9}) (\d{1,9})$/.exec(ext.toString("latin1", nul + 1, nl));
  if (!m) return false;
  at.p = nl + 1;
  const here = parent === void 0 ? "" : `${parent}${name}/`;
  const count = Number(m[1]);
  if (count >= 0) {
    if (at.p + oidLen > ext.length) return false;
    const oid = ext.subarray(at.p, at.p + oidLen);
    at.p += oidLen;
    const [lo, hi] = rangeOf(entries, here);
    const t = computeTree(entries, here, lo, hi, oidLen, memo);
    if (!t.oid?.equals(oid) || t.all !== t.kept || count !== t.all) return false;
  }
  for (let n = Number(m[2]); n > 0; n--) if (!checkNode(ext, at, here, entries, oidLen, memo)) return false;
  return true;
}

// src/guard/gitindex.ts
var F_ASSUME_VALID = 1;
var F_SKIP_WORKTREE = 2;
var F_INTENT_TO_ADD = 4;
var F_CONFLICT = 8;
var fileKeyOf = (s) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
function unchangedSince(previous, s) {
  if (!previous?.bytes || previous.fileKey === void 0 || previous.readAt === void 0) return false;
  if (previous.fileKey !== fileKeyOf(s)) return false;
  const window = s.ctimeNs % 1000000000n === 0n ? 2100 : 100;
  return Number(s.ctimeNs / 1000000n) < previous.readAt - window;
}
function emptyState(listing, parsed, n = 0) {
  return { entries: /* @__PURE__ */ new Map(), mode: new Uint32Array(n), flags: new Uint8Array(n), stat: new Uint32Array(n * 6), oid: new Array(n), listing, parsed };
}
function readVarint(buf, p) {
  let c = buf[p++];
  let value = c & 127;
  while (c & 128) {
    value += 1;
    c = buf[p++];
    value = value * 128 + (c & 127);
  }
  return { value, next: p };
}
function parseIndex(buf, oidLen, withListing = true) {
  if (buf.length < 12 + oidLen || buf.toString("latin1", 0, 4) !== "DIRC") return void 0;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return void 0;
  const body = buf.length - oidLen;
  const trailer = buf.subarray(body);
  if (trailer.some((b) => b !== 0)) {
    const sum = createHash2(oidLen === 32 ? "sha256" : "sha1").update(buf.subarray(0, body)).digest();
    if (!sum.equals(trailer)) return void 0;
  }
  const count = buf.readUInt32BE(8);
  if (count > (body - 12) / (40 + oidLen + 3)) return void 0;
  const st = emptyState(void 0, true, count);
  const text = buf.toString("latin1");
  const oidBytes = Buffer.allocUnsafe(count * oidLen);
  const lst = withListing ? Buffer.allocUnsafe(buf.length + 16) : Buffer.alloc(0);
  let lp = 0;
  let off = 12;
  let prev = Buffer.alloc(0);
  let prevKey = "";
  let slots = 0;
  const treeEntries = [];
  const entryAt = new Array(count);
  const ordinalSlot = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const start = off;
    entryAt[n] = start;
    if (off + 40 + oidLen + 2 > body) return void 0;
    const mode = buf.readUInt32BE(off + 24);
    let p = off + 40 + oidLen;
    const flags = buf.readUInt16BE(p);
    p += 2;
    let ext = 0;
    if (flags & 16384) {
      if (version < 3 || p + 2 > body) return void 0;
      ext = buf.readUInt16BE(p);
      p += 2;
    }
    let nameStart;
    let nameEnd;
    let nameBuf;
    if (version === 4) {
      const v = readVarint(buf, p);
      const nul = buf.indexOf(0, v.next);
      if (nul < 0 || nul >= body || v.value > prev.length) return void 0;
      nameBuf = Buffer.concat([prev.subarray(0, prev.length - v.value), buf.subarray(v.next, nul)]);
      prev = nameBuf;
      nameStart = 0;
      nameEnd = nameBuf.length;
      off = nul + 1;
    } else {
      const nul = buf.indexOf(0, p);
      if (nul < 0 || nul >= body) return void 0;
      nameStart = p;
      nameEnd = nul;
      off = start + (nul - start + 8 & ~7);
    }
    if ((mode & 61440) === 16384) return void 0;
    const nameLen = nameEnd - nameStart;
    if ((flags & 4095) !== Math.min(nameLen, 4095)) return void 0;
    if (withListing && lp + 4 + oidLen + 4 + nameLen + 1 > lst.length) return void 0;
    if (withListing) {
      for (let k = start + 24; k < start + 28; k++) lst[lp++] = buf[k];
      for (let k = start + 40, e = start + 40 + oidLen; k < e; k++) lst[lp++] = buf[k];
      const fl = flags & 45056;
      const ex = ext & 24576;
      lst[lp++] = fl >> 8;
      lst[lp++] = fl & 255;
      lst[lp++] = ex >> 8;
      lst[lp++] = ex & 255;
      const nb = nameBuf ?? buf;
      for (let k = nameStart; k < nameEnd; k++) lst[lp++] = nb[k];
      lst[lp++] = 0;
    }
    const key = nameBuf ? decodePath(nameBuf) : decodeRange(buf, text, nameStart, nameEnd);
    const stage = flags >> 12 & 3;
    if (withListing) {
      const raw = nameBuf ? nameBuf.toString("latin1") : text.slice(nameStart, nameEnd);
      treeEntries.push({ name: raw, mode, stage, ita: (ext & 8192) !== 0, oid: buf.subarray(start + 40, start + 40 + oidLen) });
    }
    if (key === prevKey) {
      if (stage === 0 || !(st.flags[slots - 1] & F_CONFLICT)) return void 0;
      ordinalSlot[n] = slots - 1;
      continue;
    }
    prevKey = key;
    const slot = slots++;
    ordinalSlot[n] = slot;
    st.entries.set(key, slot);
    if (stage !== 0) {
      st.flags[slot] = F_CONFLICT;
      continue;
    }
    st.mode[slot] = mode;
    st.flags[slot] = (flags & 32768 ? F_ASSUME_VALID : 0) | (ext & 16384 ? F_SKIP_WORKTREE : 0) | (ext & 8192 ? F_INTENT_TO_ADD : 0);
    for (let k = 0, o = slot * oidLen; k < oidLen; k++) oidBytes[o + k] = buf[start + 40 + k];
    const s6 = slot * 6;
    st.stat[s6] = buf.readUInt32BE(start);
    st.stat[s6 + 1] = buf.readUInt32BE(start + 4);
    st.stat[s6 + 2] = buf.readUInt32BE(start + 8);
    st.stat[s6 + 3] = buf.readUInt32BE(start + 12);
    st.stat[s6 + 4] = buf.readUInt32BE(start + 20);
    st.stat[s6 + 5] = buf.readUInt32BE(start + 36);
  }
  if (st.entries.size !== slots) return void 0;
  const hex = oidBytes.toString("hex", 0, slots * oidLen);
  for (let k = 0; k < slots; k++) if (!(st.flags[k] & F_CONFLICT)) st.oid[k] = hex.slice(k * 2 * oidLen, (k + 1) * 2 * oidLen);
  const h = createHash2("sha256").update(lst.subarray(0, lp));
  const extStart = off;
  let eoieAt = -1;
  while (off + 8 <= body) {
    const sig = buf.toString("latin1", off, off + 4);
    const size = buf.readUInt32BE(off + 4);
    if (off + 8 + size > body) return void 0;
    if (sig === "link" || sig === "sdir") return void 0;
    if (!KNOWN_EXTENSIONS.has(sig) && sig[0] >= "A" && sig[0] <= "Z") return void 0;
    if (sig === "EOIE" && (size !== 4 + oidLen || buf.readUInt32BE(off + 8) !== extStart)) return void 0;
    if (sig === "EOIE") eoieAt = off;
    if (sig === "IEOT" && !ieotAgrees(buf.subarray(off + 8, off + 8 + size), entryAt)) return void 0;
    if (sig === "FSMN") {
      const dirty = fsmonitorDirty(buf.subarray(off + 8, off + 8 + size), count);
      if (!dirty) return void 0;
      st.fsmn = createHash2("sha256").update(buf.subarray(off + 8, off + 8 + size)).digest("hex");
      st.fsmnValid = new Uint8Array(slots).fill(1);
      for (let n = 0; n < count; n++) if (dirty[n]) st.fsmnValid[ordinalSlot[n]] = 0;
    }
    if (sig === "UNTR")
      st.untr = createHash2("sha256").update(buf.subarray(off + 8, off + 8 + size)).digest("hex");
    if (sig === "REUC") h.update("REUC").update(buf.subarray(off + 8, off + 8 + size));
    else if (sig === "TREE" && withListing && !cacheTreeConsistent(buf.subarray(off + 8, off + 8 + size), treeEntries, oidLen)) {
      h.update("TREE").update(buf.subarray(off + 8, off + 8 + size));
    } else if (sig[0] < "A" || sig[0] > "Z") return void 0;
    off += 8 + size;
  }
  if (off !== body) return void 0;
  const tail = body - (8 + 4 + oidLen);
  if (tail >= extStart && buf.toString("latin1", tail, tail + 4) === "EOIE" && buf.readUInt32BE(tail + 4) === 4 + oidLen && tail !== eoieAt) return void 0;
  if (withListing) st.listing = h.digest("hex");
  return st;
}
var KNOWN_EXTENSIONS = /* @__PURE__ */ new Set(["TREE", "REUC", "UNTR", "FSMN", "EOIE", "IEOT"]);
function ieotAgrees(data, entryAt) {
  if (data.length < 4 || (data.length - 4) % 8 !== 0 || data.readUInt32BE(0) !== 1) return false;
  let k = 0;
  for (let p = 4; p < data.length; p += 8) {
    if (k >= entryAt.length || data.readUInt32BE(p) !== entryAt[k]) return false;
    k += data.readUInt32BE(p + 4);
  }
  return k === entryAt.length;
}
function parseQuietly(bytes, oidLen) {
  try {
    return parseIndex(bytes, oidLen, false);
  } catch {
    return void 0;
  }
}
var listings = /* @__PURE__ */ new WeakMap();
function indexListing(ix) {
  if (ix.listing !== void 0) return ix.listing;
  const cached = listings.get(ix.bytes);
  if (cached !== void 0) return cached;
  const parsed = parseIndex(ix.bytes, ix.oidLen ?? 20, true);
  const listing = parsed?.listing ?? createHash2("sha256").update("unparseable\0").update(ix.bytes).digest("hex");
  listings.set(ix.bytes, listing);
  return listing;
}
async function listIndex(root) {
  const r = await gitRaw(root, ["ls-files", "-z", "-s", "-v"]);
  const recs = r.stdout.toString("latin1").split("\0").filter((x) => x.includes("	"));
  const st = emptyState(createHash2("sha256").update("ls-files\0").update(r.stdout).update(`\0exit:${r.exitCode}:${r.stderr}`).digest("hex"), false, recs.length);
  let slots = 0;
  for (const rec of recs) {
    const tab = rec.indexOf("	");
    const [tag, mode, oid, stage] = rec.slice(0, tab).split(" ");
    const key = decodePath(Buffer.from(rec.slice(tab + 1), "latin1"));
    let slot = st.entries.get(key);
    if (slot === void 0) {
      slot = slots++;
      st.entries.set(key, slot);
    }
    if (stage !== "0") {
      st.flags[slot] = F_CONFLICT;
      continue;
    }
    st.mode[slot] = parseInt(mode, 8);
    st.oid[slot] = oid;
    st.flags[slot] = (tag === tag.toLowerCase() ? F_ASSUME_VALID : 0) | (tag.toUpperCase() === "S" ? F_SKIP_WORKTREE : 0);
  }
  return st;
}
async function readIndexState(root, gitDir, oidLen, previous) {
  const file = path6.join(gitDir, "index");
  let bytes;
  let mtimeS;
  let mtimeN;
  let fileKey2;
  const readAt = Date.now();
  try {
    const first = statSync2(file, { bigint: true });
    if (unchangedSince(previous, first)) return { ...previous };
    bytes = readUntrustedFile(file);
    const s = statSync2(file, { bigint: true });
    mtimeS = Number(s.mtimeNs / 1000000000n);
    mtimeN = Number(s.mtimeNs % 1000000000n);
    if (fileKeyOf(first) === fileKeyOf(s)) fileKey2 = fileKeyOf(s);
  } catch {
    return { ...emptyState(createHash2("sha256").update("no index").digest("hex"), true), mtimeS: 0, mtimeN: 0 };
  }
  if (previous?.bytes?.equals(bytes)) return { ...previous, mtimeS, mtimeN, fileKey: fileKey2, readAt };
  const parsed = parseQuietly(bytes, oidLen);
  if (parsed) return { ...parsed, oidLen, mtimeS, mtimeN, bytes, fileKey: fileKey2, readAt };
  const listed = await listIndex(root);
  return { ...listed, oidLen, listing: createHash2("sha256").update(listed.listing).update(bytes).digest("hex"), mtimeS, mtimeN, bytes, fileKey: fileKey2, readAt };
}
function statMatches(ix, slot, e) {
  if (ix.flags[slot] !== 0) return false;
  const mode = ix.mode[slot];
  if (mode !== 33188 && mode !== 33261) return false;
  if ((e.mode & 61440) !== 32768) return false;
  if (mode === 33261 !== ((e.mode & 64) !== 0)) return false;
  const s = ix.stat;
  const o = slot * 6;
  if (s[o + 5] !== e.size % 4294967296 || s[o + 4] !== e.ino % 4294967296) return false;
  if (s[o] !== e.ctimeS % 4294967296 || s[o + 1] !== e.ctimeN || s[o + 2] !== e.mtimeS % 4294967296 || s[o + 3] !== e.mtimeN) return false;
  const before = (aS, aN) => aS < ix.mtimeS || aS === ix.mtimeS && aN < ix.mtimeN;
  return before(e.mtimeS, e.mtimeN) && before(e.ctimeS, e.ctimeN);
}

// src/guard/compare.ts
function treeChange(p, b, a) {
  if (!b) return a ? { path: p, kind: "created", area: "tree" } : void 0;
  if (!a) return { path: p, kind: "deleted", area: "tree" };
  if (a.type !== b.type) return { path: p, kind: "type", area: "tree" };
  if (a.hash !== b.hash) return { path: p, kind: "modified", area: "tree" };
  if (a.mode !== b.mode) return { path: p, kind: "mode", area: "tree" };
  return void 0;
}
function repoDiffers(b, a) {
  if (!a.index || !b.index) return a.hash !== b.hash || !!a.index !== !!b.index;
  if (a.index.bytes !== void 0 && a.index.bytes === b.index.bytes) return false;
  return indexListing(a.index) !== indexListing(b.index);
}
function compareSnapshots(before, after) {
  const changes = [];
  const add = (c) => c && changes.push(c);
  if (after.since?.base === before) {
    for (const p of after.since.paths) add(treeChange(p, before.tree.get(p), after.tree.get(p)));
  } else {
    for (const [p, b] of before.tree) add(treeChange(p, b, after.tree.get(p)));
    for (const [p, a] of after.tree) if (!before.tree.has(p)) add(treeChange(p, void 0, a));
  }
  for (const [p, b] of before.repo) {
    const a = after.repo.get(p);
    if (!a) changes.push({ path: p, kind: "deleted", area: "repo" });
    else if (repoDiffers(b, a)) changes.push({ path: p, kind: "modified", area: "repo" });
  }
  for (const [p, a] of after.repo) if (!before.repo.has(p) && !a.object) changes.push({ path: p, kind: "created", area: "repo" });
  return changes.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
function gateChanges(changes, policy) {
  const out = [];
  for (const c of changes) {
    if (c.kind === "deleted") {
      if (c.area === "tree" && isAllowed(c.path, policy.deletionAllowlist)) continue;
      out.push({ ...c, code: "GITCLEANFAIL" });
      continue;
    }
    if (c.area === "tree" && isAllowed(c.path, policy.writeAllowlist)) continue;
    out.push({ ...c, code: "MODIFICATIONFAIL" });
  }
  return out;
}
function formatChanges(changes) {
  return changes.map((c) => `${c.kind}	${c.area}	${JSON.stringify(c.path)}`).join("\n") + (changes.length ? "\n" : "");
}

// src/guard/snapshot.ts
import { existsSync as existsSync5 } from "node:fs";
import path10 from "node:path";
import { performance } from "node:perf_hooks";

// src/guard/snapshot-config.ts
import { existsSync as existsSync3, lstatSync as lstatSync5, statSync as statSync3 } from "node:fs";
import os3 from "node:os";
import path7 from "node:path";

// src/guard/snapshot-types.ts
var RACY_WINDOW_FINE = 100;
var RACY_WINDOW_COARSE = 2100;

// src/guard/snapshot-config.ts
async function repoConfig(root) {
  const r = await git(root, ["config", "-z", "--get-regexp", "^(core\\.(autocrlf|attributesfile)|extensions\\.objectformat)$"]);
  if (r.exitCode > 1) throw new Error(`git config failed in ${root}: ${r.stderr.trim()}`);
  let autocrlf = false;
  let attributesFile = false;
  let objectFormat = "sha1";
  for (const rec of r.stdout.split("\0")) {
    const nl = rec.indexOf("\n");
    const key = (nl < 0 ? rec : rec.slice(0, nl)).toLowerCase();
    const value = nl < 0 ? "true" : rec.slice(nl + 1).toLowerCase();
    if (key === "core.autocrlf") autocrlf = ["true", "input", "yes", "on", "1"].includes(value);
    if (key === "core.attributesfile") attributesFile = true;
    if (key === "extensions.objectformat") objectFormat = value === "sha256" ? "sha256" : "sha1";
  }
  if (existsSync3(xdgAttributes())) attributesFile = true;
  return { autocrlf, attributesFile, objectFormat };
}
function xdgAttributes() {
  const home = process.env.HOME ?? os3.homedir();
  return path7.join(process.env.XDG_CONFIG_HOME || path7.join(home, ".config"), "git", "attributes");
}
var configCache = /* @__PURE__ */ new Map();
function configKey(gitDir, commonDir) {
  const env = process.env;
  if (env.GIT_CONFIG_PARAMETERS || env.GIT_CONFIG_COUNT || env.GIT_CONFIG) return void 0;
  const home = env.HOME ?? os3.homedir();
  const xdg = env.XDG_CONFIG_HOME || path7.join(home, ".config");
  const files = [
    path7.join(commonDir, "config"),
    path7.join(gitDir, "config.worktree"),
    path7.join(commonDir, "config.worktree"),
    path7.join(xdg, "git", "attributes")
  ];
  if (env.GIT_CONFIG_GLOBAL !== void 0) files.push(env.GIT_CONFIG_GLOBAL);
  else files.push(path7.join(home, ".gitconfig"), path7.join(xdg, "git", "config"));
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? "/etc/gitconfig");
  const parts = [];
  let newest = 0;
  let mentions = false;
  for (const f of files) {
    let st;
    try {
      st = statSync3(f, { bigint: true });
    } catch {
      parts.push(`${f}:-`);
      continue;
    }
    let text = "";
    try {
      text = st.isFile() ? readUntrustedFile(f).toString("latin1") : "";
    } catch {
      return void 0;
    }
    if (/include/i.test(text)) return void 0;
    if (/autocrlf|attributesfile|objectformat/i.test(text)) mentions = true;
    parts.push(`${f}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`);
    newest = Math.max(newest, Number(st.ctimeNs / 1000000n), Number(st.mtimeNs / 1000000n));
  }
  return { key: parts.join("\0"), newest, mentions };
}
async function repoConfigCached(root, gitDir, commonDir) {
  const k = configKey(gitDir, commonDir);
  if (k && !k.mentions) return { autocrlf: false, attributesFile: existsSync3(xdgAttributes()), objectFormat: "sha1" };
  const hit = configCache.get(root);
  if (k && hit && hit.key === k.key && k.newest < hit.at - RACY_WINDOW_FINE) return hit.cfg;
  const at = Date.now();
  const cfg = await repoConfig(root);
  if (k) configCache.set(root, { key: k.key, at, cfg });
  return cfg;
}
async function objectFormatOf(commonDir, config) {
  try {
    const text = readUntrustedFile(path7.join(commonDir, "config")).toString("utf8");
    if (!/objectformat/i.test(text)) return "sha1";
  } catch {
  }
  return (await config).objectFormat;
}
async function gitDirsOf(root) {
  try {
    const dotGit = path7.join(root, ".git");
    const s = lstatSync5(dotGit);
    if (s.isDirectory() && existsSync3(path7.join(dotGit, "HEAD"))) return { gitDir: dotGit, commonDir: dotGit };
    if (s.isFile()) {
      const m = /^gitdir: (.+?)\r?\n?$/.exec(readUntrustedFile(dotGit, 64 << 10).toString("utf8"));
      if (m) {
        const gitDir = path7.resolve(root, m[1]);
        let commonDir = gitDir;
        try {
          commonDir = path7.resolve(
            gitDir,
            readUntrustedFile(path7.join(gitDir, "commondir"), 64 << 10).toString("utf8").trim()
          );
        } catch {
        }
        if (existsSync3(path7.join(gitDir, "HEAD"))) return { gitDir, commonDir };
      }
    }
  } catch {
  }
  const r = await resolveGitDirs(root);
  return { gitDir: r.gitDir, commonDir: r.commonDir };
}
var CONVERSION_ATTRS = ["text", "eol", "crlf", "ident", "filter", "working-tree-encoding"];
async function conversionFree(root, cfg, candidates) {
  const input = Buffer.concat(candidates.flatMap((c) => [encodePath(c), Buffer.from([0])]));
  const r = await gitRaw(root, ["check-attr", "-z", "--stdin", ...CONVERSION_ATTRS], { input });
  if (r.exitCode !== 0) return /* @__PURE__ */ new Set();
  const attrs = /* @__PURE__ */ new Map();
  const parts = r.stdout.toString("latin1").split("\0");
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const p = decodePath(Buffer.from(parts[i], "latin1"));
    let m = attrs.get(p);
    if (!m) {
      m = /* @__PURE__ */ new Map();
      attrs.set(p, m);
    }
    m.set(parts[i + 1], parts[i + 2]);
  }
  const safe = /* @__PURE__ */ new Set();
  for (const c of candidates) {
    const m = attrs.get(c);
    if (!m) continue;
    const v = (a) => m.get(a) ?? "missing";
    const textOff = v("text") === "unset" || v("text") === "unspecified" && v("crlf") === "unset";
    const textFree = textOff || v("text") === "unspecified" && v("crlf") === "unspecified" && !cfg.autocrlf;
    const rest = v("eol") === "unspecified" && ["unspecified", "unset"].includes(v("ident")) && ["unspecified", "unset"].includes(v("filter")) && v("working-tree-encoding") === "unspecified";
    if (textFree && rest) safe.add(c);
  }
  return safe;
}
async function resolveGitDirs(root) {
  const out = await gitOk(root, ["rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir", "--show-object-format"]);
  const [gitDir, commonDir, format] = out.trim().split("\n");
  return { gitDir, commonDir, objectFormat: format === "sha256" ? "sha256" : "sha1" };
}

// src/guard/snapshot-hash.ts
import { createHash as createHash3, randomUUID } from "node:crypto";
import { closeSync as closeSync3, existsSync as existsSync4, fstatSync as fstatSync2, lstatSync as lstatSync6, readlinkSync as readlinkSync2 } from "node:fs";
import path8 from "node:path";
function rawBlobId(data, format = "sha1") {
  return createHash3(format).update(`blob ${data.length}\0`).update(data).digest("hex");
}
function linkHash(root, rel) {
  try {
    return `link:${decodePath(readlinkSync2(fsPath(root, rel), { encoding: "buffer" }))}`;
  } catch {
    return `unreadable:${randomUUID()}`;
  }
}
function folderKey(root, rel, mode) {
  try {
    const s = lstatSync6(fsPath(root, rel), { bigint: true });
    return `other:${mode}:folder ${s.ino}:${s.mode}:${s.ctimeNs}:${s.mtimeNs}`;
  } catch {
    return `other:${mode}:folder gone`;
  }
}
function hashEntry(root, rel, type, mode, format) {
  if (type === "symlink") return linkHash(root, rel);
  if (type !== "file") return (mode & 61440) === 16384 ? folderKey(root, rel, mode) : `other:${mode}`;
  const r = new BeneathReader(root);
  try {
    const o = r.open(rel, { allowHardLinks: true });
    if (!("fd" in o)) return o.kind === "file" ? `unreadable:${randomUUID()}` : o.kind === "symlink" ? linkHash(root, rel) : `other:${o.mode}`;
    try {
      return blobIdOf(o, format);
    } finally {
      closeSync3(o.fd);
    }
  } catch {
    return `unreadable:${randomUUID()}`;
  } finally {
    r.close();
  }
}
var HASH_HERE_LIMIT = 8 << 20;
async function storeRaw(root, commonDir, rels, entries, format) {
  const out = /* @__PURE__ */ new Map();
  const toGit = [];
  const reader = new BeneathReader(root);
  try {
    for (const rel of rels) {
      if (entries.get(rel).size > HASH_HERE_LIMIT) {
        toGit.push(rel);
        continue;
      }
      const got = reader.inspect(rel, { maxBytes: HASH_HERE_LIMIT, allowHardLinks: true });
      if (!got.data) {
        if (got.kind === "file" && got.size > HASH_HERE_LIMIT) toGit.push(rel);
        else out.set(rel, `unreadable:${randomUUID()}`);
        continue;
      }
      const id = rawBlobId(got.data, format);
      if (existsSync4(path8.join(commonDir, "objects", id.slice(0, 2), id.slice(2)))) out.set(rel, id);
      else toGit.push(rel);
    }
    for (let i = 0; i < toGit.length; i += GIT_BATCH) {
      for (const [rel, id] of await storeThroughGit(root, reader, toGit.slice(i, i + GIT_BATCH), format)) out.set(rel, id);
    }
  } finally {
    reader.close();
  }
  return out;
}
var GIT_BATCH = 200;
async function storeThroughGit(root, reader, rels, format) {
  const out = /* @__PURE__ */ new Map();
  const opened = [];
  try {
    for (const rel of rels) {
      const o = reader.open(rel, { allowHardLinks: true });
      if ("fd" in o) opened.push({ rel, fd: o.fd });
      else out.set(rel, `unreadable:${randomUUID()}`);
    }
    if (opened.length === 0) return out;
    const viaFd = process.platform === "linux";
    const input = Buffer.concat(opened.flatMap((o) => [viaFd ? cQuote(`/proc/${process.pid}/fd/${o.fd}`) : cQuote(path8.join(root, o.rel)), Buffer.from("\n")]));
    const r = await git(root, ["hash-object", "-w", "--no-filters", "--stdin-paths"], { input });
    const ids = r.exitCode === 0 ? r.stdout.trim().split("\n") : [];
    const hexLen = format === "sha256" ? 64 : 40;
    if (ids.length === opened.length && ids.every((id) => id.length === hexLen && /^[0-9a-f]+$/.test(id))) {
      for (const [i, o] of opened.entries()) out.set(o.rel, ids[i]);
      return out;
    }
    for (const o of opened) out.set(o.rel, blobIdOf({ fd: o.fd, size: fstatSync2(o.fd).size }, format));
    return out;
  } finally {
    for (const o of opened) if (o.fd !== void 0) closeSync3(o.fd);
  }
}

// src/guard/snapshot-repo.ts
import { createHash as createHash4, randomUUID as randomUUID2 } from "node:crypto";
import { closeSync as closeSync4, constants, fstatSync as fstatSync3, lstatSync as lstatSync7, openSync as openSync3, readdirSync as readdirSync7, readlinkSync as readlinkSync3, readSync as readSync3 } from "node:fs";
import path9 from "node:path";
var OPENCODE_OWN_STATE = /* @__PURE__ */ new Set([".git/opencode"]);
var KEEP_CONTENT_LIMIT = 1 << 20;
var HASH_LIMIT = 64 << 20;
function repoEntryOf(abs, s) {
  if (s.isFile() && s.size > BigInt(KEEP_CONTENT_LIMIT)) {
    const p = typeof abs === "string" ? abs : decodePath(abs);
    const hash2 = createHash4("sha256").update(`large:${contentSha256(path9.dirname(p), path9.basename(p), HASH_LIMIT)}`).update(`mode:${Number(s.mode)}`).digest("hex");
    return { hash: hash2, content: void 0, mode: Number(s.mode) };
  }
  const data = s.isSymbolicLink() ? Buffer.from(`link:${decodePath(readlinkSync3(abs, { encoding: "buffer" }))}`) : s.isFile() ? readRepoFileAt(abs) : Buffer.from(`other:${Number(s.mode)}`);
  const hash = createHash4("sha256").update(data).update(`mode:${Number(s.mode)}`).digest("hex");
  return { hash, content: data.length <= KEEP_CONTENT_LIMIT ? data : void 0, mode: Number(s.mode) };
}
function readRepoFileAt(abs) {
  return readUntrustedFile(typeof abs === "string" ? abs : decodePath(abs), KEEP_CONTENT_LIMIT + 1);
}
function listObjects(dir, prefix, out) {
  let ents;
  try {
    ents = readdirSync7(dir, { withFileTypes: true, encoding: "buffer" });
  } catch {
    return;
  }
  for (const d of ents) {
    const rel = `${prefix}/${decodePath(d.name)}`;
    const abs = Buffer.concat([typeof dir === "string" ? Buffer.from(dir) : dir, Buffer.from("/"), d.name]);
    if (d.isDirectory()) listObjects(abs, rel, out);
    else out.set(rel, { hash: "object", object: true });
  }
}
function walkRepoDir(dir, prefix, skip, out) {
  let names;
  try {
    names = readdirSync7(prefix ? fsPath(dir, prefix) : dir, { encoding: "buffer" });
  } catch {
    return;
  }
  for (const nb of names) {
    const rel = prefix ? `${prefix}/${decodePath(nb)}` : decodePath(nb);
    if (skip(rel)) continue;
    const abs = fsPath(dir, rel);
    let s;
    try {
      s = lstatSync7(abs, { bigint: true });
    } catch {
      continue;
    }
    if (s.isDirectory()) {
      if (rel === "objects") {
        for (const n of readdirSafe(abs)) {
          const sub = `objects/${decodePath(n)}`;
          if (sub === "objects/info") walkRepoDir(dir, sub, skip, out);
          else listObjects(fsPath(dir, sub), sub, out);
        }
        continue;
      }
      walkRepoDir(dir, rel, skip, out);
      continue;
    }
    try {
      out.set(rel, repoEntryOf(abs, s));
    } catch {
      out.set(rel, { hash: `unreadable:${randomUUID2()}` });
    }
  }
}
function readdirSafe(abs) {
  try {
    return readdirSync7(abs, { encoding: "buffer" });
  } catch {
    return [];
  }
}
function snapshotRepo(root, gitDir, commonDir, index) {
  const out = /* @__PURE__ */ new Map();
  const ownWorktree = gitDir !== commonDir ? toPosix(path9.relative(commonDir, gitDir)) : void 0;
  const skip = (rel) => {
    if (rel === "index" || rel === "index.lock" || OPENCODE_OWN_STATE.has(`.git/${rel}`)) return true;
    if (rel === "worktrees" || rel.startsWith("worktrees/")) {
      if (!ownWorktree) return true;
      return !(ownWorktree === rel || ownWorktree.startsWith(`${rel}/`) || rel.startsWith(`${ownWorktree}/`)) || rel === `${ownWorktree}/index`;
    }
    return false;
  };
  walkRepoDir(commonDir, "", skip, out);
  const renamed = /* @__PURE__ */ new Map();
  for (const [rel, e] of out) renamed.set(`.git/${rel}`, e);
  const indexName = ownWorktree ? `.git/${ownWorktree}/index` : ".git/index";
  renamed.set(indexName, { hash: "index", content: index.bytes, mode: 33188, index });
  const gitfile = path9.join(root, ".git");
  try {
    const s = lstatSync7(gitfile, { bigint: true });
    if (!s.isDirectory()) renamed.set(".git", repoEntryOf(gitfile, s));
  } catch {
  }
  return renamed;
}
function indexCount(gitDir) {
  try {
    const fd = openSync3(path9.join(gitDir, "index"), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!fstatSync3(fd).isFile()) return 0;
      const head = Buffer.alloc(12);
      return readSync3(fd, head, 0, 12, 0) === 12 && head.toString("latin1", 0, 4) === "DIRC" ? head.readUInt32BE(8) : 0;
    } finally {
      closeSync4(fd);
    }
  } catch {
    return 0;
  }
}

// src/guard/snapshot.ts
function timer(opts) {
  let t = performance.now();
  return (phase) => {
    const now = performance.now();
    if (opts.timings) opts.timings[phase] = (opts.timings[phase] ?? 0) + (now - t);
    t = now;
  };
}
function excluded(rel, exclude) {
  return exclude.some((e) => e.endsWith("/") ? rel.startsWith(e) : rel === e);
}
async function walkForSnapshot(root, opts, sizeHint) {
  const exclude = opts.exclude ?? [];
  const takenAt = Date.now();
  const w = await walk(root, opts.walker, sizeHint, prunedFolders(exclude));
  const tree = w.entries;
  let fine = false;
  let attributes = false;
  for (const [rel, e] of tree) {
    if (exclude.length > 0 && excluded(rel, exclude)) {
      tree.delete(rel);
      continue;
    }
    if (!fine && e.ctimeN !== 0) fine = true;
    if (rel.endsWith(".gitattributes") && (rel === ".gitattributes" || rel.endsWith("/.gitattributes"))) attributes = true;
  }
  return {
    tree,
    dirs: w.dirs,
    takenAt,
    racyWindow: fine || tree.size === 0 ? RACY_WINDOW_FINE : RACY_WINDOW_COARSE,
    walker: w.walker,
    walkState: w.state,
    attributes
  };
}
async function takeSnapshot(root, opts = {}) {
  const lap = timer(opts);
  const { gitDir, commonDir } = await gitDirsOf(root);
  const config = repoConfigCached(root, gitDir, commonDir);
  config.catch(() => {
  });
  const format = await objectFormatOf(commonDir, config);
  const oidLen = format === "sha256" ? 32 : 20;
  lap("before: dirs");
  const walking = walkForSnapshot(root, opts, indexCount(gitDir));
  walking.catch(() => {
  });
  lap("before: walk start");
  const index = await readIndexState(root, gitDir, oidLen);
  lap("before: index");
  const w = await walking;
  lap("before: walk");
  const cfg = await config;
  lap("before: config");
  if (cfg.objectFormat !== format) throw new Error(`object format: config says ${cfg.objectFormat}, the repository ${format}`);
  const objectFormat = cfg.objectFormat;
  const mayConvert = cfg.autocrlf || cfg.attributesFile || w.attributes || existsSync5(path10.join(commonDir, "info", "attributes")) || existsSync5("/etc/gitattributes");
  const candidates = [];
  const toStore = [];
  for (const [rel, e] of w.tree) {
    const slot = index.entries.get(rel);
    e.tracked = slot !== void 0;
    if (e.type !== "file") e.hash = hashEntry(root, rel, e.type, e.mode, objectFormat);
    else if (index.parsed && slot !== void 0 && statMatches(index, slot, e)) {
      if (mayConvert) candidates.push(rel);
      else e.hash = index.oid[slot];
    } else toStore.push(rel);
  }
  lap("before: vouch");
  if (candidates.length > 0) {
    const vouched = await conversionFree(root, cfg, candidates);
    for (const rel of candidates) {
      if (vouched.has(rel)) w.tree.get(rel).hash = index.oid[index.entries.get(rel)];
      else toStore.push(rel);
    }
  }
  lap("before: attributes");
  for (const [rel, h] of await storeRaw(root, commonDir, toStore, w.tree, objectFormat)) w.tree.get(rel).hash = h;
  lap("before: store");
  const repo = snapshotRepo(root, gitDir, commonDir, index);
  lap("before: repo");
  const edge = (w.takenAt - w.racyWindow) / 1e3;
  const racy = [];
  for (const [rel, e] of w.tree) if (e.hash === void 0 || !settledBy(e, edge)) racy.push(rel);
  lap("before: racy");
  const exclude = opts.exclude ?? [];
  return {
    root,
    gitDir,
    commonDir,
    tree: w.tree,
    repo,
    dirs: w.dirs,
    takenAt: w.takenAt,
    racyWindow: w.racyWindow,
    index,
    objectFormat,
    walker: w.walker,
    walkState: w.walkState,
    exclude,
    racy
  };
}
function settledBy(e, edge) {
  return e.ctimeS + e.ctimeN / 1e9 < edge && e.mtimeS + e.mtimeN / 1e9 < edge;
}
function racyEdge(s) {
  return (s.takenAt - s.racyWindow) / 1e3;
}
var sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
async function takeSnapshotAfter(before, opts = {}) {
  const exclude = opts.exclude ?? [];
  if (!before.walkState || opts.walker === "node" || !sameList(exclude, before.exclude)) return afterWhole(before, opts);
  const root = before.root;
  const lap = timer(opts);
  const takenAt = Date.now();
  const walking = walkSince(root, before.walkState);
  walking.catch(() => {
  });
  lap("after: walk start");
  const index = await readIndexState(root, before.gitDir, before.objectFormat === "sha256" ? 32 : 20, before.index);
  lap("after: index");
  const d = await walking;
  lap("after: walk");
  if (!d) {
    if (opts.walker === "find") throw new Error('walker "find" requested, but GNU find is not available or failed');
    return afterWhole(before, opts, index);
  }
  const edge = racyEdge(before);
  const format = before.objectFormat;
  const updates = /* @__PURE__ */ new Map();
  for (const [rel, e] of d.changed) {
    if (exclude.length > 0 && excluded(rel, exclude)) continue;
    const prev = before.tree.get(rel);
    if (prev?.hash !== void 0 && sameStat(prev, e) && settledBy(prev, edge)) continue;
    updates.set(rel, { ...e, tracked: index.entries.has(rel), hash: hashEntry(root, rel, e.type, e.mode, format) });
  }
  for (const rel of d.removed) if (before.tree.has(rel)) updates.set(rel, void 0);
  for (const rel of before.racy) {
    if (d.changed.has(rel) || d.removed.has(rel)) continue;
    const prev = before.tree.get(rel);
    const hash = hashEntry(root, rel, prev.type, prev.mode, format);
    if (hash !== prev.hash) updates.set(rel, { ...prev, hash });
  }
  let tree = before.tree;
  if (updates.size > 0) {
    tree = new Map(before.tree);
    for (const [rel, e] of updates) {
      if (e) tree.set(rel, e);
      else tree.delete(rel);
    }
  }
  lap("after: hash");
  const after = afterSnapshot(before, index, { tree, dirs: d.dirs, takenAt, racyWindow: before.racyWindow, walker: "find", exclude }, lap);
  return { ...after, since: { base: before, paths: new Set(updates.keys()) } };
}
function afterSnapshot(before, index, walked, lap) {
  const repo = snapshotRepo(before.root, before.gitDir, before.commonDir, index);
  lap("after: repo");
  return {
    root: before.root,
    gitDir: before.gitDir,
    commonDir: before.commonDir,
    ...walked,
    repo,
    index,
    objectFormat: before.objectFormat,
    // Not kept: an after-snapshot is never read against.
    walkState: void 0,
    racy: []
  };
}
async function afterWhole(before, opts, indexRead) {
  const root = before.root;
  const lap = timer(opts);
  const walking = walkForSnapshot(root, opts, before.tree.size);
  walking.catch(() => {
  });
  lap("after: walk start");
  const index = indexRead ?? await readIndexState(root, before.gitDir, before.objectFormat === "sha256" ? 32 : 20, before.index);
  lap("after: index");
  const w = await walking;
  lap("after: walk");
  const edge = racyEdge(before);
  for (const [rel, e] of w.tree) {
    const prev = before.tree.get(rel);
    e.tracked = index.entries.has(rel);
    if (prev?.hash !== void 0 && sameStat(prev, e) && settledBy(prev, edge)) e.hash = prev.hash;
    else e.hash = hashEntry(root, rel, e.type, e.mode, before.objectFormat);
  }
  lap("after: hash");
  return afterSnapshot(
    before,
    index,
    { tree: w.tree, dirs: w.dirs, takenAt: w.takenAt, racyWindow: w.racyWindow, walker: w.walker, exclude: opts.exclude ?? [] },
    lap
  );
}

// src/guard/fingerprint.ts
import { createHash as createHash6 } from "node:crypto";
import { lstatSync as lstatSync9, readdirSync as readdirSync9, readlinkSync as readlinkSync5 } from "node:fs";
import path12 from "node:path";

// src/guard/index-stat.ts
import { readlinkSync as readlinkSync4 } from "node:fs";
var HASH_BUDGET_BYTES = 1 << 30;
function sameRecordedStat(a, sa, b, sb) {
  for (let k = 0; k < 6; k++) if (a.stat[sa * 6 + k] !== b.stat[sb * 6 + k]) return false;
  return true;
}
function trusted(ix, slot, e, wide) {
  const kind = ix.mode[slot] & 61440;
  if (!(kind === 32768 && e.type === "file" || kind === 40960 && (e.type === "symlink" || e.type === "file"))) return false;
  const o = slot * 6;
  if (ix.stat[o + 5] !== e.size % 4294967296 || ix.stat[o + 2] !== e.mtimeS % 4294967296) return false;
  if (ix.mtimeS === 0) return true;
  const [s, n, is] = [ix.stat[o + 2], ix.stat[o + 3], ix.mtimeS % 4294967296];
  return s < is || wide && s === is && n < ix.mtimeN;
}
function exactlyTrusted(ix, slot, e) {
  if (!trusted(ix, slot, e, false)) return false;
  const o = slot * 6;
  const s = ix.stat;
  return s[o] === e.ctimeS % 4294967296 && s[o + 1] === e.ctimeN && s[o + 3] === e.mtimeN && s[o + 4] === e.ino % 4294967296;
}
function workBlobId(root, rel, e, format) {
  if (e.type === "file") return hashEntry(root, rel, "file", e.mode, format);
  try {
    return rawBlobId(readlinkSync4(fsPath(root, rel), { encoding: "buffer" }), format);
  } catch {
    return "unreadable";
  }
}
function forgedIndexStat(root, before, after, tree, oidLen) {
  if (!before.parsed || !after.parsed || oidLen !== 20 && oidLen !== 32) return [];
  const format = oidLen === 32 ? "sha256" : "sha1";
  const out = [];
  let budget = HASH_BUDGET_BYTES;
  const sameTime = before.mtimeS === after.mtimeS && before.mtimeN === after.mtimeN;
  for (const [rel, slot] of after.entries) {
    const was = before.entries.get(rel);
    if (was === void 0 || after.flags[slot] !== 0) continue;
    const e = tree.get(rel);
    const stayed = before.flags[was] === 0 && sameRecordedStat(before, was, after, slot);
    const newWord = after.fsmnValid?.[slot] === 1 && !(before.fsmnValid?.[was] === 1 && before.fsmn === after.fsmn);
    if (newWord && !(e && exactlyTrusted(after, slot, e))) {
      if (!e) {
        out.push(rel);
        continue;
      }
    } else if (e && trusted(after, slot, e, true)) {
      if (stayed && (sameTime || trusted(before, was, e, false))) continue;
    } else continue;
    if (e.size > budget) {
      out.push(rel);
      continue;
    }
    budget -= e.size;
    if (workBlobId(root, rel, e, format) !== after.oid[slot]) out.push(rel);
  }
  return out.sort();
}

// src/guard/object-store.ts
import { lstatSync as lstatSync8, readdirSync as readdirSync8 } from "node:fs";
import path11 from "node:path";
import { createHash as createHash5 } from "node:crypto";
import { constants as zlibConstants, inflateSync } from "node:zlib";
var LOOSE_MAX_BYTES = 64 << 20;
var LOOSE_MAX_INFLATED = 512 << 20;
var INFLATE_BUDGET = 1 << 30;
function objectStoreKeys(commonDir) {
  const out = /* @__PURE__ */ new Map();
  const root = path11.join(commonDir, "objects");
  try {
    const s = lstatSync8(root, { bigint: true });
    out.set("objects", s.isDirectory() ? `dir:${s.dev}:${s.ino}` : `other:${s.mode}`);
    if (!s.isDirectory()) return out;
  } catch {
    return out;
  }
  const walk2 = (abs, rel) => {
    let names;
    try {
      names = readdirSync8(abs);
    } catch {
      return;
    }
    for (const name of names) {
      const a = path11.join(abs, name);
      const r = `${rel}/${name}`;
      try {
        const s = lstatSync8(a, { bigint: true });
        if (s.isDirectory()) {
          out.set(r, `dir:${s.dev}:${s.ino}`);
          walk2(a, r);
        } else out.set(r, s.isFile() ? `file:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : `other:${s.mode}`);
      } catch {
      }
    }
  };
  walk2(root, "objects");
  return out;
}
var TEMPORARY = /^objects\/([0-9a-f]{2}\/tmp_obj_[^/]*|incoming-.*)$/;
function objectStoreChanges(commonDir, a, b, oidLen) {
  const hexLen = oidLen * 2;
  const known = oidLen === 20 || oidLen === 32;
  const loose = known ? new RegExp(`^objects/([0-9a-f]{2})/([0-9a-f]{${hexLen - 2}})$`) : /(?!)/;
  const pack = known ? new RegExp(`^objects/pack/pack-([0-9a-f]{${hexLen}})\\.pack$`) : /(?!)/;
  const algorithm = oidLen === 32 ? "sha256" : "sha1";
  const abs = (rel) => path11.join(commonDir, rel);
  const out = [];
  const budget = { left: INFLATE_BUDGET };
  for (const [rel, ka] of a) {
    const kb = b.get(rel);
    if (kb === ka) continue;
    if (kb === void 0) {
      if (!TEMPORARY.test(rel)) out.push({ rel, kind: "deleted" });
      continue;
    }
    const l = loose.exec(rel);
    if (l && kb.startsWith("file:")) {
      if (!looseObjectMatches(abs(rel), l[1] + l[2], algorithm, budget)) out.push({ rel, kind: "modified" });
      continue;
    }
    const p = pack.exec(rel);
    if (p && sameFileAndSize(ka, kb)) {
      if (!packChecksumMatches(abs(rel), algorithm, p[1])) out.push({ rel, kind: "modified" });
      continue;
    }
    out.push({ rel, kind: "modified" });
  }
  for (const [rel, kb] of b) {
    if (a.has(rel) || TEMPORARY.test(rel) || kb.startsWith("dir:")) continue;
    const l = loose.exec(rel);
    if (l && kb.startsWith("file:") && looseObjectMatches(abs(rel), l[1] + l[2], algorithm, budget)) continue;
    out.push({ rel, kind: "created" });
  }
  return out.sort((x, y) => x.rel < y.rel ? -1 : 1);
}
function sameFileAndSize(ka, kb) {
  const [ta, inoA, sizeA] = ka.split(":");
  const [tb, inoB, sizeB] = kb.split(":");
  return ta === "file" && tb === "file" && inoA === inoB && sizeA === sizeB;
}
function looseObjectMatches(file, oid, algorithm, budget = { left: INFLATE_BUDGET }) {
  try {
    const data = readUntrustedFile(file, LOOSE_MAX_BYTES);
    const head = inflateSync(data.subarray(0, 64), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const nul = head.indexOf(0);
    const m = nul < 0 ? null : /^(blob|tree|commit|tag) (0|[1-9]\d{0,11})$/.exec(head.toString("latin1", 0, nul));
    if (!m) return false;
    const total = nul + 1 + Number(m[2]);
    if (total > LOOSE_MAX_INFLATED || total > budget.left) return false;
    budget.left -= total;
    const whole = inflateSync(data, { maxOutputLength: Math.max(total, 1) });
    return whole.length === total && createHash5(algorithm).update(whole).digest("hex") === oid;
  } catch {
    return false;
  }
}

// src/guard/fingerprint.ts
var REPO_SKIP = /* @__PURE__ */ new Set(["objects", "worktrees", "index", "index.lock", "opencode", "logs", "FETCH_HEAD", "gc.log"]);
var CONTENT_MAX_BYTES = 64 << 20;
var RACY_FINE_MS = 100;
var RACY_COARSE_MS = 2100;
var OWN_DIR_SKIP = /* @__PURE__ */ new Set(["index", "index.lock"]);
var LOCK_WAIT_MS = 1e3;
function gitEntryKey(root) {
  const abs = path12.join(root, ".git");
  try {
    const s = lstatSync9(abs, { bigint: true });
    if (s.isDirectory()) return `dir:${s.dev}:${s.ino}`;
    if (s.isSymbolicLink()) return `link:${readlinkSync5(abs)}`;
    if (s.isFile()) return `file:${contentSha256(root, ".git", CONTENT_MAX_BYTES)}`;
    return `other:${s.mode}`;
  } catch {
    return "missing";
  }
}
function hashRepoDir(dir, prefix, out, skip = REPO_SKIP, key = ".git") {
  let names;
  try {
    names = readdirSync9(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (!prefix && skip.has(name)) continue;
    const abs = path12.join(dir, name);
    try {
      const s = lstatSync9(abs);
      if (s.isDirectory()) {
        out.set(`${key}/${rel}/`, "folder");
        hashRepoDir(abs, rel, out, skip, key);
      } else
        out.set(
          `${key}/${rel}`,
          createHash6("sha256").update(s.isSymbolicLink() ? `link:${readlinkSync5(abs)}` : contentSha256(dir, name, CONTENT_MAX_BYTES)).update(`mode:${s.mode}`).digest("hex")
        );
    } catch {
    }
  }
}
async function untrackedCacheHides(root) {
  const args = ["status", "--porcelain=v1", "-z", "--untracked-files=normal", "--ignore-submodules=all"];
  const [asUser, without] = await Promise.all([git(root, args), git(root, ["-c", "core.untrackedCache=false", ...args])]);
  if (asUser.exitCode === without.exitCode && asUser.stdout === without.stdout) return void 0;
  return createHash6("sha256").update(`${asUser.exitCode}\0${asUser.stdout}\0${without.exitCode}\0${without.stdout}`).digest("hex");
}
function gitlinkKind(root, rel) {
  try {
    const s = lstatSync9(fsPath(root, rel), { bigint: true });
    return s.isDirectory() ? `folder ${s.dev}:${s.ino}` : `other ${s.mode}`;
  } catch {
    return "missing";
  }
}
async function modifiedByGit(root) {
  const r = await git(root, ["diff", "--name-only", "-z", "--ignore-submodules=all"]);
  if (r.exitCode !== 0) return /* @__PURE__ */ new Set([`\0git diff failed: ${r.exitCode}`]);
  return new Set(r.stdout.split("\0").filter(Boolean));
}
async function lockStays(file) {
  for (let waited = 0; ; waited += 100) {
    try {
      lstatSync9(file);
    } catch {
      return false;
    }
    if (waited >= LOCK_WAIT_MS) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
}
function excluded2(rel, exclude) {
  return exclude.some((e) => e.endsWith("/") ? rel.startsWith(e) : rel === e);
}
function contentHash(root, rel, e) {
  try {
    if (e.type === "symlink")
      return createHash6("sha256").update("link:").update(readlinkSync5(fsPath(root, rel), { encoding: "buffer" })).digest("hex");
    if (e.type === "file") return contentSha256(root, rel, CONTENT_MAX_BYTES);
    return `other:${e.mode}`;
  } catch {
    return `unreadable:${Date.now()}:${Math.random()}`;
  }
}
function racyAt(e, edge) {
  return e.ctimeS + e.ctimeN / 1e9 >= edge || e.mtimeS + e.mtimeN / 1e9 >= edge;
}
async function takeFingerprint(root, exclude = [], prev) {
  const takenAt = Date.now();
  const dirsRun = prev?.gitDirs ? Promise.resolve(prev.gitDirs) : gitDirsFor(root);
  let stat;
  let walkBase = prev?.walkBase;
  const delta = walkBase ? await walkSince(root, walkBase.state) : void 0;
  if (walkBase && delta) {
    stat = new Map(walkBase.tree);
    for (const rel of delta.removed) stat.delete(rel);
    for (const [rel, e] of delta.changed) if (!excluded2(rel, exclude)) stat.set(rel, e);
  } else {
    const own = (await dirsRun)?.own;
    const w = await walk(root, "auto", own ? indexCount(own) : FIND_THRESHOLD, prunedFolders(exclude));
    stat = w.entries;
    for (const rel of [...stat.keys()]) if (excluded2(rel, exclude)) stat.delete(rel);
    walkBase = w.state ? { state: w.state, tree: stat } : void 0;
  }
  const tree = new Map(stat);
  const fine = tree.size === 0 || [...tree.values()].some((e) => e.ctimeN !== 0);
  const window = fine ? RACY_FINE_MS : RACY_COARSE_MS;
  const edge = (takenAt - window) / 1e3;
  const racy = /* @__PURE__ */ new Set();
  for (const [rel, e] of tree) if (racyAt(e, edge)) racy.add(rel);
  for (const rel of prev?.racy ?? []) if (tree.has(rel)) racy.add(rel);
  for (const rel of racy) tree.set(rel, { ...tree.get(rel), content: contentHash(root, rel, tree.get(rel)) });
  const repo = /* @__PURE__ */ new Map();
  const dirs = await dirsRun;
  repo.set(".git (entry)", gitEntryKey(root));
  if (dirs) hashRepoDir(dirs.common, "", repo);
  if (dirs && path12.resolve(dirs.own) !== path12.resolve(dirs.common)) hashRepoDir(dirs.own, "", repo, OWN_DIR_SKIP, ".git (own)");
  if (dirs && await lockStays(path12.join(dirs.own, "index.lock"))) repo.set(".git/index.lock", "present");
  const indexKey = dirs ? fileKey(path12.join(dirs.own, "index")) : void 0;
  const LISTING = ".git/index (listing)";
  const prevListing = prev?.repo.get(LISTING);
  const format = dirs ? oidLenOf(dirs.common) : void 0;
  let index;
  if (prevListing !== void 0 && indexKey !== void 0 && indexKey === prev?.indexKey && settledKey(indexKey, prev.takenAt - window)) {
    repo.set(LISTING, prevListing);
    index = prev.index;
  } else {
    const listed = await indexListingOf(root, dirs, format);
    repo.set(LISTING, listed.listing);
    index = listed.index;
  }
  for (const [rel, slot] of index?.entries ?? []) {
    if ((index.mode[slot] & 61440) !== 57344) continue;
    repo.set(`.git/index (gitlink ${rel})`, gitlinkKind(root, rel));
  }
  const gitModified = dirs && !index ? await modifiedByGit(root) : void 0;
  if (prev && index?.untr !== void 0 && index.untr !== prev.index?.untr) {
    const hidden = index.fsmn !== void 0 ? `changed beside an fsmonitor: ${index.untr}` : await untrackedCacheHides(root);
    if (hidden) repo.set(".git/index (untracked cache)", hidden);
  }
  const objects = dirs ? objectStoreKeys(dirs.common) : void 0;
  const oidLen = dirs ? format ?? 0 : void 0;
  return { root, tree, repo, takenAt, walkBase, racy, gitDirs: dirs, indexKey, objects, oidLen, index, gitModified };
}
async function gitDirsFor(root) {
  try {
    const d = await gitDirsOf(root);
    return { common: d.commonDir, own: d.gitDir };
  } catch {
    return void 0;
  }
}
async function indexListingOf(root, dirs, oidLen) {
  if (dirs && oidLen !== void 0) {
    const index = await readIndexState(root, dirs.own, oidLen);
    return { listing: indexListing(index), index: index.parsed ? index : void 0 };
  }
  const ix = await git(root, ["ls-files", "-z", "-s", "-v"]);
  let bytes;
  try {
    bytes = dirs ? readUntrustedFile(path12.join(dirs.own, "index")) : "no git dir";
  } catch (e) {
    bytes = `unreadable: ${e.message}`;
  }
  return { listing: createHash6("sha256").update(ix.stdout).update(`\0exit:${ix.exitCode}\0`).update(bytes).digest("hex") };
}
function oidLenOf(commonDir) {
  let config;
  try {
    config = readUntrustedFile(path12.join(commonDir, "config")).toString("utf8");
  } catch {
    return void 0;
  }
  const named = [...config.matchAll(/objectformat\s*=\s*"?([^\s"#;]*)/gi)].map((m) => m[1].toLowerCase());
  if (named.length === 0) return /objectformat/i.test(config) ? void 0 : 20;
  return named.every((n) => n === "sha256") ? 32 : named.every((n) => n === "sha1") ? 20 : void 0;
}
function fileKey(file) {
  try {
    const s = lstatSync9(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return void 0;
  }
}
function settledKey(key, ms) {
  const ctimeNs = BigInt(key.split(":")[4]);
  return Number(ctimeNs / 1000000n) < ms;
}
function sameEntry(a, b) {
  if (!sameStat(a, b)) return false;
  if (a.content !== void 0 || b.content !== void 0) return a.content === b.content;
  return true;
}
function indexHides(a, b) {
  if (a.gitModified && b.gitModified) {
    for (const rel of a.gitModified) {
      const [e, f] = [a.tree.get(rel), b.tree.get(rel)];
      if (!b.gitModified.has(rel) && e && f && sameEntry(e, f)) return true;
    }
  }
  return !!a.index && !!b.index && forgedIndexStat(b.root, a.index, b.index, b.tree, b.oidLen ?? 0).length > 0;
}
function compareFingerprints(a, b) {
  const out = [];
  const abs = (rel) => path12.join(a.root, rel);
  for (const [rel, e] of a.tree) {
    const f = b.tree.get(rel);
    if (!f) out.push({ path: abs(rel), kind: "deleted" });
    else if (!sameEntry(e, f)) out.push({ path: abs(rel), kind: "modified" });
  }
  for (const rel of b.tree.keys()) if (!a.tree.has(rel)) out.push({ path: abs(rel), kind: "created" });
  for (const [rel, h] of a.repo) {
    const g = b.repo.get(rel);
    if (g === void 0) out.push({ path: abs(rel), kind: "deleted" });
    else if (g !== h) out.push({ path: abs(rel), kind: "modified" });
  }
  for (const rel of b.repo.keys()) if (!a.repo.has(rel)) out.push({ path: abs(rel), kind: "created" });
  const listing = abs(".git/index (listing)");
  if (!out.some((c) => c.path === listing) && indexHides(a, b)) out.push({ path: listing, kind: "modified" });
  if (a.objects && b.objects && a.gitDirs && a.oidLen === b.oidLen) {
    for (const c of objectStoreChanges(a.gitDirs.common, a.objects, b.objects, a.oidLen ?? 0)) out.push({ path: abs(`.git/${c.rel}`), kind: c.kind });
  } else if (a.objects !== b.objects) out.push({ path: abs(".git/objects"), kind: "modified" });
  return out.sort((x, y) => x.path < y.path ? -1 : 1);
}

// src/sandbox/cgroup.ts
import { existsSync as existsSync6, mkdirSync as mkdirSync3, readdirSync as readdirSync10, readFileSync as readFileSync4, rmdirSync, writeFileSync as writeFileSync3 } from "node:fs";
import path13 from "node:path";
var NO_CGROUP_VAR = "OPENCODE_DOGFOOD_NO_CGROUP";
var V2 = "/sys/fs/cgroup";
var V1 = { memory: "/sys/fs/cgroup/memory", pids: "/sys/fs/cgroup/pids" };
var BASE = "opencode-dogfood";
function write(file, text) {
  writeFileSync3(file, text);
}
function read(file) {
  try {
    return readFileSync4(file, "utf8");
  } catch {
    return "";
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function procsUnder(dir) {
  const own = read(path13.join(dir, "cgroup.procs")).split("\n").filter(Boolean).map(Number);
  let subs = [];
  try {
    subs = readdirSync10(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path13.join(dir, d.name));
  } catch {
  }
  return [...own, ...subs.flatMap(procsUnder)];
}
var sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function killUnder(dir, keep = /* @__PURE__ */ new Set(), timeoutMs = 5e3) {
  const seen = /* @__PURE__ */ new Set();
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const pids = procsUnder(dir).filter((p) => !keep.has(p));
    if (pids.length === 0 || Date.now() > deadline) return seen.size;
    for (const p of pids) seen.add(p);
    for (const sig of ["SIGSTOP", "SIGKILL"])
      for (const p of pids) {
        try {
          process.kill(p, sig);
        } catch {
        }
      }
    sleepSync(20);
  }
}
function removeTree(dir) {
  if (!existsSync6(dir)) return true;
  try {
    for (const d of readdirSync10(dir, { withFileTypes: true })) if (d.isDirectory()) removeTree(path13.join(dir, d.name));
  } catch {
  }
  for (let i = 0; i < 50; i++) {
    try {
      rmdirSync(dir);
      return true;
    } catch (e) {
      const code = e.code;
      if (code === "ENOENT") return true;
      if (code !== "EBUSY") return false;
      sleepSync(20);
    }
  }
  return false;
}
function sweepStaleCgroups(bases) {
  const removed = [];
  for (const base of bases) {
    let names = [];
    try {
      names = readdirSync10(base);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = /^run-([0-9]+)-/.exec(name);
      if (!m || alive(Number(m[1]))) continue;
      const dir = path13.join(base, name);
      killUnder(dir);
      if (removeTree(dir)) removed.push(dir);
    }
  }
  return removed;
}
function tryV2(name) {
  const controllers = read(path13.join(V2, "cgroup.controllers")).split(/\s+/);
  if (!controllers.includes("memory") || !controllers.includes("pids")) return `no cgroup v2 with the memory and pids controllers at ${V2}`;
  try {
    const base = path13.join(V2, BASE);
    const enable = (dir) => {
      const on = read(path13.join(dir, "cgroup.subtree_control")).split(/\s+/);
      if (!on.includes("memory") || !on.includes("pids")) write(path13.join(dir, "cgroup.subtree_control"), "+memory +pids");
    };
    enable(V2);
    mkdirSync3(base, { recursive: true });
    enable(base);
    sweepStaleCgroups([base]);
    const run = path13.join(base, name);
    mkdirSync3(run);
    enable(run);
    mkdirSync3(path13.join(run, "idle"));
    return { kind: "cgroup v2", runDirs: [run], controllers: ["both"] };
  } catch (e) {
    return `${V2} is not writable here (${e.message.split("\n")[0]})`;
  }
}
function tryV1(name) {
  if (!existsSync6(path13.join(V1.memory, "memory.limit_in_bytes")) || !existsSync6(path13.join(V1.pids, "cgroup.procs")))
    return "no cgroup v1 memory and pids hierarchies either";
  const made = [];
  try {
    const dirs = [V1.memory, V1.pids].map((h) => path13.join(h, BASE));
    for (const d of dirs) mkdirSync3(d, { recursive: true });
    sweepStaleCgroups(dirs);
    for (const d of dirs) {
      const run = path13.join(d, name);
      mkdirSync3(run);
      made.push(run);
      mkdirSync3(path13.join(run, "idle"));
    }
    return { kind: "cgroup v1", runDirs: made, controllers: ["memory", "pids"] };
  } catch (e) {
    for (const d of made) removeTree(d);
    return `the cgroup v1 hierarchies are not writable here (${e.message.split("\n")[0]})`;
  }
}
function openRunCgroups(runId, pid = process.pid) {
  if (process.platform !== "linux") return { reason: `no cgroups on ${process.platform}` };
  if (process.env[NO_CGROUP_VAR] === "1") return { reason: `cgroups not used (${NO_CGROUP_VAR}=1)` };
  const name = `run-${pid}-${runId}`;
  const v2 = tryV2(name);
  if (typeof v2 !== "string") return { cgroups: v2, reason: `cgroup v2 under ${path13.join(V2, BASE)}` };
  const v1 = tryV1(name);
  if (typeof v1 !== "string") return { cgroups: v1, reason: `cgroup v1 under ${path13.join(V1.memory, BASE)} and ${path13.join(V1.pids, BASE)} (${v2})` };
  return { reason: `${v2}; ${v1}` };
}
function closeRunCgroups(c) {
  for (const d of c.runDirs) killUnder(d);
  return c.runDirs.filter((d) => !removeTree(d));
}
function statField(text, key) {
  const m = new RegExp(`^${key} ([0-9]+)$`, "m").exec(text);
  return m ? Number(m[1]) : 0;
}
var CaseCgroup = class {
  /**
   * Make leaf `name` in each of the run's hierarchies, move `serverPids` into
   * it, and bound it: pids.max = the server's tasks + `procs`, the memory
   * limit = `memory` (null: unbounded). Throws when the kernel refuses.
   */
  constructor(run, name, serverPids, procs, memoryLimit) {
    this.run = run;
    this.serverPids = serverPids;
    this.memoryLimit = memoryLimit;
    const memory = memoryLimit;
    this.leaves = run.runDirs.map((d, i) => ({ dir: path13.join(d, name), controllers: run.controllers[i] }));
    for (const l of this.leaves) {
      mkdirSync3(l.dir);
      for (const p of serverPids) this.move(l.dir, p);
    }
    const pidsLeaf = this.pidsLeaf();
    this.baseTasks = Number(read(path13.join(pidsLeaf, "pids.current")).trim() || "0");
    if (procs !== null) write(path13.join(pidsLeaf, "pids.max"), String(this.baseTasks + procs));
    if (memory !== null) {
      const m = this.memLeaf();
      if (run.kind === "cgroup v2") {
        write(path13.join(m, "memory.high"), String(memory));
        write(path13.join(m, "memory.max"), String(memory + Math.max(memory / 4, 64 * 2 ** 20)));
      } else {
        write(path13.join(m, "memory.limit_in_bytes"), String(memory));
        write(path13.join(m, "memory.oom_control"), "1");
      }
    }
  }
  run;
  serverPids;
  memoryLimit;
  leaves;
  baseTasks;
  move(dir, pid) {
    try {
      write(path13.join(dir, "cgroup.procs"), String(pid));
    } catch (e) {
      if (alive(pid)) throw e;
    }
  }
  pidsLeaf() {
    return this.leaves.find((l) => l.controllers !== "memory").dir;
  }
  memLeaf() {
    return this.leaves.find((l) => l.controllers !== "pids").dir;
  }
  /** The leaf's counters now. */
  sample() {
    const p = this.pidsLeaf();
    const m = this.memLeaf();
    const stat = read(path13.join(m, "memory.stat"));
    const v2 = this.run.kind === "cgroup v2";
    const events = read(path13.join(m, v2 ? "memory.events" : "memory.oom_control"));
    const memory = v2 ? statField(stat, "anon") + statField(stat, "shmem") : statField(stat, "rss") + statField(stat, "shmem");
    return {
      tasks: Math.max(0, Number(read(path13.join(p, "pids.current")).trim() || "0") - this.baseTasks),
      memory,
      oomKills: statField(events, "oom_kill"),
      // v2: memory.high also counts page cache reclaimed at the limit (a large write): only anonymous and shared memory near it is the case's.
      atLimit: v2 ? statField(events, "high") > 0 && memory >= (this.memoryLimit ?? Infinity) * 0.9 : statField(events, "under_oom") > 0,
      forksRefused: statField(read(path13.join(p, "pids.events")), "max")
    };
  }
  /** End every process in the leaf but the server's. Returns how many were ended. */
  endOthers() {
    const keep = new Set(this.serverPids);
    return Math.max(...this.leaves.map((l) => killUnder(l.dir, keep)));
  }
  /** The server back to the run's idle leaf, anything else in the leaf ended, the leaf removed. Returns a problem, or undefined. */
  close() {
    for (const i of this.leaves.keys()) for (const p of this.serverPids) this.move(path13.join(this.run.runDirs[i], "idle"), p);
    this.endOthers();
    const left = this.leaves.filter((l) => !removeTree(l.dir)).map((l) => l.dir);
    return left.length > 0 ? `cgroup leaf not removed: ${left.join(", ")}` : void 0;
  }
};

// src/guard/worktree.ts
import { statSync as statSync4 } from "node:fs";
import path14 from "node:path";
async function checkWorktree(directory) {
  const dir = realOrResolved(directory);
  let isDir = false;
  try {
    isDir = statSync4(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) return { directory: dir, toplevel: null, git_dir: null, common_dir: null, is_worktree: false, reason: `not a folder: ${dir}` };
  const r = await git(dir, ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-dir", "--git-common-dir"]);
  if (r.exitCode !== 0) {
    return { directory: dir, toplevel: null, git_dir: null, common_dir: null, is_worktree: false, reason: `not a git repository: ${r.stderr.trim()}` };
  }
  let lines = r.stdout.replace(/\n$/, "").split("\n");
  if (lines.length !== 3) {
    lines = [];
    for (const flag of ["--show-toplevel", "--git-dir", "--git-common-dir"])
      lines.push((await git(dir, ["rev-parse", "--path-format=absolute", flag])).stdout.replace(/\n$/, ""));
  }
  const [toplevel, gitDir, commonDir] = lines.map((l) => realOrResolved(l));
  const worktrees = path14.join(commonDir, "worktrees") + path14.sep;
  const isWorktree = gitDir.startsWith(worktrees) && gitDir !== commonDir;
  return {
    directory: dir,
    toplevel,
    git_dir: gitDir,
    common_dir: commonDir,
    is_worktree: isWorktree,
    reason: isWorktree ? `git dir lies under ${worktrees}` : `git dir ${gitDir} does not lie under ${worktrees}`
  };
}
function formatWorktreeCheck(c) {
  return [
    "predicate: git dir lies under <git common dir>/worktrees/",
    `directory: ${c.directory}`,
    `toplevel: ${c.toplevel ?? "-"}`,
    `git_dir: ${c.git_dir ?? "-"}`,
    `common_dir: ${c.common_dir ?? "-"}`,
    `is_worktree: ${c.is_worktree}`,
    `reason: ${c.reason}`,
    ""
  ].join("\n");
}

// src/scripted-model/server.ts
import { createHash as createHash7 } from "node:crypto";
import { appendFileSync as appendFileSync2 } from "node:fs";
import http2 from "node:http";
import net3 from "node:net";
var UNRESOLVABLE_HOST = "opencode-dogfood-provider.invalid";
async function closedPort() {
  const probe = net3.createServer();
  await new Promise((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => resolve());
  });
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(() => resolve()));
  return port;
}
function errorBody(status) {
  const known = {
    400: ["invalid_request_error", "scripted fault: bad request"],
    401: ["authentication_error", "scripted fault: invalid x-api-key"],
    403: ["permission_error", "scripted fault: your API key does not have permission to use this model"],
    404: ["not_found_error", "scripted fault: model not found"],
    429: ["rate_limit_error", "scripted fault: rate limit exceeded, retry later"],
    500: ["api_error", "scripted fault: internal server error"],
    503: ["api_error", "scripted fault: service unavailable"],
    529: ["overloaded_error", "scripted fault: overloaded"]
  };
  const [type, message] = known[status] ?? [status >= 500 ? "api_error" : "invalid_request_error", `scripted fault: HTTP ${status}`];
  return { type, message };
}
function keyFingerprint(key) {
  return createHash7("sha256").update(key).digest("hex").slice(0, 12);
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => p && typeof p === "object" && "text" in p ? String(p.text) : "").join("\n");
}
function route(messages) {
  const system = messages.filter((m) => m.role === "system").map((m) => textOf(m.content)).join("\n");
  if (/title generator/i.test(system)) {
    const caseId = messages.map((m) => findCaseTag(textOf(m.content))).find(Boolean);
    return { kind: "title", caseId };
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== "user") continue;
    const caseId = findCaseTag(textOf(m.content));
    if (!caseId) continue;
    const turn = messages.slice(i + 1).filter((x) => x.role === "assistant").length;
    return { kind: "case", caseId, turn };
  }
  return { kind: "untagged" };
}
function scriptedUsage(messages, turn) {
  const tokens = (text) => Math.max(1, Math.ceil(Buffer.byteLength(text, "utf8") / 4));
  const prompt = tokens(JSON.stringify(messages));
  const completion = tokens((turn.text ?? "") + (turn.tool_calls?.length ? JSON.stringify(turn.tool_calls) : ""));
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
function chunk(id, model, delta, finish) {
  const body = { id, object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}

`;
}
function callId(record, i) {
  return `call_${record.case_id ?? "none"}_${record.turn ?? 0}_${i}`;
}
function sleep2(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
function turnFor(scripts, r) {
  if (r.kind === "title") return { text: `Dogfood ${r.caseId ?? "session"}` };
  if (r.kind === "untagged") return { text: "[scripted-model] no case tag in the request" };
  const turns = scripts.get(r.caseId);
  if (!turns) return { text: `[scripted-model] no script for case ${r.caseId}` };
  return turns[r.turn] ?? { text: `[scripted-model] script for ${r.caseId} has no turn ${r.turn}` };
}
async function readBody(req) {
  const parts = [];
  for await (const p of req) parts.push(p);
  return Buffer.concat(parts).toString("utf8");
}
async function startScriptedModel(opts) {
  const requests = [];
  const sockets = /* @__PURE__ */ new Set();
  const refusedPort = await closedPort();
  const seen = /* @__PURE__ */ new Map();
  const server = http2.createServer(async (req, res) => {
    if (req.method === "GET" && req.url?.endsWith("/models")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [] }));
      return;
    }
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "body is not JSON" } }));
      return;
    }
    const messages = Array.isArray(body.messages) ? body.messages : [];
    const r = route(messages);
    const auth = req.headers.authorization?.replace(/^Bearer\s+/i, "");
    const record = {
      seq: requests.length + 1,
      kind: r.kind,
      case_id: r.caseId,
      turn: r.turn,
      model: String(body.model ?? ""),
      messages: messages.length,
      tools: (body.tools ?? []).map((t) => String(t.function?.name ?? "")).sort(),
      key_fingerprint: auth ? keyFingerprint(auth) : void 0
    };
    requests.push(record);
    const turn = turnFor(opts.scripts, r);
    let fault;
    if (r.kind === "case" && turn.fault) {
      const k = `${r.caseId}#${r.turn}`;
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      if (turn.fault.times === void 0 || n <= turn.fault.times) fault = turn.fault;
    }
    if (fault) record.fault = fault.kind === "http" ? `http ${fault.status ?? 500}` : fault.kind;
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    if (turn.delay_ms) await sleep2(turn.delay_ms, gone.signal);
    if (gone.signal.aborted) record.aborted = true;
    if (opts.logFile) appendFileSync2(opts.logFile, JSON.stringify(record) + "\n");
    if (gone.signal.aborted) return;
    if (fault?.kind === "http") {
      const status = fault.status ?? 500;
      const headers = { "content-type": "application/json" };
      if (fault.retry_after_s !== void 0) headers["retry-after"] = String(fault.retry_after_s);
      res.writeHead(status, headers);
      res.end(JSON.stringify({ error: { ...errorBody(status), code: status } }));
      return;
    }
    if (fault?.kind === "refused" || fault?.kind === "unresolvable") {
      const host = fault.kind === "refused" ? `127.0.0.1:${refusedPort}` : UNRESOLVABLE_HOST;
      res.writeHead(307, { location: `http://${host}/v1/chat/completions` });
      res.end();
      return;
    }
    const id = `chatcmpl-${record.seq}`;
    const model = record.model;
    if (body.stream === false) {
      const message = { role: "assistant", content: turn.text ?? null };
      if (turn.tool_calls?.length) {
        message.tool_calls = turn.tool_calls.map((c, i) => ({
          id: callId(record, i),
          type: "function",
          function: { name: c.name, arguments: JSON.stringify(c.arguments) }
        }));
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created: 0,
          model,
          choices: [{ index: 0, message, finish_reason: turn.tool_calls?.length ? "tool_calls" : "stop" }],
          usage: scriptedUsage(messages, turn)
        })
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(chunk(id, model, { role: "assistant", content: "" }, null));
    if (fault?.kind === "cut") {
      const text = turn.text ?? "partial answer";
      res.write(chunk(id, model, { content: text.slice(0, Math.max(1, Math.floor(text.length / 2))) }, null));
      await sleep2(50, gone.signal);
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === "malformed") {
      res.write(`data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"delta":{"content":

`);
      res.end("data: [DONE]\n\n");
      return;
    }
    if (turn.text && turn.token_delay_ms) {
      for (const word of turn.text.split(/(?<=\s)/)) {
        await sleep2(turn.token_delay_ms, gone.signal);
        if (gone.signal.aborted) return;
        res.write(chunk(id, model, { content: word }, null));
      }
    } else if (turn.text) res.write(chunk(id, model, { content: turn.text }, null));
    turn.tool_calls?.forEach((c, i) => {
      const call = { index: i, id: callId(record, i), type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } };
      res.write(chunk(id, model, { tool_calls: [call] }, null));
    });
    res.write(chunk(id, model, {}, turn.tool_calls?.length ? "tool_calls" : "stop"));
    const usage = { id, object: "chat.completion.chunk", created: 0, model, choices: [], usage: scriptedUsage(messages, turn) };
    res.write(`data: ${JSON.stringify(usage)}

`);
    res.end("data: [DONE]\n\n");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    })
  };
}

export {
  resultPath,
  writeEvidence,
  sealEvidence,
  classify,
  retryDecision,
  providerFault,
  providerErrorFile,
  plantCanary,
  sweepStaleCanaries,
  canaryState,
  compareCanaries,
  restoreCanary,
  removeCanary,
  gitEnv,
  gitRaw,
  git,
  gitOk,
  splitNul,
  compareSnapshots,
  gateChanges,
  formatChanges,
  unlistableEntry,
  takeSnapshot,
  takeSnapshotAfter,
  takeFingerprint,
  compareFingerprints,
  NETWORK_FREE_ENV,
  SERVER_PASSWORD_ENV,
  authHeaders,
  health,
  stateEnv,
  startServer,
  openRunCgroups,
  closeRunCgroups,
  CaseCgroup,
  createOpencodeClient,
  toolUses,
  assistantText,
  sdkTransport,
  startEgressProxy,
  egressLogSize,
  readEgressLog,
  summaryDenied,
  ledgerState,
  ownWriteStat,
  compareLedger,
  excludedBy,
  unlistable,
  checkWorktree,
  formatWorktreeCheck,
  findNetns,
  watchUnrouted,
  caseTag,
  keyFingerprint,
  startScriptedModel
};
