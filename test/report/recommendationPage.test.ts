import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import { validateRecommendation } from '../../src/meta/validateRecommendation.js';
import { readRecommendations, writeRecommendation } from '../../src/report/recommendationFiles.js';
import { renderRecommendationPage } from '../../src/report/recommendationPage.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { syntheticRecommendation } from '../meta/recommendationFixture.js';
import { compileStrict } from './chartTesting.js';

test('the page: ranking with chart and every column, verification, trust per column, the tasks; user text escaped', async () => {
  const recommendation = syntheticRecommendation();
  const html = await renderRecommendationPage(recommendation);
  for (const id of ['ranking', 'verification', 'trust', 'tasks']) assert.match(html, new RegExp(`<section id="${id}">`));
  const specs = JSON.parse(/<script type="application\/json" id="taskrel-charts">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<
    string,
    TopLevelSpec
  >;
  assert.deepEqual(Object.keys(specs), ['recommendation-ranking']);
  compileStrict(specs['recommendation-ranking']);
  const top = recommendation.ranking[0];
  const gain = top.predictedGain;
  assert.ok(gain !== null);
  // rank, candidate, P(gain), predicted gain, pushed most by, the reversed column's rank, last (its score on hover).
  assert.match(
    html,
    new RegExp(
      `<tr><td class="num">1</td><td class="name">${top.aux}</td><td class="num">${top.probability.toFixed(2)}</td><td class="num">[+−]\\d\\.\\d%[^<]*</td><td>[^<]+</td><td class="num" title="score 1">5</td>`,
    ),
  );
  assert.match(html, /Trained 2 pairs: the best-ranked one \(t\d, rank 1\) gained; 2 of 2 gained\./);
  assert.match(html, /labelled 60 % of pairs right \(gain F1 0\.50\)/);
  assert.match(html, /Replayed on the study&#39;s own tasks \(each removed/);
  assert.match(
    html,
    /<td>P\(gain\)<\/td><td>precision of the top-ranked auxiliary task<\/td><td class="num">0\.8<\/td><td class="num">0\.5<\/td><td>a trust &#60;statement&#62;<\/td>/,
  );
  assert.match(
    html,
    /<td>reverse<\/td><td class="missing">—<\/td><td class="missing">—<\/td><td class="missing">—<\/td><td title="not &#60;scored&#62;">unknown<\/td>/,
  );
  assert.match(html, /<li>a note with &#60;markup&#62;<\/li>/);
  assert.match(html, /title="a synthetic &#60;task&#62; t5">t5</);
  assert.match(html, /title="the pair run failed: &#60;out of memory&#62;">not measured</);
  assert.match(
    html,
    /12 single-task runs \(seeds 1, 2\): 10 trained, 2 reused, 4 min 5 s of run time; 8 verification runs: 8 trained, 6 min 40 s of run time\. This call took 4 min 50 s\./,
  );
  assert.doesNotMatch(html, /<task>|<markup>|<out of|<statement>|<scored>/);
  const outsideRange = [
    {
      task: 't1',
      role: 'candidate' as const,
      features: [{ feature: 'sentences' as const, prefix: 'aux' as const, value: 40, min: 400, max: 400, ranges: null }],
    },
  ];
  const outside = await renderRecommendationPage({ ...recommendation, outsideRange });
  assert.match(
    outside,
    /<li>outside the study&#39;s range \(in units of that range; the models extrapolate there\): t1: sentences 40 \(study: always 400\)<\/li>/,
  );
  assert.match(
    outside,
    /<summary>Features outside the study's range \(1\)<\/summary>.*<td class="name">t1<\/td><td>aux_sentences<\/td><td class="num">40<\/td><td class="num">always 400<\/td><td class="missing">—<\/td>/s,
  );
  const bare = await renderRecommendationPage(syntheticRecommendation(false));
  assert.doesNotMatch(bare, /<section id="verification">/);
});

test('written as JSON and HTML into the folder, and read back for the study report', async () => {
  const dir = join(temporaryDirectory(), 'recommend');
  const recommendation = syntheticRecommendation();
  const files = await writeRecommendation(dir, recommendation);
  assert.deepEqual(files, { json: join(dir, 'recommend-t5.json'), html: join(dir, 'recommend-t5.html') });
  const stored = validateRecommendation(JSON.parse(readFileSync(files.json, 'utf8')), files.json);
  assert.deepEqual(stored, JSON.parse(JSON.stringify(recommendation)));
  assert.match(readFileSync(files.html, 'utf8'), /<title>taskrel — auxiliary tasks for t5<\/title>/);
  await writeRecommendation(dir, { ...recommendation, main: { ...recommendation.main, name: 'other' } });
  const broken = join(dir, 'recommend-broken.json');
  writeFileSync(broken, '{"format": "taskrel-recommendation/2"');
  const read = readRecommendations(dir);
  assert.deepEqual(
    read.map((r) => r.file),
    ['recommend-broken.json', 'recommend-other.json', 'recommend-t5.json'],
  );
  assert.ok('error' in read[0] && /recommend-broken\.json: not valid JSON/.test(read[0].error));
  assert.ok('recommendation' in read[2] && read[2].recommendation.main.name === 't5');
  assert.deepEqual(readRecommendations(join(dir, 'nonexistent')), []);
});
