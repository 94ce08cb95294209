/** Counts of a binary prediction against the truth, "gain" (1) being the positive class. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusion(truth: readonly (0 | 1)[], predicted: readonly (0 | 1)[]): Confusion {
  const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  truth.forEach((t, i) => {
    const p = predicted[i];
    if (t === 1) counts[p === 1 ? 'tp' : 'fn'] += 1;
    else counts[p === 1 ? 'fp' : 'tn'] += 1;
  });
  return counts;
}

export function accuracy(c: Confusion): number {
  return (c.tp + c.tn) / (c.tp + c.fp + c.tn + c.fn);
}

/** F1 of the "gain" class; null when it is undefined (no gain in the truth and none predicted). */
export function gainF1(c: Confusion): number | null {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator === 0 ? null : (2 * c.tp) / denominator;
}
