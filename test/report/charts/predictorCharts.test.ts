import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoredEntry } from '../../../src/predictors/scoreboardRecord.js';
import { buildPredictorScatterSpec } from '../../../src/report/charts/predictorScatter.js';
import { buildPredictorScoresSpec, buildRegretSpec, predictorScoreRows, scoreLabels } from '../../../src/report/charts/predictorScores.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { scoredTinyStudy } from '../../predictors/scoreboardFixture.js';
import { compileStrict, headlessView } from '../chartTesting.js';

async function scored(): Promise<ScoredEntry[]> {
  return (await scoredTinyStudy()).record.predictors.flatMap((p) => (p.status === 'ok' ? [p] : []));
}

test('score bars: four held-out scores per predictor with their bootstrap intervals and what guessing scores', async () => {
  const predictors = await scored();
  const rows = predictorScoreRows(predictors);
  const lookahead = predictors.find((p) => p.name === 'lookahead');
  assert.ok(lookahead !== undefined);
  assert.deepEqual(
    rows.filter((r) => r.predictor === lookahead.label).map((r) => [r.metric, r.value, r.low, r.high, r.baseline]),
    [
      [scoreLabels.spearman, lookahead.scores.spearman, ...(lookahead.intervals.spearman ?? []), 0],
      [scoreLabels.spearmanPerMain, lookahead.scores.spearmanPerMain, ...(lookahead.intervals.spearmanPerMain ?? []), 0],
      [scoreLabels.accuracy, lookahead.scores.accuracy, ...(lookahead.intervals.accuracy ?? []), lookahead.scores.majorityAccuracy],
      [
        scoreLabels.topOnePrecision,
        lookahead.scores.topOnePrecision,
        ...(lookahead.intervals.topOnePrecision ?? []),
        lookahead.scores.randomTopOnePrecision,
      ],
    ],
  );
  assert.equal(rows.filter((r) => r.predictor === 'auxiliary training size').length, 2, 'equal sizes: no ρ to draw');
  const spec = buildPredictorScoresSpec(predictors);
  compileStrict(spec);
  const view = await headlessView(spec);
  assert.deepEqual(view.scale('y').domain(), [-1, 1]);
  const svg = await renderFigureSvg(spec);
  for (const p of predictors) assert.ok(svg.includes(p.label), p.label);
});

test('regret: a bar per predictor with its interval, a random and the best fixed choice as ticks', async () => {
  const predictors = await scored();
  const spec = buildRegretSpec(predictors);
  compileStrict(spec);
  const svg = await renderFigureSvg(spec);
  const meta = predictors[0];
  assert.equal(svg.match(/aria-roledescription="bar"/g)?.length, predictors.length);
  assert.ok(svg.includes(`regret@1: ${(meta.scores.regret * 100).toFixed(1)}%`) || svg.includes('regret@1: +'), 'tooltip text');
  assert.equal(svg.match(/aria-roledescription="tick"/g)?.length, 2 * predictors.length);
});

test('scatter: one panel per predictor, a point per pair, a dashed “no effect” line only where the predictor has one', async () => {
  const predictors = await scored();
  const spec = buildPredictorScatterSpec(predictors);
  compileStrict(spec);
  assert.ok('concat' in spec && spec.concat.length === predictors.length);
  const svg = await renderFigureSvg(spec);
  for (const p of predictors) assert.ok(svg.includes(`over ${p.scores.pairs} pairs`), p.name);
  assert.equal(svg.match(/aria-roledescription="point"/g)?.length, predictors.length * 12);
  assert.match(
    svg,
    /aria-label="[^"]*main task: chunk; auxiliary task: pos; score: 0\.0018; measured gain: \+4\.3%"/,
    'lookahead[pos][chunk] against gain(chunk, pos)',
  );
  const json = JSON.stringify(spec);
  assert.equal(json.match(/"neutral":/g)?.length, predictors.filter((p) => p.neutral !== null).length);
});
