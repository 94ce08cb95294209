import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeAffinityRecord } from '../../../src/affinity/affinityFile.js';
import { loadReportContext } from '../../../src/report/loadReportContext.js';
import { scoreboardVerdict } from '../../../src/report/scoreboardVerdict.js';
import { predictorsSection } from '../../../src/report/sections/predictorsSection.js';
import { tinyAffinityRecord } from '../../affinity/affinityFixture.js';
import { temporaryDirectory } from '../../data/testFiles.js';
import { scoredTinyStudy } from '../../predictors/scoreboardFixture.js';
import { tinyContext } from '../contextFixture.js';

test('no gains and no affinity.json: no section; gains but no scoreboard: a pointer to taskrel predictors', async () => {
  assert.equal(await predictorsSection.render({ ...tinyContext(), studyDir: temporaryDirectory(), gains: [] }), null);
  const dir = temporaryDirectory();
  writeAffinityRecord(dir, tinyAffinityRecord());
  const pending = await predictorsSection.render({ ...tinyContext(), studyDir: dir });
  assert.match(
    pending?.html ?? '',
    /One hard-sharing run over the 4 tasks \(1,600 batches, 2 min 0 s\).*No predictor has been scored against the gains yet: run &#39;taskrel predictors /,
  );
});

test('the stored scoreboard: verdict, one row per predictor, charts, first choices, groupings, protocol', async () => {
  const { studyDir, cacheDir, record } = await scoredTinyStudy();
  const rendered = await predictorsSection.render(await loadReportContext(studyDir, { cacheDir }));
  assert.ok(rendered !== null);
  assert.deepEqual(
    rendered.charts.map((c) => [c.id, c.figure]),
    [
      ['predictor-scores', true],
      ['predictor-regret', true],
      ['predictor-scatter', true],
    ],
  );
  const { html } = rendered;
  assert.ok(html.includes(scoreboardVerdict(record).replaceAll('’', '’').slice(0, 60)));
  for (const p of record.predictors) {
    assert.ok(p.status === 'ok' && html.includes(`>${p.label}</td>`), p.label);
    assert.match(html, new RegExp(`<td class="num"[^>]*>${p.cost.batches.toLocaleString('en-US')}</td>`), `${p.name} batches`);
  }
  assert.match(html, /pairwise study \(the truth\)/);
  assert.match(html, /Scored against 12 directed pairs of 4 tasks \(4 main tasks; 7 labelled “gain: relative gain &#62; 0”\)/);
  assert.match(html, /<h3>First choice per main task<\/h3>/);
  assert.match(html, /<h3>Task groups<\/h3>/);
  assert.match(html, /shuffled within each main task/);
  assert.match(html, /plain SGD step θ − η·∇L_i of the shared parameters, η = 0\.001/);
  assert.doesNotMatch(html, /changed after these scores were computed/);
  assert.doesNotMatch(html, /Not scored:/);
});

test('a scoreboard older than gains.csv says so instead of passing for current', async () => {
  const { studyDir, cacheDir } = await scoredTinyStudy();
  const copy = mkdtempSync(join(tmpdir(), 'taskrel-stale-'));
  try {
    cpSync(join(studyDir, '..'), copy, { recursive: true });
    const dir = join(copy, 'tiny-study');
    appendFileSync(join(dir, 'gains.csv'), '');
    appendFileSync(join(dir, 'pairs.csv'), '\n');
    const rendered = await predictorsSection.render(await loadReportContext(dir, { cacheDir }));
    assert.match(rendered?.html ?? '', /pairs\.csv changed after these scores were computed \([^)]+\): run &#39;taskrel predictors /);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
