import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseFeaturesCsv, parsePairsCsv } from '../../src/features/featureTables.js';
import { importStudy } from '../../src/workflows/importStudy.js';
import { analyzeStudy } from '../../src/workflows/analyze.js';
import { validateMetaReport } from '../../src/meta/validateMetaReport.js';
import { readGains, readRuns } from '../../src/study/studyFolder.js';
import { exportTruth, writeExport } from '../features/import/exportFixture.js';

const made: string[] = [];
after(() =>
  made.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);
const quick = { meta: { repetitions: 5, rankingSplits: 5 } };

test('import → analyze gives the gains and curve features the CSVs imply', async () => {
  const source = writeExport();
  const output = join(source, 'study');
  made.push(source);
  const summary = await importStudy(source, { study: 'imported', output, scoreStep: 'last' });
  assert.deepEqual(summary.tasks, ['chunk', 'ner', 'pos']);
  assert.equal(summary.runs.length, 6);
  assert.deepEqual(summary.warnings, []);
  assert.deepEqual(
    readRuns(output).map((r) => r.id),
    ['pair--chunk+ner--s1', 'pair--chunk+pos--s1', 'pair--ner+pos--s1', 'single--chunk--s1', 'single--ner--s1', 'single--pos--s1'],
  );

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
    // a·ln(c·i + 1) + b is a·ln(i + k) + b + a·ln(c) with k = 1/c; the knee adds the first step, 10.
    assert.ok(Math.abs((features.values.curve_knee ?? NaN) - (10 + 1 / truth.c)) < 1e-6 / truth.c);
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
  assert.deepEqual(
    analysis.meta.features.used.filter((name) => name.endsWith('sentences')),
    [],
  );
});

test('bad input stops the import before anything is written', async () => {
  const source = writeExport();
  made.push(source);
  writeFileSync(join(source, 'scores.csv'), 'run,task,step,metric,value\nsingle-pos,pos,500,test_f1,0.9\n');
  const output = join(source, 'study');
  await assert.rejects(
    importStudy(source, { study: 'imported', output, scoreStep: 'last' }),
    /scores\.csv: run single-pos \(runs\.csv line 2\) task pos: step 500 \(the step that counts\) lacks test_accuracy/,
  );
  assert.equal(existsSync(output), false);
});

/** Writes runs.csv, curves.csv and scores.csv from lines (without headers) into a fresh folder. */
function writeLogs(runs: string[], curves: string[], scores: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskrel-logs-'));
  made.push(dir);
  writeFileSync(join(dir, 'runs.csv'), ['run,tasks,seed', ...runs, ''].join('\n'));
  writeFileSync(join(dir, 'curves.csv'), ['run,task,step,loss', ...curves, ''].join('\n'));
  writeFileSync(join(dir, 'scores.csv'), ['run,task,step,metric,value', ...scores, ''].join('\n'));
  return dir;
}

const testScores = (run: string, task: string, step: number, f1: number) => [
  `${run},${task},${step},test_f1,${f1}`,
  `${run},${task},${step},test_accuracy,${f1}`,
];

test('logs as they come: test scores only, a nan now and then, a restarted run', async () => {
  const source = writeLogs(
    ['a,pos,1', 'b,ner,1', 'ab,pos+ner,1'],
    [
      'a,pos,10,2',
      'a,pos,20,1',
      'a,pos,30,nan',
      'a,pos,40,0.5',
      'b,ner,10,3',
      'b,ner,20,2',
      'b,ner,10,3.1',
      'b,ner,20,2.2',
      'ab,pos,10,2',
      'ab,ner,10,3',
    ],
    [
      ...testScores('a', 'pos', 40, 0.8),
      ...testScores('b', 'ner', 20, 0.5),
      ...testScores('ab', 'pos', 40, 0.84),
      ...testScores('ab', 'ner', 40, 0.45),
    ],
  );
  const output = join(source, 'study');
  const summary = await importStudy(source, { study: 'logs', output, scoreStep: 'last' });
  assert.deepEqual(summary.notes, [
    'run a: non-finite training losses left out of its curve (pos at step 30)',
    'run b: curves.csv steps go back (ner: from step 20 back to 10 on line 8, replacing 2 earlier points): a restarted run, whose last attempt counts',
  ]);
  const runs = readRuns(output);
  const single = runs.find((r) => r.id === 'single--pos--s1');
  assert.deepEqual(single?.heads.pos.curve, { step: [10, 20, 40], loss: [2, 1, 0.5] });
  assert.equal(single?.heads.pos.best.dev, null);
  assert.deepEqual(runs.find((r) => r.id === 'single--ner--s1')?.heads.ner.curve.loss, [3.1, 2.2]);
  const gains = await readGains(output);
  assert.ok(Math.abs((gains.find((g) => g.main === 'pos')?.gain ?? NaN) - (0.84 / 0.8 - 1)) < 1e-12);
  assert.ok(Math.abs((gains.find((g) => g.main === 'ner')?.gain ?? NaN) - (0.45 / 0.5 - 1)) < 1e-12);

  // best-dev needs dev scores: one error for the whole import, and nothing written.
  const other = join(source, 'other');
  await assert.rejects(
    importStudy(source, { study: 'logs', output: other, scoreStep: 'best-dev' }),
    /scores\.csv: no dev_f1 for any run, and --score-step best-dev picks each head's step with the best dev F1; with test scores only, use --score-step last/,
  );
  assert.equal(existsSync(other), false);
});

test("paper mode: a tiny log in the notebook's format gives its gradients and the reference fit's b", async () => {
  // Two tasks, each a single run logged every 10 steps (60 and 120 points), and one pair run.
  const posLoss = (s: number, k: number) => 2.6 - 0.35 * Math.log(s + 40) + 0.02 * Math.sin(1.3 * k + 0.5);
  const nerLoss = (s: number, k: number) => 0.3 + 2 / (1 + s / 150) + 0.01 * Math.cos(0.7 * k);
  const curve = (run: string, task: string, n: number, f: (s: number, k: number) => number) =>
    Array.from({ length: n }, (_, k) => `${run},${task},${10 * (k + 1)},${f(10 * (k + 1), k)}`);
  const source = writeLogs(
    ['a,pos,1', 'b,ner,1', 'ab,pos+ner,1'],
    [...curve('a', 'pos', 60, posLoss), ...curve('b', 'ner', 120, nerLoss), 'ab,pos,10,2', 'ab,ner,10,3'],
    [
      ...testScores('a', 'pos', 600, 0.8),
      ...testScores('b', 'ner', 1200, 0.5),
      ...testScores('ab', 'pos', 1200, 0.84),
      ...testScores('ab', 'ner', 1200, 0.45),
    ],
  );
  const output = join(source, 'study');
  await importStudy(source, { study: 'paper-logs', output, scoreStep: 'last', curveFeatures: 'paper' });
  assert.equal(JSON.parse(readFileSync(join(output, 'study.json'), 'utf8')).analysis.curveFeatures, 'paper');
  const analysis = await analyzeStudy(output, quick);
  assert.equal(analysis.meta.protocol.curveFeatures, 'paper');
  const pos = analysis.features.find((f) => f.task === 'pos');
  const ner = analysis.features.find((f) => f.task === 'ner');
  // Gradients by hand: n = 60 points, i = ⌊60·p/100⌋ = 6, 12, 18, 30, 42; points i ± 1 are 20 steps apart.
  const slope = (f: (s: number, k: number) => number, i: number) => (f(10 * (i + 2), i + 1) - f(10 * i, i - 1)) / 20;
  for (const [percent, i] of [
    [10, 6],
    [20, 12],
    [30, 18],
    [50, 30],
    [70, 42],
  ] as const) {
    assert.ok(Math.abs((pos?.values[`gradient_${percent}`] ?? NaN) - slope(posLoss, i)) < 1e-15);
  }
  // n = 120: i = 12, 24, 36, 60, 84. numpy on the same curve: (L[i+1] − L[i−1])/(s[i+1] − s[i−1]).
  const nerGradients = [-0.004381965356605555, -0.0013043862262376305, -0.001153174542475588, 7.095887242120069e-5, -0.0008007389439808555];
  ['gradient_10', 'gradient_20', 'gradient_30', 'gradient_50', 'gradient_70'].forEach((name, j) => {
    assert.ok(Math.abs((ner?.values[name as 'gradient_10'] ?? NaN) - nerGradients[j]) < 1e-15);
  });
  // b against scipy's curve_fit(a + b·ln(c·x + d), p0 = [1, 1, 1, 1]) on every 10th point (see paperLogFit.test).
  assert.ok(Math.abs((pos?.values.curve_b ?? NaN) - -0.3617603361) < 1e-6 * 0.362);
  assert.ok(Math.abs((ner?.values.curve_b ?? NaN) - -0.3913195876) < 1e-6 * 0.391);
  assert.deepEqual(
    Object.keys(pos?.values ?? {})
      .filter((name) => name.startsWith('curve'))
      .sort(),
    ['curve_b', 'curve_c'],
  );
  assert.ok(readFileSync(join(output, 'features.csv'), 'utf8').split('\n')[0].includes('curve_b,curve_c'));
});
