import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureMatrix } from '../../src/meta/featureMatrix.js';
import { fitMetaModel } from '../../src/meta/metaModel.js';
import { type AuxRanking, auxCandidates, pushedMost, recommendAux } from '../../src/meta/recommendAux.js';
import { tinyMeta, tinyPairs } from '../report/metaFixture.js';
import { syntheticPairs, syntheticTasks } from './syntheticPairs.js';

/** The meta-model settings of a default analysis: C = 1, taskrel's curve features. */
const ranking1 = { C: 1, curveFeatures: 'taskrel' } as const;

function ok(outcome: ReturnType<typeof recommendAux>): AuxRanking {
  assert.equal(outcome.status, 'ok', outcome.status === 'unavailable' ? outcome.reason : '');
  return outcome as AuxRanking & { status: 'ok' };
}

/**
 * Task t5 as the new task: the study is t0…t4 and their pairs; t5's pairs hold its true gains (t5 has 4.5
 * sentences: t2 with 5.2 and t3 with 7.3 help it, t0, t1, t4 with 1, 3.1, 2.4 do not).
 */
function heldOutT5() {
  const tasks = syntheticTasks();
  const pairs = syntheticPairs(tasks);
  const training = pairs.filter((p) => p.main !== 't5' && p.aux !== 't5');
  const truth = pairs.filter((p) => p.main === 't5');
  return { tasks, training, truth, candidates: auxCandidates(tasks[5], tasks.slice(0, 5)) };
}

test('candidates carry the same pair features the study builds for its own pairs', () => {
  const { candidates, truth } = heldOutT5();
  assert.deepEqual(
    candidates.map((c) => c.aux),
    ['t0', 't1', 't2', 't3', 't4'],
  );
  for (const candidate of candidates) assert.deepEqual(candidate.features, truth.find((p) => p.aux === candidate.aux)?.features);
});

test('the ranking is the study meta-model: same fit, P(gain) = σ(intercept + Σ coefficient × scaled value)', () => {
  const { training, candidates } = heldOutT5();
  const ranking = ok(recommendAux(training, candidates, ranking1));
  const reference = fitMetaModel(featureMatrix(training, ranking.model.features).matrix, 1);
  assert.deepEqual(ranking.model, reference);
  assert.equal(ranking.trainingPairs, 20);
  assert.deepEqual(
    ranking.ranked.map((r) => r.rank),
    [1, 2, 3, 4, 5],
  );
  for (let i = 1; i < ranking.ranked.length; i++) assert.ok(ranking.ranked[i - 1].probability >= ranking.ranked[i].probability);
  for (const aux of ranking.ranked) {
    assert.equal(aux.contributions.length, ranking.model.features.length);
    for (const c of aux.contributions) {
      const j = ranking.model.features.indexOf(c.feature);
      const { min, max, coefficients } = ranking.model;
      const scaled = max[j] > min[j] ? (c.value - min[j]) / (max[j] - min[j]) : 0;
      assert.ok(Math.abs(c.scaled - scaled) < 1e-12);
      assert.ok(Math.abs(c.contribution - coefficients[j] * scaled) < 1e-12);
    }
    const logit = aux.contributions.reduce((s, c) => s + c.contribution, ranking.model.intercept);
    assert.ok(Math.abs(aux.probability - 1 / (1 + Math.exp(-logit))) < 1e-12);
    const sizes = aux.contributions.map((c) => Math.abs(c.contribution));
    for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i - 1] >= sizes[i], 'contributions largest first');
  }
});

test('the rule of the synthetic study carries over to the held-out task: larger auxiliary tasks rank first', () => {
  const { training, candidates, truth } = heldOutT5();
  const ranking = ok(recommendAux(training, candidates, ranking1));
  const gaining = new Set(truth.filter((p) => p.label === 1).map((p) => p.aux));
  assert.deepEqual(gaining, new Set(['t2', 't3']));
  assert.deepEqual(new Set(ranking.ranked.slice(0, 2).map((r) => r.aux)), gaining);
});

test('features a candidate lacks are left out of the model, with the reason; so are those some training pair lacks', () => {
  const { training, candidates } = heldOutT5();
  delete candidates[2].features.aux_oov_rate;
  delete training[0].features.ratio_curve_knee;
  const ranking = ok(recommendAux(training, candidates, ranking1));
  assert.ok(!ranking.model.features.includes('aux_oov_rate') && !ranking.model.features.includes('ratio_curve_knee'));
  assert.ok(ranking.model.features.includes('main_oov_rate'));
  assert.deepEqual(ranking.dropped.map((d) => d.feature).sort(), ['aux_oov_rate', 'ratio_curve_knee']);
  assert.match(
    ranking.dropped.find((d) => d.feature === 'aux_oov_rate')?.reason ?? '',
    /missing for 1 of 5 candidate pairs \(e\.g\. with t2\)/,
  );
});

test('training pairs of one class cannot rank anything, and say so', () => {
  const { training, candidates } = heldOutT5();
  const noGain = training.map((p) => ({ ...p, label: 0 as const }));
  const result = recommendAux(noGain, candidates, ranking1);
  assert.deepEqual(result, { status: 'unavailable', reason: 'all 20 training pairs are "no gain": nothing to learn a ranking from' });
  assert.equal(recommendAux([], candidates, ranking1).status, 'unavailable');
});

test("equal probabilities rank by name; pushedMost skips the main task's own features", () => {
  const { training, candidates } = heldOutT5();
  const twins = [
    { aux: 'b', features: candidates[0].features },
    { aux: 'a', features: candidates[0].features },
  ];
  const ranking = ok(recommendAux(training, twins, ranking1));
  assert.deepEqual(
    ranking.ranked.map((r) => r.aux),
    ['a', 'b'],
  );
  const pushed = pushedMost(ranking.ranked[0], 4);
  assert.equal(pushed.length, 4);
  assert.ok(pushed.every((c) => !c.feature.startsWith('main_')));
  const others = ranking.ranked[0].contributions.filter((c) => !c.feature.startsWith('main_'));
  assert.deepEqual(pushed, others.slice(0, 4));
});

test("on a study's own pairs the ranking model is the one in its meta.json", () => {
  const meta = tinyMeta();
  const ranking = ok(recommendAux(tinyPairs(), [], meta.protocol));
  assert.ok(meta.model.status === 'ok');
  const { status: _status, ...stored } = meta.model;
  assert.deepEqual(ranking.model, stored);
});
