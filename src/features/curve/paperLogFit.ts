import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import type { Curve } from '../../engine/trainingResult.js';
import { curveProblem } from './curveProblem.js';

/** The notebook fits every 10th of the first 5,000 recorded points. */
export const PAPER_FIT_EVERY = 10;
export const PAPER_FIT_POINTS = 5000;
/** scipy's curve_fit needs at least as many points as parameters. */
const MIN_POINTS = 4;
/** Iterations per call of the fitter, and in all: about five times what scipy's default budget allows. */
const CHUNK = 100;
const MAX_ITERATIONS = 1000;
/** Converged once a chunk lowers the sum of squares by less than this share of the curve's total variation. */
const TOLERANCE = 1e-12;
/** The fit "runs into" ln's singularity when it lies within this share of the mean point spacing of the window. */
const EDGE = 1e-3;

export type PaperLogFit =
  | {
      ok: true;
      a: number;
      b: number;
      c: number;
      d: number;
      rmse: number;
      iterations: number;
      /** Set when the fit ran into ln's singularity, where b too depends on the optimiser. */
      edge?: string;
    }
  | { ok: false; reason: string };

export const EDGE_NOTE =
  "the fit runs into ln's singularity (c·x + d → 0 at an end of the fitted points), so b, like c, depends on where the optimiser stops";

type Parameters = [a: number, b: number, c: number, d: number];
const model =
  ([a, b, c, d]: number[]) =>
  (x: number) =>
    a + b * Math.log(c * x + d);
const jacobian =
  ([, b, c, d]: number[]) =>
  (x: number) => [1, Math.log(c * x + d), (b * x) / (c * x + d), b / (c * x + d)];

/** Up to CHUNK iterations of mljs's fitter from `parameters`, or undefined when it cannot solve a step. */
function lmChunk(x: number[], y: number[], parameters: number[], damping: number): ReturnType<typeof levenbergMarquardt> | undefined {
  try {
    return levenbergMarquardt({ x, y }, model, {
      initialValues: parameters,
      jacobianFunction: jacobian,
      damping,
      maxIterations: CHUNK,
      errorTolerance: 0,
    });
  } catch (error) {
    if (error instanceof Error && /singular/.test(error.message)) return undefined;
    throw error;
  }
}

/** The points the notebook fits: every 10th of the first 5,000. */
export function paperFitWindow(curve: Curve): Curve {
  const step: number[] = [];
  const loss: number[] = [];
  for (let i = 0; i < Math.min(curve.step.length, PAPER_FIT_POINTS); i += PAPER_FIT_EVERY) {
    step.push(curve.step[i]);
    loss.push(curve.loss[i]);
  }
  return { step, loss };
}

/**
 * The notebook's fit of L(x) = a + b·ln(c·x + d) (x = training step) by least squares, Levenberg–Marquardt from
 * a = b = c = d = 1 as scipy's curve_fit, with mljs's fitter. Its analytical Jacobian replaces finite differences.
 * That fitter stops at a step that leaves ln's domain (c·x + d ≤ 0) where MINPACK would reject the step and
 * raise the damping: here the fit restarts from its best point with eleven times the damping, which is what
 * rejecting the step does. A fit still improving after MAX_ITERATIONS has not converged (scipy raises then).
 */
export function fitPaperLogCurve(curve: Curve): PaperLogFit {
  const problem = curveProblem(curve, 1);
  if (problem !== undefined) return { ok: false, reason: problem };
  const data = paperFitWindow(curve);
  if (data.step.length < MIN_POINTS) {
    const needed = PAPER_FIT_EVERY * (MIN_POINTS - 1) + 1;
    const found = `${data.step.length} point${data.step.length === 1 ? '' : 's'}`;
    return {
      ok: false,
      reason: `${found} in the fitting window (every ${PAPER_FIT_EVERY}th point), at least ${MIN_POINTS} needed: a curve of ${needed} points or more`,
    };
  }
  const { step: x, loss: y } = data;
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  if (total === 0) return { ok: false, reason: 'the loss is constant' };

  let parameters: number[] = [1, 1, 1, 1];
  let sse = Infinity;
  let damping = 1e-2;
  let iterations = 0;
  let converged = false;
  while (iterations < MAX_ITERATIONS && !converged) {
    const result = lmChunk(x, y, parameters, damping);
    if (result === undefined) {
      // Its step matrix became singular (the damping vanished next to huge curvatures): retry with more damping.
      iterations += CHUNK;
      damping = Math.min(damping * 11, 1e7);
      continue;
    }
    iterations += Math.max(1, result.iterations);
    converged = result.parameterError === 0 || (result.iterations === CHUNK && sse - result.parameterError <= TOLERANCE * total);
    if (!converged && result.iterations < CHUNK) damping = Math.min(damping * 11, 1e7);
    parameters = result.parameterValues;
    sse = Math.min(sse, result.parameterError);
  }
  const [a, b, c, d] = parameters as Parameters;
  if (!Number.isFinite(sse) || [a, b, c, d].some((v) => !Number.isFinite(v))) {
    return { ok: false, reason: 'the fitter found no step: its step matrix was singular at every damping' };
  }
  // Distance in steps from the nearest fitted point to x = −d/c, where ln(c·x + d) is singular.
  const distance = Math.min((c * x[0] + d) / Math.abs(c), (c * x[x.length - 1] + d) / Math.abs(c));
  const edge = distance < (EDGE * (x[x.length - 1] - x[0])) / (x.length - 1);
  if (!converged && !edge) {
    return {
      ok: false,
      reason: `the fit did not converge in ${MAX_ITERATIONS} iterations (scipy's curve_fit raises when it does not converge)`,
    };
  }
  return { ok: true, a, b, c, d, rmse: Math.sqrt(sse / x.length), iterations, ...(edge ? { edge: EDGE_NOTE } : {}) };
}
