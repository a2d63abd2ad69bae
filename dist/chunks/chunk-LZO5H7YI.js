import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-AMQZFXVW.js";

// src/errors.ts
var InputError = class extends Error {
  constructor(input, message) {
    super(`${input}: ${message}`);
    this.input = input;
  }
  input;
  name = "InputError";
};
var PreflightError = class extends Error {
  constructor(failures) {
    const shown = failures.map(printable);
    super(shown.length === 1 ? `suite entry checklist failed: ${shown[0]}` : `suite entry checklist failed:
${shown.map((f) => `  - ${f}`).join("\n")}`);
    this.failures = failures;
  }
  failures;
  name = "PreflightError";
};
var SchemaError = class extends Error {
  constructor(schemaId, problems) {
    super(`${schemaId} failed its schema: ${problems.join("; ")}`);
    this.schemaId = schemaId;
    this.problems = problems;
  }
  schemaId;
  problems;
  name = "SchemaError";
};
var ServerStartError = class extends Error {
  name = "ServerStartError";
};
var GitError = class extends Error {
  constructor(args, exitCode, stderr) {
    super(`git ${args.join(" ")} failed (exit ${exitCode}): ${stderr.trim().split("\n")[0] ?? ""}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
  args;
  exitCode;
  stderr;
  name = "GitError";
};
var MergeError = class extends InputError {
  name = "MergeError";
  constructor(message) {
    super("merge", message);
  }
};

export {
  InputError,
  PreflightError,
  SchemaError,
  ServerStartError,
  GitError,
  MergeError
};
