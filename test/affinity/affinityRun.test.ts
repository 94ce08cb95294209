import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { type AffinityMeasurement, type AffinityRequest, measureAffinity } from '../../src/affinity/affinityRun.js';
import type { AffinityState } from '../../src/affinity/affinityState.js';
import { train } from '../../src/engine/train.js';
import { StateMismatchError } from '../../src/engine/trainingState.js';
import { TINY_VOCABULARY, contextTagging, parityTagging } from '../engine/tinyTasks.js';

const request: AffinityRequest = {
  tasks: [contextTagging('c'), parityTagging('p'), contextTagging('c2', 5)],
  vocabularySize: TINY_VOCABULARY,
  model: { type: 'tagger', embeddingDim: 8, hiddenDim: 6, dropout: 0.1 },
  optimizer: { name: 'adam', learningRate: 0.01 },
  sampler: { name: 'uniform' },
  batchSize: 8,
  batches: 30,
  seed: 4,
  backend: 'wasm',
  every: 7,
  lookahead: { rule: 'sgd', learningRate: 0.01 },
};

test('measuring affinities leaves training exactly as train() runs it, and counts what it cost', async () => {
  const before = tf.memory().numTensors;
  const trained: number[] = [];
  await train({
    ...request,
    resume: undefined,
    checkpoint: undefined,
    curveEvery: 5,
    evalEvery: 30,
    onProgress: (p) => trained.push(p.loss),
  });
  const measured: number[] = [];
  const result = await measureAffinity({ ...request, onProgress: (p) => measured.push(p.loss) });
  assert.deepEqual(measured, trained, 'the same training losses step by step');
  assert.equal(result.measurements, 4);
  assert.deepEqual(result.tasks, ['c', 'p', 'c2']);
  assert.deepEqual(result.cost.gradientPasses, 4 * 3);
  assert.deepEqual(result.cost.forwardPasses, 4 * (3 + 9));
  assert.equal(result.cost.trainingBatches, 30);
  assert.ok(result.reliability.lookahead !== null && Math.abs(result.reliability.lookahead) <= 1);
  const { gradientSeconds, lookaheadSeconds, seconds } = result.cost;
  assert.ok(gradientSeconds > 0 && lookaheadSeconds > 0 && gradientSeconds + lookaheadSeconds < seconds);
  for (const matrix of [result.lookahead, result.cosine]) {
    assert.equal(matrix.length, 3);
    matrix.forEach((row) => {
      row.forEach((v) => {
        assert.ok(Number.isFinite(v));
      });
    });
  }
  result.cosine.forEach((row, i) => {
    assert.ok(Math.abs(row[i] - 1) < 1e-6, 'a gradient’s cosine with itself');
  });
  result.cosine.forEach((row, i) => {
    row.forEach((v, j) => {
      assert.ok(Math.abs(v - result.cosine[j][i]) < 1e-9, 'symmetric');
    });
  });
  result.lookahead.forEach((row, i) => {
    assert.ok(row[i] > 0, 'a step on a task lowers its own loss');
  });
  const again = await measureAffinity(request);
  assert.deepEqual([again.lookahead, again.cosine], [result.lookahead, result.cosine], 'the seed fixes the result');
  assert.equal(tf.memory().numTensors, before);
});

test('an affinity run resumed from its state ends exactly as the uninterrupted run', async () => {
  const before = tf.memory().numTensors;
  const untimed = ({ cost: { seconds: _s, gradientSeconds: _g, lookaheadSeconds: _l, ...cost }, ...rest }: AffinityMeasurement) => ({
    ...rest,
    cost,
  });
  const plain = await measureAffinity({ ...request, lookahead: { rule: 'optimizer' } });
  const states: AffinityState[] = [];
  // Step 7 is a measurement's own step; 12 lies between two.
  const offered = await measureAffinity({
    ...request,
    lookahead: { rule: 'optimizer' },
    checkpoint: { due: (step) => step === 7 || step === 12, save: (state) => void states.push(structuredClone(state)) },
  });
  assert.deepEqual(untimed(offered), untimed(plain));
  assert.deepEqual(
    states.map((s) => [s.step, s.measurements]),
    [
      [7, 1],
      [12, 1],
    ],
  );
  for (const state of states) {
    const resumed = await measureAffinity({ ...request, lookahead: { rule: 'optimizer' }, resume: state });
    assert.deepEqual(untimed(resumed), untimed(plain), `resumed after step ${state.step}`);
  }
  await assert.rejects(measureAffinity({ ...request, batches: 12, resume: states[1] }), StateMismatchError);
  assert.equal(tf.memory().numTensors, before);
});
