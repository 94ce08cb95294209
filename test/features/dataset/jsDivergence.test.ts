import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsDivergence } from '../../../src/features/dataset/jsDivergence.js';
import { tinyTask } from '../tinyTask.js';

test('Jensen–Shannon divergence of train vs test words, by hand', () => {
  // P (train, 9 tokens): The, sat, the, A, dog, dogs, bark 1/9 each, cat 2/9. Q (test, 5 tokens): the, dog, sat,
  // cats, bark 1/5 each. Words only in P (mass 5/9) and only in Q (mass 1/5) contribute ½·mass·ln 2; each of the
  // 4 shared words (p = 1/9, q = 1/5, p + q = 14/45) contributes ½[p·ln(5/7) + q·ln(9/7)].
  const expected = 0.5 * (5 / 9 + 1 / 5) * Math.LN2 + 2 * ((1 / 9) * Math.log(5 / 7) + (1 / 5) * Math.log(9 / 7));
  const task = tinyTask();
  const value = jsDivergence(task.train, task.test);
  assert.ok(value !== undefined && Math.abs(value - expected) < 1e-15, `${value} vs ${expected}`);
  // scipy.spatial.distance.jensenshannon(p, q) ** 2 on the same vectors (natural log) gives 0.28760976471918337.
  assert.ok(Math.abs(expected - 0.28760976471918337) < 1e-15);
});

test('Jensen–Shannon divergence: 0 for identical, ln 2 for disjoint, undefined for an empty split', () => {
  const a = [{ tokens: ['x', 'y', 'x'], labels: ['o', 'o', 'o'] }];
  const b = [{ tokens: ['y', 'x', 'x'], labels: ['o', 'o', 'o'] }];
  assert.equal(jsDivergence(a, b), 0);
  const disjoint = jsDivergence(a, [{ tokens: ['z'], labels: ['o'] }]);
  assert.ok(disjoint !== undefined && Math.abs(disjoint - Math.LN2) < 1e-15);
  assert.equal(jsDivergence(a, []), undefined);
});
