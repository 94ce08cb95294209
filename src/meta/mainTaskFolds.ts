import type { FeatureMatrix } from './featureMatrix.js';
import { fitScaledAndPredict } from './fitAndPredict.js';
import { groupsOf } from './folds.js';
import { applyMinMax, fitMinMax } from './minMaxScaler.js';

interface Fold {
  main: string;
  /** Rows of the held-out main task. */
  rows: number[];
  /** Rows of every other main task. */
  train: number[];
  trainX: number[][];
  testX: number[][];
}

/** Held-out P(gain) of every row, each from the model fitted without its main task's rows. */
export interface HeldOutFit {
  probabilities: number[];
  /** Per fold (in `MainTaskFolds.folds` order): the other main tasks' rows had one class, which was predicted. */
  singleClass: boolean[];
}

/**
 * The folds of leave-one-main-task-out over a feature matrix, each scaled on its training rows once: scaling
 * depends on the features only, so refitting for another labelling (a label permutation) redoes only the fits.
 */
export class MainTaskFolds {
  readonly folds: readonly Fold[];

  constructor(matrix: Pick<FeatureMatrix, 'rows' | 'mains'>) {
    this.folds = groupsOf(matrix.mains).map(({ key, rows }) => {
      const held = new Set(rows);
      const train = matrix.rows.flatMap((_, i) => (held.has(i) ? [] : [i]));
      const scaler = fitMinMax(train.map((i) => matrix.rows[i]));
      return {
        main: key,
        rows,
        train,
        trainX: applyMinMax(
          scaler,
          train.map((i) => matrix.rows[i]),
        ),
        testX: applyMinMax(
          scaler,
          rows.map((i) => matrix.rows[i]),
        ),
      };
    });
  }

  /** Fits each fold on `labels` (one per matrix row) and predicts its held-out rows. */
  fit(labels: readonly (0 | 1)[], C: number): HeldOutFit {
    const probabilities = new Array<number>(labels.length);
    const singleClass = this.folds.map((fold) => {
      const prediction = fitScaledAndPredict(
        fold.trainX,
        fold.train.map((i) => labels[i]),
        fold.testX,
        C,
      );
      fold.rows.forEach((row, k) => {
        probabilities[row] = prediction.probabilities[k];
      });
      return prediction.singleClass;
    });
    return { probabilities, singleClass };
  }
}
