// `opencode-dogfood verify RUN_DIR`: everything an auditor would check, every
// problem listed (not just the first).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { compareC, sha256, toPosix } from '../fsutil.js'
import type { CaseResult, RunSummary } from '../types.js'
import { schemaProblems } from './schemas.js'
import { parseSidecar, SIDECAR_EXT } from './sidecar.js'

/** Evidence every executed case must have (git_diff.txt only when something changed). */
export const REQUIRED_EVIDENCE = ['stdout.txt', 'stderr.txt', 'git_status.txt', 'repo_commit.txt', 'worktree_check.txt']

function walk(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...walk(p))
    else out.push(p)
  }
  return out
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    problems.push(`${file}: not valid JSON (${(e as Error).message})`)
    return undefined
  }
}

export function verifyRun(runDir: string): string[] {
  const problems: string[] = []
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) return [`${runDir}: not a directory`]
  const rel = (p: string) => toPosix(path.relative(runDir, p))
  const files = walk(runDir)
  const fileSet = new Set(files.map(rel))

  // 1. Every file has a sidecar that matches; every sidecar has its file.
  for (const file of files) {
    const r = rel(file)
    if (r.endsWith(SIDECAR_EXT)) {
      const target = r.slice(0, -SIDECAR_EXT.length)
      if (!fileSet.has(target)) problems.push(`${r}: sidecar without its file`)
      continue
    }
    if (!fileSet.has(r + SIDECAR_EXT)) {
      problems.push(`${r}: no sidecar`)
      continue
    }
    const side = parseSidecar(readFileSync(file + SIDECAR_EXT, 'utf8'))
    if (!side) problems.push(`${r}${SIDECAR_EXT}: not in the format '<sha256> *<filename>'`)
    else if (side.fileName !== path.basename(file)) problems.push(`${r}${SIDECAR_EXT}: names '${side.fileName}', not '${path.basename(file)}'`)
    else if (side.hash !== sha256(readFileSync(file))) problems.push(`${r}: sha256 does not match its sidecar`)
  }

  // 2. The summary: schema and arithmetic.
  const summaryFile = path.join(runDir, 'run_summary.json')
  if (!existsSync(summaryFile)) {
    problems.push('run_summary.json: missing')
    return problems
  }
  const summary = readJson(summaryFile, problems) as RunSummary | undefined
  if (!summary) return problems
  for (const p of schemaProblems('opencode_dogfood_run_summary', summary)) problems.push(`run_summary.json: ${p}`)
  if (!Array.isArray(summary.cases)) return problems
  if (summary.run_id !== path.basename(runDir)) problems.push(`run_summary.json: run_id ${summary.run_id} does not match the folder ${path.basename(runDir)}`)
  if (summary.passed + summary.failed + summary.skipped !== summary.total_cases)
    problems.push(`run_summary.json: passed ${summary.passed} + failed ${summary.failed} + skipped ${summary.skipped} != total_cases ${summary.total_cases}`)
  if (summary.cases.length !== summary.total_cases) problems.push(`run_summary.json: ${summary.cases.length} cases listed, total_cases is ${summary.total_cases}`)
  const count = (s: string) => summary.cases.filter((c) => c.status === s).length
  if (count('PASS') !== summary.passed) problems.push(`run_summary.json: passed is ${summary.passed}, ${count('PASS')} cases have PASS`)
  if (count('FAIL') !== summary.failed) problems.push(`run_summary.json: failed is ${summary.failed}, ${count('FAIL')} cases have FAIL`)
  if (count('SKIPPED') !== summary.skipped) problems.push(`run_summary.json: skipped is ${summary.skipped}, ${count('SKIPPED')} cases are SKIPPED`)
  const verdict = summary.failed === 0 && summary.skipped === 0 && summary.total_cases > 0 ? 'PASS' : 'FAIL'
  if (summary.final_verdict !== verdict) problems.push(`run_summary.json: final_verdict ${summary.final_verdict}, the counts say ${verdict}`)

  // 3. Every executed case: result JSON valid and consistent, evidence present and sorted.
  for (const c of summary.cases) {
    const resultRel = `cases/${c.case_id}.result.json`
    if (c.status === 'SKIPPED') {
      if (fileSet.has(resultRel)) problems.push(`${resultRel}: present for a case the summary lists as SKIPPED`)
      continue
    }
    if (!fileSet.has(resultRel)) {
      problems.push(`${resultRel}: missing for executed case ${c.case_id}`)
      continue
    }
    const result = readJson(path.join(runDir, resultRel), problems) as CaseResult | undefined
    if (!result) continue
    for (const p of schemaProblems('opencode_dogfood_case_result', result)) problems.push(`${resultRel}: ${p}`)
    if (result.status !== c.status) problems.push(`${resultRel}: status ${result.status}, summary says ${c.status}`)
    if (result.run_id !== summary.run_id) problems.push(`${resultRel}: run_id ${result.run_id}, summary says ${summary.run_id}`)
    if (result.repo_commit !== summary.repo_commit) problems.push(`${resultRel}: repo_commit differs from the summary's`)
    const passExpected =
      (result.expected_outcome === 'SUCCESS' && result.actual_outcome === 'SUCCESS') ||
      (result.expected_outcome === 'EXPECTED_FAIL' && result.actual_outcome === 'FAIL' && !!result.failure_code)
    if (result.status === 'PASS' && !passExpected) problems.push(`${resultRel}: PASS contradicts expected ${result.expected_outcome} / actual ${result.actual_outcome}`)
    const evidence = Array.isArray(result.evidence) ? result.evidence : []
    for (let i = 1; i < evidence.length; i++)
      if (compareC(evidence[i - 1].path, evidence[i].path) >= 0) problems.push(`${resultRel}: evidence not sorted (LC_ALL=C) at '${evidence[i].path}'`)
    for (const e of evidence) {
      if (!fileSet.has(e.path)) problems.push(`${resultRel}: evidence '${e.path}' is missing`)
      else if (sha256(readFileSync(path.join(runDir, e.path))) !== e.sha256) problems.push(`${resultRel}: evidence '${e.path}' does not match its recorded sha256`)
    }
    const listed = new Set(evidence.map((e) => e.path))
    for (const f of fileSet) {
      if (f.startsWith(`evidence/${c.case_id}/`) && !f.endsWith(SIDECAR_EXT) && !listed.has(f)) problems.push(`${resultRel}: evidence file '${f}' is not listed`)
    }
    for (const name of REQUIRED_EVIDENCE)
      if (!fileSet.has(`evidence/${c.case_id}/${name}`)) problems.push(`evidence/${c.case_id}/${name}: missing`)
  }
  return problems
}
