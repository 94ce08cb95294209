import type { TopLevelSpec } from 'vega-lite';
import type { ImportanceView } from '../../features/modelViews/modelViews.js';
import { POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';
import { importanceVariantPicker } from './importanceVariant.js';
import { modelLabelOf } from './modelLabel.js';

/**
 * View 2, part one: the `top` most important input words of every model, one panel per model, for the importance
 * variant picked from a drop-down (|weights| first: it is the reproducible one).
 */
export function buildTopWordsSpec(views: readonly ImportanceView[], top = 15): TopLevelSpec {
  const values = views.flatMap((view) =>
    view.models.flatMap((model) =>
      model.words.slice(0, top).map((w) => ({
        variant: view.variant,
        model: modelLabelOf(model.model),
        word: w.word,
        importance: w.importance,
        rank: w.rank,
        seeds: model.seeds,
      })),
    ),
  );
  const models = [...new Set(values.map((v) => v.model))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: `The ${top} input words each model’s hidden layer weighs most`,
      subtitle: 'Importance of a word: its weights into the hidden layer, summed as picked above (final weights, mean over seeds).',
    },
    ...importanceVariantPicker(views),
    data: { values },
    facet: { field: 'model', type: 'nominal', title: null, sort: models, header: { labelFontWeight: 600, labelFontSize: 12 } },
    columns: 3,
    spec: {
      width: 150,
      height: { step: 15 },
      mark: { type: 'bar', color: POSITIVE_COLOR },
      encoding: {
        y: { field: 'word', type: 'nominal', title: null, sort: { field: 'rank', op: 'min' } },
        x: { field: 'importance', type: 'quantitative', title: 'importance' },
        tooltip: [
          { field: 'model', title: 'model' },
          { field: 'word', title: 'word' },
          { field: 'rank', title: 'rank' },
          { field: 'importance', title: 'importance', format: '.3f' },
          { field: 'seeds', title: 'seeds averaged' },
        ],
      },
    },
    resolve: { scale: { y: 'independent', x: 'independent' } },
  };
}
