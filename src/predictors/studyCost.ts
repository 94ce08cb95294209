import type { RunResult } from '../study/runResult.js';
import type { Cost } from './predictor.js';

export interface StudyCost {
  runs: number;
  batches: number;
  seconds: number;
}

/** The pairwise study's cost: every single and pair run among `tasks`. */
export function pairwiseCost(runs: readonly RunResult[], tasks: readonly string[]): StudyCost {
  return runsCost(runs.filter((run) => run.tasks.every((t) => tasks.includes(t))));
}

/** The single-task runs of `tasks`: what the curve features cost. */
export function singleRunCost(runs: readonly RunResult[], tasks: readonly string[]): Cost {
  const { batches, seconds } = runsCost(runs.filter((run) => run.kind === 'single' && tasks.includes(run.tasks[0])));
  return { batches, seconds };
}

function runsCost(runs: readonly RunResult[]): StudyCost {
  return { runs: runs.length, batches: sum(runs.map((r) => r.batches)), seconds: sum(runs.map((r) => r.seconds)) };
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
