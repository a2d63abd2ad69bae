// The harness reads what the agent touched through one reader only
// (src/guard/reader.ts: no link followed, no FIFO opened, bounded). This test
// fails when any other module of src/ calls a reading primitive that follows
// links or blocks on a FIFO — unless the module is listed below with what it
// reads, and that is never a path in a worktree after the agent ran. A new
// use must either go through the reader or be listed here with its reason;
// a listed module that no longer reads is a stale entry and fails too.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** Calls that open a path and follow its links (or block on a FIFO). */
const PRIMITIVES = /\b(readFileSync|readFile|createReadStream|copyFileSync|copyFile|cpSync|cp)\s*\(|promises\.readFile|from 'node:fs\/promises'/

/** module → what it reads (never a worktree path after the agent ran). */
const HARNESS_ONLY: Record<string, string> = {
  'src/guard/reader.ts': 'the reader itself (it names the primitives in its comments only; it opens with O_NOFOLLOW)',
  'src/action/context.ts': "the runner's event payload (GITHUB_EVENT_PATH)",
  'src/action/pids.ts': "the Action's own pid files and /proc/<pid>/cmdline (procfs, bounded by the kernel)",
  'src/cases/catalog.ts': "the user's --cases-file, read before any case",
  'src/cases/checks-agent.ts': "the scripted model's request log in the harness's temp folder (hidden from the agent's sandbox)",
  'src/guard/canary.ts': "procfs (/proc/sys/kernel/random/boot_id, /proc/<pid>/stat) to name the canary's owner; canaries themselves go through the reader",
  'src/action/runner-host.ts': 'procfs and sysfs values of the runner (/proc/sys/kernel/…), recorded before the run',
  'src/opencode/binary.ts': "the opencode platform package's own package.json (its version)",
  'src/cli.ts': "the case context file in the harness's temp folder, and run_summary.json the harness sealed",
  'src/fsutil.ts': 'sha256File: result files the harness just wrote (suite/repeat.ts, suite/case-process.ts)',
  'src/init.ts': "the package's own fixture files, copied by `init` before any run",
  'src/ledger/sidecar.ts': 'ledger files the harness wrote, to write their sidecars',
  'src/ledger/sign.ts': "the user's --sign-key and the sealed run_summary.json",
  'src/sandbox/credentials.ts': "the git config's included credential files, copied into sanitized views before any case",
  'src/sandbox/identity.ts': '/etc/passwd, to pick a uid for the agent no account names (before any case)',
  'src/sandbox/egress-proxy.ts': "the egress log the harness's proxy writes in a folder of the harness's (hidden from the agent's sandbox)",
  'src/bench-merge.ts': 'a sealed ledger of its own bench run (or --from RUN_DIR), copied into synthetic shard ledgers',
  'src/bench.ts': "each case's stdout.txt in the ledger of its own bench runs (written by the harness: the case process's log)",
  'src/sandbox/budget-watch.ts':
    "/proc/<pid>/statm of the agent's processes (procfs, bounded by the kernel); the writable paths by lstat and readdir only (no file opened)",
  'src/sandbox/cgroup.ts': "the run's own cgroup files under /sys/fs/cgroup (cgroupfs, the harness's; the agent cannot write them)",
  'src/sandbox/netns-counters.ts':
    "/proc/<pid>/stat and the sandbox's network namespace counters /proc/<pid>/net/snmp, snmp6 (procfs, the kernel's: the agent cannot write them)",
  'src/sandbox/processes.ts': "/proc/<pid>/environ and cmdline of the agent's processes (procfs, bounded by the kernel)",
  'src/proc.ts': "/proc/<pid>/wchan and task/<pid>/children of the harness's own git calls (procfs, bounded by the kernel)",
  'src/secrets.ts': 'scrubFile: evidence files the harness wrote (listed as regular files), before sealing',
  'src/suite/case-process.ts': "the case process's pid and verdict files in the harness's temp folder",
  'src/suite/repeat.ts': "attempt result files the harness wrote, copied into the run's ledger",
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : []
  })
}

/** The code of a file without its comments (a primitive named in a comment is no call). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

describe('reads of agent-touched paths go through the evidence reader', () => {
  const files = sources('src').map((f) => f.split(path.sep).join('/'))
  const readers = files.filter((f) => PRIMITIVES.test(code(f)))

  it('no module outside the list opens a path with a primitive that follows links or blocks', () => {
    const unlisted = readers.filter((f) => !(f in HARNESS_ONLY))
    expect(
      unlisted,
      `read through src/guard/reader.ts (readBeneath, BeneathReader, readUntrustedFile), or list the module in HARNESS_ONLY with what it reads`,
    ).toEqual([])
  })

  it('the detection and case rooms read nothing but through the reader (the cases file and the scripted log excepted)', () => {
    const rooms = readers.filter((f) => /^src\/(guard|cases)\//.test(f) && f !== 'src/guard/reader.ts')
    expect(rooms).toEqual(['src/cases/catalog.ts', 'src/cases/checks-agent.ts', 'src/guard/canary.ts'])
    expect(code('src/guard/canary.ts').match(/readFileSync\([^)]*\)/g)).toEqual(["readFileSync(file, 'utf8')"])
    // checks-agent.ts's one primitive read is the scripted model's log.
    const calls = code('src/cases/checks-agent.ts').match(/readFileSync\([^)]*\)/g) ?? []
    expect(calls).toEqual(["readFileSync(env.ctx.scriptedLog, 'utf8')"])
  })

  it('every listed module still reads (no stale entry)', () => {
    const stale = Object.keys(HARNESS_ONLY).filter((f) => f !== 'src/guard/reader.ts' && !readers.includes(f))
    expect(stale).toEqual([])
  })

  it('the pattern finds what it must (the test can fail)', () => {
    for (const s of ['readFileSync(p)', 'fs.promises.readFile(p)', 'createReadStream(x)', 'copyFileSync(a, b)', "import { readFile } from 'node:fs/promises'"])
      expect(PRIMITIVES.test(s), s).toBe(true)
    expect(PRIMITIVES.test('readBeneath(root, rel, opts)')).toBe(false)
  })
})
