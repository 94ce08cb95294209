import { mean, sampleStandardDeviation } from 'simple-statistics';
import { type DegenerateRun, NEAR_ZERO_SCORE, degenerateRuns, describeDegenerate } from './degenerateRuns.js';
import type { GainRow } from './gainRow.js';
import type { RunResult } from './runResult.js';
import { meanInterval } from '../shared/meanInterval.js';
import { tTwoSidedPValue } from '../shared/tDistribution.js';

/** A directed pair without a relative gain, and why (e.g. main's single-task F1 is near zero in a seed). */
export interface UnscoredPair {
  main: string;
  aux: string;
  reason: string;
}

export interface Gains {
  /** Every directed pair with a single and a pair run of the same seed, whether or not its relative gain is defined. */
  rows: GainRow[];
  /** Rows whose relative gain is null, with the reason (their absolute difference is in the row). */
  unscored: UnscoredPair[];
}

interface SeedScores {
  seed: number;
  single: number;
  pair: number;
}

/**
 * Gain of `main` trained with `aux` over `main` alone, per directed pair, paired by seed: every seed with both
 * the single run of main and the pair run counts. Test F1 of each head's best-dev checkpoint. A pair whose
 * single or pair runs of main include a degenerate one (degenerateRuns) says so in its flag; the seed stays.
 */
export function computeGains(runs: RunResult[], tasks: string[]): Gains {
  const single = new Map<string, number>();
  const pair = new Map<string, number>();
  for (const run of runs) {
    if (run.kind === 'single') single.set(`${run.tasks[0]}|${run.seed}`, run.heads[run.tasks[0]].best.test.f1);
    else for (const task of run.tasks) pair.set(`${task}|${pairKey(run.tasks)}|${run.seed}`, run.heads[task].best.test.f1);
  }
  const degenerate = degenerateRuns(runs);
  const seeds = [...new Set(runs.map((r) => r.seed))].sort((a, b) => a - b);
  const rows: GainRow[] = [];
  const unscored: UnscoredPair[] = [];
  for (const main of tasks) {
    for (const aux of tasks) {
      if (main === aux) continue;
      const matched = seeds.flatMap((seed): SeedScores[] => {
        const s = single.get(`${main}|${seed}`);
        const p = pair.get(`${main}|${pairKey([main, aux])}|${seed}`);
        return s === undefined || p === undefined ? [] : [{ seed, single: s, pair: p }];
      });
      if (matched.length === 0) continue;
      const involved = degenerate.filter(
        (d) => d.task === main && (d.partner === null || d.partner === aux) && matched.some((m) => m.seed === d.seed),
      );
      const row = directedGain(main, aux, matched, involved);
      rows.push(row);
      if (row.gain === null) unscored.push({ main, aux, reason: noRelativeGain(main, matched) });
    }
  }
  return { rows, unscored };
}

function pairKey(tasks: string[]): string {
  return [...tasks].sort().join('+');
}

function directedGain(main: string, aux: string, scores: SeedScores[], involved: DegenerateRun[]): GainRow {
  const learned = scores.every((s) => s.single >= NEAR_ZERO_SCORE);
  const relative = learned ? meanInterval(scores.map((s) => s.pair / s.single - 1)) : null;
  const diff = meanInterval(scores.map((s) => s.pair - s.single));
  return {
    main,
    aux,
    seeds: scores.length,
    singleF1: mean(scores.map((s) => s.single)),
    pairF1: mean(scores.map((s) => s.pair)),
    gain: relative?.mean ?? null,
    ciLow: relative?.low ?? null,
    ciHigh: relative?.high ?? null,
    pValue: scores.length < 2 ? null : pairedTTestPValue(scores.map((s) => s.pair - s.single)),
    diff: diff.mean,
    diffLow: diff.low,
    diffHigh: diff.high,
    flag: involved.map(describeDegenerate).join('; '),
  };
}

function noRelativeGain(main: string, scores: SeedScores[]): string {
  const low = scores.filter((s) => s.single < NEAR_ZERO_SCORE).map((s) => s.seed);
  return (
    `${main} alone scored below ${NEAR_ZERO_SCORE} (did not learn) in seed${low.length > 1 ? 's' : ''} ${low.join(', ')}, ` +
    'so a relative gain is undefined; the absolute score difference is given instead'
  );
}

/** Two-sided paired t-test of the per-seed differences against 0. */
export function pairedTTestPValue(differences: number[]): number {
  const n = differences.length;
  const m = mean(differences);
  const sd = sampleStandardDeviation(differences);
  if (sd === 0) return m === 0 ? 1 : 0;
  return tTwoSidedPValue(m / (sd / Math.sqrt(n)), n - 1);
}
