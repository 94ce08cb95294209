import type { TopLevelSpec } from 'vega-lite';
import type { FittedPair } from '../../meta/metaModel.js';
import { formatGain } from '../format.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

/**
 * Predicted probability of a gain against the gain observed, one point per directed pair. A useful model puts
 * gaining pairs (blue) right of 0.5 and the rest left. In-sample: each pair helped fit the model that scores it.
 */
export function buildPredictedGainSpec(predictions: readonly FittedPair[]): TopLevelSpec {
  const rows = predictions.map((p) => ({ ...p, outcome: p.label === 1 ? 'gain' : 'no gain', gainText: formatGain(p.gain) }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Predicted probability of a gain vs the gain observed',
      subtitle: 'One point per directed pair; the model fitted on all pairs (in-sample, so optimistic).',
    },
    width: 420,
    height: 280,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 70, opacity: 0.85 },
        encoding: {
          x: { field: 'probability', type: 'quantitative', title: 'predicted P(gain)', scale: { domain: [0, 1] } },
          y: { field: 'gain', type: 'quantitative', title: 'observed relative gain', axis: { format: '+.1~%' } },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: 'labelled',
            scale: { domain: ['gain', 'no gain'], range: [POSITIVE_COLOR, NEGATIVE_COLOR] },
          },
          tooltip: [
            { field: 'main', title: 'main task' },
            { field: 'aux', title: 'auxiliary task' },
            { field: 'probability', title: 'P(gain)', format: '.2f' },
            { field: 'gainText', title: 'observed gain' },
            { field: 'outcome', title: 'labelled' },
          ],
        },
      },
      { mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { x: { datum: 0.5 } } },
      { mark: { type: 'rule', color: '#999' }, encoding: { y: { datum: 0 } } },
    ],
  };
}
