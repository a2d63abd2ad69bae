// Per-case checks: what the agent is asked, and what the evidence must show.
// Every check can fail; none trusts an exit code or the agent's word alone.
// The checks of the agent's work on the tree are here; the agent's and its
// server's own in checks-agent.ts; what they share in check-kit.ts.
import { lookAt } from '../guard/reader.js'
import { ok, fail, param, readWork, notRegularFile, judgeAnswer, describe, readIt, runNode, testRun, type Check } from './check-kit.js'
import { emptyPrompt, invalidModel, ping, roles, timeout } from './checks-agent.js'
export type { CheckEnv, Outcome } from './check-kit.js'

const readOnly: Check = async (env) => {
  const rel = param(env, 'read_path')
  const r = await env.prompt()
  env.log(describe(r))
  env.evidence('answer.txt', r.text + '\n')
  const g = await env.guard()
  if (g.violations.length > 0) return fail(g.violations[0].code, 'the tree changed during a read-only case')
  const bad = judgeAnswer(r)
  if (bad) return bad
  if (!readIt(r, rel)) return fail('EVIDENCEMISMATCH', `the agent did not read ${rel}`)
  return ok(`read ${rel}, answered ${r.text.length} chars, tree unchanged`)
}

const write: Check = async (env) => {
  const target = param(env, 'target')
  const marker = param(env, 'expect_contains')
  const before = readWork(env, target)
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const after = readWork(env, target)
  if (after === undefined) return fail('EVIDENCEMISMATCH', `${target} does not exist after the write`)
  if (after === before) return fail('EVIDENCEMISMATCH', `${target} is unchanged`)
  if (!after.includes(marker)) return fail('EVIDENCEMISMATCH', `${target} lacks the marker '${marker}'`)
  return ok(`${target} rewritten with the marker`)
}

const append: Check = async (env) => {
  const target = param(env, 'target')
  const marker = param(env, 'expect_contains')
  const before = readWork(env, target)
  if (before === undefined) return fail('EVIDENCEMISMATCH', `${target} must exist before the append`)
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const after = readWork(env, target) ?? ''
  if (!after.startsWith(before.replace(/\n+$/, ''))) return fail('EVIDENCEMISMATCH', `${target} lost its earlier content`)
  if (after.length <= before.length || !after.slice(before.replace(/\n+$/, '').length).includes(marker))
    return fail('EVIDENCEMISMATCH', `no appended line with the marker '${marker}' in ${target}`)
  return ok(`${target} kept its content and gained the marker line`)
}

const deleteSentinel: Check = async (env) => {
  const target = param(env, 'target')
  if (lookAt(env.ctx.workDir, target).kind !== 'file') return fail('EVIDENCEMISMATCH', `sentinel ${target} is missing before the case`)
  const r = await env.prompt()
  env.log(describe(r))
  const g = await env.guard()
  const caught = g.violations.some((v) => v.code === 'GITCLEANFAIL' && v.path === target)
  // The verdict comes from the guard; this check only says what it saw.
  return caught ? ok(`deletion of ${target} caught by the sentinel`) : ok(`${target} was not deleted`)
}

const codegen: Check = async (env) => {
  const target = param(env, 'target')
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const odd = notRegularFile(env, target, `${target} was not created`)
  if (odd) return odd
  const name = param(env, 'expect_export')
  // Both read the file and write nothing: they run at once; the compile result is judged first.
  const [compiled, probe] = await Promise.all([
    runNode(env, ['--check', target], 'compile.txt'),
    runNode(
      env,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify('./' + target)}); if (typeof m[${JSON.stringify(name)}] !== 'function') { console.error('no export ${name}'); process.exit(3) }`,
      ],
      'export_check.txt',
    ),
  ])
  if (!compiled.ok) return fail('SYNTAXERROR', `${target} does not compile`)
  if (!probe.ok) return fail('EVIDENCEMISMATCH', `${target} does not export a function ${name}`)
  return ok(`${target} compiles and exports ${name}()`)
}

const bugfix: Check = async (env) => {
  const target = param(env, 'target')
  const test = param(env, 'test')
  const before = await runNode(env, testRun(test), 'test_before.txt')
  if (before.ok) return fail('EVIDENCEMISMATCH', `the fixture test ${test} passes before the fix: nothing to fix`)
  const r = await env.prompt()
  env.log(describe(r))
  const g = await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  if (g.changes.some((c) => c.path === test)) return fail('EVIDENCEMISMATCH', `the agent changed the test ${test}`)
  const odd = notRegularFile(env, target, `${target} is gone after the fix`)
  if (odd) return odd
  const [compiled, after] = await Promise.all([runNode(env, ['--check', target], 'compile.txt'), runNode(env, testRun(test), 'test_after.txt')])
  if (!compiled.ok) return fail('SYNTAXERROR', `${target} does not compile after the fix`)
  if (!after.ok) return fail('EVIDENCEMISMATCH', `${test} still fails after the fix`)
  return ok(`${test} failed before and passes after the fix`)
}

const testgen: Check = async (env) => {
  const target = param(env, 'target')
  const r = await env.prompt()
  env.log(describe(r))
  await env.guard()
  const bad = judgeAnswer(r)
  if (bad) return bad
  const odd = notRegularFile(env, target, `${target} was not created`)
  if (odd) return odd
  const [compiled, run] = await Promise.all([runNode(env, ['--check', target], 'compile.txt'), runNode(env, testRun(target), 'test_run.txt')])
  if (!compiled.ok) return fail('SYNTAXERROR', `${target} does not compile`)
  if (!run.ok) return fail('EVIDENCEMISMATCH', `the generated test ${target} fails`)
  if (!/# tests [1-9]/.test(run.output)) return fail('EVIDENCEMISMATCH', `the generated test ${target} ran no test`)
  return ok(`${target} compiles and its tests pass`)
}

const review: Check = async (env) => {
  const rel = param(env, 'read_path')
  const r = await env.prompt()
  env.log(describe(r))
  env.evidence('review.txt', r.text + '\n')
  const g = await env.guard()
  if (g.changes.some((c) => c.area === 'tree')) return fail(g.violations[0]?.code ?? 'MODIFICATIONFAIL', 'a file changed during a review')
  const bad = judgeAnswer(r)
  if (bad) return bad
  if (!readIt(r, rel)) return fail('EVIDENCEMISMATCH', `the agent did not read ${rel}`)
  return ok(`review of ${rel}: ${r.text.length} chars, no file changed`)
}

const agent: Check = async (env) => {
  const r = await env.prompt()
  env.log(describe(r))
  env.evidence('answer.txt', r.text + '\n')
  await env.guard()
  return judgeAnswer(r) ?? ok(`answered ${r.text.length} chars`)
}

export const CHECK_IMPLS: Record<string, Check> = {
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
  agent,
}

/** Checks whose case may write (within the allowlist); all others must leave the tree unchanged. */
export const WRITING_CHECKS = new Set(['write', 'append', 'codegen', 'bugfix', 'testgen', 'agent', 'delete_sentinel'])
