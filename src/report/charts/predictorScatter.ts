import type { TopLevelSpec } from 'vega-lite';
import type { ScoredPredictor } from '../../affinity/compareAffinity.js';
import { predictorLabels } from '../../affinity/predictors.js';
import { formatGain } from '../format.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

/**
 * Each predictor's score against the gain measured, one point per directed pair and one panel per predictor (each
 * on its own x scale). A predictor that ranks well rises left to right; one that gets the sign right puts blue
 * points (gained) right of its dashed threshold and red ones left of it.
 */
export function buildPredictorScatterSpec(predictors: readonly ScoredPredictor[]): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Predicted vs measured: each predictor’s score for a pair against the gain the pair run measured',
      subtitle: 'One point per directed pair (main task helped by auxiliary task); dashed: the score above which a gain is predicted.',
    },
    spacing: 28,
    hconcat: predictors.map((p) => {
      const rows = p.predictions.map((pair) => ({
        ...pair,
        outcome: pair.gain > 0 ? 'gained' : 'did not gain',
        gainText: formatGain(pair.gain),
      }));
      const rho = p.scores.spearman === null ? 'ρ undefined' : `ρ = ${p.scores.spearman.toFixed(2)}`;
      // Lookahead affinities of a small step are of order 1e-5: exponents read better than rows of zeros.
      const tiny = Math.max(...p.predictions.map((x) => Math.abs(x.predicted))) < 0.01;
      return {
        width: 240,
        height: 220,
        title: { text: predictorLabels[p.name], subtitle: `${rho} over ${p.scores.pairs} pairs`, fontSize: 13 },
        layer: [
          {
            data: { values: rows },
            mark: { type: 'point', filled: true, size: 60, opacity: 0.85 },
            encoding: {
              x: { field: 'predicted', type: 'quantitative', title: 'predicted score', scale: { zero: false, nice: true }, axis: { format: tiny ? '.1~e' : '~g', labelOverlap: true } },
              y: { field: 'gain', type: 'quantitative', title: 'measured relative gain', axis: { format: '+.1~%' } },
              color: { field: 'outcome', type: 'nominal', title: 'measured', scale: { domain: ['gained', 'did not gain'], range: [POSITIVE_COLOR, NEGATIVE_COLOR] } },
              tooltip: [
                { field: 'main', title: 'main task' },
                { field: 'aux', title: 'auxiliary task' },
                { field: 'predicted', title: 'score', format: '.4~g' },
                { field: 'gainText', title: 'measured gain' },
              ],
            },
          },
          { data: { values: [{ threshold: p.threshold }] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { x: { field: 'threshold', type: 'quantitative' } } },
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
        ],
      };
    }),
  };
}
