/**
 * A directed pair's gain: how much `aux` helped `main` (main's test F1 in the pair run against its single-task
 * run, paired by seed), averaged over every seed that has both runs. With one seed the intervals and p-value are
 * absent.
 */
export interface GainRow {
  main: string;
  aux: string;
  seeds: number;
  singleF1: number;
  pairF1: number;
  /**
   * Mean over seeds of pairF1 / singleF1 − 1; null when main's single-task score is near zero in a seed (it did
   * not learn alone), where a percentage would divide by almost nothing: `diff` is the measurement then.
   */
  gain: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Two-sided paired t-test of pair vs single F1 over seeds. */
  pValue: number | null;
  /** Mean over seeds of pairF1 − singleF1: the absolute score difference, with its 95 % t interval. */
  diff: number;
  diffLow: number | null;
  diffHigh: number | null;
  /** Why the pair's numbers need care (runs that did not learn, outlier seeds), `; `-separated; empty when none. */
  flag: string;
}
