import { pairRows } from '../../src/features/pairRows.js';
import type { PairRow } from '../../src/features/pairRow.js';
import { curveFeatureNames, DatasetFeatureNames, type TaskFeatures } from '../../src/features/taskFeatures.js';
import type { GainRow } from '../../src/study/gainRow.js';
import { gainRow } from '../features/gainRowFixture.js';

/**
 * Tasks with all 14 features and every directed pair among them, where a pair gains exactly when the main task
 * has fewer sentences than the auxiliary task — a rule the data features express (ratio_sentences < 1) and the
 * curve features, all 1 for every task, cannot.
 */
export function syntheticTasks(count = 6): TaskFeatures[] {
  return Array.from({ length: count }, (_, t) => ({
    task: `t${t}`,
    values: Object.fromEntries([
      ...DatasetFeatureNames.map((name, f) => [name, 1 + ((t * (f + 2) + f) % 7) + t / 10]),
      ...curveFeatureNames('taskrel').map((name) => [name, 1]),
    ]),
    missing: {},
    curveFit: { status: 'ok', curves: 1, fitted: 1, rmse: [0.01], failures: [], notes: [] },
  }));
}

export function syntheticPairs(tasks = syntheticTasks()): PairRow[] {
  const sentences = new Map(tasks.map((t) => [t.task, t.values.sentences ?? 0]));
  const gains: GainRow[] = tasks.flatMap((main) =>
    tasks
      .filter((aux) => aux !== main)
      .map((aux) => {
        const gain = (sentences.get(main.task) ?? 0) < (sentences.get(aux.task) ?? 0) ? 0.02 : -0.01;
        return gainRow(main.task, aux.task, gain);
      }),
  );
  return pairRows(tasks, gains, { significantOnly: false });
}
