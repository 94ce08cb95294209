import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { readJsonFile } from '../../../src/shared/jsonFile.js';
import { taskrelVersion } from '../../../src/packageInfo.js';
import { type RunJobData, type RunJobProgress, runJobData } from '../../../src/study/distributed/jobData.js';
import { QueueCoordinator } from '../../../src/study/distributed/queueCoordinator.js';
import { RUN_QUEUE } from '../../../src/study/distributed/runQueue.js';
import { RunWorker } from '../../../src/study/distributed/runWorker.js';
import { type PreparedStudy, prepareStudy } from '../../../src/study/prepareStudy.js';
import { peekCheckpoint } from '../../../src/study/checkpointFile.js';
import { checkpointFile } from '../../../src/study/runCheckpoint.js';
import { parseStudySpec } from '../../../src/study/spec.js';
import { checkpointFolder, writeStudySpec } from '../../../src/study/studyFolder.js';
import type { RunJob } from '../../../src/study/workerMessages.js';
import { excerptStudy } from '../studyTesting.js';
import { type RedisServer, startRedisServer } from './redisServer.js';

let redis: RedisServer;
let prepared: PreparedStudy;
let fingerprints: Map<string, string>;
before(async () => {
  redis = await startRedisServer();
  const { specFile } = excerptStudy();
  prepared = await prepareStudy(parseStudySpec(await readJsonFile(specFile), specFile, dirname(specFile)));
  fingerprints = new Map(prepared.tasks.map((t) => [t.name, t.fingerprint]));
});
after(async () => {
  await redis.stop();
});

function startWorker(checkpointEvery = 0): { worker: RunWorker; lines: string[] } {
  const lines: string[] = [];
  const worker = new RunWorker({ url: redis.url, concurrency: 1, lockMs: 30_000, checkpointEvery, log: (line) => void lines.push(line) });
  return { worker, lines };
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('a worker refuses, without retrying, a run of another taskrel version or over other data', { timeout: 120_000 }, async () => {
  const job: RunJob = { spec: prepared.spec, plan: prepared.plans[0] };
  const queue = new Queue<RunJobData>(RUN_QUEUE, { connection: { url: redis.url } });
  const { worker, lines } = startWorker();
  try {
    // From another version, with a field this version does not know: the version is what the worker reports.
    const elsewhereData = { ...runJobData(job, '0.0.1-elsewhere', fingerprints), priority: 'high' } as RunJobData;
    await queue.add(job.plan.id, elsewhereData, { jobId: 'old-version', attempts: 3 });
    await until(async () => (await queue.getJobState('old-version')) === 'failed', 'the refusal');
    const refused = await queue.getJob('old-version');
    assert.equal(refused?.attemptsMade, 1);
    assert.equal(
      refused?.failedReason,
      `this worker has taskrel ${taskrelVersion}, study 'excerpt' was planned with taskrel 0.0.1-elsewhere; install the same version on every machine`,
    );
    assert.ok(
      lines.some((l) => /refused single--\S+: this worker has taskrel/.test(l)),
      lines.join('\n'),
    );

    // The coordinator's fingerprint of the run's task differs from this machine's data.
    const [task] = job.plan.tasks;
    const elsewhere = new Map(fingerprints).set(task, 'f'.repeat(64));
    const failed: string[] = [];
    await new QueueCoordinator({ url: redis.url, fingerprints: elsewhere }).run([job], {
      start: () => undefined,
      progress: () => undefined,
      checkpoint: () => undefined,
      done: () => assert.fail('a run over other data was trained'),
      failed: (_worker, _plan, message) => void failed.push(message),
    });
    assert.equal(failed.length, 1);
    assert.match(
      failed[0],
      new RegExp(
        `^task '${task}' of study 'excerpt': the data on this machine differ from the coordinator's \\(fingerprint [0-9a-f]{12}, expected ffffffffffff\\)`,
      ),
    );
  } finally {
    await worker.stop();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

test('a stopped worker hands its run back to the queue at once and stops its training process', { timeout: 120_000 }, async () => {
  // Long enough that it is still training when the worker stops.
  const job: RunJob = { spec: prepared.spec, plan: { ...prepared.plans[0], batches: 1_000_000 } };
  const queue = new Queue<RunJobData>(RUN_QUEUE, { connection: { url: redis.url } });
  const { worker, lines } = startWorker();
  try {
    await queue.add(job.plan.id, runJobData(job, taskrelVersion, fingerprints), { jobId: 'long-run' });
    await until(() => lines.some((l) => l.includes('started')), 'the run to start');
    const pid = Number(/:(\d+) started/.exec(lines.join('\n'))?.[1]);
    await worker.stop();
    assert.equal(await queue.getJobState('long-run'), 'waiting');
    assert.equal((await queue.getJob('long-run'))?.attemptsMade, 0);
    assert.throws(() => process.kill(pid, 0), /ESRCH/, 'the training process outlived its worker');
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

test(
  'a worker stopped with checkpoints on first saves one of its run, where the next worker to see the study folder finds it',
  { timeout: 120_000 },
  async () => {
    const job: RunJob = { spec: prepared.spec, plan: { ...prepared.plans[0], batches: 1_000_000 } };
    // The coordinator would have written it: the folder is then visible to workers on this machine.
    writeStudySpec(prepared.spec.output, prepared.spec);
    const queue = new Queue<RunJobData>(RUN_QUEUE, { connection: { url: redis.url } });
    // An interval no run reaches: the only checkpoint is the one stopping asks for.
    const { worker, lines } = startWorker(3600);
    try {
      await queue.add(job.plan.id, runJobData(job, taskrelVersion, fingerprints), { jobId: 'saved-run' });
      const training = async (): Promise<boolean> =>
        ((await queue.getJob('saved-run'))?.progress as RunJobProgress | undefined)?.progress != null;
      await until(training, 'the run to train');
      await worker.stop();
      assert.equal(await queue.getJobState('saved-run'), 'waiting');
      const header = peekCheckpoint(checkpointFile(checkpointFolder(prepared.spec.output), job.plan.id));
      assert.ok(
        header !== null && header.step >= 1 && header.run === job.plan.id && header.specHash === job.plan.specHash,
        JSON.stringify(header),
      );
      assert.ok(
        lines.some((l) => l.includes(`saved ${job.plan.id} at step ${header.step.toLocaleString('en-US')}`)),
        lines.join('\n'),
      );
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  },
);

test('a worker holding a run stops within seconds when Redis has become unreachable', { timeout: 60_000 }, async () => {
  const own = await startRedisServer();
  const job: RunJob = { spec: prepared.spec, plan: { ...prepared.plans[0], batches: 1_000_000 } };
  const queue = new Queue<RunJobData>(RUN_QUEUE, { connection: { url: own.url } });
  await queue.add(job.plan.id, runJobData(job, taskrelVersion, fingerprints), { jobId: 'long-run' });
  await queue.close();
  const lines: string[] = [];
  const worker = new RunWorker({ url: own.url, concurrency: 1, lockMs: 30_000, checkpointEvery: 0, log: (line) => void lines.push(line) });
  await until(() => lines.some((l) => l.includes('started')), 'the run to start');
  await own.stop();
  await until(() => lines.some((l) => l.startsWith('redis: ')), 'the lost connection to be noticed');
  const started = Date.now();
  await worker.stop();
  assert.ok(Date.now() - started < 15_000, `stop took ${Date.now() - started} ms`);
});
