import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EDGE_NOTE, fitPaperLogCurve, paperFitWindow } from '../../../src/features/curve/paperLogFit.js';

/** A curve of n points, one every `spacing` steps from `spacing` on, loss f(step, index). */
function curve(n: number, spacing: number, f: (s: number, k: number) => number) {
  const step = Array.from({ length: n }, (_, k) => spacing * (k + 1));
  return { step, loss: step.map((s, k) => f(s, k)) };
}
const near = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} vs ${expected}`);

/*
 * Reference values: scipy 1.10, on the same curves built with numpy (k = arange(n), s = spacing·(k + 1)), fitted to
 * xs = s[:5000:10], ys = L[:5000:10] by curve_fit(lambda x, a, b, c, d: a + b*np.log(c*x + d), xs, ys,
 * p0=[1, 1, 1, 1]) — the notebook's call. With xtol = ftol = gtol = 1e-15 b agrees to 1e-8; c and d differ
 * between optimisers (only c/d, the knee, is identified), so only b and d/c are compared.
 */
const references = [
  {
    name: '60 points, 6 fitted',
    curve: curve(60, 10, (s, k) => 2.6 - 0.35 * Math.log(s + 40) + 0.02 * Math.sin(1.3 * k + 0.5)),
    b: -0.3617603361,
    knee: 45.098034,
  },
  {
    name: '300 points, 30 fitted',
    curve: curve(300, 5, (s, k) => 3 - 0.5 * Math.log(0.01 * s + 1) + 0.03 * Math.sin(1.7 * k + 0.3)),
    b: -0.5013641641,
    knee: 101.04322,
  },
  {
    name: '120 points, 12 fitted',
    curve: curve(120, 10, (s, k) => 0.3 + 2 / (1 + s / 150) + 0.01 * Math.cos(0.7 * k)),
    b: -0.3913195876,
    knee: 4.4952064,
  },
];

test("b matches scipy's curve_fit from a = b = c = d = 1", () => {
  for (const { name, curve: c, b, knee } of references) {
    const fit = fitPaperLogCurve(c);
    assert.ok(fit.ok, `${name}: ${JSON.stringify(fit)}`);
    near(fit.b, b, 1e-6);
    near(fit.d / fit.c, knee, 1e-5);
    assert.equal(fit.edge, undefined);
  }
});

test('the window is every 10th of the first 5,000 points', () => {
  const long = curve(6000, 1, (s) => s);
  const window = paperFitWindow(long);
  assert.equal(window.step.length, 500);
  assert.deepEqual(window.step.slice(0, 3), [1, 11, 21]);
  assert.equal(window.step.at(-1), 4991);
});

test("a curve whose fit runs into ln's singularity at the first point is flagged", () => {
  // Loss 3 at the first point, then a log curve from far lower: the least-squares optimum puts c·x + d → 0 at
  // step 1 (scipy's curve_fit does not converge on it within its default budget).
  const fit = fitPaperLogCurve(curve(200, 10, (s, k) => (k === 0 ? 6 : 2 - 0.2 * Math.log(s) + 0.01 * Math.sin(k))));
  assert.ok(fit.ok, JSON.stringify(fit));
  assert.equal(fit.edge, EDGE_NOTE);
});

test('too few points or a constant loss: the reason', () => {
  const short = fitPaperLogCurve(curve(30, 10, (s) => 1 / s));
  assert.ok(!short.ok && /3 points in the fitting window .* at least 4 needed: a curve of 31 points or more/.test(short.reason));
  const flat = fitPaperLogCurve(curve(60, 10, () => 2));
  assert.ok(!flat.ok && flat.reason === 'the loss is constant');
});
