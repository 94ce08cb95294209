import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leaveOneMainTaskOut } from '../../src/meta/leaveOneMainTaskOut.js';
import { sklearnMatrix } from './sklearnFixture.js';

test('matches scikit-learn LeaveOneGroupOut with min-max scaling inside each fold', () => {
  // cross_val_predict(make_pipeline(MinMaxScaler(), LogisticRegression(C=1, tol=1e-10)), X, y, groups=mains,
  // cv=LeaveOneGroupOut()) → predictions [0,1,0, 1,1,0, 1,1,0, 1,0,0, 0,1,0, 0,0,1], accuracy 13/18, F1 12/17.
  // (Its closest probability to 0.5 is 0.4989, far from any solver difference.)
  const result = leaveOneMainTaskOut(sklearnMatrix(), 1);
  assert.equal(result.accuracy, 13 / 18);
  assert.equal(result.f1, 12 / 17);
  assert.deepEqual(
    result.tasks.map((t) => [t.main, t.pairs, t.correct]),
    [
      ['a', 3, 3],
      ['b', 3, 2],
      ['c', 3, 2],
      ['d', 3, 2],
      ['e', 3, 3],
      ['f', 3, 1],
    ],
  );
});

test('a held-out task whose removal leaves one class predicts that class and says so', () => {
  const matrix = { ...sklearnMatrix(), labels: sklearnMatrix().labels.map((_, i): 0 | 1 => (i < 3 ? 1 : 0)) };
  const result = leaveOneMainTaskOut(matrix, 1);
  const a = result.tasks[0];
  assert.deepEqual([a.main, a.singleClass, a.correct, a.gains], ['a', true, 0, 3]);
  assert.equal(result.tasks.filter((t) => t.singleClass).length, 1);
});

test('keeps each held-out pair’s P(gain), as an independent Newton fit in numpy gives it', () => {
  // numpy float64, per held-out group: min-max scaling on the other groups, Newton on ½‖w‖² + C·Σ log-loss
  // (intercept unpenalised, C = 1) to convergence, then σ(θ·x) of the held-out rows, rounded to 6 places.
  const expected = [
    0.313179, 0.670807, 0.446341, 0.505396, 0.599126, 0.379718, 0.7338, 0.607032, 0.464434, 0.614762, 0.493252, 0.369758, 0.361092,
    0.581664, 0.328246, 0.498948, 0.451467, 0.569711,
  ];
  const matrix = sklearnMatrix();
  const result = leaveOneMainTaskOut(matrix, 1);
  const predictions = result.tasks.flatMap((t) => t.predictions);
  assert.deepEqual(
    predictions.map((p) => p.aux),
    matrix.auxes,
  );
  predictions.forEach((p, i) => {
    assert.ok(Math.abs(p.probability - expected[i]) < 1e-6, `pair ${i}: ${p.probability} vs ${expected[i]}`);
  });
});
