import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairFeatureNames, pairFeatureNames, taskFeatureOf, validatePairRow } from '../../src/features/pairRow.js';
import { gainLabel, pairRows } from '../../src/features/pairRows.js';
import type { TaskFeatures } from '../../src/features/taskFeatures.js';
import type { GainRow } from '../../src/study/gainRow.js';
import { gainRow as fixtureRow } from './gainRowFixture.js';

const features = (task: string, values: TaskFeatures['values']): TaskFeatures => ({
  task,
  values,
  missing: {},
  curveFit: { status: 'absent', curves: 0, fitted: 0, rmse: [], failures: [], notes: [] },
});
/** With a p-value, the pair was measured over three seeds. */
const gainRow = (main: string, aux: string, gain: number, pValue: number | null = null) =>
  fixtureRow(main, aux, gain, { pValue, seeds: pValue === null ? 1 : 3 });

test('42 pair features per curve-feature mode: main_, aux_, ratio_ for each of its 14 task features', () => {
  assert.equal(PairFeatureNames.length, 48);
  for (const mode of ['taskrel', 'paper'] as const) {
    const names = pairFeatureNames(mode);
    assert.equal(names.length, 42);
    assert.equal(new Set(names).size, 42);
    assert.equal(names[0], 'main_sentences');
    assert.equal(names[14], 'aux_sentences');
  }
  assert.equal(pairFeatureNames('taskrel')[41], 'ratio_curve_knee');
  assert.equal(pairFeatureNames('paper')[41], 'ratio_curve_c');
  assert.equal(taskFeatureOf('ratio_oov_rate'), 'oov_rate');
});

test('pair rows take main, aux and their ratio; a zero or missing aux value leaves the ratio absent', () => {
  const tasks = [features('pos', { sentences: 100, oov_rate: 4, curve_a: -0.5 }), features('ner', { sentences: 50, oov_rate: 0 })];
  const [posNer, nerPos] = pairRows(tasks, [gainRow('pos', 'ner', 0.02), gainRow('ner', 'pos', -0.01)], {
    significantOnly: false,
  });
  assert.deepEqual(posNer.features, {
    main_sentences: 100,
    aux_sentences: 50,
    ratio_sentences: 2,
    main_oov_rate: 4,
    aux_oov_rate: 0,
    main_curve_a: -0.5,
  });
  assert.equal(posNer.label, 1);
  assert.equal(nerPos.features.ratio_oov_rate, 0);
  assert.equal(nerPos.features.ratio_sentences, 0.5);
  assert.equal(nerPos.label, 0);
});

test('a pair without a relative gain (main did not learn alone) has no row: the meta-model is told by a note', () => {
  const tasks = [features('pos', { sentences: 100 }), features('ner', { sentences: 50 })];
  const undefinedGain: GainRow = { ...gainRow('pos', 'ner', 0), gain: null, singleF1: 0.01, pairF1: 0.4, diff: 0.39 };
  const rows = pairRows(tasks, [undefinedGain, gainRow('ner', 'pos', 0.01)], { significantOnly: false });
  assert.deepEqual(
    rows.map((r) => `${r.main}<${r.aux}`),
    ['ner<pos'],
  );
});

test('labels: gain > 0, or with significantOnly also p < 0.05', () => {
  assert.equal(gainLabel(gainRow('a', 'b', 0), { significantOnly: false }), 0);
  assert.equal(gainLabel(gainRow('a', 'b', 0.01, 0.2), { significantOnly: false }), 1);
  assert.equal(gainLabel(gainRow('a', 'b', 0.01, 0.2), { significantOnly: true }), 0);
  assert.equal(gainLabel(gainRow('a', 'b', 0.01, 0.01), { significantOnly: true }), 1);
  assert.equal(gainLabel(gainRow('a', 'b', -0.01, 0.01), { significantOnly: true }), 0);
  assert.throws(() => gainLabel(gainRow('a', 'b', 0.01), { significantOnly: true }), /needs a p-value, but pair a\/b has 1 seed/);
});

test('validatePairRow accepts a row and names the bad field', () => {
  const row = { main: 'a', aux: 'b', features: { main_sentences: 3 }, gain: 0.1, pValue: null, label: 1 };
  assert.deepEqual(validatePairRow(row, 'pairs'), row);
  assert.throws(() => validatePairRow({ ...row, features: { main_size: 3 } }, 'pairs'), /features.main_size: unknown field/);
  assert.throws(() => validatePairRow({ ...row, label: 2 }, 'pairs'), /pairs: label: expected an integer ≥ 0 ≤ 1/);
});
