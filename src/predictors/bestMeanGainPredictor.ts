import { meanGainElsewhere } from './meanGainElsewhere.js';
import type { Predictor } from './predictor.js';

/**
 * The best fixed choice: always the auxiliary task that helped the other main tasks most on average. Computed
 * leaving the main task out, as for a new main task; refitted on every permutation of the gains.
 */
export const bestMeanGainPredictor: Predictor = {
  name: 'best-mean-gain',
  label: 'best mean gain elsewhere',
  family: 'baseline',
  newTask: 'no training',
  definition:
    'The mean gain the auxiliary task brought to the other main tasks of the study (the main task itself left out); a gain ' +
    'is predicted above 0. Its first choice is the same auxiliary task for every new main task.',
  async prepare({ pairs }) {
    if (pairs.groups.length < 2) return { status: 'unavailable', reason: 'only one main task: no other to average over' };
    return {
      status: 'ok',
      pairs,
      heldOut(truth) {
        const scores = meanGainElsewhere(pairs, truth.gains);
        return { scores, predicted: scores.map((s): 0 | 1 => (s > 0 ? 1 : 0)) };
      },
      neutral: 0,
      reliability: null,
      cost: { batches: 0, seconds: 0 },
      costNote: 'no training for a new main task: it reads the gains a pairwise study of other tasks measured (here this study’s)',
    };
  },
};
