import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { train } from '../../src/engine/train.js';
import type { TrainingResult } from '../../src/engine/trainingResult.js';
import type { EncodedTask } from '../../src/tasks/encodedTask.js';
import { encodeTask } from '../../src/tasks/encodeTask.js';
import { loadTask } from '../../src/tasks/loadTask.js';
import { buildVocabulary } from '../../src/tasks/vocabulary.js';

/**
 * Acceptance on real data (UD English EWT): the tagger learns POS tagging, and a hard-sharing model of two tasks
 * learns both. Budgets are the smallest that show the claims (600 batches per task, H = 50, ~1–2 minutes in all);
 * seeded, so the numbers below are reproducible on the wasm backend.
 */
const BATCHES = 600;
const cacheDir = mkdtempSync(join(tmpdir(), 'taskrel-engine-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

const tasks = (async () => {
  const loaded = await Promise.all(['ewt-upos', 'ewt-chunk'].map((name) => loadTask(name, { cacheDir })));
  const vocabulary = buildVocabulary(loaded, { combine: 'union', maxSize: 20000 });
  return { upos: encodeTask(loaded[0], vocabulary), chunk: encodeTask(loaded[1], vocabulary), vocabularySize: vocabulary.words.length };
})();

async function run(trained: EncodedTask[], vocabularySize: number): Promise<TrainingResult> {
  const batches = BATCHES * trained.length;
  return train({
    tasks: trained,
    vocabularySize,
    model: { type: 'tagger', embeddingDim: 100, hiddenDim: 50, dropout: 0.1 },
    optimizer: { name: 'adam', learningRate: 0.004 },
    sampler: { name: 'uniform' },
    batchSize: 32,
    batches,
    curveEvery: 50,
    evalEvery: batches / 2,
    devLimit: 500,
    seed: 1,
    backend: 'wasm',
  });
}

let singleUpos: Promise<TrainingResult> | undefined;
const trainSingleUpos = (): Promise<TrainingResult> => {
  singleUpos ??= tasks.then(({ upos, vocabularySize }) => run([upos], vocabularySize));
  return singleUpos;
};

test(`a tagger trained on ewt-upos for ${BATCHES} batches reaches ≥ 90% test accuracy`, async () => {
  await tasks;
  const before = tf.memory().numTensors;
  const { heads } = await trainSingleUpos();
  const accuracy = heads['ewt-upos'].best.test.accuracy;
  console.log(`ewt-upos test accuracy after ${BATCHES} batches: ${accuracy.toFixed(4)}`);
  assert.ok(accuracy >= 0.9, `test accuracy ${accuracy}`);
  assert.equal(tf.memory().numTensors, before);
});

test('a joint model of ewt-upos and ewt-chunk learns both, each within 3 points of its single-task score', async () => {
  const { upos, chunk, vocabularySize } = await tasks;
  const before = tf.memory().numTensors;
  const singleChunk = await run([chunk], vocabularySize);
  const joint = await run([upos, chunk], vocabularySize);
  const single = { 'ewt-upos': (await trainSingleUpos()).heads['ewt-upos'], 'ewt-chunk': singleChunk.heads['ewt-chunk'] };
  for (const [name, alone] of Object.entries(single)) {
    const together = joint.heads[name];
    console.log(
      `${name}: test F1 single ${alone.best.test.f1.toFixed(4)}, joint ${together.best.test.f1.toFixed(4)} (${together.batches} batches)`,
    );
    assert.ok(
      together.best.test.f1 >= alone.best.test.f1 - 0.03,
      `${name}: joint ${together.best.test.f1} vs single ${alone.best.test.f1}`,
    );
  }
  assert.equal(tf.memory().numTensors, before);
});
