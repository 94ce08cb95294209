import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { evaluateRecommendations } from '../../../src/meta/recommendationEvaluation.js';
import { writeRecommendation } from '../../../src/report/recommendationFiles.js';
import { recommendSection } from '../../../src/report/sections/recommendSection.js';
import { temporaryDirectory } from '../../data/testFiles.js';
import { syntheticRecommendation } from '../../meta/recommendationFixture.js';
import { tinyContext } from '../contextFixture.js';
import { tinyMeta, tinyPairs } from '../metaFixture.js';

test('no analysis and no recommendation: no section', async () => {
  assert.equal(await recommendSection.render(tinyContext()), null);
});

test('an analysed study shows how the ranking would have done for each of its tasks, as replay.json stored it', async () => {
  const meta = tinyMeta();
  const pairs = tinyPairs();
  const evaluation = evaluateRecommendations(pairs, meta.protocol);
  const rendered = await recommendSection.render({ ...tinyContext(), meta, pairs, replay: evaluation });
  const html = rendered?.html ?? '';
  assert.equal(evaluation.tasks.length, 4);
  for (const task of evaluation.tasks) {
    assert.ok(task.status === 'ok');
    const top = task.ranked[0];
    assert.match(html, new RegExp(`<tr><td class="name">${task.main}</td><td>${top.aux} \\(P ${top.probability.toFixed(2)}\\)</td>`));
  }
  assert.match(html, new RegExp(`the top recommendation gained for ${Math.round((evaluation.precisionAtOne ?? 0) * 4)} of 4`));
  assert.doesNotMatch(html, /Recommendations made/);
});

test('recommendations made with the study (in its recommend/ folder) are listed with a link to their page', async () => {
  const dir = temporaryDirectory();
  const recommendation = syntheticRecommendation();
  await writeRecommendation(join(dir, 'recommend'), recommendation);
  const rendered = await recommendSection.render({ ...tinyContext(), studyDir: dir });
  const html = rendered?.html ?? '';
  const top = recommendation.ranking
    .slice(0, 3)
    .map((r) => `${r.aux} \\(${r.probability.toFixed(2)}\\)`)
    .join(', ');
  assert.match(html, new RegExp(`<li><a href="recommend/recommend-t5\\.html">t5</a> — top: ${top}; 2 pairs trained, 2 gained</li>`));
  assert.doesNotMatch(html, /Had each task been new/);
});

test('an analysis without replay.json (an earlier taskrel) says how to get it instead of computing it', async () => {
  const rendered = await recommendSection.render({ ...tinyContext(), meta: tinyMeta(), pairs: tinyPairs() });
  assert.match(rendered?.html ?? '', /No replay\.json .*taskrel analyze/);
  assert.doesNotMatch(rendered?.html ?? '', /Had each task been new/);
});
