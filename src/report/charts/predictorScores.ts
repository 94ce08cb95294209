import type { TopLevelSpec } from 'vega-lite';
import type { ScoredEntry } from '../../predictors/scoreboardRecord.js';
import { formatGain } from '../format.js';
import { VEGA_LITE_SCHEMA, reportConfig } from './common.js';

export const scoreLabels = {
  spearman: 'ρ, all pairs',
  spearmanPerMain: 'ρ per main task',
  accuracy: 'sign accuracy',
  topOnePrecision: 'top-1 precision',
} as const;

export interface PredictorScoreRow {
  predictor: string;
  metric: string;
  value: number;
  /** 95 % bootstrap interval over main tasks, when defined. */
  low: number | null;
  high: number | null;
  /** What guessing scores on this metric (0 for correlations), drawn as a tick. */
  baseline: number;
}

export function predictorScoreRows(predictors: readonly ScoredEntry[]): PredictorScoreRow[] {
  return predictors.flatMap(({ label: predictor, scores, intervals }) => {
    const metrics = [
      { metric: scoreLabels.spearman, value: scores.spearman, interval: intervals.spearman, baseline: 0 },
      { metric: scoreLabels.spearmanPerMain, value: scores.spearmanPerMain, interval: intervals.spearmanPerMain, baseline: 0 },
      { metric: scoreLabels.accuracy, value: scores.accuracy, interval: intervals.accuracy, baseline: scores.majorityAccuracy },
      {
        metric: scoreLabels.topOnePrecision,
        value: scores.topOnePrecision,
        interval: intervals.topOnePrecision,
        baseline: scores.randomTopOnePrecision,
      },
    ];
    return metrics.flatMap(({ metric, value, interval, baseline }) =>
      value === null ? [] : [{ predictor, metric, value, low: interval?.[0] ?? null, high: interval?.[1] ?? null, baseline }],
    );
  });
}

/**
 * The predictors side by side on each score against the measured gains, with 95 % bootstrap intervals over main
 * tasks. Black ticks: what guessing scores (0 correlation; the majority sign; a random auxiliary task).
 */
export function buildPredictorScoresSpec(predictors: readonly ScoredEntry[]): TopLevelSpec {
  const order = predictors.map((p) => p.label);
  const x = {
    field: 'metric',
    type: 'nominal',
    title: null,
    sort: Object.values(scoreLabels),
    axis: { labelAngle: 0, labelLimit: 150 },
  } as const;
  const xOffset = { field: 'predictor', type: 'nominal', sort: order } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'How well each predictor agrees with the pairwise study',
      subtitle: [
        'Spearman ρ with the measured gains (over all pairs; per main task, averaged), share of pairs whose sign is right,',
        'share of main tasks whose top pick gained; all held out. Lines: 95 % bootstrap intervals over main tasks. Black ticks: guessing.',
      ],
    },
    data: { values: predictorScoreRows(predictors) },
    width: 720,
    height: 260,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y: { field: 'value', type: 'quantitative', title: 'score', scale: { domain: [-1, 1] } },
          color: {
            field: 'predictor',
            type: 'nominal',
            title: 'predictor',
            sort: order,
            legend: { orient: 'bottom', direction: 'vertical', columns: 2, labelLimit: 320 },
          },
          tooltip: [
            { field: 'predictor', title: 'predictor' },
            { field: 'metric', title: 'score' },
            { field: 'value', title: 'value', format: '.3f' },
            { field: 'low', title: '95% CI low', format: '.3f' },
            { field: 'high', title: '95% CI high', format: '.3f' },
            { field: 'baseline', title: 'guessing', format: '.3f' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.low !== null' }],
        mark: { type: 'rule', color: '#444' },
        encoding: { x, xOffset, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      { mark: { type: 'tick', color: '#222', thickness: 2 }, encoding: { x, xOffset, y: { field: 'baseline', type: 'quantitative' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    ],
  };
}

/**
 * Regret@1 of each predictor with its bootstrap interval, against a random choice (grey tick) and the best fixed
 * choice (black tick) on the same pairs: lower is better, 0 means it always picked the best auxiliary task.
 */
export function buildRegretSpec(predictors: readonly ScoredEntry[]): TopLevelSpec {
  const rows = predictors.map(({ label, scores, intervals, fixedRegret }) => ({
    predictor: label,
    regret: scores.regret,
    low: intervals.regret?.[0] ?? null,
    high: intervals.regret?.[1] ?? null,
    random: scores.randomRegret,
    fixed: fixedRegret,
    regretText: formatGain(scores.regret),
    randomText: formatGain(scores.randomRegret),
    fixedText: formatGain(fixedRegret),
  }));
  const y = { field: 'predictor', type: 'nominal', title: null, sort: rows.map((r) => r.predictor), axis: { labelLimit: 320 } } as const;
  const quantity = (field: string) =>
    ({ field, type: 'quantitative', title: 'regret@1 (relative gain given up)', axis: { format: '.1~%' } }) as const;
  const tooltip = [
    { field: 'predictor', title: 'predictor' },
    { field: 'regretText', title: 'regret@1' },
    { field: 'randomText', title: 'random choice' },
    { field: 'fixedText', title: 'best fixed choice' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'What trusting each predictor’s first choice costs',
      subtitle: [
        'Regret@1: best measured gain of a main task minus the gain of the auxiliary task the predictor ranks first, mean over main tasks.',
        'Lines: 95 % bootstrap intervals. Grey tick: a random choice; black tick: always the auxiliary task with the best mean gain elsewhere.',
      ],
    },
    data: { values: rows },
    width: 520,
    height: { step: 24 },
    layer: [
      { mark: { type: 'bar', color: '#4c78a8' }, encoding: { y, x: quantity('regret'), tooltip } },
      {
        transform: [{ filter: 'datum.low !== null' }],
        mark: { type: 'rule', color: '#222' },
        encoding: { y, x: quantity('low'), x2: { field: 'high' } },
      },
      { mark: { type: 'tick', color: '#999', thickness: 3 }, encoding: { y, x: quantity('random'), tooltip } },
      { mark: { type: 'tick', color: '#222', thickness: 2 }, encoding: { y, x: quantity('fixed'), tooltip } },
    ],
  };
}
