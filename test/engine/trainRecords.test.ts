import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { glorotUniform } from '../../src/engine/models/initializers.js';
import { Rng } from '../../src/shared/random.js';
import { train } from '../../src/engine/train.js';
import type { TrainRequest, TransferTask } from '../../src/engine/trainRequest.js';
import { TaskrelError } from '../../src/errors.js';
import type { EncodedTask } from '../../src/tasks/encodedTask.js';
import { TINY_VOCABULARY, contextTagging, majorityClassification } from './tinyTasks.js';

/** Ids TINY_VOCABULARY and up are in the vocabulary but in no example, so training never touches their rows. */
const VOCABULARY = TINY_VOCABULARY + 4;
const HIDDEN = 8;

function request(overrides: Partial<TrainRequest> = {}): TrainRequest {
  return {
    tasks: [majorityClassification('a', 3)],
    vocabularySize: VOCABULARY,
    model: { type: 'classifier', hiddenDim: HIDDEN, dropout: 0.2 },
    optimizer: { name: 'adam', learningRate: 0.01 },
    sampler: { name: 'uniform' },
    batchSize: 16,
    batches: 60,
    curveEvery: 10,
    evalEvery: 20,
    seed: 5,
    backend: 'wasm',
    ...overrides,
  };
}

const testSet = (task: EncodedTask, name = task.name): TransferTask => ({
  name,
  kind: task.kind,
  labels: task.labels,
  outside: task.outside,
  test: task.test,
});

test('transfer: each head is scored on the other same-label test sets at its best-dev checkpoint, never on its own', async () => {
  const before = tf.memory().numTensors;
  const [a, b] = [majorityClassification('a', 3), majorityClassification('b', 4)];
  const relabelled = { ...testSet(majorityClassification('c', 5)), labels: ['low', 'high'] };
  const result = await train(
    request({ tasks: [a, b], batches: 120, transferTasks: [testSet(a), testSet(b), testSet(a, 'copy-of-a'), relabelled] }),
  );
  assert.deepEqual(Object.keys(result.heads.a.best.transfer ?? {}).sort(), ['b', 'copy-of-a']);
  assert.deepEqual(Object.keys(result.heads.b.best.transfer ?? {}).sort(), ['a', 'copy-of-a']);
  // The same examples under another name score exactly as the head's own test set, at the same checkpoint.
  assert.deepEqual(result.heads.a.best.transfer?.['copy-of-a'], result.heads.a.best.test);
  assert.ok((result.heads.b.best.transfer?.a.accuracy ?? 0) > 0.7, 'a head of the same rule scores the other task well');
  const plain = await train(request({ tasks: [a, b], batches: 120 }));
  assert.equal(plain.heads.a.best.transfer, undefined);
  assert.deepEqual(plain.heads.a.best.test, result.heads.a.best.test, 'scoring more test sets does not change training');
  assert.equal(tf.memory().numTensors, before);
});

test('input importance is read from the final weights: rows no batch touched still hold their initial values', async () => {
  const before = tf.memory().numTensors;
  const result = await train(request({ inputImportance: true }));
  const importance = result.inputImportance;
  assert.ok(importance !== undefined);
  assert.equal(importance.sum.length, VOCABULARY);
  // The classifier draws its first layer first from the seed's 'init' stream (see train.ts and classifier.ts).
  const initial = glorotUniform(new Rng(5).fork('init'), VOCABULARY, HIDDEN);
  const initialRow = (w: number): number[] => Array.from(initial.subarray(w * HIDDEN, (w + 1) * HIDDEN));
  for (const w of [0, 1, TINY_VOCABULARY, VOCABULARY - 1]) {
    assert.ok(Math.abs(importance.sum[w] - initialRow(w).reduce((s, v) => s + v, 0)) < 1e-6, `row ${w} sum`);
    assert.ok(Math.abs(importance.absSum[w] - initialRow(w).reduce((s, v) => s + Math.abs(v), 0)) < 1e-6, `row ${w} |sum|`);
  }
  const trained = importance.absSum
    .slice(2, TINY_VOCABULARY)
    .filter((value, i) => Math.abs(value - initialRow(i + 2).reduce((s, v) => s + Math.abs(v), 0)) > 1e-3);
  assert.ok(trained.length > TINY_VOCABULARY / 2, `${trained.length} trained rows changed`);
  assert.ok(importance.sum.every((s, w) => Math.abs(s) <= importance.absSum[w] + 1e-9));
  assert.equal((await train(request())).inputImportance, undefined);
  assert.equal(tf.memory().numTensors, before);
});

test('records a model cannot give, or transfer sets training cannot use, are one spec error naming the field', async () => {
  const before = tf.memory().numTensors;
  const tagger: Partial<TrainRequest> = {
    tasks: [contextTagging()],
    vocabularySize: TINY_VOCABULARY,
    model: { type: 'tagger', embeddingDim: 8, hiddenDim: 8, dropout: 0 },
  };
  const cases: Array<[Partial<TrainRequest>, RegExp]> = [
    [{ ...tagger, inputImportance: true }, /inputImportance: expected a model with an input weight layer/],
    [{ transferTasks: [testSet(contextTagging())] }, /transferTasks\[0\] \(context\)\.kind: expected 'classification'/],
    [
      { transferTasks: [testSet(majorityClassification('b')), testSet(majorityClassification('b'))] },
      /transferTasks: expected distinct task names \('b'/,
    ],
    [
      {
        transferTasks: [
          { ...testSet(majorityClassification('b')), test: { tokens: [Int32Array.of(VOCABULARY)], labels: [Int32Array.of(0)] } },
        ],
      },
      /transferTasks\[0\] \(b\)\.test\[0\]\.tokens: expected token ids in \[0, 64\)/,
    ],
  ];
  for (const [overrides, message] of cases) {
    await assert.rejects(train(request(overrides)), (e: unknown) => e instanceof TaskrelError && message.test(e.message), String(message));
  }
  assert.equal(tf.memory().numTensors, before);
});
