import type { TopLevelSpec } from 'vega-lite';
import { type TransferCell, TransferRelations } from '../../features/modelViews/transferTable.js';
import { VEGA_LITE_SCHEMA, reportConfig } from './common.js';

/** Cell text turns white where the fill is darker than this fraction of the colour domain. */
const DARK_CELL = 0.6;

/**
 * View 3: accuracy of every head on every task's test set, mean over seeds. Columns are test sets; rows are heads,
 * grouped by task: the single-task model's head, then the head in each joint model. The cell border says what the
 * model knew of the test set's task: its own task (black), trained on it through the other head (orange), or never.
 */
export function buildTransferMatrixSpec(cells: readonly TransferCell[], tasks: readonly string[]): TopLevelSpec {
  const headOf = (c: TransferCell): string => {
    const other = c.modelTasks.find((t) => t !== c.head);
    return other === undefined ? `${c.head} head, alone` : `${c.head} head, with ${other}`;
  };
  const sorted = [...cells].sort(
    (a, b) =>
      tasks.indexOf(a.head) - tasks.indexOf(b.head) ||
      a.modelTasks.length - b.modelTasks.length ||
      headOf(a).localeCompare(headOf(b), 'en'),
  );
  const heads = [...new Set(sorted.map(headOf))];
  const values = sorted.map((c) => ({
    test: c.testTask,
    head: headOf(c),
    relation: c.relation,
    accuracy: c.accuracy.mean,
    interval:
      c.accuracy.low === null || c.accuracy.high === null
        ? 'n/a (one seed)'
        : `${c.accuracy.low.toFixed(3)} … ${c.accuracy.high.toFixed(3)}`,
    seeds: c.accuracy.n,
    label: c.accuracy.mean.toFixed(3),
  }));
  const accuracies = values.map((v) => v.accuracy);
  const [low, high] = [Math.min(...accuracies), Math.max(...accuracies)];
  const domain = low === high ? [low - 0.01, high + 0.01] : [low, high];
  const tooltip = [
    { field: 'test', title: 'test set of' },
    { field: 'head', title: 'scored by' },
    { field: 'relation', title: 'the model and this task' },
    { field: 'accuracy', title: 'accuracy', format: '.4f' },
    { field: 'interval', title: '95% interval' },
    { field: 'seeds', title: 'seeds' },
  ];
  const encoding = {
    x: { field: 'test', type: 'nominal', title: 'test set of', sort: [...tasks], axis: { orient: 'top', labelAngle: 0 } },
    // Untitled: the labels say it (`imdb head, with yelp`), and a title beside labels this long would overlap them.
    y: { field: 'head', type: 'nominal', title: null, sort: heads, axis: { labelLimit: 400 } },
  } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Each task’s test set through every head',
      subtitle: [
        'Accuracy at each head’s best-dev checkpoint, mean over seeds.',
        'Border: black = the head’s own task; orange = the joint model trained on it through its other head.',
      ],
    },
    data: { values },
    width: { step: 96 },
    height: { step: 30 },
    encoding,
    layer: [
      {
        mark: { type: 'rect', strokeWidth: 2.5 },
        encoding: {
          color: {
            field: 'accuracy',
            type: 'quantitative',
            title: 'accuracy',
            scale: { scheme: 'blues', domain },
            legend: { format: '.2f' },
          },
          stroke: {
            field: 'relation',
            type: 'nominal',
            title: 'the model and this task',
            scale: { domain: [...TransferRelations], range: ['#111111', '#e08214', 'white'] },
            legend: { symbolType: 'square', symbolFillColor: '#c6dbef', symbolStrokeWidth: 2.5 },
          },
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'label' },
          color: {
            condition: { test: `datum.accuracy > ${domain[0] + DARK_CELL * (domain[1] - domain[0])}`, value: 'white' },
            value: '#222',
          },
          tooltip,
        },
      },
    ],
  };
}
