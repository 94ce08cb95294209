import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgreementComparison, AgreementRow } from '../../../src/features/modelViews/rankAgreements.js';
import { agreementMeans, sharedLayerSummary } from '../../../src/features/modelViews/viewsSummary.js';

const row = (comparison: AgreementComparison, rho: number | null): AgreementRow => ({
  a: 'x',
  b: 'y',
  comparison,
  variant: 'absSum',
  rho,
  min: rho,
  max: rho,
  comparisons: rho === null ? 0 : 1,
  words: 10,
});

test('agreement means: by kind of comparison, rows without a ρ left out, null when none has one', () => {
  const agreements = [
    row('same model', 0.9),
    row('same model', 0.5),
    row('alone vs alone', 0.2),
    row('alone vs alone', null),
    row('alone vs joint', null),
  ];
  assert.deepEqual(agreementMeans([{ variant: 'absSum', models: [], agreements }]), [
    { variant: 'absSum', comparison: 'same model', rho: 0.7, pairs: 2 },
    { variant: 'absSum', comparison: 'alone vs alone', rho: 0.2, pairs: 1 },
    { variant: 'absSum', comparison: 'alone vs joint', rho: null, pairs: 0 },
  ]);
});

test('shared-layer summary: joint better in 2 of 3, mean difference (0.1 + 0.2 − 0.6) / 3 = −0.1', () => {
  const cell = (mean: number) => ({ mean, low: null, high: null, n: 3 });
  const compared = [
    { testTask: 'a', head: 'b', alone: cell(0.5), joint: cell(0.6) },
    { testTask: 'b', head: 'a', alone: cell(0.3), joint: cell(0.5) },
    { testTask: 'c', head: 'a', alone: cell(0.8), joint: cell(0.2) },
  ];
  const summary = sharedLayerSummary(compared);
  assert.deepEqual([summary.compared, summary.better], [3, 2]);
  assert.ok(Math.abs((summary.meanDifference ?? Number.NaN) + 0.1) < 1e-12);
  assert.deepEqual(sharedLayerSummary([]), { compared: 0, better: 0, meanDifference: null });
});
