import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyMinMax, fitMinMax } from '../../src/meta/minMaxScaler.js';

test('scales with the training range only; test values may fall outside [0, 1]', () => {
  const scaler = fitMinMax([
    [0, 10, 5],
    [4, 30, 5],
    [2, 20, 5],
  ]);
  assert.deepEqual(scaler, { min: [0, 10, 5], max: [4, 30, 5] });
  assert.deepEqual(
    applyMinMax(scaler, [
      [1, 15, 5],
      [8, 0, 7],
    ]),
    [
      [0.25, 0.25, 0],
      [2, -0.5, 0],
    ],
  );
});
