import type { TopLevelSpec } from 'vega-lite';
import type { Baselines } from '../../meta/baselines.js';
import type { RankingResult } from '../../meta/featureRanking.js';
import { VEGA_LITE_SCHEMA, baselineLayer, reportConfig } from './common.js';

/**
 * Held-out accuracy and gain F1 as recursive elimination removes features one by one: how many features the
 * meta-model needs. The majority-class accuracy is the dashed line to beat.
 */
export function buildAblationSpec(ranking: RankingResult, baselines: Baselines): TopLevelSpec {
  const rows = ranking.ablation.flatMap((point) => [
    { features: point.features, metric: 'accuracy', value: point.accuracy },
    ...(point.f1 === null ? [] : [{ features: point.features, metric: 'gain F1', value: point.f1 }]),
  ]);
  const majority = baselines.majorityAccuracy;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Feature ablation',
      subtitle: [
        `Recursive elimination on ${ranking.splits} random ${Math.round(ranking.trainFraction * 100)} % training splits, scored on the held-out pairs.`,
        `Dashed: majority-class accuracy, ${majority.toFixed(2)}.`,
      ],
    },
    width: 460,
    height: 240,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x: { field: 'features', type: 'quantitative', title: 'features kept', axis: { tickMinStep: 1, format: 'd' } },
          y: { field: 'value', type: 'quantitative', title: 'held-out score', scale: { domain: [0, 1] }, axis: { format: '.1f' } },
          color: {
            field: 'metric',
            type: 'nominal',
            title: 'score',
            scale: { domain: ['accuracy', 'gain F1'], range: ['#4e79a7', '#59a14f'] },
          },
          tooltip: [
            { field: 'features', title: 'features kept' },
            { field: 'metric', title: 'score' },
            { field: 'value', title: 'value', format: '.3f' },
          ],
        },
      },
      baselineLayer(majority),
    ],
  };
}
