import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readAffinityRecord } from '../../src/affinity/affinityFile.js';
import { affinityCommand } from '../../src/cli/affinity.js';
import { readRuns } from '../../src/study/studyFolder.js';
import { excerptStudy, twoTaskStudy } from '../study/studyTesting.js';
import { finished, startTaskrel, taskrel } from './cliTesting.js';

test('affinity rejects bad arguments with one-line errors', async () => {
  const { specFile } = excerptStudy();
  await assert.rejects(affinityCommand.run([]), /^TaskrelError: taskrel affinity: missing study spec file/);
  await assert.rejects(affinityCommand.run([specFile, '--lookahead', 'adam']), /--lookahead adam: expected one of sgd, optimizer/);
  await assert.rejects(affinityCommand.run([specFile, '--rate', '0']), /--rate 0: expected a positive number/);
  await assert.rejects(affinityCommand.run([specFile, '--lookahead', 'optimizer', '--rate', '0.1']), /--rate sets the sgd lookahead/);
  await assert.rejects(affinityCommand.run([specFile, '--every', '0']), /--every 0: expected an integer ≥ 1/);
  await assert.rejects(affinityCommand.run([specFile, '--rescore']), /--rescore: no .*affinity\.json yet; run without --rescore first/);
  await assert.rejects(affinityCommand.run([specFile, '--groups', '4']), /--groups 4: expected at most 3, the study's tasks/);
  await assert.rejects(
    affinityCommand.run([specFile, '--checkpoint-every=-1']),
    /--checkpoint-every -1: expected a number of seconds ≥ 0 \(0: no checkpoints\)/,
  );
});

test(
  'an affinity run interrupted with Ctrl-C saves a checkpoint; run again, it continues and records what an uninterrupted run records',
  { timeout: 600_000 },
  async () => {
    const untimed = (dir: string) => {
      const record = readAffinityRecord(dir);
      assert.ok(record !== null);
      const {
        finishedAt: _f,
        cost: { seconds: _s, gradientSeconds: _g, lookaheadSeconds: _l, ...cost },
        ...rest
      } = record;
      return { ...rest, cost };
    };
    const reference = twoTaskStudy();
    const whole = await taskrel(['affinity', reference.specFile, '--every', '25', '--checkpoint-every', '0']);
    assert.equal(whole.code, 0, whole.stderr);

    const { specFile, dir } = twoTaskStudy();
    const child = startTaskrel(['affinity', specFile, '--every', '25']);
    const output = finished(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    while (!/affinity run: step/.test(stderr)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const interrupted = await output;
    assert.equal(interrupted.code, 130, interrupted.stderr);
    const [, step] = interrupted.stderr.match(/saved the affinity run at step (\d+) of 600/) ?? assert.fail(interrupted.stderr);
    assert.ok(existsSync(join(dir, 'checkpoints', 'affinity.ckpt')));

    const resumed = await taskrel(['affinity', specFile, '--every', '25']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`resumed the affinity run at step ${step} of 600`));
    assert.deepEqual(untimed(dir), untimed(reference.dir));
    assert.equal(existsSync(join(dir, 'checkpoints', 'affinity.ckpt')), false, 'removed once affinity.json is written');
  },
);

test(
  'on a trained study: one joint run, scored against the pairwise gains, in the terminal and the report',
  { timeout: 300_000 },
  async () => {
    const { specFile, dir } = excerptStudy();
    const before = await taskrel(['affinity', specFile, '--every', '10']);
    assert.equal(before.code, 0, before.stderr);
    assert.match(before.stdout, /affinity run of 3 tasks: 120 batches, 12 measurements \(every 10 steps, sgd lookahead, η 0\.001\)/);
    assert.match(before.stdout, /no gains in .*gains\.csv yet: train the study/);

    const trained = await taskrel(['study', specFile, '--workers', '2']);
    assert.equal(trained.code, 0, trained.stderr);
    const scored = await taskrel(['affinity', specFile, '--rescore']);
    assert.equal(scored.code, 0, scored.stderr);
    const record = readAffinityRecord(dir);
    assert.ok(record !== null);
    assert.deepEqual(record.tasks, ['x-upos', 'x-xpos', 'x-deprel']);
    assert.deepEqual(record.sharedParameters, [
      'shared.lstm.input',
      'shared.lstm.bias',
      'shared.lstm.forward',
      'shared.lstm.backward',
      'shared.embeddings',
    ]);
    const runs = readRuns(dir);
    const studyBatches = runs.reduce((s, r) => s + r.batches, 0);
    assert.equal(studyBatches, 3 * 40 + 3 * 80);
    assert.match(
      scored.stdout,
      new RegExp(`excerpt: 6 directed pairs of 3 tasks \\(3 main tasks, .*\\), measured by 6 runs \\(${studyBatches} batches`),
    );
    for (const label of [
      'TAG lookahead affinity',
      'gradient cosine',
      'meta-model, all features',
      'label NMI',
      'best mean gain elsewhere',
    ]) {
      assert.match(scored.stdout, new RegExp(`^${label} `, 'm'));
    }
    // Three tasks leave each main task two auxiliary tasks: too few to rank, so the verdict judges first choices.
    assert.match(scored.stdout, /No main task has the three auxiliary tasks a rank correlation needs, so only first choices can be tested/);
    assert.match(readFileSync(join(dir, 'predictors.json'), 'utf8'), /"format": "taskrel-predictors\/1"/);
    const lookaheadBatches = 120 + 12 * 3 + 12 * (3 + 9);
    assert.match(scored.stdout, new RegExp(`${lookaheadBatches} \\(${(lookaheadBatches / studyBatches).toFixed(2)}\\)`));
    assert.match(scored.stdout, /k = 2 {2}best under the gains: \{[^}]+\} \{[^}]+\}/);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.match(html, /<section id="predictors"/);
    assert.match(html, /data-chart="predictor-scatter"/);
    assert.match(html, /One hard-sharing run over the 3 tasks/);
  },
);
