// Where a run's output lives inside the repository by default (the plan
// packet's paths). The ledger owns these names: the suite derives its folders
// from them and the diff's normalizer recognises them in evidence.

/** The ledger root, relative to the repository (RUN_XXXX/ folders go in it). */
export const LEDGER_SUBDIR = 'artifacts/ledger/opencode_dogfood'
/** The agent-call transcripts, relative to the repository. */
export const AGENT_CALLS_SUBDIR = 'logs/agent_calls'
