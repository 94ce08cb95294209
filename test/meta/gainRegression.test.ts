import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PairRow } from '../../src/features/pairRow.js';
import { checkGainRegression, conformalHalfWidth, fitGainRegression, predictGain } from '../../src/meta/gainRegression.js';

/**
 * Five tasks, 20 directed pairs with two features (ratio_sentences = main/aux size, aux_labels) and a gain that
 * grows with the aux task's size and labels plus a deterministic wiggle. The reference numbers below come from
 * numpy: ridge by np.linalg.solve on [1 | min-max scaled X] with α·I except on the intercept, and the
 * leave-one-main-task-out errors with the task removed as main and as aux (script: see the test's comments).
 */
const size: Record<string, number> = { a: 1, b: 3, c: 2, d: 5, e: 4 };
const labels: Record<string, number> = { a: 2, b: 7, c: 4, d: 3, e: 9 };

function pairs(
  gainOf = (main: string, aux: string) =>
    0.01 * (size[aux] - size[main]) + 0.002 * labels[aux] + 0.003 * Math.sin(3 * size[main] + labels[aux]),
): PairRow[] {
  const tasks = Object.keys(size);
  return tasks.flatMap((main) =>
    tasks
      .filter((aux) => aux !== main)
      .map((aux): PairRow => {
        const gain = gainOf(main, aux);
        return {
          main,
          aux,
          features: { ratio_sentences: size[main] / size[aux], aux_labels: labels[aux] },
          gain,
          pValue: null,
          label: gain > 0 ? 1 : 0,
        };
      }),
  );
}

const features = ['ratio_sentences', 'aux_labels'] as const;
const close = (actual: number, expected: number, tolerance = 1e-10): void =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} vs ${expected}`);

test('ridge on min-max scaled features with an unpenalised intercept matches numpy', () => {
  const model = fitGainRegression(pairs(), [...features]);
  assert.ok(model !== undefined);
  // numpy: theta = [0.017278147496995473, -0.045300615024534176, 0.010706790942091714]
  close(model.intercept, 0.017278147496995473);
  close(model.coefficients[0] as number, -0.045300615024534176);
  close(model.coefficients[1] as number, 0.010706790942091714);
  // numpy: prediction for ratio_sentences 0.5, aux_labels 6 = 0.020565025310585922
  close(predictGain(model, { ratio_sentences: 0.5, aux_labels: 6 }) as number, 0.020565025310585922);
  assert.equal(predictGain(model, { ratio_sentences: 0.5 }), undefined);
});

test('held-out main tasks: errors, the mean-gain baseline and the conformal half-width match numpy', () => {
  const check = checkGainRegression(pairs(), [...features]);
  assert.ok(check !== undefined);
  assert.equal(check.pairs, 20);
  assert.equal(check.tasks, 5);
  // numpy: mae 0.012186884532171632, baseline 0.02126694712994503; the 17th smallest of 20 errors 0.020618837660968607
  close(check.meanAbsoluteError, 0.012186884532171632);
  close(check.baselineMeanAbsoluteError, 0.02126694712994503);
  close(check.halfWidth as number, 0.020618837660968607);
  assert.equal(check.level, 0.8);
});

test('with the gains shuffled over the pairs, the features predict no better than the mean gain', () => {
  const planted = pairs();
  const order = [7, 13, 2, 19, 0, 11, 5, 16, 9, 3, 14, 18, 1, 8, 12, 6, 17, 4, 10, 15];
  const shuffled = planted.map((p, i) => ({ ...p, gain: (planted[order[i] as number] as PairRow).gain }));
  const real = checkGainRegression(planted, [...features]);
  const noise = checkGainRegression(shuffled, [...features]);
  assert.ok(real !== undefined && noise !== undefined);
  assert.ok(real.meanAbsoluteError < 0.6 * real.baselineMeanAbsoluteError);
  assert.ok(
    noise.meanAbsoluteError > 0.95 * noise.baselineMeanAbsoluteError,
    `${noise.meanAbsoluteError} vs ${noise.baselineMeanAbsoluteError}`,
  );
});

test('the conformal half-width is the ⌈(n + 1)·level⌉-th smallest error, undefined when that exceeds n', () => {
  assert.equal(conformalHalfWidth([0.5, 0.1, 0.4, 0.2, 0.3], 0.5), 0.3);
  assert.equal(conformalHalfWidth([0.5, 0.1, 0.4, 0.2], 0.8), 0.5);
  assert.equal(conformalHalfWidth([0.5, 0.1, 0.4, 0.2], 0.9), null);
  assert.equal(conformalHalfWidth([], 0.8), null);
  assert.equal(
    conformalHalfWidth(
      Array.from({ length: 9 }, (_, i) => i / 10),
      0.8,
    ),
    0.7,
  );
});
