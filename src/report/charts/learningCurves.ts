import type { TopLevelSpec } from 'vega-lite';
import { VEGA_LITE_SCHEMA, reportConfig, sortedNames } from './common.js';
import { type CurveMetric, type CurvePoint, SINGLE_RUN } from './curvePoints.js';

/** The single-task run is drawn in near-black; pair runs in distinct hues. */
const RUN_COLORS = [
  '#222222',
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
];

export const TASK_PARAM = 'task';

const panels: { metric: CurveMetric; title: string; format: string }[] = [
  { metric: 'training loss', title: 'mean training loss', format: '.2f' },
  { metric: 'dev F1', title: 'dev F1', format: '.2f' },
];

/**
 * Training-loss and dev-F1 curves of one task (picked from a drop-down) in its single-task run and in each
 * of its pair runs, side by side. x is the global step of the run: pair runs train for longer in total.
 */
export function buildLearningCurvesSpec(points: CurvePoint[], tasks: string[] = []): TopLevelSpec {
  const names = sortedNames([...tasks, ...points.map((p) => p.task)]);
  const rows = points.map((p) => ({ ...p, order: p.trainedWith === SINGLE_RUN ? -1 : names.indexOf(p.trainedWith) }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'One task alone and in each pair: training loss and dev F1',
      subtitle: 'Black: the single-task run; colours: pair runs, named by the other task. Mean over seeds.',
    },
    params: [{ name: TASK_PARAM, value: names[0] ?? '', bind: { input: 'select', options: names, name: 'show task ' } }],
    data: { values: rows },
    transform: [{ filter: `datum.task === ${TASK_PARAM}` }],
    spacing: 32,
    hconcat: panels.map((panel) => ({
      width: 360,
      height: 240,
      title: { text: panel.metric, fontSize: 13 },
      transform: [{ filter: { field: 'metric', equal: panel.metric } }],
      mark: { type: 'line', strokeWidth: 2, point: panel.metric === 'dev F1' },
      encoding: {
        x: { field: 'step', type: 'quantitative', title: 'training step (batches of the whole run)' },
        y: { field: 'value', type: 'quantitative', title: panel.title, scale: { zero: false }, axis: { format: panel.format } },
        color: {
          field: 'trainedWith',
          type: 'nominal',
          title: 'trained with',
          sort: { field: 'order', op: 'min' },
          scale: { range: RUN_COLORS },
        },
        tooltip: [
          { field: 'task', title: 'task' },
          { field: 'trainedWith', title: 'trained with' },
          { field: 'step', title: 'step' },
          { field: 'value', title: panel.metric, format: panel.format },
          { field: 'seeds', title: 'seeds averaged' },
        ],
      },
    })),
  };
}
