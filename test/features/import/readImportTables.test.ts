import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../../src/shared/csv.js';
import { chooseScorePoint } from '../../../src/features/import/chooseScorePoint.js';
import { headKey, readCurvesCsv } from '../../../src/features/import/readCurvesCsv.js';
import { readRunsCsv } from '../../../src/features/import/readRunsCsv.js';
import { readScoresCsv } from '../../../src/features/import/readScoresCsv.js';
import { readTaskFeaturesCsv } from '../../../src/features/import/readTaskFeaturesCsv.js';

const runs = readRunsCsv(parseCsv('run,tasks,seed\nr1,pos,1\nr2,ner+pos,1\n', 'runs.csv'));

test('runs.csv: single and pair runs, pair tasks sorted, seed defaults to 1', () => {
  assert.deepEqual(runs, [
    { id: 'r1', tasks: ['pos'], seed: 1, line: 2 },
    { id: 'r2', tasks: ['ner', 'pos'], seed: 1, line: 3 },
  ]);
  assert.equal(readRunsCsv(parseCsv('run,tasks\nx,pos\n', 'runs.csv'))[0].seed, 1);
});

test('runs.csv errors name file, line and what was expected', () => {
  const bad = (text: string) => () => readRunsCsv(parseCsv(text, 'runs.csv'));
  assert.throws(bad('run,task\nr1,pos\n'), /runs\.csv:1: header lacks 'tasks'; expected columns run, tasks \(optional: seed\)/);
  assert.throws(bad('run,tasks,seeds\nr1,pos,1\n'), /runs\.csv:1: unknown column 'seeds'/);
  assert.throws(bad('run,tasks\nr1,pos+ner+chunk\n'), /runs\.csv:2: column 'tasks': expected one task name or two/);
  assert.throws(bad('run,tasks\nr1,pos\nr1,ner\n'), /runs\.csv:3: run 'r1' was already listed on line 2/);
  assert.throws(bad('run,tasks\nr1,pos+ner\nr2,ner+pos\n'), /runs\.csv:3: a run of ner\+pos with seed 1 is already on line 2/);
  assert.throws(bad('run,tasks,seed\nr1,pos,-1\n'), /runs\.csv:2: column 'seed': expected a number ≥ 0, got '-1'/);
  assert.throws(bad('run,tasks\n'), /runs\.csv: no runs/);
});

const readCurves = (rows: string) => readCurvesCsv(parseCsv(`run,task,step,loss\n${rows}`, 'curves.csv'), runs);

test('curves.csv: each head in logged order; unknown runs, foreign tasks and bad numbers are errors', () => {
  const { curves, notes } = readCurves('r1,pos,10,2\nr2,ner,10,3\nr1,pos,20,1.5\n');
  assert.deepEqual(
    [...curves.values()],
    [
      { step: [10, 20], loss: [2, 1.5] },
      { step: [10], loss: [3] },
    ],
  );
  assert.deepEqual(notes, []);
  const bad = (text: string) => () => readCurves(text);
  assert.throws(bad('r9,pos,1,1\n'), /curves\.csv:2: column 'run': expected a run listed in runs\.csv, got 'r9'/);
  assert.throws(bad('r1,ner,1,1\n'), /curves\.csv:2: column 'task': expected a task of run r1 \(pos\), got 'ner'/);
  assert.throws(bad('r1,pos,1.5,1\n'), /curves\.csv:2: column 'step': expected an integer ≥ 0/);
  assert.throws(bad('r1,pos,1,lots\n'), /curves\.csv:2: column 'loss': expected a number, got 'lots'/);
});

test('curves.csv: non-finite losses are left out, with one note per run', () => {
  const { curves, notes } = readCurves(
    'r1,pos,10,2\nr1,pos,20,nan\nr1,pos,30,1.2\nr2,ner,10,inf\nr2,pos,10,NaN\nr2,pos,20,-Infinity\nr2,ner,20,1\n',
  );
  assert.deepEqual(curves.get(headKey('r1', 'pos')), { step: [10, 30], loss: [2, 1.2] });
  assert.deepEqual(curves.get(headKey('r2', 'ner')), { step: [20], loss: [1] });
  assert.deepEqual(curves.get(headKey('r2', 'pos')), { step: [], loss: [] });
  assert.deepEqual(notes, [
    'run r1: non-finite training losses left out of its curve (pos at step 20)',
    'run r2: non-finite training losses left out of its curve (ner at step 10; pos at steps 10 and 20)',
  ]);
});

test('curves.csv: a restarted run keeps its last attempt, with a note; a resumed one its earlier steps too', () => {
  // Restarted from scratch: steps 10, 20, 30, then 10, 20 again.
  const restarted = readCurves('r1,pos,10,3\nr1,pos,20,2\nr1,pos,30,1.5\nr1,pos,10,2.9\nr1,pos,20,2.1\n');
  assert.deepEqual(restarted.curves.get(headKey('r1', 'pos')), { step: [10, 20], loss: [2.9, 2.1] });
  assert.deepEqual(restarted.notes, [
    'run r1: curves.csv steps go back (pos: from step 30 back to 10 on line 5, replacing 3 earlier points): a restarted run, whose last attempt counts',
  ]);
  // Resumed from a checkpoint at step 20: the first attempt's step 10 stays.
  const resumed = readCurves('r1,pos,10,3\nr1,pos,20,2\nr1,pos,30,1.5\nr1,pos,30,1.6\nr1,pos,40,1.4\n');
  assert.deepEqual(resumed.curves.get(headKey('r1', 'pos')), { step: [10, 20, 30, 40], loss: [3, 2, 1.6, 1.4] });
  assert.match(resumed.notes[0], /from step 30 back to 30 on line 5, replacing 1 earlier point\)/);
});

test('scores.csv: metrics by step; percentages and unknown metrics are errors', () => {
  const text = 'run,task,step,metric,value\nr1,pos,5,test_f1,0.9\nr1,pos,5,dev_f1,0.8\n';
  const { scores, notes } = readScoresCsv(parseCsv(text, 'scores.csv'), runs);
  assert.deepEqual([...scores.values()][0], [{ step: 5, metrics: { test_f1: 0.9, dev_f1: 0.8 }, lines: { test_f1: 2, dev_f1: 3 } }]);
  assert.deepEqual(notes, []);
  const bad = (row: string) => () => readScoresCsv(parseCsv(`run,task,step,metric,value\n${row}`, 'scores.csv'), runs);
  assert.throws(bad('r1,pos,5,f1,0.9\n'), /scores\.csv:2: column 'metric': expected one of test_f1, test_accuracy, dev_f1, dev_accuracy/);
  assert.throws(bad('r1,pos,5,test_f1,90\n'), /scores\.csv:2: column 'value': expected a score between 0 and 1 \(not a percentage\)/);
});

test('scores.csv: each metric in logged order (sorted by metric is fine); a restarted run keeps its last attempt', () => {
  const byMetric = 'r1,pos,5,test_f1,0.5\nr1,pos,10,test_f1,0.6\nr1,pos,5,dev_f1,0.4\nr1,pos,10,dev_f1,0.5\n';
  const sorted = readScoresCsv(parseCsv(`run,task,step,metric,value\n${byMetric}`, 'scores.csv'), runs);
  assert.deepEqual(sorted.notes, []);
  assert.deepEqual(
    sorted.scores.get(headKey('r1', 'pos'))?.map((p) => p.metrics),
    [
      { test_f1: 0.5, dev_f1: 0.4 },
      { test_f1: 0.6, dev_f1: 0.5 },
    ],
  );
  const restart = 'r1,pos,5,test_f1,0.5\nr1,pos,10,test_f1,0.6\nr1,pos,5,test_f1,0.55\n';
  const restarted = readScoresCsv(parseCsv(`run,task,step,metric,value\n${restart}`, 'scores.csv'), runs);
  assert.deepEqual(
    restarted.scores.get(headKey('r1', 'pos'))?.map((p) => [p.step, p.metrics.test_f1]),
    [[5, 0.55]],
  );
  assert.deepEqual(restarted.notes, [
    'run r1: scores.csv steps go back (pos test_f1: from step 10 back to 5 on line 4, replacing 2 earlier points): a restarted run, whose last attempt counts',
  ]);
});

test('the step that counts: last, best dev, or a given step, with the test metrics there', () => {
  const full = (step: number, test: number, dev: number) => ({
    step,
    lines: {},
    metrics: { test_f1: test, test_accuracy: test, dev_f1: dev, dev_accuracy: dev },
  });
  const points = [full(100, 0.7, 0.75), full(200, 0.8, 0.78), full(300, 0.82, 0.78)];
  assert.equal((chooseScorePoint(points, 'last') as { step: number }).step, 300);
  assert.equal((chooseScorePoint(points, 'best-dev') as { step: number }).step, 200);
  assert.equal((chooseScorePoint(points, 100) as { step: number }).step, 100);
  assert.equal(chooseScorePoint(points, 150), 'no scores at step 150');
  const partial = [{ step: 9, lines: {}, metrics: { test_f1: 0.5 } }];
  assert.equal(
    chooseScorePoint(partial, 'last'),
    'step 9 (the step that counts) lacks test_accuracy; expected test_f1 and test_accuracy there',
  );
  assert.match(chooseScorePoint(partial, 'best-dev') as string, /no dev_f1 at any step/);
  // Test scores alone are enough unless the dev scores are to pick the step.
  const testOnly = [{ step: 9, lines: {}, metrics: { test_f1: 0.5, test_accuracy: 0.6 } }];
  assert.equal((chooseScorePoint(testOnly, 'last') as { step: number }).step, 9);
  assert.equal((chooseScorePoint(testOnly, 9) as { step: number }).step, 9);
});

test('task_features.csv: dataset features of known tasks, each once', () => {
  const tasks = new Set(['pos', 'ner']);
  const table = readTaskFeaturesCsv(parseCsv('task,feature,value\npos,sentences,100\npos,oov_rate,2.5\n', 't.csv'), tasks);
  assert.deepEqual(table.get('pos'), { sentences: 100, oov_rate: 2.5 });
  const bad = (row: string) => () => readTaskFeaturesCsv(parseCsv(`task,feature,value\n${row}`, 't.csv'), tasks);
  assert.throws(bad('chunk,sentences,1\n'), /t\.csv:2: column 'task': expected a task of runs\.csv \(pos, ner\), got 'chunk'/);
  assert.throws(bad('pos,curve_a,1\n'), /t\.csv:2: column 'feature': expected a dataset feature: sentences, labels/);
  assert.throws(bad('pos,labels,3\npos,labels,4\n'), /t\.csv:3: labels of pos is already given on line 2/);
});
