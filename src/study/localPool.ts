import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunEvents, RunExecutor } from './runExecutor.js';
import { checkpointFolder } from './studyFolder.js';
import type { FromWorker, RunJob, ToWorker } from './workerMessages.js';

const workerScript = fileURLToPath(new URL('./localWorker.js', import.meta.url));

/** How long a stopped worker may take to save its run's checkpoint (a step, or an evaluation, and the write). */
const STOP_GRACE_MS = 20_000;

/** A run whose worker process died is retried this many times in a fresh process before it is reported failed. */
const CRASH_RETRIES = 1;

/**
 * Runs jobs in parallel worker processes (one model per process: tfjs backends are single-threaded and a
 * crash or out-of-memory in one run must not take the study down). Resolves when every job is done or failed.
 * With `checkpointEvery` > 0, each run saves its state into its study folder's checkpoints/ every that many
 * seconds and continues from there when started again (after a crash, or in a later session).
 */
export class LocalPool implements RunExecutor {
  private readonly children = new Set<ChildProcess>();
  private stopped = false;

  constructor(
    private readonly workers: number,
    private readonly checkpointEvery = 0,
  ) {}

  async run(jobs: RunJob[], events: RunEvents): Promise<'done' | 'stopped'> {
    const queue = [...jobs];
    const crashes = new Map<string, number>();
    const lanes = Array.from({ length: Math.min(this.workers, queue.length) }, (_, i) =>
      this.lane(`worker ${i + 1}`, queue, crashes, events),
    );
    await Promise.all(lanes);
    return this.stopped ? 'stopped' : 'done';
  }

  /**
   * Stops every worker. With checkpoints, each run in flight first saves one after its step in progress (a worker
   * still busy after STOP_GRACE_MS is killed); without, runs in flight are lost. Finished runs are already
   * persisted by the caller.
   */
  stop(): void {
    this.stopped = true;
    for (const child of this.children) {
      if (this.checkpointEvery > 0 && child.connected) {
        child.send({ type: 'stop' } satisfies ToWorker);
        setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
      } else child.kill('SIGKILL');
    }
  }

  private async lane(worker: string, queue: RunJob[], crashes: Map<string, number>, events: RunEvents): Promise<void> {
    let child: ChildProcess | undefined;
    while (!this.stopped) {
      const job = queue.shift();
      if (job === undefined) break;
      if (child && !child.connected) child = undefined;
      child ??= this.spawn();
      events.start(worker, job.plan);
      const outcome = await this.execute(child, job, worker, events);
      if (outcome === 'crashed') {
        child = undefined;
        if (this.stopped) break;
        const count = (crashes.get(job.plan.id) ?? 0) + 1;
        crashes.set(job.plan.id, count);
        if (count <= CRASH_RETRIES) queue.push(job);
        else events.failed(worker, job.plan, 'the worker process died twice during this run (out of memory or killed)');
      }
    }
    if (child) this.retire(child);
  }

  private spawn(): ChildProcess {
    const child = fork(workerScript, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    // A message to a worker that has just died fails (EPIPE); its 'exit' handler reports the run, so no stack trace.
    child.on('error', () => undefined);
    return child;
  }

  private retire(child: ChildProcess): void {
    if (child.connected) child.send({ type: 'stop' } satisfies ToWorker);
  }

  private execute(child: ChildProcess, job: RunJob, worker: string, events: RunEvents): Promise<'finished' | 'crashed'> {
    return new Promise((resolve) => {
      const onMessage = (message: FromWorker): void => {
        if (message.runId !== job.plan.id) return;
        if (message.type === 'progress') events.progress(worker, job.plan, message.progress);
        else if (message.type === 'checkpoint') events.checkpoint(worker, job.plan, message.event);
        else {
          cleanup();
          if (message.type === 'done') events.done(worker, message.result);
          else events.failed(worker, job.plan, message.message);
          resolve('finished');
        }
      };
      const onExit = (): void => {
        cleanup();
        resolve('crashed');
      };
      const cleanup = (): void => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      const checkpoints =
        this.checkpointEvery > 0 ? { folder: checkpointFolder(job.spec.output), everySeconds: this.checkpointEvery } : undefined;
      child.send({ type: 'run', job, checkpoints } satisfies ToWorker);
    });
  }
}
