import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TrainProgress } from '../engine/trainRequest.js';
import type { RunPlan } from './runPlan.js';
import type { RunResult } from './runResult.js';
import type { FromWorker, RunJob, ToWorker } from './workerMessages.js';

/** What an executor reports; `worker` names the worker process holding the run (`worker 1`, `host:pid`). */
export interface PoolEvents {
  start(worker: string, plan: RunPlan): void;
  progress(worker: string, plan: RunPlan, progress: TrainProgress): void;
  /** Called once per finished run; the coordinator persists it. */
  done(worker: string, result: RunResult): void;
  failed(worker: string, plan: RunPlan, message: string): void;
}

const workerScript = fileURLToPath(new URL('./localWorker.js', import.meta.url));

/** A run whose worker process died is retried this many times in a fresh process before it is reported failed. */
const CRASH_RETRIES = 1;

/**
 * Runs jobs in parallel worker processes (one model per process: tfjs backends are single-threaded and a
 * crash or out-of-memory in one run must not take the study down). Resolves when every job is done or failed.
 */
export class LocalPool {
  private readonly children = new Set<ChildProcess>();
  private stopped = false;

  constructor(private readonly workers: number) {}

  async run(jobs: RunJob[], events: PoolEvents): Promise<'done' | 'stopped'> {
    const queue = [...jobs];
    const crashes = new Map<string, number>();
    const lanes = Array.from({ length: Math.min(this.workers, queue.length) }, (_, i) => this.lane(`worker ${i + 1}`, queue, crashes, events));
    await Promise.all(lanes);
    return this.stopped ? 'stopped' : 'done';
  }

  /** Kills every worker; runs in flight are lost, finished ones are already persisted by the caller. */
  stop(): void {
    this.stopped = true;
    for (const child of this.children) child.kill('SIGKILL');
  }

  private async lane(worker: string, queue: RunJob[], crashes: Map<string, number>, events: PoolEvents): Promise<void> {
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

  private execute(child: ChildProcess, job: RunJob, worker: string, events: PoolEvents): Promise<'finished' | 'crashed'> {
    return new Promise((resolve) => {
      const onMessage = (message: FromWorker): void => {
        if (message.runId !== job.plan.id) return;
        if (message.type === 'progress') events.progress(worker, job.plan, message.progress);
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
      child.send({ type: 'run', job } satisfies ToWorker);
    });
  }
}
