// The ledger root: one sha256 over every file of a run but the summary itself,
// recorded in run_summary.json (`ledger_root`) and published outside the
// ledger (stdout, job summary, check run, Action output). Whoever can rewrite
// the files cannot also rewrite what was published.
//
// Construction (README, "The ledger root"), so that standard tools recompute it:
//   cd RUN_XXXX && find . -type f ! -path './run_summary.json*' -printf '%P\n' \
//     | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum
// i.e. the sha256 of the text that `sha256sum` prints for every file of the run
// (sidecars included; run_summary.json, its sidecar and its signature left
// out), one line `<hex>  <path>\n` each, paths relative to the run folder with
// forward slashes, in byte order (LC_ALL=C).
import path from 'node:path'
import { compareC, sha256 } from '../fsutil.js'
import { sha256LedgerFile, walkLedger } from '../ledger-files.js'

/** The files of the summary itself: the root cannot cover them (the summary holds the root). */
export const SUMMARY_PREFIX = 'run_summary.json'

/** A ledger root: 64 lowercase hex digits. */
export const ROOT_PATTERN = /^[0-9a-f]{64}$/

/**
 * The manifest the root is the hash of: `sha256sum`'s text for every file of
 * `runDir` but run_summary.json*, in C order. Returns the text (UTF-8).
 * Throws the fs error when the folder cannot be read. A link, FIFO or device
 * in the folder is left out (`find -type f` leaves it out too).
 */
export function rootManifest(runDir: string): string {
  // Regular files only, no link followed, hashed in pieces (ledger-files.ts); what else the folder holds is verify's to name.
  const walk = walkLedger(runDir)
  const files = walk.files.filter((f) => !f.startsWith(SUMMARY_PREFIX) || f.includes('/')).sort(compareC)
  return files.map((f) => `${sha256LedgerFile(path.join(runDir, f), walk.ids.get(f))}  ${f}\n`).join('')
}

/** The ledger root of `runDir` (hex sha256 of rootManifest). */
export function ledgerRoot(runDir: string): string {
  return sha256(rootManifest(runDir))
}
