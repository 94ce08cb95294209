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
  assert.deepEqual(result.tasks.map((t) => [t.main, t.pairs, t.correct]), [
    ['a', 3, 3], ['b', 3, 2], ['c', 3, 2], ['d', 3, 2], ['e', 3, 3], ['f', 3, 1],
  ]);
});

test('a held-out task whose removal leaves one class predicts that class and says so', () => {
  const matrix = { ...sklearnMatrix(), labels: sklearnMatrix().labels.map((_, i): 0 | 1 => (i < 3 ? 1 : 0)) };
  const result = leaveOneMainTaskOut(matrix, 1);
  const a = result.tasks[0];
  assert.deepEqual([a.main, a.singleClass, a.correct, a.gains], ['a', true, 0, 3]);
  assert.equal(result.tasks.filter((t) => t.singleClass).length, 1);
});
