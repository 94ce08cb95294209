import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue, Worker } from 'bullmq';
import { readJsonFile } from '../../../src/shared/jsonFile.js';
import { taskrelVersion } from '../../../src/packageInfo.js';
import { type RunJobData, runJobData } from '../../../src/study/distributed/jobData.js';
import { QueueCoordinator } from '../../../src/study/distributed/queueCoordinator.js';
import { RUN_QUEUE, runJobId, studyKey } from '../../../src/study/distributed/runQueue.js';
import type { RunEvents } from '../../../src/study/runExecutor.js';
import { type PreparedStudy, prepareStudy } from '../../../src/study/prepareStudy.js';
import type { RunPlan } from '../../../src/study/runPlan.js';
import type { RunResult } from '../../../src/study/runResult.js';
import { parseStudySpec } from '../../../src/study/spec.js';
import type { RunJob } from '../../../src/study/workerMessages.js';
import { excerptStudy, fakeRun } from '../studyTesting.js';
import { type RedisServer, startRedisServer } from './redisServer.js';

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(async () => {
  await redis.stop();
});

async function preparedExcerpt(): Promise<PreparedStudy> {
  const { specFile } = excerptStudy();
  return prepareStudy(parseStudySpec(await readJsonFile(specFile), specFile, dirname(specFile)));
}

/** A finished run as a worker would return it, without training. */
function resultOf(plan: RunPlan, origin: string): RunResult {
  const run = fakeRun(plan.kind, plan.tasks, plan.seed, Object.fromEntries(plan.tasks.map((t) => [t, 0.5])));
  return { ...run, specHash: plan.specHash, origin };
}

function recorder(): { events: RunEvents; done: RunResult[]; failed: { runId: string; message: string }[] } {
  const done: RunResult[] = [];
  const failed: { runId: string; message: string }[] = [];
  const events: RunEvents = {
    start: () => undefined,
    progress: () => undefined,
    checkpoint: () => undefined,
    done: (_worker, result) => void done.push(result),
    failed: (_worker, plan, message) => void failed.push({ runId: plan.id, message }),
  };
  return { events, done, failed };
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test(
  'a run completed in an earlier session is collected, a failed one queued again, stale jobs of the study removed',
  { timeout: 120_000 },
  async () => {
    const prepared = await preparedExcerpt();
    const fingerprints = new Map(prepared.tasks.map((t) => [t.name, t.fingerprint]));
    const [completedJob, failedJob]: RunJob[] = prepared.plans.slice(0, 2).map((plan) => ({ spec: prepared.spec, plan }));
    const study = studyKey(prepared.spec);
    const id = (job: RunJob): string => runJobId(study, job.plan);
    const connection = { url: redis.url };
    const queue = new Queue<RunJobData, RunResult>(RUN_QUEUE, { connection });
    try {
      // An earlier session: one run finished, one failed, then its coordinator died.
      for (const job of [completedJob, failedJob])
        await queue.add(job.plan.id, runJobData(job, taskrelVersion, fingerprints), { jobId: id(job) });
      const earlier = new Worker<RunJobData, RunResult>(
        RUN_QUEUE,
        async (job) => {
          if (job.id === id(failedJob)) throw new Error('out of memory');
          return resultOf(job.data.plan, 'redis:earlier:1');
        },
        { connection },
      );
      await until(
        async () => (await queue.getJobState(id(completedJob))) === 'completed' && (await queue.getJobState(id(failedJob))) === 'failed',
        'the earlier session',
      );
      await earlier.close();
      const staleId = `${study}--${completedJob.plan.id}--0000000000000000`;
      const otherStudyId = `other.12345678--${completedJob.plan.id}--${completedJob.plan.specHash}`;
      await queue.add('stale', runJobData(completedJob, taskrelVersion, fingerprints), { jobId: staleId });
      await queue.add('other', runJobData(completedJob, taskrelVersion, fingerprints), { jobId: otherStudyId, delay: 3_600_000 });

      const { events, done, failed } = recorder();
      const coordinator = new QueueCoordinator({ url: redis.url, fingerprints, sweepMs: 500 });
      const running = coordinator.run([completedJob, failedJob], events);
      await until(() => done.length === 1, 'the completed run to be collected');
      assert.deepEqual(done[0], resultOf(completedJob.plan, 'redis:earlier:1'));
      assert.equal(await queue.getJobState(id(failedJob)), 'waiting');
      assert.equal(await queue.getJob(staleId), undefined);

      const later = new Worker<RunJobData, RunResult>(RUN_QUEUE, async (job) => resultOf(job.data.plan, 'redis:later:2'), { connection });
      await running;
      await later.close();
      assert.deepEqual(
        done.map((r) => [r.id, r.origin]),
        [
          [completedJob.plan.id, 'redis:earlier:1'],
          [failedJob.plan.id, 'redis:later:2'],
        ],
      );
      assert.deepEqual(failed, []);
      assert.equal(await queue.getJob(id(completedJob)), undefined, 'collected jobs are removed from Redis');
      assert.equal(await queue.getJob(id(failedJob)), undefined);
      assert.equal(await queue.getJobState(otherStudyId), 'delayed', "another study's job is left alone");
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  },
);

test('a result that fails validation is reported as a failed run, not written', { timeout: 120_000 }, async () => {
  const prepared = await preparedExcerpt();
  const fingerprints = new Map(prepared.tasks.map((t) => [t.name, t.fingerprint]));
  const job: RunJob = { spec: prepared.spec, plan: prepared.plans[0] };
  const connection = { url: redis.url };
  const queue = new Queue(RUN_QUEUE, { connection });
  const broken = new Worker(RUN_QUEUE, async (j) => ({ ...resultOf(j.data.plan, 'redis:broken:3'), heads: {} }), { connection });
  try {
    const { events, done, failed } = recorder();
    await new QueueCoordinator({ url: redis.url, fingerprints, sweepMs: 500 }).run([job], events);
    assert.equal(done.length, 0);
    assert.equal(failed.length, 1);
    assert.match(
      failed[0].message,
      /^result of job excerpt\.[0-9a-f]{8}--single--x-upos--s7--[0-9a-f]{16} \(worker unknown\): heads\.x-upos\.curve\.step: expected an array, got nothing$/,
    );
  } finally {
    await broken.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

test('stopping while Redis is unreachable returns within seconds and delivers nothing', { timeout: 60_000 }, async () => {
  const prepared = await preparedExcerpt();
  const fingerprints = new Map(prepared.tasks.map((t) => [t.name, t.fingerprint]));
  const own = await startRedisServer();
  const { events, done, failed } = recorder();
  const warnings: string[] = [];
  const coordinator = new QueueCoordinator({ url: own.url, fingerprints, sweepMs: 200, onWarning: (w) => void warnings.push(w) });
  const running = coordinator.run(
    prepared.plans.map((plan) => ({ spec: prepared.spec, plan })),
    events,
  );
  const queue = new Queue(RUN_QUEUE, { connection: { url: own.url } });
  await until(async () => (await queue.getJobCounts('waiting')).waiting === prepared.plans.length, 'the runs to be queued');
  await queue.close();
  await own.stop();
  await until(() => warnings.some((w) => w.includes('ECONNREFUSED')), 'the lost connection to be noticed');
  // A few sweeps now wait, without limit, for Redis to answer.
  await new Promise((r) => setTimeout(r, 1000));
  const started = Date.now();
  coordinator.stop();
  await running;
  assert.ok(Date.now() - started < 15_000, `stop took ${Date.now() - started} ms`);
  assert.deepEqual([done.length, failed.length], [0, 0]);
});
