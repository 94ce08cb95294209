import type { WordLabelCounts } from '../features/similarity/wordLabelCounts.js';
import type { Outcome } from '../meta/metaReport.js';
import { PairSet } from './pairSet.js';
import { fixedScores } from './fixedScores.js';
import type { Scorer } from './predictor.js';
import type { TaskWordCounts } from './trainingSamples.js';

/** A measure of each pair computed from the two tasks' training data, and what computing it took. */
export interface MeasuredPairs {
  /** The pairs with a defined measure. */
  pairs: PairSet;
  scores: number[];
  /** Counting the tasks' words and computing the measure. */
  seconds: number;
}

/**
 * `measure(main, aux)` for every pair, on the samples each seed's pair run trained on, averaged over the seeds
 * (one value when the tasks are not capped). A pair whose measure is undefined in a seed (no shared word) is left
 * out; unavailable when a task has no data here.
 */
export async function measurePairs(
  pairs: PairSet,
  wordCounts: TaskWordCounts,
  measure: (main: WordLabelCounts, aux: WordLabelCounts) => number | undefined,
): Promise<Outcome<MeasuredPairs>> {
  const tasks = pairs.tasks();
  const counts = new Map<string, readonly WordLabelCounts[]>();
  let seconds = 0;
  for (const task of tasks) {
    const counted = await wordCounts(task);
    if (counted.status !== 'ok') return counted;
    counts.set(task, counted.perSeed);
    seconds += counted.seconds;
  }
  const started = performance.now();
  const memo = new Map<WordLabelCounts, Map<WordLabelCounts, number | undefined>>();
  const once = (a: WordLabelCounts, b: WordLabelCounts): number | undefined => {
    const row = memo.get(a) ?? new Map<WordLabelCounts, number | undefined>();
    memo.set(a, row);
    if (!row.has(b)) row.set(b, measure(a, b));
    return row.get(b);
  };
  const measured = pairs.pairs.flatMap((pair) => {
    const main = counts.get(pair.main) ?? [];
    const aux = counts.get(pair.aux) ?? [];
    const values = main.map((m, seed) => once(m, aux[seed]));
    if (values.some((v) => v === undefined)) return [];
    return [{ pair, score: (values as number[]).reduce((s, v) => s + v, 0) / values.length }];
  });
  seconds += (performance.now() - started) / 1000;
  return { status: 'ok', pairs: new PairSet(measured.map((m) => m.pair)), scores: measured.map((m) => m.score), seconds };
}

/** A measure that took no training, as a scorer whose sign cut is fitted on the other main tasks. */
export function measuredScorer(measured: MeasuredPairs, costNote: string): Scorer {
  return fixedScores(measured.pairs, measured.scores, null, {
    reliability: null,
    cost: { batches: 0, seconds: measured.seconds },
    costNote,
  });
}
