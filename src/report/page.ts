import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, jsonForScript, scriptForInline } from './html.js';
import { pageScript } from './pageScript.js';
import { pageStyle } from './pageStyle.js';
import type { ReportChart, RenderedSection, ReportSection } from './section.js';

export interface PageInput {
  title: string;
  /** One line under the title (the study's description). */
  subtitle: string;
  sections: { section: ReportSection; rendered: RenderedSection }[];
  /** `<script>` elements that define `vega`, `vegaLite` and `vegaEmbed` (see vegaScriptTags). */
  libraries: string;
  /** Footer line, e.g. the taskrel version. */
  footer: string;
}

const CHART_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Every chart of the page by id; ids must be unique and usable as file names. */
export function pageCharts(sections: PageInput['sections']): ReportChart[] {
  const charts = sections.flatMap((s) => s.rendered.charts);
  for (const [i, chart] of charts.entries()) {
    if (!CHART_ID.test(chart.id)) throw new Error(`report chart id '${chart.id}' must match ${CHART_ID}`);
    if (charts.findIndex((c) => c.id === chart.id) !== i) throw new Error(`report chart id '${chart.id}' is used twice`);
  }
  return charts;
}

/** The complete, self-contained HTML document. */
export function assemblePage(input: PageInput): string {
  const specs: Record<string, TopLevelSpec> = Object.fromEntries(pageCharts(input.sections).map((c) => [c.id, c.spec]));
  const nav = input.sections.map(({ section }) => `<a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a>`);
  const body = input.sections.map(
    ({ section, rendered }) =>
      `<section id="${escapeHtml(section.id)}">\n<h2>${escapeHtml(section.title)}</h2>\n${rendered.html}\n</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<header class="page"><h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.subtitle)}</p></header>
<nav>${nav.join('')}</nav>
<main>
${body.join('\n')}
</main>
<footer class="page">${escapeHtml(input.footer)}</footer>
<script type="application/json" id="taskrel-charts">${jsonForScript(specs)}</script>
${input.libraries}
<script>${scriptForInline(pageScript)}</script>
</body>
</html>
`;
}
