import { type AffinityKind, affinityScores } from '../affinity/predictors.js';
import { fixedScores } from './fixedScores.js';
import { PairSet } from './pairSet.js';
import type { Predictor } from './predictor.js';

const about: Record<AffinityKind, { label: string; definition: string }> = {
  lookahead: {
    label: 'TAG lookahead affinity',
    definition:
      'Fifty et al. (2021): during one joint run over all tasks, 1 − L_main(after a step of the shared layers on aux’s gradient) / ' +
      'L_main(before), averaged over the measurements of affinity.json; a gain is predicted above 0.',
  },
  cosine: {
    label: 'gradient cosine',
    definition:
      'Cosine of main’s and aux’s gradients on the shared layers during one joint run over all tasks, averaged over the ' +
      'measurements of affinity.json; a gain is predicted above 0.',
  },
};

/** A predictor measured by `taskrel affinity` (affinity.json): scores fixed by the run, not fitted on gains. */
export function affinityPredictor(kind: AffinityKind): Predictor {
  return {
    name: kind,
    label: about[kind].label,
    family: 'affinity',
    newTask: 'joint run',
    definition: about[kind].definition,
    async prepare({ pairs, affinity }) {
      if (affinity === null) return { status: 'unavailable', reason: "no affinity.json: run 'taskrel affinity' on the study's spec" };
      const measured = affinityScores(affinity, kind);
      const covered = pairs.pairs.flatMap((p) => {
        const score = measured.score(p.main, p.aux);
        return score === undefined ? [] : [{ pair: p, score }];
      });
      if (covered.length === 0) return { status: 'unavailable', reason: 'affinity.json covers none of the pairs in gains.csv' };
      const { reliability, cost, costNote } = measured;
      const scorer = fixedScores(
        new PairSet(covered.map((c) => c.pair)),
        covered.map((c) => c.score),
        0,
        { reliability, cost, costNote },
      );
      return { status: 'ok', ...scorer };
    },
  };
}
