/** The parts of ml-logistic-regression@2 (no bundled types) that taskrel uses. */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  interface TwoClassModel {
    weights: Matrix;
    /** P(target = 1) per row of `features`. */
    testScores(features: Matrix): number[];
  }

  interface SavedModel {
    name: 'LogisticRegression';
    numberClasses: number;
    classifiers: { weights: number[][] }[];
  }

  /** One-vs-all: classifier i scores P(class ≠ i); predict takes the class with the lowest score. */
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClassModel[];
    numberClasses: number;
    train(X: Matrix, Y: Matrix): void;
    predict(X: Matrix): number[];
    static load(model: SavedModel): LogisticRegression;
    toJSON(): SavedModel;
  }
}
