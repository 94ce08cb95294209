import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecommendationEvaluation } from '../../src/meta/recommendationEvaluation.js';
import {
  costSentence,
  heldOutPairsSentence,
  heldOutRankingSentence,
  outsideRangeLine,
  sizePosition,
  verificationSentence,
} from '../../src/report/recommendationText.js';
import { syntheticRecommendation } from '../meta/recommendationFixture.js';

const baselines = { alwaysNoGainAccuracy: 0.7, alwaysGainF1: 0.4615, majorityAccuracy: 0.7 };

test("the study's held-out-task score is stated next to the baselines, or why it is missing", () => {
  assert.equal(
    heldOutPairsSentence({
      leaveOneMainTaskOut: { status: 'ok', accuracy: 0.625, f1: null },
      baselines,
      heldOut: syntheticRecommendation().trust.heldOut,
    }),
    'For a main task it had not seen, the study\'s meta-model labelled 63 % of pairs right; always predicting the majority class: 70 %, always "gain": F1 0.46.',
  );
  assert.match(
    heldOutPairsSentence({
      leaveOneMainTaskOut: { status: 'unavailable', reason: 'only one main task' },
      baselines,
      heldOut: syntheticRecommendation().trust.heldOut,
    }),
    /could not be scored on held-out main tasks \(only one main task\); always predicting the majority class: 70 %\.$/,
  );
});

test('the replayed ranking: hits, random pick, mean ρ, and the tasks it could not rank', () => {
  const ranked = [
    { aux: 'b', probability: 0.7, gain: 0.01, label: 1 as const },
    { aux: 'c', probability: 0.2, gain: -0.01, label: 0 as const },
  ];
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
    "Replayed on the study's own tasks (each removed, the meta-model refitted on the other tasks' pairs): the top recommendation " +
      'gained for 1 of 1 (precision 100 %; a random pick: 50 %), no rank correlation (it needs three auxiliary tasks per held-out ' +
      'task and scores that vary). 1 of 2 could not be ranked (b: all 2 training pairs are "gain").',
  );
  const none = { ...evaluation, tasks: [evaluation.tasks[1]], evaluated: 0, precisionAtOne: null, randomPrecision: null };
  assert.equal(
    heldOutRankingSentence(none),
    'Replaying the ranking on the study\'s own tasks was not possible (all 2 training pairs are "gain").',
  );
});

test('verification is stated only when pairs were trained', () => {
  assert.equal(verificationSentence(syntheticRecommendation(false)), null);
  const recommendation = syntheticRecommendation();
  assert.equal(
    verificationSentence(recommendation),
    `Trained 2 pairs: the best-ranked one (${recommendation.ranking[0].aux}, rank 1) gained; 2 of 2 gained.`,
  );
});

test("a task's size is placed against the study's range: how many times its largest or smallest, or within", () => {
  const range = { min: 300, max: 5000 };
  assert.equal(sizePosition(12543, range), "2.5× the study's largest (5,000)");
  assert.equal(sizePosition(150, range), "0.5× the study's smallest (300)");
  assert.equal(sizePosition(60000, range), "12× the study's largest (5,000)");
  assert.equal(sizePosition(300, range), "within the study's 300–5,000");
  assert.equal(sizePosition(400, { min: 400, max: 400 }), "within the study's 400");
  assert.equal(sizePosition(10, null), 'the study records no sizes');
});

test("features outside the study's range: one short line per task, farthest two and how many more", () => {
  const feature = (
    name: 'sentences' | 'labels' | 'oov_rate' | 'curve_a',
    prefix: 'main' | 'aux' | 'ratio',
    value: number,
    ranges: number | null,
  ) => ({ feature: name, prefix, value, min: 300, max: 5000, ranges });
  assert.equal(
    outsideRangeLine({ task: 'ewt-mwe', role: 'main', features: [feature('sentences', 'main', 12544, 1.6306)] }),
    'ewt-mwe (main): sentences 12,544 (study 300 to 5,000, +1.6 ranges)',
  );
  const many = [
    feature('sentences', 'aux', 12544, 12.3),
    { ...feature('labels', 'ratio', -0.000123456, -0.06), min: -0.000013, max: 0.00037971 },
    feature('oov_rate', 'aux', 7, null),
    feature('curve_a', 'aux', 1, -0.3),
  ];
  const line = outsideRangeLine({ task: 'gum-ner', role: 'candidate', features: many });
  assert.equal(
    line,
    'gum-ner: sentences 12,544 (study 300 to 5,000, +12 ranges); main/aux labels -0.000123 (study -0.000013 to 0.00038, −0.1 ranges); +2 more',
  );
  assert.equal(outsideRangeLine({ task: 'x', role: 'candidate', features: many.slice(2, 3) }), 'x: oov_rate 7 (study: always 300)');
  assert.ok(line.length < 140);
});

test('the cost: runs trained and reused with their own seconds, the joint run, and the wall time', () => {
  const recommendation = syntheticRecommendation(false);
  recommendation.cost.predictors.push({ id: 'lookahead', batches: 10000, seconds: 130, reused: true });
  assert.equal(
    costSentence(recommendation),
    '12 single-task runs (seeds 1, 2): 10 trained, 2 reused, 4 min 5 s of run time; lookahead run: 10,000 batches, 2 min 10 s (reused). This call took 4 min 50 s.',
  );
});
