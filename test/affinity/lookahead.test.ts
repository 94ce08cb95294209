import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { lookaheadAffinities } from '../../src/affinity/lookahead.js';
import { lookaheadOptimizer } from '../../src/affinity/lookaheadRules.js';
import { sharedParameters, sharedPart } from '../../src/affinity/sharedParameters.js';
import { selectBackend } from '../../src/engine/backend.js';
import { makeBatch } from '../../src/engine/batch.js';
import { classifierDefinition } from '../../src/engine/models/classifier.js';
import { disposeGradients } from '../../src/engine/models/model.js';
import { taggerDefinition } from '../../src/engine/models/tagger.js';
import { Optimizer } from '../../src/engine/optimizers/optimizer.js';
import { optimizers } from '../../src/engine/optimizers/optimizers.js';
import { Rng } from '../../src/shared/random.js';
import { TINY_VOCABULARY, contextTagging, majorityClassification, parityTagging } from '../engine/tinyTasks.js';
import { classifierValues, manualClassifier, steppedValues } from './manualClassifier.js';

/** Two classification tasks (the second with its labels flipped and a third, unused label) and a probe batch of each. */
function classifierSetup() {
  const a = majorityClassification('a', 3);
  const b = majorityClassification('b', 11);
  b.train.labels = b.train.labels.map((l) => Int32Array.of(1 - l[0]));
  const labels = { a: 2, b: 3 };
  const model = classifierDefinition.create(
    { type: 'classifier', hiddenDim: 5, dropout: 0 },
    { heads: Object.entries(labels).map(([name, count]) => ({ name, labels: count })), vocabularySize: TINY_VOCABULARY, rng: new Rng(8) },
  );
  const batches = { a: makeBatch(a.train, [0, 1, 2, 3, 4, 5], 'classification'), b: makeBatch(b.train, [7, 8, 9, 10], 'classification') };
  return { model, labels, batches };
}

const lookaheadCases = [
  // SGD with a large step, so that the losses move visibly: θ − η·g.
  { name: 'sgd', config: { rule: 'sgd', learningRate: 2 } as const, update: (v: number, g: number) => v - 2 * g },
  // Adam's first step from zero state: m̂ = g, v̂ = g², so θ − η·g / (|g| + ε).
  {
    name: 'optimizer (adam, first step)',
    config: { rule: 'optimizer' } as const,
    update: (v: number, g: number) => v - (0.3 * g) / (Math.abs(g) + 1e-8),
  },
];

for (const { name, config, update } of lookaheadCases) {
  test(`lookahead affinity (${name}) matches a hand computation of the classifier in double precision`, async (t) => {
    await selectBackend('wasm');
    const before = tf.memory().numTensors;
    const { model, labels, batches } = classifierSetup();
    const training = new Optimizer(optimizers.adam.create({ name: 'adam', learningRate: 0.3 }));
    const stepper = lookaheadOptimizer(training, config);
    const shared = sharedParameters(model);
    const values = classifierValues(model, labels);
    const heads = ['a', 'b'] as const;
    const probes = heads.map((head) => ({ head, batch: batches[head], before: model.loss(head, batches[head]) }));
    let largest = 0;
    for (const i of heads) {
      const gradients = model.gradients(i, batches[i], new Rng(1));
      const ours = lookaheadAffinities(model, stepper, sharedPart(gradients, shared), probes);
      disposeGradients(gradients);
      const stepped = steppedValues(values, manualClassifier(values, i, batches[i]), update);
      heads.forEach((j, k) => {
        const expected = 1 - manualClassifier(stepped, j, batches[j]).loss / manualClassifier(values, j, batches[j]).loss;
        largest = Math.max(largest, Math.abs(ours[k] - expected));
        assert.ok(Math.abs(ours[k]) > 1e-3, `the step moved ${j}'s loss (${ours[k]})`);
      });
    }
    assert.ok(largest < 1e-6, `largest difference ${largest}`);
    t.diagnostic(`largest |ours − hand| = ${largest.toExponential(2)}`);
    assert.deepEqual(classifierValues(model, labels), values, 'every parameter has its exact value back');
    model.dispose();
    assert.equal(tf.memory().numTensors, before);
  });
}

test('on the tagger, the lookahead equals taking the SGD step for real and measuring the losses', async () => {
  await selectBackend('wasm');
  const before = tf.memory().numTensors;
  const tasks = [contextTagging('c'), parityTagging('p')];
  const model = taggerDefinition.create(
    { type: 'tagger', embeddingDim: 6, hiddenDim: 5, dropout: 0.2 },
    { heads: tasks.map((t) => ({ name: t.name, labels: t.labels.length })), vocabularySize: TINY_VOCABULARY, rng: new Rng(3) },
  );
  const batches = tasks.map((t) => makeBatch(t.train, [0, 1, 2, 3, 4], 'tagging'));
  const probes = tasks.map((t, j) => ({ head: t.name, batch: batches[j], before: model.loss(t.name, batches[j]) }));
  const shared = sharedParameters(model);
  assert.deepEqual([...shared.values()].sort(), [
    'shared.embeddings',
    'shared.lstm.backward',
    'shared.lstm.bias',
    'shared.lstm.forward',
    'shared.lstm.input',
  ]);
  const sgd = lookaheadOptimizer(new Optimizer(optimizers.adam.create({ name: 'adam', learningRate: 0.01 })), {
    rule: 'sgd',
    learningRate: 0.5,
  });
  const snapshot = () => [
    ...Object.values(model.parameters().dense).map((v) => v.dataSync().slice()),
    model.parameters().tables['shared.embeddings'].values.slice(),
  ];
  const original = snapshot();
  const gradients = model.gradients('c', batches[0], new Rng(2));
  const part = sharedPart(gradients, shared);
  assert.equal(part.dense.length, 4, 'the BiLSTM, not the head');
  const ours = lookaheadAffinities(model, sgd, part, probes);
  assert.deepEqual(snapshot(), original, 'restored exactly');
  sgd.apply(part);
  const real = probes.map((p) => 1 - model.loss(p.head, p.batch) / p.before);
  disposeGradients(gradients);
  ours.forEach((z, j) => {
    assert.ok(Math.abs(z - real[j]) < 1e-6, `task ${j}: ${z} vs ${real[j]}`);
  });
  assert.ok(ours[0] > 0, 'a step on c lowers c’s own loss');
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});
