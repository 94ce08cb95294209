import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapIntervals } from '../../src/predictors/bootstrap.js';
import { scoreHeldOut } from '../../src/predictors/heldOutScores.js';
import { PairSet } from '../../src/predictors/pairSet.js';
import { syntheticStudy } from './syntheticStudy.js';

test('main tasks that score alike give a point interval; resampling is over main tasks and seeded', () => {
  // Three main tasks with the same gains and scores: every resample scores the same.
  const pairs = new PairSet(['a', 'b', 'c'].flatMap((main) => ['x', 'y', 'z'].map((aux) => ({ main, aux }))));
  const truth = {
    gains: pairs.pairs.map((p) => ({ x: 0.01, y: -0.02, z: 0.03 })[p.aux] ?? 0),
    labels: pairs.pairs.map((p): 0 | 1 => (p.aux === 'y' ? 0 : 1)),
  };
  const held = { scores: pairs.pairs.map((p) => ({ x: 3, y: 1, z: 2 })[p.aux] ?? 0), predicted: pairs.pairs.map((): 0 | 1 => 1) };
  const intervals = bootstrapIntervals(pairs, truth, held, { resamples: 100, seed: 1 });
  const s = scoreHeldOut(pairs, truth, held);
  assert.deepEqual(intervals.regret, [s.regret, s.regret]);
  assert.deepEqual(intervals.accuracy, [2 / 3, 2 / 3]);
  assert.deepEqual(intervals.spearmanPerMain, [0.5, 0.5]);
});

test('intervals bracket the estimate, narrow with more main tasks, and repeat with the seed', () => {
  const width = (tasks: number): number => {
    const { pairs, truth, scores } = syntheticStudy(tasks, 7, 1);
    const held = { scores, predicted: scores.map((s): 0 | 1 => (s > 0 ? 1 : 0)) };
    const intervals = bootstrapIntervals(pairs, truth, held, { resamples: 400, seed: 2 });
    const rho = scoreHeldOut(pairs, truth, held).spearmanPerMain ?? NaN;
    const interval = intervals.spearmanPerMain;
    assert.ok(interval !== null && interval[0] <= rho && rho <= interval[1], `${tasks} tasks: ${rho} in ${interval}`);
    assert.deepEqual(bootstrapIntervals(pairs, truth, held, { resamples: 400, seed: 2 }), intervals);
    return interval[1] - interval[0];
  };
  assert.ok(width(16) < width(4));
});
