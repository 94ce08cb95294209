import { type ProgressSnapshot, ProgressTracker } from '../study/progressTracker.js';
import type { RunPlan } from '../study/runPlan.js';
import { describeCheckpointEvent } from '../study/checkpointEvent.js';
import type { StudyListener } from '../study/runStudy.js';
import { createProgressDisplay, formatDuration } from './progressDisplay.js';

/** Where runs are trained, as the progress display tells it. */
export interface Trainers {
  /** Ends the planned line: `on 2 worker(s)`. */
  where(pending: number): string;
  /** Worker processes available at the start. */
  workers: number;
}

/**
 * Training progress on the terminal (or as JSON lines elsewhere): runs done / total, ETA, which worker holds which
 * run, and one line per finished or failed run. The same for local and distributed training, and for each phase
 * of a command that trains several times (every `planned` starts a phase; `close` ends it).
 */
export class StudyProgress {
  private readonly display = createProgressDisplay();
  private tracker = new ProgressTracker(0, []);
  private plans: RunPlan[] = [];
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    /** What is trained, e.g. `study demo`. */
    private readonly title: string,
    private readonly trainers: Trainers,
  ) {}

  /** A line that stays, e.g. a warning. */
  note(line: string, event?: Record<string, unknown>): void {
    this.display.log(line, event);
  }

  /** The run `plan` left `worker` (which stopped responding, or was stopped) and went back to the queue. */
  requeued(worker: string, plan: RunPlan): void {
    this.tracker.release(worker);
    this.display.log(`requeued ${plan.id}: worker ${worker} stopped`, { event: 'run-requeued', run: plan.id, worker });
  }

  listener(): StudyListener {
    const { display } = this;
    return {
      planned: (pending, finished, stale) => {
        const total = pending.length + finished.length;
        this.plans = pending;
        this.tracker = new ProgressTracker(total, pending);
        this.ticker ??= setInterval(() => this.redraw(), 500);
        const kept = finished.length > 0 ? `, ${finished.length} already finished` : '';
        const redo = stale.length > 0 ? `, ${stale.length} stale (settings changed) to retrain` : '';
        display.log(`${this.title}: ${total} runs${kept}${redo}; ${pending.length} to train ${this.trainers.where(pending.length)}`, {
          event: 'planned',
          runs: total,
          finished: finished.length,
          stale: stale.length,
          pending: pending.length,
          workers: this.trainers.workers,
        });
      },
      note: (message) => display.log(`note: ${message}`, { event: 'note', message }),
      start: (worker, plan) => this.tracker.start(worker, plan),
      progress: (worker, plan, progress) => {
        this.tracker.progress(worker, plan, progress);
        this.redraw();
      },
      checkpoint: (worker, plan, event) => {
        if (event.kind === 'resumed') this.tracker.resumed(plan, event.step);
        display.log(describeCheckpointEvent(plan.id, event), { event: `checkpoint-${event.kind}`, run: plan.id, worker, ...event });
      },
      done: (worker, result) => {
        const plan = this.plans.find((p) => p.id === result.id);
        if (plan) this.tracker.finish(worker, plan, true);
        const scores = result.tasks.map((t) => `${t} F1 ${(100 * result.heads[t].best.test.f1).toFixed(1)}`).join(', ');
        const s = this.tracker.snapshot();
        display.log(`done ${result.id} in ${formatDuration(result.seconds)}: ${scores}`, {
          event: 'run-done',
          run: result.id,
          worker,
          done: s.done,
          total: s.total,
          seconds: Math.round(result.seconds),
          etaSeconds: s.etaSeconds === null ? null : Math.round(s.etaSeconds),
        });
      },
      failed: (worker, plan, message) => {
        this.tracker.finish(worker, plan, false);
        display.log(`FAILED ${plan.id}: ${message.split('\n')[0]}`, { event: 'run-failed', run: plan.id, message });
      },
    };
  }

  /** Ends the current phase's display (idempotent): `interrupted` when it was stopped before its runs were done. */
  close(end: 'finished' | 'interrupted' = 'finished'): void {
    if (this.ticker === undefined) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.display.close(this.snapshot(), end);
  }

  private redraw(): void {
    this.display.update(this.snapshot());
  }

  private snapshot(): ProgressSnapshot {
    return this.tracker.snapshot();
  }
}

/** Local worker processes, as the planned line names them. */
export function localTrainers(workers: number): Trainers {
  return { where: (pending) => `on ${Math.min(workers, Math.max(1, pending))} worker(s)`, workers };
}
