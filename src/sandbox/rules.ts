// The shapes of a containment policy: rules over paths, each with its access
// and reason. Below policy.ts (which derives them) and read-view.ts (which
// names the system folders), so neither imports the other's types.

/**
 * hidden: an empty read-only folder (or an empty file) in its place;
 * read: visible, read-only; write: visible, writable;
 * private: an empty writable folder that lives only as long as the sandbox;
 * view: read-only, with `source`'s content shown in its place (a sanitized git config);
 * link: a symlink to `source` (a system folder that is a symlink on the host: /bin → usr/bin).
 */
export type Access = 'hidden' | 'read' | 'write' | 'private' | 'view' | 'link'

export interface ContainmentRule {
  /** Absolute real path. */
  path: string
  access: Access
  /** Why the rule is there, for policy.json. */
  why: string
  /** For access 'view': the file shown in place of `path`; for 'link': the symlink's target. */
  source?: string
  /** For access 'write' when the agent runs as its own uid: its for the whole run ('run': OpenCode's state) or only while a case runs ('case', the default: the write allowlist). */
  scope?: 'run' | 'case'
  /** A file, not a folder (hidden files become an empty file). */
  file?: boolean
}

export interface ContainmentPolicy {
  rules: ContainmentRule[]
  /** Allowlist entries that cannot be writable under containment (they do not exist yet), with why. */
  unmounted: string[]
  /** Working directory of the contained processes. */
  cwd: string
  /** The host's network, no namespace of its own (only `npm run bench -- --network`'s baseline): never in a run. */
  sharedNetwork?: boolean
}
