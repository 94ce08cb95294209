import { fixedScores } from './fixedScores.js';
import { PairSet } from './pairSet.js';
import type { Predictor } from './predictor.js';

/** The baseline "more data helps": the auxiliary task's training size as the runs saw it. */
export const auxSizePredictor: Predictor = {
  name: 'aux-size',
  label: 'auxiliary training size',
  family: 'baseline',
  newTask: 'no training',
  definition:
    'Training sentences of the auxiliary task (its capped sample where the study caps it, averaged over seeds); bigger = ' +
    'predicted to help more. Ranks only: its sign cut is fitted on the other main tasks.',
  async prepare({ pairs, samples }) {
    const sizes = new Map<string, number>();
    for (const task of new Set(pairs.pairs.map((p) => p.aux))) {
      const loaded = await samples(task);
      if (loaded.status !== 'ok') return loaded;
      sizes.set(task, loaded.samples.reduce((s, sample) => s + sample.length, 0) / loaded.samples.length);
    }
    const scored = new PairSet(pairs.pairs);
    const costNote = 'no training: the size of the training data';
    return {
      status: 'ok',
      ...fixedScores(
        scored,
        scored.pairs.map((p) => sizes.get(p.aux) ?? 0),
        null,
        { reliability: null, cost: { batches: 0, seconds: 0 }, costNote },
      ),
    };
  },
};
