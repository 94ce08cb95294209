import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupsOf, stratifiedFolds, stratifiedSplit } from '../../src/meta/folds.js';
import { Rng } from '../../src/shared/random.js';

const labels: (0 | 1)[] = [...Array(22).fill(0), ...Array(8).fill(1)];

test('stratified folds partition the rows, balance sizes and spread the gains', () => {
  const folds = stratifiedFolds(labels, 5, new Rng(3));
  assert.deepEqual(
    folds.flat().sort((a, b) => a - b),
    labels.map((_, i) => i),
  );
  assert.deepEqual(
    folds.map((f) => f.length),
    [6, 6, 6, 6, 6],
  );
  // 8 gains over 5 folds: 1 or 2 in each.
  for (const fold of folds) assert.ok([1, 2].includes(fold.filter((i) => labels[i] === 1).length));
  assert.notDeepEqual(folds, stratifiedFolds(labels, 5, new Rng(4)));
});

test('a stratified 80 % split keeps each class on both sides', () => {
  const { train, test: held } = stratifiedSplit(labels, 0.8, new Rng(1));
  assert.equal(train.filter((i) => labels[i] === 1).length, 6);
  assert.equal(train.filter((i) => labels[i] === 0).length, 18);
  assert.equal(held.length, 6);
  const tiny = stratifiedSplit([0, 0, 1], 0.8, new Rng(1));
  assert.deepEqual(tiny.train.map((i) => [0, 0, 1][i]).sort(), [0, 1]);
  assert.equal(tiny.test.length, 1);
});

test('groups keep first-seen order', () => {
  assert.deepEqual(groupsOf(['b', 'a', 'b']), [
    { key: 'b', rows: [0, 2] },
    { key: 'a', rows: [1] },
  ]);
});
