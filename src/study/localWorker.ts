import { TaskrelError } from '../errors.js';
import { executeRun } from './executeRun.js';
import type { FromWorker, ToWorker } from './workerMessages.js';

/**
 * Entry point of a local worker process (forked by LocalPool): trains the runs it is sent, one at a time,
 * and reports progress (at most a few times a second) and the result.
 */
const PROGRESS_INTERVAL_MS = 250;

/**
 * A coordinator killed with SIGKILL cannot stop its workers; they notice the closed channel and stop too. A
 * message sent before they notice fails with EPIPE, which without a callback would be an uncaught 'error' event
 * printing a stack trace: the worker just stops.
 */
function send(message: FromWorker): void {
  if (!process.connected) process.exit(0);
  process.send?.(message, undefined, {}, (error) => {
    if (error) process.exit(0);
  });
}

process.on('disconnect', () => process.exit(0));

process.on('message', (message: ToWorker) => {
  if (message.type === 'stop') {
    process.exit(0);
  }
  const runId = message.job.plan.id;
  let last = 0;
  executeRun(message.job, {
    origin: 'local',
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && progress.step !== progress.batches) return;
      last = now;
      send({ type: 'progress', runId, progress });
    },
  }).then(
    (result) => send({ type: 'done', runId, result }),
    (error: unknown) => send({ type: 'failed', runId, message: error instanceof TaskrelError ? error.message : String((error as Error)?.stack ?? error) }),
  );
});
