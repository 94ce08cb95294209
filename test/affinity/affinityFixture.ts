import type { AffinityRecord } from '../../src/affinity/affinityRecord.js';

/**
 * A hand-shaped affinity record for the report fixture's tiny study (chunk, ner-conll, pos, sentiment: a mixed
 * tagging and classification study, which no single model could train, so these numbers were written by hand to
 * agree with its gains in part): lookahead[aux][main], symmetric cosines, a plausible cost.
 */
export function tinyAffinityRecord(): AffinityRecord {
  return {
    format: 'taskrel-affinity/1',
    study: 'tiny-study',
    finishedAt: '2026-01-01T00:00:00.000Z',
    versions: { taskrel: '0.1.0' },
    settings: { seed: 1, batchSize: 32, batches: 1600, every: 32, lookahead: { rule: 'sgd', learningRate: 0.001 } },
    backend: 'wasm',
    tasks: ['chunk', 'ner-conll', 'pos', 'sentiment'],
    measurements: 50,
    sharedParameters: ['shared.lstm.input', 'shared.lstm.bias', 'shared.lstm.forward', 'shared.lstm.backward', 'shared.embeddings'],
    lookahead: [
      [0.004, 0.0021, 0.0009, -0.0004],
      [0.0003, 0.005, -0.0002, 0.0001],
      [0.0018, 0.0012, 0.006, -0.0001],
      [-0.0006, -0.0009, 0.0002, 0.003],
    ],
    cosine: [
      [1, 0.21, 0.35, -0.02],
      [0.21, 1, 0.18, 0.05],
      [0.35, 0.18, 1, -0.04],
      [-0.02, 0.05, -0.04, 1],
    ],
    reliability: { lookahead: 0.62, cosine: 0.81 },
    cost: { trainingBatches: 1600, gradientPasses: 200, forwardPasses: 1000, seconds: 120, gradientSeconds: 9, lookaheadSeconds: 21 },
  };
}
