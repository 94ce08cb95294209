import type { TrainProgress } from '../engine/trainRequest.js';
import { ProgressTracker } from '../study/progressTracker.js';
import type { RunPlan } from '../study/runPlan.js';
import type { RunResult } from '../study/runResult.js';
import type { StudyListener } from '../study/runStudy.js';
import { type ProgressDisplay, createProgressDisplay, formatDuration } from './progressDisplay.js';

const label = (worker: number): string => `worker ${worker + 1}`;

/**
 * Shows the runs of one training phase (a bar and a line per worker on a terminal, JSON lines elsewhere);
 * `close` ends the phase's display. A phase with nothing to train shows nothing.
 */
export class RunProgress implements StudyListener {
  private tracker = new ProgressTracker(0, []);
  private plans: RunPlan[] = [];
  private display: ProgressDisplay | undefined;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  planned(pending: RunPlan[], finished: RunPlan[]): void {
    if (pending.length === 0) return;
    this.plans = pending;
    this.tracker = new ProgressTracker(pending.length, pending);
    this.display ??= createProgressDisplay(this.stream);
    const reused = finished.length > 0 ? ` (${finished.length} reused)` : '';
    this.display.log(`training ${pending.map((p) => p.id).join(', ')}${reused}`, { event: 'planned', pending: pending.length, finished: finished.length });
  }

  start(worker: number, plan: RunPlan): void {
    this.tracker.start(label(worker), plan);
  }

  progress(worker: number, plan: RunPlan, progress: TrainProgress): void {
    this.tracker.progress(label(worker), plan, progress);
    this.display?.update(this.tracker.snapshot());
  }

  done(worker: number, result: RunResult): void {
    const plan = this.plans.find((p) => p.id === result.id);
    if (plan) this.tracker.finish(label(worker), plan, true);
    const scores = result.tasks.map((t) => `${t} F1 ${(100 * result.heads[t].best.test.f1).toFixed(1)}`).join(', ');
    this.display?.log(`done ${result.id} in ${formatDuration(result.seconds)}: ${scores}`, { event: 'run-done', run: result.id, seconds: Math.round(result.seconds) });
  }

  failed(worker: number, plan: RunPlan, message: string): void {
    this.tracker.finish(label(worker), plan, false);
    this.display?.log(`FAILED ${plan.id}: ${message.split('\n')[0]}`, { event: 'run-failed', run: plan.id, message });
  }

  close(): void {
    this.display?.close(this.tracker.snapshot());
    this.display = undefined;
  }
}
