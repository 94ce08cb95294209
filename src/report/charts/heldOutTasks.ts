import type { TopLevelSpec } from 'vega-lite';
import type { LeaveOneMainTaskOutResult } from '../../meta/leaveOneMainTaskOut.js';
import { VEGA_LITE_SCHEMA, baselineLayer, reportConfig, sortedNames } from './common.js';

/**
 * Leave-one-main-task-out per held-out task: the share of its pairs predicted right by a model that never saw
 * that main task, as a new main task would be. The overall accuracy is the dashed line.
 */
export function buildHeldOutTasksSpec(result: LeaveOneMainTaskOutResult, featureSet: string): TopLevelSpec {
  const rows = result.tasks.map((t) => ({
    ...t,
    accuracy: t.pairs === 0 ? 0 : t.correct / t.pairs,
    label: `${t.correct} of ${t.pairs}`,
    note: t.singleClass ? 'the other tasks’ pairs had one class, which was predicted' : '',
  }));
  const y = { field: 'main', type: 'nominal', title: 'main task', sort: sortedNames(rows.map((r) => r.main)) } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Leave one main task out: pairs predicted right per held-out main task',
      subtitle: `Meta-model on ${featureSet}, trained on the pairs of every other main task.`,
    },
    width: 360,
    height: { step: 26 },
    layer: [
      {
        data: { values: rows },
        encoding: {
          y,
          x: {
            field: 'accuracy',
            type: 'quantitative',
            title: 'accuracy on its pairs',
            scale: { domain: [0, 1] },
            axis: { format: '.0%' },
          },
        },
        layer: [
          {
            mark: { type: 'bar', color: '#4e79a7' },
            encoding: {
              tooltip: [
                { field: 'main', title: 'main task' },
                { field: 'label', title: 'predicted right' },
                { field: 'gains', title: 'pairs that gained' },
                { field: 'note', title: 'note' },
              ],
            },
          },
          { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'label' } } },
        ],
      },
      baselineLayer(result.accuracy, 'x', `all pairs ${result.accuracy.toFixed(2)}`),
    ],
  };
}
