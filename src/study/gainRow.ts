/**
 * A directed pair's gain: how much `aux` helped `main` (relative gain of main's test F1 in the pair run over
 * its single-task run), averaged over seeds. With one seed the interval and p-value are absent.
 */
export interface GainRow {
  main: string;
  aux: string;
  seeds: number;
  singleF1: number;
  pairF1: number;
  /** Mean over seeds of pairF1 / singleF1 − 1. */
  gain: number;
  ciLow: number | null;
  ciHigh: number | null;
  /** Two-sided paired t-test of pair vs single F1 over seeds. */
  pValue: number | null;
}
