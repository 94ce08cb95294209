import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../src/shared/random.js';
import { bestMeanGainPredictor } from '../../src/predictors/bestMeanGainPredictor.js';
import { fixedScores } from '../../src/predictors/fixedScores.js';
import { scoreHeldOut } from '../../src/predictors/heldOutScores.js';
import { metaModelPredictor } from '../../src/predictors/metaModelPredictor.js';
import { PairSet } from '../../src/predictors/pairSet.js';
import { holmAdjusted, permutationTest, shuffleTruth } from '../../src/predictors/permutationTest.js';
import type { PredictorInputs, Scorer } from '../../src/predictors/predictor.js';
import { syntheticPairs } from '../meta/syntheticPairs.js';
import { syntheticStudy } from './syntheticStudy.js';

const about = { reliability: null, cost: { batches: 0, seconds: 0 }, costNote: '' };

function pValues(scorer: Scorer, truth: Parameters<Scorer['heldOut']>[0], permutations = 199, seed = 1) {
  const observed = scoreHeldOut(scorer.pairs, truth, scorer.heldOut(truth));
  return permutationTest(scorer, truth, observed, { permutations, seed });
}

test('a planted signal gives the smallest p-values the permutations allow', () => {
  const { pairs, truth, scores } = syntheticStudy(8, 3, 3);
  const p = pValues(fixedScores(pairs, scores, 0, about), truth);
  assert.equal(p.spearmanPerMain, 1 / 200);
  assert.equal(p.regret, 1 / 200);
  assert.ok((p.accuracy ?? 1) <= 0.01, `accuracy p ${p.accuracy}`);
});

test('without a signal the p-values spread over (0, 1): about 5 % below 0.05, mean near ½', () => {
  const spearman: number[] = [];
  const accuracy: number[] = [];
  for (let dataset = 0; dataset < 60; dataset++) {
    const { pairs, truth, scores } = syntheticStudy(6, 100 + dataset, 0);
    // A cut fitted on the other main tasks: a refitted protocol under the null, too.
    const p = pValues(fixedScores(pairs, scores, null, about), truth, 99, dataset);
    spearman.push(p.spearmanPerMain ?? NaN);
    accuracy.push(p.accuracy ?? NaN);
  }
  for (const [name, values] of [
    ['ρ per main task', spearman],
    ['accuracy', accuracy],
  ] as const) {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const small = values.filter((v) => v < 0.05).length;
    assert.ok(mean > 0.35 && mean < 0.65, `${name}: mean p ${mean}`);
    assert.ok(small <= 8, `${name}: ${small} of 60 below 0.05`);
    assert.ok(Math.min(...values) < 0.2 && Math.max(...values) > 0.8, `${name}: p from ${Math.min(...values)} to ${Math.max(...values)}`);
  }
});

test('fitted predictors refit under every permutation: the meta-model learns a planted rule held out, best mean gain an aux effect', async () => {
  const rows = syntheticPairs();
  const pairs = new PairSet(rows.map(({ main, aux }) => ({ main, aux })));
  const inputs = { pairs, pairRows: rows, runs: [], C: 1, curveFeatures: 'taskrel' } as unknown as PredictorInputs;
  const meta = await metaModelPredictor('data').prepare(inputs);
  assert.ok(meta.status === 'ok');
  const truth = { gains: rows.map((r) => r.gain), labels: rows.map((r) => r.label) };
  const p = pValues(meta, truth, 99);
  assert.ok((p.accuracy ?? 1) <= 0.02, `meta accuracy p ${p.accuracy}`);
  // An auxiliary task's own effect plus noise: the mean elsewhere finds it, main task held out.
  const random = new Rng(5);
  const { pairs: all } = syntheticStudy(7, 5, 0);
  const effect = new Map(all.tasks().map((t) => [t, 0.03 * random.normal()]));
  const gains = all.pairs.map(({ aux }) => (effect.get(aux) ?? 0) + 0.005 * random.normal());
  const best = await bestMeanGainPredictor.prepare({ pairs: all } as unknown as PredictorInputs);
  assert.ok(best.status === 'ok');
  const q = pValues(best, { gains, labels: gains.map((g): 0 | 1 => (g > 0 ? 1 : 0)) });
  assert.ok((q.spearmanPerMain ?? 1) <= 0.01 && q.regret !== null && q.regret <= 0.01, JSON.stringify(q));
});

test('shuffles keep every gain with its label; within main tasks each keeps its own gains', () => {
  const { pairs, truth } = syntheticStudy(4, 9, 0);
  const within = shuffleTruth(pairs, truth, 'within-main', new Rng(1));
  for (const { rows } of pairs.groups) {
    assert.deepEqual(rows.map((i) => within.gains[i]).sort(), rows.map((i) => truth.gains[i]).sort());
  }
  const all = shuffleTruth(pairs, truth, 'all', new Rng(1));
  assert.deepEqual([...all.gains].sort(), [...truth.gains].sort());
  all.gains.forEach((g, i) => {
    assert.equal(all.labels[i], truth.labels[truth.gains.indexOf(g)]);
  });
  assert.notDeepEqual(all.gains, truth.gains);
});

test('Holm: the k-th smallest of m times m − k + 1, monotone, capped at 1, untested entries left out', () => {
  assert.deepEqual(holmAdjusted([0.01, null, 0.04, 0.03, 0.5]), [0.04, null, 0.09, 0.09, 0.5]);
  assert.deepEqual(holmAdjusted([0.6, 0.9]), [1, 1]);
});
