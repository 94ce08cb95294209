import { informationMeasures } from '../features/similarity/informationMeasures.js';
import { labelContingency } from '../features/similarity/labelContingency.js';
import type { WordLabelCounts } from '../features/similarity/wordLabelCounts.js';
import { measurePairs, measuredScorer } from './pairMeasure.js';
import type { Predictor } from './predictor.js';

/** Normalised mutual information of two tasks' labels joined through their shared word types; undefined without one. */
export const labelNmi = (a: WordLabelCounts, b: WordLabelCounts): number | undefined =>
  informationMeasures(labelContingency(a, b).table)?.nmiJoint ?? undefined;

const measures = {
  nmi: {
    label: 'label NMI',
    definition:
      'Schröder & Biemann (2020): normalised mutual information I(A; B) / H(A, B) of the two tasks’ labels, joined through the ' +
      'word types both training sets contain (each shared type adds P_main(a | w) · P_aux(b | w), seq-tag-sim’s headline ' +
      'table); higher = more related. Ranks only: its sign cut is fitted on the other main tasks.',
    score: labelNmi,
  },
  vi: {
    label: 'label variation of information',
    definition:
      'Schröder & Biemann (2020): variation of information H(A) + H(B) − 2·I(A; B) in bits over the same table, negated so ' +
      'that higher = more related. Ranks only: its sign cut is fitted on the other main tasks.',
    score: (a: WordLabelCounts, b: WordLabelCounts) => {
      const vi = informationMeasures(labelContingency(a, b).table)?.variationOfInformation;
      return vi === undefined ? undefined : -vi;
    },
  },
} as const;

/**
 * Label-aware similarity of two tasks' training data, needing no training at all (Schröder & Biemann 2020): an
 * information measure between their label distributions over the word types they share.
 */
export function labelSimilarityPredictor(measure: keyof typeof measures): Predictor {
  const { label, definition, score } = measures[measure];
  return {
    name: `label-${measure}`,
    label,
    family: 'similarity',
    newTask: 'no training',
    definition,
    async prepare({ pairs, wordCounts }) {
      const measured = await measurePairs(pairs, wordCounts, score);
      if (measured.status !== 'ok') return measured;
      if (measured.pairs.size === 0)
        return { status: 'unavailable', reason: 'no pair of tasks shares a word type with a label to compare' };
      const costNote = 'no training: counting each task’s labels per word type and comparing them, seconds as measured';
      return { status: 'ok', ...measuredScorer(measured, costNote) };
    },
  };
}
