import type { TopLevelSpec } from 'vega-lite';
import type { GainRow } from '../../study/gainRow.js';
import { formatGain } from '../format.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig, sortedNames } from './common.js';

const OUTCOMES = ['gains', 'not significant', 'loses'] as const;

/**
 * Every directed gain with its 95 % interval over seeds: one panel per main task, one line per auxiliary task
 * (largest gain on top), a dot at the mean gain and a bar over its interval. Blue: a significant gain, red: a
 * significant loss (paired t-test, p < alpha), grey: no clear difference. The matrix shows the pattern; this
 * shows how sure each cell is. Pairs without a relative gain (their main task did not learn alone) are left out.
 */
export function buildGainIntervalsSpec(gains: readonly GainRow[], alpha = 0.05): TopLevelSpec {
  const values = gains
    .filter((g) => g.gain !== null && g.ciLow !== null && g.ciHigh !== null)
    .map((g) => ({
      main: g.main,
      aux: g.aux,
      gain: g.gain,
      low: g.ciLow,
      high: g.ciHigh,
      outcome: g.pValue === null || g.pValue >= alpha ? 'not significant' : g.diff > 0 ? 'gains' : 'loses',
      interval: `${formatGain(g.ciLow as number)} … ${formatGain(g.ciHigh as number)}`,
      p: g.pValue === null ? '—' : g.pValue.toPrecision(2),
      seeds: g.seeds,
    }));
  const mains = sortedNames(values.map((v) => v.main));
  const x = { type: 'quantitative', title: 'relative gain (95 % interval)', axis: { format: '+.0~%' } } as const;
  const y = { field: 'aux', type: 'nominal', title: null, sort: { field: 'gain', order: 'descending' } } as const;
  const color = {
    field: 'outcome',
    type: 'nominal',
    title: `p < ${alpha} over seeds`,
    scale: { domain: [...OUTCOMES], range: [POSITIVE_COLOR, '#9a9a9a', NEGATIVE_COLOR] },
  } as const;
  const tooltip = [
    { field: 'main', title: 'main task' },
    { field: 'aux', title: 'auxiliary task' },
    { field: 'gain', title: 'mean gain', format: '+.2%' },
    { field: 'interval', title: '95% interval' },
    { field: 'p', title: 'p-value (paired t-test)' },
    { field: 'seeds', title: 'seeds' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Each gain with its interval over seeds',
      subtitle: [`One panel per main task. Blue: significant gain, red: significant loss (p < ${alpha}), grey: no clear difference.`],
    },
    data: { values },
    columns: 3,
    spacing: 18,
    concat: mains.map((main) => ({
      title: { text: `main: ${main}`, fontSize: 12, fontWeight: 600, anchor: 'start', offset: 4 },
      width: 230,
      height: { step: 16 },
      transform: [{ filter: { field: 'main', equal: main } }],
      layer: [
        { mark: { type: 'rule', color: '#666666' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' }, color, tooltip } },
        { mark: { type: 'point', filled: true, size: 45, opacity: 1 }, encoding: { y, x: { ...x, field: 'gain' }, color, tooltip } },
      ],
    })),
    resolve: { scale: { x: 'shared' } },
  };
}
