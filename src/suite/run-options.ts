// The options of `opencode-dogfood run` (node:util parseArgs), apart from their
// validation so that the CLI can parse without loading the engine.
export const RUN_OPTIONS = {
  stages: { type: 'string' },
  case: { type: 'string' },
  'fail-fast': { type: 'boolean' },
  model: { type: 'string' },
  roles: { type: 'string' },
  'server-url': { type: 'string' },
  transport: { type: 'string' },
  worktree: { type: 'string' },
  'ledger-dir': { type: 'string' },
  'cases-file': { type: 'string' },
  'write-allowlist': { type: 'string' },
  'deletion-allowlist': { type: 'string' },
  timeout: { type: 'string' },
  'latency-budget': { type: 'string' },
  'opencode-path': { type: 'string' },
  containment: { type: 'string' },
  'env-pass': { type: 'string' },
  repo: { type: 'string' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
} as const
