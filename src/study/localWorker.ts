import { TaskrelError } from '../errors.js';
import { executeRun } from './executeRun.js';
import type { FromWorker, ToWorker } from './workerMessages.js';

/**
 * Entry point of a local worker process (forked by LocalPool): trains the runs it is sent, one at a time,
 * and reports progress (at most a few times a second) and the result. Asked to stop (or orphaned) during a run
 * with checkpoints, it first saves the run's checkpoint after the step in progress.
 */
const PROGRESS_INTERVAL_MS = 250;

/** Whether a run is training here, and whether it writes checkpoints. */
let inFlight: { checkpoints: boolean } | null = null;
let stopping = false;

/**
 * A message to the coordinator. A coordinator killed with SIGKILL cannot stop its workers: a message sent before they
 * notice the closed channel fails with EPIPE (without a callback, an uncaught 'error' printing a stack trace), and the
 * worker stops as on 'disconnect'. `then` runs either way.
 */
function send(message: FromWorker, then?: () => void): void {
  if (!process.connected) {
    then?.();
    return;
  }
  process.send?.(message, undefined, {}, (error) => {
    if (error) stop();
    then?.();
  });
}

function stop(): void {
  stopping = true;
  if (inFlight === null || !inFlight.checkpoints) process.exit(0);
}

// A coordinator killed with SIGKILL cannot stop its workers; they notice the closed channel and stop too.
process.on('disconnect', stop);

process.on('message', (message: ToWorker) => {
  if (message.type === 'stop') return stop();
  const runId = message.job.plan.id;
  let last = 0;
  inFlight = { checkpoints: message.checkpoints !== undefined };
  executeRun(message.job, {
    origin: 'local',
    checkpoints: message.checkpoints,
    saveNow: () => stopping,
    onCheckpoint: (event) => send({ type: 'checkpoint', runId, event }, event.kind === 'saved' ? () => process.exit(0) : undefined),
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && progress.step !== progress.batches) return;
      last = now;
      send({ type: 'progress', runId, progress });
    },
  })
    .then(
      (result): FromWorker => ({ type: 'done', runId, result }),
      (error: unknown): FromWorker => ({
        type: 'failed',
        runId,
        message: error instanceof TaskrelError ? error.message : String((error as Error)?.stack ?? error),
      }),
    )
    .then((outcome) => {
      inFlight = null;
      send(outcome, () => stopping && process.exit(0));
    });
});
