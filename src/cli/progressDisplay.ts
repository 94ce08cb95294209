import type { ProgressSnapshot, WorkerState } from '../study/progressTracker.js';

export interface ProgressDisplay {
  /** Redraw (TTY) or note (non-TTY) the current state. */
  update(snapshot: ProgressSnapshot): void;
  /** A line that stays: a finished or failed run, a warning. */
  log(line: string, event?: Record<string, unknown>): void;
  /** The last state; `end` says whether the phase finished or was interrupted. */
  close(snapshot: ProgressSnapshot, end: 'finished' | 'interrupted'): void;
}

/**
 * On a terminal: an overall bar with ETA and one line per worker, redrawn in place. Elsewhere (CI, pipes):
 * one JSON object per line for each finished run, so logs stay short and machine-readable.
 */
export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  return stream.isTTY ? new TerminalDisplay(stream) : new JsonLinesDisplay(stream);
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function describeWorker(state: WorkerState): string {
  const plan = state.plan;
  const what = `${plan.kind} ${plan.tasks.join('+')} s${plan.seed}`;
  const p = state.progress;
  if (!p) return `${state.worker.padEnd(9)} ${what.padEnd(36)} starting`;
  const step = `step ${String(p.step).padStart(String(p.batches).length)}/${p.batches}`;
  const loss = `${plan.kind === 'pair' ? `${p.task} ` : ''}loss ${p.loss.toFixed(3)}`;
  return `${state.worker.padEnd(9)} ${what.padEnd(36)} ${step}  ${loss}`;
}

function summary(s: ProgressSnapshot): string {
  const width = 24;
  const fraction = s.total === 0 ? 1 : (s.done + s.failed) / s.total;
  const filled = Math.round(fraction * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const eta = s.etaSeconds === null ? 'ETA --' : `ETA ${formatDuration(s.etaSeconds)}`;
  const failed = s.failed > 0 ? `, ${s.failed} failed` : '';
  return `[${bar}] ${s.done}/${s.total} runs${failed}  ${Math.round(fraction * 100)}%  ${formatDuration(s.elapsedSeconds)} elapsed  ${eta}`;
}

class TerminalDisplay implements ProgressDisplay {
  private drawn = 0;
  private last = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(snapshot: ProgressSnapshot): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.draw(snapshot);
  }

  log(line: string): void {
    this.erase();
    this.stream.write(`${line}\n`);
  }

  close(snapshot: ProgressSnapshot): void {
    this.draw(snapshot);
    this.drawn = 0;
  }

  private draw(snapshot: ProgressSnapshot): void {
    this.erase();
    const columns = this.stream.columns || 100;
    const lines = [summary(snapshot), ...snapshot.workers.map((w) => `  ${describeWorker(w)}`)].map((l) => l.slice(0, columns - 1));
    this.stream.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }

  private erase(): void {
    if (this.drawn > 0) this.stream.write(`\x1b[${this.drawn}F\x1b[J`);
    this.drawn = 0;
  }
}

class JsonLinesDisplay implements ProgressDisplay {
  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(): void {}

  log(line: string, event?: Record<string, unknown>): void {
    this.stream.write(`${JSON.stringify(event ?? { message: line })}\n`);
  }

  close(snapshot: ProgressSnapshot, end: 'finished' | 'interrupted'): void {
    const { done, failed, total, elapsedSeconds } = snapshot;
    this.stream.write(`${JSON.stringify({ event: end, done, failed, total, elapsedSeconds: Math.round(elapsedSeconds) })}\n`);
  }
}
