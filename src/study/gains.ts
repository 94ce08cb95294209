import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { GainRow } from './gainRow.js';
import type { RunResult } from './runResult.js';
import { meanInterval } from './meanInterval.js';
import { tTwoSidedPValue } from './tDistribution.js';

/** A directed pair that could not be scored, and why (e.g. main's single-task F1 is 0 for every seed). */
export interface UnscoredPair {
  main: string;
  aux: string;
  reason: string;
}

export interface Gains {
  rows: GainRow[];
  unscored: UnscoredPair[];
}

/**
 * Relative gain of `main` trained with `aux` over `main` alone, per directed pair, paired by seed: only
 * seeds with both the single run of main and the pair run count. Test F1 of each head's best-dev checkpoint.
 */
export function computeGains(runs: RunResult[], tasks: string[]): Gains {
  const single = new Map<string, number>();
  const pair = new Map<string, number>();
  for (const run of runs) {
    if (run.kind === 'single') single.set(`${run.tasks[0]}|${run.seed}`, run.heads[run.tasks[0]].best.test.f1);
    else for (const task of run.tasks) pair.set(`${task}|${pairKey(run.tasks)}|${run.seed}`, run.heads[task].best.test.f1);
  }
  const seeds = [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b);
  const rows: GainRow[] = [];
  const unscored: UnscoredPair[] = [];
  for (const main of tasks) {
    for (const aux of tasks) {
      if (main === aux) continue;
      const matched = seeds.flatMap((seed) => {
        const s = single.get(`${main}|${seed}`);
        const p = pair.get(`${main}|${pairKey([main, aux])}|${seed}`);
        return s === undefined || p === undefined ? [] : [{ single: s, pair: p }];
      });
      if (matched.length === 0) continue;
      const usable = matched.filter((m) => m.single > 0);
      if (usable.length === 0) {
        unscored.push({ main, aux, reason: `single-task F1 of ${main} is 0, so a relative gain is undefined` });
        continue;
      }
      rows.push(directedGain(main, aux, usable));
    }
  }
  return { rows, unscored };
}

function pairKey(tasks: string[]): string {
  return [...tasks].sort().join('+');
}

function directedGain(main: string, aux: string, scores: { single: number; pair: number }[]): GainRow {
  const gain = meanInterval(scores.map((s) => s.pair / s.single - 1));
  return {
    main,
    aux,
    seeds: gain.n,
    singleF1: mean(scores.map((s) => s.single)),
    pairF1: mean(scores.map((s) => s.pair)),
    gain: gain.mean,
    ciLow: gain.low,
    ciHigh: gain.high,
    pValue: gain.n < 2 ? null : pairedTTestPValue(scores.map((s) => s.pair - s.single)),
  };
}

/** Two-sided paired t-test of the per-seed differences against 0. */
export function pairedTTestPValue(differences: number[]): number {
  const n = differences.length;
  const m = mean(differences);
  const sd = sampleStandardDeviation(differences);
  if (sd === 0) return m === 0 ? 1 : 0;
  return tTwoSidedPValue(m / (sd / Math.sqrt(n)), n - 1);
}
