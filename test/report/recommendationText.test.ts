import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecommendationEvaluation } from '../../src/meta/recommendationEvaluation.js';
import { heldOutPairsSentence, heldOutRankingSentence, verificationSentence } from '../../src/report/recommendationText.js';
import { syntheticRecommendation } from '../meta/recommendationFixture.js';

const baselines = { alwaysNoGainAccuracy: 0.7, alwaysGainF1: 0.4615, majorityAccuracy: 0.7 };

test('the study\'s held-out-task score is stated next to the baselines, or why it is missing', () => {
  assert.equal(
    heldOutPairsSentence({ leaveOneMainTaskOut: { status: 'ok', accuracy: 0.625, f1: null }, baselines, heldOut: syntheticRecommendation().trust.heldOut }),
    'For a main task it had not seen, the study\'s meta-model labelled 63 % of pairs right; always predicting the majority class: 70 %, always "gain": F1 0.46.',
  );
  assert.match(
    heldOutPairsSentence({ leaveOneMainTaskOut: { status: 'unavailable', reason: 'only one main task' }, baselines, heldOut: syntheticRecommendation().trust.heldOut }),
    /could not be scored on held-out main tasks \(only one main task\); always predicting the majority class: 70 %\.$/,
  );
});

test('the replayed ranking: hits, random pick, mean ρ, and the tasks it could not rank', () => {
  const ranked = [{ aux: 'b', probability: 0.7, gain: 0.01, label: 1 as const }, { aux: 'c', probability: 0.2, gain: -0.01, label: 0 as const }];
  const evaluation: RecommendationEvaluation = {
    tasks: [
      { status: 'ok', main: 'a', trainingPairs: 2, ranked, precisionAtOne: 1, randomPrecision: 0.5, spearman: null },
      { status: 'unavailable', main: 'b', reason: 'all 2 training pairs are "gain"' },
    ],
    evaluated: 1,
    precisionAtOne: 1,
    randomPrecision: 0.5,
    spearman: null,
    spearmanTasks: 0,
  };
  assert.equal(
    heldOutRankingSentence(evaluation),
    'Replayed on the study\'s own tasks (each removed, the meta-model refitted on the other tasks\' pairs): the top recommendation ' +
      'gained for 1 of 1 (precision 100 %; a random pick: 50 %), no rank correlation (it needs three auxiliary tasks per held-out ' +
      'task and scores that vary). 1 of 2 could not be ranked (b: all 2 training pairs are "gain").',
  );
  const none = { ...evaluation, tasks: [evaluation.tasks[1]], evaluated: 0, precisionAtOne: null, randomPrecision: null };
  assert.equal(heldOutRankingSentence(none), 'Replaying the ranking on the study\'s own tasks was not possible (all 2 training pairs are "gain").');
});

test('verification is stated only when pairs were trained', () => {
  assert.equal(verificationSentence(syntheticRecommendation(false)), null);
  const recommendation = syntheticRecommendation();
  assert.equal(verificationSentence(recommendation), `Trained 2 pairs: the best-ranked one (${recommendation.ranking[0].aux}, rank 1) gained; 2 of 2 gained.`);
});
