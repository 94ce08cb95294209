import type { GainRegressionCheck } from './gainRegression.js';
import type { Outcome } from './metaReport.js';
import { type PredictorColumn, type PredictorTrust, rankedCells } from './predictorColumn.js';
import type { PredictedGain } from './recommendation.js';
import type { RankedAux } from './recommendAux.js';
import type { RecommendationEvaluation } from './recommendationEvaluation.js';

const percent = (x: number): string => `${Math.round(100 * x)} %`;
const points = (x: number): string => `${(100 * x).toFixed(1)} points`;

/** The meta-model's P(gain): the column that orders the table. */
export function metaModelColumn(ranked: readonly RankedAux[], trust: Outcome<PredictorTrust>): PredictorColumn {
  return {
    id: 'meta-model',
    label: 'P(gain)',
    about:
      "the meta-model's probability that training with this task improves the main task (logistic regression on dataset and learning-curve features, fitted on the knowledge study's pairs)",
    format: 'probability',
    show: 'value',
    cells: rankedCells(ranked.map((r) => ({ aux: r.aux, score: r.probability }))),
    trust,
  };
}

/** The relative gain predicted by ridge regression on the same features, with its conformal interval. */
export function predictedGainColumn(
  ranked: readonly RankedAux[],
  predicted: ReadonlyMap<string, PredictedGain>,
  check: GainRegressionCheck | null,
  trust: Outcome<PredictorTrust>,
): PredictorColumn {
  const level =
    check === null ? '' : `, with a ${percent(check.level)} interval sized by its errors on the knowledge study's held-out main tasks`;
  return {
    id: 'predicted-gain',
    label: 'predicted gain',
    about: `the relative gain in the main task's F1 predicted by ridge regression on the meta-model's features${level}`,
    format: 'gain',
    show: 'value',
    cells: rankedCells(
      ranked.map((r) => {
        const p = predicted.get(r.aux);
        return p === undefined
          ? { aux: r.aux, score: null, note: 'the gain regression could not be fitted' }
          : { aux: r.aux, score: p.gain, interval: { low: p.low, high: p.high } };
      }),
    ),
    trust,
  };
}

/** The ranking replayed on the knowledge study's own tasks, each held out: precision of its top pick against chance. */
export function metaModelTrust(evaluation: RecommendationEvaluation): Outcome<PredictorTrust> {
  const { evaluated, precisionAtOne, randomPrecision, spearman, spearmanTasks } = evaluation;
  if (evaluated === 0 || precisionAtOne === null) {
    const reason = evaluation.tasks.find((t) => t.status === 'unavailable');
    return {
      status: 'unavailable',
      reason: `no task of the knowledge study could be ranked as if new${reason?.status === 'unavailable' ? ` (${reason.reason})` : ''}`,
    };
  }
  const rho = spearman === null ? '' : `; mean Spearman ρ with the measured gains ${spearman.toFixed(2)} over ${spearmanTasks} tasks`;
  return {
    status: 'ok',
    source: 'the ranking replayed on the knowledge study, each task held out',
    measure: 'precision of the top-ranked auxiliary task',
    value: precisionAtOne,
    chance: randomPrecision,
    statement: `its top pick gained for ${Math.round(precisionAtOne * evaluated)} of ${evaluated} held-out study tasks (${percent(precisionAtOne)}; a random pick: ${percent(randomPrecision ?? 0)})${rho}`,
  };
}

/** The gain regression's mean absolute error on held-out main tasks against predicting the mean gain. */
export function gainModelTrust(check: GainRegressionCheck | null): Outcome<PredictorTrust> {
  if (check === null) return { status: 'unavailable', reason: 'no main task of the knowledge study could be held out to check it' };
  const { meanAbsoluteError: mae, baselineMeanAbsoluteError: baseline, halfWidth } = check;
  const verdict = mae < baseline ? 'better than' : 'no better than';
  const interval =
    halfWidth === null
      ? `too few held-out pairs (${check.pairs}) to size the ${percent(check.level)} interval`
      : `${percent(check.level)} intervals are ±${points(halfWidth)}`;
  return {
    status: 'ok',
    source: 'the knowledge study, each main task held out',
    measure: 'mean absolute error of the predicted gain',
    value: mae,
    chance: baseline,
    statement: `on ${check.pairs} held-out pairs it was off by ${points(mae)} on average, ${verdict} predicting the mean gain (${points(baseline)}); ${interval}`,
  };
}
