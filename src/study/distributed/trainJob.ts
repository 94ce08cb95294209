import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { type SandboxedJob, UnrecoverableError } from 'bullmq';
import type { TrainProgress } from '../../engine/trainRequest.js';
import { TaskrelError } from '../../errors.js';
import { executeRun } from '../executeRun.js';
import type { CheckpointEvent } from '../checkpointEvent.js';
import { checkpointFile } from '../runCheckpoint.js';
import type { RunResult } from '../runResult.js';
import { checkData, checkVersion } from './checkRunnable.js';
import { type RunJobProgress, parseRunJobData, readJobOrigin, toRunJob } from './jobData.js';
import { settledWithin } from './settledWithin.js';
import { workerCheckpoints } from './workerCheckpoints.js';

/**
 * BullMQ's sandboxed processor for run jobs: each concurrent run of a worker trains in its own process, as local
 * runs do (tfjs backends are single-threaded, and a crash or out-of-memory must not take the worker down), while
 * the worker's main process keeps renewing the job's lock however long a training step blocks this one.
 */

/** How often progress is written to Redis (each write is an event that coordinators read). */
const PROGRESS_INTERVAL_MS = 1000;
/** How long a process that saved its checkpoint to stop waits for the report of it to leave. */
const REPORT_WAIT_MS = 2000;

/** Whether a run that writes checkpoints is training here: stopping then waits for it to save one. */
let checkpointing = false;
/** The exit code to stop with once the run in flight has saved its checkpoint; null while not stopping. */
let stopping: number | null = null;

/**
 * Orphaned by a killed worker, or told to terminate (the worker is stopping and has handed the run back to the
 * queue), stop rather than finish a run whose result cannot be delivered; a run that writes checkpoints first
 * saves one after its step in progress, for whoever continues it.
 */
function stop(code: number): void {
  stopping = code;
  if (!checkpointing) process.exit(code);
}
process.on('disconnect', () => stop(1));
process.on('SIGTERM', () => stop(143));

const worker = `${hostname()}:${process.pid}`;

export default async function trainJob(job: SandboxedJob<unknown, RunResult>): Promise<RunResult> {
  try {
    void report(job, null);
    checkVersion(readJobOrigin(job.data, `job ${job.id}`));
    const data = parseRunJobData(job.data, `job ${job.id}`);
    await checkData(data);
    const checkpoints = workerCheckpoints(data);
    checkpointing = checkpoints !== undefined;
    let last = 0;
    const result = await executeRun(toRunJob(data), {
      origin: `redis:${worker}`,
      checkpoints,
      saveNow: () => stopping !== null,
      onCheckpoint: (event) => {
        const reported = report(job, null, event);
        const code = stopping;
        // The report is for display: an orphaned process cannot deliver it, so it waits for it only briefly.
        if (event.kind === 'saved' && code !== null) void settledWithin(reported, REPORT_WAIT_MS).then(() => process.exit(code));
      },
      onProgress: (progress) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && progress.step !== progress.batches) return;
        last = now;
        void report(job, progress);
      },
    });
    // The result goes to Redis now, which keeps it until the coordinator collects it.
    if (checkpoints !== undefined) rmSync(checkpointFile(checkpoints.folder, data.plan.id), { force: true });
    return result;
  } catch (error) {
    // A TaskrelError (refused job, bad spec) would recur on every attempt: fail the run at once with its message.
    if (error instanceof TaskrelError) throw new UnrecoverableError(error.message);
    throw error;
  } finally {
    checkpointing = false;
    // Told to stop before the run reached a step to save after (or as it finished): its result is not wanted.
    if (stopping !== null) process.exit(stopping);
  }
}

function report(job: SandboxedJob, progress: TrainProgress | null, checkpoint?: CheckpointEvent): Promise<void> {
  const update: RunJobProgress = { worker, progress, ...(checkpoint === undefined ? {} : { checkpoint }) };
  // Progress is for display only; a lost update must not fail the run.
  return job.updateProgress(update).catch(() => undefined);
}
