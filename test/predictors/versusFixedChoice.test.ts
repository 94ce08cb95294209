import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MainTaskScores } from '../../src/predictors/heldOutScores.js';
import { versusFixedChoice } from '../../src/predictors/versusFixedChoice.js';

const main = (name: string, regret: number): MainTaskScores => ({
  main: name,
  pairs: 3,
  spearman: null,
  top: ['x'],
  topGain: 0,
  best: 'x',
  bestGain: regret,
  regret,
  randomRegret: 0.05,
});

test('versus the fixed choice: mean regret difference, counts and the exact one-sided sign-flip p', () => {
  // Differences (predictor − fixed): a −0.02, b −0.01, c 0, d +0.01; sum −0.02, mean −0.005. Signed sums of a, b, d
  // at most −0.02: (−,−,−) −0.04, (−,−,+) −0.02, (−,+,−) −0.02; the zero's sign is free: 3 × 2 = 6 of 16.
  const predictor = [main('a', 0.03), main('b', 0.01), main('c', 0.02), main('d', 0.02)];
  const fixed = [main('d', 0.01), main('c', 0.02), main('b', 0.02), main('a', 0.05)];
  const v = versusFixedChoice(predictor, fixed, { resamples: 200, seed: 1 });
  assert.ok(Math.abs(v.meanDifference - -0.005) < 1e-15);
  assert.deepEqual([v.better, v.worse, v.same], [2, 1, 1]);
  assert.equal(v.pValue, 6 / 16);
  assert.ok(v.interval !== null && v.interval[0] <= -0.005 && v.interval[1] >= -0.005 && v.interval[0] >= -0.02 && v.interval[1] <= 0.01);
});

test('a planted advantage on 12 main tasks is significant; the same first choices everywhere give p = 1 and no difference', () => {
  const names = Array.from({ length: 12 }, (_, i) => `t${i}`);
  const fixed = names.map((n) => main(n, 0.04));
  const better = versusFixedChoice(
    names.map((n, i) => main(n, i === 0 ? 0.05 : 0.01)),
    fixed,
    { resamples: 500, seed: 3 },
  );
  // 11 differences −0.03 and one +0.01 (sum −0.32): flipping any −0.03 raises the sum by 0.06, beyond what flipping
  // the +0.01 (−0.02) takes back, so only the observed signs and the +0.01 flipped reach it: 2 of 2^12 = 4096.
  assert.equal(better.pValue, 2 / 4096);
  assert.deepEqual([better.better, better.worse, better.same], [11, 1, 0]);
  const same = versusFixedChoice(fixed, fixed, { resamples: 500, seed: 3 });
  assert.deepEqual([same.meanDifference, same.better, same.worse, same.same, same.pValue], [0, 0, 0, 12, 1]);
});

test('beyond 16 main tasks the sign-flip p is a seeded Monte Carlo estimate, and shuffled-sign differences are not significant', () => {
  const names = Array.from({ length: 30 }, (_, i) => `t${i}`);
  const fixed = names.map((n) => main(n, 0.05));
  // Differences alternate ±0.01 around zero: no advantage.
  const noise = versusFixedChoice(
    names.map((n, i) => main(n, 0.05 + (i % 2 === 0 ? 0.01 : -0.01))),
    fixed,
    { resamples: 2000, seed: 5 },
  );
  assert.ok(noise.pValue > 0.3, `p ${noise.pValue}`);
  assert.equal(
    noise.pValue,
    versusFixedChoice(
      names.map((n, i) => main(n, 0.05 + (i % 2 === 0 ? 0.01 : -0.01))),
      fixed,
      { resamples: 2000, seed: 5 },
    ).pValue,
  );
});
