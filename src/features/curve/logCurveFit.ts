import type { Curve } from '../../engine/trainingResult.js';
import { curveProblem } from './curveProblem.js';
import { goldenSection } from './goldenSection.js';

/**
 * taskrel's least-squares fit of L(x) = a·ln(x + k) + b to a loss curve (x = training step), or why there is none.
 *
 * The paper's a·ln(c·x + d) + b has one parameter too many: only d/c is identified, so c alone is wherever the
 * optimiser stopped. Dividing c out, a·ln(c·x + d) + b = a·ln(x + k) + b + a·ln(c) with k = d/c: the logarithm
 * starts k steps before step 0. k = 0 is a curve logarithmic from its first point (the loss fell before it was
 * first recorded), where c = 1/k would be infinite; as k grows the curve straightens, and k stops at
 * KNEE_LIMIT × the last step, where ln(x + k) is a straight line over the curve to within 0.5 %. Both ends are
 * values, not failures, so the two features are defined for every curve with a trend.
 */
export type LogCurveFit =
  | {
      ok: true;
      a: number;
      b: number;
      knee: number;
      rmse: number;
      r2: number;
      /** Set when the knee sits at one end of its range, saying which and what it means. */
      boundary?: string;
    }
  | { ok: false; reason: string };

export const KNEE_LIMIT = 100;
/** Grid over log10(k / last step) before refinement. */
const GRID_FROM = -6;
const GRID_STEP = 0.05;

export const FIRST_POINT = 'logarithmic from its first point (k at its lowest, 0)';
export const STRAIGHT = `straight over the whole curve (k at its limit, ${KNEE_LIMIT} × the last step)`;

interface Profile {
  a: number;
  b: number;
  sse: number;
}

/** For fixed k the model is linear in a and b: solve them in closed form (variable projection). */
function profile(steps: readonly number[], loss: readonly number[], knee: number): Profile {
  const n = steps.length;
  const g = steps.map((x) => Math.log(x + knee));
  const meanG = g.reduce((s, x) => s + x, 0) / n;
  const meanL = loss.reduce((s, x) => s + x, 0) / n;
  let sgg = 0;
  let sgl = 0;
  for (let i = 0; i < n; i++) {
    sgg += (g[i] - meanG) ** 2;
    sgl += (g[i] - meanG) * (loss[i] - meanL);
  }
  const a = sgg > 0 ? sgl / sgg : 0;
  const b = meanL - a * meanG;
  // Summing residuals directly (not sll − a·sgl) keeps precision when the fit is nearly exact.
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (loss[i] - a * g[i] - b) ** 2;
  return { a, b, sse };
}

/** Candidate knees: the lowest allowed, then a logarithmic grid up to the limit. */
function kneeGrid(steps: readonly number[]): number[] {
  const last = steps[steps.length - 1];
  // ln(0) is undefined: a curve recorded from step 0 keeps its knee a thousandth of a step spacing above it.
  const lowest = steps[0] > 0 ? 0 : steps[1] * 1e-3;
  const grid = [lowest];
  const points = Math.round((Math.log10(KNEE_LIMIT) - GRID_FROM) / GRID_STEP);
  for (let j = 0; j <= points; j++) {
    const knee = last * 10 ** (GRID_FROM + j * GRID_STEP);
    if (knee > lowest) grid.push(knee);
  }
  return grid;
}

/** Fits the curve: the profile's sum of squares over a grid of knees, then golden-section refinement. */
export function fitLogCurve(curve: Curve): LogCurveFit {
  const problem = curveProblem(curve, 4);
  if (problem !== undefined) return { ok: false, reason: problem };
  const { step, loss } = curve;
  if (step[0] < 0) return { ok: false, reason: 'negative training steps' };
  const mean = loss.reduce((s, x) => s + x, 0) / loss.length;
  const total = loss.reduce((s, x) => s + (x - mean) ** 2, 0);
  if (total <= 1e-24 * Math.max(1, mean * mean)) return { ok: false, reason: 'the loss is constant' };

  const grid = kneeGrid(step);
  const sse = grid.map((knee) => profile(step, loss, knee).sse);
  const best = sse.indexOf(Math.min(...sse));
  let knee = grid[best];
  let boundary: string | undefined;
  if (best === 0) boundary = FIRST_POINT;
  else if (best === grid.length - 1) boundary = STRAIGHT;
  else if (best > 0) {
    const low = grid[best - 1];
    const high = grid[best + 1];
    knee = goldenSection((k) => profile(step, loss, k).sse, low, high, 1e-10 * high);
  }
  const fit = profile(step, loss, knee);
  return {
    ok: true,
    a: fit.a,
    b: fit.b,
    knee,
    rmse: Math.sqrt(fit.sse / step.length),
    r2: 1 - fit.sse / total,
    ...(boundary === undefined ? {} : { boundary }),
  };
}
