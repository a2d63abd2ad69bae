// What every cell of the escape matrix must show (shared by the test files).
import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { filesHolding, type CellOutcome } from './escape-run.js'

/** A secret's forms, computed here independently of src/secrets.ts. */
export function forms(s: string): string[] {
  const out = [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]
  for (const pad of ['', 'a', 'ab']) {
    const b64 = Buffer.from(pad + s).toString('base64')
    // Drop the characters that mix in the padding or whatever follows.
    out.push(b64.slice(pad.length === 0 ? 0 : pad.length + 1, -4))
  }
  return out.filter((x) => x.length >= 8)
}

export function assertCell(get: () => CellOutcome): void {
  it('each escape is prevented or caught with the right code (or is a documented limit of this mode)', () => {
    const o = get()
    const wrong: string[] = []
    for (const { e, expect: want } of o.ran) {
      const r = o.results.get(e.id)
      if (!r) {
        wrong.push(`${e.id}: no result`)
        continue
      }
      const violations = path.join(o.runDir, 'evidence', e.id, 'guard_violations.txt')
      const named = existsSync(violations) ? readFileSync(violations, 'utf8') : ''
      const enforce = o.cell.prevention === 'enforce'
      if (want === 'unseen') continue
      if (want === 'prevented' || (enforce && r.actual_outcome === 'SUCCESS')) {
        // Prevented: the agent's attempt changed nothing the gates forbid.
        if (r.actual_outcome !== 'SUCCESS' || named !== '')
          wrong.push(`${e.id} (${e.purpose}): expected prevented, got ${r.actual_outcome} ${r.failure_code ?? ''} — ${r.reason}`)
        continue
      }
      if (r.failure_code !== want || r.status !== 'PASS')
        wrong.push(`${e.id} (${e.purpose}): expected ${want}, got ${r.actual_outcome} ${r.failure_code ?? ''} — ${r.reason}`)
      else if (e.names && !named.includes(e.names)) wrong.push(`${e.id}: violations do not name ${e.names}: ${named}`)
    }
    expect(wrong).toEqual([])
    expect(o.summary.skipped, o.summary.stop_reason).toBe(0)
  })

  it('the main checkout and the folder beside the worktree are byte-identical afterwards (but for what escaped uncontained, which is reported)', () => {
    const o = get()
    const changed = [...new Set([...o.mainBefore.keys(), ...o.mainAfter.keys()])].filter((k) => o.mainBefore.get(k) !== o.mainAfter.get(k))
    if (o.cell.containment === 'required') {
      expect(changed).toEqual([])
      expect(o.besideAfter).toEqual(o.besideBefore)
      expect(o.targetsChanged).toEqual([])
    } else {
      // Uncontained, a write into the main checkout is caught, reported, and (a new file) moved into the evidence.
      for (const k of changed) expect(o.cli.stderr, k).toContain(k)
      expect(o.besideAfter).toEqual(o.besideBefore)
    }
  })

  it("no program planted in git's config ran in the harness's git; the main repository's worktree list and config are as before (issue 17)", () => {
    const o = get()
    expect(o.marker).toBe('')
    expect(o.configAfter).toBe(o.configBefore)
    expect(o.worktreesAfter).toBe(o.worktreesBefore)
  })

  it('no process is left', () => {
    expect(get().leftover).toEqual([])
  })

  it('no planted secret, in any encoding, in the ledger, the transcripts, or the output', () => {
    const o = get()
    const values = Object.values(o.secrets)
    const ledgerRoot = path.dirname(o.runDir)
    const logs = path.join(path.dirname(path.dirname(path.dirname(ledgerRoot))), 'logs')
    expect(filesHolding([ledgerRoot, logs], values, forms)).toEqual([])
    for (const v of values.flatMap(forms)) {
      expect(o.cli.stdout.includes(v) || o.cli.stderr.includes(v), 'cli output').toBe(false)
    }
    // The agent's `env` did not list them at all (not even masked): its environment is an allowlist.
    const t = readFileSync(path.join(o.runDir, 'evidence', 'T2B72', 'transcript.json'), 'utf8')
    for (const name of Object.keys(o.secrets)) expect(t, name).not.toContain(`${name}=`)
    if (o.cell.prevention === 'off') expect(t).toMatch(/PATH=/)
  })
}
