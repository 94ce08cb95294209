import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRecommendationRankingSpec, rankingRows } from '../../../src/report/charts/recommendationRanking.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { syntheticRecommendation } from '../../meta/recommendationFixture.js';
import { compileStrict } from '../chartTesting.js';

test('rows follow the ranking and say what was measured', () => {
  const recommendation = syntheticRecommendation();
  const rows = rankingRows(recommendation);
  assert.deepEqual(rows.map((r) => r.aux), recommendation.ranking.map((r) => r.aux));
  assert.deepEqual(rows.map((r) => r.measured), ['gain', 'gain', 'not trained', 'not trained', 'not measured']);
  assert.deepEqual(rows.map((r) => r.gainText), ['+2.0%', '+2.0%', '—', '—', '—']);
  assert.match(rows[0].pushedBy, /^(aux|ratio)_\w+ [+−]\d\.\d\d, (aux|ratio)_\w+ [+−]\d\.\d\d, (aux|ratio)_\w+ [+−]\d\.\d\d$/);
});

test('P(gain) bars alone until pairs are trained; then measured gains side by side, in the same order', async () => {
  const unverified = buildRecommendationRankingSpec(syntheticRecommendation(false));
  compileStrict(unverified);
  assert.ok(!('hconcat' in unverified));
  const verified = buildRecommendationRankingSpec(syntheticRecommendation());
  compileStrict(verified);
  assert.ok('hconcat' in verified && verified.hconcat.length === 2);
  const order = syntheticRecommendation().ranking.map((r) => r.aux);
  assert.equal(JSON.stringify(verified).split(`"sort":${JSON.stringify(order)}`).length - 1, 4);
  const svg = await renderFigureSvg(verified);
  assert.match(svg, /Which auxiliary tasks for t5\?/);
  assert.equal(svg.match(/>not trained</g)?.length, 2);
  assert.equal(svg.match(/>not measured</g)?.length, 1);
  const probability = syntheticRecommendation().ranking[0].probability.toFixed(2);
  assert.match(svg, new RegExp(`>${probability}<`));
});
