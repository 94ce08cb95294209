import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curveGradients } from '../../../src/features/curve/curveGradients.js';
import { paperGradients } from '../../../src/features/curve/paperGradients.js';

const step = Array.from({ length: 20 }, (_, k) => 10 * (k + 1));
const loss = [5, 4.5, 4, 3.6, 3.3, 3.0, 2.8, 2.6, 2.5, 2.4, 2.3, 2.2, 2.15, 2.1, 2.05, 2.0, 1.98, 1.96, 1.94, 1.92];
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} vs ${expected}`);

test("the notebook's gradients: index ⌊n·p/100⌋ of the n points, central difference of its neighbours", () => {
  const g = paperGradients({ step, loss });
  assert.ok(typeof g !== 'string');
  // n = 20: i = 2, 4, 6, 10, 14.
  near(g[10], (3.6 - 4.5) / (40 - 20));
  near(g[20], (3.0 - 3.6) / (60 - 40));
  near(g[30], (2.6 - 3.0) / (80 - 60));
  near(g[50], (2.2 - 2.4) / (120 - 100));
  near(g[70], (2.0 - 2.1) / (160 - 140));
  // taskrel's own gradient at 10 % reads the point nearest step 20 (index 1), one point earlier.
  near(curveGradients({ step, loss })[10], (4 - 5) / (30 - 10));
});

test('positions are shares of the points, not of the steps; differences use the actual steps', () => {
  const uneven = { step: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100], loss: [10, 9, 8, 7, 6, 5, 4, 3, 2, 0] };
  const g = paperGradients(uneven);
  assert.ok(typeof g !== 'string');
  // n = 10: i = 1, 2, 3, 5, 7; at 70 % the neighbours are steps 7 and 9.
  near(g[10], (8 - 10) / (3 - 1));
  near(g[70], (2 - 4) / (9 - 7));
  // n = 201 (a taskrel run of 2,000 batches, a point every 10): ⌊201·70/100⌋ = 140.
  const long = {
    step: Array.from({ length: 201 }, (_, k) => k),
    loss: Array.from({ length: 201 }, (_, k) => (k === 139 ? 1 : k === 141 ? 3 : 0)),
  };
  near((paperGradients(long) as Record<70, number>)[70], (3 - 1) / 2);
});

test('fewer than ten points or a broken curve: the reason instead of a number', () => {
  assert.match(paperGradients({ step: step.slice(0, 9), loss: loss.slice(0, 9) }) as string, /9 curve points, at least 10 needed/);
  assert.match(paperGradients({ step: [...step].reverse(), loss }) as string, /steps not increasing/);
});
