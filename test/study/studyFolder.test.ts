import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { computeGains } from '../../src/study/gains.js';
import {
  readGains,
  readRuns,
  runFile,
  scanRuns,
  setAsideRuns,
  setAsideUnreadableRuns,
  writeGains,
  writeRun,
} from '../../src/study/studyFolder.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { fakeRun } from './studyTesting.js';

test('runs and gains round-trip through the study folder', async () => {
  const dir = temporaryDirectory();
  const runs = [1, 2].flatMap((seed) => [
    fakeRun('single', ['a'], seed, { a: 0.8 + seed / 100 }),
    fakeRun('single', ['b'], seed, { b: 0.5 }),
    fakeRun('pair', ['a', 'b'], seed, { a: 0.85, b: 0.49 + seed / 100 }),
  ]);
  for (const run of runs) writeRun(dir, run);
  assert.deepEqual(
    readRuns(dir),
    [...runs].sort((x, y) => x.id.localeCompare(y.id)),
  );
  const gains = computeGains(runs, ['a', 'b']).rows;
  writeGains(dir, gains);
  assert.deepEqual(await readGains(dir), gains);
});

test('gains without a relative gain and with flags round-trip; a gains.csv of an earlier taskrel still reads', async () => {
  const dir = temporaryDirectory();
  const runs = [1, 2, 3].flatMap((seed) => [
    fakeRun('single', ['a'], seed, { a: seed === 1 ? 0.01 : 0.8 }),
    fakeRun('single', ['b'], seed, { b: 0.5 }),
    fakeRun('pair', ['a', 'b'], seed, { a: 0.85, b: seed === 3 ? 0.3 : 0.5 }),
  ]);
  const gains = computeGains(runs, ['a', 'b']).rows;
  assert.ok(gains.some((g) => g.gain === null) && gains.every((g) => g.flag !== ''), 'both pairs are flagged, one has no relative gain');
  writeGains(dir, gains);
  assert.deepEqual(await readGains(dir), gains);
  writeFileSync(join(dir, 'gains.csv'), 'main,aux,gain,ciLow,ciHigh,pValue,singleF1,pairF1,seeds\na,b,0.05,,,,0.8,0.84,1\n');
  const [old] = await readGains(dir);
  assert.deepEqual(
    { ...old, diff: Number(old.diff.toFixed(12)) },
    {
      main: 'a',
      aux: 'b',
      seeds: 1,
      singleF1: 0.8,
      pairF1: 0.84,
      gain: 0.05,
      ciLow: null,
      ciHigh: null,
      pValue: null,
      diff: 0.04,
      diffLow: null,
      diffHigh: null,
      flag: '',
    },
  );
});

test('a corrupt run file is an error naming the file and field', () => {
  const dir = temporaryDirectory();
  mkdirSync(join(dir, 'runs'));
  const run = fakeRun('single', ['a'], 1, { a: 0.8 });
  writeFileSync(runFile(dir, run.id), JSON.stringify({ ...run, seed: 'one' }));
  assert.throws(() => readRuns(dir), /runs\/single--a--s1\.json: seed: expected an integer ≥ 0, got "one"/);
  writeFileSync(runFile(dir, run.id), '{"id": ');
  assert.throws(() => readRuns(dir), /single--a--s1\.json: not valid JSON/);
});

test('unreadable run files are found and set aside; the readable ones stay', () => {
  const dir = temporaryDirectory();
  const good = fakeRun('single', ['a'], 1, { a: 0.8 });
  writeRun(dir, good);
  writeFileSync(runFile(dir, 'single--b--s1'), '{"id": "single--b--s1", "kind": "sin');
  const { runs, unreadable } = scanRuns(dir);
  assert.deepEqual(runs, [good]);
  assert.deepEqual(
    unreadable.map((u) => u.file),
    [runFile(dir, 'single--b--s1')],
  );
  assert.throws(
    () => readRuns(dir),
    /single--b--s1\.json: not valid JSON .*\(taskrel study sets an unreadable run file aside and trains its run again\)/,
  );
  const moved = setAsideUnreadableRuns(dir);
  assert.equal(moved.length, 1);
  assert.match(moved[0].movedTo, /runs\/unreadable\/single--b--s1\.\d+\.json$/);
  assert.deepEqual(readRuns(dir), [good]);
  assert.deepEqual(readdirSync(join(dir, 'runs', 'unreadable')).length, 1);
});

test('a gains.csv with a header only (no pair scored) reads as no gains', async () => {
  const dir = temporaryDirectory();
  writeGains(dir, []);
  assert.deepEqual(await readGains(dir), []);
});

test('a flag with commas and quotes round-trips; a bad cell is an error naming the file, line and column', async () => {
  const dir = temporaryDirectory();
  const [row] = computeGains([fakeRun('single', ['a'], 1, { a: 0.8 }), fakeRun('pair', ['a', 'b'], 1, { a: 0.84 })], ['a', 'b']).rows;
  const flagged = { ...row, flag: 'seed 3 "diverged", see runs/' };
  writeGains(dir, [flagged]);
  assert.deepEqual(await readGains(dir), [flagged]);
  writeFileSync(
    join(dir, 'gains.csv'),
    'main,aux,gain,ciLow,ciHigh,pValue,singleF1,pairF1,seeds\na,b,0.05,,,,0.8,0.84,1\na,c,,,,,0.8,n/a,1\n',
  );
  await assert.rejects(readGains(dir), /gains\.csv:3: column 'pairF1': expected a number, got 'n\/a'$/);
});

test('writing leaves no temporary files behind', () => {
  const dir = temporaryDirectory();
  writeRun(dir, fakeRun('single', ['a'], 1, { a: 0.8 }));
  writeGains(dir, []);
  assert.deepEqual(readdirSync(dir).sort(), ['gains.csv', 'runs']);
  assert.deepEqual(readdirSync(join(dir, 'runs')), ['single--a--s1.json']);
});

test('runs outside the current plan are set aside into runs/superseded/, not deleted', () => {
  const dir = temporaryDirectory();
  const kept = fakeRun('single', ['a'], 1, { a: 0.8 });
  const stale = fakeRun('single', ['b'], 1, { b: 0.5 });
  const removed = fakeRun('single', ['c'], 1, { c: 0.5 });
  for (const run of [kept, stale, removed]) writeRun(dir, run);
  const moved = setAsideRuns(
    dir,
    new Map([
      [kept.id, kept.specHash],
      [stale.id, 'new-hash'],
    ]),
  );
  assert.deepEqual(moved.sort(), [stale.id, removed.id].sort());
  assert.deepEqual(
    readRuns(dir).map((r) => r.id),
    [kept.id],
  );
  assert.equal(readdirSync(join(dir, 'runs', 'superseded')).length, 2);
});
