/** The report's whole stylesheet: one readable column, tables and charts that scroll rather than overflow. */
export const pageStyle = `
:root { --text: #1d1d1f; --muted: #5f6368; --line: #e3e3e3; --accent: #2166ac; --bg-soft: #f7f7f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
header.page { padding: 28px 40px 16px; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 26px; }
header.page p { margin: 0; color: var(--muted); max-width: 70em; }
nav { position: sticky; top: 0; z-index: 10; background: rgba(255,255,255,.96); border-bottom: 1px solid var(--line); padding: 8px 40px; }
nav a { margin-right: 18px; color: var(--accent); text-decoration: none; font-size: 14px; white-space: nowrap; }
nav a:hover { text-decoration: underline; }
main { padding: 8px 40px 40px; max-width: 1280px; }
section { margin: 28px 0 40px; scroll-margin-top: 48px; }
section > h2 { font-size: 20px; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
p.lead { color: var(--muted); margin: 4px 0 16px; max-width: 70em; }
h3 { font-size: 16px; margin: 24px 0 8px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; margin: 12px 0 20px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 14px; }
th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.missing { color: var(--muted); text-align: center; }
td.name { white-space: nowrap; }
td.prose { min-width: 16em; max-width: 32em; }
td.path { min-width: 16em; max-width: 40em; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
figure.chart-frame { margin: 16px 0 28px; overflow-x: auto; }
figure.chart-frame figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
figure.chart-frame figcaption a { color: var(--muted); }
.vega-embed .chart-wrapper { display: flex; flex-direction: column; }
.vega-embed .vega-bindings { order: -1; margin-left: 4px; }
.vega-embed .vega-bindings:empty { display: none; }
.chart-error { color: #b2182b; padding: 12px; border: 1px solid #b2182b; }
.vega-bindings { margin: 0 0 8px; font-size: 14px; font-weight: 600; }
.vega-bindings select { font-size: 14px; padding: 2px 6px; margin-left: 4px; }
ul.downloads { padding-left: 20px; }
.notes { background: #fff8e6; border-left: 3px solid #e6a700; padding: 8px 14px; margin: 12px 0; font-size: 14px; max-width: 70em; }
.notes ul { margin: 4px 0 0; padding-left: 20px; }
details.protocol { margin: 16px 0; font-size: 14px; }
details.protocol summary { cursor: pointer; color: var(--accent); }
footer.page { padding: 16px 40px 32px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
`;
