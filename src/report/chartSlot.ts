import { escapeHtml } from './html.js';
import type { ReportChart } from './section.js';

/** Where a chart is drawn, with a link to its static SVG when one is written. */
export function chartSlot(chart: ReportChart): string {
  const id = escapeHtml(chart.id);
  const figure = chart.figure ? `<figcaption>Static figure: <a href="figures/${id}.svg">figures/${id}.svg</a></figcaption>` : '';
  return `<figure class="chart-frame"><div class="chart" data-chart="${id}"></div>${figure}</figure>`;
}
