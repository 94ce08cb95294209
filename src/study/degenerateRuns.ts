import { median, medianAbsoluteDeviation } from 'simple-statistics';
import type { RunResult } from './runResult.js';

/**
 * A test score (F1, or accuracy for tasks without an outside label; 0–1) below this means the task did not learn
 * in that run: a relative gain over such a baseline is a division by almost nothing, not a measurement.
 */
export const NEAR_ZERO_SCORE = 0.05;

/** Iglewicz & Hoaglin's cut-off for the modified z-score 0.6745·|x − median| / MAD. */
export const OUTLIER_Z = 3.5;

/**
 * A seed closer than this to the seeds' median is never an outlier: with three seeds the MAD can be tiny (two
 * equal scores make it 0), and a point of F1 is within what a seed changes.
 */
export const OUTLIER_MIN_GAP = 0.05;

/** The modified z-score needs a median of at least this many seeds to say which one is off. */
export const OUTLIER_MIN_SEEDS = 3;

/** One head of one run whose test score should not be taken at face value. */
export interface DegenerateRun {
  run: string;
  kind: RunResult['kind'];
  /** The head: the task whose score is off. */
  task: string;
  /** The other task of a pair run; null for a single-task run. */
  partner: string | null;
  seed: number;
  score: number;
  /** `near-zero`: the task did not learn; `outlier`: far from the same model's score over the other seeds. */
  reason: 'near-zero' | 'outlier';
  /** Median of the same model's score over its seeds (this one included). */
  median: number;
}

/**
 * Every head of every run whose best-checkpoint test score is near zero, or an outlier among the seeds of the
 * same model (same tasks): |x − median| ≥ OUTLIER_MIN_GAP and a modified z-score above OUTLIER_Z, tested only
 * with OUTLIER_MIN_SEEDS or more seeds. A near-zero score is reported as such, not also as an outlier.
 */
export function degenerateRuns(runs: readonly RunResult[]): DegenerateRun[] {
  const models = new Map<string, RunResult[]>();
  for (const run of runs) {
    const key = `${run.kind}|${[...run.tasks].sort().join('+')}`;
    models.set(key, [...(models.get(key) ?? []), run]);
  }
  const flagged: DegenerateRun[] = [];
  for (const group of models.values()) {
    for (const task of group[0].tasks) {
      const scores = group.map((run) => run.heads[task].best.test.f1);
      const middle = median(scores);
      const mad = scores.length >= OUTLIER_MIN_SEEDS ? medianAbsoluteDeviation(scores) : undefined;
      group.forEach((run, i) => {
        const score = scores[i];
        const gap = Math.abs(score - middle);
        const outlier = mad !== undefined && gap >= OUTLIER_MIN_GAP && (mad === 0 || (0.6745 * gap) / mad > OUTLIER_Z);
        const reason = score < NEAR_ZERO_SCORE ? 'near-zero' : outlier ? 'outlier' : undefined;
        if (reason === undefined) return;
        const partner = run.tasks.find((t) => t !== task) ?? null;
        flagged.push({ run: run.id, kind: run.kind, task, partner, seed: run.seed, score, reason, median: middle });
      });
    }
  }
  return flagged.sort((a, b) => a.run.localeCompare(b.run, 'en') || a.task.localeCompare(b.task, 'en'));
}

/**
 * `seed 2: ewt-mwe alone scored 0.012 (did not learn)`, `seed 3: gum-ner with ewt-upos scored 0.410 (an outlier:
 * the seeds' median is 0.780)`. Without commas (task names have none), so it fits a CSV field as it is.
 */
export function describeDegenerate(d: DegenerateRun): string {
  const model = d.partner === null ? `${d.task} alone` : `${d.task} with ${d.partner}`;
  const why = d.reason === 'near-zero' ? 'did not learn' : `an outlier: the seeds' median is ${d.median.toFixed(3)}`;
  return `seed ${d.seed}: ${model} scored ${d.score.toFixed(3)} (${why})`;
}
