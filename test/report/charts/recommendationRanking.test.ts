import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRecommendationRankingSpec, rankingRows } from '../../../src/report/charts/recommendationRanking.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { syntheticRecommendation } from '../../meta/recommendationFixture.js';
import { compileStrict } from '../chartTesting.js';

test('rows follow the ranking and carry predicted and measured gains', () => {
  const recommendation = syntheticRecommendation();
  const rows = rankingRows(recommendation);
  assert.deepEqual(
    rows.map((r) => r.aux),
    recommendation.ranking.map((r) => r.aux),
  );
  assert.deepEqual(
    rows.map((r) => r.measured),
    [0.02, 0.02, null, null, null],
  );
  assert.deepEqual(
    rows.map((r) => r.predicted),
    recommendation.ranking.map((r) => r.predictedGain?.gain),
  );
  assert.match(rows[0].text, /^predicted [+−]\d\.\d%, measured \+2\.0%$/);
  assert.match(rows[0].pushedBy, /^(aux|ratio)_\w+ [+−]\d\.\d\d, (aux|ratio)_\w+ [+−]\d\.\d\d, (aux|ratio)_\w+ [+−]\d\.\d\d$/);
});

test('P(gain) bars beside the gains panel, in the same order; P(gain) alone when there is no gain to show', async () => {
  const bare = syntheticRecommendation(false);
  const alone = buildRecommendationRankingSpec({ ...bare, ranking: bare.ranking.map((r) => ({ ...r, predictedGain: null })) });
  compileStrict(alone);
  assert.ok(!('hconcat' in alone));
  const verified = buildRecommendationRankingSpec(syntheticRecommendation());
  compileStrict(verified);
  assert.ok('hconcat' in verified && verified.hconcat.length === 2);
  const order = syntheticRecommendation().ranking.map((r) => r.aux);
  assert.equal(JSON.stringify(verified).split(`"sort":${JSON.stringify(order)}`).length - 1, 6);
  const svg = await renderFigureSvg(verified);
  assert.match(svg, /Which auxiliary tasks for t5\?/);
  const probability = syntheticRecommendation().ranking[0].probability.toFixed(2);
  assert.match(svg, new RegExp(`>${probability}<`));
});
