import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { viewsRecord } from '../../../src/features/modelViews/viewsRecord.js';
import { loadReportContext } from '../../../src/report/loadReportContext.js';
import { modelViewsSection } from '../../../src/report/sections/modelViewsSection.js';
import { studyPath } from '../../../src/study/studyFolder.js';
import { studySection } from '../../../src/report/sections/studySection.js';
import { LAYER_A, LAYER_B, tinyRun } from '../../features/modelViews/tinyModels.js';
import { compileStrict } from '../chartTesting.js';
import { tinyContext } from '../contextFixture.js';
import { copyTinyStudy } from '../tinyStudy.js';

/** The tiny report study (tasks chunk and pos), two seeds, runs carrying transfer and importance records, and their views. */
function recordedContext() {
  const context = tinyContext();
  const runs = [1, 2].flatMap((seed) => [
    tinyRun(['chunk'], seed, { chunk: 0.8 }, { layer: seed === 1 ? LAYER_A : LAYER_B, transfer: { chunk: { pos: 0.5 } } }),
    tinyRun(['pos'], seed, { pos: 0.9 }, { layer: LAYER_B, transfer: { pos: { chunk: 0.4 } } }),
    tinyRun(
      ['chunk', 'pos'],
      seed,
      { chunk: 0.85, pos: 0.88 },
      { layer: LAYER_A, transfer: { chunk: { pos: 0.6 }, pos: { chunk: 0.45 } } },
    ),
  ]);
  return { ...context, runs, views: viewsRecord(runs, ['chunk', 'pos']) };
}

test('the section is left out when no run kept transfer or importance records', () => {
  assert.equal(modelViewsSection.render(tinyContext()), null);
});

test('with records: scores, top words, rank scatter and transfer charts, the agreement table and the blog’s readings', () => {
  const rendered = modelViewsSection.render(recordedContext());
  assert.ok(rendered !== null);
  assert.deepEqual(
    rendered.charts.map((c) => [c.id, c.figure]),
    [
      ['model-scores', true],
      ['model-top-words', false],
      ['model-rank-scatter', false],
      ['model-transfer', true],
    ],
  );
  for (const chart of rendered.charts) compileStrict(chart.spec);
  const { html } = rendered;
  for (const chart of rendered.charts) assert.ok(html.includes(`data-chart="${chart.id}"`), chart.id);
  // chunk alone (A, B) against itself across seeds: A vs B, ρ 0.4 by |weights| and 1/9.5 by signed sums.
  assert.match(
    html,
    /<tr><td>chunk alone<\/td><td>same model, other seeds<\/td><td class="num">0\.40 \(0\.40 … 0\.40\)<\/td><td class="num">0\.11 \(0\.11 … 0\.11\)<\/td><td class="num">1<\/td><td class="num">5<\/td><\/tr>/,
  );
  assert.match(html, /<td>chunk alone vs pos alone<\/td><td>alone vs alone<\/td>/);
  assert.match(html, /<td>chunk alone vs chunk \+ pos<\/td><td>alone vs joint<\/td>/);
  // Self agreement by |weights|: chunk 0.4, pos 1, chunk + pos 1; by signed sums 1/9.5, 1, 1.
  assert.match(html, /ranks its words alike with mean Spearman ρ 0\.80 by Σ \|weights\| \(strength either way\) and 0\.70 by Σ weights/);
  // chunk alone (A, B) vs pos alone (B, B) across seeds: A vs B and B vs B, so (0.4 + 1)/2; with the joint model (A, A)
  // chunk alone gives B vs A and A vs A (0.7), pos alone B vs A twice (0.4).
  assert.match(html, /different tasks agree with mean ρ 0\.70, a single-task model and a joint model with its task with 0\.55\./);
  // pos on chunk’s test set: 0.4 alone, 0.45 in the joint model; chunk on pos’s: 0.5 alone, 0.6 jointly.
  assert.match(html, /in 2 of 2 cases \(mean accuracy difference \+0\.075\)/);
});

test('the section renders views.json as stored: the runs in the folder keep no records and are not analysed again', async () => {
  const { studyDir, cacheDir } = copyTinyStudy();
  const recorded = recordedContext();
  writeFileSync(studyPath(studyDir, 'views'), `${JSON.stringify(recorded.views, null, 1)}\n`);
  const context = await loadReportContext(studyDir, { cacheDir });
  assert.ok(context.runs.length > 0 && context.runs.every((run) => run.inputImportance === undefined));
  assert.deepEqual(context.views, recorded.views);
  const fromFile = modelViewsSection.render(context);
  assert.ok(fromFile !== null);
  assert.deepEqual(fromFile, modelViewsSection.render({ ...recorded, spec: context.spec }));
});

test('runs with records but no views.json (analysed by an earlier taskrel): one note pointing to taskrel analyze', () => {
  const { views: _views, ...recorded } = recordedContext();
  const rendered = modelViewsSection.render({ ...recorded, views: null, studyDir: 'reports/old' });
  assert.ok(rendered !== null);
  assert.deepEqual(rendered.charts, []);
  assert.match(rendered.html, /^<p class="lead">[^<]*taskrel analyze reports\/old computes them\.<\/p>$/);
});

test('the study facts name the records the runs keep, and only when some are on', () => {
  const spec = tinyContext().spec;
  const facts = (records: typeof spec.records) => studySection.render({ ...tinyContext(), spec: { ...spec, records } })?.html ?? '';
  assert.doesNotMatch(facts({ transfer: false, inputImportance: false }), /<dt>records<\/dt>/);
  assert.match(
    facts({ transfer: true, inputImportance: true }),
    /<dt>records<\/dt><dd>also each head’s scores on the other tasks’ test sets and input-word importance \(see Inside the models\)<\/dd>/,
  );
  assert.match(facts({ transfer: false, inputImportance: true }), /<dd>also input-word importance \(see/);
});
