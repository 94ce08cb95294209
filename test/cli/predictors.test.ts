import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeAffinityRecord } from '../../src/affinity/affinityFile.js';
import { describeScoreboard, predictorsCommand, scoreboardSummary } from '../../src/cli/predictors.js';
import { readScoreboard } from '../../src/predictors/scoreboardFile.js';
import { tinyAffinityRecord } from '../affinity/affinityFixture.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { scoredTinyStudy } from '../predictors/scoreboardFixture.js';
import { copyTinyStudy } from '../report/tinyStudy.js';

test('predictors rejects bad arguments with one-line errors', async () => {
  await assert.rejects(predictorsCommand.run([]), /^TaskrelError: taskrel predictors: missing study folder/);
  await assert.rejects(predictorsCommand.run(['a', '--permutations', '0']), /--permutations 0: expected an integer ≥ 1/);
  await assert.rejects(predictorsCommand.run([temporaryDirectory()]), /not a study folder \(no study\.json\)/);
});

test('the terminal table: a row per predictor with its p-values and costs, the unavailable ones, groupings, the verdict', async () => {
  const { record } = await scoredTinyStudy();
  const lines = describeScoreboard(record);
  const text = lines.join('\n');
  assert.match(
    text,
    /tiny-study: 12 directed pairs of 4 tasks \(4 main tasks, 7 gain; gain: relative gain > 0\), measured by 20 runs \(12,800 batches/,
  );
  for (const p of record.predictors) assert.match(text, new RegExp(`^${p.label.replace(/[()]/g, '\\$&')} `, 'm'), p.label);
  const lookahead = lines.find((l) => l.startsWith('TAG lookahead affinity '));
  assert.match(lookahead ?? '', /joint run .* 2,800 \(0\.22\) +2m00s \(0\.083\)$/);
  assert.match(text, /k = 2 {2}best under the gains: \{[^}]+\} \{[^}]+\}/);
  assert.match(lines.at(-1) ?? '', /^(Trust|No predictor ranks)/);
});

test('on a study folder: writes predictors.json and the report’s section', { timeout: 600_000 }, async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  process.env.TASKREL_CACHE = cacheDir;
  const log = console.log;
  const out: string[] = [];
  console.log = (...args: unknown[]) => void out.push(args.join(' '));
  try {
    writeAffinityRecord(studyDir, tinyAffinityRecord());
    assert.equal(await predictorsCommand.run([studyDir, '--permutations', '99', '--bootstrap', '50', '--seed', '3']), 0);
    const record = readScoreboard(studyDir);
    assert.ok(record !== null);
    assert.deepEqual([record.protocol.permutations, record.protocol.resamples, record.protocol.seed], [99, 50, 3]);
    assert.match(out.join('\n'), /wrote .*predictors\.json/);
    assert.ok(existsSync(join(studyDir, 'index.html')));
    assert.match(readFileSync(join(studyDir, 'index.html'), 'utf8'), /<section id="predictors"/);
  } finally {
    console.log = log;
    delete process.env.TASKREL_CACHE;
    rmSync(root, { recursive: true, force: true });
  }
});

test("the summary after a study or an analysis gives the scoreboard's notes before its verdict", { timeout: 600_000 }, async () => {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  process.env.TASKREL_CACHE = cacheDir;
  const log = console.log;
  console.log = () => {};
  try {
    const lines = await scoreboardSummary(studyDir);
    assert.equal(lines[0], 'note: only 4 main tasks: held-out scores, bootstrap intervals and p-values over so few are rough');
    assert.match(lines.at(-2) ?? '', /^(Trust|No predictor ranks)/);
    assert.equal(lines.at(-1), `every predictor's scores: taskrel predictors ${studyDir}`);
  } finally {
    console.log = log;
    delete process.env.TASKREL_CACHE;
    rmSync(root, { recursive: true, force: true });
  }
});
