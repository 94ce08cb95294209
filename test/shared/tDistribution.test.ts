import assert from 'node:assert/strict';
import test from 'node:test';
import { logGamma, tCdf, tQuantile, tTwoSidedPValue } from '../../src/shared/tDistribution.js';

// Reference values from scipy.stats 1.10 (t.cdf, t.ppf), computed once on the development machine.
test('t CDF matches scipy', () => {
  assert.ok(Math.abs(tCdf(1.5, 3) - 0.8847080673775886) < 1e-12);
  assert.ok(Math.abs(tCdf(-2.0, 10) - 0.036694017385370196) < 1e-12);
  assert.ok(Math.abs(tCdf(0.3, 1) - 0.5927735790777423) < 1e-12);
  assert.equal(tCdf(0, 7), 0.5);
});

test('t quantiles match scipy', () => {
  assert.ok(Math.abs(tQuantile(0.975, 4) - 2.7764451051977987) < 1e-9);
  assert.ok(Math.abs(tQuantile(0.975, 1) - 12.706204736432095) < 1e-8);
  assert.ok(Math.abs(tQuantile(0.025, 29) + 2.0452296421327034) < 1e-9);
});

test('two-sided p-value is symmetric and bounded', () => {
  assert.equal(tTwoSidedPValue(2, 5), tTwoSidedPValue(-2, 5));
  assert.equal(tTwoSidedPValue(0, 5), 1);
});

test('log-gamma of integers is log factorial', () => {
  assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-12);
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
});
