import assert from 'node:assert/strict';
import test from 'node:test';
import { computeGains, pairedTTestPValue } from '../../src/study/gains.js';
import { fakeRun as run } from './studyTesting.js';

test('one seed: relative gain per directed pair, no interval', () => {
  const runs = [run('single', ['a'], 1, { a: 0.8 }), run('single', ['b'], 1, { b: 0.5 }), run('pair', ['a', 'b'], 1, { a: 0.84, b: 0.45 })];
  const { rows } = computeGains(runs, ['a', 'b']);
  const ab = rows.find((r) => r.main === 'a' && r.aux === 'b');
  const ba = rows.find((r) => r.main === 'b' && r.aux === 'a');
  assert.ok(ab && ba);
  assert.ok(Math.abs(ab.gain - 0.05) < 1e-12); // 0.84 / 0.8 − 1
  assert.ok(Math.abs(ba.gain + 0.1) < 1e-12); // 0.45 / 0.5 − 1
  assert.equal(ab.ciLow, null);
  assert.equal(ab.pValue, null);
});

test('several seeds: mean gain, t interval and paired test, paired by seed', () => {
  const singles = [0.8, 0.82, 0.78];
  const pairs = [0.84, 0.83, 0.8];
  const runs = [1, 2, 3].flatMap((seed, i) => [
    run('single', ['a'], seed, { a: singles[i] }),
    run('single', ['b'], seed, { b: 0.5 }),
    run('pair', ['a', 'b'], seed, { a: pairs[i], b: 0.5 }),
  ]);
  const ab = computeGains(runs, ['a', 'b']).rows.find((r) => r.main === 'a');
  assert.ok(ab);
  const relative = [0.84 / 0.8 - 1, 0.83 / 0.82 - 1, 0.8 / 0.78 - 1];
  const m = (relative[0] + relative[1] + relative[2]) / 3;
  const sd = Math.sqrt(relative.reduce((s, r) => s + (r - m) ** 2, 0) / 2);
  assert.ok(Math.abs(ab.gain - m) < 1e-12);
  // t(0.975, 2) = 4.302652729911275 (scipy)
  assert.ok(Math.abs((ab.ciHigh ?? 0) - (m + (4.302652729911275 * sd) / Math.sqrt(3))) < 1e-9);
  assert.equal(ab.seeds, 3);
  assert.ok(ab.pValue !== null && ab.pValue > 0 && ab.pValue < 1);
});

test('paired t-test p-value matches scipy ttest_1samp', () => {
  assert.ok(Math.abs(pairedTTestPValue([0.02, 0.035, -0.01, 0.04, 0.015]) - 0.0855529145629671) < 1e-10);
  assert.equal(pairedTTestPValue([0.01, 0.01]), 0);
  assert.equal(pairedTTestPValue([0, 0]), 1);
});

test('a main task with zero single-task F1 is reported unscored, not infinite', () => {
  const runs = [run('single', ['a'], 1, { a: 0 }), run('single', ['b'], 1, { b: 0.5 }), run('pair', ['a', 'b'], 1, { a: 0.1, b: 0.5 })];
  const { rows, unscored } = computeGains(runs, ['a', 'b']);
  assert.deepEqual(rows.map((r) => `${r.main}<${r.aux}`), ['b<a']);
  assert.equal(unscored[0].main, 'a');
});

test('pairs without a matching single run of the same seed are left out', () => {
  const runs = [run('single', ['a'], 1, { a: 0.8 }), run('pair', ['a', 'b'], 2, { a: 0.9, b: 0.5 })];
  assert.equal(computeGains(runs, ['a', 'b']).rows.length, 0);
});
