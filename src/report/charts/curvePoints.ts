import type { RunResult } from '../../study/runResult.js';

export const CurveMetrics = ['training loss', 'dev F1'] as const;
export type CurveMetric = (typeof CurveMetrics)[number];

/** Label of a single-task run in curve legends; pair runs are labelled by the partner task. */
export const SINGLE_RUN = 'single-task';

/** One point of a learning curve: the task's head in one kind of run, averaged over seeds at one step. */
export interface CurvePoint {
  task: string;
  /** SINGLE_RUN, or the other task of a pair run. */
  trainedWith: string;
  metric: CurveMetric;
  step: number;
  value: number;
  /** Seeds averaged into this point. */
  seeds: number;
}

/** Flattens every head's loss and dev-F1 curve, averaging runs that differ only by seed. */
export function curvePoints(runs: RunResult[]): CurvePoint[] {
  const groups = new Map<string, { point: Omit<CurvePoint, 'value' | 'seeds'>; values: number[] }>();
  const add = (point: Omit<CurvePoint, 'value' | 'seeds'>, value: number): void => {
    if (!Number.isFinite(value)) return;
    const key = JSON.stringify([point.task, point.trainedWith, point.metric, point.step]);
    const group = groups.get(key) ?? { point, values: [] };
    group.values.push(value);
    groups.set(key, group);
  };
  for (const run of runs) {
    for (const [task, head] of Object.entries(run.heads)) {
      const trainedWith = run.kind === 'single' ? SINGLE_RUN : (run.tasks.find((t) => t !== task) ?? task);
      head.curve.step.forEach((step, i) => {
        add({ task, trainedWith, metric: 'training loss', step }, head.curve.loss[i] ?? NaN);
      });
      head.dev.step.forEach((step, i) => {
        add({ task, trainedWith, metric: 'dev F1', step }, head.dev.f1[i] ?? NaN);
      });
    }
  }
  return [...groups.values()].map(({ point, values }) => ({
    ...point,
    value: values.reduce((a, b) => a + b, 0) / values.length,
    seeds: values.length,
  }));
}
