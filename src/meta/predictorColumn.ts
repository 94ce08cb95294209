import type { Outcome } from './metaReport.js';

/**
 * How far a predictor is trusted, as measured on the knowledge study: one headline measure next to what
 * chance (or the no-feature baseline) scores on it, and a sentence a reader can act on.
 */
export interface PredictorTrust {
  /** Where the measure comes from, e.g. `meta.json, leave-one-main-task-out`. */
  source: string;
  /** What `value` measures, e.g. `precision of the top-ranked auxiliary task`. */
  measure: string;
  value: number | null;
  /** What chance or the baseline scores on the same measure; null when there is none. */
  chance: number | null;
  statement: string;
}

/** One candidate as a predictor sees it. */
export interface PredictorCell {
  aux: string;
  /** Higher means more likely to help; null when this candidate could not be scored (`note` says why). */
  score: number | null;
  /** 1 = most likely to help by this predictor; null with the score. */
  rank: number | null;
  /** An interval around the score, where the predictor defines one (null bounds: undefined for this study). */
  interval?: { low: number | null; high: number | null };
  note?: string;
}

/**
 * A column of the ranking table: one predictor's view of every candidate auxiliary task, with its trust on
 * the knowledge study. Predictors are independent of each other; the first column orders the table.
 */
export interface PredictorColumn {
  /** Stable identifier, e.g. `meta-model`, `lookahead`. */
  id: string;
  /** Column header. */
  label: string;
  /** What the score is, one sentence. */
  about: string;
  /** How a score reads: a probability, a relative gain (as a percentage), or a plain score. */
  format: 'probability' | 'gain' | 'score';
  /** `value`: the terminal shows each score; `rank`: its rank (the page shows both). */
  show: 'value' | 'rank';
  cells: PredictorCell[];
  trust: Outcome<PredictorTrust>;
}

/** Cells ranked by score, highest first, ties by name; candidates without a score stay unranked. */
export function rankedCells(scores: readonly Omit<PredictorCell, 'rank'>[]): PredictorCell[] {
  const order = scores
    .filter((s) => s.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || a.aux.localeCompare(b.aux, 'en'));
  return scores.map((s) => ({ ...s, rank: s.score === null ? null : order.indexOf(s) + 1 }));
}
