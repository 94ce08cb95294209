import { computeGains } from '../../study/gains.js';
import type { RunResult } from '../../study/runResult.js';
import { type MeanInterval, meanInterval } from '../../shared/meanInterval.js';
import { studyModels } from './studyModels.js';

/** One task's test F1 from one model: alone, or with a partner task in a joint model. */
export interface ScoreRow {
  task: string;
  /** The joint model's other task; null for the single-task model. */
  partner: string | null;
  /** Test F1 at the head's best-dev checkpoint, over seeds. */
  f1: MeanInterval;
  /** Joint rows: the gain matrix's paired t-test of joint vs single F1 over seeds (null with one seed). */
  pValue: number | null;
}

/**
 * View 1 of the GumGum blog: each task's score alone and in each joint model, with 95% intervals over seeds.
 * The p-values are those of `computeGains`, so this view and the gain matrix never disagree.
 */
export function scoreComparison(runs: readonly RunResult[], tasks: readonly string[]): ScoreRow[] {
  const gains = computeGains([...runs], [...tasks]).rows;
  const models = studyModels(runs, tasks);
  return tasks.flatMap((task) =>
    models
      .filter((model) => model.tasks.includes(task))
      .map((model) => {
        const partner = model.tasks.find((t) => t !== task) ?? null;
        const pValue = partner === null ? null : (gains.find((g) => g.main === task && g.aux === partner)?.pValue ?? null);
        return { task, partner, f1: meanInterval(model.runs.map((run) => run.heads[task].best.test.f1)), pValue };
      }),
  );
}
