import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featuresCsv, pairsCsv, parseFeaturesCsv, parsePairsCsv } from '../../src/features/featureTables.js';
import type { PairRow } from '../../src/features/pairRow.js';
import type { TaskFeatures } from '../../src/features/taskFeatures.js';

const features: TaskFeatures[] = [
  {
    task: 'pos',
    values: { sentences: 1200, oov_rate: 3.25, curve_a: -0.61, curve_knee: 0, gradient_10: -1.5e-4 },
    missing: { js_divergence: 'the training or test split has no tokens' },
    curveFit: {
      status: 'partial',
      curves: 2,
      fitted: 1,
      rmse: [0.0125],
      failures: ['the loss is constant'],
      notes: ['1 of 2 curves: logarithmic from its first point, "k" = 0'],
    },
  },
  {
    task: 'ner',
    values: {},
    missing: { curve_a: 'no single-task run', curve_knee: 'no single-task run' },
    curveFit: { status: 'absent', curves: 0, fitted: 0, rmse: [], failures: [], notes: [] },
  },
];

test('features.csv round-trips values, reasons and fit status', () => {
  const text = featuresCsv(features, 'taskrel');
  const header = text.split('\n')[0].split(',');
  assert.equal(header.length, 1 + 14 + 7);
  assert.ok(header.includes('curve_knee') && !header.includes('curve_c'));
  assert.deepEqual(parseFeaturesCsv(text, 'features.csv'), features);
});

test("features.csv of the paper's mode has its columns, and the header says the mode", () => {
  const paper: TaskFeatures[] = [{ ...features[1], missing: { curve_b: 'no single-task run', curve_c: 'no single-task run' } }];
  const text = featuresCsv(paper, 'paper');
  const header = text.split('\n')[0].split(',');
  assert.ok(header.includes('curve_b') && header.includes('curve_c') && !header.includes('curve_a'));
  assert.deepEqual(parseFeaturesCsv(text, 'features.csv'), paper);
  // A features.csv of an earlier taskrel (curve_a and curve_c) asks for a new analysis.
  const earlier = text.replace('curve_b', 'curve_a');
  assert.throws(
    () => parseFeaturesCsv(earlier, 'features.csv'),
    /features\.csv:1: expected the log-fit features of one curve-feature mode \(curve_a and curve_knee, or curve_b and curve_c\)/,
  );
});

test('features.csv errors name the line', () => {
  const text = featuresCsv(features, 'taskrel').replace('1200', 'lots');
  assert.throws(() => parseFeaturesCsv(text, 'features.csv'), /features\.csv:2: column 'sentences': expected a number, got 'lots'/);
});

test('pairs.csv round-trips rows with absent features and null p-values', () => {
  const rows: PairRow[] = [
    { main: 'pos', aux: 'ner', features: { main_sentences: 1200, ratio_oov_rate: 0.5 }, gain: 0.0123, pValue: null, label: 1 },
    { main: 'ner', aux: 'pos', features: {}, gain: -0.004, pValue: 0.31, label: 0 },
  ];
  const text = pairsCsv(rows, 'taskrel');
  const header = text.split('\n')[0].split(',');
  assert.deepEqual(header.slice(0, 6), ['main', 'aux', 'gain', 'pValue', 'label', 'main_sentences']);
  assert.equal(header.length, 5 + 42);
  assert.deepEqual(parsePairsCsv(text, 'pairs.csv'), rows);
  assert.deepEqual(parsePairsCsv(pairsCsv(rows, 'paper'), 'pairs.csv'), rows);
  assert.equal(pairsCsv([], 'paper').split('\n').length, 2);
});
