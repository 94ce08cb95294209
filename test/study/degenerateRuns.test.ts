import assert from 'node:assert/strict';
import test from 'node:test';
import { degenerateRuns, describeDegenerate } from '../../src/study/degenerateRuns.js';
import { fakeRun as run } from './studyTesting.js';

const singles = (scores: number[]) => scores.map((score, i) => run('single', ['a'], i + 1, { a: score }));

test('a score below 0.05 did not learn, whatever the other seeds did', () => {
  const flagged = degenerateRuns([...singles([0.049, 0.05]), run('pair', ['a', 'b'], 1, { a: 0.7, b: 0.01 })]);
  assert.deepEqual(
    flagged.map((d) => [d.run, d.task, d.reason, d.partner]),
    [
      ['pair--a+b--s1', 'b', 'near-zero', 'a'],
      ['single--a--s1', 'a', 'near-zero', null],
    ],
  );
});

test('an outlier needs three seeds, a modified z-score above 3.5 and a gap of at least 0.05 from the median', () => {
  // median 0.80, MAD 0.01: 0.6745 · 0.2 / 0.01 = 13.5 > 3.5 and a gap of 0.2
  assert.deepEqual(
    degenerateRuns(singles([0.8, 0.81, 0.6])).map((d) => [d.seed, d.reason, d.median]),
    [[3, 'outlier', 0.8]],
  );
  assert.deepEqual(degenerateRuns(singles([0.8, 0.6])), [], 'two seeds cannot say which one is off');
  // median 0.80, MAD 0.05: 0.6745 · 0.2 / 0.05 = 2.7 ≤ 3.5
  assert.deepEqual(degenerateRuns(singles([0.8, 0.85, 0.6])), []);
  // MAD 0 (two equal scores) but a gap of 0.03 < 0.05: within what a seed changes
  assert.deepEqual(degenerateRuns(singles([0.8, 0.8, 0.77])), []);
  assert.deepEqual(
    degenerateRuns(singles([0.8, 0.8, 0.74])).map((d) => d.seed),
    [3],
  );
});

test('the description names the seed, the model, the score and why', () => {
  const [outlier] = degenerateRuns(singles([0.8, 0.81, 0.6]));
  assert.equal(describeDegenerate(outlier), "seed 3: a alone scored 0.600 (an outlier: the seeds' median is 0.800)");
});
