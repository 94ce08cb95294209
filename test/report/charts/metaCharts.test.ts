import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAblationSpec } from '../../../src/report/charts/ablation.js';
import { buildCoefficientsSpec } from '../../../src/report/charts/coefficients.js';
import { buildHeldOutTasksSpec } from '../../../src/report/charts/heldOutTasks.js';
import { buildMetaScoresSpec, metaScoreRows } from '../../../src/report/charts/metaScores.js';
import { buildPredictedGainSpec } from '../../../src/report/charts/predictedGain.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { compileStrict } from '../chartTesting.js';
import { tinyMeta } from '../metaFixture.js';

function ok<T extends { status: string }>(outcome: T): Extract<T, { status: 'ok' }> {
  assert.equal(outcome.status, 'ok');
  return outcome as Extract<T, { status: 'ok' }>;
}

test('score rows: CV mean ± sd and leave-one-main-task-out for each feature set, straight from meta.json', () => {
  const meta = tinyMeta();
  const rows = metaScoreRows(meta);
  const all = ok(meta.evaluations.all);
  const cv = ok(all.crossValidation);
  assert.deepEqual(
    rows.find((r) => r.set === 'all' && r.metric === 'accuracy' && r.protocol === 'repeated k-fold CV'),
    { set: 'all', protocol: 'repeated k-fold CV', metric: 'accuracy', value: cv.accuracy.mean, sd: cv.accuracy.sd },
  );
  const lomo = ok(all.leaveOneMainTaskOut);
  assert.equal(
    rows.find((r) => r.set === 'all' && r.metric === 'accuracy' && r.protocol === 'leave one main task out')?.value,
    lomo.accuracy,
  );
  assert.deepEqual([...new Set(rows.map((r) => r.set))], ['all', 'dataset', 'learning curve']);
});

test('unavailable evaluations are left out of the chart rather than drawn as zero', () => {
  const meta = tinyMeta();
  const rows = metaScoreRows({
    ...meta,
    evaluations: { ...meta.evaluations, curve: { status: 'unavailable', reason: 'no curve features' } },
  });
  assert.ok(rows.length > 0 && rows.every((r) => r.set !== 'learning curve'));
});

test('meta-model charts compile without warnings', () => {
  const meta = tinyMeta();
  const model = ok(meta.model);
  const ranking = ok(meta.ranking);
  compileStrict(buildMetaScoresSpec(meta));
  compileStrict(buildCoefficientsSpec(model, ranking.ranks));
  compileStrict(buildAblationSpec(ranking, meta.baselines));
  compileStrict(buildHeldOutTasksSpec(ok(ok(meta.evaluations.all).leaveOneMainTaskOut), 'all'));
  assert.ok(meta.fitted !== null && meta.fitted.length > 0);
  compileStrict(buildPredictedGainSpec(meta.fitted));
});

test('baselines are drawn where meta.json puts them: majority accuracy and always-gain F1', async () => {
  const meta = tinyMeta();
  const json = JSON.stringify(buildMetaScoresSpec(meta));
  assert.ok(json.includes(`"values":[{"value":${meta.baselines.majorityAccuracy},"label":""}]`));
  assert.ok(json.includes(`"values":[{"value":${meta.baselines.alwaysGainF1},"label":""}]`));
  assert.match(json, new RegExp(`dashed: majority class, ${meta.baselines.majorityAccuracy.toFixed(2)}`));
});

test('coefficient bars are sorted from most positive to most negative and coloured by sign', async () => {
  const model = ok(tinyMeta().model);
  const spec = buildCoefficientsSpec(model);
  const rows = (spec as { data: { values: { feature: string; coefficient: number }[] } }).data.values;
  assert.equal(rows.length, model.features.length);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].coefficient >= rows[i].coefficient);
  const svg = await renderFigureSvg(spec);
  const fills = [...svg.matchAll(/aria-label="coefficient \(scaled features\): ([−-]?[0-9.]+)[^"]*"[^>]*fill="(#[0-9a-f]+)"/g)];
  assert.equal(fills.length, model.features.length);
  for (const [, value, fill] of fills) assert.equal(fill, value.startsWith('−') ? '#b2182b' : '#2166ac', value);
  assert.ok(fills.some(([, value]) => value.startsWith('−')) && fills.some(([, value]) => !value.startsWith('−')));
});
