// A RUN folder made by hand, in the layout a run writes (summary, result
// JSONs, evidence files in the formats run-case.ts writes them), for report
// tests that need no OpenCode: a passing case with health.json, a failing
// case whose agent wrote <script> into files and answers, ran a denied tool
// call, modified, created and deleted files; and a skipped case.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { summaryDenied, type EgressEntry } from '../../src/sandbox/egress-proxy.js'
import type { CaseResult, CaseSummary, RunSummary } from '../../src/types.js'

export const COMMIT = 'abcdef0123456789abcdef0123456789abcdef01'
export const SCRIPT = '<script>window.__pwned=1</script>'
export const ANSWER = `Done. <script>window.__pwned2=1</script><img src=x onerror="window.__pwned3=1">`

function toolPart(tool: string, status: string, input: unknown, extra: Record<string, unknown>) {
  return { type: 'tool', tool, state: { status, input, ...extra, time: { start: 1000, end: 1250 } } }
}

/** transcript.json of one agent call; `bigOutput` chars of tool output (the 10 MB case). */
export function transcript(caseId: string, bigOutput = 0): string {
  const messages = [
    { info: { role: 'user' }, parts: [{ type: 'text', text: `[dogfood-case:${caseId}] Rewrite README.md and add a page. <b>now</b>` }] },
    {
      info: { role: 'assistant' },
      parts: [
        toolPart(
          'write',
          'completed',
          { filePath: 'scripts/opencode_dogfood/sandbox/page.html', content: `${SCRIPT}\n<h1>owned</h1>\n` },
          { output: 'Wrote file successfully.' },
        ),
        toolPart(
          'bash',
          'error',
          { command: 'rm README.md' },
          { error: 'The user has specified a rule which prevents you from using this specific tool call.' },
        ),
        toolPart(
          'write',
          'completed',
          { filePath: 'README.md', content: '# test repository\nchanged\n' },
          { output: 'x'.repeat(bigOutput) || 'Wrote file successfully.' },
        ),
        { type: 'text', text: ANSWER },
      ],
    },
  ]
  return (
    JSON.stringify([{ model: 'dogfood/scripted', sessionId: 'ses_1', text: ANSWER, tools: [], timedOut: false, durationMs: 1234, messages }], null, 2) + '\n'
  )
}

const DIFF = `diff --git a/README.md b/README.md
--- a/README.md
+++ b/README.md
@@ -1,1 +1,2 @@
 # test repository
+changed ${SCRIPT}
diff --git a/docs/old.md b/docs/old.md
deleted file mode 100644
--- a/docs/old.md
+++ /dev/null
@@ -1,1 +0,0 @@
-old text
`

export interface CraftOptions {
  /** Characters of one tool output in the failing case's transcript. */
  bigOutput?: number
  /** Fields added to run_summary.json (e.g. ledger_root). */
  summaryExtra?: Record<string, unknown>
  /** A reason for the failing case (e.g. one holding a secret). */
  reason?: string
  /** Egress log entries per case (T1X01, T3X02): written as its egress.jsonl, its refused ones in the summary's egress_denied as a run puts them. */
  egress?: Record<string, EgressEntry[]>
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** Make the RUN folder; returns its path (RUN_0007 in a temp folder). */
export function craftLedger(opts: CraftOptions = {}): string {
  const runDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dogfood-report-')), 'RUN_0007')
  const ev = (id: string, name: string, text: string) => write(path.join(runDir, 'evidence', id, name), text)
  const stop = 'safety gate: T3X02 MODIFICATIONFAIL (MODIFICATIONFAIL: modified README.md)'
  const reason = opts.reason ?? 'MODIFICATIONFAIL: modified README.md, deleted docs/old.md'
  const cases: CaseSummary[] = [
    {
      case_id: 'T1X01',
      stage: 'T1',
      expected_outcome: 'SUCCESS',
      actual_outcome: 'SUCCESS',
      status: 'PASS',
      failure_code: null,
      duration_ms: 812,
      reason: "server 1.18.33 healthy; answered 'pong'",
      offending_paths: [],
    },
    {
      case_id: 'T3X02',
      stage: 'T3',
      expected_outcome: 'SUCCESS',
      actual_outcome: 'FAIL',
      status: 'FAIL',
      failure_code: 'MODIFICATIONFAIL',
      duration_ms: 4321,
      reason,
      offending_paths: ['README.md', 'docs/old.md'],
    },
    { case_id: 'T4X03', stage: 'T4', expected_outcome: 'SUCCESS', actual_outcome: null, status: 'SKIPPED', failure_code: null, duration_ms: 0, reason: stop },
  ]
  for (const [id, entries] of Object.entries(opts.egress ?? {})) {
    ev(id, 'egress.jsonl', entries.map((e) => `${JSON.stringify(e)}\n`).join(''))
    const denied = summaryDenied(entries)
    if (denied.length > 0) cases.find((c) => c.case_id === id)!.egress_denied = denied
  }
  const summary: RunSummary & Record<string, unknown> = {
    schema_id: 'opencode_dogfood_run_summary',
    schema_version: '1.0',
    run_id: 'RUN_0007',
    repo_commit: COMMIT,
    total_cases: 3,
    passed: 1,
    failed: 1,
    skipped: 1,
    final_verdict: 'FAIL',
    stop_reason: stop,
    containment: 'bwrap (auto)',
    cases,
    ...opts.summaryExtra,
  }
  write(path.join(runDir, 'run_summary.json'), JSON.stringify(summary, null, 2) + '\n')
  for (const c of cases.filter((x) => x.status !== 'SKIPPED')) {
    const result: CaseResult = {
      schema_id: 'opencode_dogfood_case_result',
      schema_version: '1.0',
      case_id: c.case_id,
      stage: c.stage,
      expected_outcome: c.expected_outcome,
      actual_outcome: c.actual_outcome!,
      status: c.status as 'PASS' | 'FAIL',
      failure_code: c.failure_code,
      run_id: 'RUN_0007',
      duration_ms: c.duration_ms,
      model_id: 'dogfood/scripted',
      transport: 'sdk',
      repo_commit: COMMIT,
      evidence: [],
      reason: c.reason,
    }
    write(path.join(runDir, 'cases', `${c.case_id}.result.json`), JSON.stringify(result, null, 2) + '\n')
    ev(c.case_id, 'stdout.txt', `${c.case_id} +0.10s: worktree check: isolated worktree (/tmp/wt)\n${c.case_id} +1.20s: verdict: ${c.actual_outcome}\n`)
    ev(c.case_id, 'stderr.txt', '')
    ev(c.case_id, 'git_status.txt', '')
    ev(c.case_id, 'repo_commit.txt', COMMIT + '\n')
    ev(c.case_id, 'worktree_check.txt', 'is_worktree: true\n')
  }
  ev('T1X01', 'health.json', JSON.stringify({ healthy: true, version: '1.18.33' }) + '\n')
  const id = 'T3X02'
  ev(id, 'transcript.json', transcript(id, opts.bigOutput))
  ev(id, 'changes.diff', DIFF)
  ev(id, 'guard_changes.txt', 'modified\ttree\t"README.md"\ndeleted\ttree\t"docs/old.md"\ncreated\ttree\t"scripts/opencode_dogfood/sandbox/page.html"\n')
  ev(id, 'guard_violations.txt', 'MODIFICATIONFAIL\tmodified\ttree\t"README.md"\nGITCLEANFAIL\tdeleted\ttree\t"docs/old.md"\n')
  ev(id, 'items.txt', 'item_01.html\t"scripts/opencode_dogfood/sandbox/page.html"\n')
  ev(id, 'item_01.html', `${SCRIPT}\n<h1>owned</h1>\n`)
  ev(
    id,
    'restore.txt',
    'removed\t"scripts/opencode_dogfood/sandbox/page.html"\nrewritten\t"README.md"\t0123abcd\nrewritten\t"docs/old.md"\t4567ef01\nverified: tree matches the before-snapshot\n',
  )
  ev(id, 'test_before.txt', '$ node --test-reporter=tap t.test.mjs\nexit: 1\n--- stdout\nnot ok 1 - average\n')
  ev(id, 'test_after.txt', '$ node --test-reporter=tap t.test.mjs\nexit: 0\n--- stdout\nok 1 - average\n')
  ev(id, 'denied_tool_calls.json', '[]\n')
  return runDir
}
