import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { train } from '../../src/engine/train.js';
import type { TrainProgress, TrainRequest } from '../../src/engine/trainRequest.js';
import type { TrainingResult } from '../../src/engine/trainingResult.js';
import { TaskrelError } from '../../src/errors.js';
import { contextTagging, majorityClassification, parityTagging, tinyRequest } from './tinyTasks.js';

/** tinyRequest at a size where the tagger learns its tasks well. */
function request(overrides: Partial<TrainRequest> = {}): TrainRequest {
  return tinyRequest({
    model: { type: 'tagger', embeddingDim: 16, hiddenDim: 16, dropout: 0.1 },
    batchSize: 16,
    batches: 240,
    curveEvery: 10,
    evalEvery: 80,
    ...overrides,
  });
}

const withoutTime = ({ seconds: _, ...rest }: TrainingResult) => rest;

test('a single-task tagger learns a task that needs both directions; its record is complete', async () => {
  const before = tf.memory().numTensors;
  const progress: TrainProgress[] = [];
  const result = await train(request({ onProgress: (p) => progress.push(p) }));
  const head = result.heads.context;
  assert.equal(result.backend, 'wasm');
  assert.equal(result.batches, 240);
  assert.equal(head.batches, 240);
  assert.deepEqual(head.curve.step, [1, ...Array.from({ length: 24 }, (_, i) => 10 * (i + 1))]);
  assert.ok(head.curve.loss[24] < head.curve.loss[1] / 5, `loss ${head.curve.loss[1]} → ${head.curve.loss[24]}`);
  assert.deepEqual(head.dev.step, [80, 160, 240]);
  assert.ok(head.dev.step.includes(head.best.step));
  assert.equal(head.best.dev?.f1, Math.max(...head.dev.f1));
  assert.ok(head.best.test.f1 > 0.9, `test F1 ${head.best.test.f1}`);
  assert.deepEqual(
    progress.map((p) => p.step),
    Array.from({ length: 240 }, (_, i) => i + 1),
  );
  assert.ok(progress.every((p) => p.task === 'context' && p.batches === 240));
  assert.equal(tf.memory().numTensors, before);
});

test('the same seed gives the same run; another seed another', async () => {
  const short = { batches: 30, evalEvery: 15, curveEvery: 5 };
  const [a, b, c] = await Promise.all([request({ ...short }), request({ ...short }), request({ ...short, seed: 2 })].map(train));
  assert.deepEqual(withoutTime(a), withoutTime(b));
  assert.notDeepEqual(a.heads.context.curve.loss, c.heads.context.curve.loss);
});

test('a joint model draws both tasks uniformly and learns both', async () => {
  const before = tf.memory().numTensors;
  const result = await train(request({ tasks: [contextTagging(), parityTagging()], batches: 400, evalEvery: 200 }));
  const { context, parity } = result.heads;
  assert.equal(context.batches + parity.batches, 400);
  assert.ok(Math.abs(context.batches - 200) < 40, `${context.batches} context batches`);
  assert.ok(context.best.test.f1 > 0.85, `context F1 ${context.best.test.f1}`);
  assert.ok(parity.best.test.accuracy > 0.95 && parity.best.test.f1 === parity.best.test.accuracy);
  assert.equal(tf.memory().numTensors, before);
});

test('the bag-of-words classifier learns a text classification task; Adadelta trains too', async () => {
  const before = tf.memory().numTensors;
  const result = await train(
    request({ tasks: [majorityClassification()], model: { type: 'classifier', hiddenDim: 16, dropout: 0 }, batches: 150, evalEvery: 50 }),
  );
  assert.ok(result.heads.majority.best.test.accuracy > 0.85, `accuracy ${result.heads.majority.best.test.accuracy}`);
  const adadelta = await train(request({ optimizer: { name: 'adadelta', learningRate: 1 }, batches: 100, evalEvery: 100 }));
  const { loss } = adadelta.heads.context.curve;
  assert.ok(loss[loss.length - 1] < loss[0] * 0.8, `Adadelta loss ${loss[0]} → ${loss[loss.length - 1]}`);
  assert.equal(tf.memory().numTensors, before);
});

test('with patience, a run ends once no head improved on dev for that many evaluations, and says where', async () => {
  const full = await train(request({ batches: 400, evalEvery: 20, patience: 0 }));
  const early = await train(request({ batches: 400, evalEvery: 20, patience: 2 }));
  const head = early.heads.context;
  assert.ok(early.earlyStop !== undefined && early.earlyStop.step < 400, `stopped at ${early.earlyStop?.step}`);
  assert.deepEqual(early.earlyStop, { step: early.batches, patience: 2 });
  const afterBest = head.dev.step.filter((step) => step > head.best.step);
  assert.equal(afterBest.length, 2, 'exactly `patience` evaluations after the best one');
  assert.equal(head.batches, early.batches);
  assert.equal(full.earlyStop, undefined);
  assert.equal(full.batches, 400);
  assert.deepEqual(head.dev.f1, full.heads.context.dev.f1.slice(0, head.dev.f1.length), 'the same training up to the stop');
  assert.equal(head.best.dev?.f1, Math.max(...head.dev.f1));
});

test('a request training cannot use is one spec error naming the field', async () => {
  const before = tf.memory().numTensors;
  const cases: Array<[Partial<TrainRequest>, RegExp]> = [
    [{ tasks: [majorityClassification()] }, /tasks\[0\] \(majority\)\.kind: expected 'tagging' for this model type, got 'classification'/],
    [{ tasks: [contextTagging(), contextTagging()] }, /tasks: expected distinct task names \('context'/],
    [{ vocabularySize: 10 }, /tasks\[0\] \(context\)\.train\[\d+\]\.tokens: expected token ids in \[0, 10\)/],
    [{ batches: 0 }, /batches: expected a whole number ≥ 1, got 0/],
    [{ patience: 1.5 }, /patience: expected a whole number ≥ 0, got 1\.5/],
    [{ initialEmbeddings: new Float32Array(5) }, /initialEmbeddings: expected 60 × 16 values/],
    [{ model: { type: 'tagger', embeddingDim: 16, hiddenDim: 16, dropout: 1 } }, /model\.dropout: expected a rate in \[0, 1\)/],
    [{ sampler: { name: 'temperature' } }, /sampler\.temperature: expected a positive number/],
    [{ optimizer: { name: 'toString' as 'adam', learningRate: 1 } }, /optimizer\.name: expected one of adam, adadelta/],
  ];
  for (const [overrides, message] of cases) {
    await assert.rejects(train(request(overrides)), (e: unknown) => e instanceof TaskrelError && message.test(e.message), String(message));
  }
  assert.equal(tf.memory().numTensors, before);
});
