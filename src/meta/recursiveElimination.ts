import { fitLogisticRegression, type LogisticModel } from './logisticRegression.js';

/**
 * Recursive feature elimination as scikit-learn's RFE(step=1, n_features_to_select=1): fit, drop the column with
 * the smallest |coefficient| (the first such on ties), refit, down to one column. Returns each column's rank
 * (1 = kept to the end; the first dropped gets the number of columns) and shows `visit` every fitted model with
 * the columns it used.
 */
export function recursiveElimination(
  rows: readonly (readonly number[])[],
  labels: readonly (0 | 1)[],
  C: number,
  visit: (active: readonly number[], model: LogisticModel) => void = () => {},
): number[] {
  const columns = rows[0].length;
  const rank = new Array<number>(columns).fill(1);
  let active = Array.from({ length: columns }, (_, j) => j);
  while (active.length > 0) {
    const model = fitLogisticRegression(
      rows.map((row) => active.map((j) => row[j])),
      labels,
      { C },
    );
    visit(active, model);
    let weakest = 0;
    model.coefficients.forEach((c, k) => {
      if (Math.abs(c) < Math.abs(model.coefficients[weakest])) weakest = k;
    });
    rank[active[weakest]] = active.length;
    active = active.filter((_, k) => k !== weakest);
  }
  return rank;
}
