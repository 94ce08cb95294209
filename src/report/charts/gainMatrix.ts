import type { TopLevelSpec } from 'vega-lite';
import type { GainRow } from '../../study/gainRow.js';
import { formatGain, formatScoreDifference } from '../format.js';
import { DIVERGING_SCHEME, VEGA_LITE_SCHEMA, reportConfig, sortedNames, symmetricExtent } from './common.js';

export interface GainMatrixOptions {
  /** A cell is marked significant when its p-value is below this (default 0.05). */
  alpha?: number;
  /** Every task of the study, so tasks without any pair still get a row and a column. */
  tasks?: string[];
}

/** Cell text turns white where the fill is darker than this fraction of the colour domain. */
const DARK_CELL = 0.55;
/** Fill opacity of a cell whose gain is not significant: its colour still reads, but it steps back. */
const FADED_OPACITY = 0.3;

/** Fill of a cell without a relative gain (its main task did not learn alone): no colour on the gain scale. */
const NO_GAIN_FILL = '#d9d9d9';

/**
 * Heatmap of directed gains: one row per main task, one column per auxiliary task, colour diverging around 0
 * on a symmetric domain so equal gains and losses look equally strong. With several seeds, cells whose paired
 * t-test is below `alpha` carry a `*`; the others are faded, so the eye lands on what is significant. A pair whose
 * main task did not learn alone shows its absolute score difference (Δ) on grey instead of a percentage; cells with
 * a degenerate run (gains.csv's flag) carry a `!`.
 */
export function buildGainMatrixSpec(gains: GainRow[], options: GainMatrixOptions = {}): TopLevelSpec {
  const alpha = options.alpha ?? 0.05;
  const tasks = sortedNames([...(options.tasks ?? []), ...gains.flatMap((g) => [g.main, g.aux])]);
  const extent = symmetricExtent(gains.flatMap((g) => (g.gain === null ? [] : [g.gain])));
  const withSeeds = gains.some((g) => g.seeds > 1);
  const interval = (low: number | null, high: number | null, format: (x: number) => string): string =>
    low === null || high === null ? 'n/a (one seed)' : `${format(low)} … ${format(high)}`;
  const cells = gains.map((g) => {
    const significant = g.pValue !== null && g.pValue < alpha;
    const value = g.gain === null ? `Δ${formatScoreDifference(g.diff)}` : formatGain(g.gain);
    return {
      ...g,
      faded: withSeeds && !significant,
      label: value + (withSeeds && significant ? '*' : '') + (g.flag === '' ? '' : '!'),
      gainText: g.gain === null ? 'undefined: main did not learn alone' : formatGain(g.gain),
      ci: g.gain === null ? 'n/a' : interval(g.ciLow, g.ciHigh, formatGain),
      diffText: `${formatScoreDifference(g.diff)} (${interval(g.diffLow, g.diffHigh, formatScoreDifference)})`,
      p: g.pValue === null ? 'n/a (one seed)' : g.pValue.toPrecision(2),
      flagText: g.flag === '' ? 'none' : g.flag,
    };
  });
  const axis = { domain: tasks };
  const tooltip = [
    { field: 'main', title: 'main task' },
    { field: 'aux', title: 'auxiliary task' },
    { field: 'gainText', title: 'relative gain' },
    { field: 'singleF1', title: 'single-task F1', format: '.4f' },
    { field: 'pairF1', title: 'pair F1', format: '.4f' },
    { field: 'ci', title: '95% CI of gain' },
    { field: 'diffText', title: 'score difference (95% CI)' },
    { field: 'p', title: 'p-value' },
    { field: 'seeds', title: 'seeds' },
    { field: 'flagText', title: 'degenerate runs' },
  ];
  const subtitle = ['Relative gain of the main task’s test F1 when trained together with the auxiliary task.'];
  if (withSeeds)
    subtitle.push(
      `Mean over seeds; * marks p < ${alpha} (paired t-test of pair vs single F1 over seeds); faded cells are not significant.`,
    );
  if (gains.some((g) => g.gain === null))
    subtitle.push('Grey: the main task did not learn alone, so no percentage; Δ is the absolute difference of the scores.');
  if (gains.some((g) => g.flag !== '')) subtitle.push('! marks a pair with a run that did not learn or an outlier seed (hover for which).');
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: { text: 'Gain matrix: does the auxiliary task help the main task?', subtitle },
    width: { step: Math.max(52, Math.min(84, 720 / Math.max(1, tasks.length))) },
    height: { step: 38 },
    encoding: {
      x: { field: 'aux', type: 'nominal', scale: axis, title: 'auxiliary task', axis: { orient: 'top', labelAngle: -35 } },
      y: { field: 'main', type: 'nominal', scale: axis, title: 'main task' },
    },
    layer: [
      {
        data: { values: tasks.map((t) => ({ main: t, aux: t })) },
        layer: [
          { mark: { type: 'rect', fill: '#f7f7f7', stroke: 'white', strokeWidth: 2 } },
          { mark: { type: 'text', text: '—', color: '#aaaaaa', fontSize: 12 } },
        ],
      },
      {
        data: { values: cells.filter((c) => c.gain !== null) },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          opacity: { condition: { test: 'datum.faded', value: FADED_OPACITY }, value: 1 },
          color: {
            field: 'gain',
            type: 'quantitative',
            title: 'relative gain',
            scale: { scheme: DIVERGING_SCHEME, domain: [-extent, extent], domainMid: 0 },
            legend: { format: '+.1~%', direction: 'vertical', gradientLength: 160 },
          },
          tooltip,
        },
      },
      {
        data: { values: cells.filter((c) => c.gain === null) },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2, fill: NO_GAIN_FILL },
        encoding: { tooltip },
      },
      {
        data: { values: cells },
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'label' },
          color: {
            condition: { test: `!datum.faded && datum.gain !== null && abs(datum.gain) > ${DARK_CELL * extent}`, value: 'white' },
            value: '#222',
          },
          opacity: { condition: { test: 'datum.faded', value: 0.6 }, value: 1 },
          tooltip,
        },
      },
    ],
  };
}
