import { hostname } from 'node:os';
import { type SandboxedJob, UnrecoverableError } from 'bullmq';
import type { TrainProgress } from '../../engine/trainRequest.js';
import { TaskrelError } from '../../errors.js';
import { executeRun } from '../executeRun.js';
import type { RunResult } from '../runResult.js';
import { checkData, checkVersion } from './checkRunnable.js';
import { type RunJobProgress, parseRunJobData, readJobOrigin, toRunJob } from './jobData.js';

/**
 * BullMQ's sandboxed processor for run jobs: each concurrent run of a worker trains in its own process, as local
 * runs do (tfjs backends are single-threaded, and a crash or out-of-memory must not take the worker down), while
 * the worker's main process keeps renewing the job's lock however long a training step blocks this one.
 */

/** How often progress is written to Redis (each write is an event that coordinators read). */
const PROGRESS_INTERVAL_MS = 1000;

// Orphaned by a killed worker, stop at once rather than train a run whose result cannot be delivered; told to
// terminate (the worker is stopping and has handed the run back to the queue), do not finish the run either.
process.on('disconnect', () => process.exit(1));
process.on('SIGTERM', () => process.exit(143));

const worker = `${hostname()}:${process.pid}`;

export default async function trainJob(job: SandboxedJob<unknown, RunResult>): Promise<RunResult> {
  try {
    report(job, null);
    checkVersion(readJobOrigin(job.data, `job ${job.id}`));
    const data = parseRunJobData(job.data, `job ${job.id}`);
    await checkData(data);
    let last = 0;
    return await executeRun(toRunJob(data), {
      origin: `redis:${worker}`,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && progress.step !== progress.batches) return;
        last = now;
        report(job, progress);
      },
    });
  } catch (error) {
    // A TaskrelError (refused job, bad spec) would recur on every attempt: fail the run at once with its message.
    if (error instanceof TaskrelError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

function report(job: SandboxedJob, progress: TrainProgress | null): void {
  const update: RunJobProgress = { worker, progress };
  // Progress is for display only; a lost update must not fail the run.
  job.updateProgress(update).catch(() => undefined);
}
