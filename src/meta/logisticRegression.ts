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
  const m = rows[0].length + 1;
  const { C, maxIterations = 100 } = options;
  // The design matrix with a leading 1 for the intercept, row-major: the fits of a permutation test run in here.
  const design = new Float64Array(n * m);
  rows.forEach((row, i) => {
    design[i * m] = 1;
    for (let j = 1; j < m; j++) design[i * m + j] = row[j - 1];
  });
  const linear = (t: Float64Array, i: number): number => {
    let s = 0;
    for (let a = 0, o = i * m; a < m; a++) s += t[a] * design[o + a];
    return s;
  };
  const objective = (t: Float64Array): number => {
    let penalty = 0;
    for (let a = 1; a < m; a++) penalty += t[a] * t[a];
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const zi = linear(t, i);
      loss += softplus(zi) - y[i] * zi;
    }
    return 0.5 * penalty + C * loss;
  };
  const theta = new Float64Array(m);
  const next = new Float64Array(m);
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  let value = objective(theta);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Gradient first: the last iteration only confirms convergence and needs no Hessian.
    const weights = new Float64Array(n);
    gradient.fill(0);
    for (let a = 1; a < m; a++) gradient[a] = theta[a];
    for (let i = 0; i < n; i++) {
      const prob = sigmoid(linear(theta, i));
      const residual = C * (prob - y[i]);
      weights[i] = C * prob * (1 - prob);
      for (let a = 0, o = i * m; a < m; a++) gradient[a] += residual * design[o + a];
    }
    let largest = 0;
    for (let a = 0; a < m; a++) largest = Math.max(largest, Math.abs(gradient[a]));
    if (largest <= 1e-12 * (1 + C * n)) return result(theta, iteration - 1, true);
    hessian.fill(0);
    for (let a = 1; a < m; a++) hessian[a * m + a] = 1;
    addWeightedGram(hessian, design, weights, n, m);
    for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) hessian[a * m + b] = hessian[b * m + a];
    const step = solvePositiveDefinite(
      hessian,
      gradient.map((g) => -g),
      m,
    );
    if (step === undefined) throw new Error('logistic regression: Hessian not positive definite');
    let slope = 0;
    for (let a = 0; a < m; a++) slope += gradient[a] * step[a];
    let t = 1;
    for (let a = 0; a < m; a++) next[a] = theta[a] + step[a];
    let nextValue = objective(next);
    while (nextValue > value + 1e-4 * t * slope && t > 1e-12) {
      t /= 2;
      for (let a = 0; a < m; a++) next[a] = theta[a] + t * step[a];
      nextValue = objective(next);
    }
    if (!(nextValue < value)) return result(theta, iteration, true);
    theta.set(next);
    value = nextValue;
  }
  return result(theta, maxIterations, false);
}

/**
 * hessian (lower triangle) += Σ_i weights[i] · z_i z_iᵀ over the rows z_i of the n × m design. Four rows at a time,
 * so that each load and store of a Hessian cell serves four multiply-adds (the permutation test refits thousands of
 * times); each cell still adds its rows in order, so the sums are exactly those of one row at a time.
 */
function addWeightedGram(hessian: Float64Array, design: Float64Array, weights: Float64Array, n: number, m: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const o0 = i * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    for (let a = 0; a < m; a++) {
      const a0 = weights[i] * design[o0 + a];
      const a1 = weights[i + 1] * design[o1 + a];
      const a2 = weights[i + 2] * design[o2 + a];
      const a3 = weights[i + 3] * design[o3 + a];
      for (let b = 0, h = a * m; b <= a; b++, h++) {
        let cell = hessian[h];
        cell += a0 * design[o0 + b];
        cell += a1 * design[o1 + b];
        cell += a2 * design[o2 + b];
        cell += a3 * design[o3 + b];
        hessian[h] = cell;
      }
    }
  }
  for (; i < n; i++) {
    const o = i * m;
    for (let a = 0; a < m; a++) {
      const wa = weights[i] * design[o + a];
      for (let b = 0, h = a * m; b <= a; b++, h++) hessian[h] += wa * design[o + b];
    }
  }
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
