import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featuresCsv, pairsCsv, parseFeaturesCsv, parsePairsCsv } from '../../src/features/featureTables.js';
import type { PairRow } from '../../src/features/pairRow.js';
import type { TaskFeatures } from '../../src/features/taskFeatures.js';

const features: TaskFeatures[] = [
  {
    task: 'pos',
    values: { sentences: 1200, oov_rate: 3.25, curve_a: -0.61, curve_c: 0.0123, gradient_10: -1.5e-4 },
    missing: { js_divergence: 'the training or test split has no tokens' },
    curveFit: { status: 'partial', curves: 2, fitted: 1, rmse: [0.0125], failures: ['the curve is a straight line (c → 0), "a" unbounded'] },
  },
  {
    task: 'ner',
    values: {},
    missing: { curve_a: 'no single-task run', curve_c: 'no single-task run' },
    curveFit: { status: 'absent', curves: 0, fitted: 0, rmse: [], failures: [] },
  },
];

test('features.csv round-trips values, reasons and fit status', () => {
  const text = featuresCsv(features);
  assert.equal(text.split('\n')[0].split(',').length, 1 + 14 + 6);
  assert.deepEqual(parseFeaturesCsv(text, 'features.csv'), features);
});

test('features.csv errors name the line', () => {
  const text = featuresCsv(features).replace('1200', 'lots');
  assert.throws(() => parseFeaturesCsv(text, 'features.csv'), /features\.csv:2: column 'sentences': expected a number, got 'lots'/);
});

test('pairs.csv round-trips rows with absent features and null p-values', () => {
  const rows: PairRow[] = [
    { main: 'pos', aux: 'ner', features: { main_sentences: 1200, ratio_oov_rate: 0.5 }, gain: 0.0123, pValue: null, label: 1 },
    { main: 'ner', aux: 'pos', features: {}, gain: -0.004, pValue: 0.31, label: 0 },
  ];
  const text = pairsCsv(rows);
  assert.deepEqual(text.split('\n')[0].split(',').slice(0, 6), ['main', 'aux', 'gain', 'pValue', 'label', 'main_sentences']);
  assert.deepEqual(parsePairsCsv(text, 'pairs.csv'), rows);
  assert.equal(pairsCsv([]).split('\n').length, 2);
});
