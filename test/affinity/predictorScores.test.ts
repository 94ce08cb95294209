import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scorePredictions } from '../../src/affinity/predictorScores.js';
import { spearmanByHand } from '../meta/spearmanByHand.js';

const pairs = [
  // main a: the predictor ranks c first (gained), then b, d
  { main: 'a', aux: 'b', predicted: 0.2, gain: -0.01 },
  { main: 'a', aux: 'c', predicted: 0.5, gain: 0.03 },
  { main: 'a', aux: 'd', predicted: -0.1, gain: 0.01 },
  // main b: ranks a first (lost); a tie between c and d
  { main: 'b', aux: 'a', predicted: 0.4, gain: -0.02 },
  { main: 'b', aux: 'c', predicted: 0.1, gain: 0.02 },
  { main: 'b', aux: 'd', predicted: 0.1, gain: 0.0 },
];

test('scores against the gains: Spearman overall and per main task, sign accuracy, top-1 precision, baselines', () => {
  const s = scorePredictions(pairs, 0);
  assert.equal(s.pairs, 6);
  assert.ok(Math.abs((s.spearman ?? NaN) - spearmanByHand(pairs.map((p) => p.predicted), pairs.map((p) => p.gain))) < 1e-12);
  const rhoA = spearmanByHand([0.2, 0.5, -0.1], [-0.01, 0.03, 0.01]);
  const rhoB = spearmanByHand([0.4, 0.1, 0.1], [-0.02, 0.02, 0]);
  assert.deepEqual(s.mains.map((m) => [m.main, m.top, m.topGain]), [['a', 'c', 0.03], ['b', 'a', -0.02]]);
  assert.ok(Math.abs((s.mains[0].spearman ?? NaN) - rhoA) < 1e-12);
  assert.ok(Math.abs((s.mains[1].spearman ?? NaN) - rhoB) < 1e-12);
  assert.ok(Math.abs((s.spearmanPerMain ?? NaN) - (rhoA + rhoB) / 2) < 1e-12);
  assert.equal(s.spearmanTasks, 2);
  // predicted > 0 vs gain > 0: b✗ c✓ d✗ | a✗ c✓ d✗ (a gain of exactly 0 is not a gain)
  assert.equal(s.signAccuracy, 2 / 6);
  assert.equal(s.majoritySignAccuracy, 3 / 6);
  assert.equal(s.topOnePrecision, 1 / 2);
  assert.equal(s.randomTopOnePrecision, (2 / 3 + 1 / 3) / 2);
});

test('the threshold separates predicted gains, and too few auxiliary tasks leave ρ undefined', () => {
  assert.equal(scorePredictions(pairs, 0.3).signAccuracy, 3 / 6);
  const two = scorePredictions(pairs.filter((p) => p.aux !== 'd'), 0);
  assert.deepEqual([two.spearmanPerMain, two.spearmanTasks], [null, 0]);
  assert.equal(two.mains[1].top, 'a');
});
