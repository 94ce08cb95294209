import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveGradients, pointAtPercent } from '../../../src/features/curve/curveGradients.js';

test('picks the point nearest to each percentage of the last step', () => {
  const steps = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  assert.deepEqual(
    [10, 20, 30, 50, 70].map((p) => pointAtPercent(steps, p)),
    [0, 1, 2, 4, 6],
  );
  // 25 % of 100 = 25 is equally far from 20 and 30: the earlier point wins.
  assert.equal(pointAtPercent(steps, 25), 1);
});

test('central differences of neighbouring points, one-sided at the start', () => {
  const step = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const loss = step.map((s) => (s - 100) ** 2 / 1000);
  const g = curveGradients({ step, loss });
  // Point 0 (10 %): forward (loss(20) − loss(10))/10 = (6.4 − 8.1)/10. Interior points: the central difference of
  // a parabola is its exact derivative 2(s − 100)/1000.
  assert.ok(Math.abs(g[10] - (6.4 - 8.1) / 10) < 1e-12);
  assert.ok(Math.abs(g[20] - (2 * (20 - 100)) / 1000) < 1e-12);
  assert.ok(Math.abs(g[30] - (2 * (30 - 100)) / 1000) < 1e-12);
  assert.ok(Math.abs(g[50] - (2 * (50 - 100)) / 1000) < 1e-12);
  assert.ok(Math.abs(g[70] - (2 * (70 - 100)) / 1000) < 1e-12);
});

test('uneven steps use the actual step distance', () => {
  const g = curveGradients({ step: [0, 1, 3, 100], loss: [5, 4, 2, 0] });
  // 10 % of 100 = 10 is nearest to step 3 (index 2): (0 − 4)/(100 − 1).
  assert.ok(Math.abs(g[10] - -4 / 99) < 1e-15);
  assert.throws(() => curveGradients({ step: [1, 2], loss: [1, 0] }), /at least 3/);
});
