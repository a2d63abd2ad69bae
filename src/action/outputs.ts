// The step's outputs: every one is always set (empty when it does not apply),
// so a later step can test `steps.dogfood.outputs.artifact-id != ''`.
import type { RunSummary } from '../types.js'

export const ACTION_OUTPUTS = [
  'run-id',
  'verdict',
  'passed',
  'failed',
  'skipped',
  'total',
  'ledger-path',
  'ledger-root',
  'junit-path',
  'artifact-name',
  'artifact-id',
  'artifact-digest',
  'check-run-id',
  'check-run-url',
] as const
export type ActionOutputName = (typeof ACTION_OUTPUTS)[number]

export interface OutputValues {
  summary?: RunSummary
  ledgerPath?: string
  /** The JUnit XML file written (junit-path). */
  junitPath?: string
  artifact?: { name: string; id?: number; digest?: string }
  checkRun?: { id?: number; url?: string }
}

export function outputValues(v: OutputValues): Record<ActionOutputName, string> {
  const s = v.summary
  return {
    'run-id': s?.run_id ?? '',
    verdict: s?.final_verdict ?? '',
    passed: s ? String(s.passed) : '',
    failed: s ? String(s.failed) : '',
    skipped: s ? String(s.skipped) : '',
    total: s ? String(s.total_cases) : '',
    'ledger-path': v.ledgerPath ?? '',
    'ledger-root': s?.ledger_root ?? '',
    'junit-path': v.junitPath ?? '',
    'artifact-name': v.artifact?.id !== undefined ? v.artifact.name : '',
    'artifact-id': v.artifact?.id !== undefined ? String(v.artifact.id) : '',
    'artifact-digest': v.artifact?.digest ? `sha256:${v.artifact.digest}` : '',
    'check-run-id': v.checkRun?.id !== undefined ? String(v.checkRun.id) : '',
    'check-run-url': v.checkRun?.url ?? '',
  }
}

export function setOutputs(set: (name: string, value: string) => void, v: OutputValues): void {
  for (const [name, value] of Object.entries(outputValues(v))) set(name, value)
}
