import type { TopLevelSpec } from 'vega-lite';
import type { ScoredPredictor } from '../../affinity/compareAffinity.js';
import { predictorLabels } from '../../affinity/predictors.js';
import { VEGA_LITE_SCHEMA, reportConfig } from './common.js';

export const scoreLabels = {
  spearman: 'ρ, all pairs',
  spearmanPerMain: 'ρ per main task',
  signAccuracy: 'sign accuracy',
  topOnePrecision: 'top-1 precision',
} as const;

export interface PredictorScoreRow {
  predictor: string;
  metric: string;
  value: number;
  /** What guessing scores on this metric (0 for correlations), drawn as a tick. */
  baseline: number;
}

export function predictorScoreRows(predictors: readonly ScoredPredictor[]): PredictorScoreRow[] {
  return predictors.flatMap(({ name, scores }) => {
    const predictor = predictorLabels[name];
    const metrics = [
      { metric: scoreLabels.spearman, value: scores.spearman, baseline: 0 },
      { metric: scoreLabels.spearmanPerMain, value: scores.spearmanPerMain, baseline: 0 },
      { metric: scoreLabels.signAccuracy, value: scores.signAccuracy, baseline: scores.majoritySignAccuracy },
      { metric: scoreLabels.topOnePrecision, value: scores.topOnePrecision, baseline: scores.randomTopOnePrecision },
    ];
    return metrics.flatMap(({ metric, value, baseline }) => (value === null ? [] : [{ predictor, metric, value, baseline }]));
  });
}

/**
 * The predictors side by side on each score against the measured gains. Black ticks: what guessing scores
 * (0 correlation; the majority sign; a random auxiliary task).
 */
export function buildPredictorScoresSpec(predictors: readonly ScoredPredictor[]): TopLevelSpec {
  const order = predictors.map((p) => predictorLabels[p.name]);
  const x = { field: 'metric', type: 'nominal', title: null, sort: Object.values(scoreLabels), axis: { labelAngle: 0, labelLimit: 150 } } as const;
  const xOffset = { field: 'predictor', type: 'nominal', sort: order } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'How well each predictor agrees with the pairwise study',
      subtitle: [
        'Spearman ρ with the measured gains (over all pairs; per main task, averaged), share of pairs whose sign is right,',
        'share of main tasks whose top pick gained. Black ticks: what guessing scores.',
      ],
    },
    data: { values: predictorScoreRows(predictors) },
    width: 600,
    height: 240,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y: { field: 'value', type: 'quantitative', title: 'score', scale: { domain: [-1, 1] } },
          color: { field: 'predictor', type: 'nominal', title: 'predictor', sort: order, legend: { orient: 'bottom', direction: 'vertical' } },
          tooltip: [
            { field: 'predictor', title: 'predictor' },
            { field: 'metric', title: 'score' },
            { field: 'value', title: 'value', format: '.3f' },
            { field: 'baseline', title: 'guessing', format: '.3f' },
          ],
        },
      },
      { mark: { type: 'tick', color: '#222', thickness: 2 }, encoding: { x, xOffset, y: { field: 'baseline', type: 'quantitative' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    ],
  };
}
