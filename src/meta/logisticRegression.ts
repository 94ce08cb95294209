import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { solvePositiveDefinite } from './cholesky.js';

/** A fitted binary logistic regression: P(y = 1 | x) = σ(intercept + coefficients · x). */
export interface LogisticModel {
  intercept: number;
  coefficients: number[];
  /** Newton steps taken; `converged` is false only if the iteration cap was hit. */
  iterations: number;
  converged: boolean;
}

/** What prediction needs of a model. */
export type LinearModel = Pick<LogisticModel, 'intercept' | 'coefficients'>;

export interface LogisticOptions {
  /** Inverse regularisation strength, as scikit-learn's C (default 1). */
  C: number;
  maxIterations?: number;
}

const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * L2-regularised logistic regression with scikit-learn's objective and defaults: minimise
 * ½‖w‖² + C·Σ log-loss, the intercept unpenalised.
 *
 * This extends ml-logistic-regression, whose model represents and applies the fit (see `packageModel`): the
 * package lacks an intercept, a penalty, and a trainer fast enough for the thousands of fits of repeated CV and
 * feature elimination (a fixed 50,000-step gradient ascent that, on a 16-row problem, is still far from the
 * optimum). The objective is smooth and strictly convex, so damped Newton steps (Cholesky on the (p+1)² Hessian,
 * Armijo backtracking) reach machine precision in a handful of iterations.
 * Needs both classes in `y`: with one class the unpenalised intercept has no finite optimum.
 */
export function fitLogisticRegression(
  rows: readonly (readonly number[])[],
  y: readonly (0 | 1)[],
  options: LogisticOptions = { C: 1 },
): LogisticModel {
  const n = rows.length;
  if (!y.includes(0) || !y.includes(1)) throw new Error('fitLogisticRegression needs both classes');
  const p = rows[0].length;
  const m = p + 1;
  const { C, maxIterations = 100 } = options;
  const theta = new Float64Array(m);
  const linear = (t: Float64Array, x: readonly number[]): number => {
    let s = t[0];
    for (let j = 0; j < p; j++) s += t[j + 1] * x[j];
    return s;
  };
  const objective = (t: Float64Array): number => {
    let penalty = 0;
    for (let j = 1; j < m; j++) penalty += t[j] * t[j];
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const zi = linear(t, rows[i]);
      loss += softplus(zi) - y[i] * zi;
    }
    return 0.5 * penalty + C * loss;
  };
  let value = objective(theta);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = new Float64Array(m);
    const hessian = new Float64Array(m * m);
    for (let j = 1; j < m; j++) {
      gradient[j] = theta[j];
      hessian[j * m + j] = 1;
    }
    for (let i = 0; i < n; i++) {
      const prob = sigmoid(linear(theta, rows[i]));
      const residual = C * (prob - y[i]);
      const weight = C * prob * (1 - prob);
      const x = rows[i];
      for (let a = 0; a < m; a++) {
        const xa = a === 0 ? 1 : x[a - 1];
        gradient[a] += residual * xa;
        for (let b = 0; b <= a; b++) hessian[a * m + b] += weight * xa * (b === 0 ? 1 : x[b - 1]);
      }
    }
    let largest = 0;
    for (let a = 0; a < m; a++) largest = Math.max(largest, Math.abs(gradient[a]));
    if (largest <= 1e-12 * (1 + C * n)) return result(theta, iteration - 1, true);
    for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) hessian[a * m + b] = hessian[b * m + a];
    const negative = gradient.map((g) => -g);
    const step = solvePositiveDefinite(hessian, negative, m);
    if (step === undefined) throw new Error('logistic regression: Hessian not positive definite');
    let slope = 0;
    for (let a = 0; a < m; a++) slope += gradient[a] * step[a];
    let t = 1;
    let next = theta.map((v, a) => v + step[a]);
    let nextValue = objective(next);
    while (nextValue > value + 1e-4 * t * slope && t > 1e-12) {
      t /= 2;
      next = theta.map((v, a) => v + t * step[a]);
      nextValue = objective(next);
    }
    if (!(nextValue < value)) return result(theta, iteration, true);
    theta.set(next);
    value = nextValue;
  }
  return result(theta, maxIterations, false);
}

function result(theta: Float64Array, iterations: number, converged: boolean): LogisticModel {
  return { intercept: theta[0], coefficients: Array.from(theta.subarray(1)), iterations, converged };
}

const packageModels = new WeakMap<LinearModel, LogisticRegression>();

/**
 * The fit as an ml-logistic-regression model over inputs prefixed with a constant 1 (the intercept): its
 * one-vs-all classifiers score P(class ≠ 0) = σ(θ·x) and P(class ≠ 1) = σ(−θ·x).
 */
export function packageModel(model: LinearModel): LogisticRegression {
  let fitted = packageModels.get(model);
  if (fitted === undefined) {
    const theta = [model.intercept, ...model.coefficients];
    fitted = LogisticRegression.load({
      name: 'LogisticRegression',
      numberClasses: 2,
      classifiers: [{ weights: [theta] }, { weights: [theta.map((v) => -v)] }],
    });
    packageModels.set(model, fitted);
  }
  return fitted;
}

/** P(gain) for one row. */
export function predictProbability(model: LinearModel, x: readonly number[]): number {
  return packageModel(model).classifiers[0].testScores(new Matrix([[1, ...x]]))[0];
}

/** 1 when P(gain) > 0.5, as scikit-learn's predict (a tie goes to class 0). */
export function labelOf(probability: number): 0 | 1 {
  return probability > 0.5 ? 1 : 0;
}

export function predictLabel(model: LinearModel, x: readonly number[]): 0 | 1 {
  return labelOf(predictProbability(model, x));
}
