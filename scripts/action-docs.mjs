// Generates the README's GitHub Action section (between the action-usage
// markers) from action.yml: the three ways in, the switch to a real provider,
// and the input and output tables. `npm run docs` rewrites it; `--check`
// exits 1 when the README is not what action.yml says (CI and a test run it).
//
//   node scripts/action-docs.mjs [--check] [--readme FILE]
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

export const START = '<!-- action-usage:start -->'
export const END = '<!-- action-usage:end -->'

const cell = (s) => String(s).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
const shown = (v) => (v === undefined || v === '' ? '*(empty)*' : `\`${cell(v)}\``)

const PR_GATE = `name: dogfood
on: pull_request
permissions:
  contents: read
  checks: write          # the commit check; without it the step warns once and the job summary has the verdict
jobs:
  dogfood:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: sudo apt-get update -qq && sudo apt-get install -y -qq ripgrep
      - uses: org/opencode-dogfood@v1   # hermetic by default: no key, no network`

const MANUAL = `on:
  workflow_dispatch:
    inputs:
      stage:
        type: choice
        options: [T1, T2a, T2b, T3, T4]
jobs:
  dogfood:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      checks: write
    steps:
      - uses: actions/checkout@v5
      - run: sudo apt-get update -qq && sudo apt-get install -y -qq ripgrep
      - id: dogfood
        uses: org/opencode-dogfood@v1
        with:
          stages: \${{ inputs.stage }}    # or case: T2B03 for a single case
      - if: always()
        run: echo "\${{ steps.dogfood.outputs.run-id }} \${{ steps.dogfood.outputs.verdict }}"`

const REAL_PROVIDER = `      - uses: org/opencode-dogfood@v1
        env:
          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}   # keys come from secrets, through env
        with:
          model: anthropic/claude-sonnet-4-5
          roles: planner=anthropic/claude-sonnet-4-5:ANTHROPIC_API_KEY,coder=anthropic/claude-haiku-4-5:ANTHROPIC_API_KEY`

const SHARDED = `name: dogfood-matrix
on: workflow_dispatch
permissions:
  contents: read
  checks: write
jobs:
  shard:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        shard: [1, 2, 3]
        model: [dogfood/scripted, anthropic/claude-sonnet-4-5]
        opencode-version: ['1.18.33', '1.18.30']
    steps:
      - uses: actions/checkout@v5
      - run: sudo apt-get update -qq && sudo apt-get install -y -qq ripgrep
      - uses: org/opencode-dogfood@v1
        env:
          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
        with:
          shard: \${{ matrix.shard }}/3
          model: \${{ matrix.model }}
          opencode-version: \${{ matrix.opencode-version }}
          repeat: 5
          create-check: false      # the merge job posts one check for everything
  merge:
    needs: shard
    if: \${{ !cancelled() }}      # merge what the legs left, pass or fail; a missing shard is refused
    runs-on: ubuntu-latest
    steps:
      - id: merge
        uses: org/opencode-dogfood@v1
        with:
          mode: merge
      - if: always()
        run: echo "\${{ steps.merge.outputs.verdict }} \${{ steps.merge.outputs.ledger-root }}"`

/** Every `with:` key the examples use, so a test can hold them to action.yml. */
export const EXAMPLE_INPUTS = ['stages', 'case', 'model', 'roles', 'shard', 'opencode-version', 'repeat', 'create-check', 'mode']

export function renderActionDocs(actionYmlText) {
  const spec = parse(actionYmlText)
  const out = [
    START,
    '<!-- Generated from action.yml by `npm run docs`; its inputs come from src/suite/option-table.ts: edit the table (or scripts/action-docs.mjs), not this section. -->',
    '',
    `\`uses: org/opencode-dogfood@v1\` — ${cell(spec.description)} It runs on \`${spec.runs.using}\`; its post step stops any OpenCode server the run left and reports a worktree left behind.`,
    '',
    'The repository under test needs the fixtures once: `npx opencode-dogfood init`, then commit `docs/` and `scripts/` (the suite starts from a clean tree).',
    '',
    '### 1. As a required pull-request check',
    '',
    '```yaml',
    PR_GATE,
    '```',
    '',
    `The step fails when the verdict is FAIL, so marking the check \`${cell(spec.inputs['check-name'].default)}\` (or the job) as required in branch protection blocks the merge. On \`pull_request\` the check run is posted on the PR head commit.`,
    'A pull request from a fork gets a read-only token: the step then warns once, the job summary carries the verdict table, and the verdict still decides the step.',
    '',
    '### 2. One stage or one case by hand',
    '',
    '```yaml',
    MANUAL,
    '```',
    '',
    '### 3. Locally, with the same engine',
    '',
    '```sh',
    'npx opencode-dogfood init && git add docs scripts && git commit -m "opencode-dogfood fixtures"',
    'npx opencode-dogfood run --stages T1,T2a --fail-fast --worktree ../dogfood_worktree',
    'npx opencode-dogfood run --case T1C01',
    'npm run local-action        # in this repository: src/main.ts under @github/local-action, inputs from .env.example',
    '```',
    '',
    '### From the hermetic model to a real provider',
    '',
    `The default model \`${cell(spec.inputs.model.default)}\` is a deterministic scripted model served by the action itself: no key and no network, the same verdicts every run. To validate OpenCode against a real provider, name its model and map its key from a secret into the step's env (never into \`with:\`); \`roles\` names the env var of each role's key, not the key:`,
    '',
    '```yaml',
    REAL_PROVIDER,
    '```',
    '',
    'Every key is registered with the runner as a secret before anything runs, so it is masked in logs; the ledger never holds it. Secrets are not given to workflows from forks, so keep the PR gate hermetic and run real providers on `push` or `workflow_dispatch`.',
    '',
    '### 4. Sharded over a matrix, then merged (models × OpenCode versions × shards)',
    '',
    '```yaml',
    SHARDED,
    '```',
    '',
    'Each leg runs shard I of N of one set (one model and OpenCode version) and uploads its ledger as `<artifact-name>-<run id>-<attempt>-<job>-shard-IofN-<key>`: no two legs, and no re-run, share a name. `mode: merge` runs no case: it downloads every ledger of this workflow run under `artifact-name` (through @actions/artifact, checking each download against the digest it was uploaded with), keeps of each shard its latest run attempt (so "Re-run failed jobs" then a re-run of merge works), merges each set into one ledger (`opencode-dogfood merge`: every shard verified; a missing, duplicated, tampered or mismatched shard refused in one line), verifies it, uploads it as `<artifact-name>-merged-…`, and writes one job summary and one check run for all sets, with the comparison table (`opencode-dogfood compare`) when there are several. The step fails when any set fails. This repository runs the same shape in `.github/workflows/dogfood-shards.yml`.',
    '',
    '### Inputs',
    '',
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(spec.inputs).map(([name, i]) => `| \`${name}\` | ${shown(i.default)} | ${cell(i.description)} |`),
    '',
    '### Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(spec.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
    END,
  ]
  return out.join('\n')
}

export function replaceSection(readme, section) {
  const a = readme.indexOf(START)
  const b = readme.indexOf(END)
  if (a < 0 || b < a) throw new Error(`README has no ${START} … ${END} section`)
  return readme.slice(0, a) + section + readme.slice(b + END.length)
}

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..')
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const args = process.argv.slice(2)
  const readmeFile = args.includes('--readme') ? path.resolve(args[args.indexOf('--readme') + 1]) : path.join(root, 'README.md')
  const readme = readFileSync(readmeFile, 'utf8')
  const next = replaceSection(readme, renderActionDocs(readFileSync(path.join(root, 'action.yml'), 'utf8')))
  if (args.includes('--check')) {
    if (next !== readme) {
      console.error(`${path.relative(process.cwd(), readmeFile) || readmeFile}: the action section is stale; run npm run docs`)
      process.exitCode = 1
    }
  } else if (next !== readme) {
    writeFileSync(readmeFile, next)
    console.log(`updated the action section of ${readmeFile}`)
  }
}
