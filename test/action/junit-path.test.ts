// The Action's junit-path: input read relative to the workspace (a directory
// refused in one line naming the input), output set to the file written.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readActionInputs, type ActionInputName } from '../../src/action/inputs.js'
import { outputValues } from '../../src/action/outputs.js'
import { actionYml } from '../support/action/runner.js'
import { passingRun } from '../support/action/summaries.js'

const spec = actionYml()

function read(overrides: Partial<Record<ActionInputName, string>>, workspace: string) {
  const get = (name: ActionInputName) =>
    overrides[name] ?? (spec.inputs[name].default?.includes('${{') ? 'ghs_dummy_token_for_tests' : (spec.inputs[name].default ?? ''))
  return readActionInputs(get, workspace)
}

describe('junit-path', () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'dogfood-ws-'))

  it('empty by default: no JUnit file, an empty output', () => {
    expect(spec.inputs['junit-path'].default).toBe('')
    expect(read({}, ws).junitPath).toBeUndefined()
    expect(outputValues({ summary: passingRun() })['junit-path']).toBe('')
  })

  it('a relative path is read against the workspace; the output is the file written', () => {
    expect(read({ 'junit-path': 'test-results/dogfood.xml' }, ws).junitPath).toBe(path.join(ws, 'test-results', 'dogfood.xml'))
    expect(outputValues({ summary: passingRun(), junitPath: '/w/test-results/dogfood.xml' })['junit-path']).toBe('/w/test-results/dogfood.xml')
  })

  it('a directory is refused with one line naming junit-path', () => {
    expect(() => read({ 'junit-path': '.' }, ws)).toThrow(new RegExp(`^junit-path: ${ws} is a directory; give a file name`))
  })
})
