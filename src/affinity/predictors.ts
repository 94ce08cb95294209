import type { MetaReport } from '../meta/metaReport.js';
import type { RunResult } from '../study/runResult.js';
import type { AffinityRecord } from './affinityRecord.js';

export const PredictorNames = ['lookahead', 'cosine', 'meta'] as const;
export type PredictorName = (typeof PredictorNames)[number];

export const predictorLabels: Record<PredictorName, string> = {
  lookahead: 'TAG lookahead affinity',
  cosine: 'gradient cosine',
  meta: 'meta-model P(gain), task held out',
};

/** Training spent on a result: batches (see each cost note for how passes are counted) and seconds. */
export interface Cost {
  batches: number;
  seconds: number;
}

/** A predictor of the pairwise gains: a score per directed pair, the score above which it predicts a gain, its cost. */
export interface Predictor {
  name: PredictorName;
  /** Score of each directed pair, by pairKey(main, aux). */
  scores: ReadonlyMap<string, number>;
  threshold: number;
  /** Split-half reliability of the scores, when they are a mean over measurements. */
  reliability: number | null;
  cost: Cost;
  /** How the cost was counted, for a reader. */
  costNote: string;
}

export type PredictorOutcome = ({ status: 'ok' } & Predictor) | { status: 'unavailable'; name: PredictorName; reason: string };

export function pairKey(main: string, aux: string): string {
  return `${main}\t${aux}`;
}

/**
 * The two predictors of one affinity run. For the pair (main j, aux i): the lookahead affinity of a step on i onto
 * j, and the cosine of i's and j's gradients. Both predict a gain above 0.
 */
export function affinityPredictors(record: AffinityRecord): Predictor[] {
  const { tasks, cost } = record;
  const scores = (matrix: number[][]): Map<string, number> =>
    new Map(tasks.flatMap((aux, i) => tasks.flatMap((main, j) => (i === j ? [] : [[pairKey(main, aux), matrix[i][j]] as const]))));
  return [
    {
      name: 'lookahead',
      scores: scores(record.lookahead),
      threshold: 0,
      reliability: record.reliability.lookahead,
      cost: { batches: cost.trainingBatches + cost.gradientPasses + cost.forwardPasses, seconds: cost.seconds },
      costNote:
        `${cost.trainingBatches} training batches + ${cost.gradientPasses} gradient passes + ${cost.forwardPasses} forward-only ` +
        'passes, each pass counted as a batch (a forward pass costs less, so this overstates); seconds as measured',
    },
    {
      name: 'cosine',
      scores: scores(record.cosine),
      threshold: 0,
      reliability: record.reliability.cosine,
      cost: { batches: cost.trainingBatches + cost.gradientPasses, seconds: cost.seconds - cost.lookaheadSeconds },
      costNote: `the same run without the lookahead: ${cost.trainingBatches} training batches + ${cost.gradientPasses} gradient passes`,
    },
  ];
}

/**
 * The meta-model's leave-one-main-task-out predictions (all features) from meta.json: P(gain) of each pair from a
 * model fitted without that main task's pairs. Its cost for these tasks is their single-task runs, which give the
 * curve features; the model itself needs a study of other tasks to be fitted on (here: this study's other main tasks).
 */
export function metaPredictor(meta: MetaReport | null, runs: readonly RunResult[], tasks: readonly string[]): PredictorOutcome {
  const name = 'meta';
  if (meta === null) return { status: 'unavailable', name, reason: "no meta.json yet: run 'taskrel analyze' on the study folder" };
  const all = meta.evaluations.all;
  if (all.status !== 'ok') return { status: 'unavailable', name, reason: all.reason };
  const held = all.leaveOneMainTaskOut;
  if (held.status !== 'ok') return { status: 'unavailable', name, reason: held.reason };
  const scores = new Map(held.tasks.flatMap((t) => t.predictions.map((p) => [pairKey(t.main, p.aux), p.probability] as const)));
  if (scores.size === 0) {
    return { status: 'unavailable', name, reason: "meta.json keeps no per-pair predictions (written by an earlier taskrel): run 'taskrel analyze' again" };
  }
  const singles = runs.filter((run) => run.kind === 'single' && tasks.includes(run.tasks[0]));
  return {
    status: 'ok',
    name,
    scores,
    threshold: 0.5,
    reliability: null,
    cost: { batches: sum(singles.map((r) => r.batches)), seconds: sum(singles.map((r) => r.seconds)) },
    costNote: `the ${singles.length} single-task runs (curve features); fitting needs pairs of other tasks, here this study's other main tasks`,
  };
}

/** The pairwise study's cost: every single and pair run among `tasks`. */
export function pairwiseCost(runs: readonly RunResult[], tasks: readonly string[]): Cost & { runs: number } {
  const among = runs.filter((run) => run.tasks.every((t) => tasks.includes(t)));
  return { runs: among.length, batches: sum(among.map((r) => r.batches)), seconds: sum(among.map((r) => r.seconds)) };
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
