import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import test from 'node:test';
import { readJsonFile } from '../../../src/shared/jsonFile.js';
import { parseRunJobData, parseRunJobProgress, runJobData } from '../../../src/study/distributed/jobData.js';
import { isJobOfStudy, runJobId, studyKey } from '../../../src/study/distributed/runQueue.js';
import { planRuns } from '../../../src/study/runPlan.js';
import { type StudySpec, parseStudySpec } from '../../../src/study/spec.js';
import { excerptStudy } from '../studyTesting.js';

const fingerprints = new Map([
  ['x-upos', 'a1'],
  ['x-xpos', 'b2'],
  ['x-deprel', 'c3'],
]);

async function excerptSpec(overrides: Record<string, unknown> = {}): Promise<StudySpec> {
  const { specFile } = excerptStudy(overrides);
  return parseStudySpec(await readJsonFile(specFile), specFile, dirname(specFile));
}

test('job data carry the fingerprints of the tasks a run reads, and survive the trip through Redis', async () => {
  const spec = await excerptSpec();
  const pair = planRuns(spec, fingerprints).find((p) => p.id === 'pair--x-upos+x-xpos--s7');
  assert.ok(pair);
  const data = runJobData({ spec, plan: pair, backend: 'cpu' }, '1.2.3', fingerprints);
  assert.deepEqual(data.fingerprints, { 'x-upos': 'a1', 'x-xpos': 'b2' });
  assert.deepEqual(parseRunJobData(JSON.parse(JSON.stringify(data)), 'job'), data);

  const studyWide = await excerptSpec({ vocabulary: { scope: 'study' } });
  const single = planRuns(studyWide, fingerprints)[0];
  assert.deepEqual(runJobData({ spec: studyWide, plan: single }, '1.2.3', fingerprints).fingerprints, {
    'x-upos': 'a1',
    'x-xpos': 'b2',
    'x-deprel': 'c3',
  });
});

test('malformed job data and progress are one error naming the job and field', async () => {
  const spec = await excerptSpec();
  const data = JSON.parse(JSON.stringify(runJobData({ spec, plan: planRuns(spec, fingerprints)[0] }, '1.2.3', fingerprints)));
  assert.throws(
    () => parseRunJobData({ ...data, plan: { ...data.plan, seed: -1 } }, 'job 7'),
    /^TaskrelError: job 7: plan\.seed: expected an integer ≥ 0, got -1$/,
  );
  assert.throws(
    () => parseRunJobData({ ...data, plan: { ...data.plan, tasks: ['a', 'b'] } }, 'job 7'),
    /job 7: plan\.tasks: expected 1 task names for a single run/,
  );
  assert.throws(
    () => parseRunJobData({ ...data, taskrel: undefined }, 'job 7'),
    /job 7: taskrel: expected a non-empty string, got nothing/,
  );
  assert.throws(
    () => parseRunJobData({ ...data, spec: { ...data.spec, batchSize: 0 } }, 'job 7'),
    /job 7: spec: batchSize: expected an integer ≥ 1/,
  );

  assert.deepEqual(parseRunJobProgress({ worker: 'h:1', progress: null }, 'p'), { worker: 'h:1', progress: null });
  const diverged = parseRunJobProgress({ worker: 'h:1', progress: { step: 3, batches: 9, task: 'x-upos', loss: null } }, 'p');
  assert.ok(Number.isNaN(diverged.progress?.loss));
  assert.throws(
    () => parseRunJobProgress({ worker: 'h:1', progress: { step: 3, batches: 9, task: 'x' } }, 'progress of job 4'),
    /progress of job 4: progress\.loss: expected a number, got nothing/,
  );

  const resumed = {
    worker: 'h:1',
    progress: null,
    checkpoint: { kind: 'resumed', step: 40, batches: 80, savedAt: '2026-01-01T00:00:00Z' },
  };
  assert.deepEqual(parseRunJobProgress(JSON.parse(JSON.stringify(resumed)), 'p'), resumed);
  const aside = {
    worker: 'h:1',
    progress: null,
    checkpoint: { kind: 'set-aside', reason: 'damaged', movedTo: '/s/checkpoints/set-aside/r.ckpt' },
  };
  assert.deepEqual(parseRunJobProgress(aside, 'p'), aside);
  assert.throws(
    () => parseRunJobProgress({ ...resumed, checkpoint: { kind: 'resumed', step: 0, batches: 80, savedAt: 'x' } }, 'p'),
    /p: checkpoint\.step: expected an integer ≥ 1, got 0/,
  );
  assert.throws(
    () => parseRunJobProgress({ ...resumed, checkpoint: { kind: 'lost' } }, 'p'),
    /p: checkpoint\.kind: expected one of 'resumed', 'saved', 'set-aside', 'not-saved'/,
  );
});

test('job ids name the study folder, the run and its spec hash', async () => {
  const spec = await excerptSpec();
  const other = { ...spec, output: `${spec.output}-copy` };
  const plan = planRuns(spec, fingerprints)[0];
  const study = studyKey(spec);
  assert.match(study, /^excerpt\.[0-9a-f]{8}$/);
  assert.notEqual(studyKey(other), study);
  assert.equal(runJobId(study, plan), `${study}--single--x-upos--s7--${plan.specHash}`);
  assert.ok(isJobOfStudy(runJobId(study, plan), study));
  assert.ok(!isJobOfStudy(runJobId(studyKey(other), plan), study));
});
