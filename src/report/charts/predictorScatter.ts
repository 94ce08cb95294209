import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/build/src/channeldef.js';
import type { UnitSpec } from 'vega-lite/build/src/spec/unit.js';
import type { ScoredEntry } from '../../predictors/scoreboardRecord.js';
import { formatGain } from '../format.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

/**
 * Each predictor's held-out score against the gain measured, one point per directed pair and one panel per
 * predictor (each on its own x scale). A predictor that ranks well rises left to right; one with a neutral value
 * (dashed) puts blue points (gained) right of it and red ones left of it.
 */
export function buildPredictorScatterSpec(predictors: readonly ScoredEntry[]): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Predicted vs measured: each predictor’s score for a pair against the gain the pair run measured',
      subtitle: 'One point per directed pair (main task helped by auxiliary task); dashed: the score a predictor calls “no effect”.',
    },
    columns: 4,
    spacing: 28,
    concat: predictors.map((p) => {
      const rows = p.predictions.map((pair) => ({
        ...pair,
        outcome: pair.label === 1 ? 'gained' : 'did not gain',
        gainText: formatGain(pair.gain),
      }));
      const rho = p.scores.spearman === null ? 'ρ undefined' : `ρ = ${p.scores.spearman.toFixed(2)}`;
      // Lookahead affinities of a small step are of order 1e-5: exponents read better than rows of zeros.
      const tiny = Math.max(...p.predictions.map((x) => Math.abs(x.score))) < 0.01;
      return {
        width: 190,
        height: 170,
        title: { text: p.label, subtitle: `${rho} over ${p.scores.pairs} pairs`, fontSize: 12, limit: 250 },
        layer: [
          {
            data: { values: rows },
            mark: { type: 'point', filled: true, size: 50, opacity: 0.85 },
            encoding: {
              x: {
                field: 'score',
                type: 'quantitative',
                title: 'held-out score',
                scale: { zero: false, nice: true },
                axis: { format: tiny ? '.1~e' : '~g', labelOverlap: true },
              },
              y: { field: 'gain', type: 'quantitative', title: 'measured relative gain', axis: { format: '+.1~%' } },
              color: {
                field: 'outcome',
                type: 'nominal',
                title: 'measured',
                scale: { domain: ['gained', 'did not gain'], range: [POSITIVE_COLOR, NEGATIVE_COLOR] },
              },
              tooltip: [
                { field: 'main', title: 'main task' },
                { field: 'aux', title: 'auxiliary task' },
                { field: 'score', title: 'score', format: '.4~g' },
                { field: 'gainText', title: 'measured gain' },
              ],
            },
          },
          ...neutralRule(p.neutral),
          {
            data: { values: [{ zero: 0 }] },
            mark: { type: 'rule', color: '#999' },
            encoding: { y: { field: 'zero', type: 'quantitative' } },
          },
        ],
      };
    }),
  };
}

/** A dashed vertical rule at the predictor's neutral value, when it has one. */
function neutralRule(neutral: number | null): UnitSpec<Field>[] {
  if (neutral === null) return [];
  return [
    {
      data: { values: [{ neutral }] },
      mark: { type: 'rule', color: '#999', strokeDash: [4, 4] },
      encoding: { x: { field: 'neutral', type: 'quantitative' } },
    },
  ];
}
