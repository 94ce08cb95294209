import type { TrainProgress } from '../engine/trainRequest.js';
import type { RunPlan } from './runPlan.js';

/** What each worker is doing right now. */
export interface WorkerState {
  worker: string;
  plan: RunPlan;
  progress?: TrainProgress;
}

export interface ProgressSnapshot {
  done: number;
  failed: number;
  total: number;
  elapsedSeconds: number;
  /** Null until enough work has been measured to extrapolate. */
  etaSeconds: number | null;
  workers: WorkerState[];
}

/**
 * Counts runs and batches and extrapolates the remaining time from the batches trained in this session
 * (runs skipped because they were already finished, and the steps a run resumed at, do not count towards the
 * speed).
 */
export class ProgressTracker {
  private readonly started: number;
  private readonly active = new Map<string, WorkerState>();
  private done = 0;
  private failed = 0;
  private finishedBatches = 0;
  private remainingBatches: number;
  /** Steps of each run trained before this session (the step its checkpoint resumed it at), by run id. */
  private readonly resumedAt = new Map<string, number>();

  constructor(
    private readonly total: number,
    pending: RunPlan[],
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.remainingBatches = pending.reduce((sum, plan) => sum + plan.batches, 0);
    this.done = total - pending.length;
  }

  start(worker: string, plan: RunPlan): void {
    this.active.set(worker, { worker, plan });
  }

  progress(worker: string, plan: RunPlan, progress: TrainProgress): void {
    this.active.set(worker, { worker, plan, progress });
  }

  /** The run resumed from a checkpoint at `step`: those steps are done, but not in this session. */
  resumed(plan: RunPlan, step: number): void {
    const before = this.resumedAt.get(plan.id) ?? 0;
    if (step <= before) return;
    this.remainingBatches -= step - before;
    this.resumedAt.set(plan.id, step);
  }

  /** The worker's run went back to the queue: its partial progress no longer counts as trained. */
  release(worker: string): void {
    this.active.delete(worker);
  }

  finish(worker: string, plan: RunPlan, ok: boolean): void {
    this.active.delete(worker);
    const session = plan.batches - (this.resumedAt.get(plan.id) ?? 0);
    this.finishedBatches += session;
    this.remainingBatches -= session;
    if (ok) this.done++;
    else this.failed++;
  }

  snapshot(): ProgressSnapshot {
    const elapsedSeconds = (this.now() - this.started) / 1000;
    const inFlight = [...this.active.values()].reduce(
      (sum, s) => sum + Math.max(0, (s.progress?.step ?? 0) - (this.resumedAt.get(s.plan.id) ?? 0)),
      0,
    );
    const trained = this.finishedBatches + inFlight;
    const left = this.remainingBatches - inFlight;
    const etaSeconds = trained > 0 && elapsedSeconds > 1 ? (left * elapsedSeconds) / trained : null;
    return {
      done: this.done,
      failed: this.failed,
      total: this.total,
      elapsedSeconds,
      etaSeconds,
      workers: [...this.active.values()].sort((a, b) => a.worker.localeCompare(b.worker)),
    };
  }
}
