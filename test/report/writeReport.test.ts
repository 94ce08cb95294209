import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import { writeReport } from '../../src/report/writeReport.js';
import { compileStrict } from './chartTesting.js';
import { copyTinyStudy } from './tinyStudy.js';

const sections = ['study', 'gains', 'helps', 'curves', 'meta', 'features', 'downloads'];
const charts = [
  'gain-matrix',
  'gain-intervals',
  'helps-aux',
  'helps-main',
  'learning-curves',
  'meta-scores',
  'meta-held-out',
  'meta-coefficients',
  'meta-ablation',
  'meta-predictions',
];

function chartSpecs(html: string): Record<string, TopLevelSpec> {
  const json = /<script type="application\/json" id="taskrel-charts">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json !== undefined, 'the page carries its chart specs');
  return JSON.parse(json) as Record<string, TopLevelSpec>;
}

test('a finished study gets a report with every section and valid vega-lite specs for every chart', async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  try {
    const page = await writeReport(studyDir, { cacheDir });
    assert.equal(page, join(studyDir, 'index.html'));
    const html = readFileSync(page, 'utf8');
    for (const id of sections) assert.match(html, new RegExp(`<section id="${id}">`), `section ${id}`);
    const specs = chartSpecs(html);
    assert.deepEqual(Object.keys(specs), charts);
    for (const [id, spec] of Object.entries(specs)) {
      assert.doesNotThrow(() => compileStrict(spec), `chart ${id}`);
      assert.match(html, new RegExp(`<div class="chart" data-chart="${id}">`));
    }
    // The task table comes from the task files themselves: 6 training sentences, 2 dev, 2 test each.
    assert.match(
      html,
      /<td class="name">ner-conll<\/td><td>tagging<\/td><td class="prose">hand-made ner-conll \(tagging\), ten sentences<\/td><td class="path">[^<]*ner-conll\.train\.conll[^<]*<\/td><td class="num">6<\/td>/,
    );
    assert.match(html, /<dt>runs<\/dt><dd>8 single-task, 12 pair<\/dd>/);
    for (const file of ['gains.csv', 'features.csv', 'pairs.csv', 'meta.json', 'replay.json', 'study.json']) {
      assert.match(html, new RegExp(`<a href="${file.replace('.', '\\.')}" download>`));
    }
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'nothing is fetched from the network');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('static SVG figures of the main charts are written, and figures of an older report are removed', async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  try {
    await writeReport(studyDir, { cacheDir });
    writeFileSync(join(studyDir, 'figures', 'old-chart.svg'), '<svg/>');
    await writeReport(studyDir, { cacheDir });
    const figures = readdirSync(join(studyDir, 'figures')).sort();
    assert.deepEqual(figures, [
      'gain-intervals.svg',
      'gain-matrix.svg',
      'helps-aux.svg',
      'helps-main.svg',
      'meta-ablation.svg',
      'meta-coefficients.svg',
      'meta-scores.svg',
    ]);
    const matrix = readFileSync(join(studyDir, 'figures', 'gain-matrix.svg'), 'utf8');
    assert.match(matrix, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const task of ['chunk', 'ner-conll', 'pos', 'sentiment']) assert.ok(matrix.includes(`>${task}</text>`), task);
    assert.match(matrix, />auxiliary task</);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a study folder with runs but no analysis yet still gets a report, without the analysis sections', async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  try {
    for (const file of ['features.csv', 'pairs.csv', 'meta.json']) rmSync(join(studyDir, file));
    const html = readFileSync(await writeReport(studyDir, { cacheDir }), 'utf8');
    assert.match(html, /<section id="gains">/);
    assert.doesNotMatch(html, /<section id="meta">|<section id="features">/);
    assert.deepEqual(Object.keys(chartSpecs(html)), ['gain-matrix', 'gain-intervals', 'helps-aux', 'helps-main', 'learning-curves']);
    assert.ok(!existsSync(join(studyDir, 'figures', 'meta-scores.svg')));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
