import type { TrainRequest } from '../../src/engine/trainRequest.js';
import type { EncodedSplit, EncodedTask } from '../../src/tasks/encodedTask.js';
import { Rng } from '../../src/shared/random.js';

export const TINY_VOCABULARY = 60;

function split(rng: Rng, count: number, label: (tokens: Int32Array) => Int32Array): EncodedSplit {
  const tokens = Array.from({ length: count }, () => Int32Array.from({ length: 2 + rng.int(9) }, () => 2 + rng.int(TINY_VOCABULARY - 2)));
  return { tokens, labels: tokens.map(label) };
}

/**
 * A tagging task that needs context in both directions: a token is tagged 1 + (token mod 3) when its left
 * neighbour is even and its right neighbour exists, else 0 (the outside label).
 */
export function contextTagging(name = 'context', seed = 1, sizes = { train: 400, dev: 60, test: 60 }): EncodedTask {
  const rng = new Rng(seed);
  const label = (t: Int32Array): Int32Array =>
    Int32Array.from(t, (w, j) => (j > 0 && j < t.length - 1 && t[j - 1] % 2 === 0 ? 1 + (w % 3) : 0));
  return {
    name,
    kind: 'tagging',
    labels: ['O', 'A', 'B', 'C'],
    outside: 0,
    train: split(rng, sizes.train, label),
    dev: split(rng, sizes.dev, label),
    test: split(rng, sizes.test, label),
  };
}

/** A tagging task without an outside label: each token's tag is its id mod 2. */
export function parityTagging(name = 'parity', seed = 2): EncodedTask {
  const rng = new Rng(seed);
  const label = (t: Int32Array): Int32Array => Int32Array.from(t, (w) => w % 2);
  return {
    name,
    kind: 'tagging',
    labels: ['even', 'odd'],
    outside: -1,
    train: split(rng, 300, label),
    dev: split(rng, 50, label),
    test: split(rng, 50, label),
  };
}

/** A text classification task: label 1 when the text has more tokens below the vocabulary's middle than above. */
export function majorityClassification(name = 'majority', seed = 3): EncodedTask {
  const rng = new Rng(seed);
  const label = (t: Int32Array): Int32Array => {
    let low = 0;
    for (const w of t) low += w < TINY_VOCABULARY / 2 ? 1 : -1;
    return Int32Array.of(low > 0 ? 1 : 0);
  };
  return {
    name,
    kind: 'classification',
    labels: ['high', 'low'],
    outside: -1,
    train: split(rng, 400, label),
    dev: split(rng, 60, label),
    test: split(rng, 60, label),
  };
}

/** A small training request on the wasm backend (a tiny tagger on contextTagging), with `overrides`. */
export function tinyRequest(overrides: Partial<TrainRequest> = {}): TrainRequest {
  return {
    tasks: [contextTagging()],
    vocabularySize: TINY_VOCABULARY,
    model: { type: 'tagger', embeddingDim: 8, hiddenDim: 6, dropout: 0.1 },
    optimizer: { name: 'adam', learningRate: 0.01 },
    sampler: { name: 'uniform' },
    batchSize: 8,
    batches: 40,
    curveEvery: 5,
    evalEvery: 10,
    seed: 1,
    backend: 'wasm',
    ...overrides,
  };
}
