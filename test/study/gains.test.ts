import assert from 'node:assert/strict';
import test from 'node:test';
import { degenerateRuns } from '../../src/study/degenerateRuns.js';
import { computeGains, pairedTTestPValue } from '../../src/study/gains.js';
import { fakeRun as run } from './studyTesting.js';

test('one seed: relative gain and absolute difference per directed pair, no interval', () => {
  const runs = [run('single', ['a'], 1, { a: 0.8 }), run('single', ['b'], 1, { b: 0.5 }), run('pair', ['a', 'b'], 1, { a: 0.84, b: 0.45 })];
  const { rows } = computeGains(runs, ['a', 'b']);
  const ab = rows.find((r) => r.main === 'a' && r.aux === 'b');
  const ba = rows.find((r) => r.main === 'b' && r.aux === 'a');
  assert.ok(ab && ba);
  assert.ok(Math.abs((ab.gain ?? NaN) - 0.05) < 1e-12); // 0.84 / 0.8 − 1
  assert.ok(Math.abs((ba.gain ?? NaN) + 0.1) < 1e-12); // 0.45 / 0.5 − 1
  assert.ok(Math.abs(ab.diff - 0.04) < 1e-12);
  assert.ok(Math.abs(ba.diff + 0.05) < 1e-12);
  assert.equal(ab.ciLow, null);
  assert.equal(ab.diffLow, null);
  assert.equal(ab.pValue, null);
  assert.equal(ab.flag, '');
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
  assert.ok(Math.abs((ab.gain ?? NaN) - m) < 1e-12);
  // t(0.975, 2) = 4.302652729911275 (scipy)
  assert.ok(Math.abs((ab.ciHigh ?? 0) - (m + (4.302652729911275 * sd) / Math.sqrt(3))) < 1e-9);
  // differences 0.04, 0.01, 0.02: mean 0.02333…, sd 0.015275…; scipy t.ppf(0.975, 2) as above
  const diffSd = Math.sqrt(((0.04 - 0.07 / 3) ** 2 + (0.01 - 0.07 / 3) ** 2 + (0.02 - 0.07 / 3) ** 2) / 2);
  assert.ok(Math.abs(ab.diff - 0.07 / 3) < 1e-12);
  assert.ok(Math.abs((ab.diffLow ?? 0) - (0.07 / 3 - (4.302652729911275 * diffSd) / Math.sqrt(3))) < 1e-9);
  assert.equal(ab.seeds, 3);
  assert.ok(ab.pValue !== null && ab.pValue > 0 && ab.pValue < 1);
});

test('paired t-test p-value matches scipy ttest_1samp', () => {
  assert.ok(Math.abs(pairedTTestPValue([0.02, 0.035, -0.01, 0.04, 0.015]) - 0.0855529145629671) < 1e-10);
  assert.equal(pairedTTestPValue([0.01, 0.01]), 0);
  assert.equal(pairedTTestPValue([0, 0]), 1);
});

test('a seed whose main task did not learn alone: kept, flagged, and no percentage over the near-zero baseline', () => {
  // Seed 1 of a alone scored 0 (it did not learn); seeds 2 and 3 learned. The old code dropped seed 1 silently.
  const runs = [
    run('single', ['a'], 1, { a: 0 }),
    run('single', ['a'], 2, { a: 0.61 }),
    run('single', ['a'], 3, { a: 0.6 }),
    ...[1, 2, 3].map((seed) => run('single', ['b'], seed, { b: 0.5 })),
    run('pair', ['a', 'b'], 1, { a: 0.58, b: 0.5 }),
    run('pair', ['a', 'b'], 2, { a: 0.62, b: 0.51 }),
    run('pair', ['a', 'b'], 3, { a: 0.6, b: 0.49 }),
  ];
  const { rows, unscored } = computeGains(runs, ['a', 'b']);
  const ab = rows.find((r) => r.main === 'a');
  assert.ok(ab);
  assert.equal(ab.seeds, 3, 'no seed is dropped');
  assert.equal(ab.gain, null);
  assert.equal(ab.ciLow, null);
  assert.ok(Math.abs(ab.diff - (0.58 + 0.01 + 0) / 3) < 1e-12, 'the absolute difference over all three seeds');
  assert.ok(Math.abs(ab.singleF1 - 1.21 / 3) < 1e-12);
  assert.equal(ab.flag, 'seed 1: a alone scored 0.000 (did not learn)');
  assert.match(
    unscored[0].reason,
    /a alone scored below 0\.05 \(did not learn\) in seed 1, so a relative gain is undefined; the absolute score difference is given/,
  );
  assert.deepEqual(
    degenerateRuns(runs).map((d) => [d.run, d.reason]),
    [['single--a--s1', 'near-zero']],
  );
  const ba = rows.find((r) => r.main === 'b');
  assert.ok(ba && ba.gain !== null && ba.flag === '', 'b learned alone: its gain is a percentage as before');
});

test('an outlier seed of the pair run is flagged on the pair, and stays in the mean', () => {
  const runs = [1, 2, 3, 4].flatMap((seed) => [
    run('single', ['a'], seed, { a: 0.8 }),
    run('single', ['b'], seed, { b: 0.5 }),
    run('pair', ['a', 'b'], seed, { a: seed === 4 ? 0.5 : 0.82, b: 0.5 }),
  ]);
  const ab = computeGains(runs, ['a', 'b']).rows.find((r) => r.main === 'a');
  assert.ok(ab && ab.gain !== null);
  assert.ok(Math.abs(ab.gain - (3 * (0.82 / 0.8 - 1) + (0.5 / 0.8 - 1)) / 4) < 1e-12);
  assert.equal(ab.flag, "seed 4: a with b scored 0.500 (an outlier: the seeds' median is 0.820)");
});

test('pairs without a matching single run of the same seed are left out', () => {
  const runs = [run('single', ['a'], 1, { a: 0.8 }), run('pair', ['a', 'b'], 2, { a: 0.9, b: 0.5 })];
  assert.equal(computeGains(runs, ['a', 'b']).rows.length, 0);
});
