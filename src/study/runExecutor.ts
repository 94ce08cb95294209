import type { TrainProgress } from '../engine/trainRequest.js';
import type { CheckpointEvent } from './checkpointEvent.js';
import type { RunPlan } from './runPlan.js';
import type { RunResult } from './runResult.js';
import type { RunJob } from './workerMessages.js';

/**
 * Trains run jobs somewhere (local worker processes, or workers behind a queue) and reports through events.
 * `run` resolves `stopped` when `stop` ended it before every job was settled.
 */
export interface RunExecutor {
  run(jobs: RunJob[], events: RunEvents): Promise<'done' | 'stopped'>;
  stop(): void | Promise<void>;
}

/** What an executor reports; `worker` names the worker process holding the run (`worker 1`, `host:pid`). */
export interface RunEvents {
  start(worker: string, plan: RunPlan): void;
  progress(worker: string, plan: RunPlan, progress: TrainProgress): void;
  /** What happened to the run's checkpoint: it resumed from it, saved it when stopped, set it aside, failed to write it. */
  checkpoint(worker: string, plan: RunPlan, event: CheckpointEvent): void;
  /** Called once per finished run; the coordinator persists it. */
  done(worker: string, result: RunResult): void;
  failed(worker: string, plan: RunPlan, message: string): void;
}
