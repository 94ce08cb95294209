import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMetaReport } from '../../src/meta/buildMetaReport.js';
import { defaultMetaOptions } from '../../src/meta/metaOptions.js';
import { validateMetaReport } from '../../src/meta/validateMetaReport.js';
import { syntheticPairs, syntheticTasks } from './syntheticPairs.js';

const options = { ...defaultMetaOptions, repetitions: 10, rankingSplits: 10 };

test('a full report on 6 tasks / 30 pairs, which survives JSON and the validator', () => {
  const report = buildMetaReport(syntheticPairs(), options);
  assert.deepEqual(report.data, { pairs: 30, tasks: 6, mainTasks: 6, gains: 15, noGains: 15 });
  assert.equal(report.features.used.length, 42);
  assert.deepEqual(report.baselines, { alwaysNoGainAccuracy: 0.5, alwaysGainF1: 2 / 3, majorityAccuracy: 0.5 });
  const all = report.evaluations.all;
  assert.ok(all.status === 'ok' && all.crossValidation.status === 'ok' && all.leaveOneMainTaskOut.status === 'ok');
  assert.equal(all.crossValidation.repetitions, 10);
  assert.deepEqual(
    all.leaveOneMainTaskOut.tasks.map((t) => t.pairs),
    [5, 5, 5, 5, 5, 5],
  );
  assert.ok(report.ranking.status === 'ok' && report.ranking.ranks.length === 42);
  assert.ok(report.model.status === 'ok' && report.model.coefficients.length === 42);
  const json = JSON.parse(JSON.stringify(report));
  assert.deepEqual(validateMetaReport(json, 'meta.json'), report);
  assert.throws(() => validateMetaReport({ ...json, data: { ...json.data, pairs: 0 } }, 'meta.json'), /meta.json: data.pairs/);
});

test('constant curve features give the intercept-only answer exactly; the data features learn the rule', () => {
  const { evaluations, notes } = buildMetaReport(syntheticPairs(), options);
  const { data, curve } = evaluations;
  assert.ok(curve.status === 'ok' && curve.crossValidation.status === 'ok');
  // Each stratified training fold holds 12 gains and 12 non-gains and no usable feature: P(gain) = 0.5 exactly,
  // which predicts "no gain" (ties go to 0), so accuracy is 15/30 and F1 of "gain" 0 in every repetition.
  assert.deepEqual(curve.crossValidation.accuracy, { mean: 0.5, sd: 0 });
  assert.deepEqual(curve.crossValidation.f1, { mean: 0, sd: 0 });
  assert.ok(data.status === 'ok' && data.crossValidation.status === 'ok');
  assert.ok(data.crossValidation.accuracy.mean > 0.6, `${data.crossValidation.accuracy.mean}`);
  assert.ok(notes.some((note) => note.startsWith('constant over all pairs, so uninformative: main_gradient_10')));
});

test('missing curve features: the curve set is unavailable, the others run, the report says so', () => {
  const tasks = syntheticTasks().map((t, i) => {
    if (i !== 2) return t;
    const { curve_a: _a, curve_knee: _k, ...values } = t.values;
    return { ...t, values };
  });
  const report = buildMetaReport(syntheticPairs(tasks), options);
  // main_, aux_ and ratio_ of curve_a and curve_knee.
  assert.equal(report.features.dropped.length, 6);
  assert.ok(report.notes.some((note) => note.startsWith('6 of 42 pair features are missing')));
  assert.ok(report.notes[0].startsWith('only 30 directed pairs: too few to judge a meta-model'));
  assert.equal(report.evaluations.curve.status, 'ok');
  assert.equal(report.evaluations.data.status, 'ok');
  const noCurves = syntheticTasks().map((t) => ({ ...t, values: { sentences: t.values.sentences } }));
  const sparse = buildMetaReport(syntheticPairs(noCurves), options);
  assert.deepEqual(sparse.evaluations.curve, { status: 'unavailable', reason: 'none of the curve features is present for every pair' });
  assert.equal(sparse.features.used.length, 3);
});

test('one class only: every model result is unavailable with the reason; baselines remain', () => {
  const pairs = syntheticPairs().map((p) => ({ ...p, gain: -0.01, label: 0 as const }));
  const report = buildMetaReport(pairs, options);
  const reason = 'all 30 pairs are "no gain": there is nothing to classify';
  assert.deepEqual(report.model, { status: 'unavailable', reason });
  assert.deepEqual(report.ranking, { status: 'unavailable', reason });
  const all = report.evaluations.all;
  assert.ok(all.status === 'ok');
  assert.deepEqual(all.crossValidation, { status: 'unavailable', reason });
  assert.equal(report.baselines.alwaysNoGainAccuracy, 1);
  assert.equal(report.baselines.alwaysGainF1, null);
  assert.deepEqual(validateMetaReport(JSON.parse(JSON.stringify(report)), 'meta.json'), report);
});
