import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predictorLabels } from '../../../src/affinity/predictors.js';
import { buildPredictorScatterSpec } from '../../../src/report/charts/predictorScatter.js';
import { buildPredictorScoresSpec, predictorScoreRows, scoreLabels } from '../../../src/report/charts/predictorScores.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { scored, tinyAffinityComparison } from '../affinityFixture.js';
import { compileStrict, headlessView } from '../chartTesting.js';

test('score bars: four scores per predictor with what guessing scores on each', async () => {
  const predictors = scored(await tinyAffinityComparison());
  const rows = predictorScoreRows(predictors);
  assert.equal(rows.length, 3 * 4, 'every score is defined for the tiny study');
  const lookahead = predictors[0].scores;
  assert.deepEqual(
    rows.filter((r) => r.predictor === predictorLabels.lookahead).map((r) => [r.metric, r.value, r.baseline]),
    [
      [scoreLabels.spearman, lookahead.spearman, 0],
      [scoreLabels.spearmanPerMain, lookahead.spearmanPerMain, 0],
      [scoreLabels.signAccuracy, lookahead.signAccuracy, lookahead.majoritySignAccuracy],
      [scoreLabels.topOnePrecision, lookahead.topOnePrecision, lookahead.randomTopOnePrecision],
    ],
  );
  const spec = buildPredictorScoresSpec(predictors);
  compileStrict(spec);
  const view = await headlessView(spec);
  assert.deepEqual(view.scale('y').domain(), [-1, 1]);
  const svg = await renderFigureSvg(spec);
  for (const label of Object.values(predictorLabels)) assert.ok(svg.includes(label), label);
});

test('scatter: one panel per predictor, a point per pair, each panel with its own threshold', async () => {
  const predictors = scored(await tinyAffinityComparison());
  const spec = buildPredictorScatterSpec(predictors);
  compileStrict(spec);
  assert.ok('hconcat' in spec && spec.hconcat.length === 3);
  const svg = await renderFigureSvg(spec);
  for (const p of predictors) assert.ok(svg.includes(`ρ = ${p.scores.spearman?.toFixed(2)} over 12 pairs`), p.name);
  assert.equal(svg.match(/aria-roledescription="point"/g)?.length, 3 * 12);
  assert.match(svg, /aria-label="[^"]*main task: chunk; auxiliary task: pos; score: 0\.0018; measured gain: \+4\.3%"/, 'lookahead[pos][chunk] against gain(chunk, pos)');
  assert.ok(JSON.stringify(spec).includes('"threshold":0.5'), 'the meta-model predicts a gain above P = 0.5');
});
