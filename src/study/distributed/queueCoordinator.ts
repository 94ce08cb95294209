import { type Job, Queue, QueueEvents } from 'bullmq';
import { TaskrelError } from '../../errors.js';
import { taskrelVersion } from '../../packageInfo.js';
import type { RunPlan } from '../runPlan.js';
import { type RunResult, parseRunResult } from '../runResult.js';
import type { RunEvents, RunExecutor } from '../runExecutor.js';
import { stableStringify } from '../../shared/stableJson.js';
import type { RunJob } from '../workerMessages.js';
import { type RunJobData, type RunJobProgress, parseRunJobProgress, runJobData } from './jobData.js';
import { RUN_QUEUE, isJobOfStudy, runJobId, studyKey } from './runQueue.js';
import { settledWithin } from './settledWithin.js';

export interface QueueCoordinatorOptions {
  /** Redis URL, e.g. `redis://10.0.0.5:6379`. */
  url: string;
  /** Content hash of each task's prepared data; workers compare theirs before training. */
  fingerprints: ReadonlyMap<string, string>;
  /** Tries of a run whose training throws (a crashed worker is bounded separately, by MAX_STALLS). Default 2. */
  attempts?: number;
  /** Every outstanding run's state is also read this often (ms), so a missed event delays a run, never loses it. */
  sweepMs?: number;
  /** A run went back to the queue: its worker stopped renewing its lock, or handed it back when stopped. */
  onRequeued?(worker: string, plan: RunPlan): void;
  /** A connection problem (BullMQ reconnects by itself). */
  onWarning?(message: string): void;
}

/** How long closing waits for Redis before cutting the connection. */
const CLOSE_MS = 5000;

/** BullMQ's reason for a job that stalled more often than the workers' maxStalledCount allows. */
const STALLED = /stalled more than allowable limit/;

/** A run not yet handed over, and the worker (`host:pid`) last seen training it. */
type Outstanding = { runJob: RunJob; data: RunJobData; holder?: string };

/**
 * Has runs trained by `taskrel worker` processes on any machine through a BullMQ queue: enqueues each run
 * (idempotently: a job left by an earlier session is taken over), follows the workers' progress, and passes each
 * validated result to `done` exactly once. Finished jobs are removed once handed over, so Redis holds only work
 * in progress; the study folder keeps the results.
 */
export class QueueCoordinator implements RunExecutor {
  private stopped = false;
  /** Set when run() is returning: no result may be delivered after that (the study moves on to its gains). */
  private closing = false;
  private wake = (): void => undefined;

  constructor(private readonly options: QueueCoordinatorOptions) {}

  /** Stops waiting; queued runs stay in Redis for the workers, and the next session collects their results. */
  stop(): void {
    this.stopped = true;
    this.wake();
  }

  async run(jobs: RunJob[], events: RunEvents): Promise<'done' | 'stopped'> {
    if (jobs.length === 0) return 'done';
    const { url, sweepMs = 5000 } = this.options;
    const queue = new Queue<RunJobData, RunResult>(RUN_QUEUE, { connection: { url } });
    const queueEvents = new QueueEvents(RUN_QUEUE, { connection: { url } });
    let lastWarning = '';
    const warn = (error: Error): void => {
      if (error.message !== lastWarning && !this.closing) this.options.onWarning?.(`redis: ${error.message}`);
      lastWarning = error.message;
    };
    queue.on('error', warn);
    queueEvents.on('error', warn);
    const study = studyKey(jobs[0].spec);
    const outstanding = new Map<string, Outstanding>(
      jobs.map((runJob) => [runJobId(study, runJob.plan), { runJob, data: runJobData(runJob, taskrelVersion, this.options.fingerprints) }]),
    );
    const settling = new Map<string, Promise<void>>();
    // Called on every event and sweep, possibly for the same job at once: the first call does the work.
    const settle = (id: string): Promise<void> => {
      const run = outstanding.get(id);
      if (run === undefined || this.closing) return Promise.resolve();
      let settled = settling.get(id);
      if (settled === undefined) {
        settled = this.settle(queue, id, run, events)
          .then((finished) => {
            if (!finished) return;
            outstanding.delete(id);
            if (outstanding.size === 0) this.wake();
          })
          // The next sweep tries again.
          .catch((error: Error) => warn(error))
          .finally(() => settling.delete(id));
        settling.set(id, settled);
      }
      return settled;
    };

    queueEvents.on('progress', ({ jobId, data }) => {
      const run = outstanding.get(jobId);
      if (run === undefined) return;
      let report: RunJobProgress;
      try {
        report = parseRunJobProgress(data, `progress of job ${jobId}`);
      } catch (error) {
        warn(error as Error);
        return;
      }
      if (run.holder !== report.worker) events.start(report.worker, run.runJob.plan);
      run.holder = report.worker;
      if (report.progress !== null) events.progress(report.worker, run.runJob.plan, report.progress);
      if (report.checkpoint !== undefined) events.checkpoint(report.worker, run.runJob.plan, report.checkpoint);
    });
    const requeued = ({ jobId }: { jobId: string }): void => {
      const run = outstanding.get(jobId);
      if (run?.holder === undefined) return;
      this.options.onRequeued?.(run.holder, run.runJob.plan);
      run.holder = undefined;
    };
    queueEvents.on('stalled', requeued);
    queueEvents.on('waiting', ({ jobId, prev }) => prev === 'active' && requeued({ jobId }));
    queueEvents.on('completed', ({ jobId }) => void settle(jobId));
    queueEvents.on('failed', ({ jobId }) => void settle(jobId));

    let sweep: NodeJS.Timeout | undefined;
    try {
      await queueEvents.waitUntilReady();
      await removeOrphans(queue, study, outstanding);
      for (const [id, run] of outstanding) {
        if (this.stopped) break;
        await this.enqueue(queue, id, run);
      }
      for (const id of outstanding.keys()) await settle(id);
      sweep = setInterval(() => {
        for (const id of outstanding.keys()) void settle(id);
      }, sweepMs);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (this.stopped || outstanding.size === 0) resolve();
      });
    } finally {
      clearInterval(sweep);
      this.closing = true;
      await queueEvents.close();
      // quit() waits for Redis to answer, which an unreachable server never does: then cut the connection (which
      // also stops reconnecting, so the process can exit).
      if (!(await settledWithin(queue.close(), CLOSE_MS))) (await queue.client).disconnect();
    }
    return this.stopped && outstanding.size > 0 ? 'stopped' : 'done';
  }

  /**
   * Adds the run's job unless one with its id is queued already. A job failed in an earlier session is retried
   * (removed and added again); one waiting with other data (say, from a coordinator of another taskrel version) is
   * replaced; a completed one is left for `settle` to collect.
   */
  private async enqueue(queue: Queue<RunJobData, RunResult>, id: string, run: Outstanding): Promise<void> {
    const existing = await queue.getJob(id);
    if (existing !== undefined) {
      const state = await existing.getState();
      const waiting = state === 'waiting' || state === 'delayed' || state === 'prioritized';
      const replace = state === 'failed' || (waiting && stableStringify(existing.data) !== stableStringify(run.data));
      if (!replace) return;
      await existing.remove();
    }
    const attempts = this.options.attempts ?? 2;
    await queue.add(run.runJob.plan.id, run.data, { jobId: id, attempts, removeOnComplete: false, removeOnFail: false });
  }

  /** Hands a finished job's result (or failure) to `events` and removes the job; false while it is not finished. */
  private async settle(queue: Queue<RunJobData, RunResult>, id: string, run: Outstanding, events: RunEvents): Promise<boolean> {
    const state = await queue.getJobState(id);
    if (state === 'unknown') {
      // Removed by someone else (a person, a Redis restart without persistence): queue it again.
      await this.enqueue(queue, id, run);
      return false;
    }
    const job = state === 'completed' || state === 'failed' ? await queue.getJob(id) : undefined;
    if (job === undefined || this.closing) return false;
    const plan = run.runJob.plan;
    if (state === 'failed') {
      const reason = STALLED.test(job.failedReason)
        ? 'its worker stopped responding too often (killed, out of memory or cut off from Redis)'
        : job.failedReason;
      events.failed(run.holder ?? job.processedBy ?? 'redis', plan, `${reason} (worker ${job.processedBy ?? 'unknown'})`);
    } else {
      const result = readResult(job);
      if (result instanceof TaskrelError) events.failed(run.holder ?? 'redis', plan, result.message);
      else events.done(run.holder ?? result.origin.replace(/^redis:/, ''), result);
    }
    // Handed over either way: a job left behind by a failed removal is an orphan that a later session removes.
    await job.remove().catch(() => undefined);
    return true;
  }
}

function readResult(job: Job<RunJobData, RunResult>): RunResult | TaskrelError {
  try {
    return parseRunResult(job.returnvalue, `result of job ${job.id} (worker ${job.processedBy ?? 'unknown'})`);
  } catch (error) {
    if (error instanceof TaskrelError) return error;
    throw error;
  }
}

/** Removes jobs of this study that are not part of its current plan (finished meanwhile, or of changed settings). */
async function removeOrphans(queue: Queue<RunJobData, RunResult>, study: string, current: ReadonlyMap<string, unknown>): Promise<void> {
  const jobs: (Job | undefined)[] = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'paused', 'completed', 'failed']);
  for (const job of jobs) {
    // A job removed between listing and reading comes back as undefined.
    if (job === undefined) continue;
    const id = job.id as string;
    // Jobs that just became active are locked by their worker; they are removed by a later session.
    if (isJobOfStudy(id, study) && !current.has(id)) await job.remove().catch(() => undefined);
  }
}
