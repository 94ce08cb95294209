import { type DegenerateRun, NEAR_ZERO_SCORE, OUTLIER_MIN_GAP, OUTLIER_Z, degenerateRuns } from '../../study/degenerateRuns.js';
import type { GainRow } from '../../study/gainRow.js';
import { buildGainIntervalsSpec } from '../charts/gainIntervals.js';
import { buildGainMatrixSpec } from '../charts/gainMatrix.js';
import { chartSlot } from '../chartSlot.js';
import { formatGain, formatScoreDifference } from '../format.js';
import { escapeHtml } from '../html.js';
import type { ReportChart, ReportSection } from '../section.js';
import { type Cell, htmlTable } from '../table.js';
import { ofSpecSeeds } from '../../study/runResult.js';

/** The significance level the report marks gains at (the paired t-test over seeds). */
const ALPHA = 0.05;

/** The study's main result: how every auxiliary task changed every main task, and which runs to doubt. */
export const gainsSection = {
  id: 'gains',
  title: 'Gain matrix',
  render({ gains, tasks, spec, runs }) {
    if (gains.length === 0) return null;
    const chart: ReportChart = {
      id: 'gain-matrix',
      spec: buildGainMatrixSpec(gains, { tasks: tasks.map((t) => t.name), alpha: ALPHA }),
      figure: true,
    };
    const degenerate = degenerateRuns(ofSpecSeeds(runs, spec));
    const charts = [chart];
    if (gains.some((g) => g.ciLow !== null))
      charts.push({ id: 'gain-intervals', spec: buildGainIntervalsSpec(gains, ALPHA), figure: true });
    const parts = [`<p class="lead">${escapeHtml(lead(gains, spec.seeds.length))}</p>`, ...charts.map(chartSlot)];
    if (degenerate.length > 0) parts.push('<h3>Runs to doubt</h3>', degenerateText(degenerate, gains), degenerateTable(degenerate));
    return { html: parts.join('\n'), charts };
  },
} satisfies ReportSection;

function lead(gains: readonly GainRow[], seeds: number): string {
  const relative = gains.flatMap((g) => (g.gain === null ? [] : [{ ...g, gain: g.gain }]));
  const helped = gains.filter((g) => g.diff > 0).length;
  const parts = [
    `${helped} of ${gains.length} directed pairs score higher than the main task alone. Read a row as “main task trained together with ` +
      'each auxiliary task”; blue cells gain, red cells lose.',
  ];
  if (relative.length > 0) {
    const best = relative.reduce((a, b) => (b.gain > a.gain ? b : a));
    parts.push(`The largest relative gain is ${formatGain(best.gain)} (main ${best.main}, auxiliary ${best.aux}).`);
  }
  const absolute = gains.length - relative.length;
  if (absolute > 0) parts.push(`${absolute} pair(s) show the absolute score difference instead: their main task did not learn alone.`);
  if (seeds > 1) {
    const significant = gains.filter((g) => g.pValue !== null && g.pValue < ALPHA);
    parts.push(
      `Gains are means over ${seeds} seeds: ${significant.length} of ${gains.length} pairs differ with p < ${ALPHA} ` +
        `(${significant.filter((g) => g.diff > 0).length} gain, ${significant.filter((g) => g.diff < 0).length} lose); ` +
        'the others are faded. Hover a cell for its interval and p-value.',
    );
  } else {
    parts.push('Hover a cell for the scores.');
  }
  return parts.join(' ');
}

function degenerateText(degenerate: readonly DegenerateRun[], gains: readonly GainRow[]): string {
  const flagged = gains.filter((g) => g.flag !== '').length;
  return `<p>${escapeHtml(
    `A run whose test score is below ${NEAR_ZERO_SCORE} did not learn; a seed whose score lies at least ${OUTLIER_MIN_GAP} from ` +
      `the median of the same model over its seeds, with a modified z-score above ${OUTLIER_Z}, is an outlier (tested with three ` +
      `or more seeds). Both stay in the means — no seed is dropped — and mark ${flagged} pair(s) in the matrix with “!”. ` +
      `${degenerate.length} head(s) of runs are affected:`,
  )}</p>`;
}

function degenerateTable(degenerate: readonly DegenerateRun[]): string {
  const rows: Cell[][] = degenerate.map((d) => [
    d.run,
    d.task,
    String(d.seed),
    d.score.toFixed(3),
    d.median.toFixed(3),
    d.reason === 'near-zero' ? 'did not learn' : `outlier (${formatScoreDifference(d.score - d.median)} from the median)`,
  ]);
  return htmlTable(
    [
      { label: 'run', className: 'name' },
      { label: 'head' },
      { label: 'seed', numeric: true },
      { label: 'test score', numeric: true },
      { label: 'median over seeds', numeric: true, help: 'the same model (same tasks) over all its seeds, this one included' },
      { label: 'why' },
    ],
    rows,
  );
}
