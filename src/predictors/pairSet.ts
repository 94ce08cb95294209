/** A directed pair: does `aux` help `main`? */
export interface DirectedPair {
  main: string;
  aux: string;
}

/** The measured truth of a pair set, aligned with its pairs: relative gains and the study's gain labels. */
export interface PairTruth {
  gains: readonly number[];
  labels: readonly (0 | 1)[];
}

/** The directed pairs a predictor is scored on, in a fixed order, grouped by main task. */
export class PairSet {
  /** Row indices of each main task's pairs, main tasks in first-seen order. */
  readonly groups: readonly { main: string; rows: readonly number[] }[];
  private readonly index: ReadonlyMap<string, number>;

  constructor(readonly pairs: readonly DirectedPair[]) {
    const groups = new Map<string, number[]>();
    pairs.forEach(({ main }, i) => {
      groups.set(main, [...(groups.get(main) ?? []), i]);
    });
    this.groups = [...groups].map(([main, rows]) => ({ main, rows }));
    this.index = new Map(pairs.map(({ main, aux }, i) => [pairKey(main, aux), i]));
  }

  get size(): number {
    return this.pairs.length;
  }

  rowOf(main: string, aux: string): number | undefined {
    return this.index.get(pairKey(main, aux));
  }

  /** The tasks that appear in any pair, sorted. */
  tasks(): string[] {
    return [...new Set(this.pairs.flatMap((p) => [p.main, p.aux]))].sort((a, b) => a.localeCompare(b, 'en'));
  }
}

export function pairKey(main: string, aux: string): string {
  return `${main}\t${aux}`;
}

/** The rows of `set` kept by `keep`, as a pair set of their own, with `truth` cut to match. */
export function subsetPairs(set: PairSet, truth: PairTruth, keep: (pair: DirectedPair) => boolean): { pairs: PairSet; truth: PairTruth } {
  const rows = set.pairs.flatMap((pair, i) => (keep(pair) ? [i] : []));
  return {
    pairs: new PairSet(rows.map((i) => set.pairs[i])),
    truth: { gains: rows.map((i) => truth.gains[i]), labels: rows.map((i) => truth.labels[i]) },
  };
}
