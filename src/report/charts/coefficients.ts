import type { TopLevelSpec } from 'vega-lite';
import type { FeatureRank } from '../../meta/featureRanking.js';
import type { MetaModel } from '../../meta/metaModel.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

/**
 * The fitted meta-model's coefficients, one bar per pair feature, sorted from most positive (pairs with a
 * high value tend to gain) to most negative. Features are min-max scaled, so bar lengths compare. The
 * ranking's split statistics, when present, are in the tooltip.
 */
export function buildCoefficientsSpec(model: MetaModel, ranks: FeatureRank[] = []): TopLevelSpec {
  const rankOf = new Map(ranks.map((r) => [r.feature, r]));
  const rows = model.features
    .map((feature, i) => {
      const rank = rankOf.get(feature);
      return {
        feature,
        coefficient: model.coefficients[i] ?? 0,
        splitMean: rank?.coefficientMean ?? null,
        splitSd: rank?.coefficientSd ?? null,
        eliminationRank: rank?.eliminationRank ?? null,
      };
    })
    .sort((a, b) => b.coefficient - a.coefficient || a.feature.localeCompare(b.feature, 'en'));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Meta-model coefficients',
      subtitle: [
        'Logistic regression on all pairs, features min-max scaled. Positive: a higher value makes a gain more likely.',
        'main_X: the main task’s feature, aux_X: the auxiliary task’s, ratio_X: main / aux.',
      ],
    },
    data: { values: rows },
    width: 420,
    height: { step: 16 },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'feature', type: 'nominal', sort: rows.map((r) => r.feature), title: 'pair feature' },
          x: { field: 'coefficient', type: 'quantitative', title: 'coefficient (scaled features)' },
          color: { condition: { test: 'datum.coefficient < 0', value: NEGATIVE_COLOR }, value: POSITIVE_COLOR },
          tooltip: [
            { field: 'feature', title: 'feature' },
            { field: 'coefficient', title: 'coefficient', format: '+.3f' },
            ...(ranks.length === 0
              ? []
              : [
                  { field: 'splitMean', title: 'mean over ranking splits', format: '+.3f' },
                  { field: 'splitSd', title: 'sd over ranking splits', format: '.3f' },
                  { field: 'eliminationRank', title: 'mean elimination rank (1 = kept longest)', format: '.1f' },
                ]),
          ],
        },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: 0 } } },
    ],
  };
}
