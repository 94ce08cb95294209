import { buildGainIntervalsSpec } from '../charts/gainIntervals.js';
import { buildGainMatrixSpec } from '../charts/gainMatrix.js';
import { chartSlot } from '../chartSlot.js';
import { formatGain } from '../format.js';
import { escapeHtml } from '../html.js';
import type { ReportChart, ReportSection } from '../section.js';

/** The significance level the report marks gains at (the paired t-test over seeds). */
const ALPHA = 0.05;

/** The study's main result: how every auxiliary task changed every main task. */
export const gainsSection = {
  id: 'gains',
  title: 'Gain matrix',
  render({ gains, tasks, spec }) {
    if (gains.length === 0) return null;
    const chart: ReportChart = {
      id: 'gain-matrix',
      spec: buildGainMatrixSpec(gains, { tasks: tasks.map((t) => t.name), alpha: ALPHA }),
      figure: true,
    };
    const helped = gains.filter((g) => g.gain > 0).length;
    const best = gains.reduce((a, b) => (b.gain > a.gain ? b : a));
    const seeds = spec.seeds.length;
    const significant = gains.filter((g) => g.pValue !== null && g.pValue < ALPHA);
    const lead = `${helped} of ${gains.length} directed pairs gain. Read a row as “main task trained together with ` +
      `each auxiliary task”; blue cells gain, red cells lose. The largest gain is ${formatGain(best.gain)} ` +
      `(main ${best.main}, auxiliary ${best.aux}).` +
      (seeds > 1
        ? ` Gains are means over ${seeds} seeds: ${significant.length} of ${gains.length} pairs differ with p < ${ALPHA} ` +
          `(${significant.filter((g) => g.gain > 0).length} gain, ${significant.filter((g) => g.gain < 0).length} lose); ` +
          'the others are faded. Hover a cell for its interval and p-value.'
        : ' Hover a cell for the scores.');
    const charts = [chart];
    if (gains.some((g) => g.ciLow !== null)) charts.push({ id: 'gain-intervals', spec: buildGainIntervalsSpec(gains, ALPHA), figure: true });
    return { html: `<p class="lead">${escapeHtml(lead)}</p>\n${charts.map(chartSlot).join('\n')}`, charts };
  },
} satisfies ReportSection;
