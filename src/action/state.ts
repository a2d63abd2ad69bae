// What the main step hands to the post step (core.saveState → STATE_* env).
export const STATE = {
  /** The action's temp folder: pid files, the opencode launcher, the suite's TMPDIR. */
  stateDir: 'state-dir',
  repoDir: 'repo-dir',
  worktree: 'worktree',
  /** The RUN_XXXX folder, as soon as the run allocated it. */
  runDir: 'run-dir',
  /** Set only when the main step got as far as a verdict. */
  verdict: 'verdict',
} as const
