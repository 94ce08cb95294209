import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreHeldOut } from '../../src/predictors/heldOutScores.js';
import { PairSet } from '../../src/predictors/pairSet.js';
import { spearmanByHand } from '../meta/spearmanByHand.js';

const rows = [
  // main a: c ranked first and gained most: regret 0
  { main: 'a', aux: 'b', score: 0.2, gain: -0.01, predicted: 1 },
  { main: 'a', aux: 'c', score: 0.5, gain: 0.03, predicted: 1 },
  { main: 'a', aux: 'd', score: -0.1, gain: 0.01, predicted: 0 },
  // main b: a ranked first but lost; c was best: regret 0.02 − (−0.02) = 0.04
  { main: 'b', aux: 'a', score: 0.4, gain: -0.02, predicted: 1 },
  { main: 'b', aux: 'c', score: 0.1, gain: 0.02, predicted: 1 },
  { main: 'b', aux: 'd', score: 0.1, gain: 0.0, predicted: 0 },
  // main c: a and b tied first: their mean gain 0.03 against the best 0.05: regret 0.02
  { main: 'c', aux: 'a', score: 0.3, gain: 0.01, predicted: 1 },
  { main: 'c', aux: 'b', score: 0.3, gain: 0.05, predicted: 1 },
] as const;
const pairs = new PairSet(rows.map(({ main, aux }) => ({ main, aux })));
const gains = rows.map((r) => r.gain);
const labels = rows.map((r): 0 | 1 => (r.gain > 0 ? 1 : 0));
const held = { scores: rows.map((r) => r.score), predicted: rows.map((r) => r.predicted as 0 | 1) };

test('regret@1 by hand: best gain minus the first choice’s, ties averaged, beside a random choice', () => {
  const s = scoreHeldOut(pairs, { gains, labels }, held);
  assert.deepEqual(
    s.mains.map((m) => [m.main, m.top, m.best]),
    [
      ['a', ['c'], 'c'],
      ['b', ['a'], 'c'],
      ['c', ['a', 'b'], 'b'],
    ],
  );
  const regrets = s.mains.map((m) => m.regret);
  [0, 0.04, 0.02].forEach((expected, i) => {
    assert.ok(Math.abs(regrets[i] - expected) < 1e-12, `${s.mains[i].main}: ${regrets[i]}`);
  });
  assert.ok(Math.abs(s.regret - 0.02) < 1e-12);
  // random: 0.03 − 0.01, 0.02 − 0, 0.05 − 0.03
  assert.ok(Math.abs(s.randomRegret - 0.02) < 1e-12);
  // first choice gained: a yes, b no, c both tied gained
  assert.ok(Math.abs(s.topOnePrecision - 2 / 3) < 1e-12);
  assert.ok(Math.abs(s.randomTopOnePrecision - (2 / 3 + 1 / 3 + 1) / 3) < 1e-12);
});

test('Spearman overall and per main task, accuracy and the majority baseline', () => {
  const s = scoreHeldOut(pairs, { gains, labels }, held);
  assert.ok(Math.abs((s.spearman ?? NaN) - spearmanByHand([...held.scores], gains)) < 1e-12);
  const rhoA = spearmanByHand([0.2, 0.5, -0.1], [-0.01, 0.03, 0.01]);
  const rhoB = spearmanByHand([0.4, 0.1, 0.1], [-0.02, 0.02, 0]);
  assert.ok(Math.abs((s.spearmanPerMain ?? NaN) - (rhoA + rhoB) / 2) < 1e-12, 'c has two auxiliary tasks: no ρ');
  assert.equal(s.spearmanTasks, 2);
  assert.equal(s.mains[2].spearman, null);
  // predicted vs gain > 0: ✗ ✓ ✗ | ✗ ✓ ✓ | ✓ ✓ (a gain of exactly 0 is no gain)
  assert.equal(s.accuracy, 5 / 8);
  assert.equal(s.majorityAccuracy, 5 / 8);
  assert.deepEqual([s.pairs, s.mainTasks], [8, 3]);
});
