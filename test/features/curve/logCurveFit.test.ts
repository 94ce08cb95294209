import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_POINT, fitLogCurve, KNEE_LIMIT, STRAIGHT } from '../../../src/features/curve/logCurveFit.js';

const steps = Array.from({ length: 100 }, (_, k) => 10 * (k + 1));
const knee = (a: number, b: number, k: number) => steps.map((x) => a * Math.log(x + k) + b);
const near = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} vs ${expected}`);

test('recovers known a, b and knee of an exact curve', () => {
  for (const [a, b, k] of [
    [-0.6, 3, 50],
    [-1.5, 2.2, 1400],
    [-0.05, 0.4, 0.3],
  ]) {
    const fit = fitLogCurve({ step: steps, loss: knee(a, b, k) });
    assert.ok(fit.ok, JSON.stringify(fit));
    near(fit.a, a, 1e-6);
    near(fit.b, b, 1e-6);
    near(fit.knee, k, 1e-6);
    assert.equal(fit.boundary, undefined);
    assert.ok(fit.rmse < 1e-9 && fit.r2 > 1 - 1e-12);
  }
});

test('matches scipy curve_fit on a noisy curve', () => {
  const loss = steps.map((x, k) => -0.6 * Math.log1p(0.02 * x) + 3 + 0.03 * Math.sin(1.7 * k + 0.3));
  const fit = fitLogCurve({ step: steps, loss });
  assert.ok(fit.ok);
  // scipy 1.10 curve_fit(lambda x, a, b, k: a*np.log(x + k) + b, steps, loss, p0=[-1, 2, 10], xtol=ftol=gtol=1e-15)
  // gives a = -0.5985622090, b = 5.3364721328, k = 48.92195968, rmse 0.0211606272 (from p0 = [-0.5, 5, 100]:
  // k = 48.92195987). The same curve as a·ln(c·x + 1) + b had c = 0.0204407 = 1/k.
  near(fit.a, -0.598562209, 1e-8);
  near(fit.b, 5.3364721328, 1e-8);
  near(fit.knee, 48.92195968, 1e-7);
  near(fit.rmse, 0.02116062717117848, 1e-9);
});

test('a curve logarithmic from before its first point gets the knee 0 and the slope of a·ln(x) + b', () => {
  // Its best knee is about −5 (a log shifted right), outside k ≥ 0. numpy's least squares of the loss on
  // [ln(x), 1] (the fit at k = 0) gives a = -0.3182094362, b = 2.1168974532.
  const loss = steps.map((x, k) => -0.3 * Math.log(x - 5) + 2 + 0.01 * Math.sin(0.9 * k));
  const fit = fitLogCurve({ step: steps, loss });
  assert.ok(fit.ok);
  assert.equal(fit.knee, 0);
  assert.equal(fit.boundary, FIRST_POINT);
  near(fit.a, -0.3182094362, 1e-9);
  near(fit.b, 2.1168974532, 1e-9);
});

test('a straight curve keeps its knee at the limit, and a curve from step 0 a knee above 0', () => {
  const straight = fitLogCurve({ step: steps, loss: steps.map((x) => 2 - 0.001 * x) });
  assert.ok(straight.ok);
  assert.equal(straight.knee, KNEE_LIMIT * 1000);
  assert.equal(straight.boundary, STRAIGHT);
  // Near-linear: a·ln(x + k) has slope a/(x + k) ≈ −0.001 over the curve.
  near(straight.a / (straight.knee + 500), -0.001, 0.01);
  const fromZero = fitLogCurve({ step: [0, ...steps], loss: [3, ...knee(-0.3, 2, 0)] });
  assert.ok(fromZero.ok);
  assert.ok(fromZero.knee > 0 && fromZero.knee < 10, `${fromZero.knee}`);
});

test('reports failures with a reason instead of returning zeros', () => {
  const reason = (loss: number[], step = steps) => {
    const fit = fitLogCurve({ step, loss });
    assert.equal(fit.ok, false);
    return fit.ok ? '' : fit.reason;
  };
  assert.match(reason(steps.map(() => 1.5)), /constant/);
  assert.match(reason([3, 2, 1], [1, 2, 3]), /at least 4/);
  assert.match(reason([3, 2, 1.5, 1], [1, 3, 2, 4]), /not increasing/);
  assert.match(reason([3, 2, NaN, 1], [1, 2, 3, 4]), /non-finite/);
});
