import type { TopLevelSpec } from 'vega-lite';
import { rankPairs } from '../../features/modelViews/modelImportance.js';
import type { ImportanceView } from '../../features/modelViews/modelViews.js';
import { POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';
import { importanceVariantPicker } from './importanceVariant.js';
import { modelLabelOf } from './modelLabel.js';

/**
 * View 2, part two: for each compared pair of different models, every word as a dot at its rank in one model (x)
 * and in the other (y), ranks from the mean importance over seeds; the panel title gives the mean Spearman ρ
 * between runs of different seeds. Dots on the diagonal are words both models rank alike.
 */
export function buildRankScatterSpec(views: readonly ImportanceView[]): TopLevelSpec {
  const panels: string[] = [];
  const values = views.flatMap((view) => {
    const byName = new Map(view.models.map((m) => [m.model, m]));
    return view.agreements
      .filter((agreement) => agreement.a !== agreement.b)
      .flatMap((agreement) => {
        const [a, b] = [byName.get(agreement.a), byName.get(agreement.b)];
        if (a === undefined || b === undefined) return [];
        const rho = agreement.rho === null ? 'ρ n/a' : `ρ = ${agreement.rho.toFixed(2)}`;
        const panel = `${modelLabelOf(agreement.a)} vs ${modelLabelOf(agreement.b)}`;
        if (!panels.includes(panel)) panels.push(panel);
        return rankPairs(a, b).map((p) => ({
          variant: view.variant,
          panel,
          rho,
          first: modelLabelOf(agreement.a),
          second: modelLabelOf(agreement.b),
          ...p,
        }));
      });
  });
  const words = Math.max(1, ...values.map((v) => Math.max(v.rankA, v.rankB)));
  const rank = { type: 'quantitative' as const, scale: { domain: [1, words], nice: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Do two models rank the input words alike?',
      subtitle: [
        'Each dot a word: its rank in the first model (x) and in the second (y), 1 = most important; ranks of the mean importance over seeds.',
        'ρ: mean Spearman rank correlation between runs of different seeds (same-seed runs share their initial weights).',
      ],
    },
    ...importanceVariantPicker(views),
    data: { values },
    facet: {
      field: 'panel',
      type: 'nominal',
      title: null,
      sort: panels,
      header: { labelFontWeight: 600, labelFontSize: 12, labelExpr: "split(datum.value, ' vs ')" },
    },
    columns: 3,
    spec: {
      width: 200,
      height: 200,
      layer: [
        {
          mark: { type: 'circle', size: 12, opacity: 0.45, color: POSITIVE_COLOR },
          encoding: {
            x: { ...rank, field: 'rankA', title: 'rank in the first model' },
            y: { ...rank, field: 'rankB', title: 'rank in the second model' },
            tooltip: [
              { field: 'word', title: 'word' },
              { field: 'first', title: 'first model' },
              { field: 'rankA', title: 'rank there' },
              { field: 'second', title: 'second model' },
              { field: 'rankB', title: 'rank there' },
            ],
          },
        },
        {
          // One label per panel: every row of a panel carries the same ρ.
          transform: [{ aggregate: [{ op: 'count', as: 'words' }], groupby: ['rho'] }],
          mark: { type: 'text', align: 'left', baseline: 'top', x: 4, y: 4, fontSize: 12, fontWeight: 600, color: '#222' },
          encoding: { text: { field: 'rho' } },
        },
      ],
    },
  };
}
