import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelEntropy } from '../../../src/features/dataset/labelEntropy.js';
import { tinyTask } from '../tinyTask.js';

test('label entropy in nats over token labels: D 3, N 4, V 2 of 9', () => {
  const expected = (3 / 9) * Math.log(9 / 3) + (4 / 9) * Math.log(9 / 4) + (2 / 9) * Math.log(9 / 2);
  const value = labelEntropy(tinyTask().train);
  assert.ok(value !== undefined && Math.abs(value - expected) < 1e-15);
  assert.ok(Math.abs(expected - 1.0608569471580214) < 1e-12);
});

test('label entropy: one label is 0, two balanced labels are ln 2, no labels is undefined', () => {
  assert.equal(labelEntropy([{ tokens: ['a', 'b'], labels: ['x', 'x'] }]), 0);
  const balanced = labelEntropy([
    { tokens: ['good'], labels: ['pos'] },
    { tokens: ['bad'], labels: ['neg'] },
  ]);
  assert.ok(balanced !== undefined && Math.abs(balanced - Math.LN2) < 1e-15);
  assert.equal(labelEntropy([]), undefined);
});
