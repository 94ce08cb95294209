import type { ImportMetric, ScoreStep } from './importFormat.js';
import type { ScorePoint } from './readScoresCsv.js';

/** Gains need the test scores; dev scores are optional (a paper's only evaluation set may be its test set). */
const needed: readonly ImportMetric[] = ['test_f1', 'test_accuracy'];

/**
 * The score point that counts for a head, with its test metrics, or why there is none. `last`: the last step
 * with test_f1; `best-dev`: the step with the highest dev_f1 (the earliest on ties), as taskrel's own runs
 * keep their best-dev checkpoint; a number: exactly that step.
 */
export function chooseScorePoint(points: readonly ScorePoint[], choice: ScoreStep): ScorePoint | string {
  let point: ScorePoint | undefined;
  if (choice === 'last') {
    point = [...points].reverse().find((p) => p.metrics.test_f1 !== undefined);
    if (point === undefined) return 'no test_f1 at any step';
  } else if (choice === 'best-dev') {
    for (const p of points) {
      const dev = p.metrics.dev_f1;
      if (dev !== undefined && (point === undefined || dev > (point.metrics.dev_f1 as number))) point = p;
    }
    if (point === undefined) return 'no dev_f1 at any step, which --score-step best-dev needs';
  } else {
    point = points.find((p) => p.step === choice);
    if (point === undefined) return `no scores at step ${choice}`;
  }
  const lacking = needed.filter((metric) => point.metrics[metric] === undefined);
  if (lacking.length > 0) {
    return `step ${point.step} (the step that counts) lacks ${lacking.join(', ')}; expected ${needed.join(' and ')} there`;
  }
  return point;
}
