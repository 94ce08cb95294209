import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseFeaturesCsv, parsePairsCsv } from '../../../src/features/featureTables.js';
import { importStudy } from '../../../src/features/import/importStudy.js';
import { analyzeStudy } from '../../../src/meta/analyzeStudy.js';
import { validateMetaReport } from '../../../src/meta/validateMetaReport.js';
import { readGains, readRuns } from '../../../src/study/studyFolder.js';
import { exportTruth, writeExport } from './exportFixture.js';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const quick = { meta: { repetitions: 5, rankingSplits: 5 } };

test('import → analyze gives the gains and curve features the CSVs imply', async () => {
  const source = writeExport();
  const output = join(source, 'study');
  made.push(source);
  const summary = await importStudy(source, { study: 'imported', output, scoreStep: 'last' });
  assert.deepEqual(summary.tasks, ['chunk', 'ner', 'pos']);
  assert.equal(summary.runs.length, 6);
  assert.deepEqual(summary.warnings, []);
  assert.deepEqual(readRuns(output).map((r) => r.id), [
    'pair--chunk+ner--s1', 'pair--chunk+pos--s1', 'pair--ner+pos--s1', 'single--chunk--s1', 'single--ner--s1', 'single--pos--s1',
  ]);

  const gains = await readGains(output);
  assert.equal(gains.length, 6);
  for (const row of gains) {
    const expected = exportTruth.pairF1[`${row.main}/${row.aux}`] / exportTruth.singleF1[row.main] - 1;
    assert.ok(Math.abs((row.gain ?? NaN) - expected) < 1e-12, `${row.main}/${row.aux}: ${row.gain} vs ${expected}`);
  }

  const analysis = await analyzeStudy(output, quick);
  for (const features of analysis.features) {
    const truth = exportTruth.curves[features.task];
    assert.equal(features.curveFit.status, 'ok');
    assert.ok(Math.abs((features.values.curve_a ?? NaN) - truth.a) < 1e-6 * Math.abs(truth.a));
    assert.ok(Math.abs((features.values.curve_c ?? NaN) - truth.c) < 1e-6 * truth.c);
    // 50 % of step 500 is step 250: central difference over steps 240 and 260.
    const L = (i: number) => truth.a * Math.log1p(truth.c * i) + truth.b;
    assert.ok(Math.abs((features.values.gradient_50 ?? NaN) - (L(260) - L(240)) / 20) < 1e-12);
  }
  const pos = analysis.features.find((f) => f.task === 'pos');
  assert.equal(pos?.values.sentences, 12000);
  assert.equal(analysis.features.find((f) => f.task === 'ner')?.missing.oov_rate, 'not given in task_features.csv');

  // The files hold what was returned.
  assert.deepEqual(parseFeaturesCsv(readFileSync(join(output, 'features.csv'), 'utf8'), 'features.csv'), analysis.features);
  assert.deepEqual(parsePairsCsv(readFileSync(join(output, 'pairs.csv'), 'utf8'), 'pairs.csv'), analysis.pairs);
  const meta = validateMetaReport(JSON.parse(readFileSync(join(output, 'meta.json'), 'utf8')), 'meta.json');
  assert.deepEqual(meta, analysis.meta);
  assert.equal(meta.data.pairs, 6);
  // oov_rate is missing for ner, so its pair features are dropped, and the notes say so.
  assert.ok(meta.features.dropped.some((d) => d.feature === 'ratio_oov_rate'));
  assert.ok(meta.notes.includes('ner lacks oov_rate: not given in task_features.csv'), meta.notes.join('\n'));
  assert.ok(meta.features.used.includes('ratio_sentences'));
});

test('--score-step best-dev takes the step with the best dev F1; re-import replaces the runs', async () => {
  const source = writeExport({ withoutTaskFeatures: true });
  const output = join(source, 'study');
  made.push(source);
  await importStudy(source, { study: 'imported', output, scoreStep: 'last' });
  await importStudy(source, { study: 'imported', output, scoreStep: 'best-dev' });
  const gains = await readGains(output);
  const row = gains.find((g) => g.main === 'pos' && g.aux === 'ner');
  // At step 250 test F1 is 0.05 below the final values: (0.88 − 0.05)/(0.9 − 0.05) − 1.
  assert.ok(row && Math.abs((row.gain ?? NaN) - (0.83 / 0.85 - 1)) < 1e-12);
  assert.equal(existsSync(join(output, 'task_features.csv')), false);
  const analysis = await analyzeStudy(output, quick);
  assert.match(analysis.features[0].missing.sentences ?? '', /imported task: its data is not here/);
  assert.deepEqual(analysis.meta.features.used.filter((name) => name.endsWith('sentences')), []);
});

test('bad input stops the import before anything is written', async () => {
  const source = writeExport();
  made.push(source);
  writeFileSync(join(source, 'scores.csv'), 'run,task,step,metric,value\nsingle-pos,pos,500,test_f1,0.9\n');
  const output = join(source, 'study');
  await assert.rejects(importStudy(source, { study: 'imported', output, scoreStep: 'last' }), /scores\.csv: run single-pos \(runs\.csv line 2\) task pos: step 500 \(the step that counts\) lacks test_accuracy/);
  assert.equal(existsSync(output), false);
});
