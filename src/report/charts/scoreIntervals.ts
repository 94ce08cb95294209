import type { TopLevelSpec } from 'vega-lite';
import type { ScoreRow } from '../../features/modelViews/scoreComparison.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

const ALONE = 'alone';

/**
 * View 1: each task's test F1 alone and in each joint model (named by the partner task), a dot at the mean over
 * seeds and a bar over its 95% interval; the dashed line is the task's single-task mean. Joint models whose
 * paired t-test against the single-task model has p < alpha are drawn in blue (above) or red (below).
 */
export function buildScoreIntervalsSpec(rows: readonly ScoreRow[], alpha = 0.05): TopLevelSpec {
  const tasks = [...new Set(rows.map((r) => r.task))];
  const single = new Map(rows.filter((r) => r.partner === null).map((r) => [r.task, r.f1.mean]));
  const values = rows.map((r) => {
    const alone = single.get(r.task) ?? null;
    const significant = r.pValue !== null && r.pValue < alpha && alone !== null;
    const outcome = r.partner === null ? ALONE : !significant ? 'no clear difference' : r.f1.mean > (alone as number) ? 'better' : 'worse';
    return {
      task: r.task,
      model: r.partner === null ? ALONE : `with ${r.partner}`,
      mean: r.f1.mean,
      low: r.f1.low,
      high: r.f1.high,
      alone,
      seeds: r.f1.n,
      interval: r.f1.low === null || r.f1.high === null ? 'n/a (one seed)' : `${r.f1.low.toFixed(3)} … ${r.f1.high.toFixed(3)}`,
      p: r.pValue === null ? '—' : r.pValue.toPrecision(2),
      outcome,
    };
  });
  const y = {
    field: 'model',
    type: 'nominal' as const,
    title: null,
    sort: [ALONE, ...new Set(values.map((v) => v.model).filter((m) => m !== ALONE))],
  };
  const x = { type: 'quantitative', title: 'test F1 (mean over seeds, 95% interval)', scale: { zero: false } } as const;
  const color = {
    field: 'outcome',
    type: 'nominal',
    title: `vs alone (p < ${alpha})`,
    scale: { domain: [ALONE, 'better', 'no clear difference', 'worse'], range: ['#222222', POSITIVE_COLOR, '#888888', NEGATIVE_COLOR] },
  } as const;
  const tooltip = [
    { field: 'task', title: 'task' },
    { field: 'model', title: 'trained' },
    { field: 'mean', title: 'mean test F1', format: '.4f' },
    { field: 'interval', title: '95% interval' },
    { field: 'p', title: 'p vs alone (paired t-test)' },
    { field: 'seeds', title: 'seeds' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Each task alone and trained jointly with another task',
      subtitle: [
        'Test F1 at the best-dev checkpoint; dashed: the task alone.',
        `Blue/red: the joint model differs from the task alone with p < ${alpha} (paired over seeds).`,
      ],
    },
    data: { values },
    spacing: 14,
    // One panel per task (a facet with independent y scales over several layers makes vega-lite guess at sizes).
    vconcat: tasks.map((task) => ({
      title: { text: task, fontSize: 12, fontWeight: 600, anchor: 'start', offset: 4 },
      width: 420,
      height: { step: 24 },
      transform: [{ filter: { field: 'task', equal: task } }],
      layer: [
        { mark: { type: 'rule', strokeDash: [4, 3], color: '#999999' }, encoding: { x: { ...x, field: 'alone', aggregate: 'max' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' }, color, tooltip } },
        { mark: { type: 'point', filled: true, size: 70, opacity: 1 }, encoding: { y, x: { ...x, field: 'mean' }, color, tooltip } },
      ],
    })),
    resolve: { scale: { x: 'shared' } },
  };
}
