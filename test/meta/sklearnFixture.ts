import type { FeatureMatrix } from '../../src/meta/featureMatrix.js';

/**
 * 18 pairs of 6 main tasks (a–f, three pairs each), 4 features on different scales, noisy labels — drawn once
 * with numpy (RandomState(7), rounded) so scikit-learn 1.2.1 could give reference answers, which the tests
 * hard-code with the exact call that produced them.
 */
export const sklearnRows = [
  [0.8, 7.8, 440, 7.2],
  [9.8, 5.4, 500, 0.7],
  [2.7, 5.0, 680, 8.0],
  [3.8, 0.7, 290, 9.1],
  [2.1, 4.5, 930, 0.2],
  [6.0, 9.5, 230, 5.5],
  [9.1, 1.3, 520, 7.5],
  [6.7, 4.7, 200, 4.9],
  [3.7, 4.8, 370, 8.4],
  [7.7, 3.1, 570, 2.8],
  [4.5, 3.5, 660, 3.7],
  [4.6, 7.2, 410, 9.1],
  [1.8, 7.4, 420, 4.3],
  [6.3, 5.2, 410, 0.0],
  [0.9, 7.1, 520, 7.0],
  [9.6, 6.8, 50, 3.1],
  [5.9, 2.4, 960, 9.5],
  [8.5, 4.7, 840, 1.3],
];
export const sklearnLabels: (0 | 1)[] = [0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1];

export function sklearnMatrix(): FeatureMatrix {
  return {
    names: ['main_sentences', 'main_labels', 'main_frobenius_norm', 'aux_oov_rate'],
    rows: sklearnRows,
    labels: sklearnLabels,
    mains: sklearnRows.map((_, i) => 'abcdef'[Math.floor(i / 3)]),
    auxes: sklearnRows.map((_, i) => 'abcdef'[(Math.floor(i / 3) + 1 + (i % 3)) % 6]),
  };
}
