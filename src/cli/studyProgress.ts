import { type ProgressSnapshot, ProgressTracker } from '../study/progressTracker.js';
import type { RunPlan } from '../study/runPlan.js';
import type { StudyListener } from '../study/runStudy.js';
import { createProgressDisplay, formatDuration } from './progressDisplay.js';

/** Where a study's runs are trained, as its progress needs to know it. */
export interface Trainers {
  /** The name of worker `worker` of the executor's PoolEvents, shown next to the run it holds. */
  label(worker: number): string;
  /** Ends the planned line: `on 2 worker(s)`. */
  where(pending: number): string;
  /** Worker processes available at the start. */
  workers: number;
}

/**
 * A study's progress on the terminal (or as JSON lines elsewhere): runs done / total, ETA, which worker holds
 * which run, and one line per finished or failed run. The same for local and distributed training.
 */
export class StudyProgress {
  private readonly display = createProgressDisplay();
  private tracker: ProgressTracker;
  /** Workers whose run went back to the queue: not shown as holding it until they start another. */
  private readonly gone = new Set<string>();
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly studyName: string,
    private readonly plans: RunPlan[],
  ) {
    this.tracker = new ProgressTracker(plans.length, plans);
  }

  /** A line that stays, e.g. a warning. */
  note(line: string, event?: Record<string, unknown>): void {
    this.display.log(line, event);
  }

  /** The run `plan` left worker `worker` (which stopped responding, or was stopped) for another one. */
  requeued(worker: string, plan: RunPlan): void {
    this.gone.add(worker);
    this.display.log(`requeued ${plan.id}: worker ${worker} stopped`, { event: 'run-requeued', run: plan.id, worker });
  }

  listener(trainers: Trainers): StudyListener {
    const { label } = trainers;
    const { display, plans } = this;
    this.ticker ??= setInterval(() => this.redraw(), 500);
    return {
      planned: (pending, finished, stale) => {
        this.tracker = new ProgressTracker(plans.length, pending);
        const kept = finished.length > 0 ? `, ${finished.length} already finished` : '';
        const redo = stale.length > 0 ? `, ${stale.length} stale (settings changed) to retrain` : '';
        display.log(`study ${this.studyName}: ${plans.length} runs${kept}${redo}; ${pending.length} to train ${trainers.where(pending.length)}`, {
          event: 'planned', runs: plans.length, finished: finished.length, stale: stale.length, pending: pending.length, workers: trainers.workers,
        });
      },
      start: (worker, plan) => {
        this.gone.delete(label(worker));
        this.tracker.start(label(worker), plan);
      },
      progress: (worker, plan, progress) => {
        this.tracker.progress(label(worker), plan, progress);
        this.redraw();
      },
      done: (worker, result) => {
        const plan = plans.find((p) => p.id === result.id);
        if (plan) this.tracker.finish(label(worker), plan, true);
        const scores = result.tasks.map((t) => `${t} F1 ${(100 * result.heads[t].best.test.f1).toFixed(1)}`).join(', ');
        const s = this.tracker.snapshot();
        display.log(`done ${result.id} in ${formatDuration(result.seconds)}: ${scores}`, {
          event: 'run-done', run: result.id, worker: label(worker), done: s.done, total: s.total, seconds: Math.round(result.seconds),
          etaSeconds: s.etaSeconds === null ? null : Math.round(s.etaSeconds),
        });
      },
      failed: (worker, plan, message) => {
        this.tracker.finish(label(worker), plan, false);
        display.log(`FAILED ${plan.id}: ${message.split('\n')[0]}`, { event: 'run-failed', run: plan.id, message });
      },
    };
  }

  close(): void {
    clearInterval(this.ticker);
    this.display.close(this.snapshot());
  }

  private redraw(): void {
    this.display.update(this.snapshot());
  }

  private snapshot(): ProgressSnapshot {
    const snapshot = this.tracker.snapshot();
    return { ...snapshot, workers: snapshot.workers.filter((w) => !this.gone.has(w.worker)) };
  }
}
