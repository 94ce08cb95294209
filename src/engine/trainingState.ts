import type { RngState } from '../shared/random.js';
import type { BestCheckpoint, Curve, DevCurve, Scores } from './trainingResult.js';

/**
 * Everything a run's remaining steps depend on, taken between two steps: restoring it into a freshly built run of
 * the same request continues the run exactly as if it had never stopped (same losses, evaluations and best-dev
 * step, bit for bit on the same backend and kernels). Arrays are copies, never the live training's own.
 */
export interface TrainingState {
  /** Steps trained (the state is taken after this step's evaluation). */
  step: number;
  /** Training seconds so far, so a resumed run reports its whole training time. */
  seconds: number;
  training: HardSharingState;
  /** One per task of the request, in its order. */
  heads: HeadRecorderState[];
}

/** The model, its optimiser and every random stream that advances during training. */
export interface HardSharingState {
  /** Every parameter's values by name (Model.parameters): dense variables and tables alike. */
  parameters: Record<string, Float32Array>;
  optimizer: OptimizerState;
  sampling: RngState;
  dropout: RngState;
  /** One per task, in the request's order. */
  streams: BatchStreamState[];
}

/** Per parameter name, the update rule's slot arrays and the parameter's own step count (absent: never updated). */
export type OptimizerState = Record<string, { step: number; slots: Float32Array[] }>;

/** A task's batch order: its stream's position and the batches left in the current epoch (popped from the end). */
export interface BatchStreamState {
  rng: RngState;
  /** Size of each batch left, in queue order. */
  batchSizes: Int32Array;
  /** The example indices of those batches, one after another. */
  examples: Int32Array;
}

/** A head's record so far (see HeadRecorder). */
export interface HeadRecorderState {
  batches: number;
  lossSum: number;
  curve: Curve;
  dev: DevCurve;
  /** A checkpoint trained here always has its dev scores (only imported runs lack them). */
  best: (BestCheckpoint & { dev: Scores }) | null;
  sinceBest: number;
}

/** Lets a caller save a run's state between steps: asked after every step, given a snapshot when it says so. */
export interface CheckpointHook<State> {
  due(step: number): boolean;
  save(state: State): void | Promise<void>;
}

/** A saved state that does not fit the run it is restored into (another model, other tasks, a damaged file). */
export class StateMismatchError extends Error {
  constructor(what: string) {
    super(`saved training state does not fit this run: ${what}`);
    this.name = 'StateMismatchError';
  }
}

/** Throws a StateMismatchError saying `what` unless `condition` holds. */
export function expectState(condition: boolean, what: string): asserts condition {
  if (!condition) throw new StateMismatchError(what);
}

/** A state is taken after a step that is not a run's last: 1 ≤ step < batches. */
export function expectStep(step: number, batches: number): void {
  expectState(Number.isInteger(step) && step >= 1 && step < batches, `step ${step} is not within a run of ${batches} batches`);
}

/** Runs `restore`, turning any failure into a StateMismatchError (a state of the wrong shape fails as a TypeError). */
export function restoring<T>(restore: () => T): T {
  try {
    return restore();
  } catch (error) {
    throw error instanceof StateMismatchError ? error : new StateMismatchError((error as Error).message);
  }
}
