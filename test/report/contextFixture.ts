import type { TaskFeatures } from '../../src/features/taskFeatures.js';
import type { ReportContext } from '../../src/report/reportContext.js';
import type { StudySpec } from '../../src/study/spec.js';
import { gainRow } from '../features/gainRowFixture.js';
import { head, run } from './runFixtures.js';

export function tinySpec(): StudySpec {
  return {
    name: 'tiny',
    description: 'two tasks <and> a test',
    tasks: ['chunk', 'pos'],
    trainSentences: {},
    model: { type: 'tagger', embeddingDim: 100, hiddenDim: 50, dropout: 0.1, wordVectors: 'glove-100d' },
    vocabulary: { scope: 'run', combine: 'union', maxSize: 20000 },
    optimizer: { name: 'adam', learningRate: 0.001 },
    sampler: { name: 'uniform' },
    batchSize: 32,
    budget: { singleBatches: 100, pairBatches: 200, pairPatience: 0 },
    evaluation: { evalEvery: 10, curveEvery: 1, devLimit: 0 },
    seeds: [1, 2],
    output: 'reports/tiny',
    analysis: { significantOnly: false, curveFeatures: 'taskrel' },
    records: { transfer: false, inputImportance: false },
  };
}

export function tinyFeatures(task: string): TaskFeatures {
  return {
    task,
    values: { sentences: 1200, labels: 17, oov_rate: 0.0312, curve_a: -0.41 },
    missing: { curve_knee: 'log fit did not converge' },
    curveFit: { status: 'partial', curves: 2, fitted: 1, rmse: [0.01], failures: ['seed 2: did not converge'], notes: [] },
  };
}

/** Two tasks, two seeds: singles and the pair run for each seed, both directed gains, features. */
export function tinyContext(): ReportContext {
  const curve = (scale: number): [number, number][] => [
    [10, 2 * scale],
    [20, 1.5 * scale],
    [30, scale],
  ];
  const dev: [number, number][] = [
    [10, 0.5],
    [30, 0.8],
  ];
  const runs = [1, 2].flatMap((seed) => [
    run('single', seed, { chunk: head(curve(1), dev, 0.8 + seed / 100) }, 60),
    run('single', seed, { pos: head(curve(1.2), dev, 0.9) }, 60),
    run('pair', seed, { chunk: head(curve(1.1), dev, 0.85), pos: head(curve(1.3), dev, 0.88) }, 125),
  ]);
  return {
    studyDir: '/nonexistent/tiny',
    spec: tinySpec(),
    tasks: [
      {
        name: 'pos',
        kind: 'tagging',
        description: 'UPOS <tags> & more',
        source: 'UD EWT',
        sizes: { train: 12543, dev: 2001, test: 2077 },
        trainTokens: 204585,
        sampledFrom: null,
        labels: 17,
      },
      {
        name: 'chunk',
        kind: 'tagging',
        description: 'chunks',
        source: 'derived',
        sizes: { train: 400, dev: 2001, test: 2077 },
        trainTokens: 6500,
        sampledFrom: 12543,
        labels: 23,
      },
    ],
    missingTasks: [],
    runs,
    gains: [
      gainRow('chunk', 'pos', 0.0375, { seeds: 2, pValue: 0.02, ciLow: 0.01, ciHigh: 0.06 }),
      gainRow('pos', 'chunk', -0.0222, { seeds: 2, pValue: 0.3, ciLow: -0.05, ciHigh: 0.01 }),
    ],
    features: [tinyFeatures('pos'), tinyFeatures('chunk')],
    pairs: null,
    meta: null,
    replay: null,
    views: null,
    downloads: ['gains.csv', 'features.csv'],
  };
}
