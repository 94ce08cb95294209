import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HalfSums } from '../../src/affinity/splitHalf.js';
import { spearmanByHand } from '../meta/spearmanByHand.js';

test('the mean over all measurements, and the rank correlation of the odd and even measurements’ pair scores', () => {
  const measurements = [
    [
      [9, 1, 2],
      [3, 9, 4],
      [5, 6, 9],
    ],
    [
      [9, 2, 1],
      [4, 9, 3],
      [6, 5, 9],
    ],
    [
      [9, 1, 3],
      [2, 9, 5],
      [4, 7, 9],
    ],
  ];
  const sums = new HalfSums(3);
  assert.equal(sums.reliability(), null);
  sums.add((i, j) => measurements[0][i][j]);
  assert.equal(sums.reliability(), null, 'one measurement has no second half');
  for (const m of measurements.slice(1)) sums.add((i, j) => m[i][j]);
  assert.deepEqual(sums.mean(), [
    [9, 4 / 3, 2],
    [3, 9, 4],
    [5, 6, 9],
  ]);
  // halves: measurements 0 and 2 summed, and measurement 1; off-diagonal in row order
  const odd = [1 + 1, 2 + 3, 3 + 2, 4 + 5, 5 + 4, 6 + 7];
  const even = [2, 1, 4, 3, 6, 5];
  assert.ok(Math.abs((sums.reliability() ?? NaN) - spearmanByHand(odd, even)) < 1e-12);
});
