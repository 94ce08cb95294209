import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import {
  CHECKPOINT_EVERY_ENV,
  ownCheckpointRoot,
  pruneOwnCheckpoints,
  workerCheckpoints,
} from '../../../src/study/distributed/workerCheckpoints.js';
import { runJobData } from '../../../src/study/distributed/jobData.js';
import { studyKey } from '../../../src/study/distributed/runQueue.js';
import { planRuns } from '../../../src/study/runPlan.js';
import { parseStudySpec } from '../../../src/study/spec.js';
import { writeStudySpec } from '../../../src/study/studyFolder.js';
import { temporaryDirectory } from '../../data/testFiles.js';

const fingerprints = new Map([
  ['ewt-upos', 'f1'],
  ['ewt-chunk', 'f2'],
]);

/** A queued run of a two-task study whose coordinator keeps the study folder at `output`. */
function jobOf(output: string) {
  const spec = parseStudySpec({ name: 'w', tasks: ['ewt-upos', 'ewt-chunk'], budget: { singleBatches: 10 }, output }, 'spec', '/');
  return { spec, data: runJobData({ spec, plan: planRuns(spec, fingerprints)[0] }, '0.1.0', fingerprints) };
}

test('a worker keeps checkpoints in the study folder when it sees it, else in its own folder per study; none at 0 s', () => {
  const cache = temporaryDirectory();
  const previous = process.env.TASKREL_CACHE;
  process.env.TASKREL_CACHE = cache;
  try {
    const env = { [CHECKPOINT_EVERY_ENV]: '120' };
    const visible = join(temporaryDirectory(), 'study');
    const { spec, data } = jobOf(visible);
    // Not a study folder yet (no study.json): the worker's own folder, named after the study and its folder.
    assert.deepEqual(workerCheckpoints(data, env), { folder: join(cache, 'checkpoints', studyKey(spec)), everySeconds: 120 });
    writeStudySpec(visible, spec);
    assert.deepEqual(workerCheckpoints(data, env), { folder: join(visible, 'checkpoints'), everySeconds: 120 });
    // The coordinator's path names the study's folder here, whatever the worker's working directory.
    const elsewhere = jobOf('/nonexistent/machine-a/study');
    assert.equal(workerCheckpoints(elsewhere.data, env)?.folder, join(cache, 'checkpoints', studyKey(elsewhere.spec)));
    assert.notEqual(studyKey(elsewhere.spec), studyKey(spec));
    assert.equal(workerCheckpoints(data, { [CHECKPOINT_EVERY_ENV]: '0' }), undefined);
    assert.equal(workerCheckpoints(data, {}), undefined);
  } finally {
    if (previous === undefined) delete process.env.TASKREL_CACHE;
    else process.env.TASKREL_CACHE = previous;
  }
});

test("a worker's own checkpoints not written for a week are removed, newer ones kept", () => {
  const previous = process.env.TASKREL_CACHE;
  process.env.TASKREL_CACHE = temporaryDirectory();
  try {
    assert.equal(pruneOwnCheckpoints(), 0, 'no folder yet');
    const folder = join(ownCheckpointRoot(), 'w.12345678');
    mkdirSync(folder, { recursive: true });
    for (const name of ['old.ckpt', 'new.ckpt', 'notes.txt']) writeFileSync(join(folder, name), 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    utimesSync(join(folder, 'old.ckpt'), eightDaysAgo, eightDaysAgo);
    utimesSync(join(folder, 'notes.txt'), eightDaysAgo, eightDaysAgo);
    assert.equal(pruneOwnCheckpoints(), 1);
    assert.deepEqual(readdirSync(folder).sort(), ['new.ckpt', 'notes.txt']);
  } finally {
    if (previous === undefined) delete process.env.TASKREL_CACHE;
    else process.env.TASKREL_CACHE = previous;
  }
});
