/** Information-theoretic comparisons of two label sets from their joint table, in bits. */
export interface InformationMeasures {
  entropyA: number;
  entropyB: number;
  jointEntropy: number;
  mutualInformation: number;
  /** H(A) + H(B) − 2·I(A; B): a distance, 0 when each label set determines the other (Meilă 2007). */
  variationOfInformation: number;
  /** I / H(A, B), the normalisation seq-tag-sim reports; null when H(A, B) = 0. */
  nmiJoint: number | null;
  /** 2·I / (H(A) + H(B)) (the V-measure); null when both entropies are 0. */
  nmiSum: number | null;
  /** I / max(H(A), H(B)); null when both entropies are 0. */
  nmiMax: number | null;
}

const plogp = (p: number): number => (p > 0 ? p * Math.log2(p) : 0);

/**
 * Entropies, mutual information, variation of information and three normalised mutual informations of the
 * distribution given by a table of non-negative weights (rows: labels of A, columns: labels of B), normalised to
 * sum 1; undefined for a table that sums to 0 (two tasks without a shared word).
 */
export function informationMeasures(table: readonly (readonly number[])[]): InformationMeasures | undefined {
  const rows = table.map((row) => row.reduce((s, v) => s + v, 0));
  const total = rows.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return undefined;
  const columns = (table[0] ?? []).map((_, j) => table.reduce((s, row) => s + row[j], 0));
  const entropyA = -rows.reduce((s, v) => s + plogp(v / total), 0);
  const entropyB = -columns.reduce((s, v) => s + plogp(v / total), 0);
  const jointEntropy = -table.reduce((s, row) => s + row.reduce((t, v) => t + plogp(v / total), 0), 0);
  // I = H(A) + H(B) − H(A, B), clipped at 0 against rounding when the labels are independent.
  const mutualInformation = Math.max(0, entropyA + entropyB - jointEntropy);
  const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);
  return {
    entropyA,
    entropyB,
    jointEntropy,
    mutualInformation,
    variationOfInformation: Math.max(0, entropyA + entropyB - 2 * mutualInformation),
    nmiJoint: ratio(mutualInformation, jointEntropy),
    nmiSum: ratio(2 * mutualInformation, entropyA + entropyB),
    nmiMax: ratio(mutualInformation, Math.max(entropyA, entropyB)),
  };
}
