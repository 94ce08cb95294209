import { escapeHtml } from '../html.js';
import type { ReportSection } from '../section.js';

const descriptions: Record<string, string> = {
  'gains.csv': 'one row per directed pair: single and pair F1, relative gain, interval and p-value over seeds',
  'features.csv': 'one row per task: dataset and learning-curve features',
  'pairs.csv': 'one row per directed pair: main, auxiliary and ratio features with the gain label (the meta-model’s input)',
  'meta.json': 'the meta-model’s scores, coefficients and predictions',
  'affinity.json': 'the affinity run: lookahead affinities, gradient cosines, their costs',
  'study.json': 'the normalized study spec',
};

/** Links to the study's tables, relative so the folder can be moved or zipped with its report. */
export const downloadsSection = {
  id: 'downloads',
  title: 'Data files',
  render({ downloads }) {
    if (downloads.length === 0) return null;
    const items = downloads.map((file) => {
      const name = escapeHtml(file);
      const what = descriptions[file];
      return `<li><a href="${escapeHtml(encodeURI(file))}" download>${name}</a>${what ? ` — ${escapeHtml(what)}` : ''}</li>`;
    });
    return { html: `<ul class="downloads">\n${items.join('\n')}\n</ul>`, charts: [] };
  },
} satisfies ReportSection;
