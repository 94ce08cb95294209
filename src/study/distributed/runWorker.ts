import { hostname } from 'node:os';
import { type Job, Worker } from 'bullmq';
import type { RunResult } from '../runResult.js';
import { describeCheckpointEvent } from '../checkpointEvent.js';
import { parseRunJobProgress } from './jobData.js';
import { RUN_QUEUE } from './runQueue.js';
import { settledWithin } from './settledWithin.js';
import { CHECKPOINT_EVERY_ENV } from './workerCheckpoints.js';

export interface RunWorkerOptions {
  /** Redis URL, e.g. `redis://10.0.0.5:6379`. */
  url: string;
  /** Runs trained at once, each in its own process. */
  concurrency: number;
  /**
   * Milliseconds a worker may stop renewing its lock (killed, frozen, cut off) before other workers put its runs
   * back in the queue; also how often this worker checks for such runs.
   */
  lockMs: number;
  /** Seconds between checkpoints of each run in flight (0: none); see workerCheckpoints for where they go. */
  checkpointEvery: number;
  /** One line per event: a run started, finished, failed or was refused, resumed or saved; a connection problem. */
  log(line: string): void;
}

/**
 * A run that stopped this many times with its worker (killed, out of memory, disconnected) is failed rather than
 * retried again. Errors thrown by training are bounded separately, by the job's attempts.
 */
export const MAX_STALLS = 2;

/** How long stopping waits for Redis to take the runs back. */
const HAND_BACK_MS = 5000;

const processor = new URL('./trainJob.js', import.meta.url);

/** Takes run jobs from the queue and trains them until `stop()`. */
export class RunWorker {
  private readonly worker: Worker<unknown, RunResult>;
  /** Run jobs in progress here, by job id, with the process training each (known from its first progress). */
  private readonly held = new Map<string, { job: Job<unknown, RunResult>; trainer?: string }>();
  private stopping = false;
  private lastError = '';

  constructor(options: RunWorkerOptions) {
    this.worker = new Worker<unknown, RunResult>(RUN_QUEUE, processor, {
      connection: { url: options.url },
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: MAX_STALLS,
      name: `${hostname()}:${process.pid}`,
      workerForkOptions: { env: { ...process.env, [CHECKPOINT_EVERY_ENV]: String(options.checkpointEvery) } },
    });
    const { log } = options;
    this.worker.on('active', (job) => this.held.set(job.id as string, { job }));
    this.worker.on('progress', (job, value) => {
      const held = this.held.get(job.id as string);
      if (held === undefined) return;
      const report = parseRunJobProgress(value, `progress of job ${job.id}`);
      if (held.trainer === undefined) log(`${report.worker} started ${job.name}`);
      held.trainer = report.worker;
      if (report.checkpoint !== undefined) log(`${report.worker} ${describeCheckpointEvent(job.name, report.checkpoint)}`);
    });
    this.worker.on('completed', (job, result) => {
      log(`${this.trainer(job)} finished ${job.name} in ${Math.round(result.seconds)}s`);
      this.held.delete(job.id as string);
    });
    this.worker.on('failed', (job, error) => {
      if (job === undefined || this.stopping) return;
      const verb = error.name === 'UnrecoverableError' ? 'refused' : 'failed';
      log(`${this.trainer(job)} ${verb} ${job.name}: ${error.message}`);
      this.held.delete(job.id as string);
    });
    // Connection errors repeat on every reconnection attempt: report each new one once.
    this.worker.on('error', (error) => {
      if (this.stopping || error.message === this.lastError) return;
      this.lastError = error.message;
      log(`redis: ${error.message}`);
    });
  }

  /** Resolves once connected to Redis and listening for jobs. */
  async ready(): Promise<void> {
    await this.worker.waitUntilReady();
  }

  /**
   * Hands the runs in progress back to the queue (other workers take them at once, no attempt is counted), stops
   * their processes and closes the connections.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const handBack = async (): Promise<void> => {
      await this.worker.pause(true);
      for (const { job } of this.held.values()) {
        // A run whose lock is lost already went back to the queue by another worker's stalled check.
        if (job.token !== undefined) await job.moveToWait(job.token).catch(() => undefined);
      }
    };
    // With Redis unreachable, nothing is handed back: other workers' stalled checks requeue the runs once this
    // worker's locks expire.
    await settledWithin(handBack(), HAND_BACK_MS);
    await this.worker.close(true);
  }

  private trainer(job: Job): string {
    return this.held.get(job.id as string)?.trainer ?? (this.worker.opts.name as string);
  }
}
