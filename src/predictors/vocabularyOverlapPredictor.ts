import { vocabularyOverlap } from '../features/similarity/vocabularyOverlap.js';
import { measurePairs, measuredScorer } from './pairMeasure.js';
import type { Predictor } from './predictor.js';

/** The baseline "related data helps": how many word types the two training sets share. */
export const vocabularyOverlapPredictor: Predictor = {
  name: 'vocabulary-overlap',
  label: 'vocabulary overlap',
  family: 'baseline',
  newTask: 'no training',
  definition:
    'Jaccard overlap |V_main ∩ V_aux| / |V_main ∪ V_aux| of the two training sets’ word types; higher = more related. Ranks ' +
    'only: its sign cut is fitted on the other main tasks.',
  async prepare({ pairs, wordCounts }) {
    const measured = await measurePairs(pairs, wordCounts, vocabularyOverlap);
    if (measured.status !== 'ok') return measured;
    const costNote = 'no training: collecting each task’s word types, seconds as measured';
    return { status: 'ok', ...measuredScorer(measured, costNote) };
  },
};
