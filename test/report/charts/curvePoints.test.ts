import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curvePoints, SINGLE_RUN } from '../../../src/report/charts/curvePoints.js';
import { head, run } from '../runFixtures.js';

const runs = [
  run('single', 1, {
    pos: head(
      [
        [10, 2],
        [20, 1],
      ],
      [[20, 0.5]],
    ),
  }),
  run('single', 2, {
    pos: head(
      [
        [10, 4],
        [20, 2],
      ],
      [[20, 0.75]],
    ),
  }),
  run('pair', 1, { pos: head([[10, 3]], [[20, 0.25]]), chunk: head([[10, 5]], [[20, 0.125]]) }),
];

test('single runs are labelled single-task, pair heads by the other task; seeds are averaged per step', () => {
  const points = curvePoints(runs);
  const find = (task: string, trainedWith: string, metric: string, step: number) =>
    points.find((p) => p.task === task && p.trainedWith === trainedWith && p.metric === metric && p.step === step);
  assert.deepEqual(find('pos', SINGLE_RUN, 'training loss', 10), {
    task: 'pos',
    trainedWith: 'single-task',
    metric: 'training loss',
    step: 10,
    value: 3,
    seeds: 2,
  });
  assert.equal(find('pos', SINGLE_RUN, 'training loss', 20)?.value, 1.5);
  assert.equal(find('pos', SINGLE_RUN, 'dev F1', 20)?.value, 0.625);
  assert.deepEqual(find('pos', 'chunk', 'training loss', 10), {
    task: 'pos',
    trainedWith: 'chunk',
    metric: 'training loss',
    step: 10,
    value: 3,
    seeds: 1,
  });
  assert.equal(find('chunk', 'pos', 'dev F1', 20)?.value, 0.125);
  assert.equal(points.length, 3 + 2 + 2);
});

test('non-finite values (a diverged run) are left out rather than drawn', () => {
  const points = curvePoints([
    run('single', 1, {
      pos: head(
        [
          [10, Number.NaN],
          [20, 1],
        ],
        [],
      ),
    }),
  ]);
  assert.deepEqual(
    points.map((p) => p.step),
    [20],
  );
});
