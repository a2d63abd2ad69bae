// The report's one stylesheet, inlined (no external style or font: the page
// opens from file:// and from a downloaded artifact). The Content-Security-
// Policy admits exactly this text by its hash. The failures filter is CSS
// alone: a checkbox before the cases hides every case that did not fail.
export const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700; --add-bg: #dafbe1; --del-bg: #ffebe9; --hunk: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --pass: #3fb950; --fail: #f85149; --skip: #d29922; --add-bg: #12361f; --del-bg: #3c1618; --hunk: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 4px 0 10px;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 32em; overflow: auto; }
a { color: var(--hunk); }
h1 { font-size: 22px; margin: 8px 0 12px; }
h4 { font-size: 15px; margin: 14px 0 6px; }
h5 { font-size: 13px; margin: 10px 0 4px; }
.verdict { padding: 2px 10px; border-radius: 6px; color: #fff; }
header.v-PASS .verdict { background: var(--pass); }
header.v-FAIL .verdict { background: var(--fail); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
table.cases td:not(.reason) { white-space: nowrap; overflow-wrap: normal; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.st-PASS .badge.st-PASS, .badge.st-PASS, .badge.ok { color: var(--pass); }
.badge.st-FAIL, .badge.err, .badge.denied { color: var(--fail); }
.badge.st-SKIPPED, .badge.other { color: var(--skip); }
.filter { display: inline-block; margin: 8px 0; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; cursor: pointer; user-select: none; }
#only-failed { margin-right: 6px; }
#only-failed:checked ~ .cases-area .st-PASS, #only-failed:checked ~ .cases-area .st-SKIPPED { display: none; }
details.case { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.case.st-FAIL { border-left: 4px solid var(--fail); }
details.case > summary { cursor: pointer; padding: 8px 10px; list-style-position: inside; }
details.case > summary .reason { color: var(--muted); }
details.case > summary .dur, details.case > summary .stage { color: var(--muted); }
details.case > .body { padding: 0 14px 12px; }
section.part { border-top: 1px solid var(--line); }
ol.timeline { padding-left: 22px; }
li.step { margin: 6px 0; }
li.step.tool.denied { background: var(--del-bg); border-radius: 6px; padding: 2px 6px; }
.tool-head .dur, .note, .facts, .label { color: var(--muted); }
.label { display: block; font-size: 12px; }
.who { color: var(--muted); font-size: 12px; display: block; }
pre.diff { padding: 0; }
pre.diff span { display: block; padding: 0 10px; }
pre.diff .add { background: var(--add-bg); }
pre.diff .del { background: var(--del-bg); }
pre.diff .hunk { color: var(--hunk); }
pre.diff .meta { color: var(--muted); }
.stat .add { color: var(--pass); } .stat .del { color: var(--fail); }
.cut { color: var(--skip); font-size: 12px; margin: 0 0 10px; }
.warn { color: var(--fail); }
.okline { color: var(--pass); }
.empty { color: var(--muted); font-style: italic; }
code.hash { font-size: 11.5px; }
details.harness > summary { cursor: pointer; color: var(--muted); }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
`
