import { pairKey } from '../../src/predictors/pairSet.js';
import type { Predictor } from '../../src/predictors/predictor.js';

/**
 * A toy predictor that read the answer: its scores are the study's measured gains (pairs.csv), fixed at preparation.
 * The scoreboard must score it perfect, and no shuffle of the gains may score it as well.
 */
export const oraclePredictor: Predictor = {
  name: 'oracle',
  label: 'oracle (test)',
  family: 'baseline',
  newTask: 'joint run',
  definition: 'The measured relative gain itself: the ceiling every predictor is measured against.',
  async prepare({ pairs, pairRows }) {
    if (pairRows === null) return { status: 'unavailable', reason: 'needs pairs.csv' };
    const rows = new Map(pairRows.map((row) => [pairKey(row.main, row.aux), row]));
    const measured = pairs.pairs.map(({ main, aux }) => rows.get(pairKey(main, aux)));
    if (measured.some((row) => row === undefined)) return { status: 'unavailable', reason: 'pairs.csv lacks a pair' };
    const scores = measured.map((row) => row?.gain ?? 0);
    const predicted = measured.map((row) => row?.label ?? 0);
    return {
      status: 'ok',
      pairs,
      heldOut: () => ({ scores, predicted }),
      neutral: 0,
      reliability: null,
      cost: { batches: 0, seconds: 0 },
      costNote: 'reads the answer',
    };
  },
};
