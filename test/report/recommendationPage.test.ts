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

test('the page: ranking with chart and table, trust statements, the new task; user text escaped', async () => {
  const recommendation = syntheticRecommendation();
  const html = await renderRecommendationPage(recommendation);
  for (const id of ['ranking', 'trust', 'task']) assert.match(html, new RegExp(`<section id="${id}">`));
  const specs = JSON.parse(/<script type="application\/json" id="taskrel-charts">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as Record<string, TopLevelSpec>;
  assert.deepEqual(Object.keys(specs), ['recommendation-ranking']);
  compileStrict(specs['recommendation-ranking']);
  const top = recommendation.ranking[0];
  assert.match(html, new RegExp(`<tr><td class="num">1</td><td class="name">${top.aux}</td><td class="num">${top.probability.toFixed(2)}</td>`));
  assert.match(html, /Trained 2 pairs: the best-ranked one \(t\d, rank 1\) gained; 2 of 2 gained\./);
  assert.match(html, /labelled 60 % of pairs right \(gain F1 0\.50\)/);
  assert.match(html, /Replayed on the study&#39;s own tasks \(each removed/);
  assert.match(html, /<li>a note with &#60;markup&#62;<\/li>/);
  assert.match(html, /<dd>a synthetic &#60;task&#62;<\/dd>/);
  assert.match(html, /title="the pair run failed: &#60;out of memory&#62;">not measured</);
  assert.doesNotMatch(html, /<task>|<markup>|<out of/);
});

test('written as JSON and HTML next to the study report, and read back for the study report', async () => {
  const dir = temporaryDirectory();
  const recommendation = syntheticRecommendation();
  const files = await writeRecommendation(dir, recommendation);
  assert.deepEqual(files, { json: join(dir, 'recommend-t5.json'), html: join(dir, 'recommend-t5.html') });
  const stored = validateRecommendation(JSON.parse(readFileSync(files.json, 'utf8')), files.json);
  assert.equal(stored.ranking[0].aux, recommendation.ranking[0].aux);
  assert.match(readFileSync(files.html, 'utf8'), /<title>taskrel — auxiliary tasks for t5<\/title>/);
  await writeRecommendation(dir, { ...recommendation, task: { ...recommendation.task, name: 'other' } });
  const broken = join(dir, 'recommend-broken.json');
  writeFileSync(broken, '{"format": "taskrel-recommendation/1"');
  const read = readRecommendations(dir);
  assert.deepEqual(read.map((r) => r.file), ['recommend-broken.json', 'recommend-other.json', 'recommend-t5.json']);
  assert.ok('error' in read[0] && /recommend-broken\.json: not valid JSON/.test(read[0].error));
  assert.ok('recommendation' in read[2] && read[2].recommendation.task.name === 't5');
  assert.deepEqual(readRecommendations(join(dir, 'nonexistent')), []);
});
