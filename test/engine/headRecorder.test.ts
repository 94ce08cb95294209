import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HeadRecorder } from '../../src/engine/headRecorder.js';

test('the curve holds the first batch loss, then the mean loss of each run of curveEvery batches of the head, at the global step', () => {
  const recorder = new HeadRecorder(2);
  [
    [1, 4],
    [3, 2],
    [4, 1],
    [7, 0.5],
    [9, 9],
  ].forEach(([step, loss]) => {
    recorder.recordLoss(step, loss);
  });
  recorder.recordDev(9, { f1: 0.1, accuracy: 0.2 }, () => ({ f1: 0.3, accuracy: 0.4 }));
  const result = recorder.result();
  assert.equal(result.batches, 5);
  assert.deepEqual(result.curve, { step: [1, 3, 7], loss: [4, 3, 0.75] });
});

test('the best checkpoint is the first step with the highest dev F1; ties keep the earlier one', () => {
  const recorder = new HeadRecorder(1);
  const devs = [0.5, 0.7, 0.7, 0.6];
  const testScored: number[] = [];
  devs.forEach((f1, i) => {
    recorder.recordDev((i + 1) * 10, { f1, accuracy: f1 }, () => {
      testScored.push((i + 1) * 10);
      return { f1: f1 - 0.05, accuracy: f1 - 0.04 };
    });
  });
  assert.deepEqual(testScored, [10, 20]);
  const result = recorder.result();
  assert.deepEqual(result.dev, { step: [10, 20, 30, 40], f1: devs, accuracy: devs });
  assert.deepEqual(result.best, { step: 20, dev: { f1: 0.7, accuracy: 0.7 }, test: { f1: 0.7 - 0.05, accuracy: 0.7 - 0.04 } });
});

test('transfer scores are taken with the test score at each new best checkpoint, and only when asked for', () => {
  const recorder = new HeadRecorder(1);
  const transferAt: number[] = [];
  [0.5, 0.4, 0.6].forEach((f1, i) => {
    recorder.recordDev(
      i + 1,
      { f1, accuracy: f1 },
      () => ({ f1, accuracy: f1 }),
      () => {
        transferAt.push(i + 1);
        return { other: { f1: f1 / 2, accuracy: f1 / 2 } };
      },
    );
  });
  assert.deepEqual(transferAt, [1, 3]);
  assert.deepEqual(recorder.result().best.transfer, { other: { f1: 0.3, accuracy: 0.3 } });
  const plain = new HeadRecorder(1);
  plain.recordDev(1, { f1: 0.5, accuracy: 0.5 }, () => ({ f1: 0.5, accuracy: 0.5 }));
  assert.equal('transfer' in plain.result().best, false);
});

test('a result without any dev evaluation is a programming error', () => {
  assert.throws(() => new HeadRecorder(1).result(), /no dev evaluation/);
});
