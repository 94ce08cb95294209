import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentSplit, stratifiedSplit } from '../../src/tasks/splitting.js';

const items = Array.from({ length: 1000 }, (_, index) => ({ index, label: index % 2 === 0 ? 'negative' : 'positive' }));

test('stratified 80/10/10 per class, each split in original order', () => {
  const { train, dev, test: held } = stratifiedSplit(items, (item) => item.label);
  assert.deepEqual([train.length, dev.length, held.length], [800, 100, 100]);
  for (const split of [train, dev, held]) {
    assert.equal(split.filter((item) => item.label === 'positive').length, split.length / 2);
    assert.ok(split.every((item, i) => i === 0 || (split[i - 1] as { index: number }).index < item.index));
  }
  assert.equal(new Set([...train, ...dev, ...held].map((item) => item.index)).size, 1000);
});

test('the split is deterministic and depends on the seed', () => {
  const ids = (seed?: number): number[] => stratifiedSplit(items, (item) => item.label, seed).dev.map((item) => item.index);
  assert.deepEqual(ids(), ids());
  assert.notDeepEqual(ids(), ids(7));
});

test('documents: every 9th of 10 to dev, every 10th to test', () => {
  const documents = Array.from({ length: 20 }, (_, index) => [index]);
  const { train, dev, test: held } = documentSplit(documents);
  assert.deepEqual(dev, [8, 18]);
  assert.deepEqual(held, [9, 19]);
  assert.deepEqual(train, [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17]);
});
