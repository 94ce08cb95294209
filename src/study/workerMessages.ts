import type { TrainProgress } from '../engine/trainRequest.js';
import type { CheckpointEvent } from './checkpointEvent.js';
import type { CheckpointSettings } from './runCheckpoint.js';
import type { RunPlan } from './runPlan.js';
import type { RunResult } from './runResult.js';
import type { StudySpec } from './spec.js';

/** What a coordinator needs to have one run trained anywhere: the normalized spec and the run's plan. */
export interface RunJob {
  spec: StudySpec;
  plan: RunPlan;
  /** Backend preference (`tensorflow`, `wasm`, `cpu`); the engine picks the best available when absent. */
  backend?: string;
}

export type ToWorker = { type: 'run'; job: RunJob; checkpoints?: CheckpointSettings } | { type: 'stop' };

export type FromWorker =
  | { type: 'progress'; runId: string; progress: TrainProgress }
  | { type: 'checkpoint'; runId: string; event: CheckpointEvent }
  | { type: 'done'; runId: string; result: RunResult }
  | { type: 'failed'; runId: string; message: string };
